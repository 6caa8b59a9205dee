"""A table cell's paragraphs on one line, the same way for every reader that sees them: a Word
cell's <w:p>s (.docx and .doc), an HTML cell's <p>s (Word's HTML export keeps one <p> per
paragraph; a line the page wraps by itself is no paragraph) and a sheet cell's lines (Alt+Enter:
Excel wraps a long cell by itself, with no line break in its text)."""

from __future__ import annotations

import re

# The tail of a name a writer carried to a paragraph of its own: a few characters, no mark (申领)
_WRAPPED_TAIL = re.compile(r"[\u4e00-\u9fff]{1,3}")
_PARAGRAPH_MARK = "；"  # between a cell's paragraphs: each names its own item or body
_ENDS_A_PIECE = tuple("：:，,、；;。（(")
_GOES_ON = tuple("（(【[）)]】、，,：:；;。")  # a line opening so goes on with the one above: 异地就医备案 / （含临时外出就医）


def joined_paragraphs(lines: list[str]) -> str:
    """A cell's paragraphs on one line. A paragraph in a cell is a piece of its own (社会保障卡申领 /
    失业保险金申领, 市人社局 / 市医保局: Word wraps a long name itself, with no new paragraph), so
    a mark parts them, as a writer's list would; not after a mark of the writer's own
    (责任单位： / 市人社局), nor before a name's tail carried over (失业保险金 / 申领) or a line
    that opens with a bracket or a mark (异地就医备案 / （含临时外出就医）)."""
    text = ""
    for line in (line.strip() for line in lines):
        if not line:
            continue
        goes_on = carries_over(text, line) or line.startswith(_GOES_ON)
        text += line if not text or text.endswith(_ENDS_A_PIECE) or goes_on else _PARAGRAPH_MARK + line
    return text


def carries_over(before: str, line: str) -> bool:
    """Is ``line`` the tail of a name ``before`` ends in (失业保险金 / 申领): a few characters
    with no mark, after a character of a word. A whole name is a piece of its own."""
    return _WRAPPED_TAIL.fullmatch(line.strip()) is not None and "\u4e00" <= before.rstrip()[-1:] <= "\u9fff"


def sheet_row(values: list[str]) -> str:
    """A sheet row's cells as one tab line, each cell's lines joined as its pieces; in a row of
    one text (a title merged across the sheet, 某市第三批“跨省通办” / 事项清单) they are one line
    broken by hand, joined as they are."""
    table_row = len({value.strip() for value in values if value.strip()}) >= 2
    cells = [joined_paragraphs(value.split("\n")) if table_row else "".join(value.split("\n")).strip() for value in values]
    return "\t".join(cells).rstrip("\t")
