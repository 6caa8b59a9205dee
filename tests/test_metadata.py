"""Document fields (title, number, issuer, headline, publish date) on the seeds and on real page shapes."""

from __future__ import annotations

import pytest

from extractors import extract, extract_text, normalize_text
from tests.conftest import NEWS_001, SEED_000, SEED_002, SEED_003


@pytest.mark.parametrize("seed", [SEED_000, SEED_002])
def test_state_council_metadata(extracted, seed):
    meta = extracted(seed).document
    assert meta.title == "国务院办公厅关于扩大政务服务“跨省通办”范围进一步提升服务效能的意见"
    assert meta.doc_number == "国办发〔2022〕34号"
    assert meta.issuer == "国务院办公厅"
    assert meta.issued == "2022-09-28"


def test_guangdong_plan_metadata(extracted):
    meta = extracted(SEED_003).document
    assert meta.title.startswith("广东省医疗保障局关于印发进一步深化医疗保障经办政务服务事项")
    assert meta.doc_number == "粤医保发〔2021〕29号"
    assert meta.issuer == "广东省医疗保障局"
    assert meta.issued == "2021-05-24"


def test_news_report_has_a_headline_and_a_publish_date(extracted):
    meta = extracted(NEWS_001).document
    assert meta.title == "2亿多流动人口异地办事更容易"
    assert meta.doc_number is None and meta.published == "2020-10-01"


@pytest.mark.parametrize(
    "chrome",
    [
        "某某网首页 头条 要闻 经济 交通 法治 教育 房产 时评",
        "您的位置：主页 > 政务公开 > 通知公告",
        "某城新闻网 >> 新闻频道 >> 本地要闻",  # a breadcrumb with no chrome word in it
        "某华网 example.com",  # a site's name with its domain
    ],
)
def test_a_scraped_menu_line_is_not_the_headline(chrome):
    text = f"{chrome}\n第二批通办事项清单发布\n来源：某某日报 时间：2021-03-09 08:48\n3月8日，两地联合发布事项清单。\n"
    meta = extract_text(text).document
    assert meta.title == "第二批通办事项清单发布"
    assert meta.published == "2021-03-09"


def test_the_issuer_of_a_forwarding_notice_is_the_forwarder():
    text = "某水县人民政府办公室转发《某西省人民政府办公厅关于印发政务大厅管理办法》的通知\n各镇人民政府：\n现转发给你们。\n"
    assert extract_text(text).document.issuer == "某水县人民政府办公室"


def test_an_official_title_without_guanyu():
    """A plan forwarded under a short letter: the number line is no headline."""
    text = (
        "遂府函〔2019〕55号\n各县（区）人民政府，市直有关部门：\n"
        "《某市工程建设项目审批制度改革实施方案》已经市政府常务会议讨论通过，现印发给你们。\n"
        "某市人民政府\n2019年4月29日\n某市工程建设项目审批制度改革实施方案\n一、总体要求\n"
    )
    assert extract_text(text).document.title == "某市工程建设项目审批制度改革实施方案"


def test_a_news_report_keeps_its_headline_over_a_plan_it_names():
    text = "吉林推进政务服务跨省通办\n近日，吉林省印发工作方案。\n吉林省加快推进政务服务跨省通办工作方案\n"
    assert extract_text(text).document.title == "吉林推进政务服务跨省通办"


def test_a_reposting_sites_name_before_a_bar_is_not_part_of_the_headline():
    text = "某报|五省区市“跨省通办”服务专区上线\n2021-08-20 14:10 来源：某报\n20日，专区正式上线。\n"
    meta = extract_text(text).document
    assert meta.title == "五省区市“跨省通办”服务专区上线"
    start, end = meta.title_span
    assert text[start:end] == meta.title


