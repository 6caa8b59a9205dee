"""The labelled metadata block of government web pages (标题：/发文字号：/成文日期：)."""

from __future__ import annotations

from extractors import extract_text
from extractors.labels import find_label_block
from extractors.normalize import normalize_text
from extractors.records import DocumentMeta
from sources.html import html_to_text

# The layout of a gov.cn policy page: a metadata table, then the notice.
GOV_PAGE = """<html><head><meta charset="utf-8">
<title>国务院办公厅关于加快推进政务服务“跨省通办”的指导意见_政府信息公开专栏</title></head><body>
<table class="bd1">
<tr><td><b>索&nbsp;引&nbsp;号：</b></td><td>000014349/2020-00124</td><td><b>主题分类：</b></td><td>政府工作\\其他</td></tr>
<tr><td><b>发文机关：</b></td><td>国务院办公厅</td><td><b>成文日期：</b></td><td>2020年09月24日</td></tr>
<tr><td><b>标　　题：</b></td><td colspan="3">国务院办公厅关于加快推进政务服务“跨省通办”的指导意见</td></tr>
<tr><td><b>发文字号：</b></td><td>国办发〔2020〕35号</td><td><b>发布日期：</b></td><td>2020年09月29日</td></tr>
</table>
<div id="UCAP-CONTENT">
<p>各省、自治区、直辖市人民政府，国务院各部委、各直属机构：</p>
<p>　　（一）推动工作类事项“跨省通办”。2020年底前，实现工伤保险待遇资格认证、特种设备作业人员资格认定等2个事项“跨省通办”。（人力资源社会保障部、市场监管总局等按职责分工负责）</p>
</div></body></html>"""


def _document(raw: str) -> DocumentMeta:
    """The document record of raw page text, normalized first as the pipeline does."""
    return extract_text(normalize_text(raw).text).document


def gov_page_text() -> str:
    return normalize_text(html_to_text(GOV_PAGE)).text


def test_labelled_values_fill_the_document_record():
    meta = extract_text(gov_page_text()).document
    assert meta.title == "国务院办公厅关于加快推进政务服务“跨省通办”的指导意见"
    assert (meta.doc_number, meta.issuer) == ("国办发〔2020〕35号", "国务院办公厅")
    assert (meta.issued, meta.published) == ("2020-09-24", "2020-09-29")


def test_spans_point_at_the_values():
    text = gov_page_text()
    meta = extract_text(text).document
    assert text[slice(*meta.title_span)] == meta.title
    assert text[slice(*meta.doc_number_span)] == "国办发〔2020〕35号"
    assert text[slice(*meta.issued_span)] == "2020年09月24日"


def test_the_block_is_not_a_source_of_department_mentions():
    text = gov_page_text()
    result = extract_text(text)
    start, end = result.document.labels_span
    assert "发文机关" in text[start:end]
    assert all(not (start <= d.span[0] < end) for d in result.departments)


def test_names_before_a_role_cue_after_etc_and_duty_words_are_responsible():
    roles = {d.canonical: d.role for d in extract_text(gov_page_text()).departments}
    assert roles["人力资源和社会保障部"] == "responsible"
    assert roles["国家市场监督管理总局"] == "responsible"


def test_a_lone_label_in_running_text_is_not_a_block():
    text = "关于做好异地就医备案工作的通知\n各市医疗保障局：\n标题：可在系统中修改。请按要求报送。\n"
    assert find_label_block(text) is None
    assert extract_text(text).document.title == "关于做好异地就医备案工作的通知"


def test_layout_still_decides_without_a_block():
    text = "广东省医疗保障局文件\n粤医保发〔2021〕29号\n广东省医疗保障局关于印发某方案的通知\n各地级以上市医疗保障局：\n"
    meta = extract_text(text).document
    assert meta.labels_span is None and meta.doc_number == "粤医保发〔2021〕29号"


# The same block with no colons: label cells of their own, as many portals build it.
BARE_CELLS_PAGE = GOV_PAGE.replace("：</b>", "</b>")

