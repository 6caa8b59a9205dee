"""Normalization on real text: the same notice in two scripts, pinyin noise, layout."""

from __future__ import annotations

import opencc
import pytest

from extractors import extract, extract_text
from extractors.normalize import normalize_text
from extractors.normalize.pinyin import strip_pinyin
from extractors.normalize.script import to_simplified
from tests.conftest import FIXTURES, NEWS_001, NEWS_004, SEED_000, SEED_002, SEED_003


def _body_lines(text: str, first: str, last: str) -> list[str]:
    lines = [line for line in text.split("\n") if line.strip()]
    return lines[lines.index(first) : lines.index(last) + 1]


def test_seed_002_normalizes_to_seed_000_over_their_common_body(normalized):
    clean, noisy = normalized(SEED_000).text, normalized(SEED_002).text
    first, last = "国办发〔2022〕34号", "2022年9月28日"
    assert _body_lines(noisy, first, last)[2:-3] == _body_lines(clean, first, last)[2:-3]
    # the addressee line and the signature match too, only the attachment line differs
    assert _body_lines(noisy, first, last)[:2] == _body_lines(clean, first, last)[:2]


def test_seed_002_quality_record(normalized):
    quality = normalized(SEED_002).quality
    # tw2s: t2s after the variant table that reads a gateway's particle 著 as 着
    assert quality.script == "traditional" and quality.opencc_config == "tw2s"
    assert quality.pinyin_groups_removed > 1000
    assert quality.residual_traditional == 0


def test_no_pinyin_group_survives_in_the_news_excerpt(normalized):
    text = normalized(NEWS_001).text
    assert "(dòng)" not in text and "(jīng)" not in text
    assert "2亿多流动人口异地办事更容易" in text
    # A legitimate parenthesis survives, and so does the byline's space inside it.
    assert "(记者 曾诗阳)" in text


@pytest.mark.parametrize(
    "noisy, clean",
    [
        ("國辦(ban)發〔2022〕34號(hao)", "國辦發〔2022〕34號"),
        ("國務(wu)(wu)(wu)院", "國務院"),
        ("流動(dòng)人口", "流動人口"),
        ("辦事效率(lv)", "辦事效率"),
        ("国【guó】家", "国家"),
        ("社会( huì )保障", "社会保障"),
        ("中国(zhongguo)", "中国"),
        ("excerpt ends in 國(gu", "excerpt ends in 國"),
    ],
)
def test_pinyin_noise_is_removed(noisy, clean):
    assert strip_pinyin(noisy)[0] == clean


@pytest.mark.parametrize(
    "kept",
    [
        "(一)",
        "（二）",
        "(见附件)",
        "(共22项)",
        "(以下简称《意见》)",
        "(记者 曾诗阳)",
        "国家政务服务平台(APP)",
        "世贸组织(WTO)",
        "条款(a)",
    ],
)
def test_legitimate_parentheses_are_kept(kept):
    assert strip_pinyin(kept)[0] == kept


@pytest.mark.parametrize(
    "kept",
    [
        "本报讯（记者 曾诗阳）",
        "(记者 曾诗阳)",
        "新京报记者 许雯",
        "国家医保局 财政部关于进一步做好异地就医直接结算工作的通知",  # joint issuers
        "《中共中央 国务院关于深化医疗保障制度改革的意见》",
        "人力资源社会保障部 财政部 国家税务总局关于印发的通知",
        "某市政务服务数据管理中心 某市公安局关于推行户籍迁移“跨省通办”的通知",  # endings from body_endings.tsv
        "以下业务实现跨省通办：\n01 基本医疗保险参保信息变更\n2 异地就医结算备案",  # a line's number, then its name
    ],
)
def test_a_space_between_two_names_survives_the_whole_normalizer(kept):
    assert normalize_text(kept).text == kept


@pytest.mark.parametrize(
    ("spaced", "joined"),
    [
        ("市人民政府 办公厅关于印发", "市人民政府办公厅关于印发"),
        ("省医保局 将适时督办", "省医保局将适时督办"),
        ("各地于\n30 日内完成", "各地于\n30日内完成"),  # a number a unit follows counts, it numbers no line
    ],
)
def test_a_space_inside_one_name_or_sentence_is_residue(spaced, joined):
    assert normalize_text(spaced).text == joined


def test_taiwan_wording_uses_tw2sp_and_project_phrases():
    text, _, stats = to_simplified("推動網際網路與遠端服務最佳化，提高服務水準，民眾可複製推廣。")
    assert stats.variant == "taiwan" and stats.config == "tw2sp"
    assert text == "推动互联网与远程服务优化，提高服务水平，群众可复制推广。"


