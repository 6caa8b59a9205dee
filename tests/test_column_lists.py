"""Items from tables whose cells are the items: a column per batch, scope or mode, or a grid
of names under a line that introduces them."""

from __future__ import annotations

from extractors import extract, extract_text, normalize_text
from sources.html import html_to_text

BATCH_COLUMNS = """<html><head><meta charset="utf-8"><title>我县两批“跨省通办”事项一览</title></head><body>
<h1>我县两批“跨省通办”事项一览</h1>
<p>目前，我县已分两批推出“跨省通办”事项，具体如下表：</p>
<table border="1">
<tr><th>第一批（2023年）</th><th>第二批（2024年）</th></tr>
<tr><td>异地就医登记备案</td><td>失业保险金申领</td></tr>
<tr><td>户口迁移</td><td>职业资格证书核验</td></tr>
<tr><td>婚姻登记</td><td>医保关系转移接续</td></tr>
</table></body></html>"""


def _items(raw: str):
    return extract(normalize_text(html_to_text(raw))).items


def test_a_column_per_batch_lists_its_batch_down_the_column():
    items = _items(BATCH_COLUMNS)
    assert [(i.name, i.batch) for i in items] == [
        ("异地就医登记备案", "第一批"),
        ("户口迁移", "第一批"),
        ("婚姻登记", "第一批"),
        ("失业保险金申领", "第二批"),
        ("职业资格证书核验", "第二批"),
        ("医保关系转移接续", "第二批"),
    ]
    assert {i.scope for i in items} == {("跨省通办",)}  # the caption's scope
    assert len({i.group for i in items[:3]} | {i.group for i in items[3:]}) == 2


def test_a_column_per_scope_gives_its_scope_and_checks_its_count():
    text = (
        "现将我市“通办”事项公布如下。\n\n"
        "跨省通办（2项）\t省内通办（3项）\n"
        "1.异地就医登记备案\t1.住房公积金提取\n"
        "2.户口迁移\t2.社会保障卡申领\n"
        "\t3.残疾人证迁移\n"
    )
    extraction = extract_text(text)
    assert [(i.name, i.scope) for i in extraction.items] == [
        ("异地就医登记备案", ("跨省通办",)),
        ("户口迁移", ("跨省通办",)),
        ("住房公积金提取", ("省内通办",)),
        ("社会保障卡申领", ("省内通办",)),
        ("残疾人证迁移", ("省内通办",)),
    ]
    assert [(c.stated, c.found, text[c.span[0] : c.span[1]]) for c in extraction.count_checks] == [
        (2, 2, "（2项）"),
        (3, 3, "（3项）"),
    ]
    first = extraction.items[0]
    assert text[first.span[0] : first.span[1]] == "异地就医登记备案"


def test_a_grid_of_names_under_a_line_that_introduces_them():
    text = (
        "近日，区政务服务中心新增以下第三批“跨省通办”事项：\n\n"
        "异地就医登记备案\t户口迁移\t婚姻登记\n"
        "职业资格证书核验\t失业保险金申领\t个体工商户设立登记\n\n"
        "下一步，区政务服务中心将持续扩大通办范围。\n"
    )
    items = extract_text(text).items
    assert [i.name for i in items] == [
        "异地就医登记备案",
        "户口迁移",
        "婚姻登记",
        "职业资格证书核验",
        "失业保险金申领",
        "个体工商户设立登记",
    ]
    assert {(i.scope, i.batch, i.method) for i in items} == {(("跨省通办",), "第三批", "table")}
    assert all("\t" not in i.name for i in items)


def test_a_grid_no_line_introduces_is_no_list():
    text = "区政务服务中心设有以下窗口。\n\n异地就医登记备案\t户口迁移\n婚姻登记\t失业保险金申领\n"
    assert extract_text(text).items == []


def test_batch_columns_of_figures_hold_no_items():
    text = "我省两批“跨省通办”事项办件情况如下：\n\n第一批\t第二批\n12万件\t8万件\n同比增长10%\t同比增长20%\n"
    assert extract_text(text).items == []


def test_a_table_with_an_item_name_column_is_left_to_the_item_table_reader():
    text = "第二批“跨省通办”事项清单如下：\n序号\t事项名称\t责任单位\n1\t户口迁移\t市公安局\n2\t婚姻登记\t市民政局\n"
    items = extract_text(text).items
    assert [(i.name, i.batch) for i in items] == [("户口迁移", "第二批"), ("婚姻登记", "第二批")]  # once each


def test_a_body_heading_a_column_handles_the_items_under_it():
    text = (
        "各部门承担的“跨省通办”事项如下：\n\n"
        "市公安局\t市人力资源社会保障局\n"
        "户口迁移\t失业保险金申领\n"
        "居民身份证换领\t职业资格证书核验\n"
    )
    extraction = extract_text(text)
    handled = {i.name: [extraction.departments[d].canonical for d in i.departments] for i in extraction.items}
    assert handled == {
        "户口迁移": ["市公安局"],
        "居民身份证换领": ["市公安局"],
        "失业保险金申领": ["市人力资源和社会保障局"],
        "职业资格证书核验": ["市人力资源和社会保障局"],
    }
    assert {d.role for d in extraction.departments} == {"responsible"}
