"""Tables scraped one cell a line: a web page's table copied as text, each <td> on
a line of its own ("序号" / "事项名称" / "主管部门" / "完成时限" / "1" / "工业产品生产许可证" / …).

The table readers want one row a line with tab-separated cells, so such a table's
line breaks inside a row become tabs. A table is told by its shape: a 序号 line
opens a header of short lines with no digits (the column names), and rows follow
that each open with their number, 1, 2, 3… in order, with no more cells than the
header has columns (an empty cell leaves no line, so a row may have fewer). A
group's heading between rows (一、2020年底前实现“跨省通办”事项（58项）) stays a
line of its own. Anything else ends the table.
"""

from __future__ import annotations

import re

from extractors.head_lines import Line, all_lines
from extractors.item_names import cues
from extractors.tables import is_group_heading_line

_MAX_COLUMNS = 10
_MAX_HEADER_CHARS = 12  # a column's name is short
_MAX_CELL_CHARS = 80  # a cell holds a name, a body, a date: no paragraph
_MIN_ROWS = 2
_DIGIT = re.compile(r"\d")


def cell_line_edits(text: str) -> list[tuple[int, int, str]]:
    """Edits turning the line breaks inside each row of a one-cell-a-line table into tabs."""
    number_headers = cues()["header_word"]  # 序号, 编号
    if not any(header in text for header in number_headers):
        return []
    lines = all_lines(text)
    edits: list[tuple[int, int, str]] = []
    index = 0
    while index < len(lines):
        if lines[index].text.strip() in number_headers:
            table_edits, index = _table(lines, index)
            edits.extend(table_edits)
        else:
            index += 1
    return edits


def _table(lines: list[Line], start: int) -> tuple[list[tuple[int, int, str]], int]:
    """The edits of the table whose header opens at ``start``, and where reading goes on."""
    header = _header(lines, start)
    columns = len(header)
    rows: list[list[Line]] = []
    index, expected = start + columns, 1
    while index < len(lines):
        if is_group_heading_line(lines[index].text):
            index += 1
            continue
        row = _row(lines, index, expected, columns)
        if row is None:
            break
        rows.append(row)
        index += len(row)
        expected += 1
    if columns < 2 or len(rows) < _MIN_ROWS:
        return [], start + 1
    return [edit for cells in (header, *rows) for edit in _joins(cells)], index


def _header(lines: list[Line], start: int) -> list[Line]:
    """序号 and the short, digit-free lines after it: the column names."""
    header = [lines[start]]
    for line in lines[start + 1 : start + _MAX_COLUMNS]:
        name = line.text.strip()
        if not name or len(name) > _MAX_HEADER_CHARS or _DIGIT.search(name):
            break
        header.append(line)
    return header


def _row(lines: list[Line], index: int, number: int, columns: int) -> list[Line] | None:
    """The row numbered ``number`` opening at ``index``: its number's line and its cells, up
    to the next row's number, a blank line, or the header's count of columns."""
    if index >= len(lines) or lines[index].text.strip() != str(number):
        return None
    row = [lines[index]]
    for line in lines[index + 1 : index + columns]:
        cell = line.text.strip()
        if not cell or cell == str(number + 1) or len(cell) > _MAX_CELL_CHARS or is_group_heading_line(line.text):
            break
        row.append(line)
    return row if len(row) >= 2 else None


def _joins(cells: list[Line]) -> list[tuple[int, int, str]]:
    """Tabs for the line breaks between a row's cells."""
    return [(cell.end, cell.end + 1, "\t") for cell in cells[:-1]]