def test_a_document_written_as_wenjian_on_a_taiwan_phrased_page_stays_a_document():
    """tw2sp reads 文件 as a computer file (文档); a Hong Kong report using 登入 is
    Taiwan-phrased, and its 個人證明文件 are documents."""
    text, _, stats = to_simplified("讓香港居民以「智方便」登入網站，提交個人證明文件。")
    assert stats.variant == "taiwan"
    assert text == "让香港居民以“智方便”登录网站，提交个人证明文件。"  # and its quotes are mainland ones


def test_a_taiwan_window_marks_taiwan_wording():
    """A page whose only Taiwan word is 視窗 (a service window) still needs tw2sp:
    t2s would leave 视窗, 设定 and 资料共用 in a mainland registry."""
    text, _, stats = to_simplified("在大廳設定“跨省通辦”視窗，加強資料共用，證照共亯互信。")
    assert stats.variant == "taiwan"
    assert text == "在大厅设置“跨省通办”窗口，加强数据共享，证照共享互信。"


def test_a_taiwan_deregistration_marks_taiwan_wording():
    """A Taiwan site writes 注销登记 as 登出登記 (log out); t2s kept 登出 in an item's name."""
    text, _, stats = to_simplified("個體工商戶登出登記等7項事項可全程網辦，確保6月底前上線執行。")
    assert stats.variant == "taiwan"
    assert text == "个体工商户注销登记等7项事项可全程网办，确保6月底前上线运行。"


def test_a_video_and_data_written_the_taiwan_way_mark_taiwan_wording_but_a_legal_basis_does_not():
    text, _, stats = to_simplified("在大廳提供影片辦理服務，加強資料共享。")
    assert (stats.variant, text) == ("taiwan", "在大厅提供视频办理服务，加强数据共享。")
    text, _, stats = to_simplified("許可事項設定依據，提交申請資料。")  # mainland: 設定依據 beside 申請資料
    assert (stats.variant, text) == ("mainland", "许可事项设定依据，提交申请资料。")


def test_mainland_traditional_with_zixun_and_a_ning_variant():
    """新聞資訊 is mainland wording too (no Taiwan marker); 甯 for 宁 and 陜 for 陕 are a converter's."""
    text, _, stats = to_simplified("新聞資訊：遼甯、甯夏、陜西等21個省實施婚姻登記“跨省通辦”試點。")
    assert stats.variant == "mainland"
    assert text == "新闻资讯：辽宁、宁夏、陕西等21个省实施婚姻登记“跨省通办”试点。"


def test_a_taiwan_gateway_copy_of_a_mainland_plan_normalizes_back_to_it(normalized):
    """What a Big5 gateway serves is OpenCC s2twp of the mainland text; tw2sp alone
    turns 新增 into 添加, 服务效能 into 服务性能 and 线上线下 into 在线线下."""
    gateway = opencc.OpenCC("s2twp").convert(SEED_003.read_text(encoding="utf-8"))
    back = normalize_text(gateway)
    assert back.quality.variant == "taiwan"
    assert back.text == normalized(SEED_003).text


@pytest.mark.parametrize(
    "sentence",
    [
        "依托互联网新增22项高频事项，建立健全工作机制，整合线上线下渠道。",
        "提升政务服务效能，支持社保缴费记录查询，推动部门间数据接口对接。",
        "通过互联网加强政民互动，编发工作简报，共享医学影像检查结果。",
        "省政府办公厅发布《实施方案》，推动信息系统互联互通。",
        "依托互联网深化相对集中行政许可权改革，依法设定的行政许可事项全部纳入清单。",
        "通过互联网寄递资料，减少纸质资料和档案资料，工作联络组明确联络员，实现数据共享。",
        "依托互联网，申请材料和档案材料通过全国一体化政务服务平台共享。",
        "依托互联网开展不动产登记资料查询，减少资料传递，完善工作联络功能，推进数据共享。",
        "依托互联网分批次开展培训，专区上线运行，请认真贯彻执行。",
        "省人社厅信息中心负责技术支撑。",  # 資訊中心, with no other Taiwan word on the page
        "依托互联网办理婚姻登记档案查询、医疗保险参保信息查询和信息变更。",  # item names: 檔案, 資訊
        "市数据局负责技术支撑。",  # 資料局, with no other Taiwan word on the page
    ],
)
def test_policy_words_survive_the_gateway_round_trip(sentence):
    assert normalize_text(opencc.OpenCC("s2twp").convert(sentence)).text == sentence


