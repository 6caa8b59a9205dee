"""PDF pages per second: tongban's reader against pdfplumber alone, same file, same run.

The file has 100 pages: 80 of running text and 20 with a ruled item table (the
mix of a work plan with its attachment). "pdfplumber alone" is what a reader
without the pypdfium2 fast path would do: extract text and look for tables on
every page. Built with reportlab's STSong-Light, so nothing is downloaded.
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


def build(path: Path, text_pages: int, table_pages: int) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle

    font = _register_cjk_font()
    body = ParagraphStyle("body", fontName=font, fontSize=10.5, leading=16, wordWrap="CJK")
    paragraphs = [p for p in SAMPLE.read_text(encoding="utf-8").split("\n") if len(p) > 40 and "\t" not in p]
    rows = [line.split("\t")[:5] for line in SAMPLE.read_text(encoding="utf-8").splitlines() if line[:2].strip().isdigit()]
    story = []
    for page in range(text_pages):
        story += [Paragraph(paragraphs[(page + k) % len(paragraphs)], body) for k in range(3)] + [PageBreak()]
    cell = ParagraphStyle("cell", fontName=font, fontSize=8, leading=10, wordWrap="CJK")
    for _ in range(table_pages):
        data = [[Paragraph(c, cell) for c in row] for row in rows]
        table = Table(data, colWidths=[24, 120, 120, 50, 110])
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--text-pages", type=int, default=80)
    parser.add_argument("--table-pages", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        data = build(Path(folder) / "mixed.pdf", args.text_pages, args.table_pages).read_bytes()
    pages = args.text_pages + args.table_pages
    timings = {}
    for name, work in (("pdfplumber alone", lambda: plumber_alone(data)), ("tongban pdf_to_text", lambda: pdf_to_text(data))):
        start = time.perf_counter()
        work()
        timings[name] = time.perf_counter() - start
    print("| reader | pages | seconds | pages/s |\n|---|---:|---:|---:|")
    for name, seconds in timings.items():
        print(f"| {name} | {pages} | {seconds:.2f} | {pages / seconds:.1f} |")
    print(f"\nspeed-up: {timings['pdfplumber alone'] / timings['tongban pdf_to_text']:.1f}x")


if __name__ == "__main__":
    main()
