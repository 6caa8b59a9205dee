"""HTML pages: structure, chrome, titles, tables with merged cells."""

from __future__ import annotations

from extractors import extract, normalize_text
from sources import RawDocument, read_text
from sources.html import html_to_text


def test_html_keeps_structure_and_drops_ruby_and_chrome():
    html = (
        '<html><head><meta charset="utf-8"><script>var a = "跨省通办";</script><style>p{}</style></head>'
        "<body><nav>首页 | 政策</nav><h1>关于<ruby>通<rp>(</rp><rt>tōng</rt><rp>)</rp></ruby>办的通知</h1>"
        "<p>各地级以上市医疗保障局：</p><table><tr><th>序号</th><th>事项名称\n（子项）</th></tr>"
        "<tr><td>1</td><td>生育津贴\n支付</td></tr></table><footer>版权所有</footer></body></html>"
    )
    text = html_to_text(html)
    assert "关于通办的通知" in text and "tōng" not in text
    assert "序号\t事项名称（子项）" in text and "1\t生育津贴支付" in text
    assert "首页" not in text and "版权所有" not in text and "var a" not in text


def test_gbk_html_with_meta_charset():
    html = '<html><head><meta charset="gb2312"></head><body><p>异地就医备案</p></body></html>'
    doc = RawDocument.from_bytes("page.html", html.encode("gb18030"), "html")
    assert read_text(doc).text.strip() == "异地就医备案"


def test_html_chrome_by_class_and_link_lists_are_dropped():
    html = (
        '<html><body><div class="top-navBar"><div><a href="/">首页</a></div><a href="/zw">政务公开</a></div>'
        '<div class="crumb">当前位置：<a href="/">首页</a> > 通知公告</div>'
        '<div class="article"><h1>关于做好异地就医备案工作的通知</h1>'
        "<div><p>各市医疗保障局：</p><p>现将有关事项通知如下。</p>"
        '<p>附件：<a href="a.pdf">异地就医备案事项清单</a></p>'
        '<table><tr><td><a href="g1">异地就医备案</a></td><td><a href="g2">全程网办</a></td></tr></table></div></div>'
        '<ul><li><a href="/1">国务院办公厅关于加快推进政务服务“跨省通办”的指导意见</a></li>'
        '<li><a href="/2">省医保局召开工作会议</a></li></ul>'
        '<div id="share-bar">分享到：<a>微信</a></div><div class="copyright">版权所有：某某市人民政府</div>'
        "</body></html>"
    )
    lines = [line for line in html_to_text(html).split("\n") if line]
    assert lines[:3] == ["关于做好异地就医备案工作的通知", "各市医疗保障局：", "现将有关事项通知如下。"]
    assert "附件：异地就医备案事项清单" in lines and "异地就医备案\t全程网办" in lines
    for chrome in ("首页", "政务公开", "当前位置", "指导意见", "工作会议", "分享到", "版权所有"):
        assert not any(chrome in line for line in lines), chrome


CITY_PAGE = (
    '<html><head><meta charset="utf-8"><title>某市医疗保障局关于做好异地就医备案工作的通知_某市人民政府</title></head><body>'
    '<div class="top"><div class="wza">无障碍</div></div>'
    '<div class="wz">当前位置：<a href="/">首页</a> &gt; <a href="/zw">政务公开</a> &gt; 通知公告</div>'
    '<div class="main"><div class="title">某市医疗保障局关于做好异地就医备案工作的通知</div>'
    "<p>各县（市、区）医疗保障局：</p><p>一、2021年12月底前，实现异地安置退休人员备案“跨省通办”。（责任单位：市医保中心）</p>"
    "<p>某市医疗保障局</p><p>2021年6月1日</p>"
    '<div class="fx">分享到：<a>微信</a><a>微博</a></div></div>'
    '<div class="foot"><p>主办单位：某市人民政府办公室　承办单位：某市大数据中心</p><p>备案号：某ICP备12345678号</p></div>'
    "</body></html>"
)


