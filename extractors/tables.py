"""Table rows as links: an item, the deadline and the departments on its row.

Work-plan tables put one task per row: 事项名称 | 完成时限 | 责任单位. What sits on
the same row belongs together, and a department in a column headed 责任单位 (or
牵头单位, 配合单位) has that role even with no cue word next to it. The header
words come from the same role table the sentence-level rules use.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from extractors.datafiles import load_table
from extractors.department_roles import COLLECTIVE_NOUNS, LIST_JOINERS
from extractors.heading_lists import past_fields
from extractors.item_lists import tagged_line
from extractors.item_names import COUNT_NOTE
from extractors.records import Deadline, DepartmentMention, ItemMention
from extractors.text import LIST_NUMBER, line_end


def _header_roles() -> dict[str, str]:
    return {r["cue"]: r["role"] for r in load_table("department_roles.tsv") if r["position"] in ("before", "column")}


@lru_cache(maxsize=1)
def header_words() -> tuple[str, ...]:
    """Words that head table columns: item names, row numbers, roles, deadline labels."""
    kinds = ("name_header", "main_header", "sub_header", "header_word")
    items = [r["cue"] for r in load_table("item_cues.tsv") if r["type"] in kinds]
    deadlines = [r["marker"] for r in load_table("deadline_markers.tsv") if r["position"] == "label"]
    return (*items, *_header_roles(), *deadlines)


# "一、社会保障类（2项）", "（二）医疗保障": a group's heading, not an item
GROUP_MARK = re.compile(r"[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)]")
_COUNT_AT_END = re.compile(rf"{COUNT_NOTE}$")
_HEADING_LINE_MAX = 40  # a group's heading is short and holds no sentence


def heading_text(text: str) -> str:
    """What a group heading names, without its enumerator and count: "一、社会保障类（5项）" ->
    社会保障类, "（二）省医保局" -> 省医保局."""
    mark = GROUP_MARK.match(text)
    return _COUNT_AT_END.sub("", text[mark.end() :] if mark else text).strip()


def is_group_heading_line(line: str) -> bool:
    """A line with no cells inside a table that heads the rows below it
    ("一、2020年底前实现“跨省通办”事项（58项）": a merged row as plain text). It keeps
    the table open, where any other line ends it."""
    text = line.strip()
    return len(text) <= _HEADING_LINE_MAX and "。" not in text and GROUP_MARK.match(text) is not None


def looks_like_header(cells: list[str]) -> bool:
    """A row of column names: no digits, and a word that heads columns (事项名称, 责任单位).
    After a blank line such a row starts a new table; any other row continues the one above."""
    joined = "".join(cells)
    return not re.search(r"\d", joined) and any(word in joined for word in header_words())


_SPACES = re.compile(r"\s+")


def _block_width(cells: list[str]) -> int | None:
    """The width of one block of a header that repeats its columns to set rows side by side
    (序号 | 事项名称 | 实施部门 | 序号 | 事项名称 | 实施部门: 3), or None."""
    names = [_SPACES.sub("", cell) for cell in cells]
    while names and not names[-1]:
        names.pop()
    for width in range(2, len(names) // 2 + 1):
        blocks = [names[at : at + width] for at in range(0, len(names), width)]
        if len(names) % width == 0 and all(block == blocks[0] for block in blocks) and looks_like_header(blocks[0]):
            return width
    return None


@lru_cache(maxsize=4)
def table_lines(text: str) -> tuple[tuple[int, str], ...]:
    """Every line of ``text`` with its start, the rows of a side-by-side table read block by
    block: a list set two items a row (1 | 就业登记 | 人社局 | 5 | 居住证申领 | 公安局) is
    numbered down its first block, then down the next. Each block's rows come after its own
    part of the header, each part at its own start, so a row's cells, its links and its
    spans stay those of its block. A blank line parts the blocks: the header that follows
    continues the table, as a PDF's repeated header does. Cached: three readers of tables
    (items, deadline columns, row links) unfold the same text."""
    lines, offset = [], 0
    for line in text.split("\n"):
        lines.append((offset, line))
        offset += len(line) + 1
    if "\t" not in text:
        return tuple(lines)
    result: list[tuple[int, str]] = []
    index = 0
    while index < len(lines):
        width = _block_width(lines[index][1].split("\t")) if "\t" in lines[index][1] else None
        if width is None:
            result.append(lines[index])
            index += 1
            continue
        end = _table_end(lines, index)
        result.extend(_unfolded(lines[index:end], width))
        index = end
    return tuple(result)


def _table_end(lines: list[tuple[int, str]], header: int) -> int:
    """The index past the last tab row of the table whose header is at ``header``: blank lines
    and group headings between rows keep it open, any other line closes it."""
    end = header + 1
    for index in range(header + 1, len(lines)):
        line = lines[index][1]
        if "\t" in line:
            end = index + 1
        elif line.strip() and not is_group_heading_line(line):
            break
    return end


def _unfolded(rows: list[tuple[int, str]], width: int) -> list[tuple[int, str]]:
    """The rows' first blocks, a blank line, their second blocks, and so on; a block with
    fewer than two cells or none filled is left out (the last row's empty half)."""
    split = [(start, line.split("\t")) for start, line in rows]
    blocks = max(-(-len(cells) // width) for _, cells in split)
    result: list[tuple[int, str]] = []
    for block in range(blocks):
        if block:
            result.append((rows[0][0], ""))
        for start, cells in split:
            part = cells[block * width : (block + 1) * width]
            if block == 0 and len(cells) < 2:
                result.append((start, "\t".join(cells)))  # a blank line or a group heading
            elif len(part) >= 2 and any(cell.strip() for cell in part):
                result.append((start + sum(len(cell) + 1 for cell in cells[: block * width]), "\t".join(part)))
    return result


def _rows(text: str) -> list[tuple[int, int, list[tuple[int, int]], list[str] | None]]:
    """(row start, row end, cell spans, header cells of its table) for each tab row."""
    return [row for kind, *row in _scan(text) if kind == "row"]


def header_rows(text: str) -> list[tuple[int, int]]:
    """The spans of the tables' header rows: a header cell (行业主管部门, 责任单位) names a column,
    no body the notice mentions. Only a row that reads as one (a table's first row may be a
    catalog's entry: 【跨省通办】婚姻登记档案查询 | 县民政局)."""
    scanned = _scan(text)
    return [(start, end) for kind, start, end, _, cells in scanned if kind == "header" and looks_like_header(cells)]


@lru_cache(maxsize=4)
def _scan(text: str) -> list[tuple[str, int, int, list[tuple[int, int]], list[str] | None]]:
    """Each tab line as ("header" or "row", start, end, cell spans, header cells of its table).
    Cached: the rows are linked and the header rows left out of the mentions from one scan."""
    rows = []
    header: list[str] | None = None
    after_blank = False
    for offset, line in table_lines(text):
        if "\t" in line and _merged_row(line):
            pass  # a caption or group heading merged across the table: neither header nor row
        elif "\t" in line:
            cells, spans, cursor = line.split("\t"), [], offset
            for cell in cells:
                spans.append((cursor, cursor + len(cell)))
                cursor += len(cell) + 1
            if header is None and _numbered_row(cells):
                header = []  # a table with no header row: this is its first row
                rows.append(("row", offset, offset + len(line), spans, header))
            elif header is None or (after_blank and looks_like_header(cells)):
                header = cells
                rows.append(("header", offset, offset + len(line), spans, header))
            elif rows[-1][0] == "header" and rows[-1][2] == offset - 1 and _stacks_on(header, cells):
                header = stacked(header, cells)  # 责任单位 over 牵头单位 | 配合单位: one header of two rows
                rows.append(("header", offset, offset + len(line), spans, header))
            else:
                rows.append(("row", offset, offset + len(line), spans, header))
        elif line.strip() and not (header is not None and is_group_heading_line(line)):
            header = None  # a blank line between rows does not end the table, nor a group's heading
        after_blank = not line.strip()
    return rows


CELL_NUMBER = re.compile(r"[0-9]{1,3}[.、．]?")  # a row's number in a cell of its own
_LEADING_NUMBER = re.compile(LIST_NUMBER)


def _numbered_row(cells: list[str]) -> bool:
    """A row numbered in a cell of its own or before its first cell's text (1 | 户口迁移 | …,
    1.户口迁移 | …): a data row, never a header."""
    first = cells[0].strip()
    numbered = CELL_NUMBER.fullmatch(first) is not None or _LEADING_NUMBER.match(first) is not None
    return len(cells) >= 3 and numbered and not looks_like_header(cells)


def merged_row_copies(text: str) -> list[tuple[int, int]]:
    """The copies a merged row repeats (an HTML colspan, an .xlsx merge): one text in every
    cell of the row ("一、省公安厅（2项）" in four cells). A reader sees it once, so only the first
    cell names a body or a time; the rest are no mentions of their own."""
    copies: list[tuple[int, int]] = []
    if "\t" not in text:
        return copies
    offset = 0
    for line in text.split("\n"):
        if "\t" in line and _merged_row(line):
            first = line.index("\t")
            copies.append((offset + first, offset + len(line)))
        offset += len(line) + 1
    return copies


def _merged_row(line: str) -> bool:
    """A row whose cells all hold one text: a merged cell across the table."""
    cells = [cell.strip() for cell in line.split("\t")]
    return len(set(cells)) == 1 and bool(cells[0])


def link_rows(
    text: str, items: list[ItemMention], deadlines: list[Deadline], departments: list[DepartmentMention]
) -> tuple[list[ItemMention], list[DepartmentMention]]:
    """Items with the deadlines and departments of their row; column roles applied."""
    roles = _header_roles()
    departments = list(departments)
    items = list(items)
    above: tuple[tuple[int, ...], tuple[int, ...]] = ((), ())  # the last row's deadlines and departments
    table: list[str] | None = None
    for start, end, spans, header in _rows(text):
        if header is not table:
            above, table = ((), ()), header  # a new table: nothing above its first row
        on_row = [i for i, d in enumerate(departments) if start <= d.span[0] < end]
        row_items = [index for index, item in enumerate(items) if start <= item.span[0] < end]
        for index in on_row:
            role = _column_role(departments[index].span, spans, header, roles)
            says_no_role = not header or (role is None and _heads_bodies(departments[index].span, spans, header))
            if says_no_role and row_items and _in_a_cell_of_bodies(text, departments[index].span, departments):
                role = "responsible"  # no header says a role (none, or 部门): an item row's bodies handle it
            if role and departments[index].role == "mentioned":
                departments[index] = replace(departments[index], role=role)
        row_deadlines = tuple(i for i, d in enumerate(deadlines) if start <= d.span[0] < end)
        linked = (row_deadlines, tuple(on_row))
        if row_items and text.startswith("\t", start):  # its number merged with the row above's
            linked = (row_deadlines or above[0], tuple(on_row) or above[1])
        for index in row_items:  # a table's item, or one a task cell names (推进A“跨省通办”)
            items[index] = replace(items[index], deadlines=linked[0], departments=linked[1])
        above = linked if row_items else above
    return items, departments


LIST_LINE = re.compile(rf"[ \t\u3000]*{LIST_NUMBER}")


def link_list_lines(
    text: str, items: list[ItemMention], deadlines: list[Deadline], departments: list[DepartmentMention]
) -> list[ItemMention]:
    """The item of a numbered list line with the deadlines and departments of its line:
    "3.户口迁移（市公安局，2022年6月底前）", and of the field lines under it ("牵头单位：…").
    Only a line that holds one item and no tab (a table row is linked by its cells)."""
    by_line: dict[int, list[int]] = {}
    for index, item in enumerate(items):
        if not item.deadlines and not item.departments:
            by_line.setdefault(text.rfind("\n", 0, item.span[0]) + 1, []).append(index)
    items = list(items)
    for start, on_line in by_line.items():
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        if len(on_line) != 1 or not LIST_LINE.match(text, start) or "\t" in text[start:end]:
            continue
        index = on_line[0]
        if any(start <= other.span[0] < end for number, other in enumerate(items) if number != index):
            continue  # another item, already linked, shares the line
        end = past_fields(text, end + 1) if end < len(text) else end  # and the fields under it: 牵头单位：…
        linked_deadlines = tuple(i for i, d in enumerate(deadlines) if start <= d.span[0] < end)
        linked_departments = tuple(i for i, d in enumerate(departments) if start <= d.span[0] < end)
        items[index] = replace(items[index], deadlines=linked_deadlines, departments=linked_departments)
    return items


def link_catalog_lines(
    text: str, items: list[ItemMention], deadlines: list[Deadline], departments: list[DepartmentMention]
) -> tuple[list[ItemMention], list[DepartmentMention]]:
    """A catalog entry's item with what its line sets beside it (【跨省通办】婚姻登记档案查询\t县民政局,
    or an entry with no tag under a catalog's heading): a body alone in a cell of the entry's line
    handles the item, so it is responsible."""
    items, departments = list(items), list(departments)
    entries = {line.span("name"): line.span() for line in tagged_line().finditer(text)}
    for item in items:
        if item.method == "enumeration" and text[item.span[1] : item.span[1] + 1] == "\t" and _opens_its_line(text, item):
            entries.setdefault(item.span, (text.rfind("\n", 0, item.span[0]) + 1, line_end(text, item.span[1])))
    for name_span, (start, end) in entries.items():
        on_line = [index for index, item in enumerate(items) if item.span == name_span]
        if len(on_line) != 1:
            continue
        linked = tuple(i for i, d in enumerate(departments) if start <= d.span[0] < end)
        for index in linked:
            if departments[index].role == "mentioned" and _fills_a_cell(text, departments[index].span):
                departments[index] = replace(departments[index], role="responsible")
        dated = tuple(i for i, d in enumerate(deadlines) if start <= d.span[0] < end)
        items[on_line[0]] = replace(items[on_line[0]], deadlines=dated, departments=linked)
    return items, departments


def _opens_its_line(text: str, item: ItemMention) -> bool:
    return not text[text.rfind("\n", 0, item.span[0]) + 1 : item.span[0]].strip()


_BODY_JOINERS = re.compile(rf"[{LIST_JOINERS}，,\s]+")  # 省公安厅、省教育厅 / 省公安厅，省教育厅


def _in_a_cell_of_bodies(text: str, span: tuple[int, int], departments: list[DepartmentMention]) -> bool:
    """Does the body stand in a cell that holds bodies only (省公安厅、省教育厅)?"""
    start = max(text.rfind("\t", 0, span[0]), text.rfind("\n", 0, span[0])) + 1
    end = min(position for position in (text.find("\t", span[1]), text.find("\n", span[1]), len(text)) if position >= 0)
    if start == 0 or text[start - 1] != "\t":
        return False  # the row's first cell holds its number and name
    rest = text[start:end]
    for department in departments:
        if start <= department.span[0] and department.span[1] <= end:
            rest = rest.replace(department.name, "", 1)
    return _BODY_JOINERS.sub("", rest) == ""


def _fills_a_cell(text: str, span: tuple[int, int]) -> bool:
    before = text[span[0] - 1 : span[0]]
    after = text[span[1] : span[1] + 1]
    return before == "\t" and after in ("\t", "\n", "")


def _column_title(span: tuple[int, int], cells: list[tuple[int, int]], header: list[str]) -> str:
    for column, (start, end) in enumerate(cells):
        if start <= span[0] < end + 1 and column < len(header):
            return header[column]
    return ""


def _column_role(span: tuple[int, int], cells: list[tuple[int, int]], header: list[str], roles: dict[str, str]) -> str | None:
    """The role the column's title gives; of two header rows (责任单位牵头单位), the lower's:
    the cue that ends last, the longest of those."""
    title = _column_title(span, cells, header)
    found = [(title.rfind(cue) + len(cue), len(cue), cue) for cue in roles if cue in title]
    return roles[max(found)[2]] if found else None


def _stacks_on(upper: list[str], lower: list[str]) -> bool:
    """Is ``lower`` the second row of a header of two? It heads columns too, and the rows show
    their merged cells: a cell merged down both rows is in both or blank in the lower one
    (序号 over 序号), or one merged across columns repeats in the upper one (责任单位 责任单位).
    Two rows of a guide's label | value pairs show neither."""
    if len(upper) != len(lower) or not looks_like_header(lower):
        return False
    pairs = list(zip(upper, lower))
    down = any(a.strip() and (a.strip() == b.strip() or not b.strip()) for a, b in pairs)
    across = any(a.strip() and a.strip() == b.strip() for a, b in zip(upper, upper[1:]))
    return down or across


def cell_span(cells: list[str], index: int, line_start: int) -> tuple[int, int]:
    """The span of a tab row's cell ``index``, without its blanks; the row starts at ``line_start``."""
    start = line_start + sum(len(c) + 1 for c in cells[:index])
    return trimmed_cell(cells[index], start)


def trimmed_cell(cell: str, start: int) -> tuple[int, int]:
    """The span of a cell that starts at ``start``, without its blanks."""
    stripped = cell.strip()
    lead = len(cell) - len(cell.lstrip())
    return start + lead, start + lead + len(stripped)


def stacked(upper: list[str], lower: list[str]) -> list[str]:
    """Two header rows as one: a merged upper cell repeats over its columns, so
    ["事项名称", "事项名称"] over ["主项", "子项"] reads "事项名称主项", "事项名称子项"."""
    width = max(len(upper), len(lower))
    upper, lower = upper + [""] * (width - len(upper)), lower + [""] * (width - len(lower))
    return [a if a.strip() == b.strip() else a + b for a, b in zip(upper, lower)]


def _heads_bodies(span: tuple[int, int], cells: list[tuple[int, int]], header: list[str]) -> bool:
    """A column headed by a word for bodies with no role in it (部门, 权力部门, 办理机关)."""
    return _column_title(span, cells, header).strip().endswith(COLLECTIVE_NOUNS)
