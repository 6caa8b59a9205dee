"""Items from tables: item tables and their headers, group headings, caption and column scopes,
task cells, tables scraped one cell a line, and service guides' fields."""

from __future__ import annotations

import pytest

from extractors import extract, extract_text, normalize_text
from tests.conftest import SEED_003, SEED_003_SUB_ITEMS


def test_all_18_table_sub_items_with_their_main_item(extracted):
    table = {i.name: i.main_item for i in extracted(SEED_003).items if i.method == "table"}
    assert table == SEED_003_SUB_ITEMS


def test_table_scope_comes_from_the_target_column(extracted):
    scopes = {i.name: set(i.scope) for i in extracted(SEED_003).items if i.method == "table"}
    assert scopes["产前检查就医确认"] == {"省内通办"}
    assert scopes["生育津贴支付"] == {"省内通办", "跨省通办"}


def test_item_tables_are_found_by_other_name_headers():
    text = (
        "第二批“跨省通办”事项清单\n序号\t服务事项\t责任单位\t完成时限\n"
        "1\t机动车驾驶证审验\t公安部\t2021年6月底前\n2\t电子证照互认\t国务院办公厅\t2021年底前\n\n"
        "重点任务\n序号\t具体事项\t责任单位\n1\t优化线下窗口\t公安部\n"
    )
    items = extract_text(text, issued="2021-03-01").items
    assert [(i.name, i.method) for i in items] == [("机动车驾驶证审验", "table"), ("电子证照互认", "table")]


def test_a_table_without_a_scope_column_takes_the_scope_its_caption_names():
    text = (
        "现将我县首批“省内通办”事项清单公布如下：\n"
        "序号\t事项名称\t责任单位\n1\t新生儿入户\t县公安局\n2\t失业登记\t县人力社保局\n\n"
        "附表二 便民服务事项\n"
        "序号\t事项名称\t责任单位\n1\t老年人优待证办理\t县民政局\n"
    )
    scopes = {i.name: i.scope for i in extract_text(text).items}
    assert scopes == {"新生儿入户": ("省内通办",), "失业登记": ("省内通办",), "老年人优待证办理": ()}


@pytest.mark.parametrize("mode_header", ["办理方式", "办理渠道", "通办渠道", "办理形式", "实现方式"])
def test_scope_and_mode_columns_under_other_header_words(mode_header):
    text = f"附件\n序号\t事项名称\t通办范围\t{mode_header}\n1\t异地就医登记备案\t跨省通办\t全程网办\n2\t失业保险金申领\t省内通办\t代收代办\n"
    items = [(i.name, i.scope, i.modes) for i in extract_text(text).items]
    assert items == [("异地就医登记备案", ("跨省通办",), ("全程网办",)), ("失业保险金申领", ("省内通办",), ("代收代办",))]


def test_a_body_a_merged_group_row_repeats_in_every_cell_is_one_mention():
    """A colspan row "一、省公安厅（2项）" comes out in every cell: the reader sees one heading, so
    the body is mentioned once (as responsible for the rows under it), not once more per cell."""
    text = (
        "附件：某省“跨省通办”事项清单\n序号\t事项名称\t通办类型\n"
        "一、省公安厅（2项）\t一、省公安厅（2项）\t一、省公安厅（2项）\n"
        "1\t户口迁移\t跨省通办\n2\t居民身份证换领\t跨省通办\n"
    )
    result = extract_text(text)
    assert [(d.name, d.role) for d in result.departments] == [("省公安厅", "responsible")]
    assert [[result.departments[k].name for k in i.departments] for i in result.items] == [["省公安厅"], ["省公安厅"]]


def test_table_group_headings_are_their_rows_category():
    """A colspan group row (its text in every cell) or a numbered heading in the name column
    heads the rows under it: their category, without its enumerator and count."""
    text = (
        "附件：某市“跨省通办”事项清单\n序号\t事项名称\t责任单位\n"
        "一、社会保障类（2项）\t一、社会保障类（2项）\t一、社会保障类（2项）\n"
        "1\t失业保险金申领\t市人社局\n2\t社会保障卡申领\t市人社局\n"
        "\t二、医疗保障类\t\n3\t异地就医备案\t市医保局\n"
    )
    result = extract_text(text)
    items = result.items
    assert [(i.name, i.category) for i in items] == [
        ("失业保险金申领", "社会保障类"),
        ("社会保障卡申领", "社会保障类"),
        ("异地就医备案", "医疗保障类"),
    ]
    # the spans past a heading row point at the names, so each row's department is linked
    assert all(text[i.span[0] : i.span[1]] == i.name for i in items)
    assert [[result.departments[d].name for d in i.departments] for i in items] == [["市人社局"], ["市人社局"], ["市医保局"]]
    assert extract_text("序号\t事项名称\n1\t婚姻登记\n").items[0].category is None


