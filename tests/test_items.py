"""Items: enumerations, uncounted and introduced lists, scopes and modes, on the seeds and on sentences shaped like real notices (tables: test_item_tables.py)."""

from __future__ import annotations

import pytest

from extractors import extract_text
from tests.conftest import NEWS_001, NEWS_004, SEED_003, SEED_003_SUB_ITEMS


def test_enumerations_match_their_stated_counts(extracted):
    result = extracted(SEED_003)
    listed = [i for i in result.items if i.method == "enumeration"]
    assert {i.name for i in listed} == set(SEED_003_SUB_ITEMS)
    assert sorted((c.stated, c.found) for c in result.count_checks) == [(2, 2), (16, 16)]
    only_in_province = {i.name for i in listed if i.scope == ("省内通办",)}
    assert only_in_province == {"临时异地就医人员备案", "产前检查就医确认"}


@pytest.mark.parametrize(
    ("text", "scope"),
    [
        ("此次新增的“跨省通办”事项包括：个体工商户登记、排污许可证核发、公证书核验等14项。", ("跨省通办",)),
        ("“省内通办”事项涉及个体工商户登记、排污许可证核发、公证书核验等14项。", ("省内通办",)),
        # the sentence names a scope, but does not lead into the list
        ("依托“跨省通办”专区，推出个体工商户登记、排污许可证核发、公证书核验等14项服务。", ()),
    ],
)
def test_a_counted_list_takes_the_scope_of_the_sentence_leading_into_it(text, scope):
    items = extract_text(text).items
    assert [i.name for i in items] == ["个体工商户登记", "排污许可证核发", "公证书核验"]
    assert {i.scope for i in items} == {scope}


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
        "此次“跨省通办”试点的业务范围为：住房公积金汇缴、残疾人证迁移、机动车驾驶证审验。",  # the scope first
        "今年新增“跨省通办”事项3项，分别是：住房公积金汇缴、残疾人证迁移、机动车驾驶证审验。",  # a count first
        "今年新增“跨省通办”事项3项，分别为住房公积金汇缴、残疾人证迁移和机动车驾驶证审验。",
    ],
)
def test_lists_introduced_by_a_phrase_naming_tongban_items(text):
    items = extract_text(text).items
    assert [i.name for i in items] == ["住房公积金汇缴", "残疾人证迁移", "机动车驾驶证审验"]
    assert {i.scope for i in items} == {("跨省通办",)}
    for item in items:
        assert text[item.span[0] : item.span[1]] == item.name


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "新增“跨省通办”事项2项，分别是：个体工商户登记、老年人优待证。",
            ["个体工商户登记", "老年人优待证"],
        ),  # the count vouches
        ("新增“跨省通办”事项3项，分别是：个体工商户登记、老年人优待证。", []),  # it does not, and 优待证 ends like no service
    ],
)
def test_a_count_before_a_colon_list_vouches_for_it(text, names):
    assert [i.name for i in extract_text(text).items] == names


@pytest.mark.parametrize(
    "text",
    [
        "目前，异地就医备案、社保卡申领已实现“跨省通办”。",
        "异地就医备案、社保卡申领等事项已纳入“跨省通办”清单。",  # 已纳入: the list is its subject
        "异地就医备案、社保卡申领全面实现“跨省通办”。",
        "群众可在家门口办理异地就医备案、社保卡申领等业务，实现“跨省通办”。",  # a closed list, then its verb
        "市民可通过窗口办理异地就医备案、社保卡申领等事项，真正实现“跨省通办”。",
    ],
)
def test_a_list_that_is_the_subject_of_its_scope(text):
    items = extract_text(text).items
    assert [(i.name, i.scope) for i in items] == [("异地就医备案", ("跨省通办",)), ("社保卡申领", ("跨省通办",))]


def test_a_mode_in_a_counted_lists_own_clause_is_its_only_one():
    """The next list's mode, a clause later, is not this list's."""
    text = "其中，社保卡申领、医保关系转移等12项实现全程网办，公积金提取、户籍证明开具等6项实现异地代收代办。"
    items = extract_text(text).items
    assert [(i.name, i.modes) for i in items] == [
        ("社保卡申领", ("全程网办",)),
        ("医保关系转移", ("全程网办",)),
        ("公积金提取", ("异地代收代办",)),
        ("户籍证明开具", ("异地代收代办",)),
    ]


_WECHAT_LIST = "社会保障卡申领\n👉异地就医登记备案\n👉失业保险金申领\n"


@pytest.mark.parametrize(
    "text",
    [
        # a WeChat article: a heading asks which items, bullet lines answer, the next heading ends them
        "我市新增21项“跨省通办”事项，涉及社保、医疗等领域。\n01 哪些事项可以办？\n👉" + _WECHAT_LIST + "02 怎么办？\n",
        # … with no bullets, the next question ends them
        "我市新增21项“跨省通办”事项。\n哪些事项可以办？\n" + _WECHAT_LIST.replace("👉", "") + "怎么办？\n",
        # a colon list under 具体如下, arrow bullets
        "我市新增21项“跨省通办”事项，具体如下：\n👉" + _WECHAT_LIST,
    ],
)
def test_a_list_under_a_question_or_具体如下_one_name_a_line(text):
    items = extract_text(text).items
    assert [i.name for i in items] == ["社会保障卡申领", "异地就医登记备案", "失业保险金申领"]
    assert all(i.scope == ("跨省通办",) for i in items)


