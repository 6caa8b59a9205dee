"""Extraction on the seeds: metadata, items, deadlines, departments."""

from __future__ import annotations

from collections import Counter

import pytest

from extractors import extract_text
from extractors.dates import parse_iso
from extractors.deadlines import extract_deadlines
from tests.conftest import NEWS_001, NEWS_004, SEED_000, SEED_002, SEED_003

SEED_003_SUB_ITEMS = {
    "医保定点医疗机构基础信息变更": "医保定点医疗机构基础信息变更",
    "产前检查费支付": "生育保险待遇核准支付",
    "产前检查就医确认": "生育保险待遇核准支付",
    "常驻异地工作人员备案": "基本医疗保险参保人员异地就医备案",
    "城乡居民参保登记": "基本医疗保险参保和变更登记",
    "城乡居民参保信息变更登记": "基本医疗保险参保和变更登记",
    "单位参保信息变更登记": "基本医疗保险参保和变更登记",
    "计划生育医疗费支付": "生育保险待遇核准支付",
    "临时异地就医人员备案": "基本医疗保险参保人员异地就医备案",
    "门诊费用报销": "基本医疗保险参保人员医疗费用手工（零星）报销",
    "生育津贴支付": "生育保险待遇核准支付",
    "生育医疗费支付": "生育保险待遇核准支付",
    "异地安置退休人员备案": "基本医疗保险参保人员异地就医备案",
    "异地长期居住人员备案": "基本医疗保险参保人员异地就医备案",
    "异地转诊人员备案": "基本医疗保险参保人员异地就医备案",
    "职工参保信息变更登记": "基本医疗保险参保和变更登记",
    "转移接续手续办理": "基本医疗保险关系转移接续",
    "医保电子凭证申领": "医保电子凭证申领",
}


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


def test_all_18_table_sub_items_with_their_main_item(extracted):
    table = {i.name: i.main_item for i in extracted(SEED_003).items if i.method == "table"}
    assert table == SEED_003_SUB_ITEMS


def test_table_scope_comes_from_the_target_column(extracted):
    scopes = {i.name: set(i.scope) for i in extracted(SEED_003).items if i.method == "table"}
    assert scopes["产前检查就医确认"] == {"省内通办"}
    assert scopes["生育津贴支付"] == {"省内通办", "跨省通办"}


def test_enumerations_match_their_stated_counts(extracted):
    result = extracted(SEED_003)
    listed = [i for i in result.items if i.method == "enumeration"]
    assert {i.name for i in listed} == set(SEED_003_SUB_ITEMS)
    assert sorted((c.stated, c.found) for c in result.count_checks) == [(2, 2), (16, 16)]
    only_in_province = {i.name for i in listed if i.scope == ("省内通办",)}
    assert only_in_province == {"临时异地就医人员备案", "产前检查就医确认"}


def test_traditional_news_enumerations_and_count_mismatch(extracted):
    result = extracted(NEWS_001)
    names = [i.name for i in result.items]
    assert names[:4] == ["市场主体登记注册", "养老保险关系转移接续", "工业产品生产许可证发证", "异地就医结算备案"]
    assert (58, 2) in [(c.stated, c.found) for c in result.count_checks]


def test_unrelated_newspaper_articles_yield_no_items(extracted):
    assert extracted(NEWS_004).items == []


def test_counters_of_other_things_are_not_item_lists():
    text = "四川等20个省（区、市）的财政部门牵头。将中介机构基本信息、资质资格、可办事项等20余项内容进行核对。"
    assert extract_text(text).items == []


def test_state_council_deadline(extracted):
    deadlines = extracted(SEED_000).deadlines
    assert [(d.text, d.kind, d.date) for d in deadlines] == [("2023年6月底前", "by", "2023-06-30")]


def test_guangdong_deadlines_resolve_against_the_document_date(extracted):
    found = {(d.text, d.kind, d.date) for d in extracted(SEED_003).deadlines}
    assert ("5月25日前", "by", "2021-05-25") in found
    assert ("12月20日前", "by", "2021-12-20") in found
    assert ("2021年年底前", "by", "2021-12-31") in found
    assert ("每月20日前", "recurring", None) in found


