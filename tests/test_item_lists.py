"""Item lists a notice ends with, one name a line, and the endings and joins that split them."""

from __future__ import annotations

import pytest

from extractors import extract, extract_text
from extractors.normalize import normalize_text

HEAD = "某省人民政府办公厅关于推进政务服务“跨省通办”的通知\n各市人民政府：\n为深化改革，现将有关事项通知如下。\n"
SIGNED = "\n某省人民政府办公厅\n2021年5月20日"
NAMES = ["不动产登记资料查询", "机动车驾驶证补换领", "残疾人证新办"]


def items_of(body: str) -> list[tuple[str, tuple[str, ...]]]:
    result = extract(normalize_text(HEAD + body + SIGNED))
    return [(item.name, item.scope) for item in result.items]


@pytest.mark.parametrize(
    "body",
    [
        "此次新增的“跨省通办”事项有：\n" + "\n".join(f"◆{name}" for name in NAMES),
        "此次新增的“跨省通办”事项有：\n" + "\n".join(f"·{name}" for name in NAMES),
        "此次新增的“跨省通办”事项有：\n" + "\n".join(f"√ {name}" for name in NAMES),  # a tick and a space
        "此次新增的“跨省通办”事项有：\n" + "\n".join(NAMES),
        "首批“跨省通办”事项包括：\n" + "\n".join(f"{number}、{name}" for number, name in zip("一二三", NAMES)),
    ],
)
def test_a_list_that_ends_the_notice_stops_at_its_signature(body):
    """The lines under 事项有： ran on into 某省人民政府办公厅 and 2021年5月20日, which name no
    item, so the whole list had gone unread. A bulleted line is a line of its own, too, though
    a short notice reads as hard-wrapped."""
    assert items_of(body) == [(name, ("跨省通办",)) for name in NAMES]


def test_an_intro_may_name_two_scopes_before_its_colon():
    body = "以下3项事项实现“跨省通办、省内通办”：\n" + "\n".join(f"{n}.{name}；" for n, name in enumerate(NAMES, 1))
    assert [name for name, _ in items_of(body)] == NAMES


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("推动公证书核验和企业开办等事项实现“跨省通办”。", ["公证书核验", "企业开办"]),
        ("重点推进医疗机构执业登记和残疾人证新办“跨省通办”。", ["医疗机构执业登记", "残疾人证新办"]),
        ("推动产前检查费支付和购房提取住房公积金等事项实现“跨省通办”。", ["产前检查费支付", "购房提取住房公积金"]),
    ],
)
def test_opening_a_business_or_a_certificate_ends_a_service(sentence, names):
    """开办, 新办 and 提取住房公积金 end a service's name, so 和 between two such names
    splits them; 残疾人证新办 ends in 办 but names no body."""
    assert [name for name, _ in items_of(sentence)] == names


@pytest.mark.parametrize(
    "sentence",
    [
        "新增的“跨省通办”事项主要有三项：一是社会保障卡申领；二是异地就医备案；三是养老保险关系转移接续。",
        "“跨省通办”事项具体为：社会保障卡申领，异地就医备案，养老保险关系转移接续。",
        "今年起，社会保障卡申领、异地就医备案、养老保险关系转移接续3项业务可以“跨省通办”。",
    ],
)
def test_lists_written_with_yishi_commas_or_a_bare_count_of_business(sentence):
    """一是/二是 number a list as 一、 does; a colon list may separate its names with commas
    when each ends like a service; 3项业务 counts services as 3项事项 does."""
    assert [name for name, _ in items_of(sentence)] == ["社会保障卡申领", "异地就医备案", "养老保险关系转移接续"]


def test_a_comma_list_whose_pieces_are_no_services_stays_unread():
    sentence = "“跨省通办”事项具体为：优化服务流程，加强部门协同，推动数据共享。"
    assert items_of(sentence) == []


def test_a_heading_that_is_a_sentence_may_open_a_numbered_list():
    body = "（一）推动一批事项“跨省通办”。具体包括：\n1.工业产品生产许可证办理；\n2.机动车驾驶证补换领。"
    assert [name for name, _ in items_of(body)] == ["工业产品生产许可证办理", "机动车驾驶证补换领"]