# Scraped as text: one space between a label and its value, which normalization removes.
SCRAPED_BLOCK = (
    "首 页 > 信息公开 > 正文\n"
    "索 引 号 11610527Q-2019-000024 成文日期 2019-02-25\n"
    "发布机构 某水县人民政府 发布日期 2019-02-25\n"
    "名  称 某水县人民政府办公室关于规范政务服务事项名称和文号管理的通知\n"
    "文  号 某政办发〔2019〕9号 主 题 词 政务服务\n"
    "各镇人民政府、街道办事处：\n"
    "现将有关事项通知如下。\n"
)


def test_a_block_of_label_cells_without_colons():
    meta = extract_text(normalize_text(html_to_text(BARE_CELLS_PAGE)).text).document
    assert meta.title == "国务院办公厅关于加快推进政务服务“跨省通办”的指导意见"
    assert meta.doc_number == "国办发〔2020〕35号"
    assert (meta.issuer, meta.issued, meta.published) == ("国务院办公厅", "2020-09-24", "2020-09-29")


def test_a_scraped_block_whose_label_spaces_were_normalized_away():
    text = normalize_text(SCRAPED_BLOCK).text
    meta = extract_text(text).document
    # a two-character label inside a value (名称, 文号 in the title) does not split it
    assert meta.title == "某水县人民政府办公室关于规范政务服务事项名称和文号管理的通知"
    assert meta.doc_number == "某政办发〔2019〕9号"
    assert (meta.issuer, meta.issued, meta.published) == ("某水县人民政府", "2019-02-25", "2019-02-25")
    start, end = meta.labels_span
    assert text[start:end].startswith("索引号") and text[start:end].endswith("政务服务")


def test_one_line_opening_with_a_label_word_is_not_a_block():
    text = "关于做好异地就医备案工作的通知\n各市医疗保障局：\n名称变更的单位须重新备案。\n"
    assert find_label_block(text) is None


def test_label_words_opening_lines_far_apart_are_not_a_block():
    text = "关于做好异地就医备案工作的通知\n名称变更的单位须重新备案。\n省医疗保障局负责统筹。\n标题党式宣传应当避免。\n"
    assert find_label_block(text) is None
    assert {d.canonical for d in extract_text(text).departments} == {"省医疗保障局"}


# A provincial portal's scraped header: several label-value pairs on one line,
# the issuer labelled without its place, a breadcrumb above it all.
PAIRED_LINES_PAGE = (
    "当前位置:\n"
    "某海市人民政府> 法定主动公开内容> 其他文件> 市府办文件>\n"
    "索引号 001008009/2021-18197 文号 某政办发〔2021〕40号\n"
    "发布机构 市政府办公室 生成日期 2021-05-27\n"
    "组配分类 市政府文件 公开方式 主动公开\n"
    "某海市人民政府办公室关于印发某海市推进政务服务“跨域通办”工作实施方案的通知\n"
    "各县(区)人民政府,市政府直属各单位:\n"
    "《实施方案》已经市政府同意,现印发给你们,请认真贯彻落实。\n"
)


def test_pairs_after_a_number_split_at_a_short_label_and_the_fuller_issuer_wins():
    result = extract_text(normalize_text(PAIRED_LINES_PAGE).text)
    meta = result.document
    assert meta.doc_number == "某政办发〔2021〕40号"  # 文号 follows a number: a label
    assert meta.issued == "2021-05-27"
    assert meta.issuer == "某海市人民政府办公室"  # the title's full name, not 市政府办公室
    # the breadcrumb's site name and the 组配分类 cell are no mentions; the title's
    # issuer and 已经市政府同意 are
    assert [d.name for d in result.departments] == ["某海市人民政府办公室", "市政府"]


def test_a_portal_that_labels_the_government_whose_office_signed():
    result = extract_text(
        "索引号 11610527Q-2019-000024 成文日期 2019-02-25\n"
        "发布机构 某水县人民政府 发布日期 2019-02-25\n"
        "文号 某政办发〔2019〕9号\n"
        "某水县人民政府办公室转发《某西省人民政府办公厅关于印发某某办法》的通知\n"
        "各镇人民政府：\n现将《办法》转发你们，请认真执行。\n"
        "某水县人民政府办公室\n2019年2月22日\n"
    )
    assert result.document.issuer == "某水县人民政府办公室"