def test_a_question_about_something_else_takes_no_list():
    text = "我市新增21项“跨省通办”事项。\n哪些群众可以办？\n社会保障卡申领\n异地就医登记备案\n"
    assert extract_text(text).items == []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("我省开具户籍类证明等6项户籍业务已经与陕西、宁夏实现“跨省通办”。", ["开具户籍类证明"]),
        ("全市新生儿入户、居民身份证换领已实现“跨省通办”。", ["新生儿入户", "居民身份证换领"]),
    ],
)
def test_the_place_doing_the_items_is_no_part_of_the_first_name(text, names):
    assert [i.name for i in extract_text(text).items] == names


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
        "推进公安政务跨省通办\n",  # a domain too, a newspaper's subheading (seed 004)
        "决定将公安局、人社局、医保局等10家单位104个高频事项与外地实现跨省(区域)通办。",  # bodies
        "决定将社会保障卡申领、户口迁移等10家单位104个高频事项与外地实现跨省通办。",  # a count inside
        "推动教育、医疗等领域，实现“跨省通办”。",  # domains
        "加强协调、压实责任等工作，实现“跨省通办”。",  # measures
        "教育、医疗等领域已纳入“跨省通办”范围。",
    ],
)
def test_lists_of_something_else_under_the_same_words_are_not_items(text):
    assert extract_text(text).items == []


def test_an_item_may_hold_a_shared_verb():
    text = "公安部已出台居民身份证换领、补领异地受理、驾驶证全国通考、机动车全国通检等3项“跨省通办”事项。"
    assert [i.name for i in extract_text(text).items] == ["居民身份证换领、补领异地受理", "驾驶证全国通考", "机动车全国通检"]


@pytest.mark.parametrize(
    "sentence",
    [
        "目前，“跨省通办”专窗已可办理婚姻登记、户口迁移等58项事项。",
        "“跨省通办”窗口可受理婚姻登记、户口迁移等10项业务。",
    ],
)
def test_what_a_scopes_window_handles_has_its_scope(sentence):
    items = extract_text(sentence).items
    assert [(i.name, i.scope) for i in items] == [("婚姻登记", ("跨省通办",)), ("户口迁移", ("跨省通办",))]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a piece with no ending borrows the one the next piece adds to its parallel word
        ("今年新增出生、死亡登记等2项“跨省通办”事项。", ["出生登记", "死亡登记"]),
        ("实现出生、死亡、结婚登记等3项“跨省通办”。", ["出生登记", "死亡登记", "结婚登记"]),
        ("实现养老保险、失业保险关系转移接续等2项“跨省通办”。", ["养老保险关系转移接续", "失业保险关系转移接续"]),
        # a bare verb borrows the object before it, past a word of when (首次)
        ("推动营业执照变更、注销等2项业务“跨省通办”。", ["营业执照变更", "营业执照注销"]),
        ("实现社保卡新申领、注销等2项“跨省通办”。", ["社保卡新申领", "社保卡注销"]),
        (
            "实现居民身份证首次申领、到期换领、丢失补领等3项“跨省通办”。",
            ["居民身份证首次申领", "居民身份证到期换领", "居民身份证丢失补领"],
        ),
        # one short of the count, the last piece is split at 和 and both verbs take the object
        ("推进医保参保登记、变更和注销等3项“跨省通办”。", ["医保参保登记", "医保参保变更", "医保参保注销"]),
        # a list of operations on a card it never names: no piece lends the others anything
        (
            "实现“新申领、补换卡、挂失与解挂、信息变更、注销”等5项事项的区域通办。",
            ["新申领", "补换卡", "挂失与解挂", "信息变更", "注销"],
        ),
        # a piece that borrows no ending leaves the list as written
        ("实现城乡居民、职工养老保险参保登记等2项“跨省通办”。", ["城乡居民", "职工养老保险参保登记"]),
        # a count of bundles: each piece is a bundle, its noun the piece's last word; 明确 opens the list
        (
            "通知明确新生儿出生、企业信息变更、退休一件事等3个“一件事”跨省通办。",
            ["新生儿出生一件事", "企业信息变更一件事", "退休一件事"],
        ),
    ],
)
def test_a_counted_list_completes_the_names_it_writes_short(text, names):
    items = extract_text(text).items
    assert [i.name for i in items] == names
    assert all(text[slice(*i.span)] in i.name for i in items)  # the piece the text wrote


def test_a_division_of_duties_gives_each_bodys_items_and_no_clause_is_a_name():
    """市公安局负责A、B“跨省通办”；市民政局负责C“跨省通办”试点工作；市人社局负责D等3项…: 负责 opens
    each list, and the count that falls short does not reach back over clauses naming a scope of
    their own (it had read 市公安局负责户口迁移 as a name)."""
    text = (
        "市公安局负责户口迁移、居民身份证换领“跨省通办”；市民政局负责婚姻登记“跨省通办”试点工作；"
        "市人社局负责社保卡申领等3项事项的“省内通办”，市医保局按照职责分工做好配合。"
    )
    found = {(i.name, i.scope) for i in extract_text(text).items}
    assert found == {
        ("户口迁移", ("跨省通办",)),
        ("居民身份证换领", ("跨省通办",)),
        ("婚姻登记", ("跨省通办",)),
        ("社保卡申领", ("省内通办",)),
    }
    # the stages of handling an application name no service
    assert extract_text("窗口工作人员负责受理、审核“跨省通办”申请。").items == []


@pytest.mark.parametrize(
    "text",
    [
        # 等 and a noun that counts nothing (服务) close a list before its scope
        "实现异地就医结算备案、社保卡申领等服务跨省通办。",
        "实现“异地就医结算备案”“社保卡申领”等服务跨省通办。",
        # 包括： after a comma opens a list the clause before it scopes, its names apart by ；
        "推动高频事项“跨省通办”，包括：异地就医结算备案；社保卡申领。",
    ],
)
def test_lists_closed_by_deng_fuwu_or_opened_by_baokuo_after_a_comma(text):
    assert [(i.name, i.scope) for i in extract_text(text).items] == [
        ("异地就医结算备案", ("跨省通办",)),
        ("社保卡申领", ("跨省通办",)),
    ]


