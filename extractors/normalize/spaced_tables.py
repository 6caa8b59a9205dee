"""Tables whose cells are separated by spaces: text scraped from a web page or a
PDF without its table lines ("1 住房公积金汇缴 市住房公积金管理中心 2021年10月底前").

Layout tidying removes a space between two Han characters (it is residue, as in
基础信 息变更), which would glue such a row into one run of text. So rows are
found first and their cell gaps become tabs, the separator the table readers
use. A row is told by its shape, never by its words alone: at least two
consecutive lines numbered 1, 2, 3… whose gaps split them into the same number
(three or more) of cells, none of them a sentence. The line just above them with
as many cells and no digits is their header (序号 事项名称 责任单位 完成时限).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.head_lines import Line, all_lines, is_issuer_line
from extractors.normalize.wrapping import display_width

_GAP = re.compile(r"[ \u3000\u00a0]+")
# A numbered row after a line break; opening with a literal lets the regex skip ahead fast.
_NUMBERED = re.compile(r"\n[ \u3000\u00a0]*\d{1,3}[ \u3000\u00a0]+\S")
_MIN_CELLS = 3
_MIN_ROWS = 2


@dataclass(frozen=True)
class _Line:
    start: int
    text: str
    gaps: list[tuple[int, int]]  # spans of the gaps between cells, in the document

    @property
    def cells(self) -> int:
        return len(self.gaps) + 1

    @property
    def number(self) -> int | None:
        first = self.text.strip().split(maxsplit=1)[0] if self.text.strip() else ""
        return int(first) if first.isdigit() and first.isascii() else None


def cell_gap_edits(text: str) -> list[tuple[int, int, str]]:
    """Edits that turn the cell gaps of space-separated table rows into tabs."""
    if _NUMBERED.search("\n" + text[:16]) is None and _NUMBERED.search(text) is None:
        return []
    lines = _lines(text)
    edits: list[tuple[int, int, str]] = []
    index = 0
    while index < len(lines):
        run = _numbered_run(lines, index)
        rows = [line for line in run if line.number is not None]
        if len(rows) >= _MIN_ROWS:
            header = lines[index - 1] if index > 0 and _is_header(lines[index - 1], rows[0]) else None
            full = [line for line in rows if line.cells == rows[0].cells]
            for line in ([header] if header else []) + full:
                edits.extend((start, end, "\t") for start, end in line.gaps)
            # a row a merged cell left short, or a wrapped cell's rest: each piece under its column
            edits.extend(edit for line in run if line not in full for edit in _aligned_edits(line, rows[0]))
            index += len(run)
        else:
            index += 1
    return sorted(edits)


def _lines(text: str) -> list[_Line]:
    return [_Line(line.start, line.text, _gaps(line)) for line in all_lines(text)]


def _gaps(line: Line) -> list[tuple[int, int]]:
    """The spans of the gaps between a line's cells, in the document."""
    body = line.text.strip(" \u3000\u00a0\r")
    start = line.start + (line.text.index(body) if body else 0)
    return [(start + gap.start(), start + gap.end()) for gap in _GAP.finditer(body)]


def _numbered_run(lines: list[_Line], index: int) -> list[_Line]:
    """The rows numbered n, n+1, … from ``index`` with the same number of cells, and the
    lines that continue a wrapped cell between them."""
    first = lines[index]
    if first.number is None or first.cells < _MIN_CELLS or "\t" in first.text or _is_sentence(first.text):
        return []
    run, last = [first], first
    for line in lines[index + 1 :]:
        if _continues_a_cell(line, first):
            run.append(line)
            continue
        fits = line.cells == first.cells or (2 <= line.cells < first.cells and _skips_a_column(line, first))
        if line.number != last.number + 1 or not fits or _is_sentence(line.text):
            break  # a row left short by a merged cell (2   生育医疗费支付   市医保局) fits if aligned
        run.append(line)
        last = line
    while run[-1].number is None and _signs_or_dates(run[-1]):
        run.pop()  # a signature or a date set in under the table is no cell of its last row
    return run


def _continues_a_cell(line: _Line, row: _Line) -> bool:
    """ "        登记" under "1   个体工商户设立   市市场监管局…": a cell a PDF's column wrapped,
    indented to its column, with fewer cells than a row, no number, no sentence."""
    body = line.text.strip(" \u3000\u00a0\r")
    indented = bool(body) and line.text[:1] in " \u3000\u00a0"
    if not indented or line.number is not None or line.cells >= row.cells or _is_sentence(body):
        return False
    return _aligned(line, row)


def _skips_a_column(line: _Line, row: _Line) -> bool:
    """A row a merged cell left short: its pieces stand under the row's columns with one or
    more left empty between them (2 · 生育医疗费支付 · 市医保局), not merely cut short at its end."""
    if not _aligned(line, row):
        return False
    columns = [_nearest(row, start) for start in _piece_columns(line)]
    return any(later - earlier > 1 for earlier, later in zip(columns, columns[1:]))


def _nearest(row: _Line, start: int) -> int:
    columns = _cell_columns(row)
    return min(range(len(columns)), key=lambda index: abs(columns[index] - start))


def _aligned(line: _Line, row: _Line) -> bool:
    """Does every piece of the line start under one of the row's cells?"""
    columns = _cell_columns(row)
    return all(min(abs(start - column) for column in columns) <= _ALIGN for start in _piece_columns(line))


def _signs_or_dates(line: _Line) -> bool:
    """A line under a table's last row that is a signature (one body's name alone) or holds a
    date: no wrapped cell of that row."""
    return bool(re.search(r"\d", line.text)) or (line.cells == 1 and is_issuer_line(line.text.strip()))


_ALIGN = 2  # display columns a wrapped cell's rest may stand off its column's start


def _piece_columns(line: _Line) -> list[int]:
    """The print column each piece of a line starts at."""
    body = line.text.strip(" \u3000\u00a0\r")
    first = line.text.index(body)
    return [display_width(line.text[:first])] + [display_width(line.text[: end - line.start]) for _, end in line.gaps]


def _aligned_edits(line: _Line, row: _Line) -> list[tuple[int, int, str]]:
    """Tabs that put each piece of a short line under its column: "\t登记" continues the row's
    second cell; "2\t\t生育医疗费支付\t市医保局" leaves a merged cell empty. The column is the
    row's cell that starts nearest in print."""
    body = line.text.strip(" \u3000\u00a0\r")
    gaps = [(line.start, line.start + line.text.index(body)), *line.gaps]  # the indent, then the gaps
    edits, column = [], 0
    for (gap_start, gap_end), piece_column in zip(gaps, _piece_columns(line)):
        nearest = _nearest(row, piece_column)
        tabs = max(nearest - column, 1 if gap_start != line.start else 0)
        if gap_end > gap_start:
            edits.append((gap_start, gap_end, "\t" * tabs))
        column = nearest
    return edits


def _cell_columns(row: _Line) -> list[int]:
    """The print column each of the row's cells starts at."""
    return [0] + [display_width(row.text[: end - row.start]) for _, end in row.gaps]


def _is_header(line: _Line, first_row: _Line) -> bool:
    return line.cells == first_row.cells and not re.search(r"\d", line.text) and not _is_sentence(line.text)


def _is_sentence(text: str) -> bool:
    return "。" in text or "；" in text
