"""PDF to text: fast where plain text is enough, careful where there are tables.

pypdfium2 reads every page's text (20–80× faster than pdfplumber), column by
column on a newspaper page (:mod:`sources.columns`). A page with ruling lines
(path objects) is read from its grid when it is one plain grid
(:mod:`sources.pdf_grid`); a table with no rulings is placed by its words
(:mod:`sources.pdf_unruled`); other ruled pages, and pages whose text pdfium
cannot fully read, go through pdfplumber, which finds tables and returns
their rows. Cells wrapped by the PDF come back with
"\\n", joined without a space (Chinese); a merged cell (None) takes the value
above it, so a 主项 spanning several rows is on each of them. A table running
over a page break is one table: the page break between its rows is dropped,
and a header row repeated on the next page is removed.

Running headers, footers and page numbers (the same line, digits aside, at the
top or bottom of most pages) are removed. Encrypted, truncated and image-only
PDFs raise :class:`ReadError` with a clear type instead of yielding nothing.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from typing import TYPE_CHECKING

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from sources.columns import column_articles, page_chars
from sources.models import ReadError
from sources.pdf_grid import grid_page_text
from sources.pdf_unruled import Word, may_hold_a_table, unruled_tables, with_tables

if TYPE_CHECKING:
    import pdfplumber

_MAX_PAGES = 2000
_TABLE_PATHS = 4  # a page with this many path objects may hold a ruled table
_PAGE_NUMBER = re.compile(r"^[-—－\s]*(第\s*)?\d{1,4}(\s*页)?(\s*/\s*(共\s*)?\d{1,4}\s*页?)?[-—－\s]*$")
_EDGE_LINES = 2


def pdf_to_text(data: bytes) -> str:
    document = _open(data)
    try:
        if len(document) == 0:
            raise ReadError("pdf_empty", "the PDF has no pages")
        if len(document) > _MAX_PAGES:
            raise ReadError("too_large", f"the PDF has {len(document)} pages (limit {_MAX_PAGES})")
        read = [_read_page(document[i]) for i in range(len(document))]
    finally:
        document.close()
    pages = [text or "" for text in read]
    careful = [index for index, text in enumerate(read) if text is None]
    if careful:
        for index, text in _plumber_pages(data, careful).items():
            pages[index] = text
    if not any(text.strip() for text in pages):
        raise ReadError("no_text_layer", "no text layer: the PDF holds only images (needs OCR)")
    return pages_to_text(pages)


def pages_to_text(pages: list[str]) -> str:
    """A fixed-layout document's pages as one text: page numbers and running heads dropped, a
    table that runs over a page break kept whole (PDF and OFD alike)."""
    return _join_pages(_strip_running_lines(pages))


def _open(data: bytes) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise ReadError("pdf_encrypted", "the PDF is encrypted and needs a password") from exc
        raise ReadError("pdf_broken", f"the PDF cannot be parsed (truncated or corrupt): {exc}") from exc


def _has_rulings(page: pdfium.PdfPage) -> bool:
    paths = sum(1 for obj in page.get_objects() if obj.type == pdfium_c.FPDF_PAGEOBJ_PATH)
    return paths >= _TABLE_PATHS


def _read_page(page: pdfium.PdfPage) -> str | None:
    """The page's text by pypdfium2, or None when it needs pdfplumber: a ruled
    table that is not one plain grid, or text pdfium could not read."""
    textpage = page.get_textpage()  # built once: it is most of the page's cost
    if _unreadable_text(page, textpage):
        return None
    if not _has_rulings(page):
        return _pdfium_text(page, textpage)
    return grid_page_text(page, textpage)


def _unreadable_text(page: pdfium.PdfPage, textpage: pdfium.PdfTextPage) -> bool:
    """A text object pdfium gives no text for: its glyphs would silently go missing.

    Seen with fonts that are not embedded (reportlab's STSong-Light): a line of
    one character, such as the last character of a wrapped cell, is dropped.
    """
    for obj in page.get_objects():
        if obj.type == pdfium_c.FPDF_PAGEOBJ_TEXT and pdfium_c.FPDFTextObj_GetText(obj.raw, textpage.raw, None, 0) <= 2:
            return True  # the length counts the UTF-16 terminator: 2 bytes is no text
    return False


def _pdfium_text(page: pdfium.PdfPage, textpage: pdfium.PdfTextPage) -> str:
    """The page's text; a table with no rulings comes back as rows, a multi-column page
    article by article."""
    text = _lines_of(textpage.get_text_range())
    if may_hold_a_table(text):
        tables = unruled_tables(_pdfium_words(textpage, page.get_height()))
        if tables:
            return with_tables(tables, lambda top, bottom: _pdfium_between(page, textpage, top, bottom))
    articles = column_articles(textpage, page.get_width())
    if articles is not None:
        return "\n\n".join(articles)
    return text


def _lines_of(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _pdfium_words(textpage: pdfium.PdfTextPage, height: float) -> list[Word]:
    """Every visible character as a word, its box top-down as pdfplumber sets it."""
    return [Word(left, right, height - top, height - bottom, char) for left, bottom, right, top, _, char in page_chars(textpage)]


def _pdfium_between(page: pdfium.PdfPage, textpage: pdfium.PdfTextPage, top: float, bottom: float | None) -> str:
    height = page.get_height()
    lowest = 0.0 if bottom is None else height - bottom
    return _lines_of(textpage.get_text_bounded(left=0, bottom=lowest, right=page.get_width(), top=height - top))


def _plumber_pages(data: bytes, indices: list[int]) -> dict[int, str]:
    import pdfplumber  # here, not at the top: most runs never need it, and it costs 0.15 s to import

    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            return {i: _page_text(pdf.pages[i]) for i in indices}
    except Exception as exc:  # pdfminer raises many ad-hoc types on damaged files
        raise ReadError("pdf_broken", f"the PDF's tables cannot be parsed: {type(exc).__name__}: {exc}") from exc


def _page_text(page: pdfplumber.page.Page) -> str:
    """Text lines and table rows of one page, in top-to-bottom order."""
    tables = page.find_tables()
    if not tables:
        text = page.extract_text() or ""
        return (may_hold_a_table(text) and _plumber_unruled(page)) or text
    blocks: list[tuple[float, str]] = [(t.bbox[1], "\n".join(_rows(t.extract()))) for t in tables]
    boxes = [t.bbox for t in tables]
    outside = page.filter(lambda obj: not _inside_any(obj, boxes))
    blocks += [(line["top"], line["text"]) for line in outside.extract_text_lines()]
    blocks.sort(key=lambda block: block[0])
    return "\n".join(text for _, text in blocks)


def _plumber_unruled(page: pdfplumber.page.Page) -> str | None:
    """The page with its tables that have no rulings as rows, or None when it has none."""
    words = [Word(w["x0"], w["x1"], w["top"], w["bottom"], w["text"]) for w in page.extract_words()]
    tables = unruled_tables(words)
    if not tables:
        return None

    def between(top: float, bottom: float | None) -> str:
        box = (0, max(top, 0), page.width, page.height if bottom is None else max(bottom, top))
        return page.within_bbox(box).extract_text() or "" if box[3] > box[1] else ""

    return with_tables(tables, between)


def _rows(table: list[list[str | None]]) -> list[str]:
    """Tab-joined rows; a merged cell (None) repeats the value above it."""
    rows, above = [], []
    for row in table:
        cells = []
        for column, value in enumerate(row):
            if value is None:
                value = above[column] if column < len(above) else ""
            cells.append(value.replace("\n", "").strip())
        above = cells
        rows.append("\t".join(cells))
    return rows


def _inside_any(obj: dict, boxes: list[tuple[float, float, float, float]]) -> bool:
    if "x0" not in obj or "top" not in obj:
        return False
    cx = (obj["x0"] + obj["x1"]) / 2
    cy = (obj["top"] + obj["bottom"]) / 2
    return any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in boxes)


def _shape(line: str) -> str:
    return re.sub(r"\d+", "#", line.strip())


def _strip_running_lines(pages: list[str]) -> list[str]:
    """Drop page numbers, and lines repeated at the top or bottom of most pages."""
    split = [[line for line in page.split("\n")] for page in pages]
    edges = Counter()
    for lines in split:
        nonblank = [line for line in lines if line.strip()]
        for line in set(nonblank[:_EDGE_LINES] + nonblank[-_EDGE_LINES:]):
            edges[_shape(line)] += 1
    running = {shape for shape, count in edges.items() if len(pages) >= 3 and count >= max(3, len(pages) * 0.5)}
    cleaned = []
    for lines in split:
        nonblank = [i for i, line in enumerate(lines) if line.strip()]
        edge = set(nonblank[:_EDGE_LINES] + nonblank[-_EDGE_LINES:])
        kept = [
            line
            for i, line in enumerate(lines)
            if not (i in edge and (_PAGE_NUMBER.match(line.strip()) or _shape(line) in running))
        ]
        cleaned.append("\n".join(kept).strip("\n"))
    return cleaned


def _join_pages(pages: list[str]) -> str:
    """Pages joined by a blank line, except inside a table that runs over the break."""
    out: list[str] = []
    header = None  # first row of the table being read
    for page in pages:
        lines = page.split("\n")
        continues = bool(out) and "\t" in out[-1] and "\t" in lines[0]
        if continues and lines[0] == header:
            lines = lines[1:]  # the header row repeated on the new page
        elif out and not continues:
            out.append("")
        for line in lines:
            if "\t" in line and (not out or "\t" not in out[-1]):
                header = line
            out.append(line)
    return "\n".join(out)