@pytest.mark.parametrize(
    ("sentence", "scope"),
    [
        ("推动社会保障卡申领、婚姻登记等2项事项实现“湘赣通办”。", ("湘赣通办",)),
        ("推进社会保障卡申领、婚姻登记“黔川渝通办”。", ("黔川渝通办",)),  # not also its 川渝通办
        ("推动社会保障卡申领、婚姻登记等2项事项实现“粤港澳通办”。", ("粤港澳通办",)),
        # a quoted region no province code opens is a scope too, whole (not the 区域通办 in it)
        ("推进社会保障卡申领、婚姻登记“湘赣边区域通办”。", ("湘赣边区域通办",)),
        ("推动社会保障卡申领、婚姻登记等2项事项实现“长株潭通办”。", ("长株潭通办",)),
    ],
)
def test_provinces_short_names_before_tongban_are_a_regional_scope(sentence, scope):
    """Two to five provinces' one-character names (provinces.tsv: code) before 通办 name a region's
    scope; 湘赣通办 had given the list no scope."""
    assert items_of(sentence) == [("社会保障卡申领", scope), ("婚姻登记", scope)]


@pytest.mark.parametrize(
    "sentence",
    [
        "推动川渝两地户口迁移、居民身份证换领等2项事项实现“川渝通办”。",
        "推动两地户口迁移、居民身份证换领等2项事项实现“川渝通办”。",
    ],
)
def test_the_region_doing_the_items_is_no_part_of_the_first_name(sentence):
    """川渝两地 (the provinces' names and how many places they are) is the subject, as 我省 is."""
    assert [name for name, _ in items_of(sentence)] == ["户口迁移", "居民身份证换领"]


def test_a_list_joined_by_deng_to_its_scopes_items_ends_its_clause():
    """新增A、B等“跨省通办”事项。: 事项 after the scope, with 等 joining the list to it."""
    assert [name for name, _ in items_of("新增社会保障卡申领、异地就医备案等“跨省通办”事项。")] == [
        "社会保障卡申领",
        "异地就医备案",
    ]
    assert items_of("各地要加强“跨省通办”事项管理，社会保障卡申领、异地就医备案“跨省通办”事项清单另行公布。") == []


def test_a_list_of_business_numbered_01_a_line_in_sections():
    """A WeChat article: 以下12项医保业务…实现“跨省通办”： over lines numbered 01, 02… with a space
    and set apart by blank lines (one <section> each). 业务 names what the list holds, as 事项 does."""
    names = ["基本医疗保险参保信息变更", "异地就医结算备案", "职工参保登记"]
    lines = "\n\n".join(f"{number:02d} {name}" for number, name in enumerate(names, 1))
    text = f"明确以下3项医保业务在全国范围内实现“跨省通办”：\n\n{lines}\n\n市医保局相关负责人表示，将持续扩大通办范围。\n"
    assert [(i.name, i.scope) for i in extract(normalize_text(text)).items] == [(name, ("跨省通办",)) for name in names]


def test_a_colon_ending_its_line_takes_the_tongban_of_the_paragraph_above():
    """ "部分事项如下：" names no 通办; the paragraph over it does (…实现“省内通办”), as it
    does for a question heading. 残疾人证补办 ends in 办 but is no office's name."""
    body = "自7月1日起，我省新增25项高频政务服务事项实现“省内通办”。\n\n📌 首批上线的部分事项如下：\n\n"
    names = ["婚姻登记档案查询", "居民身份证挂失申报", "残疾人证补办"]
    assert [name for name, _ in items_of(body + "\n".join(f"🔹 {n}" for n in names))] == names
    # with no 通办 above, a list of measures under the same words stays unread
    measures = "\n".join(f"🔹 {n}" for n in ["优化窗口设置", "加强人员培训"])
    assert items_of("今年我省将进一步优化服务。\n\n部分事项如下：\n\n" + measures) == []