@pytest.mark.parametrize(
    "text, kind, date, start",
    [
        ("三季度末前完成", "by", "2021-09-30", None),
        ("二○二一年六月底前", "by", "2021-06-30", None),
        ("6月底完成", "by", "2021-06-30", None),
        ("本月底前", "by", "2021-05-31", None),
        ("自2023年7月1日起施行", "start", None, "2023-07-01"),
        ("2021年之后", "period", None, "2022-01-01"),
        ("年内完成", "period", "2021-12-31", "2021-01-01"),
        ("到2025年，基本实现高频事项跨省通办", "by", "2025-12-31", None),  # a target year
        ("力争到2022年底全面实现", "by", "2022-12-31", None),
        ("不晚于2022年6月完成", "by", "2022-06-30", None),
    ],
)
def test_deadline_forms(text, kind, date, start):
    (deadline,) = extract_deadlines(text, parse_iso("2021-05-24"))
    assert (deadline.kind, deadline.date, deadline.start) == (kind, date, start)
    assert deadline.base_date == "2021-05-24"


@pytest.mark.parametrize(
    "text",
    [
        "截至9月28日，已累计结算",
        "今年7月以来",
        "9月30日，国务院新闻办公室举行",
        "联系电话：020-83260327",
        "办结时限为3个工作日以内",
        "2021年底已实现社保卡申领等服务事项的跨省通办",  # done by then: a fact
        "2020年底前已经实现第一批58项事项“跨省通办”",
        "截止2021年底，已办理10万件",  # as of
        "收到2021年的申请",  # 到 after another verb
        "提高到2025年的水平",
    ],
)
def test_not_deadlines(text):
    assert extract_deadlines(text, parse_iso("2021-05-24")) == []


def test_roles_in_the_guangdong_plan(extracted):
    roles = Counter((d.canonical, d.role) for d in extracted(SEED_003).departments)
    assert roles[("广东省医疗保障局", "lead")] == 3
    assert roles[("各地级以上市医疗保障局", "cooperate")] == 3
    assert roles[("各地级以上市医疗保障局", "responsible")] == 2


def test_central_aliases_resolve_to_official_names():
    found = {(d.name, d.canonical) for d in extract_text("人社部、国家医保局会同市场监管总局负责。").departments}
    assert found == {
        ("人社部", "人力资源和社会保障部"),
        ("国家医保局", "国家医疗保障局"),
        ("市场监管总局", "国家市场监督管理总局"),
    }


def test_role_words_alone_name_nobody():
    assert extract_text("责任单位牵头，相关部门配合。").departments == []


def test_document_numbers_are_not_department_mentions():
    names = [d.name for d in extract_text("根据国办发〔2020〕35号文件，国务院办公厅负责统筹。").departments]
    assert names == ["国务院办公厅"]


def test_kinds_before_a_service_name_make_one_item():
    text = "新增22项高频政务服务“跨省通办”清单。其中包括高血压、糖尿病、尿毒症透析等5种门诊慢特病相关治疗费用跨省直接结算。"
    assert [i.name for i in extract_text(text).items] == ["门诊慢特病相关治疗费用跨省直接结算"]
    assert extract_text("申请人可提交身份证、户口簿等10种证明材料。").items == []


def test_batches_and_modes_of_an_enumeration(extracted):
    items = extracted(NEWS_001).items
    first = [i.name for i in items if i.batch == "第一批"]
    assert first == ["市场主体登记注册", "养老保险关系转移接续"]
    assert [i.modes for i in extract_text("实现婚姻登记、户口迁移等2项事项“全程网办”。").items] == [("全程网办",)] * 2