def test_a_group_row_that_names_a_body_makes_it_responsible_for_the_rows_under_it():
    """A table with no department column, grouped by body: the group row says who handles
    its rows, and a heading's deadline is its rows' when no cell gives one."""
    text = (
        "附件：某市“跨省通办”事项清单\n序号\t事项名称\t办理方式\n"
        "一、市公安局（2项）\t一、市公安局（2项）\t一、市公安局（2项）\n"
        "1\t户口迁移\t全程网办\n2\t居民身份证换领\t异地代收代办\n"
        "二、市医保局\n3\t异地就医备案\t全程网办\n"
    )
    result = extract_text(text)
    linked = [(i.name, [result.departments[d].name for d in i.departments]) for i in result.items]
    assert linked == [("户口迁移", ["市公安局"]), ("居民身份证换领", ["市公安局"]), ("异地就医备案", ["市医保局"])]
    assert {d.name for d in result.departments if d.role == "responsible"} == {"市公安局", "市医保局"}


@pytest.mark.parametrize(
    "guide",
    [
        # a service guide's numbered label lines
        "异地就医备案办事指南\n一、事项名称：异地就医备案\n二、实施主体：某阳市医疗保障局\n"
        "三、通办范围：跨省通办\n四、办理方式：全程网办\n五、承诺办结时限：1个工作日\n",
        # the same facts in a sheet of two columns, as a portal's table shows them
        "事项名称\t异地就医备案\n实施主体\t某阳市医疗保障局\n通办类型\t跨省通办\n办理方式\t全程网办\n法定办结时限\t1个工作日\n",
    ],
)
def test_a_service_guide_names_its_item_in_a_field(guide):
    result = extract_text(guide)
    assert [(i.name, i.scope, i.modes, i.method) for i in result.items] == [
        ("异地就医备案", ("跨省通办",), ("全程网办",), "field")
    ]
    item = result.items[0]
    assert guide[item.span[0] : item.span[1]] == "异地就医备案"
    assert [(d.name, d.role) for d in result.departments] == [("某阳市医疗保障局", "responsible")]
    assert item.departments == (0,)  # the guide's 实施主体 is its item's unit


def test_a_guides_sheet_of_two_pairs_a_row_names_its_item_and_no_label_is_an_item():
    """A portal's field table sets two label | value pairs a row. Its first row is no header:
    a value (异地就医登记备案) stands under no label of its own. A header whose every other cell
    heads a column (序号 | 事项名称 | 办理部门 | 通办方式) stays a header."""
    guide = (
        "基本信息\n\n事项名称\t异地就医登记备案\t事项类型\t公共服务\n实施主体\t某阳市医疗保障局\t实施主体性质\t法定机关\n"
        "通办范围\t跨省通办\t办理形式\t全程网办\n法定办结时限\t10个工作日\t承诺办结时限\t即办\n收费标准\t不收费\t咨询电话\t12345\n"
    )
    result = extract_text(guide)
    assert [(i.name, i.scope, i.modes, i.method) for i in result.items] == [
        ("异地就医登记备案", ("跨省通办",), ("全程网办",), "field")
    ]
    assert guide[result.items[0].span[0] : result.items[0].span[1]] == "异地就医登记备案"
    assert [result.departments[d].name for d in result.items[0].departments] == ["某阳市医疗保障局"]
    table = "序号\t事项名称\t办理部门\t通办方式\n1\t异地就医登记备案\t某阳市医疗保障局\t全程网办\n"
    assert [i.name for i in extract_text("“跨省通办”事项清单\n" + table).items] == ["异地就医登记备案"]


