"""Tables whose cells are separated by bars: pages exported or scraped as text
("事项名称 | 责任单位 | 办理方式", markdown's "| a | b |").

Their cells hold spaces of their own and may be empty, so they are told by the
bars, not by the gaps: two or more consecutive lines that each split into at
least two cells at a bar. Each bar, with the blanks around it, becomes a tab (the
separator the table readers use); a border bar at either end of a line is
dropped. An empty cell stays an empty cell, so the columns stay aligned.

A line whose one bar is a border at its end ("粤府办〔2014〕25号 |": a one-cell row of a page's
layout table, scraped as text) loses it: the bar had kept the number from standing alone on
its line, and the signature's date from ending its line.
"""

from __future__ import annotations

import re

_BARS = "|｜"
_SEPARATOR = re.compile(r"[ \u3000\u00a0]*[|｜][ \u3000\u00a0]*")
_MIN_ROWS = 2


def bar_edits(text: str) -> list[tuple[int, int, str]]:
    """Edits that turn the bars of bar-separated table rows into tabs."""
    if not any(bar in text for bar in _BARS):
        return []
    edits: list[tuple[int, int, str]] = []
    run: list[tuple[int, str]] = []  # (offset, line) of consecutive bar rows
    offset = 0
    for line in text.split("\n"):
        if _is_bar_row(line):
            run.append((offset, line))
        else:
            edits += _run_edits(run) + _border_edits(offset, line)
            run = []
        offset += len(line) + 1
    return edits + _run_edits(run)


def _is_bar_row(line: str) -> bool:
    body = line.strip(" \u3000\u00a0" + _BARS)
    return bool(body) and any(bar in body for bar in _BARS) and "\t" not in line


_END_BORDER = re.compile(r"[ \u3000\u00a0]*[|｜][ \u3000\u00a0]*$")


def _border_edits(offset: int, line: str) -> list[tuple[int, int, str]]:
    """The bar that closes a one-cell row ("…25号 |"), with the blanks before it."""
    border = _END_BORDER.search(line)
    if border is None or border.start() == 0:
        return []
    return [(offset + border.start(), offset + border.end(), "")]


def _run_edits(run: list[tuple[int, str]]) -> list[tuple[int, int, str]]:
    if len(run) < _MIN_ROWS:
        return []
    edits = []
    for offset, line in run:
        for separator in _SEPARATOR.finditer(line):
            border = separator.start() == 0 or separator.end() == len(line)
            edits.append((offset + separator.start(), offset + separator.end(), "" if border else "\t"))
    return edits