def test_names_one_a_line_end_at_a_line_numbered_another_way():
    """Names Word numbered itself come out with no numbers; the next section's 二、重点任务 had
    joined them as a name (重点任务), and the list, no longer all services, went unread."""
    names = ["失业保险金申领", "住房公积金个人账户设立", "职工参保登记"]
    body = "到2023年底，全市实现以下高频政务服务事项“跨省通办”：\n" + "\n".join(names) + "\n二、重点任务\n"
    assert [name for name, _ in items_of(body)] == names
    numbered = "\n".join(f"{n}.{name}" for n, name in enumerate(names, 1))
    assert [name for name, _ in items_of(body.replace("\n".join(names), numbered))] == names


@pytest.mark.parametrize(
    "body",
    [
        "目前我市已实现以下高频事项“跨省通办”：\n异地就医备案——参保人可在线办理，即时备案。\n"
        "社会保障卡申领：可在任一网点申领，现场制卡。\n失业保险金申领——通过电子社保卡线上申领。\n",
        "目前我市已实现以下高频事项“跨省通办”：\n1.异地就医备案：参保人可在线办理。\n2.社会保障卡申领：可现场制卡。\n"
        "3.失业保险金申领：线上申领。\n下一步，我市将继续扩大通办范围。\n",
    ],
)
def test_a_list_whose_lines_name_a_service_and_then_describe_it(body):
    names = [name for name, scope in items_of(body) if scope == ("跨省通办",)]
    assert names == ["异地就医备案", "社会保障卡申领", "失业保险金申领"]


def test_lines_whose_heads_name_no_service_are_no_list():
    assert items_of("主要事项如下：\n1.加强组织领导：各地要高度重视。\n2.强化宣传引导：要广泛宣传。\n") == []


def test_a_colon_lists_lines_lose_their_notes_and_marks():
    """1.异地就医备案（市医保局）: the note had stayed in the name under a colon intro, though a
    heading's list and a table take it off."""
    body = "以下事项实现“跨省通办”：\n1.异地就医备案（市医保局）\n2.★户口迁移（新增）\n3.社会保障卡申领（全程网办）\n"
    result = extract(normalize_text(HEAD + body + SIGNED))
    assert [(i.name, i.modes) for i in result.items] == [
        ("异地就医备案", ()),
        ("户口迁移", ()),
        ("社会保障卡申领", ("全程网办",)),
    ]
    (linked,) = result.items[0].departments
    assert result.departments[linked].name == "市医保局"


def test_a_headings_batch_and_count_go_with_the_numbered_names_under_it():
    body = (
        "一、第一批“省内通办”事项（2项）\n1.婚姻登记档案查询（省民政厅）\n2.居民户口簿补领（省公安厅）\n"
        "二、第二批“省内通办”事项（2项）\n1.医疗保险参保信息查询（省医保局）\n2.残疾人证换领（省残联）\n"
    )
    items = extract(normalize_text(HEAD + body + SIGNED)).items
    assert [(i.name, i.batch, i.stated_count) for i in items] == [
        ("婚姻登记档案查询", "第一批", 2),
        ("居民户口簿补领", "第一批", 2),
        ("医疗保险参保信息查询", "第二批", 2),
        ("残疾人证换领", "第二批", 2),
    ]


def test_catalog_entries_tagged_with_a_scope_or_a_mode_are_items():
    body = (
        "【省内通办】婚姻登记档案查询\n【省内通办】残疾人证换领\n\n"
        "[全程网办]住房公积金汇缴\n"
        "【跨省通办】关于推进政务服务的通知\n"  # a tagged link that names no service
    )
    assert [(name, scope) for name, scope in items_of(body)] == [
        ("婚姻登记档案查询", ("省内通办",)),
        ("残疾人证换领", ("省内通办",)),
        ("住房公积金汇缴", ()),
    ]
    modes = [i.modes for i in extract(normalize_text(HEAD + body + SIGNED)).items]
    assert modes == [(), (), ("全程网办",)]