def test_a_portals_cards_name_their_service_in_a_heading_over_its_fields():
    """A 通办 zone's cards: the service's name alone on a line, its fields under it. The heading
    is the item when the fields give a scope; a bare 全国 in 通办范围 is 全国通办."""
    cards = "".join(
        f"{name}\n\n通办范围：全国\n\n办理方式：全程网办\n\n实施主体：{body}\n\n"
        for name, body in [("异地就医登记备案", "某阳市医疗保障局"), ("失业保险金申领", "某阳市人力资源和社会保障局")]
    )
    result = extract_text("“跨省通办”服务专区\n\n" + cards)
    linked = [(i.name, i.scope, i.modes, [result.departments[d].name for d in i.departments]) for i in result.items]
    assert linked == [
        ("异地就医登记备案", ("全国通办",), ("全程网办",), ["某阳市医疗保障局"]),
        ("失业保险金申领", ("全国通办",), ("全程网办",), ["某阳市人力资源和社会保障局"]),
    ]
    # a heading that names no service, or fields that give no scope, name no item
    assert extract_text("办事须知\n\n通办范围：全国\n\n实施主体：某阳市医疗保障局\n").items == []
    assert extract_text("异地就医登记备案\n\n实施主体：某阳市医疗保障局\n\n办理时限：1个工作日\n").items == []


def test_a_guide_that_gives_no_tongban_scope_names_no_registry_item():
    assert extract_text("事项名称：异地就医备案\n实施主体：某阳市医疗保障局\n").items == []


def test_a_task_cell_that_gives_its_item_a_scope_links_the_rows_units_and_time():
    text = (
        "某市“跨省通办”重点任务清单\n序号\t重点任务\t牵头单位\t配合单位\t时间节点\n"
        "1\t推进异地就医备案“跨省通办”\t市医保局\t市卫健委、市财政局\t2022年9月\n"
        "2\t推进社保卡申领“跨省通办”\t市人社局\t市公安局\t长期坚持\n"
    )
    result = extract_text(text)
    linked = [
        (i.name, i.scope, [result.deadlines[d].text for d in i.deadlines], [result.departments[d].name for d in i.departments])
        for i in result.items
    ]
    assert linked == [
        ("异地就医备案", ("跨省通办",), ["2022年9月"], ["市医保局", "市卫健委", "市财政局"]),
        ("社保卡申领", ("跨省通办",), ["长期坚持"], ["市人社局", "市公安局"]),
    ]


def test_a_table_that_sets_two_items_a_row_is_read_down_each_block_with_its_own_units():
    # 序号 | 事项名称 | 实施部门 twice: the list is numbered down the left block, then the right,
    # and each item's unit is the one in its own block, not the row's other half
    text = (
        "附件：某市第二批“跨省通办”事项清单\n"
        "序号\t事项名称\t实施部门\t序号\t事项名称\t实施部门\n"
        "1\t就业登记\t市人社局\t4\t居住证申领\t市公安局\n"
        "2\t失业登记\t市人社局\t5\t残疾人证迁移\t市残联\n"
        "3\t异地就医登记备案\t市医保局\t\t\t\n"
    )
    result = extract_text(text)
    linked = [(i.name, i.scope, [result.departments[d].name for d in i.departments]) for i in result.items]
    assert linked == [
        ("就业登记", ("跨省通办",), ["市人社局"]),
        ("失业登记", ("跨省通办",), ["市人社局"]),
        ("异地就医登记备案", ("跨省通办",), ["市医保局"]),
        ("居住证申领", ("跨省通办",), ["市公安局"]),
        ("残疾人证迁移", ("跨省通办",), ["市残联"]),
    ]
    assert all(text[slice(*i.span)] == i.name for i in result.items)
    assert {result.departments[d].role for i in result.items for d in i.departments} == {"responsible"}


@pytest.mark.parametrize(
    ("cell", "names"),
    [
        ("社保卡申领、养老保险关系转移接续、失业登记", ["社保卡申领", "养老保险关系转移接续", "失业登记"]),
        ("①社保卡申领；②养老保险关系转移接续", ["社保卡申领", "养老保险关系转移接续"]),
        ("1.异地就医备案 2.医保关系转移接续", ["异地就医备案", "医保关系转移接续"]),
        # one name: a bare verb shares the object, a piece no service ends shares the ending
        ("居民身份证换领、补领", ["居民身份证换领、补领"]),
        ("结婚、离婚登记", ["结婚、离婚登记"]),
    ],
)
def test_a_name_cell_that_lists_services_gives_an_item_each_linked_to_the_row(cell, names):
    text = f"附件：某市“跨省通办”事项清单\n序号\t领域\t事项名称\t责任单位\n1\t社会保障\t{cell}\t市人社局\n"
    result = extract_text(text)
    assert [i.name for i in result.items] == names
    assert all(text[slice(*i.span)] == i.name and i.scope == ("跨省通办",) for i in result.items)
    assert all([result.departments[d].name for d in i.departments] == ["市人社局"] for i in result.items)


