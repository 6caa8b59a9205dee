"""Sources: folder discovery, sniffing, HTML and PDF readers, bad input as clear errors."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from extractors import extract, normalize_text
from pipeline.cli import main
from pipeline.work import normalize_document, process
from sources import IngestError, RawDocument, ReadError, discover, read_text
from sources.html import html_to_text
from sources.sniff import sniff_kind
from tests.conftest import NEWS_004, SEED_003, write_image_only_pdf, write_newspaper_pdf, write_table_pdf, write_text_pdf


def test_folder_discovery_is_recursive_sorted_and_keyed_by_content(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text("第二份通知", encoding="utf-8")
    (tmp_path / "one.txt").write_text("第一份通知", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("skip", encoding="utf-8")
    found = list(discover(tmp_path))
    assert [d.uri for d in found] == ["b/two.txt", "one.txt"]
    assert all(isinstance(d, RawDocument) and len(d.sha256) == 64 for d in found)


def test_missing_folder_is_an_error_not_a_crash(tmp_path):
    (error,) = list(discover(tmp_path / "nope"))
    assert isinstance(error, IngestError) and error.error_type == "missing_source"


@pytest.mark.parametrize(
    "data, name, error_type",
    [
        (b"", "a.txt", "empty"),
        (b"  \n ", "a.txt", "empty"),
        (bytes(range(256)) * 4, "a.txt", "binary"),
        (b"hello", "a.pdf", "pdf_broken"),
    ],
)
def test_sniffing_rejects_junk_with_a_type(data, name, error_type):
    with pytest.raises(ReadError) as caught:
        sniff_kind(data, name)
    assert caught.value.error_type == error_type


def test_sniffing_trusts_bytes_over_names():
    assert sniff_kind(b"<!DOCTYPE html><html><body>x</body></html>", "saved.txt") == "html"
    assert sniff_kind(b"%PDF-1.4 ...", "noext") == "pdf"
    assert sniff_kind("通知".encode("gb18030"), "x.txt") == "txt"


def test_gbk_and_big5_files_decode(tmp_path):
    text = "国务院办公厅关于加快推进政务服务“跨省通办”的指导意见"
    gbk = RawDocument.from_bytes("gbk.txt", text.encode("gb18030"), "txt")
    assert read_text(gbk).text == text and read_text(gbk).encoding == "gb18030"
    big5 = RawDocument.from_bytes(
        "big5.txt", "國務院辦公廳關於加快推進政務服務跨省通辦的指導意見，現予印發。".encode("big5"), "txt"
    )
    assert "國務院辦公廳" in read_text(big5).text


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


def test_pdf_text_layer(tmp_path):
    path = write_text_pdf(
        tmp_path / "notice.pdf",
        ["广东省医疗保障局关于印发工作方案的通知", "（完成时限：5月25日前，责任单位：各地级以上市医疗保障局。）"],
    )
    doc = RawDocument.from_bytes("notice.pdf", path.read_bytes(), "pdf")
    text = read_text(doc).text
    assert "完成时限：5月25日前" in text


def test_pdf_table_rows_join_wrapped_cells(tmp_path):
    rows = [
        ["1", "医保定点医疗机构基础信息变更", "医保定点医疗机构基础信息变更", "省内通办；跨省通办"],
        ["2", "生育保险待遇核准支付", "产前检查费支付", "省内通办；跨省通办"],
    ]
    header = ["序号", "事项名称（主项）", "事项名称（子项）", "通办目标"]
    path = write_table_pdf(tmp_path / "table.pdf", "工作进展情况表", header, rows, [30, 90, 90, 110])
    doc = normalize_document(RawDocument.from_bytes("table.pdf", path.read_bytes(), "pdf"))
    items = extract(doc.normalized).items
    assert [(i.name, i.main_item) for i in items] == [(r[2], r[1]) for r in rows]


@pytest.mark.parametrize(
    "make, error_type",
    [
        (lambda p: write_text_pdf(p, ["加密的通知"], encrypt="secret"), "pdf_encrypted"),
        (lambda p: p.write_bytes(write_text_pdf(p, ["被截断的通知"] * 40).read_bytes()[:600]), "pdf_broken"),
        (write_image_only_pdf, "no_text_layer"),
    ],
)
def test_bad_pdfs_become_typed_errors(tmp_path, make, error_type):
    path = tmp_path / "bad.pdf"
    make(path)
    result = process(RawDocument.from_bytes("bad.pdf", path.read_bytes(), "pdf"))
    assert isinstance(result, IngestError)
    assert (result.stage, result.error_type) == ("read", error_type)


def test_sample_txt_reads_to_its_own_text():
    doc = RawDocument.from_bytes(SEED_003.name, SEED_003.read_bytes(), "txt")
    assert read_text(doc).text == SEED_003.read_text(encoding="utf-8")
    assert normalize_text(read_text(doc).text).text.startswith("广东省医疗保障局文件")


PLAN_HEADER = ["序号", "事项名称（主项）", "事项名称（子项）", "通办目标", "完成时限", "责任单位"]


def _seed_003_rows() -> list[list[str]]:
    """The 18 rows of seed 003's table, with a deadline and a responsible unit each."""
    rows = []
    for line in SEED_003.read_text(encoding="utf-8").splitlines():
        cells = line.split("\t")
        if len(cells) > 4 and cells[0].strip().isdigit():
            main, sub = (c.replace(" ", "") for c in cells[1:3])
            rows.append(
                [cells[0], main, sub, cells[4], f"{5 + int(cells[0]) % 7}月{10 + int(cells[0])}日前", "各地级以上市医疗保障局"]
            )
    return rows