def test_a_column_name_before_a_han_bar_leaves_the_title_and_issuer_clean():
    text = "政务服务丨某宁市人民政府关于深化“跨省通办”改革的实施意见\n某政字〔2021〕30号\n各县(市、区)人民政府：\n经市政府同意，现印发。\n"
    result = extract_text(text)
    assert result.document.title == "某宁市人民政府关于深化“跨省通办”改革的实施意见"
    assert result.document.issuer == "某宁市人民政府"
    assert [d.name for d in result.departments] == ["某宁市人民政府", "市政府"]  # not 市人民政府 of 丨某宁市…
    assert {d.canonical for d in result.departments} == {"某宁市人民政府"}


def test_a_wire_dateline_before_the_headline_is_no_part_of_it():
    text = "新华社北京9月30日电题：让异地办事更容易——聚焦“跨省通办”\n新华社记者 某某\n正文。\n"
    assert extract_text(text).document.title == "让异地办事更容易——聚焦“跨省通办”"


def test_a_number_in_brackets_after_the_title_is_the_number_and_leaves_the_title():
    text = "某州市人民政府关于优化营商环境的实施意见(某政〔2017〕101号)\n来源：某州市政府网 发布时间：2018-01-26\n一、持续减少审批事项。\n"
    meta = extract_text(text).document
    assert (meta.title, meta.doc_number) == ("某州市人民政府关于优化营商环境的实施意见", "某政〔2017〕101号")
    start, end = meta.doc_number_span
    assert text[start:end] == meta.doc_number


def test_a_cited_notices_number_is_not_the_pages_number():
    """A guide's legal basis cites a notice by its title in 《》 and its number: that number is
    the cited notice's, not the page's."""
    text = (
        "异地就医登记备案\n\n设定依据\n\n"
        "1.《国家医保局 财政部关于进一步做好基本医疗保险跨省异地就医直接结算工作的通知》（医保发〔2022〕22号）\n"
    )
    assert extract_text(text).document.doc_number is None
    own = "某市医疗保障局关于印发《某市异地就医管理办法》的通知（某医保发〔2023〕5号）\n各县区医保局：\n"
    assert extract_text(own).document.doc_number == "某医保发〔2023〕5号"


_FORWARDING = (
    "某州市人民政府办公室关于转发《某省人民政府办公厅关于做好“跨省通办”工作的通知》的通知\n某州府办发〔2024〕20号\n\n"
    "各区县人民政府，市级有关部门：\n现将《某省人民政府办公厅关于做好“跨省通办”工作的通知》转发给你们，请认真贯彻落实。\n\n"
    "某州市人民政府办公室\n2024年6月20日\n\n"
    "某省人民政府办公厅关于做好“跨省通办”工作的通知\n某办发〔2024〕15号\n\n"
    "各市（州）人民政府，省政府各部门、各直属机构：\n省医保局牵头推进异地就医备案“跨省通办”。\n\n"
    "某省人民政府办公厅\n2024年6月5日\n"
)


def test_a_forwarding_notice_is_dated_by_its_own_signature():
    """The forwarded notice's signature comes last; the forwarder's, under the title's issuer, dates the document."""
    meta = extract_text(_FORWARDING).document
    assert (meta.issuer, meta.issued) == ("某州市人民政府办公室", "2024-06-20")
    assert extract_text(_FORWARDING.split("\n\n某省人民政府办公厅关于")[0]).document.issued == "2024-06-20"


def test_the_forwarded_notices_addressees_are_no_mentions():
    """Its 主送 line under its own number names recipients, as the document's own does."""
    names = {d.name for d in extract_text(_FORWARDING).departments}
    assert "各市（州）人民政府" not in names and not any("省政府" in name for name in names)
    assert "省医保局" in names


def test_the_headline_is_the_line_over_the_dateline():
    text = (
        "地方频道热点速递栏目\n\n五省区市“跨省通办”服务专区正式上线\n2021-08-20 14:10:57 来源：某某网\n\n20日，专区正式上线。\n"
    )
    assert extract_text(text).document.title == "五省区市“跨省通办”服务专区正式上线"


def test_a_date_in_a_table_row_is_no_publish_date():
    text = "附件：某市“跨省通办”事项清单\n序号\t事项名称\t完成时限\n1\t失业保险金申领\t2022年6月30日\n"
    assert extract_text(text).document.published is None