def test_no_row_of_a_blocks_goes_on_from_the_block_before():
    """The right-hand block starts back up the page: a row there with an empty number cell is a
    row of its own, not the wrapped rest of the left block's last row (a wrap is below its row)."""
    text = (
        "附件：某市“跨省通办”事项清单\n序号\t事项名称\t序号\t事项名称\n"
        "1\t户口迁移\t\t失业登记\n2\t异地就医备案\t4\t社会保障卡申领\n"
    )
    items = extract_text(text).items
    assert [i.name for i in items] == ["户口迁移", "异地就医备案", "失业登记", "社会保障卡申领"]
    assert all(text[slice(*i.span)] == i.name for i in items)


def test_a_header_whose_halves_differ_is_one_table_not_two_blocks():
    text = "附件：某市“跨省通办”事项清单\n序号\t事项名称\t责任单位\t事项名称\n1\t就业登记\t市人社局\t失业登记\n"
    assert [i.name for i in extract_text(text).items] == ["就业登记"]


def test_a_group_heading_on_a_line_of_its_own_keeps_the_table_open():
    # the national list's shape as text: a header, then each group's heading with no cells
    text = (
        "全国高频政务服务“跨省通办”事项清单\n"
        "序号\t事项名称\t主管部门\t完成时限\n"
        "一、2020年底前实现“跨省通办”事项（58项）\n"
        "1\t工业产品生产许可证\t市场监管总局\t2020年底前\n"
        "2\t社会保障卡申领\t人力资源社会保障部\t2020年底前\n"
        "二、2021年底前实现“跨省通办”事项（74项）\n"
        "3\t户口迁移\t公安部\t2021年底前\n"
    )
    result = extract_text(text)
    assert [(i.name, i.category) for i in result.items] == [
        ("工业产品生产许可证", "2020年底前实现“跨省通办”事项"),
        ("社会保障卡申领", "2020年底前实现“跨省通办”事项"),
        ("户口迁移", "2021年底前实现“跨省通办”事项"),
    ]
    # a PDF's merged row keeps its text in the first cell, the others empty
    as_pdf = extract_text(text.replace("（58项）\n", "（58项）\t\t\t\n"))
    assert [i.category for i in as_pdf.items] == [i.category for i in result.items]
    first_of_group = result.items[2]  # the row right under a heading is a row, not a header
    (department,) = [result.departments[i] for i in first_of_group.departments]
    (deadline,) = [result.deadlines[i] for i in first_of_group.deadlines]
    assert (department.canonical, department.role, deadline.date) == ("公安部", "responsible", "2021-12-31")


@pytest.mark.parametrize(
    ("header", "names", "found"),
    [
        ("事项", ("工业产品生产许可证核发", "社会保障卡申领"), 2),
        ("事项类型", ("工业产品生产许可证核发", "社会保障卡申领"), 0),  # heads kinds, not names
        ("事项", ("优化线下窗口", "社会保障卡申领"), 1),  # a bare 事项 column may hold measures
    ],
)
def test_the_name_column_may_be_headed_by_the_bare_word(header, names, found):
    text = (
        f"第三批“跨省通办”事项清单\n序号\t{header}\t牵头单位\t完成时间\n"
        f"1\t{names[0]}\t市市场监管局\t2020年底前\n2\t{names[1]}\t市人社局\t2020年底前\n"
    )
    assert len(extract_text(text).items) == found


def test_a_table_scraped_one_cell_a_line_gives_its_items_with_the_group_headings_scope():
    text = (
        "序号\n事项名称\n主管部门\n完成时限\n一、2020年底前实现“跨省通办”事项（58项）\n"
        "1\n工业产品生产许可证\n市场监管总局\n2020年底前\n2\n社会保障卡申领\n人力资源社会保障部\n2020年底前\n"
    )
    items = extract(normalize_text(text)).items
    assert [(i.name, i.scope) for i in items] == [("工业产品生产许可证", ("跨省通办",)), ("社会保障卡申领", ("跨省通办",))]