def test_chrome_in_plainly_named_divs_is_dropped():
    text = html_to_text(CITY_PAGE)
    for chrome in ("无障碍", "当前位置", "分享到", "主办单位", "ICP备"):
        assert chrome not in text
    assert "（责任单位：市医保中心）" in text and "2021年6月1日" in text
    extraction = extract(normalize_text(text))
    assert "某市人民政府办公室" not in {d.canonical for d in extraction.departments}


def test_what_the_page_never_shows_is_not_read():
    """A print copy kept display:none, a hidden old version: a reader sees neither; a cell the
    style hides still holds its column."""
    page = (
        "<html><body><h1>关于推进户口迁移“跨省通办”的通知</h1><p>正文：推进户口迁移“跨省通办”。</p>"
        '<div style="display: none">旧版：推进婚姻登记“跨省通办”。</div><p hidden>隐藏的段落。</p>'
        '<span style="VISIBILITY:hidden">看不见</span>'
        '<table><tr><td>1</td><td style="display:none">备用</td><td>失业登记</td></tr></table></body></html>'
    )
    text = html_to_text(page)
    assert "正文" in text and not any(word in text for word in ("旧版", "隐藏", "看不见"))
    assert "1\t备用\t失业登记" in text


def test_page_title_loses_the_site_name_and_is_not_repeated():
    head = "<html><head><title>2亿多流动人口异地办事更容易--社会·法治--人民网</title></head><body>"
    with_h1 = html_to_text(head + "<h1>2亿多流动人口异地办事更容易</h1><p>国务院办公厅日前印发意见。</p></body></html>")
    assert with_h1.startswith("2亿多流动人口异地办事更容易\n") and "人民网" not in with_h1
    assert with_h1.count("2亿多流动人口异地办事更容易") == 1
    title_only = html_to_text(
        "<html><head><title>关于做好异地就医备案工作的通知_广东省医疗保障局</title></head>"
        "<body><p>各地级以上市医疗保障局：</p></body></html>"
    )
    assert title_only.startswith("关于做好异地就医备案工作的通知\n") and "广东省医疗保障局\n" not in title_only
    # a bare hyphen between Han words parts the site's name too; not one between digits
    hyphen = html_to_text(
        "<html><head><title>关于推进“跨省通办”的通知-某华区人民政府</title></head><body><h2>关于推进“跨省通办”的通知</h2></body></html>"
    )
    assert hyphen == "关于推进“跨省通办”的通知\n"
    years = html_to_text("<html><head><title>某市2021-2023年“跨省通办”工作方案</title></head><body><p>正文。</p></body></html>")
    assert years.startswith("某市2021-2023年“跨省通办”工作方案\n")


def test_a_portals_tag_after_the_pages_heading_does_not_make_a_second_title():
    """<title> 异地就医登记备案（跨省通办）_… over <h1>异地就医登记备案: the bracket is the portal's tag,
    and the heading is the page's title. A <title> whose bracket closes no heading still opens the text."""
    head = "<html><head><title>异地就医登记备案（跨省通办）_办事指南_某阳市政务服务网</title></head><body>"
    tagged = html_to_text(head + "<h1>异地就医登记备案</h1><p>事项名称：异地就医登记备案</p></body></html>")
    assert tagged.startswith("异地就医登记备案\n") and "（跨省通办）" not in tagged
    untagged = html_to_text(head + "<p>事项名称：异地就医登记备案</p></body></html>")
    assert untagged.startswith("异地就医登记备案（跨省通办）\n")


def test_a_portal_title_shorter_than_the_pages_heading_gives_way_to_it():
    """The <title> dropped the issuer and a word; the <h1> holds all of it, in order."""
    page = (
        "<html><head><title>关于推进“跨省通办”的通知_某市人民政府</title></head><body>"
        "<h1>某市人民政府办公室关于推进政务服务“跨省通办”的通知</h1>"
        "<p>各区人民政府：</p><p>现推动异地就医备案、户口迁移等2项“跨省通办”。</p></body></html>"
    )
    document = extract(normalize_text(html_to_text(page))).document
    assert document.title == "某市人民政府办公室关于推进政务服务“跨省通办”的通知"
    other = page.replace(
        "<h1>某市人民政府办公室关于推进政务服务“跨省通办”的通知</h1>", "<h1>某市关于做好异地就医备案工作的通知</h1>"
    )
    assert extract(normalize_text(html_to_text(other))).document.title == "关于推进“跨省通办”的通知"  # another title


