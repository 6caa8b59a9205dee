"""Tables with no ruling lines, read from where their words stand on the page.

Many exported lists set their columns apart by white space alone. Plain text
extraction then runs a row's cells together (1城乡居民基本养老保险县人力资源…) and
sets a cell's wrapped last line as a line of its own (参保登记 局), so no reader
downstream can tell the columns or the rows. Here a table is found by its shape:
two or more lines numbered 1, 2, 3… whose words fall into three or more cells,
the line right above them as its header, and the lines between and under them
that have nothing in the number column as the wrapped ends of the row above,
each piece appended to the cell of the column it stands in. The table comes back
as tab-separated rows; the text above and below it is read as before.

The reader works on words with their boxes (top-down coordinates), so pdfium's
characters and pdfplumber's words both feed it (:mod:`sources.pdf`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from statistics import median

_CELL_GAP = 0.8  # a gap wider than this many character heights parts two cells
_LINE_SHIFT = 0.5  # words whose tops differ by less than this many heights share a line
_WRAP_REACH = 1.8  # a row's wrapped line stands within this many line heights under it
_MIN_CELLS = 3
_MIN_ROWS = 2
_MAX_NUMBER = 999


@dataclass(frozen=True)
class Word:
    """A run of text with its box; ``top`` grows down the page."""

    left: float
    right: float
    top: float
    bottom: float
    text: str

    @property
    def height(self) -> float:
        return max(self.bottom - self.top, 1.0)


@dataclass
class _Line:
    cells: list[Word]

    @property
    def top(self) -> float:
        return min(cell.top for cell in self.cells)

    @property
    def bottom(self) -> float:
        return max(cell.bottom for cell in self.cells)

    @property
    def number(self) -> int | None:
        first = self.cells[0].text.strip()
        return int(first) if first.isdigit() and int(first) <= _MAX_NUMBER else None


@dataclass
class Table:
    """A table found on the page: its vertical extent and its rows, cells joined by tabs."""

    top: float
    bottom: float
    rows: list[str] = field(default_factory=list)


def unruled_tables(words: list[Word]) -> list[Table]:
    """The tables with no rulings among ``words``, top to bottom."""
    lines = _lines(words)
    tables, index = [], 0
    while index < len(lines):
        stretch = _numbered_stretch(lines, index)
        if stretch is None:
            index += 1
            continue
        first, last = stretch
        tables.append(_table(lines, first, last))
        index = last + 1
    return tables


def _lines(words: list[Word]) -> list[_Line]:
    """Words grouped into lines by their tops, and each line's words into cells."""
    lines: list[list[Word]] = []
    for word in sorted(words, key=lambda w: (w.top, w.left)):
        if lines and abs(word.top - lines[-1][0].top) < _LINE_SHIFT * word.height:
            lines[-1].append(word)
        else:
            lines.append([word])
    return [_Line(_cells(sorted(line, key=lambda w: w.left))) for line in lines]


def _cells(words: list[Word]) -> list[Word]:
    """Words closer than a cell gap are one cell's text."""
    cells = [words[0]]
    for word in words[1:]:
        last = cells[-1]
        if word.left - last.right < _CELL_GAP * word.height:
            cells[-1] = Word(last.left, word.right, min(last.top, word.top), max(last.bottom, word.bottom), last.text + word.text)
        else:
            cells.append(word)
    return cells


def _numbered_stretch(lines: list[_Line], start: int) -> tuple[int, int] | None:
    """(first, last) line of the rows numbered 1, 2, 3… from ``start`` on, with the wrapped
    lines between and under them, or None when fewer than two rows follow each other."""
    if not _numbered_row(lines[start]):
        return None
    number_right = lines[start].cells[0].right
    expected, last, rows = lines[start].number, start, 0
    index = start
    while index < len(lines):
        line = lines[index]
        if _numbered_row(line) and line.number == expected:
            expected, last, rows = expected + 1, index, rows + 1
        elif not (_wraps(line, number_right) and _near(lines[index - 1], line)):
            break
        else:
            last = index
        index += 1
    return (start, last) if rows >= _MIN_ROWS else None


def _numbered_row(line: _Line) -> bool:
    return len(line.cells) >= _MIN_CELLS and line.number is not None


def _wraps(line: _Line, number_right: float) -> bool:
    """A wrapped line of a row: nothing stands in its number column."""
    return line.cells[0].left > number_right


def _near(above: _Line, line: _Line) -> bool:
    return line.top - above.bottom < _WRAP_REACH * (line.bottom - line.top)


def _table(lines: list[_Line], first: int, last: int) -> Table:
    numbered = [line for line in lines[first : last + 1] if line.number is not None]
    width = max(len(line.cells) for line in numbered)
    starts = [min(line.cells[i].left for line in numbered if len(line.cells) == width) for i in range(width)]
    header = lines[first - 1] if first > 0 and _heads(lines[first - 1], lines[first], starts) else None
    rows: list[list[str]] = [_placed(header, starts)] if header else []
    for line in lines[first : last + 1]:
        placed = _placed(line, starts)
        if line.number is None and rows:
            rows[-1] = [above + below for above, below in zip(rows[-1], placed)]  # a wrapped cell goes on
        else:
            rows.append(placed)
    top = header.top if header else lines[first].top
    return Table(top, lines[last].bottom, ["\t".join(row) for row in rows])


def _heads(line: _Line, first_row: _Line, starts: list[float]) -> bool:
    """The line right above the first row heads the table: as many cells or more than half
    as many, none a number, right above it."""
    return len(line.cells) * 2 > len(starts) and line.number is None and _near(line, first_row)


def _placed(line: _Line, starts: list[float]) -> list[str]:
    """The line's cell texts, each in the column it stands in (the last column that starts
    at or left of its middle, so a centred cell finds its column too)."""
    placed = [""] * len(starts)
    slack = median(cell.height for cell in line.cells)
    for cell in line.cells:
        middle = (cell.left + cell.right) / 2
        column = max((i for i, start in enumerate(starts) if start <= max(cell.left + slack, middle)), default=0)
        placed[column] += cell.text
    return placed


_EDGE = 1.0  # points kept clear of a table's box when reading the text around it


def with_tables(tables: list[Table], text_between: Callable[[float, float | None], str]) -> str:
    """The page's text: what ``text_between(top, bottom)`` reads around each table (``bottom``
    None: to the page's foot), the tables' rows in their places."""
    parts, cursor = [], 0.0
    for table in tables:
        parts += [text_between(cursor, table.top - _EDGE), "\n".join(table.rows)]
        cursor = table.bottom + _EDGE
    parts.append(text_between(cursor, None))
    return "\n".join(part.strip("\n") for part in parts if part.strip())


# a row's number and the gap after it; pdfium may run a header and the first row into one line
# (序号 事项名称 实施部门 1 城乡居民…), so the number need not open its line
_ROW_NUMBER = re.compile(r"(?:^|[ \t])\d{1,3}[ \t]+[^\d\s]", re.M)


def may_hold_a_table(text: str) -> bool:
    """Two numbers or more, each with a gap after it, in the plain text: worth placing the
    page's words. A cheap look, so pages of prose cost no more than before."""
    return len(_ROW_NUMBER.findall(text)) >= _MIN_ROWS
