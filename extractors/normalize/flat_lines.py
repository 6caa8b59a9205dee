"""Printed lines flattened into one: text a document library or a PDF-to-text
service gives with each line break turned into a space ("…标准化规范化 建设的实施意见
各片区管理办公室,…,市人民政府 各相关部门: 为进一步提升…").

Layout tidying removes a space between two Han characters as residue, which
would glue the title, the addressees and the body into one run. So such a
line's breaks are put back first, and re-flow then joins the ones that fall
mid-sentence and keeps the title's, the addressees' and the headings'.

A flattened line is told by its shape: it is long, and its spaces between two
CJK characters cut it into pieces most of which are a printed line's full
width. Text that merely holds a few stray spaces, or a letter-spaced heading
(基 础 信 息), has no such cluster of equal pieces.
"""

from __future__ import annotations

import re

import numpy as np

# Anchored at line starts: unanchored, the scan would restart inside every shorter line.
_LONG_LINE = re.compile(r"^[^\n]{200,}", re.M)
# A space between two non-ASCII characters (Han, CJK marks, ↓), or after a scraped page's
# half-width mark ("各相关部门: 为进一步…"); never after a digit or a Latin letter ("7 号").
_BREAK = re.compile(r"(?<=[^\x00-\x7f]|[,.:;!?)]) (?=[^\x00-\x7f]|\()")
_MIN_PIECES = 6
_MIN_LINE_CHARS = 12  # a printed line of a page is wider than this
_FULL_SHARE = 0.3  # at least this share of pieces is a full line (a head has many short ones)


def line_break_edits(text: str) -> list[tuple[int, int, str]]:
    """Edits turning a flattened line's breaks (single spaces) back into newlines."""
    edits: list[tuple[int, int, str]] = []
    for line in _LONG_LINE.finditer(text):
        if text.count(" ", line.start(), line.end()) < _MIN_PIECES - 1:
            continue  # most long lines: a paragraph with no spaces at all
        breaks = [m.start() for m in _BREAK.finditer(text, line.start(), line.end())]
        if _is_flattened(line.start(), line.end(), breaks):
            edits.extend((at, at + 1, "\n") for at in breaks)
    return edits


def _is_flattened(start: int, end: int, breaks: list[int]) -> bool:
    """Most pieces between breaks are one width: the page's printed line."""
    if len(breaks) + 1 < _MIN_PIECES:
        return False
    edges = [start - 1, *breaks, end]
    pieces = np.diff(np.array(edges)) - 1
    full = float(np.percentile(pieces, 80))
    if full < _MIN_LINE_CHARS:
        return False
    near_full = np.count_nonzero((pieces >= 0.85 * full) & (pieces <= 1.1 * full))
    return near_full >= _FULL_SHARE * len(pieces)