def test_seed_003_table_pdf_over_two_pages_keeps_every_row_with_its_deadline_and_unit(tmp_path):
    rows = _seed_003_rows()
    assert len(rows) == 18
    path = write_table_pdf(
        tmp_path / "plan.pdf", "“跨省通办、省内通办”工作进展情况表", PLAN_HEADER, rows * 1, [24, 92, 92, 70, 56, 70]
    )
    result = CliRunner().invoke(main, ["extract", str(path), "--json", "--issued", "2021-05-24"])
    payload = json.loads(result.output)
    items = payload["items"]
    assert [(i["name"], i["main_item"]) for i in items] == [(r[2], r[1]) for r in rows]
    for item, row in zip(items, rows):
        (deadline,) = [payload["deadlines"][d] for d in item["deadlines"]]
        assert deadline["text"] == row[4] and deadline["date"].startswith("2021-")
        (unit,) = [payload["departments"][d] for d in item["departments"]]
        assert (unit["canonical"], unit["role"]) == ("各地级以上市医疗保障局", "responsible")


def test_a_table_running_over_pages_is_one_table(tmp_path):
    rows = [[str(n), "生育保险待遇核准支付", f"子项{n}支付", "省内通办"] for n in range(1, 61)]
    path = write_table_pdf(
        tmp_path / "long.pdf", "清单", ["序号", "事项名称（主项）", "事项名称（子项）", "通办目标"], rows, [30, 120, 120, 90]
    )
    text = read_text(RawDocument.from_bytes("long.pdf", path.read_bytes(), "pdf")).text
    assert text.count("序号\t事项名称（主项）") == 1  # the repeated header row is gone
    assert "\n\n" not in text.split("序号", 1)[1]  # no page break inside the table
    assert len(extract(normalize_text(text)).items) == 60


def test_merged_cells_take_the_value_above(tmp_path):
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate, Table, TableStyle

    from tests.conftest import _register_cjk_font

    font = _register_cjk_font()
    data = [
        ["序号", "事项名称（主项）", "事项名称（子项）"],
        ["1", "生育保险待遇核准支付", "产前检查费支付"],
        ["2", "", "生育津贴支付"],
    ]
    table = Table(data, colWidths=[40, 160, 160])
    table.setStyle(
        TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black"), ("SPAN", (1, 1), (1, 2)), ("FONT", (0, 0), (-1, -1), font)])
    )
    path = tmp_path / "merged.pdf"
    SimpleDocTemplate(str(path), pagesize=A4).build([table])
    items = extract(normalize_text(read_text(RawDocument.from_bytes("m.pdf", path.read_bytes(), "pdf")).text)).items
    assert [(i.name, i.main_item) for i in items] == [
        ("产前检查费支付", "生育保险待遇核准支付"),
        ("生育津贴支付", "生育保险待遇核准支付"),
    ]