def test_html_item_table_rows_are_consecutive_lines_and_yield_items():
    html = (
        "<html><body><p>附件</p><table border='1'><tr><td>序号</td><td>事项名称</td><td>责任单位</td></tr>\n"
        "<tr><td>1</td><td>生育津贴<br>支付</td><td>省医疗保障局</td></tr>\n"
        "<tr><td>2</td><td>异地就医备案</td><td>各地级以上市医疗保障局</td></tr></table></body></html>"
    )
    text = html_to_text(html)
    assert "序号\t事项名称\t责任单位\n1\t生育津贴支付\t省医疗保障局\n2\t异地就医备案" in text
    result = extract(normalize_text(text))
    assert [i.name for i in result.items] == ["生育津贴支付", "异地就医备案"]
    assert {(d.canonical, d.role) for d in result.departments} >= {("各地级以上市医疗保障局", "responsible")}


def test_a_self_closing_br_is_one_break_in_a_cell_and_outside_it():
    html = (
        "<html><body><p>第一行<br/>第二行</p><table border='1'><tr><td>序号</td><td>事项名称</td></tr>\n"
        "<tr><td>1</td><td>住房公积金个人账户<br/>设立</td></tr>\n<tr><td>2</td><td>异地就医备案</td></tr></table></body></html>"
    )
    text = html_to_text(html)
    assert "第一行\n第二行" in text
    assert "1\t住房公积金个人账户设立\n2\t异地就医备案" in text


def test_a_br_inside_a_list_entry_wraps_a_names_tail_or_breaks_the_line():
    wrapped = "<ul><li>1.异地就医<br>备案</li><li>2.住房公积金<br/>提取</li></ul>"
    assert html_to_text(wrapped).split() == ["1.异地就医备案", "2.住房公积金提取"]
    # a second name, a labelled note, names set one per line: line breaks as before
    assert html_to_text("<ul><li>户口迁移<br>婚姻登记<br>出生</li></ul>").split() == ["户口迁移", "婚姻登记", "出生"]
    assert html_to_text("<ul><li>异地就医备案<br>责任单位：市医保局</li></ul>").split() == ["异地就医备案", "责任单位：市医保局"]
    assert html_to_text("<ul><li>异地就医备案<br>户口迁移</li></ul>").split() == ["异地就医备案", "户口迁移"]
    # outside a list entry a <br> is a line break, even after an entry whose end tag is left out
    assert html_to_text("<ul><li>户口迁移</ul><p>异地就医<br>备案</p>").split() == ["户口迁移", "异地就医", "备案"]


def test_word_exported_cells_keep_their_paragraphs_in_the_row():
    """Word's HTML puts every cell's text in <p>, one per line of the cell."""
    html = (
        "<html><body><p>某县“省内通办”事项清单</p><table class='MsoTableGrid'><thead><tr><th><p>序号</p></th>"
        "<th><p><span>事项</span><span>名称</span></p></th><th><p>责任单位</p></th></tr></thead><tbody>"
        "<tr><td><p>1</p></td><td><p><span>失业保险金</span></p><p><span>申领</span></p></td><td><p>县人力社保局</p></td></tr>"
        "<tr><td><p>2</p></td><td><p>城乡居民养老保险参保登记</p></td><td><p>县人力社保局</p></td></tr></tbody></table></body></html>"
    )
    text = html_to_text(html)
    assert "1\t失业保险金申领\t县人力社保局\n2\t城乡居民养老保险参保登记" in text
    result = extract(normalize_text(text))
    assert [(i.name, i.scope) for i in result.items] == [
        ("失业保险金申领", ("省内通办",)),
        ("城乡居民养老保险参保登记", ("省内通办",)),
    ]