def test_a_taiwan_copy_with_no_strong_marker_is_read_by_its_word_pairs():
    """A gateway's copy with no 網際網路 in it: 裝置 and 聯絡人 where mainland traditional writes
    設備 and 聯繫人 (taiwan_pairs.tsv). Read as mainland, 特种设备 came back 特种装置."""
    sentence = "推进特种设备作业人员资格认定“跨省通办”。联系人：张某"
    gateway = opencc.OpenCC("s2twp").convert(sentence)
    result = normalize_text(gateway)
    assert result.quality.variant == "taiwan"
    assert result.text == sentence
    # one such word is no sign: a mainland page writes 申請資料 too
    assert normalize_text("請提交申請資料。聯繫人：張某").quality.variant == "mainland"


def test_hong_kong_forms_convert():
    assert normalize_text(opencc.OpenCC("s2hk").convert("省卫生健康委负责。")).text == "省卫生健康委负责。"


def test_mainland_traditional_keeps_mainland_words():
    text, _, stats = to_simplified("各部門共用數據，著力提升水準，依託平臺。著名的乾隆")
    assert stats.variant == "mainland"
    assert text == "各部门共用数据，着力提升水平，依托平台。著名的乾隆"


@pytest.mark.parametrize(
    ("traditional", "simplified"),
    [
        # Big5 has no 着: a gateway writes the particle as 著, which t2s keeps
        ("這標志著市公安局已經實現身份證跨省通辦", "这标志着市公安局已经实现身份证跨省通办"),
        ("群眾有著更多獲得感，辦事體驗顯著提升", "群众有着更多获得感，办事体验显著提升"),
        # 著 of writing and renown stays, in traditional and in simplified form on a mixed page
        ("卓著的成效，專著與論著，著作權登記", "卓著的成效，专著与论著，著作权登记"),
        ("衆多企業，显著提升", "众多企业，显著提升"),
    ],
)
def test_the_particle_zhe_becomes_zhe_and_the_written_zhu_stays(traditional, simplified):
    assert to_simplified(traditional)[0] == simplified


def test_simplified_text_is_left_alone():
    text = "政务服务“跨省通办”，水准仪测量。"
    assert normalize_text(text).text == text


def test_table_cells_and_spaced_numbers_lose_layout_spaces(normalized):
    text = normalized(SEED_003).text
    assert "医保定点医疗机构基础信息变更\t医保定点医疗机构基础信息变更" in text
    assert "等16个事项" in text


def test_sentence_broken_across_a_blank_line_is_rejoined(normalized):
    text = normalized(SEED_003).text
    assert "基本实现我省医疗保障经办政务服务高频事项" in text
    assert "确保同一事项在不同地域无差别受理" in text
    # while headings and the title keep their own lines
    assert "\n一、总体要求\n" in text
    assert "工作方案的通知\n" in text


def test_an_unpunctuated_page_keeps_its_captions_apart_across_blank_lines():
    """An infographic's captions end with no mark, so a blank line after one is no break
    inside a sentence: joined, "…实现医保卡全国通用2022年底前…" hid the next caption's items."""
    captions = [
        "在全国跨省异地就医直接结算应用中，已实现医保电子凭证全国通用",
        "2022年底前实现医保关系转移接续、异地就医备案等服务事项的跨省通办",
        "医保电子凭证的应用与统筹层次、",
        "相关应用系统的覆盖范围等",
        "密切相关",
    ]
    text = normalize_text("\n\n".join(captions)).text
    assert text.split("\n\n")[:2] == captions[:2]
    # a page whose paragraphs end with 。 still joins a sentence a blank line broke
    paragraphs = "\n\n".join(["一、总体要求", "到2022年底，基本实现我省医疗保障", "经办政务服务高频事项“跨省通办”。"])
    assert "基本实现我省医疗保障经办政务服务高频事项" in normalize_text(paragraphs).text


def test_hard_wrapped_newspaper_column_is_reflowed(normalized):
    text = normalized(NEWS_004).text
    assert "国务院办公厅印发《关于加快推进政务服务“跨省通办”的指导意见》" in text
    assert "提出140项全国高频政务服务“跨省通办”事项清单。" in text
    assert normalized(NEWS_004).quality.hard_wrapped


def test_full_width_punctuation_is_kept(normalized):
    text = normalized(SEED_003).text
    assert "（一）指导思想。以习近平" in text  # NFKC would have made this (一)指导思想.