def test_a_colon_line_may_hold_more_than_one_pair():
    meta = _document(
        "索引号: 0069/2016-00289 分类: 综合政务、通知\n"
        "发布机构: 某省人民政府办公厅 成文日期: 2016-04-29\n"
        "文号: 某办函〔2016〕186号 发布日期: 2016-05-09\n"
        "某省人民政府办公厅关于印发网上办事大厅建设工作方案的通知\n"
    )
    assert meta.doc_number == "某办函〔2016〕186号"
    assert (meta.issuer, meta.issued, meta.published) == ("某省人民政府办公厅", "2016-04-29", "2016-05-09")


def test_a_lone_labelled_publish_date_is_the_pages_own():
    text = "某山县人民政府办公室关于公布事项清单的通知\n发布时间：2022-04-12 09:30 来源：某山县政务服务中心\n山政办发〔2022〕7号\n各乡镇：\n现予公布。\n"
    meta = extract_text(text).document
    assert find_label_block(text) is None and meta.published == "2022-04-12"


def test_bulleted_labels_with_their_values_on_the_line_below():
    """Some portals put each label and its value in separate list elements: a
    bullet, the label alone, a blank line, then the value."""
    text = normalize_text(
        "某县人民政府工作规则\n\n  • 索引号:\n\n    0000000000/2024-001005\n  • 主题分类:\n\n  • 发文机构:\n\n    县政府网站\n"
        "  • 发文字号:\n\n    某政发〔2024〕7号\n  • 发文日期:\n\n    2024年04月06日 16:40\n  • 内容概述:\n\n"
        "某县人民政府工作规则\n\n第一章总则\n一、为规范县政府工作，制定本规则。\n"
    ).text
    meta = extract_text(text).document
    assert (meta.doc_number, meta.issued) == ("某政发〔2024〕7号", "2024-04-06")
    assert meta.issuer is None  # the site that posted the page is no body
    assert meta.addressees == ()
    assert find_label_block(text).span[1] < text.index("第一章")  # 内容概述 leaves the notice alone


def test_labels_a_portal_adds_do_not_run_into_the_title():
    meta = _document(
        "索引号: 003129766/201901-00336 组配分类: 规范性文件发布\n发布机构: 某湖县人民政府办公室\n"
        "发文日期: 2019-01-23 生效时间: 2019-01-23\n废止时间: 2020-01-23 名称: 某湖县人民政府关于印发《某湖县人民政府工作规则》的通知\n"
        "信息来源: 关键词:\n浏览次数: 590 内容概述:\n\n某湖县人民政府关于印发《某湖县人民政府工作规则》的通知\n各乡、镇人民政府：\n现予印发。\n"
    )
    assert meta.title == "某湖县人民政府关于印发《某湖县人民政府工作规则》的通知"
    assert meta.issued == "2019-01-23"


def test_numbered_labels_in_brackets_of_their_own():
    """A Big5 gateway copy of a portal page: "5. [成文日期] 2020-09-24", no colon."""
    meta = _document(
        "政务公开 > 政策文件\n  1. [主題分類] 綜合政務\n  2. [發文機構] 某省人民政府辦公廳\n  3. [聯合發文單位]\n"
        "  4. [成文日期] 2020-09-24\n  5. [發文字號] 某政辦發〔2020〕35號\n  6. [發佈日期] 2020-09-29\n\n"
        "某省人民政府辦公廳關於加快推進政務服務“跨省通辦”的實施意見\n\n各市人民政府：\n  一、總體要求\n"
    )
    assert (meta.issuer, meta.doc_number) == ("某省人民政府办公厅", "某政办发〔2020〕35号")
    assert (meta.issued, meta.published) == ("2020-09-24", "2020-09-29")
    assert meta.title == "某省人民政府办公厅关于加快推进政务服务“跨省通办”的实施意见"


def test_an_empty_cell_before_a_label_the_table_lacks_gives_no_value():
    """A portal's "文 号: | 所属栏目: | 政策文件 |": the number's cell is empty, and the next
    cell is a label no table row lists. It had been taken for the number."""
    text = (
        "索引号:\t307/2024-171\t发布机构:\t\n生效日期:\t2024-10-31\t废止日期:\t\n文号:\t所属栏目:\t政策文件\n关于印发方案的通知\n"
    )
    meta = extract_text(text).document
    assert meta.doc_number is None and meta.title == "关于印发方案的通知"
