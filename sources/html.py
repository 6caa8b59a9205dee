"""HTML to text that keeps the structure extractors need.

Block elements become line breaks, table cells become tabs (the item table
reader looks for tab-separated rows), ruby annotations (<rt>, <rp>) are dropped
so pinyin never reaches the text, and page chrome (script, style, nav, header,
footer) is skipped. Decoding honours <meta charset> through the normalizer's
decoder, so Big5 and GBK pages come out right.
"""

from __future__ import annotations

from html.parser import HTMLParser

_SKIP = {
    "script",
    "style",
    "noscript",
    "template",
    "iframe",
    "nav",
    "header",
    "footer",
    "aside",
    "rt",
    "rp",
    "svg",
    "select",
    "button",
    "form",
}
_BLOCK = {
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "table",
    "section",
    "article",
    "blockquote",
    "pre",
    "title",
    "dd",
    "dt",
    "hr",
    "tbody",
    "thead",
}
_CELL = {"td", "th"}
_VOID = {"br", "hr", "img", "meta", "link", "input", "col", "area", "base", "wbr", "source"}


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_depth = 0
        self.cells_in_row = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP and tag not in _VOID:
            self.skip_depth += 1
            return
        if self.skip_depth:
            return
        if tag == "tr":
            self.cells_in_row = 0
        if tag in _CELL:
            if self.cells_in_row:
                self.parts.append("\t")
            self.cells_in_row += 1
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP and tag not in _VOID:
            self.skip_depth = max(0, self.skip_depth - 1)
            return
        if not self.skip_depth and tag in _BLOCK and tag not in _CELL:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self.skip_depth:
            return
        # Inside a cell a wrapped line is the same cell: no newline may split a row.
        text = data.replace("\n", "") if self.cells_in_row else data.replace("\r", "")
        self.parts.append(text if self.cells_in_row else _collapse(text))


def _collapse(text: str) -> str:
    """Source indentation is not content; keep single spaces and real breaks."""
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return "\n".join(lines) if any(lines) else " " if text.strip(" \t\n") == "" and text else ""


def html_to_text(html: str) -> str:
    collector = _TextCollector()
    collector.feed(html)
    collector.close()
    text = "".join(collector.parts)
    lines = [line.strip(" ") for line in text.split("\n")]
    return "\n".join(lines).strip("\n") + "\n"