def test_a_bundle_is_a_service_and_the_reforms_name_is_none():
    """新生儿出生一件事 ends like a service, so an uncounted list of bundles is a list of items;
    “高效办成一件事” names the reform that makes them, no item of its own."""
    names = [i.name for i in extract_text("实现新生儿出生一件事、企业开办一件事“跨省通办”。").items]
    assert names == ["新生儿出生一件事", "企业开办一件事"]
    assert extract_text("推进“高效办成一件事”跨省通办。").items == []


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
        # 受理 ends a service's name; the 可 of 许可 is no "can" before the scope
        ("推进户口迁移、居民身份证异地受理等事项“跨省通办”。", ["户口迁移", "居民身份证异地受理"], ("跨省通办",)),
        # so do 返还 and 提交
        (
            "推进失业保险稳岗返还和机动车驾驶人身体条件证明提交“跨省通办”。",
            ["失业保险稳岗返还", "机动车驾驶人身体条件证明提交"],
            ("跨省通办",),
        ),
        ("重点推进户口迁移和排污许可跨省通办。", ["户口迁移", "排污许可"], ("跨省通办",)),
        ("户口迁移、排污许可可“跨省通办”。", ["户口迁移", "排污许可"], ("跨省通办",)),
        ("于9月底前实现异地就医备案“跨省通办”全覆盖。", ["异地就医备案"], ("跨省通办",)),  # full coverage of it
        ("推进基本医疗保险参保信息变更“跨省通办、省内通办”。", ["基本医疗保险参保信息变更"], ("跨省通办", "省内通办")),
        # scopes each in quotes of their own
        (
            "推动社会保障卡申领、户口迁移、婚姻登记等事项实现“跨省通办”“省内通办”,便利群众异地办事。",
            ["社会保障卡申领", "户口迁移", "婚姻登记"],
            ("跨省通办", "省内通办"),
        ),
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
        # a pilot of the scope; the lead verb comes after a list of places
        (
            "在甲省、乙省、丙市等3个省（直辖市）实施出生登记和死亡登记“跨省通办”试点。",
            ["出生登记", "死亡登记"],
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
        "着力推进“一网通办”“跨省通办”“全省通办”，推动线上线下融合。",  # quoted goals, no items
        "与片区内其他城市开展区域内“跨省通办”试点，以点带面。",  # a place, not an item
        "在甲地、乙地等地区开展“跨省通办”试点。",  # places before the verb, nothing after it
        "政务服务“跨省通办”的覆盖范围为全省各市县。",  # a range of places, not of services
        "下一步将推进西南地区“跨省通办”。",  # a region
        "推动长三角区域“一网通办”“跨省通办”。",
    ],
)
def test_scope_phrases_that_name_no_item(sentence):
    assert extract_text(sentence).items == []


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("公安部将推行小型非营运客车二手车交易登记“跨省通办”。", ["小型非营运客车二手车交易登记"]),
        ("新增异地就医备案、社保卡申领等2项“跨省通办”事项。", ["异地就医备案", "社保卡申领"]),
        ("国办明确新增22项可“跨省通办”，涉及医保的有这些。", []),  # a count is no name
        # 事项为 and 分别为 open the list as a verb would
        ("此次公布的“跨省通办”事项为户口迁移、异地就医备案等2项。", ["户口迁移", "异地就医备案"]),
        ("新增2项“跨省通办”事项，分别为户口迁移、异地就医备案。", ["户口迁移", "异地就医备案"]),
        ("“跨省通办”事项为企业和群众提供便利。", []),
        # a count that ends the clause: the names must end like services
        (
            "此次公布的“跨省通办”事项为户口迁移、异地就医备案和失业保险金申领三项。",
            ["户口迁移", "异地就医备案", "失业保险金申领"],
        ),
        ("目前已完成满意度调查、人员培训两项。", []),
        ("在全市范围实行申领临时居民身份证“跨省通办”。", ["申领临时居民身份证"]),  # 实行
        ("全面实行政务服务事项“跨省通办”。", []),  # a generic name
    ],
)
def test_lead_verbs_that_open_a_news_list(sentence, names):
    assert [i.name for i in extract_text(sentence).items] == names


def test_a_counter_noun_may_take_de_before_the_scope():
    text = "2021年底已实现社保卡申领、启用、补换、临时挂失等服务事项的跨省通办。"
    items = extract_text(text).items
    # bare verbs share the card named first, as 居民身份证换领、补领异地受理 does
    assert [(i.name, i.scope) for i in items] == [("社保卡申领、启用、补换、临时挂失", ("跨省通办",))]


def test_a_list_may_go_on_past_a_comma_with_yiji():
    text = "首批推出的审批事项主要涉及企业设立、变更、注销，以及工业产品生产许可证核发等30项业务。"
    assert [i.name for i in extract_text(text).items] == ["企业设立、变更、注销", "工业产品生产许可证核发"]


def test_a_bracketed_scope_variant_is_a_scope():
    text = "推动社会保障卡申领、户口迁移、住房公积金转移接续等事项实现“跨省(区域)通办”。"
    items = extract_text(text).items
    assert [(i.name, i.scope) for i in items] == [
        ("社会保障卡申领", ("跨省(区域)通办",)),
        ("户口迁移", ("跨省(区域)通办",)),
        ("住房公积金转移接续", ("跨省(区域)通办",)),
    ]


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


def test_a_list_of_examples_after_the_sentence_that_names_the_items():
    text = (
        "两省市在“跨省通办”事项清单基础上，梳理形成了95项川渝通办事项清单（第一批）。"
        "如居民身份证换领、补领﹔机动车号牌补发、换发﹔川渝两地户口迁移﹔正常退休提取住房公积金等。"
    )
    items = extract_text(text).items
    assert [i.name for i in items] == [
        "居民身份证换领、补领",
        "机动车号牌补发、换发",
        "户口迁移",  # 川渝两地 is who does it, not part of the name
        "正常退休提取住房公积金",
    ]
    assert {i.scope for i in items} == {("川渝通办",)}


def test_examples_after_a_comma_in_the_sentence_that_names_the_items():
    text = (
        "本次“跨省通办”服务事项涵盖教育、社保、医疗等多领域，如公司设立登记、城乡居民基本养老保险关系转移接续等，将降低办事成本。"
    )
    items = extract_text(text).items
    assert [i.name for i in items] == ["公司设立登记", "城乡居民基本养老保险关系转移接续"]
    assert {i.scope for i in items} == {("跨省通办",)}


