"""Tables built of blocks (div rows of div cells, li rows) read as tab rows, as <table> rows are."""

from __future__ import annotations

import pytest

from extractors import extract, normalize_text
from sources.html import html_to_text

DIV_ROWS = (
    "<html><body><p>现将我市第二批“跨省通办”事项清单公布如下。</p><div class='list'>"
    "<div class='row'><div>序号</div><div>事项名称</div><div>责任单位</div></div>\n"
    "<div class='row'><div>1</div><div><p>内地居民婚姻登记</p></div><div>市民政局</div></div>\n"
    "<div class='row'><div>2</div><div>灵活就业人员参保登记</div><div>市社会保险服务中心</div></div>"
    "</div><p>联系电话：0731-28680012。</p></body></html>"
)


def test_div_rows_of_div_cells_are_tab_rows():
    lines = html_to_text(DIV_ROWS).splitlines()
    assert "序号\t事项名称\t责任单位" in lines
    assert "1\t内地居民婚姻登记\t市民政局" in lines
    assert "2\t灵活就业人员参保登记\t市社会保险服务中心" in lines
    assert "联系电话：0731-28680012。" in lines


def test_div_rows_give_items_with_their_row_bodies():
    extraction = extract(normalize_text(html_to_text(DIV_ROWS)))
    handled = {i.name: [extraction.departments[d].name for d in i.departments] for i in extraction.items}
    assert handled == {"内地居民婚姻登记": ["市民政局"], "灵活就业人员参保登记": ["市社会保险服务中心"]}


def test_list_entries_of_block_cells_are_tab_rows_with_end_tags_left_out():
    html = (
        "<ul><li><div>异地就医备案</div><div>市医保局</div><div>全程网办</div>"
        "<li><div>户口迁移</div><div>市公安局</div><div>异地代收代办</div></ul>"
    )
    lines = html_to_text(html).splitlines()
    assert lines[:2] == ["异地就医备案\t市医保局\t全程网办", "户口迁移\t市公安局\t异地代收代办"]


def test_paragraphs_two_by_two_are_no_table():
    html = (
        "<div><div><p>一、工作目标</p><p>2024年底前，实现15项事项“跨省通办”。</p></div>"
        "<div><p>二、工作要求</p><p>各地要加强组织领导，确保按期完成。</p></div></div>"
    )
    assert "\t" not in html_to_text(html)


def test_a_row_with_words_beside_its_cells_is_no_table_row():
    html = "<div><li>1. <div>异地就医备案</div><div>市医保局</div></li><li>2. <div>户口迁移</div><div>市公安局</div></li></div>"
    assert "\t" not in html_to_text(html)


def test_list_entries_of_span_cells_are_tab_rows():
    html = (
        "<p>我市“跨省通办”事项目录如下：</p><ul class='list'>"
        "<li><span class='no'>1</span><span class='name'>异地就医登记备案</span><span class='dept'>市医疗保障局</span></li>"
        "<li><span class='no'>2</span><span class='name'>户口迁移</span><span class='dept'>市公安局</span></li></ul>"
    )
    text = html_to_text(html)
    assert "1\t异地就医登记备案\t市医疗保障局\n2\t户口迁移\t市公安局" in text
    extraction = extract(normalize_text(text))
    assert [(i.name, [extraction.departments[d].name for d in i.departments]) for i in extraction.items] == [
        ("异地就医登记备案", ["市医疗保障局"]),
        ("户口迁移", ["市公安局"]),
    ]


def test_paragraphs_split_into_runs_are_no_rows():
    html = "<div><p><span>1.</span><span>异地就医备案</span></p><p><span>2.</span><span>户口迁移</span></p></div>"
    assert [line for line in html_to_text(html).splitlines() if line] == ["1.异地就医备案", "2.户口迁移"]


@pytest.mark.parametrize(
    ("html", "link_text"),
    [
        (  # a menu of link blocks
            "<div class='menu'><div><div><a href='/a'>政务公开</a></div><div><a href='/b'>政策文件</a></div></div>"
            "<div><div><a href='/c'>办事服务</a></div><div><a href='/d'>互动交流</a></div></div></div>",
            "政务公开",
        ),
        (  # a news list: each entry's date before its link
            "<ul class='news'><li><span class='date'>2024-05-10</span><span><a href='/1'>我市新增10项“跨省通办”事项</a></span></li>"
            "<li><span class='date'>2024-05-02</span><span><a href='/2'>异地就医备案实现“跨省通办”</a></span></li></ul>",
            "新增10项",
        ),
    ],
)
def test_grids_of_links_stay_link_lists_and_are_dropped(html, link_text):
    text = html_to_text(html + "<p>现将有关事项通知如下。</p>")
    assert "\t" not in text and link_text not in text and "现将有关事项通知如下。" in text


def test_a_page_nested_thousands_deep_is_read():
    """Deep nesting (a page builder's wrappers) neither breaks the reader nor loses the cells'
    text; how long it takes is measured in bench/RESULTS.md, not here."""
    html = "<div>" * 5000 + "<div>异地就医备案</div><div>户口迁移</div>" + "</div>" * 5000
    assert html_to_text(html).split() == ["异地就医备案", "户口迁移"]