def test_a_count_after_zai_nei_de_and_a_scope_one_clause_later():
    """News style: "包括A、B等事项在内的N个事项，有望…实现川渝通办" (regional scope)."""
    text = "据了解，包括户籍证明、社会保障卡申领、购房提取住房公积金等事项在内的3个事项，有望在10月底前实现川渝通办。"
    items = extract_text(text).items
    assert [i.name for i in items] == ["户籍证明", "社会保障卡申领", "购房提取住房公积金"]
    assert {i.scope for i in items} == {("川渝通办",)}
    assert [(c.stated, c.found) for c in extract_text(text).count_checks] == [(3, 3)]


def test_a_scope_in_a_later_sentence_is_not_the_lists():
    items = extract_text("包括婚姻登记、户口迁移等2个事项。另有5项实现跨省通办。").items
    assert [i.scope for i in items] == [(), ()]


@pytest.mark.parametrize(
    "text",
    [
        "今年新增的“跨省通办”事项有：住房公积金汇缴、残疾人证迁移、机动车驾驶证审验。",
        "推动以下事项实现“跨省通办”：（一）住房公积金汇缴；（二）残疾人证迁移；（三）机动车驾驶证审验。",
        "附件：第二批“跨省通办”事项清单\n1.住房公积金汇缴\n2、残疾人证迁移（市残联）\n3. 机动车驾驶证审验；\n",
        # an HTML list under a colon that ends its line, blank lines between the names
        "某市公布首批“跨省通办”事项清单，具体事项如下：\n\n住房公积金汇缴\n\n残疾人证迁移\n\n机动车驾驶证审验\n\n下一步，市政务服务中心将加快推进。",
        "记者发现，首批“跨省通办”事项包括住房公积金汇缴、残疾人证迁移、机动车驾驶证审验等，可满足异地办事需求。",
        "还将在年底前实现72项高频事项“跨省通办”，包括住房公积金汇缴、残疾人证迁移、机动车驾驶证审验等。",
        "新增的“跨省通办”事项如下：\n● 住房公积金汇缴\n• 残疾人证迁移\n- 机动车驾驶证审验\n",  # bullets
        "问：哪些事项可以“跨省通办”？\n答：主要包括住房公积金汇缴、残疾人证迁移、机动车驾驶证审验等。\n",  # Q&A
    ],
)
def test_lists_introduced_by_a_phrase_naming_tongban_items(text):
    items = extract_text(text).items
    assert [i.name for i in items] == ["住房公积金汇缴", "残疾人证迁移", "机动车驾驶证审验"]
    assert {i.scope for i in items} == {("跨省通办",)}
    for item in items:
        assert text[item.span[0] : item.span[1]] == item.name


def test_a_list_that_is_the_subject_of_its_scope():
    items = extract_text("目前，异地就医备案、社保卡申领已实现“跨省通办”。").items
    assert [i.name for i in items] == ["异地就医备案", "社保卡申领"]


@pytest.mark.parametrize(
    "text",
    [
        "“跨省通办”工作的主要任务有：加强组织领导、强化宣传引导。",  # measures, not services
        "三、“跨省通办”事项清单管理\n1.建立动态调整机制。\n2.加强督导考核。\n",
        "加强协调、压实责任已实现“跨省通办”。",
        "今年新增的事项有：住房公积金汇缴、残疾人证迁移。",  # no 通办: not this registry's list
        "“跨省通办”事项如下：\n加强组织领导\n强化宣传引导\n",  # lines of measures
        "“跨省通办”事项如下：\n住房公积金汇缴\n",  # one line is no list
        "“跨省通办”事项清单管理包括建立动态调整机制、加强督导考核等。",  # measures
        "“跨省通办”工作包括住房公积金汇缴、残疾人证迁移等。",  # the sentence names no items
        "加快推进公安政务服务“跨省通办”\n",  # a domain of services, not one
        "决定将公安局、人社局、医保局等10家单位104个高频事项与外地实现跨省(区域)通办。",  # bodies
        "决定将社会保障卡申领、户口迁移等10家单位104个高频事项与外地实现跨省通办。",  # a count inside
    ],
)
def test_lists_of_something_else_under_the_same_words_are_not_items(text):
    assert extract_text(text).items == []


