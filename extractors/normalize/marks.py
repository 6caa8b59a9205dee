"""A comma a mirror wedged before another mark: 日前,,记者; 首次申领,、到期换领; 水平,。

Some mirrors that annotate characters with pinyin also insert a comma here and there, often
right before the page's own comma, enumeration comma or full stop. No Chinese sentence
writes two such marks in a row, and the doubled comma splits what it sits in: a list of
items, 首次申领,、到期换领、丢失补领, read as no list. The comma goes; the mark after it stays.
Two commas in a row are dropped only on a line that has a full stop, and after a character
that is not ASCII: a CSV line's empty field (名称,,备注) is no such noise.
"""

from __future__ import annotations

import re

from extractors.offsets import OffsetMap, rewrite

_DOUBLED = re.compile(r"[,，](?=[,，、。；])")


def drop_doubled_marks(text: str) -> tuple[str, OffsetMap, int]:
    """The text without the commas that stand right before another mark; how many went."""
    edits = [(m.start(), m.end(), "") for m in _DOUBLED.finditer(text) if _wedged(text, m.start())]
    if not edits:
        return text, OffsetMap.identity(len(text)), 0
    new_text, offsets = rewrite(text, edits)
    return new_text, offsets, len(edits)


def _wedged(text: str, at: int) -> bool:
    if not at or text[at - 1].isascii():
        return False
    if text[at + 1] in ",，":
        line_start = text.rfind("\n", 0, at) + 1
        line_end = text.find("\n", at)
        return "。" in text[line_start : line_end if line_end >= 0 else len(text)]
    return True