@pytest.mark.parametrize(
    "text",
    ["本次“跨省通办”服务事项涵盖社保等领域，如有疑问，请咨询窗口。", "“跨省通办”事项清单已公布，如期完成梳理、编制等工作。"],
)
def test_ru_meaning_if_or_on_time_opens_no_list(text):
    assert extract_text(text).items == []


def test_categories_with_bracketed_examples_are_no_items():
    text = "服务事项包括社保（社保卡、失业保险等）、公安（出入境、机动车等）、公积金（公积金查询、提取、转移等）等101项，申报材料可以通过平台推送。"
    assert extract_text(text).items == []


def test_a_bracket_inside_a_name_keeps_its_separators():
    text = "实现基本医疗保险参保人员医疗费用手工（零星、住院）报销、生育津贴支付等2个事项“跨省通办”。"
    assert [i.name for i in extract_text(text).items] == ["基本医疗保险参保人员医疗费用手工（零星、住院）报销", "生育津贴支付"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("完成临时居民身份证办理、误收多缴退还保险费申请2个事项在我市落地。", ["临时居民身份证办理", "误收多缴退还保险费申请"]),
        ("21日起，北京市179项政务服务事项在廊坊实现“跨省通办”。", []),  # a count of no listed names
        ("实现婚姻登记、户口迁移3个事项“跨省通办”。", []),  # no 等 and the count is off: not trusted
        # 项 counts services, a quoted scope before the noun
        ("新增电子社保卡申领和医保关系转移接续2项“跨省通办”服务。", ["电子社保卡申领", "医保关系转移接续"]),
        ("完成婚姻登记、户口迁移2个服务中心建设。", []),  # 个 does not: 服务中心 are no items
    ],
)
def test_a_count_without_deng_must_match_its_names(text, names):
    assert [i.name for i in extract_text(text).items] == names


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "首批“跨省通办”事项清单如下：\n（一）社会保障类（2项）：失业保险金申领、社会保障卡申领。\n"
            "（二）医疗保障类：异地就医备案、生育津贴支付等。\n",
            [
                ("失业保险金申领", "社会保障类"),
                ("社会保障卡申领", "社会保障类"),
                ("异地就医备案", "医疗保障类"),
                ("生育津贴支付", "医疗保障类"),
            ],
        ),
        (  # category headings over numbered lines
            "首批“跨省通办”事项清单如下：\n一、社会保障类（2项）\n1.失业保险金申领\n2.社会保障卡申领\n"
            "二、医疗保障类\n1.异地就医备案\n2.生育津贴支付\n",
            [
                ("失业保险金申领", "社会保障类"),
                ("社会保障卡申领", "社会保障类"),
                ("异地就医备案", "医疗保障类"),
                ("生育津贴支付", "医疗保障类"),
            ],
        ),
        ("首批“跨省通办”事项清单如下：\n（一）社会保障类（5项）：失业保险金申领、社会保障卡申领。\n", []),  # count off
        ("重点任务\n一、制度类\n1.完善工作机制\n2.健全考核办法\n", []),
        ("主要任务如下：\n（一）制度类：完善工作机制、健全考核办法。\n", []),  # no heading naming 通办 items
    ],
)
def test_category_lines_under_a_heading_that_names_the_items(text, expected):
    items = extract_text(text).items
    assert [(i.name, i.category) for i in items] == expected
    assert all(i.scope == ("跨省通办",) for i in items)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # names ending in other service verbs
        (
            "新增的“省内通办”事项有：食品经营许可证核发、道路运输从业资格证补证、户口迁入、住房公积金补缴。",
            ["食品经营许可证核发", "道路运输从业资格证补证", "户口迁入", "住房公积金补缴"],
        ),
        # names each in quotes of their own
        (
            "第四批“川渝通办”事项清单发布，新增事项其中包括“医保关系转移接续”“失业登记”“工伤认定申请”等。",
            ["医保关系转移接续", "失业登记", "工伤认定申请"],
        ),
    ],
)
def test_more_shapes_of_introduced_lists(text, names):
    assert [i.name for i in extract_text(text).items] == names


def test_a_second_list_after_a_scope_and_a_comma_shares_the_lead_verb():
    text = "推动户口迁移、居民身份证换领“跨省通办”，城乡居民医保参保登记、残疾人两项补贴申请“省内通办”。"
    assert [(i.name, i.scope) for i in extract_text(text).items] == [
        ("户口迁移", ("跨省通办",)),
        ("居民身份证换领", ("跨省通办",)),
        ("城乡居民医保参保登记", ("省内通办",)),
        ("残疾人两项补贴申请", ("省内通办",)),
    ]
    # after a sentence end the verb no longer reaches, and the names are no subject of their own
    assert [
        i.name for i in extract_text("推动户口迁移“跨省通办”。城乡居民医保参保登记、残疾人两项补贴申请“省内通办”。").items
    ] == ["户口迁移"]


@pytest.mark.parametrize(
    "scope",
    ["全国通办", "跨市通办", "跨域通办", "全区通办", "异地通办", "省际通办", "跨境通办", "湾区通办", "跨省联办", "异地可办"],
)
def test_regional_and_national_scopes(scope):
    items = extract_text(f"年底前实现社会保障卡申领、异地就医备案“{scope}”。").items
    assert [(i.name, i.scope) for i in items] == [("社会保障卡申领", (scope,)), ("异地就医备案", (scope,))]


@pytest.mark.parametrize(
    ("before", "names"),
    [
        ("发布第五批长三角“一网通办”事项。", ["个体工商户设立登记", "道路运输驾驶员从业资格证补证"]),
        ("发布第五批行政许可事项。", []),  # the sentence before names no 通办 items
    ],
)
def test_an_including_list_whose_intro_refers_back_to_the_sentence_before(before, names):
    text = f"{before}此次新增的20项事项中，包括个体工商户设立登记、道路运输驾驶员从业资格证补证等。"
    assert [i.name for i in extract_text(text).items] == names


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("“跨省通办”事项清单中的电子社保卡签发、社保卡启用等事项已全部实现。", ["电子社保卡签发", "社保卡启用"]),
        ("首批“跨省通办”事项包括异地就医备案、户口迁移等事项。", ["异地就医备案", "户口迁移"]),  # 等事项 ends it too
        ("国家“跨省通办”清单中的优化窗口服务、强化数据共享等事项。", []),  # measures, not services
    ],
)
def test_the_members_of_a_named_tongban_list(sentence, names):
    """清单中的A、B等事项: what follows 中的 is the list's, as after 包括."""
    assert [(i.name, i.scope) for i in extract_text(sentence).items] == [(name, ("跨省通办",)) for name in names]


