"""PDFs: text layer, tables (grid and pdfplumber), running lines, newspaper columns, bad files."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from extractors import extract, normalize_text
from pipeline.cli import main
from pipeline.work import normalize_document, process
from sources import IngestError, RawDocument, read_text
from tests.conftest import NEWS_004, SEED_003, write_image_only_pdf, write_newspaper_pdf, write_table_pdf, write_text_pdf


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


def test_a_frame_around_the_page_is_not_read_as_a_grid(tmp_path):
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    from tests.conftest import _register_cjk_font

    path = tmp_path / "framed.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    for x0, y0, x1, y1 in [(40, 40, 555, 40), (40, 800, 555, 800), (40, 40, 40, 800), (555, 40, 555, 800)]:
        pdf.line(x0, y0, x1, y1)  # four strokes: a page frame, one "cell"
    pdf.setFont(_register_cjk_font(), 12)
    pdf.drawString(80, 700, "关于做好异地就医备案工作的通知")
    pdf.drawString(80, 680, "各地级以上市医疗保障局：")
    pdf.save()
    assert [grid for grid, _ in _grid_and_plumber(path)] == [None]
    text = read_text(RawDocument.from_bytes("framed.pdf", path.read_bytes(), "pdf")).text
    assert "关于做好异地就医备案工作的通知\n" in text


def test_a_one_character_line_pdfium_cannot_read_is_not_lost(tmp_path):
    """pdfium gives no text for a one-character text object in the non-embedded
    STSong-Light font; such a page is read by pdfplumber instead."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    from tests.conftest import _register_cjk_font

    path = tmp_path / "lone.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont(_register_cjk_font(), 12)
    pdf.drawString(80, 700, "医保定点医疗机构基础信息变")
    pdf.drawString(80, 684, "更")  # the wrapped last character of a line
    pdf.save()
    text = read_text(RawDocument.from_bytes("lone.pdf", path.read_bytes(), "pdf")).text
    assert "医保定点医疗机构基础信息变\n更" in text


def test_a_table_with_no_rulings_comes_back_as_rows(tmp_path):
    """Columns set apart by white space only: each row's cells, wrapped ones whole, joined by
    tabs, the header over them, and the title above as text."""
    rows = [
        ["1", "城乡居民基本养老保险参保登记", "县人力资源和社会保障局", "全程网办"],
        ["2", "特困人员认定", "县民政局", "异地代收代办"],
        ["3", "二级建造师执业资格注册初始注册", "县住房和城乡建设局", "多地联办"],
    ]
    path = write_table_pdf(
        tmp_path / "list.pdf",
        "某县“省内通办”事项清单",
        ["序号", "事项名称", "实施部门", "通办模式"],
        rows,
        [40, 110, 110, 80],
        ruled=False,
    )
    lines = read_text(RawDocument.from_bytes("list.pdf", path.read_bytes(), "pdf")).text.split("\n")
    assert lines[0] == "某县“省内通办”事项清单"
    assert lines[1:] == ["序号\t事项名称\t实施部门\t通办模式", *("\t".join(row) for row in rows)]


def test_pdfiums_characters_place_a_table_with_no_rulings_too(tmp_path):
    """The fast path reads the table from pdfium's characters (a real notice embeds its font,
    so pdfium reads its page, where this file's one-character lines send it to pdfplumber).
    pdfium's plain text runs the header and the first row into one line: the cheap look for
    numbered rows must not need the number to open its line."""
    import pypdfium2 as pdfium

    from sources.pdf import _pdfium_text

    rows = [
        ["1", "城乡居民养老保险参保登记", "县人力资源和社会保障局", "全程网办"],
        ["2", "特困人员认定", "县民政局", "代收代办"],
    ]
    path = write_table_pdf(
        tmp_path / "list.pdf", "某县事项清单", ["序号", "事项名称", "实施部门", "通办模式"], rows, [40, 130, 130, 80], ruled=False
    )
    document = pdfium.PdfDocument(str(path))
    page = document[0]
    lines = _pdfium_text(page, page.get_textpage()).split("\n")
    document.close()
    assert lines == ["某县事项清单", "序号\t事项名称\t实施部门\t通办模式", *("\t".join(row) for row in rows)]


def _words(lines: list[list[tuple[float, str]]], height: float = 10.0) -> list:
    """Words set on lines 14 points apart, each at its left edge, one character 10 points wide."""
    from sources.pdf_unruled import Word

    return [
        Word(left, left + 10 * len(text), 14 * row, 14 * row + height, text)
        for row, line in enumerate(lines)
        for left, text in line
    ]


def test_unruled_tables_read_rows_by_where_their_words_stand():
    from sources.pdf_unruled import unruled_tables

    page = _words(
        [
            [(0, "附件")],
            [(0, "序号"), (40, "事项名称"), (160, "实施部门")],
            [(0, "1"), (40, "城乡居民养老保险"), (160, "县人社局")],
            [(40, "参保登记")],  # the name's wrapped end, under its column
            [(0, "2"), (40, "特困人员认定"), (160, "县民政局")],
            [(0, "以上事项自公布之日起施行。")],  # a line from the left margin ends the table
        ]
    )
    (table,) = unruled_tables(page)
    assert table.rows == ["序号\t事项名称\t实施部门", "1\t城乡居民养老保险参保登记\t县人社局", "2\t特困人员认定\t县民政局"]
    assert (table.top, table.bottom) == (14, 4 * 14 + 10)


def test_numbered_paragraphs_are_no_unruled_table():
    from sources.pdf_unruled import unruled_tables

    prose = _words([[(0, "1"), (20, "各地要加强组织领导，明确责任分工。")], [(0, "2"), (20, "各部门要加强协作。")]])
    assert unruled_tables(prose) == []
