"""Shared fixtures: the bundled official samples, short news excerpts, temp warehouses."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extractors import extract, normalize_bytes

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sources" / "samples"
FIXTURES = Path(__file__).resolve().parent / "fixtures"

SEED_000 = SAMPLES / "000_a7656df4af41bb98.txt"  # State Council notice, clean simplified (with a news preamble)
SEED_002 = SAMPLES / "002_04835c3966d4540f.txt"  # the same notice, traditional + toneless pinyin noise
SEED_003 = SAMPLES / "003_e4967c4f2c0e418e.txt"  # Guangdong work plan with an 18-row item table
NEWS_001 = FIXTURES / "news_001_excerpt.txt"  # traditional + toned pinyin + GBK mojibake (excerpt)
NEWS_004 = FIXTURES / "news_004_excerpt.txt"  # hard-wrapped newspaper columns (excerpt)
GOLD = Path(__file__).resolve().parent / "gold"


def gold_item_names(*sources: Path) -> set[str]:
    """Distinct item names the hand-written gold files give for these sources:
    what a registry built from them must hold, one row each."""
    names = set()
    for path in GOLD.glob("*.json"):
        gold = json.loads(path.read_text(encoding="utf-8"))
        if (GOLD / gold["source"]).resolve() in {s.resolve() for s in sources}:
            names |= {item["name"] for item in gold["items"]}
    return names


@pytest.fixture(scope="session")
def normalized():
    """Normalize a file once per session: normalized(path) -> NormalizedText."""
    cache = {}

    def get(path: Path):
        if path not in cache:
            cache[path] = normalize_bytes(path.read_bytes())
        return cache[path]

    return get


@pytest.fixture(scope="session")
def extracted(normalized):
    """extracted(path) -> Extraction, cached."""
    cache = {}

    def get(path: Path):
        if path not in cache:
            cache[path] = extract(normalized(path))
        return cache[path]

    return get


@pytest.fixture
def conn(tmp_path: Path):
    """A migrated warehouse in a temporary file."""
    import duckdb

    from warehouse import migrate

    connection = duckdb.connect(str(tmp_path / "w.duckdb"))
    migrate(connection)
    yield connection
    connection.close()


@pytest.fixture
def source_folder(tmp_path: Path) -> Path:
    """The three official samples plus an empty file and a binary file."""
    folder = tmp_path / "notices"
    folder.mkdir()
    for sample in (SEED_000, SEED_002, SEED_003):
        (folder / sample.name).write_bytes(sample.read_bytes())
    (folder / "empty.txt").write_bytes(b"")
    (folder / "junk.txt").write_bytes(bytes(range(256)) * 8)
    return folder


def _register_cjk_font() -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    return "STSong-Light"


def write_text_pdf(path: Path, lines: list[str], encrypt: str | None = None) -> Path:
    """A one-page Chinese PDF (reportlab's built-in CID font: no font install)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    font = _register_cjk_font()
    pdf = canvas.Canvas(str(path), pagesize=A4, encrypt=encrypt)
    pdf.setFont(font, 12)
    y = 800
    for line in lines:
        pdf.drawString(60, y, line)
        y -= 20
    pdf.save()
    return path


def write_table_pdf(
    path: Path, title: str, header: list[str], rows: list[list[str]], col_widths: list[float], ruled: bool = True
) -> Path:
    """A PDF with a title and a table whose narrow cells wrap their text, ruled or set apart by
    white space alone."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    font = _register_cjk_font()
    style = ParagraphStyle("cjk", fontName=font, fontSize=9, leading=12, wordWrap="CJK")
    cells = [[Paragraph(c, style) for c in row] for row in [header] + rows]
    table = Table(cells, colWidths=col_widths, repeatRows=1)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black")] if ruled else [("VALIGN", (0, 0), (-1, -1), "TOP")]))
    heading = ParagraphStyle("title", fontName=font, fontSize=14, leading=20)
    SimpleDocTemplate(str(path), pagesize=A4).build([Paragraph(title, heading), table])
    return path


def write_image_only_pdf(path: Path) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.rect(100, 400, 300, 200, fill=1)  # a scanned page: shapes, no text layer
    pdf.save()
    return path


def _wrap(text: str, width: int) -> list[str]:
    """Fixed-width lines, never leaving one character alone on the last line:
    pdfium gives a one-character text object in the non-embedded STSong-Light
    font a zero-width box and leaves it out of the text page."""
    lines = [text[i : i + width] for i in range(0, len(text), width)]
    if len(lines) > 1 and len(lines[-1]) == 1:
        last = lines.pop()
        lines[-1] += last
    return lines


def write_newspaper_pdf(path: Path, articles: list[tuple[str, str]], chars_per_line: int = 15) -> Path:
    """A 3-column page whose content stream runs row by row across the columns,
    as many newspaper PDFs do, so a naive reader interleaves the articles."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    font = _register_cjk_font()
    slots: list[tuple[str, float]] = []  # (text, font size) in reading order
    for headline, body in articles:
        slots += [(line, 14.0) for line in _wrap(headline, 11)]  # headlines wrap in the column
        slots += [(line, 10.5) for line in _wrap(body, chars_per_line)]
    rows = 16  # short columns: every article flows on into the next column
    placed = {(index // rows, index % rows): slot for index, slot in enumerate(slots)}
    pdf = canvas.Canvas(str(path), pagesize=A4)
    for row in range(rows):
        for column in range(3):
            if (column, row) in placed:
                text, size = placed[(column, row)]
                pdf.setFont(font, size)
                pdf.drawString(40 + column * 180, 800 - row * 16, text)
    pdf.save()
    return path


# Seed 003's table: each sub-item and its main item (its list names the same sub-items).
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