def test_a_numbered_list_line_links_its_item_to_the_units_and_time_in_its_note():
    text = (
        "某市第二批“跨省通办”事项清单\n1.异地就医备案（市医保局，2022年6月底前）\n"
        "2.社会保障卡申领（市人社局、市财政局，2022年9月底前）\n3.户口迁移\n"
    )
    result = extract_text(text)
    linked = [
        (i.name, [result.deadlines[d].text for d in i.deadlines], [result.departments[d].name for d in i.departments])
        for i in result.items
    ]
    assert linked == [
        ("异地就医备案", ["2022年6月底前"], ["市医保局"]),
        ("社会保障卡申领", ["2022年9月底前"], ["市人社局", "市财政局"]),
        ("户口迁移", [], []),
    ]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # the count asks for two: 及 and 以及 join two names as 和 does
        ("实现社会保障卡申领及异地就医备案等2项事项“跨省通办”。", ["社会保障卡申领", "异地就医备案"]),
        ("实现社会保障卡申领以及异地就医备案等2项事项“跨省通办”。", ["社会保障卡申领", "异地就医备案"]),
        # circled numbers run the names together
        ("新增“跨省通办”事项：①社会保障卡申领②异地就医备案③失业保险金申领", ["社会保障卡申领", "异地就医备案", "失业保险金申领"]),
        # 有 after the phrase that names the items
        ("实现“跨省通办”的事项有社会保障卡申领、异地就医备案等。", ["社会保障卡申领", "异地就医备案"]),
        ("“跨省通办”事项有关要求如下：加强组织领导、强化宣传引导。", []),  # 有关: no list
        ("更多“跨省通办”事项有望实现异地就医备案、社保卡申领等便利。", []),  # 有望: expected to
    ],
)
def test_lists_joined_by_ji_numbered_with_circles_or_introduced_by_you(text, names):
    assert [i.name for i in extract_text(text).items] == names


def test_a_list_in_one_pair_of_quotes_starts_inside_them_and_its_count_keeps_bare_verbs_apart():
    """“新申领、…、信息变更、注销…”等8项: the count says 注销 is an item of its own, and the
    words before the quote (线下受理和经办) are no part of the first name."""
    text = "四地约定实现线下受理和经办“新申领、补换卡、挂失与解挂、信息变更、注销、社保功能激活”等6项政务服务事项的区域通办。"
    names = [i.name for i in extract_text(text).items]
    assert names == ["新申领", "补换卡", "挂失与解挂", "信息变更", "注销", "社保功能激活"]
    # names quoted one by one keep their list's start
    text = "实现“企业开办”、“异地就医备案”等2项“跨省通办”。"
    assert [i.name for i in extract_text(text).items] == ["企业开办", "异地就医备案"]


def test_a_name_with_two_joiners_splits_where_only_one_cut_leaves_two_services():
    """个体工商户变更登记 | 异地就医登记备案和结算: cut at the second 和, 结算 alone is too
    short to be an item, so the first 和 joins two items and the second is inside a name."""
    text = "重点推进工伤保险待遇资格认证、个体工商户变更登记和异地就医登记备案和结算“跨省通办”。"
    names = [i.name for i in extract_text(text).items]
    assert names == ["工伤保险待遇资格认证", "个体工商户变更登记", "异地就医登记备案和结算"]
    # 结算 standing alone before the next 和 is the left name's last verb, not a name's start
    text = "重点推进异地就医登记备案和结算和残疾人证迁移“省内通办”。"
    assert [i.name for i in extract_text(text).items] == ["异地就医登记备案和结算", "残疾人证迁移"]
    # two cuts that each leave two services: no telling which, the name stays whole
    text = "实现个体工商户设立登记和企业变更登记和企业注销登记“跨省通办”。"
    assert [i.name for i in extract_text(text).items] == ["个体工商户设立登记和企业变更登记和企业注销登记"]


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("长三角“一网通办”新增户口迁移、异地就医备案等2项跨省通办事项。", ["户口迁移", "异地就医备案"]),
        ("新增户口迁移、异地就医备案等2项省内通办服务。", ["户口迁移", "异地就医备案"]),
        ("新增2项跨省通办合作协议。", []),
    ],
)
def test_an_unquoted_scope_may_stand_between_a_count_and_its_noun(sentence, names):
    """等2项跨省通办事项 had read as a count of places (跨省 ends in 省), so the list went unread."""
    assert [item.name for item in extract_text(sentence).items] == names


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("我省新增户口迁移，异地就医备案，失业保险金申领等3项“跨省通办”事项。", ["户口迁移", "异地就医备案", "失业保险金申领"]),
        ("为方便群众，新增户口迁移，异地就医备案等2项“跨省通办”事项。", ["户口迁移", "异地就医备案"]),
        # the count asks for more than the commas hold: only what the last clause names
        ("我省新增户口迁移，异地就医备案等3项“跨省通办”事项。", ["异地就医备案"]),
        # a clause before the comma that is no service is no name
        ("近年来，我省持续推进改革，实现异地就医备案等2项“跨省通办”事项。", ["异地就医备案"]),
    ],
)
def test_a_counted_list_set_apart_by_commas(sentence, names):
    """Names set apart by commas had given only the last, the one after the last comma."""
    assert [item.name for item in extract_text(sentence).items] == names