def test_an_item_may_hold_a_shared_verb():
    text = "公安部已出台居民身份证换领、补领异地受理、驾驶证全国通考、机动车全国通检等3项“跨省通办”事项。"
    assert [i.name for i in extract_text(text).items] == ["居民身份证换领、补领异地受理", "驾驶证全国通考", "机动车全国通检"]


def test_he_splits_only_when_the_stated_count_asks_for_it():
    two = extract_text("包括社会保险参保缴费记录查询和婚姻登记等2项事项。").items
    assert [i.name for i in two] == ["社会保险参保缴费记录查询", "婚姻登记"]
    one = extract_text("包括人力资源和社会保障局备案、社保卡申领等2个事项。").items
    assert [i.name for i in one] == ["人力资源和社会保障局备案", "社保卡申领"]


def test_he_may_join_the_first_two_names_when_both_end_like_services():
    text = "年底前，开具婚育证明和随迁户口迁移、新生儿入户登记、学生户口迁移等4个事项要实现“跨省通办”。"
    names = [i.name for i in extract_text(text).items]
    assert names == ["开具婚育证明", "随迁户口迁移", "新生儿入户登记", "学生户口迁移"]


def test_a_subject_that_has_the_items_is_not_the_first_name():
    text = "专区正式上线，其中本省有个体工商户变更登记、学历公证、排污许可等51项事项在专区上线。"
    assert [i.name for i in extract_text(text).items] == ["个体工商户变更登记", "学历公证", "排污许可"]


@pytest.mark.parametrize(
    ("sentence", "names", "scope"),
    [
        (
            "加快实现养老保险关系转移接续、职业资格证书核验“跨省通办”。",
            ["养老保险关系转移接续", "职业资格证书核验"],
            ("跨省通办",),
        ),
        ("推进户口迁移、居民身份证换领补领等高频事项“跨省通办”。", ["户口迁移", "居民身份证换领补领"], ("跨省通办",)),
        ("将失业登记、就业创业证申领纳入“省内通办”范围。", ["失业登记", "就业创业证申领"], ("省内通办",)),
        ("将出生医学证明办理、预防接种证办理纳入“跨省通办”事项清单。", ["出生医学证明办理", "预防接种证办理"], ("跨省通办",)),
        ("全面实现户口登记、社保卡申领“一件事一次办”和“跨省通办”。", ["户口登记", "社保卡申领"], ("跨省通办",)),
        ("实现【异地就医备案】、【社保卡申领】“跨省通办”。", ["异地就医备案", "社保卡申领"], ("跨省通办",)),
        ("推进基本医疗保险参保信息变更“跨省通办、省内通办”。", ["基本医疗保险参保信息变更"], ("跨省通办", "省内通办")),
        # examples before 等各类 are no part of a name; 和 between two services splits them
        (
            "推动企业等各类市场主体登记注册和涉企经营许可等事项“跨省通办”。",
            ["市场主体登记注册", "涉企经营许可"],
            ("跨省通办",),
        ),
        # … but not a bare verb after 和
        (
            "推动异地就医登记备案和结算、住房公积金缴存和提取“跨省通办”。",
            ["异地就医登记备案和结算", "住房公积金缴存和提取"],
            ("跨省通办",),
        ),
    ],
)
def test_uncounted_lists_before_a_scope_are_items(sentence, names, scope):
    items = extract_text(sentence).items
    assert [i.name for i in items] == names
    assert all(i.scope == scope and i.stated_count is None for i in items)


