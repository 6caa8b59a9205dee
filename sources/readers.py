"""Raw document -> raw text, by kind. The text is what offsets and spans refer to.

Text files are decoded by the normalizer's decoder (it records the encoding);
HTML is decoded the same way and then stripped to structured text, CSV and TSV
to tab rows; PDFs give
their text layer; .docx, .doc, .xlsx and .xls attachments their paragraphs and table rows, OFD
files their lines. Every failure is a :class:`ReadError` with a type.
"""

from __future__ import annotations

from dataclasses import dataclass

from extractors.normalize.encoding import decode_bytes
from sources.delimited import delimited_to_text
from sources.doc import doc_to_text
from sources.html import html_to_text
from sources.models import RawDocument, ReadError
from sources.ofd import ofd_to_text
from sources.office import docx_to_text, xlsx_to_text
from sources.pdf import pdf_to_text
from sources.xls import xls_to_text

_OFFICE = {"docx": docx_to_text, "xlsx": xlsx_to_text, "xls": xls_to_text, "doc": doc_to_text, "ofd": ofd_to_text}
_TEXT_READERS = {"html": html_to_text, "csv": delimited_to_text}  # decoded first, as a .txt is


@dataclass(frozen=True)
class SourceText:
    text: str
    encoding: str | None
    encoding_method: str | None
    undecodable: int = 0


def read_text(doc: RawDocument) -> SourceText:
    if doc.kind == "pdf":
        return SourceText(pdf_to_text(doc.data), None, "pdf-text-layer")
    if doc.kind in _OFFICE:
        return _office_text(doc)
    decoded = decode_bytes(doc.data)
    if decoded.replaced > max(16, len(doc.data) // 20):
        raise ReadError("undecodable", f"{decoded.replaced} undecodable byte sequences as {decoded.encoding}")
    text = _TEXT_READERS[doc.kind](decoded.text) if doc.kind in _TEXT_READERS else decoded.text
    if not text.strip():
        raise ReadError("no_text", f"the {doc.kind} document holds no visible text")
    return SourceText(text, decoded.encoding, decoded.method, decoded.replaced)


def _office_text(doc: RawDocument) -> SourceText:
    text = _OFFICE[doc.kind](doc.data)
    if not text.strip():
        raise ReadError("no_text", f"the {doc.kind} document holds no text")
    return SourceText(text, None, f"{doc.kind}-xml")