@pytest.mark.parametrize("text", ["等一项", "等1项事项。", "包括：等2项"])
def test_a_count_with_no_names_before_it_is_no_list_and_no_crash(text):
    """等一项 alone raised IndexError (a count of one asked to split a list of none at 和);
    found by fuzzing the extractors with the characters of lists."""
    assert extract_text(text).items == []


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("今年考核指标包括满意度、办结率等两项。", []),  # a count of what, nothing says
        ("新增户口迁移、异地就医备案等2项。", ["户口迁移", "异地就医备案"]),  # services
        ("新增的“跨省通办”事项包括：工业产品生产许可证、异地就医备案等2项。", ["工业产品生产许可证", "异地就医备案"]),
    ],
)
def test_a_count_that_ends_its_clause_needs_services_or_a_lead_in_naming_items(sentence, names):
    """等两项 with no noun after it had counted any list (满意度、办结率) as items."""
    assert [item.name for item in extract_text(sentence).items] == names


def test_a_list_whose_first_service_ends_in_nashui_is_a_list_of_items():
    """申报纳税 (filing taxes) is a service: the whole list had been dropped for it."""
    items = extract_text("申报纳税、不动产抵押登记等事项实现跨省通办。").items
    assert [item.name for item in items] == ["申报纳税", "不动产抵押登记"]


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("社保卡申领、医保关系转移等“跨省通办”事项已上线。", ["社保卡申领", "医保关系转移"]),
        ("推动社保卡申领、医保关系转移等“跨省通办”事项落地。", ["社保卡申领", "医保关系转移"]),
        ("市民可办理社保卡申领、医保关系转移等“跨省通办”业务。", ["社保卡申领", "医保关系转移"]),
        ("优化窗口服务、强化数据共享等“跨省通办”事项。", []),  # measures, not services
        ("加强“跨省通办”事项管理。", []),  # the scope qualifies 事项: no list before it
    ],
)
def test_deng_joins_a_list_to_the_scopes_items_with_no_lead_verb(sentence, names):
    """ "A、B等“跨省通办”事项已上线": 等 says the names are 通办 items; they had needed a lead
    verb before them and 事项 to end the clause."""
    assert [item.name for item in extract_text(sentence).items] == names


@pytest.mark.parametrize(
    "sentence",
    [
        "民政部在辽宁、山东等5省部署开展了内地居民结婚登记“跨省通办”试点。",
        "今年，我省推动了内地居民结婚登记“跨省通办”。",
    ],
)
def test_a_lead_verbs_aspect_particle_opens_no_name(sentence):
    """开展了A“跨省通办”试点: the name had kept the 了."""
    assert [item.name for item in extract_text(sentence).items] == ["内地居民结婚登记"]


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("推动结婚、离婚登记“跨省通办”。", ["结婚、离婚登记"]),
        ("实现养老保险、失业保险关系转移接续“跨省通办”。", ["养老保险、失业保险关系转移接续"]),
        ("推动社保卡申领、医保关系转移“跨省通办”。", ["社保卡申领", "医保关系转移"]),  # each a service
    ],
)
def test_a_piece_that_shares_the_next_ones_ending_stays_with_it(sentence, names):
    """结婚 and 养老保险 name no service: they share 登记 and 关系转移接续 with the next piece."""
    assert [item.name for item in extract_text(sentence).items] == names


def test_a_lead_verb_of_four_characters_opens_a_list_a_scope_ends():
    """可以办理 is a lead verb of four characters: only the two before the list had been looked at."""
    items = extract_text("市民可以办理户口迁移、异地就医备案“跨省通办”。").items
    assert [item.name for item in items] == ["户口迁移", "异地就医备案"]


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("推动办理不动产登记、户口迁移等事项“跨省通办”。", ["不动产登记", "户口迁移"]),
        ("办理户口迁移、异地就医备案等2项业务实现“跨省通办”。", ["户口迁移", "异地就医备案"]),
        ("企业可线上办理营业执照变更、社保卡申领等2项“跨省通办”服务。", ["营业执照变更", "社保卡申领"]),
        # 办理 that ends a name, or follows a word of when, is the name's own
        ("推动不动产登记办理、户口迁移等事项“跨省通办”。", ["不动产登记办理", "户口迁移"]),
        # a note in brackets after the name leaves 办理 at its end
        (
            "今年将推动出生医学证明办理（省卫生健康委）、户口迁移（省公安厅）等事项实现“省内通办”。",
            ["出生医学证明办理", "户口迁移"],
        ),
        ("推动出生医学证明补发、预防接种证办理“跨省通办”。", ["出生医学证明补发", "预防接种证办理"]),
        ("我市开通首次办理居民身份证“跨省通办”业务。", ["首次办理居民身份证"]),
        ("重点推进老年人优待证办理和抵押登记“跨省通办”。", ["老年人优待证办理", "抵押登记"]),  # before 和
    ],
)
def test_banli_opens_the_list_it_governs(sentence, names):
    """推动办理A、B: 办理 had opened the first name (办理不动产登记), and a subject before it
    (企业可线上办理…) had been part of it."""
    assert [item.name for item in extract_text(sentence).items] == names


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a police report: the noun after the scope ends the clause, the lead verb vouches
        ("我市开通首次办理居民身份证“跨省通办”业务，即省外户籍居民无需回户籍地办理。", ["首次办理居民身份证"]),
        ("目前四川公安已在成都、达州等地部署开展首次申领居民身份证“跨省通办”试点工作。", ["首次申领居民身份证"]),
        ("稳步扩大新生儿入户“跨省通办”实施范围。", ["新生儿入户"]),
        ("可向现居住地公安机关提出首次申领居民身份证“跨省通办”申请。", ["首次申领居民身份证"]),
        # the noun goes on (业务协同), or no list stands before the scope: nothing
        ("加强“跨省通办”业务协同。", []),
        ("推进“跨省通办”业务。", []),
        ("省政务服务数据管理局将于2023年底前推出第二批“省内通办”事项。", []),  # 事项: a batch
    ],
)
def test_a_noun_after_the_scope_that_ends_the_clause_leaves_a_led_list(text, expected):
    assert [item.name for item in extract_text(text).items] == expected