@pytest.mark.parametrize(
    "sentence",
    [
        "国务院办公厅关于加快推进政务服务“跨省通办”的指导意见",  # generic: 政务服务
        "（一）推动工作类事项“跨省通办”。",  # a category
        "大力推进与企业发展、群众生活密切相关的高频政务服务事项“跨省通办”，",  # a description
        "（二）扎实推进地区间“跨省通办”合作。",  # the scope qualifies 合作
        "推动县级以上政务服务中心“跨省通办”窗口全覆盖。",  # … and 窗口
        "现将《关于深化医疗保障经办政务服务事项“跨省通办”工作方案》印发给你们。",  # a title
        "深化“跨省通办”改革，不断提升服务能力。",  # no list at all
    ],
)
def test_scope_phrases_that_name_no_item(sentence):
    assert extract_text(sentence).items == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2021年10月—12月，开展试点。", ("2021年10月—12月", "period", "2021-10-01", "2021-12-31")),
        ("2021年9月至12月底，开展试点。", ("2021年9月至12月底", "period", "2021-09-01", "2021-12-31")),
        ("2021年3月-2022年6月，全面推广。", ("2021年3月-2022年6月", "period", "2021-03-01", "2022-06-30")),
        ("完成时限：2021年12月", ("2021年12月", "by", None, "2021-12-31")),
        ("时间节点：5月25日前", ("5月25日前", "by", None, "2021-05-25")),
    ],
)
def test_ranges_and_labelled_dates(text, expected):
    found = extract_deadlines(text, parse_iso("2021-03-01"))
    assert [(d.text, d.kind, d.start, d.date) for d in found] == [expected]
    start, end = found[0].span
    assert text[start:end] == expected[0]


@pytest.mark.parametrize("text", ["截至2021年9月，已有", "电话：020-12345678", "2020年9月30日，举行吹风会"])
def test_no_range_or_label_where_there_is_none(text):
    assert extract_deadlines(text, parse_iso("2021-03-01")) == []


def test_item_tables_are_found_by_other_name_headers():
    text = (
        "第二批“跨省通办”事项清单\n序号\t服务事项\t责任单位\t完成时限\n"
        "1\t机动车驾驶证审验\t公安部\t2021年6月底前\n2\t电子证照互认\t国务院办公厅\t2021年底前\n\n"
        "重点任务\n序号\t具体事项\t责任单位\n1\t优化线下窗口\t公安部\n"
    )
    items = extract_text(text, issued="2021-03-01").items
    assert [(i.name, i.method) for i in items] == [("机动车驾驶证审验", "table"), ("电子证照互认", "table")]


def test_deadline_and_range_searches_find_what_a_full_scan_finds():
    """Both are searched only near an anchor (a date start, a joining word or dash);
    on random text built from deadline pieces they must find exactly what
    ``finditer`` over the whole text finds."""
    import random

    from extractors.deadlines import _DATE_ANCHOR, _JOIN_ANCHOR, _JOIN_SPACE, _RANGE_JOIN, _pattern
    from extractors.text import anchored_matches

    pattern, reach = _pattern()
    pieces = ["完成时限", "：", "  ", "2021年", "底前", "9月", "至", "12月", "25日", "前", "自", "起", "一", "年",
              "第三季度", "截至", "—", "-", "本月", "，", "各地", "于", "上半年", "\n"]  # fmt: skip
    rng = random.Random(11)
    found = Counter()
    for _ in range(4000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))
        for name, full, anchor, near in (
            ("deadline", pattern, _DATE_ANCHOR, reach),
            ("range", _RANGE_JOIN, _JOIN_ANCHOR, _JOIN_SPACE),
        ):
            expected = [m.span() for m in full.finditer(text)]
            assert [m.span() for m in anchored_matches(full, anchor, near, text)] == expected, (name, text)
            found[name] += bool(expected)
    assert found["deadline"] > 500 and found["range"] > 500  # the generator does produce both


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("公安部将推行小型非营运客车二手车交易登记“跨省通办”。", ["小型非营运客车二手车交易登记"]),
        ("新增异地就医备案、社保卡申领等2项“跨省通办”事项。", ["异地就医备案", "社保卡申领"]),
        ("国办明确新增22项可“跨省通办”，涉及医保的有这些。", []),  # a count is no name
    ],
)
def test_lead_verbs_that_open_a_news_list(sentence, names):
    assert [i.name for i in extract_text(sentence).items] == names