def test_a_numbered_list_goes_on_across_a_page_break_when_its_numbering_does():
    """3. / — 3 — / 4.: the page's number goes and leaves a blank line, which had ended the list."""
    body = "第二批“跨省通办”事项清单\n1.婚姻登记档案查询\n2.居民户口簿补领\n\n— 3 —\n\n3.残疾人证换领\n\n1.加强组织领导\n"
    assert [name for name, _ in items_of(body)] == ["婚姻登记档案查询", "居民户口簿补领", "残疾人证换领"]
    # a list numbered 一、 二、 goes on across the page break as well
    chinese = "第二批“跨省通办”事项清单\n一、婚姻登记档案查询\n二、居民户口簿补领\n\n— 3 —\n\n三、残疾人证换领\n"
    assert [name for name, _ in items_of(chinese)] == ["婚姻登记档案查询", "居民户口簿补领", "残疾人证换领"]


def test_a_headings_stated_count_is_checked_against_its_list():
    body = "一、第一批“省内通办”事项（3项）\n1.婚姻登记档案查询\n2.居民户口簿补领\n"
    result = extract(normalize_text(HEAD + body + SIGNED))
    (check,) = result.count_checks
    assert (check.stated, check.found) == (3, 2)
    text = normalize_text(HEAD + body + SIGNED).text
    assert text[check.span[0] : check.span[1]] == "（3项）"


@pytest.mark.parametrize(
    "lines",
    [
        ["①婚姻登记档案查询", "②居民户口簿补领", "③残疾人证换领"],
        ["一、婚姻登记档案查询", "二、居民户口簿补领", "三、残疾人证换领"],
        ["（一）婚姻登记档案查询", "（二）居民户口簿补领", "（三）残疾人证换领"],
        ["1.婚姻登记档案查询（新增）", "2.居民户口簿补领★", "3.残疾人证换领*"],  # marks that flag an item
    ],
)
def test_numbered_lines_in_any_numbering_under_a_list_heading(lines):
    body = "第二批“跨省通办”事项清单\n" + "\n".join(lines) + "\n"
    assert [name for name, _ in items_of(body)] == ["婚姻登记档案查询", "居民户口簿补领", "残疾人证换领"]


def test_a_category_headings_count_vouches_for_a_single_line_and_numbering_styles_do_not_mix():
    body = (
        "“跨省通办”事项清单\n一、社会保障类（2项）\n1.婚姻登记档案查询\n2.居民户口簿补领\n"
        "二、医疗保障类（1项）\n1.异地就医备案\n三、其他工作\n1.加强宣传\n"
    )
    result = extract(normalize_text(HEAD + body + SIGNED))
    assert [(i.name, i.category) for i in result.items] == [
        ("婚姻登记档案查询", "社会保障类"),
        ("居民户口簿补领", "社会保障类"),
        ("异地就医备案", "医疗保障类"),
    ]


@pytest.mark.parametrize(
    "headings",
    [
        ("一、省公安厅（2项）", "二、省医保局（1项）"),  # a mark and a count
        ("（一）省公安厅", "（二）省医保局"),  # a mark alone
        ("省公安厅（2项）", "省医保局（1项）"),  # a count alone
    ],
)
def test_numbered_names_grouped_under_the_bodies_that_handle_them(headings):
    """A list grouped by body gave no item at all: a body is no category (…类), so its
    heading ended the list. Each group's body is responsible for the items under it."""
    first, second = headings
    body = f"第二批“省内通办”事项清单（共3项）\n{first}\n1.户口迁移\n2.居民身份证换领\n{second}\n3.异地就医备案\n"
    result = extract(normalize_text(HEAD.replace("某省", "江西省") + body + SIGNED))
    departments = result.departments
    linked = [(i.name, i.category, [departments[d].canonical for d in i.departments]) for i in result.items]
    assert linked == [
        ("户口迁移", "省公安厅", ["江西省公安厅"]),
        ("居民身份证换领", "省公安厅", ["江西省公安厅"]),
        ("异地就医备案", "省医保局", ["江西省医疗保障局"]),
    ]
    assert {d.canonical for d in departments if d.role == "responsible"} == {"江西省公安厅", "江西省医疗保障局"}
    assert {item.batch for item in result.items} == {"第二批"}