def test_a_layout_table_keeps_its_paragraphs_and_the_table_inside_it():
    html = (
        "<html><body><table><tr><td><a href='/'>首页</a></td><td>"
        "<p>关于做好医保经办“跨省通办”工作的通知</p><p>现将有关事项通知如下。<br>一、总体要求</p>"
        "<table><tr><td>序号</td><td>事项名称</td></tr><tr><td>1</td><td>异地就医备案</td></tr></table>"
        "<p>广东省医疗保障局</p></td></tr></table></body></html>"
    )
    text = html_to_text(html)
    assert "现将有关事项通知如下。\n一、总体要求" in text  # a <br> in running text breaks the line
    assert "序号\t事项名称\n1\t异地就医备案" in text
    result = extract(normalize_text(text))
    assert result.document.title == "关于做好医保经办“跨省通办”工作的通知"
    assert [i.name for i in result.items] == ["异地就医备案"]


def test_html_merged_cells_are_repeated_where_they_span():
    html = (
        "<table><tr><td>序号</td><td>事项名称（主项）</td><td>事项名称（子项）</td><td>责任单位</td></tr>"
        "<tr><td>1</td><td rowspan='3'>生育保险待遇核准支付</td><td>生育津贴支付</td><td rowspan='3'>省医疗保障局</td></tr>"
        "<tr><td>2</td><td>生育医疗费支付</td></tr><tr><td>3</td><td>产前检查费支付</td></tr>"
        "<tr><td colspan='2'>合计</td><td>3项</td><td></td></tr></table>"
    )
    lines = html_to_text(html).splitlines()
    assert lines[2] == "2\t生育保险待遇核准支付\t生育医疗费支付\t省医疗保障局"
    assert lines[4] == "合计\t合计\t3项\t"
    items = extract(normalize_text(html_to_text(html))).items
    assert [(i.name, i.main_item) for i in items] == [
        ("生育津贴支付", "生育保险待遇核准支付"),
        ("生育医疗费支付", "生育保险待遇核准支付"),
        ("产前检查费支付", "生育保险待遇核准支付"),
    ]


def test_html_tables_without_end_tags_and_back_to_back_keep_their_own_headers():
    html = (
        "<table><tr><td>序号<td>事项名称<td>责任单位<tr><td>1<td>生育津贴支付<td>省医疗保障局</table>"
        "<table><tr><td>序号<td>事项名称<td>牵头单位<tr><td>1<td>异地就医备案<td>省医疗保障局</table>"
    )
    result = extract(normalize_text(html_to_text(html)))
    assert [i.name for i in result.items] == ["生育津贴支付", "异地就医备案"]
    assert [d.role for d in result.departments] == ["responsible", "lead"]


def test_a_two_row_header_over_main_and_sub_items():
    html = (
        "<table><tr><td rowspan='2'>序号</td><td colspan='2'>事项名称</td><td rowspan='2'>通办目标</td></tr>"
        "<tr><td>主项</td><td>子项</td></tr>"
        "<tr><td>1</td><td rowspan='2'>生育保险待遇核准支付</td><td>生育津贴支付</td><td>跨省通办</td></tr>"
        "<tr><td>2</td><td>生育医疗费支付</td><td>省内通办</td></tr></table>"
    )
    items = extract(normalize_text(html_to_text(html))).items
    assert [(i.name, i.main_item, i.scope) for i in items] == [
        ("生育津贴支付", "生育保险待遇核准支付", ("跨省通办",)),
        ("生育医疗费支付", "生育保险待遇核准支付", ("省内通办",)),
    ]


def test_a_group_heading_row_spanning_the_table_is_not_an_item():
    html = (
        "<html><body><p>附件：某市“跨省通办”事项清单</p><table border='1'>"
        "<tr><td>序号</td><td>事项名称</td><td>责任单位</td></tr>"
        "<tr><td colspan='3'>一、社会保障类（2项）</td></tr>"
        "<tr><td>1</td><td>失业保险金申领</td><td>市人社局</td></tr>"
        "<tr><td>2</td><td>（二）医疗保障</td><td></td></tr>"
        "<tr><td>3</td><td>异地就医登记备案</td><td>市医保局</td></tr></table></body></html>"
    )
    result = extract(normalize_text(html_to_text(html)))
    assert [i.name for i in result.items] == ["失业保险金申领", "异地就医登记备案"]


