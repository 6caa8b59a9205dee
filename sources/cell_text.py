"""A table cell's paragraphs on one line, the same way for every reader that sees them: a Word
cell's <w:p>s and an HTML cell's <p>s (Word's HTML export keeps one <p> per paragraph; a line the
page wraps by itself is no paragraph)."""

from __future__ import annotations

import re

# The tail of a name a writer carried to a paragraph of its own: a few characters, no mark (申领)
_WRAPPED_TAIL = re.compile(r"[\u4e00-\u9fff]{1,3}")
_PARAGRAPH_MARK = "；"  # between a cell's paragraphs: each names its own item or body
_ENDS_A_PIECE = tuple("：:，,、；;。（(")


def joined_paragraphs(lines: list[str]) -> str:
    """A cell's paragraphs on one line. A paragraph in a cell is a piece of its own (社会保障卡申领 /
    失业保险金申领, 市人社局 / 市医保局: Word wraps a long name itself, with no new paragraph), so
    a mark parts them, as a writer's list would; not after a mark of the writer's own
    (责任单位： / 市人社局), nor before a name's tail carried over (失业保险金 / 申领)."""
    text = ""
    for line in (line.strip() for line in lines):
        if not line:
            continue
        tail = _WRAPPED_TAIL.fullmatch(line) is not None and "\u4e00" <= text[-1:] <= "\u9fff"
        text += line if not text or text.endswith(_ENDS_A_PIECE) or tail else _PARAGRAPH_MARK + line
    return text