def test_two_services_named_verb_first_split_at_he():
    """公安部's report: 首次申领居民身份证 and 开具户籍类证明 name their service by its verb, the
    object after it; 和 joins two items. 就业和失业登记 shares its ending and stays one name."""
    text = "全国范围已实现户口迁移、首次申领居民身份证和开具户籍类证明“跨省通办”。实现就业和失业登记“跨省通办”。"
    names = [item.name for item in extract_text(text).items]
    assert names == ["户口迁移", "首次申领居民身份证", "开具户籍类证明", "就业和失业登记"]


def test_when_and_a_bare_verb_after_a_comma_share_the_object_before_them():
    """A city police report: 到期换领 and 丢失补领 name no object; they share 身份证, as 补领
    does in 居民身份证换领、补领. 港澳通行证到期换领 names its own."""
    names = [item.name for item in extract_text("实现身份证首次申领、到期换领、丢失补领“跨省通办”。").items]
    assert names == ["身份证首次申领、到期换领、丢失补领"]
    names = [item.name for item in extract_text("实现护照首次申领、港澳通行证到期换领“跨省通办”。").items]
    assert names == ["护照首次申领", "港澳通行证到期换领"]
    # the last one before 和 shares it too, once 和 has split it from the next item (the item
    # simulation composing gold names)
    text = "年底前实现预防接种证办理、身份证首次申领、到期换领、丢失补领和抵押登记等高频事项跨省通办。"
    names = [item.name for item in extract_text(text).items]
    assert names == ["预防接种证办理", "身份证首次申领、到期换领、丢失补领", "抵押登记"]


def test_a_list_whose_sentence_names_no_scope_takes_its_sections_heading_scope():
    """A Beijing plan: 完成A、B2个事项在我市落地 names no scope; the task's heading does
    (（一）加快推进国家“跨省通办”事项在我市落地). An outer heading's scope is not taken."""
    text = (
        "一、落实国家“跨省通办”工作任务\n"
        "（一）加快推进国家“跨省通办”事项在我市落地。加强与国家有关部门沟通对接，完成临时居民身份证办理、"
        "误收多缴退还保险费申请2个事项在我市落地。\n"
        "（二）优化窗口服务。完成户口迁移、社保卡申领2个事项的窗口布设。\n"
    )
    scopes = {item.name: item.scope for item in extract_text(text).items}
    assert scopes["临时居民身份证办理"] == ("跨省通办",)
    assert scopes["误收多缴退还保险费申请"] == ("跨省通办",)
    assert scopes["户口迁移"] == ()  # its own heading names none; 一、's is not its task's


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "公安机关推出10项改革新举措，包括驾驶考试等5类业务“异地通办”和车辆抵押登记等5项服务“便捷快办”。",
            [("驾驶考试", ("异地通办",)), ("车辆抵押登记", ())],
        ),
        (
            "实现医保关系转移等3个事项“跨省通办”以及婚姻登记、户口迁移等2项服务“省内通办”。",
            [("医保关系转移", ("跨省通办",)), ("婚姻登记", ("省内通办",)), ("户口迁移", ("省内通办",))],
        ),
        (  # the first list's two scopes joined by 和 stay its own
            "实现医保关系转移等3个事项“跨省通办”和“省内通办”以及婚姻登记、户口迁移等2项服务“全市通办”。",
            [("医保关系转移", ("跨省通办", "省内通办")), ("婚姻登记", ("全市通办",)), ("户口迁移", ("全市通办",))],
        ),
    ],
)
def test_two_counted_lists_in_one_clause_keep_their_own_names_and_scopes(text, expected):
    assert [(i.name, i.scope) for i in extract_text(text).items] == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "推动户口迁移、异地就医备案在全国范围内“跨省通办”。",
        "力争在年内实现户口迁移、异地就医备案全国范围内‘跨省通办’。",  # single quotes, no 在
        "推动户口迁移、异地就医备案在长三角地区“跨省通办”。",
        "户口迁移、异地就医备案已在全国范围内实现“跨省通办”。",  # a subject list, where before its verb
    ],
)
def test_where_the_services_can_be_done_stands_between_the_list_and_its_scope(sentence):
    assert [i.name for i in extract_text(sentence).items] == ["户口迁移", "异地就医备案"]


def test_categories_counted_with_their_examples_in_brackets_are_no_items():
    text = "实现社会保障类（养老保险关系转移接续、失业保险金申领）、医疗保障类（异地就医备案）等3类事项“跨省通办”。"
    assert extract_text(text).items == []
    # a service's own bracket stays with it
    named = extract_text("包括社保卡申领（含补换）、户口迁移等2项“跨省通办”事项。").items
    assert [i.name for i in named] == ["社保卡申领（含补换）", "户口迁移"]


def _due(text: str) -> list[tuple[str, list[str]]]:
    result = extract_text(text, issued="2021-05-20")
    return [(i.name, [result.deadlines[d].text for d in i.deadlines]) for i in result.items]


def test_a_list_in_running_text_takes_the_deadline_its_sentence_sets_for_it():
    seed_001 = (
        "包括市场主体登记注册等在内的第一批58项“跨省通办”事项要在2020年底前实现，"
        "工业产品生产许可证发证、异地就医结算备案等74项要在2021年底前实现，"
        "后续还将加快实现婚姻登记、社会保险参保缴费记录查询等8项事项的异地办理。"
    )
    assert _due(seed_001) == [
        ("市场主体登记注册", ["2020年底前"]),
        ("工业产品生产许可证发证", ["2021年底前"]),
        ("异地就医结算备案", ["2021年底前"]),
        ("婚姻登记", []),  # the date before it is the second list's
        ("社会保险参保缴费记录查询", []),
    ]
    # a date in a list's own clause is that list's, not the one before it
    police = "稳步扩大新生儿入户“跨省通办”实施范围，力争2023年底前实现户口迁移和开具户籍类证明“跨省通办”。"
    assert _due(police) == [("新生儿入户", []), ("户口迁移", ["2023年底前"]), ("开具户籍类证明", ["2023年底前"])]
    # a date that opens the sentence is every list's there
    assert _due("2022年底前，推动户口迁移、居民身份证换领“跨省通办”，残疾人两项补贴申请、婚姻登记“省内通办”。") == [
        ("户口迁移", ["2022年底前"]),
        ("居民身份证换领", ["2022年底前"]),
        ("残疾人两项补贴申请", ["2022年底前"]),
        ("婚姻登记", ["2022年底前"]),
    ]