def test_a_reposting_sites_name_before_a_bar_is_not_part_of_the_headline():
    text = "某报|五省区市“跨省通办”服务专区上线\n2021-08-20 14:10 来源：某报\n20日，专区正式上线。\n"
    meta = extract_text(text).document
    assert meta.title == "五省区市“跨省通办”服务专区上线"
    start, end = meta.title_span
    assert text[start:end] == meta.title


def test_a_table_without_a_scope_column_takes_the_scope_its_caption_names():
    text = (
        "现将我县首批“省内通办”事项清单公布如下：\n"
        "序号\t事项名称\t责任单位\n1\t新生儿入户\t县公安局\n2\t失业登记\t县人力社保局\n\n"
        "附表二 便民服务事项\n"
        "序号\t事项名称\t责任单位\n1\t老年人优待证办理\t县民政局\n"
    )
    scopes = {i.name: i.scope for i in extract_text(text).items}
    assert scopes == {"新生儿入户": ("省内通办",), "失业登记": ("省内通办",), "老年人优待证办理": ()}


def test_a_column_name_before_a_han_bar_leaves_the_title_and_issuer_clean():
    text = "政务服务丨某宁市人民政府关于深化“跨省通办”改革的实施意见\n某政字〔2021〕30号\n各县(市、区)人民政府：\n经市政府同意，现印发。\n"
    result = extract_text(text)
    assert result.document.title == "某宁市人民政府关于深化“跨省通办”改革的实施意见"
    assert result.document.issuer == "某宁市人民政府"
    assert [d.name for d in result.departments] == ["某宁市人民政府", "市政府"]  # not 市人民政府 of 丨某宁市…
    assert {d.canonical for d in result.departments} == {"某宁市人民政府"}


def test_a_counter_noun_may_take_de_before_the_scope():
    text = "2021年底已实现社保卡申领、启用、补换、临时挂失等服务事项的跨省通办。"
    items = extract_text(text).items
    # bare verbs share the card named first, as 居民身份证换领、补领异地受理 does
    assert [(i.name, i.scope) for i in items] == [("社保卡申领、启用、补换、临时挂失", ("跨省通办",))]


def test_a_wire_dateline_before_the_headline_is_no_part_of_it():
    text = "新华社北京9月30日电题：让异地办事更容易——聚焦“跨省通办”\n新华社记者 某某\n正文。\n"
    assert extract_text(text).document.title == "让异地办事更容易——聚焦“跨省通办”"


def test_a_number_in_brackets_after_the_title_is_the_number_and_leaves_the_title():
    text = "某州市人民政府关于优化营商环境的实施意见(某政〔2017〕101号)\n来源：某州市政府网 发布时间：2018-01-26\n一、持续减少审批事项。\n"
    meta = extract_text(text).document
    assert (meta.title, meta.doc_number) == ("某州市人民政府关于优化营商环境的实施意见", "某政〔2017〕101号")
    start, end = meta.doc_number_span
    assert text[start:end] == meta.doc_number


def test_scope_and_mode_columns_under_other_header_words():
    text = "附件\n序号\t事项名称\t通办范围\t办理方式\n1\t异地就医登记备案\t跨省通办\t全程网办\n2\t失业保险金申领\t省内通办\t代收代办\n"
    items = [(i.name, i.scope, i.modes) for i in extract_text(text).items]
    assert items == [("异地就医登记备案", ("跨省通办",), ("全程网办",)), ("失业保险金申领", ("省内通办",), ("代收代办",))]


def test_a_list_may_go_on_past_a_comma_with_yiji():
    text = "首批推出的审批事项主要涉及企业设立、变更、注销，以及工业产品生产许可证核发等30项业务。"
    assert [i.name for i in extract_text(text).items] == ["企业设立、变更、注销", "工业产品生产许可证核发"]


def test_a_bare_date_under_a_deadline_column_is_a_deadline():
    text = (
        "附件：某市“跨省通办”事项清单\n序号\t事项名称\t完成时限\n1\t失业保险金申领\t2021年12月\n2\t异地就医登记备案\t长期坚持\n"
    )
    result = extract_text(text)
    assert [(d.text, d.date) for d in result.deadlines] == [("2021年12月", "2021-12-31")]
    assert [i.deadlines for i in result.items] == [(0,), ()]