def test_a_column_per_mode_ticked_per_row_gives_each_item_its_modes():
    """全程网办 | 代收代办 | 多地联办 as columns of their own, ticked √ per row: the modes had been
    read only from one 办理方式 column."""
    text = (
        "某省“跨省通办”事项清单\n"
        "序号\t事项名称\t主管部门\t全程网办\t代收代办\t多地联办\n"
        "1\t社会保障卡申领\t省人力资源社会保障厅\t√\t√\t\n"
        "2\t异地就医备案\t省医疗保障局\t√\t\t\n"
        "3\t户口迁移\t省公安厅\t\t√\t√\n"
    )
    items = extract(normalize_text(text)).items
    assert [(item.name, item.modes) for item in items] == [
        ("社会保障卡申领", ("全程网办", "异地代收代办")),
        ("异地就医备案", ("全程网办",)),
        ("户口迁移", ("异地代收代办", "多地联办")),
    ]


def test_a_column_per_scope_ticked_per_row_gives_each_item_its_own_scope():
    """跨省通办 | 省内通办 as columns ticked per row: every item had taken both scopes from the caption."""
    text = (
        "某市“跨省通办”“省内通办”事项清单\n"
        "序号\t事项名称\t“跨省通办”\t是否省内通办\t实施部门\n"
        "1\t户口迁移\t√\t否\t市公安局\n"
        "2\t不动产登记\t\t是\t市自然资源局\n"
        "3\t婚姻登记档案查询\t√\t√\t市民政局\n"
    )
    items = extract(normalize_text(text)).items
    assert [(item.name, item.scope) for item in items] == [
        ("户口迁移", ("跨省通办",)),
        ("不动产登记", ("省内通办",)),
        ("婚姻登记档案查询", ("跨省通办", "省内通办")),
    ]


def test_a_main_items_wrapped_cell_grows_the_main_item_and_leaves_the_name_whole():
    text = (
        "序号\t主项\t子项\t实施部门\n"
        "1\t基本医疗保险参保人员\t异地安置退休人员备案\t市医保局\n"
        "\t异地就医备案\t\t\n"
        "2\t生育保险待遇核准支付\t生育津贴支付\t市医保局\n"
    )
    items = extract(normalize_text(text)).items
    assert [(i.name, i.main_item) for i in items] == [
        ("异地安置退休人员备案", "基本医疗保险参保人员异地就医备案"),
        ("生育津贴支付", "生育保险待遇核准支付"),
    ]
    assert all(text[i.span[0] : i.span[1]] == i.name for i in items)


@pytest.mark.parametrize(
    "second",
    [
        "\t\t专业技术人员职业资格证书核验\t全程网办\t省人社厅\t2021年底前",  # the ways repeated
        "\t\t专业技术人员职业资格证书核验\t\t\t",  # or merged with the row above's
    ],
)
def test_a_sub_item_under_a_merged_number_is_a_row_of_its_own_with_the_ways_above(second):
    text = (
        "序号\t主项名称\t子项名称\t通办方式\t牵头单位\t完成时限\n"
        f"1\t职业资格证书核验\t技能人员职业资格证书核验\t全程网办\t省人社厅\t2021年底前\n{second}\n"
        "2\t个体工商户设立\t\t全程网办\t省市场监管局\t2022年6月底前\n\t登记\t\t\t\t\n"
    )
    result = extract(normalize_text(text))
    found = [(i.name, i.main_item, i.modes) for i in result.items]
    assert found == [
        ("技能人员职业资格证书核验", "职业资格证书核验", ("全程网办",)),
        ("专业技术人员职业资格证书核验", "职业资格证书核验", ("全程网办",)),
        ("个体工商户设立登记", "个体工商户设立登记", ("全程网办",)),  # a wrap: the main item is the name
    ]
    units = [[result.departments[d].canonical for d in i.departments] for i in result.items]
    assert units == [["省人力资源和社会保障厅"]] * 2 + [["省市场监督管理局"]]
    dates = [[result.deadlines[d].date for d in i.deadlines] for i in result.items]
    assert dates == [["2021-12-31"]] * 2 + [["2022-06-30"]]


def test_a_row_under_a_merged_number_inherits_nothing_across_tables():
    """A new table's first row has no row above it: the last table's ways stay there."""
    text = (
        "表1 跨省通办事项\n序号\t主项名称\t子项名称\t通办方式\t牵头单位\t完成时限\n"
        "1\t职业资格证书核验\t技能人员职业资格证书核验\t全程网办\t省人社厅\t2021年底前\n"
        "表2 省内通办事项\n序号\t主项名称\t子项名称\t通办方式\t牵头单位\t完成时限\n"
        "\t\t专业技术人员职业资格证书核验\t\t\t\n"
    )
    items = extract(normalize_text(text)).items
    assert [i.name for i in items] == ["技能人员职业资格证书核验", "专业技术人员职业资格证书核验"]
    assert [(bool(i.departments), bool(i.deadlines)) for i in items] == [(True, True), (False, False)]