SPACED_TABLE = (
    "现将事项清单予以公布。\n"
    "序号 事项名称 责任单位 完成时限\n"
    "1 住房公积金汇缴 市住房公积金管理中心 2021年10月底前\n"
    "2  残疾人证迁移　市残联 2021年11月底前\n"
    "3 机动车驾驶证审验 市公安局 2021年12月底前\n"
    "各单位要按时完成。\n"
)


def test_space_separated_table_rows_keep_their_cells_as_tabs():
    result = normalize_text(SPACED_TABLE)
    lines = result.text.split("\n")
    assert lines[1] == "序号\t事项名称\t责任单位\t完成时限"
    assert lines[3] == "2\t残疾人证迁移\t市残联\t2021年11月底前"
    start = result.text.index("残疾人证迁移")
    raw_start, raw_end = result.raw_span(start, start + len("残疾人证迁移"))
    assert SPACED_TABLE[raw_start:raw_end] == "残疾人证迁移"
    items = extract_text(result.text).items
    assert [(i.name, i.method) for i in items] == [
        ("住房公积金汇缴", "table"),
        ("残疾人证迁移", "table"),
        ("机动车驾驶证审验", "table"),
    ]


WRAPPED_TABLE = (
    "序号    事项名称              责任单位            完成时限\n"
    "1       个体工商户设立        市市场监管局        2021年6月底前\n"
    "        登记\n"
    "2       异地就医登记备案      市医保局            2021年6月底前\n"
    "3       城乡居民基本养老      市社保局            2021年12月底前\n"
    "        保险关系转移接续      中心\n"
)


def test_a_cell_a_pdf_wrapped_stays_under_its_column_and_the_table_goes_on():
    """The wrapped rest of a cell (登记) had ended the run of rows: the rows after it lost their
    header and their items. It is set under its column now, and the name reads whole."""
    result = normalize_text(WRAPPED_TABLE)
    lines = result.text.split("\n")
    assert lines[:3] == ["序号\t事项名称\t责任单位\t完成时限", "1\t个体工商户设立\t市市场监管局\t2021年6月底前", "\t登记"]
    assert lines[5] == "\t保险关系转移接续\t中心"
    items = extract_text(result.text).items
    assert [i.name for i in items] == ["个体工商户设立登记", "异地就医登记备案", "城乡居民基本养老保险关系转移接续"]
    first = items[0]
    assert (
        result.text[first.span[0] : first.span[1]].startswith("个体工商户设立")
        and first.span[1] == len(lines[0]) + len(lines[1]) + len(lines[2]) + 2
    )


@pytest.mark.parametrize(
    "text",
    [
        "1 加强组织领导 各地 要高度重视。\n2 强化宣传 引导 做好解读。\n",  # numbered prose: sentences
        "1 住房公积金汇缴 市住房公积金管理中心\n3 残疾人证迁移 市残联\n",  # not numbered in sequence
        "1 住房公积金汇缴 市住房公积金管理中心\n2 残疾人证迁移\n",  # not the same number of cells
        "基础信 息变更 与参保信 息登记\n",  # no numbers: spaces inside words are residue
    ],
)
def test_spaces_that_are_not_table_gaps_are_not_tabs(text):
    assert "\t" not in normalize_text(text).text


@pytest.mark.parametrize(
    "text",
    [
        "三、保障措施\n\n市协调小组办公室要加强督导，按季度通报进展情况。",  # the marker's 、 is no clause mark
        "2022-05-20 08:30 来源：某某日报\n本报讯（记者 李明）记者从省政务服务数据管理局获悉。",  # a dateline
        "一、窗口联动,实现办理跨区域\n某县行政审批局与周边县区签订协议。",  # two phrases, half-width comma
        "（二）事项共通，实现办理跨层级\n各签约方共同确定通办事项。",
    ],
)
def test_a_heading_or_a_dateline_keeps_its_line(text):
    first = text.split("\n")[0]
    assert normalize_text(text).text.split("\n")[0] == first.replace(" 来源", "来源")