_TONGBAN_NOTICE = "为推进政务服务“跨省通办”，现通知如下。\n"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # in a 通办 notice a list may end on a mode alone, with no count
        ("推动机动车驾驶证审验、机动车检验合格标志核发等事项实现“全程网办”。", ["机动车驾驶证审验", "机动车检验合格标志核发"]),
        # the stages and channels of handling any item are none
        ("实现申请受理、审查决定、证照制作“全程网办”。", []),
        ("依托省政务服务网，实现线上申请“跨省通办”。", []),
        ("推动企业和群众办事“全程网办”。", []),  # who does it, not what
    ],
)
def test_a_list_that_ends_on_a_mode_in_a_tongban_notice(text, expected):
    items = extract_text(_TONGBAN_NOTICE + text).items
    assert [i.name for i in items] == expected
    assert all(i.modes == ("全程网办",) for i in items)


def test_a_mode_alone_ends_no_list_outside_a_tongban_notice():
    """一网通办 reforms say 全程网办 of any online service."""
    assert extract_text("推进“一网通办”改革，推动企业开办、工程建设项目审批“全程网办”。").items == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a lead verb leads a domain too: every name must read as a service
        ("（一）推进社会保障“跨省通办”。", []),
        ("（二）推进户籍业务“跨省通办”。", []),
        ("（三）推动婚育、养老“跨省通办”。", []),
        ("（四）推进不动产登记“跨省通办”。", ["不动产登记"]),
        # an ordinal that counts a clause off opens no name (a 新华社 report on 公安部's measures)
        ("一是小车驾驶证实现“全国通考”；二是分科目考试实现异地可办，申请人可以申请变更考试地。", ["分科目考试"]),
    ],
)
def test_a_scope_list_names_services_and_an_ordinal_opens_none(text, expected):
    assert [i.name for i in extract_text(_TONGBAN_NOTICE + text).items] == expected


def test_a_counted_list_goes_back_over_no_other_counted_list_past_a_semicolon():
    text = "其中，企业开办、医师执业注册等22项事项可全程网办；二手车交易登记、残疾人证补办等18项事项可异地代收代办。"
    items = extract_text(text).items
    assert [(i.name, i.stated_count) for i in items] == [
        ("企业开办", 22),
        ("医师执业注册", 22),
        ("二手车交易登记", 18),
        ("残疾人证补办", 18),
    ]


def test_a_service_named_verb_first_shares_no_ending_with_the_next_name():
    """首次申领居民身份证 reads as a service of its own; its last 证 standing where the next name's
    does (道路运输从业资格证补证) is no parallel word as 结婚 is to 离婚登记."""
    text = "实现首次申领居民身份证、道路运输从业资格证补证“跨省通办”，结婚、离婚登记“省内通办”。"
    assert [i.name for i in extract_text(text).items] == ["首次申领居民身份证", "道路运输从业资格证补证", "结婚、离婚登记"]


def test_a_whole_place_that_has_the_items_opens_no_name():
    items = extract_text("全市共有户口迁移等102项事项实现“全市通办”。实现共有产权住房申请“跨省通办”。").items
    assert [i.name for i in items] == ["户口迁移", "共有产权住房申请"]


@pytest.mark.parametrize(
    "lead",
    [
        "此次推出的",
        "首批",
        "推出的首批",
        "群众可在家门口办理",
        "市民在家门口就能办理",
        "今年全市共办理",
        "目前我市",
        "上线",
        "梳理出",
        "整合",
    ],
)
def test_what_stands_before_a_counted_list_opens_no_name(lead):
    """A verb's 的, the batch the names are in, 可…办理 and more lead verbs stay out of the first name."""
    items = extract_text(f"{lead}户口迁移、婚姻登记等10项“跨省通办”事项。").items
    assert [i.name for i in items] == ["户口迁移", "婚姻登记"]


def test_the_ke_inside_xuke_leads_no_list():
    """可…办理 leads a list only where 可 is the modal, not 许可's 可 (许可证办理 is a name)."""
    text = "我省新增医疗保险参保信息查询，工业产品生产许可证办理，城乡居民养老保险参保登记等3项“跨省通办”事项。"
    names = ["医疗保险参保信息查询", "工业产品生产许可证办理", "城乡居民养老保险参保登记"]
    assert [i.name for i in extract_text(text).items] == names


@pytest.mark.parametrize(
    "text",
    [
        "记者了解到，户口迁移、婚姻登记等事项均可“跨省通办”。",  # a subject list whose verb is 可
        "对于户口迁移、婚姻登记等“跨省通办”事项，群众可就近办理。",  # a preposition introduces it
    ],
)
def test_a_subject_list_that_can_be_done_and_one_a_preposition_introduces(text):
    assert [i.name for i in extract_text(text).items] == ["户口迁移", "婚姻登记"]
    assert extract_text("企业和群众可“跨省通办”。").items == []  # who does it, not what


@pytest.mark.parametrize(
    "sentence",
    [
        "包括异地就医备案、社保卡申领在内的15项事项实现了“跨省通办”。",  # 在内的 with no 等 before it
        "异地就医备案、社保卡申领等事项已全部纳入“跨省通办”范围。",  # two adverbs before 纳入
    ],
)
def test_lists_closed_by_zai_nei_de_or_put_into_a_scope_by_two_adverbs(sentence):
    assert [(i.name, i.scope) for i in extract_text(sentence).items] == [
        ("异地就医备案", ("跨省通办",)),
        ("社保卡申领", ("跨省通办",)),
    ]


def test_zai_nei_de_before_a_count_of_provinces_is_no_list():
    assert extract_text("含港澳台在内的30个省份签订协议。").items == []