def test_a_name_cut_inside_its_bracket_by_a_wrapped_cell_is_read_whole():
    """The first stretch (…转移接续（) is no name on its own, so its row gave no item for the
    rest (含异地）) to grow: the one name the wrapped-cells bench still missed."""
    text = "序号\t事项名称\t实施部门\n1\t医疗保障关系转移接续（\t市医保局\n\t含异地）\t\n2\t生育津贴支付\t市医保局\n"
    items = extract(normalize_text(text)).items
    assert [i.name for i in items] == ["医疗保障关系转移接续（含异地）", "生育津贴支付"]
    assert extract(normalize_text(text.replace("\t含异地）\t\n", ""))).items[0].name == "生育津贴支付"


def test_a_name_cells_note_comes_off_the_name_as_in_a_list():
    text = (
        "某市“跨省通办”事项清单\n序号\t事项名称\t责任单位\n"
        "1\t户口迁移（市公安局）\t市公安局\n2\t异地就医备案（全程网办）\t市医保局\n"
        "3\t医疗保障关系转移接续（含异地）\t市医保局\n"
    )
    items = extract_text(text).items
    assert [(i.name, i.modes) for i in items] == [
        ("户口迁移", ()),
        ("异地就医备案", ("全程网办",)),
        ("医疗保障关系转移接续（含异地）", ()),
    ]
    assert all(text[i.span[0] : i.span[1]] == i.name for i in items)


def test_a_scope_column_that_holds_modes_gives_modes_and_the_caption_gives_the_scope():
    """通办类型 heads a scope column on some pages and holds 全程网办 on others: a value goes
    where it belongs, and a row with no scope in its cells takes the caption's."""
    text = (
        "某市“跨省通办”服务事项目录\n"
        "序号\t服务事项名称\t通办类型\t实施部门\n"
        "1\t婚姻登记档案查询\t全程网办\t市民政局\n"
        "2\t居民户口簿补领\t异地代收代办、省内通办\t市公安局\n"
    )
    items = extract(normalize_text(text)).items
    assert [(i.name, i.scope, i.modes) for i in items] == [
        ("婚姻登记档案查询", ("跨省通办",), ("全程网办",)),
        ("居民户口簿补领", ("省内通办",), ("异地代收代办",)),
    ]


def test_the_lower_row_of_a_two_row_header_gives_the_roles():
    """责任单位 merged over 牵头单位 | 配合单位: the lower row says each column's role. The same
    sheet with no second header row keeps the upper one's."""
    header = "序号\t事项名称\t责任单位\t责任单位\t完成时限\n序号\t事项名称\t牵头单位\t配合单位\t完成时限\n"
    rows = "1\t生育登记\t某湖区卫生健康局\t某湖区民政局\t2024年9月30日前\n"
    caption = "某湖区“跨省通办”任务清单\n"
    result = extract_text(caption + header + rows)
    assert [(d.name, d.role) for d in result.departments] == [("某湖区卫生健康局", "lead"), ("某湖区民政局", "cooperate")]
    assert [[result.departments[i].role for i in item.departments] for item in result.items] == [["lead", "cooperate"]]
    one_row = extract_text(caption + header.split("\n")[0] + "\n" + rows)
    assert {d.role for d in one_row.departments} == {"responsible"}


def test_a_header_repeated_on_the_next_page_goes_on_with_the_same_table():
    text = (
        "某县“跨省通办”事项清单\n序号\t事项名称\t责任单位\n1\t生育津贴支付\t县医保局\n\n"
        "序号\t事项名称\t责任单位\n2\t抵押登记\t县自然资源局\n"
    )
    items = extract(normalize_text(text)).items
    assert [(i.name, i.scope, i.group) for i in items] == [
        ("生育津贴支付", ("跨省通办",), items[0].group),
        ("抵押登记", ("跨省通办",), items[0].group),
    ]
    # a different header after a blank line is another table
    other = text.replace("序号\t事项名称\t责任单位\n2", "序号\t服务事项\t实施部门\n2")
    second = extract(normalize_text(other)).items[1]
    assert second.scope == () and second.group != items[0].group