@pytest.mark.parametrize(
    "text",
    [
        "（一）推进社会保障卡居民服务，在交通出行、\n旅游观光等领域实现一卡通用。",  # ends on a clause mark
        "一、各地要加快推进医保关系转移接续，2022年底前实现跨省通办和\n省内通办。",  # too long for a heading
    ],
)
def test_a_sentence_after_a_heading_marker_is_still_reflowed(text):
    assert "\n" not in normalize_text(text).text


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        ("一、总体要求\n(一)\n指导思想。\n以人民为中心。", ["一、总体要求", "(一)指导思想。", "以人民为中心。"]),
        ("（二）\n\n工作目标\n到2021年底基本实现。", ["（二）工作目标", "到2021年底基本实现。"]),
        ("1.\n全程网办。\n2.\n异地代收代办。", ["1.全程网办。", "2.异地代收代办。"]),
        ("附件\n某省“跨省通办”事项清单", ["附件", "某省“跨省通办”事项清单"]),  # 附件 stands over its title
    ],
)
def test_a_heading_number_set_apart_on_its_own_line_rejoins_its_heading(text, lines):
    assert normalize_text(text).text.split("\n") == lines


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        (
            "为贯彻落实《某某指导意见》（国办发〔2020〕35号）\n精神，现提出如下意见。",
            ["为贯彻落实《某某指导意见》（国办发〔2020〕35号）精神，现提出如下意见。"],
        ),
        ("关于印发《某某工作方案》\n的通知", ["关于印发《某某工作方案》的通知"]),
        # a bracket left open after its label goes on
        (
            "（二）加强督查。（责任单位：\n县医保局；完成时限：2022年12月底前）",
            ["（二）加强督查。（责任单位：县医保局；完成时限：2022年12月底前）"],
        ),
        # a title over its addressees, a closing quote: the breaks stay
        ("某某方案的通知（某政发〔2020〕3号）\n各市人民政府：", ["某某方案的通知（某政发〔2020〕3号）", "各市人民政府："]),
        ("他说：“要加快推进。”\n要求，各地抓紧落实。", ["他说：“要加快推进。”", "要求，各地抓紧落实。"]),
    ],
)
def test_a_line_ending_in_a_bracket_goes_on_where_the_next_opens_with_no_paragraph_word(text, lines):
    assert normalize_text(text).text.split("\n") == lines


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        # a title broken after a closing quote, inside its 《…》
        (
            "某省人民政府办公厅关于印发《2021年\n某省推进政府职能转变和“放管服”\n改革重点工作安排》的通知\n某办函〔2021〕55号",
            ["某省人民政府办公厅关于印发《2021年某省推进政府职能转变和“放管服”改革重点工作安排》的通知", "某办函〔2021〕55号"],
        ),
        # a plan's own title broken after 和, over its first paragraph
        (
            "2021年某省推进政府职能转变和\n“放管服”改革重点工作安排\n2021年是开局之年。",
            ["2021年某省推进政府职能转变和“放管服”改革重点工作安排", "2021年是开局之年。"],
        ),
        # a closing quote outside any 《…》 still ends a heading's line
        ("（三）推进“一网通办”\n各地要加快推进。", ["（三）推进“一网通办”", "各地要加快推进。"]),
    ],
)
def test_a_title_broken_on_a_joining_word_or_inside_its_book_marks_is_one_line(text, lines):
    assert normalize_text(text).text.split("\n") == lines


def test_a_wrapped_sentence_that_breaks_after_a_title_word_still_joins():
    text = "各地要对照本地区实施方案，抓紧制定配套实施方案\n要求，按时报送。"
    assert normalize_text(text).text == "各地要对照本地区实施方案，抓紧制定配套实施方案要求，按时报送。"


def test_a_signature_keeps_its_line_after_a_contact_line():
    text = "联系人：张某某，电话：0000-12345678\n某口市人民政府办公室\n2021年5月20日"
    assert normalize_text(text).text == text
    # a line ending in a way of doing business is no signature: a wrapped row still joins
    assert normalize_text("推进社会保障卡申领、异地就医备案\n全程网办").text == "推进社会保障卡申领、异地就医备案全程网办"


@pytest.mark.parametrize(
    "text",
    [
        # a 、 in a title looks like an open clause; a title and a number keep their lines
        "关于印发甲市、乙县政务服务“跨省通办”合作方案的通知\n\n甲政办发〔2023〕6号\n\n各镇人民政府、街道办事处：",
        "甲市、乙县政务服务“跨省通办”合作方案\n\n为贯彻落实有关要求，制定本方案。",
        # a plan's title under its covering notice's date, over its preamble, with no blank line
        "甲市人民政府办公室\n2021年3月12日\n甲市、乙县政务服务“跨省通办”工作实施方案\n为不断深化改革，建立规范、高效的机制，制定本方案。",
    ],
)
def test_a_title_or_a_document_number_keeps_its_line(text):
    assert normalize_text(text).text == text


@pytest.mark.parametrize("mark", ["- 1 -", "— 12 —", "第3页 共9页", "P. 2", "Page 4 of 9"])
def test_a_page_number_line_is_furniture_a_sentence_runs_across(mark):
    """A PDF shown as HTML pages keeps each page's number on a line of its own."""
    text = f"为深入推进改革，推动线上线下政务服\n{mark}\n务平台建设，实现通办。"
    result = normalize_text(text)
    assert result.text == "为深入推进改革，推动线上线下政务服务平台建设，实现通办。"
    start = result.text.index("务平台")
    assert text[slice(*result.raw_span(start, start + 3))] == "务平台"