def test_a_bracketed_scope_variant_is_a_scope():
    text = "推动社会保障卡申领、户口迁移、住房公积金转移接续等事项实现“跨省(区域)通办”。"
    items = extract_text(text).items
    assert [(i.name, i.scope) for i in items] == [
        ("社会保障卡申领", ("跨省(区域)通办",)),
        ("户口迁移", ("跨省(区域)通办",)),
        ("住房公积金转移接续", ("跨省(区域)通办",)),
    ]


def test_the_publisher_after_laiyuan_is_no_mention_but_a_sentences_own_laiyuan_is():
    text = (
        "某市首批“跨省通办”事项清单发布\n发布时间：2021-05-10 10:00 来源：某市政务服务中心\n"
        "资金来源：市财政局统筹安排。市政务服务中心将会同市医保局推进。\n"
    )
    names = [d.name for d in extract_text(text).departments]
    assert names == ["市财政局", "市政务服务中心", "市医保局"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "2021年底前，实现（1）异地就医备案；（2）社保卡申领；（3）户口迁移等3项事项“跨省通办”。",
            ["异地就医备案", "社保卡申领", "户口迁移"],
        ),  # ； separates the names of a counted list too, and the enumerators come off
        ("实现住房公积金汇缴、提取、转移接续“跨省通办”。", ["住房公积金汇缴、提取、转移接续"]),  # bare verbs share it
    ],
)
def test_semicolon_lists_and_bare_service_verbs(text, names):
    assert [i.name for i in extract_text(text).items] == names


def test_the_headline_is_the_line_over_the_dateline():
    text = (
        "地方频道热点速递栏目\n\n五省区市“跨省通办”服务专区正式上线\n2021-08-20 14:10:57 来源：某某网\n\n20日，专区正式上线。\n"
    )
    assert extract_text(text).document.title == "五省区市“跨省通办”服务专区正式上线"


def test_a_date_in_a_table_row_is_no_publish_date():
    text = "附件：某市“跨省通办”事项清单\n序号\t事项名称\t完成时限\n1\t失业保险金申领\t2022年6月30日\n"
    assert extract_text(text).document.published is None


def test_a_list_of_examples_after_the_sentence_that_names_the_items():
    text = (
        "两省市在“跨省通办”事项清单基础上，梳理形成了95项川渝通办事项清单（第一批）。"
        "如居民身份证换领、补领﹔机动车号牌补发、换发﹔川渝两地户口迁移﹔正常退休提取住房公积金等。"
    )
    items = extract_text(text).items
    assert [i.name for i in items] == [
        "居民身份证换领、补领",
        "机动车号牌补发、换发",
        "川渝两地户口迁移",
        "正常退休提取住房公积金",
    ]
    assert {i.scope for i in items} == {("川渝通办",)}


def test_a_reposted_article_below_forum_chrome_keeps_its_headline_and_dateline():
    chrome = "某城乐聚社区\n\n[百姓话题] 某某话题(转)\n\n[复制链接] 0\n回复\n查看\n打印 上一主题 下一主题\n楼主\n跳转到指定楼层\n"
    posted = "发表于 2021-3-29 06:46:57 | 只看该作者 |只看大图 回帖奖励 |倒序浏览\n\n某网>>江苏频道>>政治\n\n"
    article = "主动牵手省外“跨省通办”自选组合多点开花\n2021年03月26日07:07  来源:某某日报\n\n3月25日,苏州市行政审批局与银川市审批服务管理局签订框架协议。\n"
    result = extract_text(chrome + posted + article)
    assert result.document.title == "主动牵手省外“跨省通办”自选组合多点开花"
    assert result.document.published == "2021-03-26"
    # a half-width comma is a boundary a place may follow
    assert [d.canonical for d in result.departments] == ["苏州市行政审批局", "银川市审批服务管理局"]
