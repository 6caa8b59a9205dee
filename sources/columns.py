"""Multi-column pages (newspapers): read column by column, split at headlines.

A newspaper PDF often stores its text row by row across the page, so plain
extraction interleaves unrelated articles (seed 004). Here each text run
(pdfium's text rectangles) is placed by position instead. Gutters are vertical
bands no body text crosses, and runs wider than a column (a banner headline)
are left out of that test. Columns are read left to right, top to bottom, and a
new article starts at every headline: a run set clearly larger than the body
text. An article that runs from the foot of one column to the top of the next
stays one article.
"""

from __future__ import annotations

from dataclasses import dataclass
from statistics import median

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

_MIN_GUTTER = 6.0  # points of empty width between two columns
_HEADLINE = 1.25  # font size over the body's median that marks a headline
_MIN_RUNS_PER_COLUMN = 3
_RUN_GAP = 0.8  # a gap wider than this many em ends a run: CJK text sets solid, gutters are about 1 em


@dataclass(frozen=True)
class _Run:
    left: float
    bottom: float
    right: float
    text: str
    size: float


def page_chars(textpage: pdfium.PdfTextPage, step: int = 1) -> list[tuple[float, float, float, float, float, str]]:
    """(left, bottom, right, top, font size, text) of every ``step``-th visible character."""
    chars = []
    for index in range(0, textpage.count_chars(), step):
        # FPDFText_GetUnicode, not get_text_range(index, 1): the range call can
        # drift from the char index after generated characters (line breaks).
        char = chr(pdfium_c.FPDFText_GetUnicode(textpage.raw, index))
        if not char.strip():
            continue
        left, bottom, right, top = textpage.get_charbox(index, loose=True)  # font box: one baseline per line
        chars.append((left, bottom, right, top, pdfium_c.FPDFText_GetFontSize(textpage.raw, index), char))
    return chars


def _runs(chars: list[tuple[float, float, float, float, float, str]]) -> list[_Run]:
    """Characters in stream order grouped into runs: a run ends where the baseline
    moves or the next character is most of an em away (a gutter can be that narrow).
    pdfium's own text rectangles merge same-font text across a gutter, so they
    cannot be used for this."""
    runs: list[_Run] = []
    current: list[tuple[float, float, float, float, float, str]] = []
    for char in chars:
        if current:
            left, bottom, _, _, size, _ = char
            last = current[-1]
            gap = left - last[2]
            if abs(bottom - last[1]) > 0.5 * max(size, 1) or gap > _RUN_GAP * max(size, 1) or gap < -max(size, 1):
                runs.append(_to_run(current))
                current = []
        current.append(char)
    if current:
        runs.append(_to_run(current))
    return runs


def _to_run(chars: list[tuple[float, float, float, float, float, str]]) -> _Run:
    return _Run(chars[0][0], chars[0][1], chars[-1][2], "".join(c[5] for c in chars), max(c[4] for c in chars))


def _gutters(runs: list[_Run], width: float) -> list[float]:
    """x positions of the gaps between columns (narrow runs only)."""
    narrow = sorted((r.left, r.right) for r in runs if r.right - r.left < 0.6 * width)
    merged: list[list[float]] = []
    for left, right in narrow:
        if merged and left <= merged[-1][1] + _MIN_GUTTER:
            merged[-1][1] = max(merged[-1][1], right)
        else:
            merged.append([left, right])
    return [(a[1] + b[0]) / 2 for a, b in zip(merged, merged[1:])]


def column_articles(textpage: pdfium.PdfTextPage, width: float) -> list[str] | None:
    """The page's articles in reading order, or None when it is a single column."""
    count = textpage.count_chars()
    if count == 0:
        return None
    # A cheap look first: a sample of characters shows whether there is a gutter at all.
    sample = _runs(page_chars(textpage, step=max(1, count // 200)))
    if not _gutters([r for r in sample if r.right - r.left > 0], width):
        return None
    runs = _runs(page_chars(textpage))
    gutters = _gutters(runs, width)
    if not gutters:
        return None
    columns: list[list[_Run]] = [[] for _ in range(len(gutters) + 1)]
    banners = []
    for run in runs:
        if run.right - run.left >= 0.6 * width:
            banners.append(run)
            continue
        columns[sum(1 for g in gutters if (run.left + run.right) / 2 > g)].append(run)
    if any(len(column) < _MIN_RUNS_PER_COLUMN for column in columns):
        return None
    body = median(r.size for r in runs if r.size) if any(r.size for r in runs) else 0.0
    ordered = sorted(banners, key=lambda r: -r.bottom)
    for column in columns:
        ordered += sorted(column, key=lambda r: (-round(r.bottom, 1), r.left))
    return _split_at_headlines(ordered, body)


def _split_at_headlines(runs: list[_Run], body: float) -> list[str]:
    articles: list[list[str]] = []
    previous_headline = False
    for run in runs:
        headline = body > 0 and run.size > _HEADLINE * body
        if headline and not previous_headline or not articles:
            articles.append([])
        articles[-1].append(run.text)
        previous_headline = headline
    return ["\n".join(lines) for lines in articles if lines]