def test_a_short_hard_wrapped_notice_is_reflowed_though_short_lines_outnumber_full_ones():
    """PDF text of a short notice: headings, contact lines and a signature outnumber its
    full lines, yet where a line stops mid-sentence it stops at the column."""
    raw = (FIXTURES / "ministry_notice_pdf_text.txt").read_text(encoding="utf-8")
    lines = normalize_text(raw).text.split("\n")
    assert any(line.startswith("（一）加强组织领导。") and line.endswith("确保按时完成。") for line in lines)
    assert "（三）及时报送进展。请各省级人力资源社会保障部门于每季度末月25日前，将工作进展情况报送部社保中心。" in lines
    # a page's number between two lines of a sentence: one sentence
    assert any(line.endswith("要于2023年9月底前完成本地系统与全国平台的对接。") for line in lines)
    # a line set in further than the one above opens a paragraph, even after a full line
    assert "各省、自治区、直辖市及新疆生产建设兵团人力资源社会保障厅（局）：" in lines
    # a heading, a signature and its date keep their lines
    assert {"一、工作目标", "人力资源社会保障部办公厅", "2023年3月6日"} <= set(lines)


def test_lines_of_blanks_only_in_a_short_notice():
    text = "    为推进改革，现就有关\n事项通知如下：\n   \n" * 9
    assert "为推进改革，现就有关事项通知如下：" in normalize_text(text).text


def test_a_bare_number_line_is_no_page_number():
    assert "\n12\n" in normalize_text("序号\n12\n异地就医备案").text


BAR_TABLE = "某市“省内通办”事项\n| 事项名称 | 责任单位 | 备注 |\n| 异地就医 登记备案 | 市医保局 | |\n| 失业保险金申领 | 市人力社保局 | 代收代办 |\n"


def test_bar_separated_rows_keep_their_cells_as_tabs():
    result = normalize_text(BAR_TABLE)
    lines = result.text.split("\n")
    assert lines[1] == "事项名称\t责任单位\t备注"
    assert lines[2] == "异地就医登记备案\t市医保局\t"  # the empty cell stays a cell
    start = result.text.index("失业保险金申领")
    raw_start, raw_end = result.raw_span(start, start + len("失业保险金申领"))
    assert BAR_TABLE[raw_start:raw_end] == "失业保险金申领"
    assert [i.name for i in extract_text(result.text).items] == ["异地就医登记备案", "失业保险金申领"]


@pytest.mark.parametrize(
    "text",
    [
        "人民网|十五省启动政务服务自助机合作\n正文第一句。\n",  # one line with a bar is a headline
        "A|B\n\n",
    ],
)
def test_a_lone_bar_is_not_a_table(text):
    assert "\t" not in normalize_text(text).text


def test_lines_of_labelled_fields_keep_their_breaks():
    text = (
        "索引号: 0069/2016-00289 分类: 综合政务、通知\n"
        "发布机构: 某省人民政府办公厅 成文日期: 2016-04-29\n"
        "文号: 某办函〔2016〕186号 发布日期: 2016-05-09\n"
        "主题词:\n"
    )
    assert len(normalize_text(text).text.split("\n")) == 4


def test_a_wrapped_sentence_before_a_bare_colon_phrase_is_still_joined():
    assert normalize_text("为做好异地就医工作，现将有关事项\n通知如下：\n").text == "为做好异地就医工作，现将有关事项通知如下："


def _flattened(text: str, width: int = 30) -> str:
    """What a document library serves for a PDF: its printed lines (here ``width``
    characters) joined into one by spaces."""
    lines = []
    for paragraph in text.split("\n"):
        lines += [paragraph[i : i + width] for i in range(0, len(paragraph), width)]
    return " ".join(line for line in lines if line.strip())


def test_a_flattened_pdf_page_gets_its_line_breaks_back(normalized, extracted):
    flat = normalize_text(_flattened(normalized(SEED_003).text))
    assert "\n粤医保发〔2021〕29号\n" in flat.text
    fields = ("title", "doc_number", "issuer", "issued", "addressees")
    from_flat, from_seed = extract(flat).document, extracted(SEED_003).document
    assert [getattr(from_flat, f) for f in fields] == [getattr(from_seed, f) for f in fields]


