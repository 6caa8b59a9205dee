"""PDF pages per second: tongban's reader against pdfplumber alone, same file, same run.

The file has 100 pages: 80 of running text and 20 with a ruled item table (the
mix of a work plan with its attachment). "pdfplumber alone" is what a reader
without the pypdfium2 fast path would do: extract text and look for tables on
every page. Built with reportlab's STSong-Light, so nothing is downloaded.

That font is not embedded, and pdfium cannot read a text object of one
character in it (the last character of a paragraph or of a wrapped cell):
tongban sends such pages to pdfplumber rather than lose the character. Real
notices embed their fonts, so the bench reads two files: one as reportlab lays
it out ("with lone characters") and one laid out so that no line is a single
character, which shows the reader's speed where pdfium can read every glyph.
"""

from __future__ import annotations

import argparse
import io
import tempfile
import time
from pathlib import Path

import pdfplumber

from sources.pdf import pdf_to_text
from tests.conftest import _register_cjk_font

SAMPLE = Path(__file__).resolve().parent.parent / "sources" / "samples" / "003_e4967c4f2c0e418e.txt"


def build(path: Path, text_pages: int, table_pages: int, lone_chars: bool = True) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle

    from tests.conftest import _wrap

    font = _register_cjk_font()
    body = ParagraphStyle("body", fontName=font, fontSize=10.5, leading=16, wordWrap="CJK")
    paragraphs = [p for p in SAMPLE.read_text(encoding="utf-8").split("\n") if len(p) > 40 and "\t" not in p]
    if not lone_chars:  # one Paragraph per pre-wrapped line: no line of one character
        paragraphs = ["<br/>".join(_wrap(p, 38)) for p in paragraphs]
    rows = [line.split("\t")[:5] for line in SAMPLE.read_text(encoding="utf-8").splitlines() if line[:2].strip().isdigit()]
    widths = [24, 120, 120, 50, 110] if lone_chars else [60, 130, 130, 50, 110]
    story = []
    for page in range(text_pages):
        story += [Paragraph(paragraphs[(page + k) % len(paragraphs)], body) for k in range(3)] + [PageBreak()]
    cell = ParagraphStyle("cell", fontName=font, fontSize=8, leading=10, wordWrap="CJK")
    for _ in range(table_pages):
        data = [[Paragraph(c, cell) for c in row] for row in rows]
        table = Table(data, colWidths=widths)
        table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black")]))
        story += [table, PageBreak()]
    SimpleDocTemplate(str(path), pagesize=A4).build(story)
    return path


def plumber_alone(data: bytes) -> int:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.find_tables()
        return len(pdf.pages)


def _seconds(read, data: bytes) -> float:
    start = time.perf_counter()
    read(data)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--text-pages", type=int, default=80)
    parser.add_argument("--table-pages", type=int, default=20)
    args = parser.parse_args()
    pages = args.text_pages + args.table_pages
    for lone_chars in (True, False):
        with tempfile.TemporaryDirectory() as folder:
            data = build(Path(folder) / "mixed.pdf", args.text_pages, args.table_pages, lone_chars).read_bytes()
        layout = "with lone characters (as reportlab lays it out)" if lone_chars else "no line of one character"
        timings = {"pdfplumber alone": _seconds(plumber_alone, data), "tongban pdf_to_text": _seconds(pdf_to_text, data)}
        print(f"\n{args.text_pages} text + {args.table_pages} table pages, {layout}:\n")
        print("| reader | pages | seconds | pages/s |\n|---|---:|---:|---:|")
        for name, seconds in timings.items():
            print(f"| {name} | {pages} | {seconds:.2f} | {pages / seconds:.1f} |")
        print(f"\nspeed-up: {timings['pdfplumber alone'] / timings['tongban pdf_to_text']:.1f}x")


if __name__ == "__main__":
    main()
