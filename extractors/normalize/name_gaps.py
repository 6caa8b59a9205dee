"""Names set apart by blanks on one line: "事项有：户口迁移　异地就医备案　失业保险金申领".

A web page may separate a list's names with full-width or doubled spaces. Blanks between Han
characters are otherwise residue (a PDF's letter spacing, 政 务 服 务) and the layout step
removes them, which ran the names into one. These blanks are kept as a tab, the mark of a cell
the item readers split at, when every stretch they make after the line's last colon is a
service's name: four characters or more, Han only, ending like a service (备案, 迁移, 申领: the
item cues' service endings). Letter spacing and a word a PDF broke leave stretches that do not.
"""

from __future__ import annotations

import re
from functools import lru_cache

from extractors.datafiles import load_table
from extractors.text import is_han

_BLANKS = re.compile(r"[ \u00a0\u3000]+")
_NAME = re.compile(r"[\u4e00-\u9fff]{4,}")
_LIST_END = "。；;，,"


@lru_cache(maxsize=1)
def _service_endings() -> tuple[str, ...]:
    return tuple(row["cue"] for row in load_table("item_cues.tsv") if row["type"] == "service_ending")


def name_gap_edits(text: str) -> list[tuple[int, int, str]]:
    """(start, end, "\t") for each run of blanks between two names of such a line. Found
    from the runs of blanks, each line looked at once: a pattern for a whole line with a blank
    in it would be tried at every position."""
    edits: list[tuple[int, int, str]] = []
    looked_to = 0  # the end of the last line looked at: its other gaps need no look
    for gap in _BLANKS.finditer(text):
        start, end = gap.span()
        if start < looked_to or start == 0 or end == len(text) or not (is_han(text[start - 1]) and is_han(text[end])):
            continue
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        looked_to = len(text) if line_end < 0 else line_end
        edits += _line_edits(text[line_start:looked_to], line_start)
    return edits


def _line_edits(line: str, line_start: int) -> list[tuple[int, int, str]]:
    after_colon = max(line.rfind("："), line.rfind(":")) + 1
    segment = line[after_colon:].rstrip(_LIST_END + " \u3000")
    core = segment.lstrip(" \u00a0\u3000")
    pieces = _BLANKS.split(core)
    if len(pieces) < 2 or not all(_names_a_service(piece) for piece in pieces):
        return []
    offset = line_start + after_colon + len(segment) - len(core)
    return [(offset + gap.start(), offset + gap.end(), "\t") for gap in _BLANKS.finditer(core)]


def _names_a_service(piece: str) -> bool:
    return _NAME.fullmatch(piece) is not None and piece.endswith(_service_endings())