def test_a_flattened_page_with_half_width_marks_breaks_after_them():
    """A scraped page writes half-width marks: "各相关部门: 为进一步…" and "(国发〔2022〕5号)" break too."""
    lines = [
        "某市人民政府办公室关于推进镇街便民服务标准化建设的实施意见",
        "各片区管理办公室,各镇人民政府,各街道办事处,市人民政府各相关部门:",
        "为进一步提升镇街政务服务水平,推进一网通办前提下最多跑一次改革向",
        "基层延伸,打通服务基层群众的最后一公里,根据国务院关于加快推进政务",
        "(国发〔2022〕5号)等文件精神,结合我市实际,现就推进镇街便民服务",
        "标准化规范化建设提出如下意见。一是统一事项清单,二是统一办事指南,",
        "三是统一服务标准,四是统一受理窗口,五是统一网上平台和评价体系。",
    ]
    text = normalize_text(" ".join(lines)).text
    assert "\n各片区管理办公室,各镇人民政府,各街道办事处,市人民政府各相关部门:\n为进一步" in text
    assert "政务 (国发" not in text  # a break before a half-width bracket, not a space left over


@pytest.mark.parametrize(
    "line",
    [
        # a few stray spaces in a long paragraph: no cluster of full printed lines
        (
            "为进一步提升 政务服务水平，推进“一网通办”前提下“最多跑一次”改革向基层延伸，打通服务基层群众的"
            "“最后一公里”，根据 有关文件精神，结合我市实际，制定本意见。一是 统一事项清单，二是统一办事"
            "指南，三是统一 服务标准，四是统一受理窗口，五是统一网上平台，六是统一评价体系，七是强化人员"
            "保障，确保各项 改革措施落地见效，让企业和群众 办事更加便捷、更加高效、更加满意。"
        ),
        # letter-spaced heading characters: pieces far narrower than a printed line
        "基 础 信 息 变 更 与 参 保 信 息 登 记 " * 12,
    ],
)
def test_a_long_line_that_is_not_flattened_keeps_no_breaks(line):
    assert "\n" not in normalize_text(line).text


@pytest.mark.parametrize(
    ("text", "normalized"),
    [
        ("上海市民政局      上海市档案局", "上海市民政局\t上海市档案局"),  # a column's edge
        ("通    知", "通知"),  # a spaced-out title: one character each side
        ("基础信 息变更", "基础信息变更"),
    ],
)
def test_a_wide_gap_between_two_words_is_a_column_edge(text, normalized):
    assert normalize_text(text).text == normalized


def test_traditional_corner_quotes_become_mainland_quotes():
    raw = "深港「跨境通辦」再擴容，『粵智助』服務機上線。"
    result = normalize_text(raw)
    assert result.text == "深港“跨境通办”再扩容，‘粤智助’服务机上线。"
    start = result.text.index("“")
    assert raw[slice(*result.raw_span(start, start + 1))] == "「"
    # a simplified page keeps the brackets it chose
    assert normalize_text("深港「跨境通办」再扩容。").text == "深港「跨境通办」再扩容。"


_ONE_CELL_A_LINE = (
    "清单\n序号\n事项名称\n主管部门\n完成时限\n"
    "一、2020年底前实现“跨省通办”事项（58项）\n"
    "1\n工业产品生产许可证\n市场监管总局\n2020年底前\n"
    "2\n社会保障卡申领\n2020年底前\n"  # an empty cell leaves no line
    "3\n户口迁移\n公安部\n2021年底前\n"
    "某某市人民政府办公室\n2021年1月5日\n"
)


def test_a_table_scraped_one_cell_a_line_becomes_tab_rows():
    doc = normalize_text(_ONE_CELL_A_LINE)
    assert doc.text.split("\n") == [
        "清单",
        "序号\t事项名称\t主管部门\t完成时限",
        "一、2020年底前实现“跨省通办”事项（58项）",
        "1\t工业产品生产许可证\t市场监管总局\t2020年底前",
        "2\t社会保障卡申领\t2020年底前",
        "3\t户口迁移\t公安部\t2021年底前",
        "某某市人民政府办公室",  # the signature after the table keeps its lines
        "2021年1月5日",
    ]
    tab = doc.text.index("\t")
    assert doc.raw[slice(*doc.raw_span(tab, tab + 1))] == "\n"  # each tab maps to the break it replaced


@pytest.mark.parametrize(
    "text",
    [
        "序号\n名称\n1\n工业产品生产许可证\n",  # one row is no table
        "序号\n事项名称\n主管部门\n1\n工业产品生产许可证\n市场监管总局\n3\n户口迁移\n公安部\n",  # 1 then 3
    ],
)
def test_short_lines_under_xuhao_that_are_no_table_keep_their_breaks(text):
    assert "\t" not in normalize_text(text).text