def test_a_catalog_of_tagged_links_keeps_its_entries_and_what_stands_beside_them():
    """<li><a>【跨省通办】事项</a><span>县民政局</span></li>: one link a line reads like a menu,
    but a link that opens with its tag is a catalog's entry, and the body beside it is a cell."""
    html = (
        "<html><head><title>跨省通办事项目录_某县人民政府</title></head><body>"
        "<div class='nav'><a href='/'>首页</a> | <a href='/zw'>政务服务</a></div>"
        "<h1>兴国县“跨省通办”事项目录</h1><ul>"
        "<li><a href='/1'>【跨省通办】婚姻登记档案查询</a><span>县民政局</span></li>"
        "<li><a href='/2'>【跨省通办】城乡居民养老保险参保登记</a></li>"
        "</ul><ul><li><a href='/n1'>某县召开政务服务工作推进会议</a></li></ul></body></html>"
    )
    text = html_to_text(html)
    assert text.startswith("兴国县“跨省通办”事项目录")  # the <title> is the <h1> without its quotes
    assert "【跨省通办】婚姻登记档案查询\t县民政局" in text
    assert "【跨省通办】城乡居民养老保险参保登记" in text
    assert "推进会议" not in text  # an untagged link alone on its line is still a menu's
    result = extract(normalize_text(text))
    assert [(i.name, i.scope) for i in result.items] == [
        ("婚姻登记档案查询", ("跨省通办",)),
        ("城乡居民养老保险参保登记", ("跨省通办",)),
    ]
    assert [(d.canonical, d.role) for d in result.departments] == [("兴国县民政局", "responsible")]
    assert result.items[0].departments == (0,)


def test_a_list_of_news_links_with_their_dates_is_still_a_menu():
    html = (
        "<p>正文第一段。</p><ul><li><a href='/1'>某县召开政务服务工作推进会议</a><span>2022-08-15</span></li>"
        "<li><a href='/2'>某县开展政务服务窗口业务培训</a><span>2022-08-10</span></li></ul>"
    )
    assert html_to_text(html) == "正文第一段。\n"


def test_an_untagged_catalog_under_a_heading_that_names_its_items():
    """A catalog's heading (兴国县“跨省通办”事项目录), its publish line, then one link a line with
    its body beside it: the heading says which items these are, as a tag does."""
    html = (
        "<h1>兴国县“跨省通办”事项目录</h1><div>发布时间：2022-08-15</div><ul>"
        "<li><a href='/1'>婚姻登记档案查询</a><span>县民政局</span></li>"
        "<li><a href='/2'>城乡居民养老保险参保登记</a><span>县人社局</span></li></ul>"
    )
    result = extract(normalize_text(html_to_text(html)))
    assert [(i.name, i.scope) for i in result.items] == [
        ("婚姻登记档案查询", ("跨省通办",)),
        ("城乡居民养老保险参保登记", ("跨省通办",)),
    ]
    assert [(d.canonical, d.role) for d in result.departments] == [
        ("兴国县民政局", "responsible"),
        ("兴国县人力资源和社会保障局", "responsible"),
    ]
    # under a notice's title, lines of measures are no catalog
    text = "关于推进“跨省通办”的通知\n\n优化窗口设置\n加强人员培训\n"
    assert extract(normalize_text(text)).items == []


def test_an_html_cells_paragraphs_are_its_pieces_and_a_line_break_wraps_it():
    """Word's HTML export keeps a <p> per paragraph: two in one cell are two pieces (two items,
    two bodies), as in a .docx; a name's short tail carried to its own <p> and a <br> wrap it."""
    html = (
        "<p>第二批“跨省通办”事项清单</p><table><tr><td>序号</td><td>事项名称</td><td>责任单位</td></tr>"
        "<tr><td>1</td><td><p>社会保障卡申领</p><p>失业保险金申领</p></td><td><p>市人社局</p><p>市医保局</p></td></tr>"
        "<tr><td>2</td><td><p>失业保险金</p><p>申领</p></td><td>市人力资源<br>社会保障局</td></tr></table>"
    )
    text = html_to_text(html)
    assert "1\t社会保障卡申领；失业保险金申领\t市人社局；市医保局" in text
    assert "2\t失业保险金申领\t市人力资源社会保障局" in text
    extraction = extract(normalize_text(text))
    assert [i.name for i in extraction.items] == ["社会保障卡申领", "失业保险金申领", "失业保险金申领"]