def test_a_reposted_article_below_forum_chrome_keeps_its_headline_and_dateline():
    chrome = "某城乐聚社区\n\n[百姓话题] 某某话题(转)\n\n[复制链接] 0\n回复\n查看\n打印 上一主题 下一主题\n楼主\n跳转到指定楼层\n"
    posted = "发表于 2021-3-29 06:46:57 | 只看该作者 |只看大图 回帖奖励 |倒序浏览\n\n某网>>江苏频道>>政治\n\n"
    article = "主动牵手省外“跨省通办”自选组合多点开花\n2021年03月26日07:07  来源:某某日报\n\n3月25日,苏州市行政审批局与银川市审批服务管理局签订框架协议。\n"
    result = extract_text(chrome + posted + article)
    assert result.document.title == "主动牵手省外“跨省通办”自选组合多点开花"
    assert result.document.published == "2021-03-26"
    # a half-width comma is a boundary a place may follow
    assert [d.canonical for d in result.departments] == ["苏州市行政审批局", "银川市审批服务管理局"]


@pytest.mark.parametrize(
    "text",
    [
        # a lead paragraph first: the page's headline was not kept
        "某报快讯（记者 张三）今后，新生儿入户等事项将有望异地办理。\n\n其中，2项为证明开具类。\n\n一、加快推进\n",
        # a repost label is no headline, even with no date
        "本文转自：某某网\n\n8月17日，记者从公安部获悉，某项业务将实现“跨省通办”。\n",
        # a short first sentence ends in 。: body, not headline
        "据介绍，保障机制基本形成。\n二、推进标准化\n",
        # the body's first heading: the plan's title was not kept (a wiki's 全文 tab)
        "全文\n一、工作目标\n深入贯彻落实全省深化“放管服”改革电视电话会议精神。\n",
    ],
)
def test_a_page_that_opens_with_its_body_has_no_headline(text):
    assert extract_text(text).document.title is None


def test_zones_in_the_addressee_line_are_addressees():
    text = (
        "某某市人民政府办公室关于印发方案的通知\n"
        "各县市区人民政府,怀化高新区、怀化经开区,市直有关单位:\n"
        "方案已经市人民政府同意，现印发给你们。\n"
    )
    result = extract_text(text)
    assert result.document.addressees == ("各县市区人民政府", "怀化高新区、怀化经开区", "市直有关单位")
    assert [d.name for d in result.departments] == ["某某市人民政府办公室", "市人民政府"]


def test_a_plans_title_wrapped_under_a_lead_paragraph_is_the_title():
    text = (
        "近日，某省人民政府办公厅发布《某省加快推进政务服务“跨省通办”工作方案》。方案提出，推进“省内通办”。\n\n"
        "某省加快推进政务服务\n\n“跨省通办”工作方案\n\n为深入贯彻落实有关部署，制定本方案。\n"
    )
    assert extract_text(text).document.title == "某省加快推进政务服务“跨省通办”工作方案"


def test_the_issuer_line_over_a_guanyu_line_opens_the_title():
    text = "某政办〔2022〕7号\n某市人民政府办公室\n关于推进镇（街道）便民服务标准化规范化\n建设的实施意见\n各镇人民政府：\n"
    meta = extract_text(text).document
    assert meta.title == "某市人民政府办公室关于推进镇（街道）便民服务标准化规范化建设的实施意见"
    assert meta.issuer == "某市人民政府办公室"


def test_an_addressee_line_may_end_in_a_bracketed_alternative():
    text = "某某关于进一步做好异地就医直接结算工作的通知\n医保发〔2022〕22号\n各省、自治区、直辖市医保局、财政厅（局）：\n为贯彻落实有关部署，现通知如下：\n"
    assert extract_text(text).document.addressees == ("各省、自治区、直辖市医保局、财政厅（局）",)


def test_a_prefectures_administrative_office_is_an_addressee():
    """Tibet's notices open with 各地（市）行政公署: a 行政公署 ends a body's name."""
    line = "各地（市）行政公署，各市（县）人民政府，自治区各委、办、厅、局："
    text = f"西藏自治区人民政府办公厅关于推进政务服务“跨省通办”的通知\n藏政办发〔2021〕8号\n{line}\n为深化改革，现通知如下。"
    assert extract_text(text).document.addressees == ("各地（市）行政公署", "各市（县）人民政府", "自治区各委、办、厅、局")