def test_a_groups_own_count_is_its_lists_and_is_checked():
    body = "“跨省通办”事项清单（共4项）\n一、省公安厅（3项）\n1.户口迁移\n2.居民身份证换领\n二、省医保局（1项）\n3.异地就医备案\n"
    result = extract(normalize_text(HEAD + body + SIGNED))
    assert [(i.name, i.stated_count) for i in result.items] == [("户口迁移", 3), ("居民身份证换领", 3), ("异地就医备案", 1)]
    # each group's count, then the heading's total against all the groups
    assert [(check.stated, check.found) for check in result.count_checks] == [(3, 2), (1, 1), (4, 3)]
    text = normalize_text(HEAD + body + SIGNED).text
    total = result.count_checks[-1]
    assert text[total.span[0] : total.span[1]] == "4"


@pytest.mark.parametrize(
    ("heading", "roles"),
    [
        ("一、省公安厅牵头推进事项", [("省公安厅", "lead")]),  # the heading gives the body its role
        ("一、由省公安厅负责的事项", [("省公安厅", "responsible")]),
        ("一、涉及省公安厅的事项", []),  # a body named with no role word
    ],
)
def test_a_group_heading_that_says_more_than_its_body_links_the_body_it_gives_a_role(heading, roles):
    body = f"“跨省通办”事项清单\n{heading}\n1.户口迁移\n2.居民身份证换领\n"
    result = extract(normalize_text(HEAD + body + SIGNED))
    assert [i.name for i in result.items] == ["户口迁移", "居民身份证换领"]
    departments = result.departments
    for item in result.items:
        assert [(departments[d].name, departments[d].role) for d in item.departments] == roles


@pytest.mark.parametrize(
    "body",
    [
        "具体事项如下：\n1.户口迁移\n2.居民身份证换领\n",
        "本次公布的事项包括：\n一、省公安厅（2项）\n1.户口迁移\n2.居民身份证换领\n",
    ],
)
def test_a_line_opening_a_list_of_shixiang_takes_the_tongban_the_title_names(body):
    """ "具体事项如下：" names no 通办: the title over it does (…第二批“跨省通办”事项的通知)."""
    head = "某省人民政府办公厅关于公布第二批“跨省通办”事项的通知\n各市人民政府：\n现将第二批事项公布如下。\n"
    result = extract(normalize_text(head + body + SIGNED))
    assert [(i.name, i.scope) for i in result.items] == [("户口迁移", ("跨省通办",)), ("居民身份证换领", ("跨省通办",))]


@pytest.mark.parametrize(
    "head",
    [
        "某省人民政府办公厅关于做好户籍管理工作的通知\n各市人民政府：\n具体事项如下：\n",  # no 通办 above
        "某省人民政府办公厅关于公布第二批“跨省通办”事项的通知\n各市人民政府：\n现将有关事项通知如下：\n",  # a notice's matters
    ],
)
def test_a_list_of_shixiang_under_no_line_naming_tongban_items_is_no_item_list(head):
    assert extract(normalize_text(head + "一、省公安厅（2项）\n1.户口迁移\n2.居民身份证换领\n" + SIGNED)).items == []


@pytest.mark.parametrize(
    "sentence",
    [
        "今年，我省将推动户口迁移（省公安厅）、异地就医备案（省医保局，2021年底前）等事项实现“跨省通办”。",
        "今年，我省将推动户口迁移（责任单位：省公安厅）、异地就医备案（省医保局、2021年底前）等事项实现“跨省通办”。",
        "今年新增的“跨省通办”事项有：户口迁移（省公安厅负责）、异地就医备案（省医保局，2021年底前）。",
    ],
)
def test_a_note_after_a_name_says_who_handles_it_and_by_when(sentence):
    """The note had stayed in the name (户口迁移（省公安厅）), and with a colon inside it, or
    after a colon list, the list was not read at all."""
    result = extract(normalize_text(HEAD.replace("某省", "江西省") + sentence + SIGNED))
    linked = [
        (i.name, [result.departments[d].canonical for d in i.departments], [result.deadlines[d].text for d in i.deadlines])
        for i in result.items
    ]
    assert linked == [("户口迁移", ["江西省公安厅"], []), ("异地就医备案", ["江西省医疗保障局"], ["2021年底前"])]
    assert {d.canonical for d in result.departments if d.role == "responsible"} == {"江西省公安厅", "江西省医疗保障局"}


