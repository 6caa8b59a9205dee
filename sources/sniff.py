"""Tell PDF, HTML, text and junk apart from the bytes, not only from the file name.

Scrapers save HTML as .txt and PDFs without extension; a name is a hint, the
bytes decide. Binary junk is recognised before any decoder sees it, so it ends
as a clear ``binary`` error instead of a page of mojibake.
"""

from __future__ import annotations

import re

from extractors.normalize.encoding import utf16_without_bom
from sources.models import ReadError
from sources.office import office_kind

_HTML = re.compile(rb"^\s*(<!doctype\s+html|<html|<head|<body|<meta|<div|<p[\s>]|<table)", re.I)
_CONTROL = bytes(range(0, 9)) + bytes(range(14, 32))
_SAMPLE = 8192


def sniff_kind(data: bytes, name: str = "") -> str:
    """Return ``pdf``, ``docx``, ``doc``, ``xlsx``, ``xls``, ``html``, ``csv`` or ``txt``; raise :class:`ReadError` for junk."""
    if not data.strip():
        raise ReadError("empty", "the file is empty (no bytes, or only whitespace)")
    head = data[:_SAMPLE]
    if head.lstrip().startswith(b"%PDF-"):
        return "pdf"
    if name.lower().endswith(".pdf"):
        raise ReadError("pdf_broken", "named .pdf but has no PDF header")
    office = office_kind(data)
    if office:
        return office
    if _looks_binary(head):
        raise ReadError("binary", "binary content: not text, HTML or PDF")
    if _HTML.search(head) or name.lower().endswith((".html", ".htm", ".shtml")):
        return "html"
    if name.lower().endswith((".csv", ".tsv")):
        return "csv"  # by name only: a text with half-width commas looks the same
    return "txt"


def _looks_binary(head: bytes) -> bool:
    """NUL bytes (outside UTF-16, with a BOM or without) or many control bytes mean this is not text."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or utf16_without_bom(head):
        return False
    if b"\x00" in head:
        return True
    controls = len(head) - len(head.translate(None, _CONTROL))  # one pass in C, not one per byte value
    return controls > max(8, len(head) // 50)