@pytest.mark.parametrize(
    ("digits", "issued"), [("2021813", "2021-08-13"), ("202156", "2021-05-06"), ("20211111", "2021-11-11"), ("2021111", None)]
)
def test_a_signature_date_that_lost_its_nian_yue_ri(digits, issued):
    """Some portals drop 年月日 (set in their own spans): the digits run together under
    the signature are read only when one split gives a real date."""
    text = f"关于印发某某工作方案的通知\n各市人民政府：\n现将方案印发给你们，请认真贯彻执行。\n某省推进政府职能转变协调小组办公室\n{digits}\n"
    meta = extract_text(text).document
    assert meta.issued == issued
    assert meta.issuer == ("某省推进政府职能转变协调小组办公室" if issued else None)


@pytest.mark.parametrize("signature", ["中国人民银行某市中心支行", "中共某市委员会办公室", "某市政务服务数据管理中心"])
def test_a_signature_ends_like_a_body_named_in_the_data(signature):
    text = f"关于印发某某工作方案的通知\n各有关单位：\n现将方案印发给你们，请认真贯彻执行。\n{signature}\n2021年8月13日\n"
    assert extract_text(text).document.issuer == signature


@pytest.mark.parametrize(
    ("headline", "title"),
    [
        ("《关于健全“高效办成一件事”重点事项常态化推进机制的意见》", "关于健全“高效办成一件事”重点事项常态化推进机制的意见"),
        ("《关于某事的意见》和《实施方案》", "《关于某事的意见》和《实施方案》"),  # the first 》 closes early
    ],
)
def test_a_headline_in_title_marks_is_the_documents_name(headline, title):
    text = f"{headline}\n《意见》明确，推动重点事项清单管理和常态化实施。\n"
    assert extract_text(text).document.title == title


def test_a_signature_under_the_title_dates_the_issue_not_the_page():
    text = "某州市“跨省通办”工作进展情况通报\n某州市人民政府办公室\n2022年7月5日\n各县人民政府：\n今年以来，工作进展顺利。\n"
    meta = extract_text(text).document
    assert (meta.issuer, meta.issued, meta.published) == ("某州市人民政府办公室", "2022-07-05", None)
    # a news page's date line under its headline stays the page's
    assert extract_text("异地办事更便捷\n2022年7月5日\n记者从市政务服务中心获悉。").document.published == "2022-07-05"


@pytest.mark.parametrize(
    ("above", "issuer"),
    [
        # a joint notice signs one body a line: every signer
        ("甲市人民政府办公室\n乙县人民政府办公室", "甲市人民政府办公室 乙县人民政府办公室"),
        # a table row that ends in a body is no signer
        ("序号\t事项\t责任单位\n1\t生育津贴支付\t省医疗保障局\n某省医疗保障局", "某省医疗保障局"),
    ],
)
def test_the_signers_over_the_date(above, issuer):
    text = f"关于印发某某工作方案的通知\n各镇人民政府：\n现将方案印发给你们，请认真贯彻实施。\n{above}\n2021年3月12日\n"
    assert extract_text(text).document.issuer == issuer


@pytest.mark.parametrize(
    ("signature", "issued"),
    [
        ("某省人力资源和社会保障厅\n2023年3月6日\n（此件主动公开）\n", "2023-03-06"),  # signed: the signature's date
        ("", "2023-03-08"),  # no signature date: the colophon's printing date stands in
    ],
)
def test_the_signature_date_wins_over_the_colophons_printing_date(signature, issued):
    text = (
        "关于做好某某工作的通知\n各市人力资源社会保障局：\n现将有关事项通知如下。\n"
        f"{signature}抄送：省财政厅。\n某省人力资源和社会保障厅办公室 2023年3月8日印发\n"
    )
    assert extract_text(text).document.issued == issued