@pytest.mark.parametrize(
    "rows",
    [
        "1 户口迁移 省公安厅、省教育厅 2021年底前\n2 居民身份证换领 省公安厅 2021年6月底前\n",  # a PDF's text
        "1\t户口迁移\t省公安厅、省教育厅\t2021年底前\n2\t居民身份证换领\t省公安厅\t2021年6月底前\n",
        "1.户口迁移\t省公安厅、省教育厅\t2021年底前\n2.居民身份证换领\t省公安厅\t2021年6月底前\n",
    ],
)
def test_a_table_with_no_header_row_under_a_line_naming_tongban_items(rows):
    """Rows numbered 1, 2 with no 序号 | 事项名称 row over them: the number's own cell had made
    the first row the header, so its item was lost or linked to nothing."""
    text = "广东省人民政府办公厅关于印发第二批“跨省通办”事项清单的通知\n第二批“跨省通办”事项清单\n" + rows
    result = extract(normalize_text(text))
    departments, deadlines = result.departments, result.deadlines
    linked = [
        (i.name, i.scope, [departments[d].canonical for d in i.departments], [deadlines[d].date for d in i.deadlines])
        for i in result.items
    ]
    assert linked == [
        ("户口迁移", ("跨省通办",), ["广东省公安厅", "广东省教育厅"], ["2021-12-31"]),
        ("居民身份证换领", ("跨省通办",), ["广东省公安厅"], ["2021-06-30"]),
    ]
    assert {d.role for d in departments if d.name != "广东省人民政府办公厅"} == {"responsible"}


def test_a_headless_tables_name_may_open_with_its_service_verb():
    """首次申领居民身份证 names its service verb first: a row under no header took only names
    that end like a service, and lost it (the list-shapes bench, once gold 047's names joined)."""
    text = "第二批“跨省通办”事项清单\n1  商事登记  省市场监管局  2024年6月底前\n2  首次申领居民身份证  省公安厅  2024年6月底前\n"
    assert [item.name for item in extract(normalize_text(text)).items] == ["商事登记", "首次申领居民身份证"]


def test_rows_with_no_header_under_no_line_naming_tongban_items_are_no_items():
    text = "2021年工作情况\n1 户口迁移 省公安厅 2021年底前\n2 居民身份证换领 省公安厅 2021年底前\n"
    assert extract(normalize_text(text)).items == []


def test_a_scope_columns_short_values_are_the_scopes_they_name_and_a_receiving_unit_handles_the_item():
    """全国 and 省内 in a 通办范围 column are 全国通办 and 省内通办, so one scope is one value across
    documents; a 受理单位 column's body is responsible, as a 受理部门 column's is."""
    text = (
        "第二批“跨省通办”事项清单\n序号\t服务事项\t受理单位\t通办范围\n"
        "1\t户口迁移\t市公安局\t全国\n2\t异地就医备案\t市医保局\t省内、跨省\n3\t婚姻登记档案查询\t市民政局\t湾区\n"
    )
    result = extract_text(text)
    assert [(i.name, i.scope) for i in result.items] == [
        ("户口迁移", ("全国通办",)),
        ("异地就医备案", ("省内通办", "跨省通办")),
        ("婚姻登记档案查询", ("湾区通办",)),
    ]
    assert {d.role for d in result.departments} == {"responsible"}


@pytest.mark.parametrize(
    ("cell", "modes"),
    [
        ("★异地就医备案", ()),  # a list's marks: new this year, see the note, changed
        ("异地就医备案*", ()),
        ("异地就医备案▲", ()),
        ("异地就医备案（新增）", ()),  # what the list did with the item
        ("异地就医备案【全程网办】", ("全程网办",)),  # how it is done, in square brackets too
        ("异地就医备案[全程网办]", ("全程网办",)),
    ],
)
def test_a_names_marks_and_status_notes_are_no_part_of_it(cell, modes):
    text = (
        "某市人民政府办公室关于公布第二批“跨省通办”事项清单的通知\n各区人民政府：\n现将清单公布如下。\n"
        f"序号\t事项名称\t实施部门\n1\t{cell}\t市医保局\n2\t户口迁移\t市公安局\n"
    )
    items = extract(normalize_text(text)).items
    assert [(i.name, i.modes) for i in items] == [("异地就医备案", modes), ("户口迁移", ())]
    assert text[items[0].span[0] : items[0].span[1]] == "异地就医备案"