def test_full_width_digits_and_letters_are_half_width_and_map_back():
    """A year set full-width (２０２２年６月３０日前) had been lost: the date reader read
    ６月３０日前 with the document's own year. Punctuation stays full-width."""
    raw = "某省医疗保障局关于印发方案的通知\n粤医保发〔２０２１〕２９号\n请于２０２２年６月３０日前通过ＡＰＰ报送（见附件）。\n"
    result = normalize_text(raw)
    assert "粤医保发〔2021〕29号" in result.text and "请于2022年6月30日前通过APP报送（见附件）。" in result.text
    assert result.quality.width_folded == 16
    start = result.text.index("2022年")
    assert raw[slice(*result.raw_span(start, start + 5))] == "２０２２年"
    deadlines = extract(result, issued="2021-05-20").deadlines
    assert [(d.text, d.date) for d in deadlines] == [("2022年6月30日前", "2022-06-30")]


@pytest.mark.parametrize(
    ("written", "year", "issued"),
    [("二OO八年六月四日", "二〇〇八年", "2008-06-04"), ("二0二一年五月二十日", "二〇二一年", "2021-05-20")],
)
def test_a_look_alike_for_ling_in_a_year_in_chinese_numerals_is_ling(written, year, issued):
    """Pages type 〇 as the letter O or the digit 0 (二OO八年六月四日): the signature date was lost."""
    raw = f"某市人民政府关于印发办法的通知\n各县、区人民政府：\n现印发给你们，请认真贯彻执行。\n某市人民政府\n{written}\n"
    result = normalize_text(raw)
    start = result.text.index(year)
    assert raw[slice(*result.raw_span(start, start + len(year)))] == written[: len(year)]
    assert extract(result).document.issued == issued


@pytest.mark.parametrize("text", ["2020年起施行", "第一0一条", "一oo年"])
def test_latin_o_and_zero_outside_a_chinese_numeral_year_stay(text):
    assert normalize_text(text).text == text


MERGED_TABLE = (
    "序号    主项                子项                    实施部门\n"
    "1       生育保险待遇核准    生育津贴支付            市医保局\n"
    "2                           生育医疗费支付          市医保局\n"
    "3       异地就医备案        异地转诊人员备案        市医保局\n"
)


def test_a_row_a_merged_cell_left_short_keeps_its_columns_and_the_main_item_above():
    """A PDF's text gives a merged 主项 cell only on its first row: the rows under it had fewer
    cells, which ended the table. Each piece now stands under its column, and the main item
    of the row above is theirs."""
    result = normalize_text(MERGED_TABLE)
    assert result.text.split("\n")[2] == "2\t\t生育医疗费支付\t市医保局"
    items = extract(result).items
    assert [(i.name, i.main_item) for i in items] == [
        ("生育津贴支付", "生育保险待遇核准"),
        ("生育医疗费支付", "生育保险待遇核准"),
        ("异地转诊人员备案", "异地就医备案"),
    ]


def test_the_html_view_marks_a_wrapped_names_two_stretches_and_its_rows_other_cells():
    from extractors.render import render_html

    result = normalize_text(WRAPPED_TABLE)
    page = render_html(result, extract(result))
    assert ">个体工商户设立<span>ITEM</span>" in page and ">登记<span>ITEM</span>" in page
    assert ">市市场监管局<span>RESPONSIBLE</span>" in page  # no longer swallowed by the name's span


def test_a_comma_a_mirror_wedged_before_another_mark_goes():
    """A pinyin-annotating mirror's page (a city police report): a comma before the page's own
    、 or 。 split the list of items, and nothing was found."""
    raw = "這標(biāo)志著市公安局已經(jīng)全面實(shí)現(xiàn)身份證首次申領(lǐng),、到期換領(lǐng)、丟失補(bǔ)領(lǐng)“跨省通辦”,。"
    result = normalize_text(raw)
    assert "身份证首次申领、到期换领、丢失补领“跨省通办”。" in result.text
    assert result.quality.doubled_marks_removed == 2
    assert [item.name for item in extract(result).items] == ["身份证首次申领、到期换领、丢失补领"]
    start = result.text.index("、到期")
    assert raw[slice(*result.raw_span(start, start + 1))] == "、"  # the mark kept is the page's own
    assert normalize_text("日前,,记者从市公安局获悉。").text == "日前,记者从市公安局获悉。"
    assert normalize_text("序号,名称,,备注").text == "序号,名称,,备注"  # a CSV line's empty field