def test_run_together_digits_in_a_sentence_are_no_signature_date():
    text = "关于印发某某工作方案的通知\n各市人民政府：\n请于2021813前报送。\n"
    assert extract_text(text).document.issued is None


def test_a_joint_notices_long_addressee_line_groups_by_province():
    text = (
        "关于印发《某某工作方案》的通知\n某卫发〔2023〕5号\n"
        "上海市各区卫生健康委员会、公安分局、大数据中心，各有关单位；浙江省各市卫生健康委员会、公安局、医疗保障局；"
        "江苏省各市卫生健康委员会、政务服务管理办公室（行政审批局、大数据局）、档案局、档案馆：\n现将方案印发给你们。\n"
    )
    extraction = extract_text(text)
    assert extraction.document.addressees[:2] == ("上海市各区卫生健康委员会、公安分局、大数据中心", "各有关单位")
    assert len(extraction.document.addressees) == 4
    assert extraction.departments == []  # recipients, not mentions


def test_addressees_with_a_long_bracketed_note_and_a_bureaus_own_offices():
    text = "某某关于印发工作要点的通知\n某卫发〔2023〕1号\n各区县卫生健康局（南太湖新区社发中心），委属各单位，委机关各处室：\n现将要点印发给你们。\n"
    assert extract_text(text).document.addressees == ("各区县卫生健康局（南太湖新区社发中心）", "委属各单位", "委机关各处室")
    text = "某市医疗保障局关于推进工作的通知\n某医保发〔2023〕1号\n各县市区医疗保障局，局机关各科室：\n现将有关事项通知如下。\n"
    assert extract_text(text).document.addressees == ("各县市区医疗保障局", "局机关各科室")  # a city bureau's sections


def test_a_header_line_is_no_part_of_the_kind_title_under_it():
    text = "某市医疗保障局文件\n某市医疗保障经办“跨省通办”工作方案\n为深入贯彻落实有关部署，制定本方案。\n"
    assert extract_text(text).document.title == "某市医疗保障经办“跨省通办”工作方案"


def test_an_addressee_line_is_never_the_title():
    text = "各区人民政府，市各相关单位：\n经市政府同意，现将方案印发给你们。\n某市政务服务管理局\n2023年9月14日\n某市深化政务服务“跨省通办”实施方案\n为贯彻落实有关部署，制定本方案。\n"
    assert extract_text(text).document.title == "某市深化政务服务“跨省通办”实施方案"


@pytest.mark.parametrize(
    ("headline", "title"),
    [
        ("【新闻】我省新增52项“跨省通办”事项", "我省新增52项“跨省通办”事项"),
        ("[政策解读]《某省推进“跨省通办”实施方案》解读", "《某省推进“跨省通办”实施方案》解读"),
    ],
)
def test_a_columns_tag_in_brackets_is_no_part_of_the_headline(headline, title):
    text = f"{headline}\n2021-06-01 来源：某省人民政府网\n记者从省政务服务管理局获悉，新增事项已上线。"
    assert extract_text(text).document.title == title


def test_a_page_layout_tables_bars_and_a_signature_with_its_date_on_one_line():
    """A one-cell row's closing bar ("粤府办〔2014〕25号 |") had kept the number from its line, and
    "广东省人民政府办公厅 2014年5月11日 |" had given no issue date."""
    raw = (
        "粤府办〔2014〕25号 |\n━━━━━━━━━━━━ |\n广东省人民政府办公厅关于公开行政审批事项的通知\n"
        "各地级以上市人民政府：\n现就有关工作通知如下。\n广东省人民政府办公厅 2014年5月11日 |\n"
    )
    meta = extract(normalize_text(raw)).document
    assert (meta.doc_number, meta.issuer, meta.issued) == ("粤府办〔2014〕25号", "广东省人民政府办公厅", "2014-05-11")


def test_a_date_after_words_that_name_no_body_is_no_signature():
    raw = "某市人民政府关于开展检查的通知\n各县人民政府：\n请于下周报送。\n检查工作将于2021年5月20日\n"
    assert extract(normalize_text(raw)).document.issued is None


