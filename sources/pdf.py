"""PDF to text: page text in reading order, tables as tab-separated rows.

pdfplumber finds tables; their cells come back with "\\n" where the PDF wrapped
a line, and Chinese joins those without a space. Text outside the tables is
taken in top-to-bottom order, so a table sits where it stood on the page.
Encrypted, truncated and image-only PDFs raise :class:`ReadError` with a clear
type instead of yielding an empty document.
"""

from __future__ import annotations

import io

import pdfplumber
from pdfminer.pdfdocument import PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError
from pdfplumber.utils.exceptions import PdfminerException

from sources.models import ReadError

_MAX_PAGES = 2000


def pdf_to_text(data: bytes) -> str:
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            if not pdf.pages:
                raise ReadError("pdf_empty", "the PDF has no pages")
            if len(pdf.pages) > _MAX_PAGES:
                raise ReadError("too_large", f"the PDF has {len(pdf.pages)} pages (limit {_MAX_PAGES})")
            pages = [_page_text(page) for page in pdf.pages]
    except ReadError:
        raise
    except PDFPasswordIncorrect as exc:
        raise ReadError("pdf_encrypted", "the PDF is encrypted and needs a password") from exc
    except (PDFSyntaxError, PdfminerException) as exc:
        cause = exc.args[0] if isinstance(exc, PdfminerException) and exc.args else exc
        if isinstance(cause, PDFPasswordIncorrect):
            raise ReadError("pdf_encrypted", "the PDF is encrypted and needs a password") from exc
        raise ReadError("pdf_broken", f"the PDF cannot be parsed (truncated or corrupt): {cause}") from exc
    except Exception as exc:  # pdfminer raises many ad-hoc types on damaged files
        raise ReadError("pdf_broken", f"the PDF cannot be parsed: {type(exc).__name__}: {exc}") from exc
    if not any(text.strip() for text in pages):
        raise ReadError("no_text_layer", "no text layer: the PDF holds only images (needs OCR)")
    return "\n\n".join(pages)


def _page_text(page: "pdfplumber.page.Page") -> str:
    tables = page.find_tables()
    blocks: list[tuple[float, str]] = []
    for table in tables:
        rows = ["\t".join(_cell(c) for c in row) for row in table.extract()]
        blocks.append((table.bbox[1], "\n".join(rows)))
    boxes = [table.bbox for table in tables]
    outside = page.filter(lambda obj: not _inside_any(obj, boxes)) if boxes else page
    words_text = outside.extract_text() or ""
    if not boxes:
        return words_text
    # Place each text line by its vertical position among the tables.
    for line in outside.extract_text_lines():
        blocks.append((line["top"], line["text"]))
    blocks.sort(key=lambda block: block[0])
    return "\n".join(text for _, text in blocks)


def _cell(value: str | None) -> str:
    return (value or "").replace("\n", "").strip()


def _inside_any(obj: dict, boxes: list[tuple[float, float, float, float]]) -> bool:
    if "x0" not in obj or "top" not in obj:
        return False
    cx = (obj["x0"] + obj["x1"]) / 2
    cy = (obj["top"] + obj["bottom"]) / 2
    return any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in boxes)