@pytest.mark.parametrize("header", ["事项名称", "办事事项", "业务项", "业务办理项", "办理项目", "高频事项"])
def test_the_ways_a_name_column_is_headed(header):
    text = (
        "某市人民政府办公室关于公布第二批“跨省通办”事项清单的通知\n各区人民政府：\n现将清单公布如下。\n"
        f"序号\t{header}\t实施部门\t通办模式\n1\t户口迁移\t市公安局\t全程网办\n2\t异地就医备案\t市医保局\t全程网办\n"
    )
    assert [i.name for i in extract(normalize_text(text)).items] == ["户口迁移", "异地就医备案"]


@pytest.mark.parametrize(
    ("header", "role"),
    [
        ("责任单位", "responsible"),
        ("牵头单位", "lead"),
        ("部门", "responsible"),
        ("办理机关", "responsible"),
        ("行业主管部门", "responsible"),
        ("牵头科室", "lead"),
        ("协助单位", "cooperate"),
        ("业务处室", "responsible"),
        ("备注", "mentioned"),
    ],
)
def test_a_column_headed_by_a_word_for_bodies_gives_an_item_rows_bodies_their_role(header, role):
    """A header cell names a column, no body: 行业主管部门 is no mention of its own."""
    text = (
        "某市人民政府办公室关于印发“跨省通办”任务清单的通知\n各区人民政府：\n现将清单印发如下。\n"
        f"序号\t事项名称\t{header}\t完成时限\n1\t户口迁移\t市公安局\t2022年6月\n2\t异地就医备案\t市医保局\t2022年9月30日\n"
    )
    found = [(d.name, d.role) for d in extract(normalize_text(text)).departments]
    assert found == [("某市人民政府办公室", "mentioned"), ("市公安局", role), ("市医保局", role)]


def test_a_channel_column_gives_no_modes_but_the_modes_it_names():
    text = (
        "第三批“跨省通办”事项及办理渠道\n"
        "序号\t事项名称\t办理部门\t办理渠道\t咨询电话\n"
        "1\t高校毕业生就业报到\t市人力资源和社会保障局\t湖南政务服务网、“湘易办”APP\t0734-8868123\n"
        "2\t机动车驾驶人信息变更\t市公安局交通警察支队\t交管12123APP\t0734-12123\n"
        "3\t住房公积金缴存证明开具\t市住房公积金管理中心\t全程网办、线下窗口\t0734-12329\n"
    )
    modes = {i.name: i.modes for i in extract_text(text).items}
    assert modes == {"高校毕业生就业报到": (), "机动车驾驶人信息变更": (), "住房公积金缴存证明开具": ("全程网办",)}


def test_a_name_a_word_cell_carried_to_a_new_paragraph_is_one_name():
    text = "第二批“跨省通办”事项清单\n序号\t事项名称\t责任单位\n1\t城乡居民基本养老保险关系；转移接续\t市人社局\n"
    assert [i.name for i in extract_text(text).items] == ["城乡居民基本养老保险关系转移接续"]


def test_a_task_tables_items_column_holds_items_only_where_they_read_as_services():
    text = (
        "“跨省通办”重点任务分工\n序号\t重点任务\t涉及事项\t责任单位\n"
        "1\t推进社保服务\t社会保障卡申领；失业保险金申领\t市人社局\n"
        "2\t优化窗口服务\t优化线下窗口\t市政务服务中心\n"
    )
    assert [i.name for i in extract_text(text).items] == ["社会保障卡申领", "失业保险金申领"]


def test_a_tables_caption_gives_its_rows_their_batch():
    text = (
        "在首批事项基础上，现将第二批“跨省通办”事项清单公布如下：\n"
        "序号\t事项名称\t责任单位\n1\t户口迁移\t市公安局\n2\t婚姻登记\t市民政局\n\n"
        "附件2\n序号\t事项名称\t责任单位\n1\t异地就医备案\t市医保局\n"
    )
    assert [(i.name, i.batch) for i in extract_text(text).items] == [
        ("户口迁移", "第二批"),
        ("婚姻登记", "第二批"),
        ("异地就医备案", None),
    ]


def test_a_mode_in_a_scope_column_is_a_mode():
    text = (
        "“跨省通办”事项清单\n序号\t事项名称\t实施部门\t通办类型\n"
        "1\t住房公积金单位登记开户\t省住房公积金管理中心\t代收代办\n2\t就业登记\t省人社厅\t跨省通办\n"
    )
    ways = {i.name: (i.scope, i.modes) for i in extract_text(text).items}
    assert ways == {"住房公积金单位登记开户": (("跨省通办",), ("代收代办",)), "就业登记": (("跨省通办",), ())}