@pytest.mark.parametrize(
    ("signature", "issuer"),
    [
        ("湖州市卫生健康委员会", "湖州市卫生健康委员会"),  # the title's short name, written out
        ("湖州市人民政府办公室", "湖州市卫生健康委"),  # another body signs: the title's stays
    ],
)
def test_a_signature_that_writes_out_the_titles_issuer_is_the_issuer(signature, issuer):
    raw = f"湖州市卫生健康委关于印发工作要点的通知\n各区县卫生健康局：\n现印发给你们。\n{signature}\n2023年4月26日\n"
    assert extract(normalize_text(raw)).document.issuer == issuer


def test_a_numbered_title_over_its_dateline_is_the_headline():
    """A county portal's catalog page: its title is part (七) of a series, set over the dateline;
    below come a font-size bar and a table's header rows, none of them a title."""
    text = (
        "(七)社会保险领域基层政务公开标准目录\n\n2023-11-30 10:39 作者:某县管理员  来源:某县\n字体:【    】 打印\n"
        "序号 公开事项 公开内容 公开依据 公开时限 公开主体\n一级事项 二级事项\n"
        "1 社会保险登记 城乡居民养老保险参保登记 事项名称、办理材料 《社会保险法》 20个工作日内 乡镇人民政府\n"
    )
    assert extract_text(text).document.title == "(七)社会保险领域基层政务公开标准目录"


def test_a_font_bar_and_a_header_row_are_no_headline():
    text = "字体:【    】 打印\n序号 公开事项 公开内容 公开依据 公开时限 公开主体\n1 社会保险登记 城乡居民养老保险参保登记\n"
    title = extract_text(text).document.title
    assert title is None or not title.startswith(("字体", "序号"))


def test_a_dated_task_near_the_top_is_no_dateline():
    """A page's first lines may hold a task cut short by the layout (…要于2024年7月15日前完成…):
    its date is when the task is due, not when the page went out."""
    text = "某市政务服务中心发布\n各县政务服务中心要于2024年7月15日前完成事项认领\n和办事指南编制。\n"
    assert extract_text(text).document.published is None
    dated = "某市跨省通办新进展\n2024-07-15 09:30 来源：某市日报\n正文。\n"
    assert extract_text(dated).document.published == "2024-07-15"


@pytest.mark.parametrize(
    ("occasion", "issued"),
    [
        ("——2024年1月9日在株洲市第十六届人民代表大会第四次会议上", "2024-01-09"),
        ("—— 2023年12月5日在全市政务服务工作会议上的讲话", "2023-12-05"),
        ("（2023年11月30日株洲市第十六届人民代表大会常务委员会第十五次会议通过）", "2023-11-30"),
        ("——在全市政务服务工作会议上的讲话", None),  # no date: nothing to read
        ("（2023年11月30日前完成）", None),  # a time limit, no occasion
    ],
)
def test_a_speech_or_an_adopted_text_is_dated_by_its_occasion(occasion, issued):
    text = f"政府工作报告\n{occasion}\n市长 王建国\n各位代表：\n现在，我代表市人民政府，向大会报告工作。\n"
    document = extract_text(text).document
    assert document.issued == issued
    assert document.issuer is None  # a speech has no signature: its date names no signer


def test_who_speaks_for_a_body_is_no_part_of_its_place():
    found = extract_text("现在，我代表市人民政府，向大会报告工作。").departments
    assert [d.name for d in found] == ["市人民政府"]


def test_a_posts_bracketed_headline_is_its_title_and_a_long_exclaiming_line_is_body():
    post = (
        "#跨省通办# 【好消息！这些事可以跨省办了】即日起，在我市工作生活的外省群众，可在市民之家“跨省通办”专窗"
        "办理社保卡申领、异地就医备案、公积金提取等58项高频事项，不用再两地跑！快转给身边需要的人 #便民服务#\n"
    )
    assert extract_text(post).document.title == "好消息！这些事可以跨省办了"
    body_only = post.replace("【好消息！这些事可以跨省办了】", "")
    assert extract_text(body_only).document.title is None  # no headline kept: the post opens with its body