def test_a_bracket_that_says_what_the_item_covers_stays_in_its_name_and_one_that_says_how_gives_its_mode():
    """A mode in a bracket (社保卡申领（全程网办）) had stayed in the name, so the registry held
    it apart from 社保卡申领."""
    sentence = (
        "今年新增的“跨省通办”事项有：参保登记（单位）、参保登记（个人）、医疗保障关系转移接续（含异地）、"
        "社保卡申领（全程网办）、异地就医备案（省内通办、异地代收代办）。"
    )
    result = extract(normalize_text(HEAD + sentence + SIGNED))
    assert [(i.name, i.scope, i.modes) for i in result.items] == [
        ("参保登记（单位）", ("跨省通办",), ()),
        ("参保登记（个人）", ("跨省通办",), ()),
        ("医疗保障关系转移接续（含异地）", ("跨省通办",), ()),
        ("社保卡申领", ("跨省通办",), ("全程网办",)),
        ("异地就医备案", ("跨省通办", "省内通办"), ("异地代收代办",)),
    ]
    numbered = extract(normalize_text(HEAD + "“跨省通办”事项清单\n1.户口迁移\n2.异地就医备案（全程网办）\n" + SIGNED))
    assert [(i.name, i.modes) for i in numbered.items] == [("户口迁移", ()), ("异地就医备案", ("全程网办",))]


def test_numbered_names_each_with_its_field_lines_under_it():
    """A work plan's list that gives each item its units and time on lines of their own had
    ended at the first field line, so its items went unread."""
    body = (
        "政务服务“跨省通办”事项清单\n1.户口迁移\n牵头单位：省公安厅\n完成时限：2021年底前\n"
        "2.异地就医备案\n责任单位：省医保局\n\n完成时限：2021年6月底前\n3.失业保险金申领\n办理方式：全程网办\n"
    )
    result = extract(normalize_text(HEAD.replace("某省", "江西省") + body + SIGNED))
    linked = [
        (i.name, [result.departments[d].canonical for d in i.departments], [result.deadlines[d].text for d in i.deadlines])
        for i in result.items
    ]
    assert linked == [
        ("户口迁移", ["江西省公安厅"], ["2021年底前"]),
        ("异地就医备案", ["江西省医疗保障局"], ["2021年6月底前"]),
        ("失业保险金申领", [], []),
    ]


def test_a_field_line_does_not_carry_a_list_past_a_break_in_its_numbering():
    body = "政务服务“跨省通办”事项清单\n1.户口迁移\n2.异地就医备案\n牵头单位：省医保局\n1.加强组织领导\n2.强化宣传引导\n"
    assert [name for name, _ in items_of(body)] == ["户口迁移", "异地就医备案"]


@pytest.mark.parametrize(
    "sentence",
    [
        "首批“跨省通办”事项包括：（1）户口迁移（2）异地就医备案（3）失业保险金申领。",
        "首批“跨省通办”事项包括：1.户口迁移 2.异地就医备案 3.失业保险金申领。",  # the spaces go in normalization
        "第三批“跨省通办”事项正式上线，具体包括：（1）户口迁移（2）异地就医备案（3）失业保险金申领。",
        "首批“跨省通办”事项有：户口迁移、异地就医备案、失业保险金申领，共3项。",
        "首批“跨省通办”事项有：户口迁移、异地就医备案、失业保险金申领等，共计3个事项。",
    ],
)
def test_names_numbered_inline_with_no_separator_or_a_total_after_them(sentence):
    """Numbers inline had run three names into one (户口迁移（2）异地就医备案（3）…), and a
    total after the list had made its last piece no name, so the list was not read."""
    assert [name for name, _ in items_of(sentence)] == ["户口迁移", "异地就医备案", "失业保险金申领"]