def test_running_headers_and_page_numbers_are_removed(tmp_path):
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    from tests.conftest import _register_cjk_font

    font = _register_cjk_font()
    bodies = ["一、总体要求", "二、通办内容包括异地就医备案。", "三、工作任务各市要按时完成。", "四、保障措施强化组织领导。"]
    pdf = canvas.Canvas(str(tmp_path / "n.pdf"), pagesize=A4)
    for page, body in enumerate(bodies, start=1):
        pdf.setFont(font, 10)
        pdf.drawString(60, 810, "广东省医疗保障局文件")
        pdf.drawString(60, 780, body)
        pdf.drawString(290, 30, f"- {page} -")
        pdf.showPage()
    pdf.save()
    text = read_text(RawDocument.from_bytes("n.pdf", (tmp_path / "n.pdf").read_bytes(), "pdf")).text
    assert "广东省医疗保障局文件" not in text and "- 2 -" not in text
    assert [line for line in text.split("\n") if line] == bodies


def _newspaper_articles() -> list[tuple[str, str]]:
    """Three articles cut from the seed-004 excerpt (hard wraps and spaces removed)."""
    text = NEWS_004.read_text(encoding="utf-8")
    parts = [
        text[text.index("近日") : text.index("公安部")],
        text[text.index("各类就业") : text.index("按照“依法")],
        text[text.index("按照“依法") :],
    ]
    clean = ["".join(p.split()) for p in parts]
    return [
        ("百余项高频政务服务“跨省通办”", clean[0]),
        ("社保卡一卡通服务", clean[1]),
        ("河北邯郸市丛台区创新政务服务品牌", clean[2]),
    ]


def test_three_column_newspaper_page_yields_separate_articles(tmp_path):
    articles = _newspaper_articles()
    path = write_newspaper_pdf(tmp_path / "page.pdf", articles)
    import pypdfium2 as pdfium

    naive = pdfium.PdfDocument(str(path))[0].get_textpage().get_text_range()
    assert articles[0][1][:15] + articles[1][1][:5] not in naive.replace("\r\n", "")  # control: the stream interleaves
    found = read_text(RawDocument.from_bytes("page.pdf", path.read_bytes(), "pdf")).text.split("\n\n")
    assert len(found) == 3
    for (headline, body), article in zip(articles, found):
        assert article.replace("\n", "") == headline + body  # the whole article, in order, and nothing else


def test_newspaper_page_articles_extract_apart(tmp_path):
    path = write_newspaper_pdf(tmp_path / "page.pdf", _newspaper_articles())
    doc = normalize_document(RawDocument.from_bytes("page.pdf", path.read_bytes(), "pdf"))
    text = doc.normalized.text
    assert "国务院办公厅印发《关于加快推进政务服务“跨省通办”的指导意见》" in text
    assert extract(doc.normalized).items == []


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


def _grid_and_plumber(path):
    """Each page as the grid reader and as pdfplumber read it."""
    import io

    import pdfplumber
    import pypdfium2 as pdfium

    from sources.pdf import _page_text
    from sources.pdf_grid import grid_page_text

    document = pdfium.PdfDocument(path.read_bytes())
    with pdfplumber.open(io.BytesIO(path.read_bytes())) as pdf:
        return [(grid_page_text(page, page.get_textpage()), _page_text(pdf.pages[i])) for i, page in enumerate(document)]


def test_a_plain_grid_reads_as_pdfplumber_reads_it(tmp_path):
    header = ["序号", "事项名称", "完成时限", "责任单位"]
    rows = [[str(n), name, "2021年底前", "省医疗保障局"] for n, name in enumerate(["生育津贴支付", "异地就医备案"] * 30, 1)]
    path = write_table_pdf(tmp_path / "grid.pdf", "医疗保障经办事项清单", header, rows, [40, 150, 90, 120])
    pages = _grid_and_plumber(path)
    assert len(pages) >= 2  # the table runs over a page break, its header repeated
    for grid, plumber in pages:
        assert grid == plumber
    assert "1\t生育津贴支付\t2021年底前\t省医疗保障局" in pages[0][0]


def test_merged_cells_are_left_to_pdfplumber(tmp_path):
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate, Table, TableStyle

    from tests.conftest import _register_cjk_font

    data = [
        ["序号", "事项名称（主项）", "事项名称（子项）"],
        ["1", "生育保险待遇核准支付", "产前检查费支付"],
        ["2", "", "生育津贴支付"],
    ]
    table = Table(data, colWidths=[40, 160, 160])
    style = [("GRID", (0, 0), (-1, -1), 0.5, "black"), ("SPAN", (1, 1), (1, 2)), ("FONT", (0, 0), (-1, -1), _register_cjk_font())]
    table.setStyle(TableStyle(style))
    path = tmp_path / "merged.pdf"
    SimpleDocTemplate(str(path), pagesize=A4).build([table])
    assert [grid for grid, _ in _grid_and_plumber(path)] == [None]