def test_a_total_after_a_list_is_its_count_and_is_checked():
    sentence = "首批“跨省通办”事项有：户口迁移、异地就医备案，共3项。"
    result = extract(normalize_text(HEAD + sentence + SIGNED))
    assert [item.stated_count for item in result.items] == [3, 3]
    assert [(check.stated, check.found) for check in result.count_checks] == [(3, 2)]


def test_a_note_may_give_a_time_relative_to_the_notice_or_no_end():
    sentence = "今年，我省将推动户口迁移（省公安厅，今年底前）、异地就医备案（省医保局，长期坚持）等事项实现“跨省通办”。"
    result = extract(normalize_text(HEAD + sentence + SIGNED))
    linked = [(i.name, [(result.deadlines[d].text, result.deadlines[d].date) for d in i.deadlines]) for i in result.items]
    assert linked == [("户口迁移", [("今年底前", "2021-12-31")]), ("异地就医备案", [("长期坚持", None)])]


@pytest.mark.parametrize("blank", ["\u3000", "  ", "\u00a0\u00a0"])
def test_names_a_page_set_apart_by_blanks_are_names_each(blank):
    """Normalization took the blanks between the names for residue between Han characters and
    ran the three names into one."""
    sentence = f"今年新增的“跨省通办”事项有：户口迁移{blank}异地就医备案{blank}失业保险金申领"
    assert [name for name, _ in items_of(sentence)] == ["户口迁移", "异地就医备案", "失业保险金申领"]


def test_letter_spacing_and_a_broken_word_stay_residue():
    assert normalize_text("政 务 服 务 事 项 有：户 口 迁 移").text == "政务服务事项有：户口迁移"
    assert normalize_text("推进异地就医 备案“跨省通办”。").text == "推进异地就医备案“跨省通办”。"


@pytest.mark.parametrize("mark", ["/", "｜", "|", " | ", " / ", "，", ", "])
def test_names_set_apart_by_slashes_are_names_each_but_a_slash_before_a_bare_verb_joins(mark):
    assert [n for n, _ in items_of(f"首批“跨省通办”事项有：户口迁移{mark}异地就医备案{mark}失业保险金申领。")] == [
        "户口迁移",
        "异地就医备案",
        "失业保险金申领",
    ]
    assert [n for n, _ in items_of("首批“跨省通办”事项有：社会保障卡申领/补换、户口迁移。")] == [
        "社会保障卡申领/补换",
        "户口迁移",
    ]


def test_one_numbered_name_with_field_lines_under_it_is_an_item():
    body = "“省内通办”重点任务清单\n1.失业保险金申领\n牵头单位：省人力资源社会保障厅\n完成时限：2024年6月底前\n"
    assert [name for name, _ in items_of(body)] == ["失业保险金申领"]
    assert items_of("“省内通办”重点任务清单\n1.失业保险金申领\n") == []  # no count and no fields: no list
    assert items_of("“省内通办”重点任务清单\n1.加强宣传引导\n牵头单位：省政府办公厅\n") == []  # no service


def test_one_group_of_a_grouped_list_may_hold_one_name():
    """一、省民政厅牵头事项 over one numbered name: the heading vouches for it as a count would."""
    body = "“省内通办”事项清单\n一、省民政厅牵头事项\n1.新生儿入户\n二、省公安厅牵头事项\n2.户口迁移\n3.居民身份证换领\n"
    result = extract(normalize_text(HEAD + body + SIGNED))
    assert [item.name for item in result.items] == ["新生儿入户", "户口迁移", "居民身份证换领"]


def test_words_before_de_that_open_an_included_list_qualify_every_name():
    """A Fujian 民政厅 notice: 试点业务范围为内地居民的结婚登记和离婚登记 gave no item, its first
    name being 内地居民的结婚登记. The items that 不在试点范围之内 stay out."""
    text = "此次“跨省通办”试点业务范围为内地居民的结婚登记和离婚登记，补领婚姻登记证、婚姻档案查询等业务不在试点范围之内。"
    assert items_of(text) == [("结婚登记", ("跨省通办",)), ("离婚登记", ("跨省通办",))]


def test_jí_after_the_items_sentence_opens_its_list_but_jírì_does_not():
    body = "新增5项“跨省通办”事项，即社保卡申领、户口迁移、异地就医备案、婚姻登记和失业保险金申领。"
    assert [name for name, _ in items_of(body)] == ["社保卡申领", "户口迁移", "异地就医备案", "婚姻登记", "失业保险金申领"]
    assert items_of("公布第二批“跨省通办”事项清单，即日起可在窗口办理。") == []


def test_a_quoted_reform_ending_in_tongban_is_no_scope():
    """“一网通办” names a reform (item_cues.tsv not_scope), not where the items can be done."""
    assert items_of("推进社会保障卡申领、婚姻登记“一网通办”。") == []


def test_names_ending_in_a_report_or_an_issue_are_services_in_a_list():
    body = "“跨省通办”事项清单\n1.高校毕业生就业报到\n2.执业医师资格证书核发\n3.异地就医备案\n"
    assert [name for name, _ in items_of(body)] == ["高校毕业生就业报到", "执业医师资格证书核发", "异地就医备案"]


def test_a_sentence_closing_with_ru_xia_heads_the_lists_below_it():
    body = (
        "经市政府同意，现将第三批“跨省通办”事项清单公布如下。\n"
        "一、社会保障类\n（一）社会保障卡服务\n1.社会保障卡申领\n2.社会保障卡挂失\n"
        "（二）养老保险\n1.企业职工基本养老保险关系转移接续\n2.养老保险待遇资格认证\n"
        "二、医疗卫生类\n1.异地就医登记备案\n2.门诊费用跨省直接结算\n"
    )
    items = extract(normalize_text(HEAD + body + SIGNED)).items
    assert [(i.name, i.scope) for i in items] == [
        ("社会保障卡申领", ("跨省通办",)),
        ("社会保障卡挂失", ("跨省通办",)),
        ("企业职工基本养老保险关系转移接续", ("跨省通办",)),
        ("养老保险待遇资格认证", ("跨省通办",)),
        ("异地就医登记备案", ("跨省通办",)),
        ("门诊费用跨省直接结算", ("跨省通办",)),
    ]


def test_notice_matters_below_are_no_items():
    body = "现将有关事项通知如下。\n一、工作要求\n1.加强组织领导\n2.强化督促检查\n"
    assert items_of(body) == []


@pytest.mark.parametrize(
    "body",
    [
        "新增“跨省通办”事项3项：其一，社会保障卡申领；其二，失业保险金申领；其三，职业资格证书核验。\n",
        "“跨省通办”事项（3项）：社会保障卡申领 失业保险金申领 职业资格证书核验\n",
    ],
)
def test_names_after_qi_yi_or_set_apart_by_spaces(body):
    assert [name for name, _ in items_of(body)] == ["社会保障卡申领", "失业保险金申领", "职业资格证书核验"]


def test_a_name_with_a_space_inside_stays_one():
    items = extract_text("实现机动车驾驶证 补领、婚姻登记“跨省通办”。\n").items  # a space the normalizer left
    assert [i.name for i in items] == ["机动车驾驶证 补领", "婚姻登记"]


@pytest.mark.parametrize(
    "follow_up",
    [
        "其中，包括户籍类证明开具、社会保障卡申领等高频事项。",  # a connective alone refers back
        "其中包括户籍类证明开具、社会保障卡申领等事项。",
    ],
)
def test_a_list_after_a_connective_takes_the_sentence_before_as_its_intro(follow_up):
    text = "近日，省政务服务管理局发布第三批“跨省通办”事项清单，共涉及8个部门的32个事项。" + follow_up
    assert [(i.name, i.scope) for i in extract_text(text).items] == [
        ("户籍类证明开具", ("跨省通办",)),
        ("社会保障卡申领", ("跨省通办",)),
    ]
    assert extract_text("会议强调要抓好落实。" + follow_up).items == []  # nothing before names 通办 items
