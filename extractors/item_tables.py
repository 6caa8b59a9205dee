"""Items from tables: a tab-separated header with an item-name column (事项名称,
服务事项, …; or 主项 / 子项), 通办目标, 通办业务模式. Each data row is one item
with its main item and scope; a second header row (主项 | 子项 under 事项名称)
is read together with the first.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from extractors.heading_lists import names_items
from extractors.item_fields import is_field_row
from extractors.item_names import (
    ITEM_SEPARATORS,
    all_services,
    cues,
    inside_brackets,
    plausible,
    reads_as_service,
    split_names,
    undecorated,
    unnumbered,
)
from extractors.list_changes import former_column, former_name, names_a_change, withdraws
from extractors.name_notes import trailing_note
from extractors.records import ItemMention
from extractors.scope_tags import cues_in
from extractors.tables import (
    CELL_NUMBER,
    GROUP_MARK,
    cell_span,
    heading_text,
    is_group_heading_line,
    looks_like_header,
    stacked,
    table_lines,
)
from extractors.text import last_batch


@dataclass(frozen=True)
class _Columns:
    main: int | None
    sub: int | None
    scope: int | None
    mode: int | None
    services_only: bool = False  # a bare 事项 header: a name must end like a service
    former: int | None = None  # 原事项名称 beside 调整后事项名称: the name the row's item had before
    withdrawn: bool = False  # a 取消原因 column: the rows are taken off the list
    marked: tuple[tuple[int, str], ...] = ()  # a column per mode (全程网办 | 代收代办), ticked per row
    scope_marked: tuple[tuple[int, str], ...] = ()  # a column per scope (跨省通办 | 省内通办), ticked per row


# A tick in a mode's own column: the row's item is done that way
_TICKS = "√✓✔☑●◎是"


def _ticked(cell: str) -> bool:
    return cell != "" and cell[0] in _TICKS


def _marked_columns(cells: list[str], kind: str) -> tuple[tuple[int, str], ...]:
    """Header cells that name one mode each (全程网办, 代收代办 for 异地代收代办), or one scope
    each (跨省通办 | 省内通办, maybe quoted or asked: 是否跨省通办), ticked per row."""
    columns = []
    for index, cell in enumerate(cells):
        text = cell.strip().strip('“”"').removeprefix("是否")
        words = [word for word in cues()[kind] if word == text or (len(text) >= 4 and text in word)]
        if len(words) == 1:
            columns.append((index, words[0]))
    return tuple(columns)


def _header_columns(cells: list[str]) -> _Columns | None:
    def find(*words: str) -> int | None:
        for index, cell in enumerate(cells):
            if all(word in cell for word in words):
                return index
        return None

    words = cues()
    sub, main = find(*words["sub_header"][:1]), find(*words["main_header"][:1])
    former = former_column(cells)
    if sub is None and main is None:
        for header in words["name_header"]:
            sub = next((index for index, cell in enumerate(cells) if header in cell and index != former), None)
            if sub is not None:
                break
    bare = None
    if sub is None and main is None:
        bare = next((index for index, cell in enumerate(cells) if cell.strip() in words["name_cell"]), None)
        bare = bare if bare is not None else _first(find, words["service_header"])  # 涉及事项
        sub = bare
    if sub is None and main is None:
        return None
    scope, mode = _first(find, words["scope_header"]), _first(find, words["mode_header"])
    former = former if former is not None and sub is not None else None
    return _Columns(
        main,
        sub,
        scope,
        mode,
        services_only=bare is not None,
        marked=_marked_columns(cells, "mode"),
        scope_marked=_marked_columns(cells, "scope"),
        former=former,
        withdrawn=any(withdraws(cell) for cell in cells),
    )


def _first(find, headers: tuple[str, ...]) -> int | None:
    """The column of the first header word found."""
    return next((column for column in map(find, headers) if column is not None), None)


_CAPTION_LINES = 3  # lines above a table that may name its scope


def table_items(text: str, first_group: int) -> list[ItemMention]:
    items: list[ItemMention] = []
    columns: _Columns | None = None
    group = first_group
    after_blank = False
    header: list[str] = []
    rows_read = last_row = 0  # rows of this table; items the last row gave
    row_cells: list[str] = []  # the last row's cells
    row_at = 0  # where the last row starts in the text
    main_above: str | None = None  # a main item a merged cell names for the rows under it
    above: list[str] = []  # the last lines of running text
    caption = _Caption()
    category: str | None = None  # the group heading the rows below it belong to
    lines = table_lines(text)  # a side-by-side table's blocks one after another
    for index, (offset, line) in enumerate(lines):
        cells = line.split("\t")
        if columns is None and (headless := _headless_columns(cells, above)) is not None:
            columns, header, rows_read = headless, [], 0  # its first row is read below as a row
            caption, above = _caption(above), []
            group, category, main_above = group + 1, None, None
        if not line.strip():
            pass  # a blank line between rows does not end the table…
        elif len(cells) < 2 and columns is not None and is_group_heading_line(line):
            category = heading_text(line.strip()) or None  # a group's heading on a line of its own
        elif len(cells) < 2:
            columns = None
            above = [*above[-(_CAPTION_LINES - 1) :], line]
        elif columns is not None and after_blank and cells == header:
            # the header a PDF repeats on its next page: the same table goes on; a side-by-side
            # table's next block starts back up the page, and no row of it goes on from above
            if offset < row_at:
                row_cells, main_above, last_row = [], None, 0
        elif columns is None or (after_blank and looks_like_header(cells)):  # …a new header does
            header, rows_read = cells, 0
            columns = None if is_field_row(cells) else _header_columns(cells)  # 事项名称 | 异地就医备案: a field
            caption, above = _caption(above), []  # a caption serves one table
            group, category, main_above = group + 1, None, None
        elif rows_read == 0 and looks_like_header(cells):  # a second header row: 事项名称 over 主项 | 子项
            header = stacked(header, cells)
            columns = _header_columns(header) or columns
        elif (heading := _group_heading(cells, columns)) is not None:
            rows_read += 1
            category, row_cells, main_above = heading or None, [], None
        elif rows_read and offset > row_at and _continues_a_row(cells, row_cells, columns):  # a wrap is below its row
            if last_row and columns is not None:  # the rest of the row above's name: 个体工商户设立 / 登记
                items[-1] = _continued(items[-1], cells, offset, _name_column(row_cells, columns), columns.main)
        else:
            rows_read += 1
            wraps = index + 1 < len(lines) and _continues_a_row(lines[index + 1][1].split("\t"), cells, columns)
            merged = row_cells if row_cells and not cells[0].strip() else []  # its number merged with the row above's
            row = _row_items(cells, offset, columns, group, caption, category, main_above, wraps, merged)
            items.extend(row)
            last_row, row_cells, row_at = len(row), _filled(cells, merged), offset
            main_above = _main_cell(cells, columns) or main_above
        after_blank = not line.strip()
    return items


def _filled(cells: list[str], above: Sequence[str]) -> list[str]:
    """The row's cells with those merged cells left empty taken from the row above."""
    return [cell if cell.strip() or index >= len(above) else above[index] for index, cell in enumerate(cells)]


def _headless_columns(cells: list[str], above: list[str]) -> _Columns | None:
    """A table with no header row (a PDF's text, a page that sets its header apart): a row
    numbered in a cell of its own, its next cell a service's name, under a line that names
    通办 items ("第二批“跨省通办”事项清单" / "1 | 户口迁移 | 省公安厅 | 2021年底前"). The name
    column is the one after the number, and each row's name must end like a service."""
    if len(cells) < 3 or not CELL_NUMBER.fullmatch(cells[0].strip()) or looks_like_header(cells):
        return None
    name = cells[1].strip()
    if not (plausible(name) and reads_as_service(name)):
        return None
    if not any(names_items(line) for line in above):
        return None
    return _Columns(None, 1, None, None, services_only=True)


def _main_cell(cells: list[str], columns: _Columns | None) -> str | None:
    """The row's main item cell; empty where a merged cell (a PDF's text) left it to the row above."""
    if columns is None or columns.main is None or columns.main >= len(cells):
        return None
    return cells[columns.main].strip() or None


def _values(cell: str) -> tuple[str, ...]:
    return tuple(value for value in re.split(r"[；;、,，\s]+", cell) if value)


def _is_scope(value: str, in_scope_column: bool) -> bool:
    """A cell's value is a scope if it names one (跨省通办), or stands in the scope column and
    names no mode (川渝, 全省)."""
    if value in cues()["scope"]:
        return True
    return in_scope_column and value not in cues()["mode"] and not _is_mode(value)  # 代收代办 is a mode


def _is_mode(value: str) -> bool:
    """全程网办, 代收代办, 两地联办: a mode; a channel in a 办理渠道 column (湖南政务服务网,
    “湘易办”APP, 线下窗口) is none."""
    return any(word in value for word in cues()["mode_word"])


def _full_scope(value: str) -> str:
    """A scope column's short value as the scope it names: 全国 -> 全国通办, 省内 -> 省内通办, 川渝 ->
    川渝通办, so that one scope is one value across documents; a value no scope ends so stays."""
    return value + "通办" if value + "通办" in cues()["scope"] else value


def _continues_a_row(cells: list[str], row: list[str], columns: _Columns | None) -> bool:
    """ "\t登记": a line with no number under a numbered row, its cells set under their columns
    by a PDF's wrap (``normalize.spaced_tables``): the rest of the row's cells. Unless it is a
    row of its own under merged cells."""
    if not (row and row[0].strip().isdigit() and not cells[0].strip() and any(cell.strip() for cell in cells)):
        return False
    return not _own_row_under_merged_cells(cells, row, columns)


def _own_row_under_merged_cells(cells: list[str], row: list[str], columns: _Columns | None) -> bool:
    """A row whose number and main item a merged cell gives ("2 | 职业资格证书核验 | 技能人员…核验 |
    全程网办" over " | | 专业技术人员…核验 | 全程网办"). A wrap never repeats a cell of the row
    above word for word, and a sub-item that reads as a service under one that did is no wrap
    of it (a wrap leaves a fragment: 个体工商户设立 over 登记)."""
    name = _name_column(cells, columns) if columns is not None else None
    for index, cell in enumerate(cells[: len(row)]):
        value = cell.strip()
        if index != name and len(value) >= 2 and value == row[index].strip():
            return True
    if columns is None or columns.main is None or name is None or name != columns.sub or name >= len(row):
        return False
    current, previous = cells[name].strip(), row[name].strip()
    return len(current) >= _LEAST_SUB_ITEM and reads_as_service(current) and reads_as_service(previous)


_LEAST_SUB_ITEM = 4  # characters: a wrap's rest is shorter (核验, 登记); a sub-item names its object too


def _continued(
    item: ItemMention, cells: list[str], line_start: int, name_column: int | None, main_column: int | None
) -> ItemMention:
    """The row's item with the rest of its wrapped cells: its name grows, and its span runs on
    to the rest (no longer one stretch of text, so the warehouse keeps no source spelling of it);
    a main item's cell grows its main item. ``name_column``: the column the row's name came from."""
    rest = cells[name_column].strip() if name_column is not None and name_column < len(cells) else ""
    if rest:
        item = replace(item, name=item.name + rest, span=(item.span[0], cell_span(cells, name_column, line_start)[1]))
    main_rest = cells[main_column].strip() if main_column is not None and main_column < len(cells) else ""
    if main_rest and item.main_item:  # the name's own column too: a main item with no sub-items is its name
        item = replace(item, main_item=item.main_item + main_rest)
    return item


@dataclass(frozen=True)
class _Caption:
    """What the lines above a table say of its rows: the scope the nearest line names
    (首批“省内通办”事项清单如下: the rows' scope when the table has no 通办目标 column), the
    batch (第二批“跨省通办”事项清单, a sheet named 第二批), and whether the line right above
    withdraws them (三、取消事项)."""

    scope: tuple[str, ...] = ()
    batch: str | None = None
    withdrawn: bool = False  # 三、取消事项 right above: a notice takes the rows off its list


def _caption(above: list[str]) -> _Caption:
    scope = next((tuple(found) for found in (cues_in(line, "scope") for line in reversed(above)) if found), ())
    batch = next((found for found in map(last_batch, reversed(above)) if found), None)  # the nearest line's
    return _Caption(scope, batch, withdrawn=bool(above) and withdraws(above[-1]))


def _is_group_row(cells: list[str]) -> bool:
    """A row whose one text spans the table (an HTML colspan, repeated in every
    column it covers) heads a group of rows."""
    filled = [cell.strip() for cell in cells if cell.strip()]
    return len(filled) >= 2 and len(set(filled)) == 1


def _name_column(cells: list[str], columns: _Columns) -> int | None:
    """The 子项 column when the row fills it, else the 主项 (or only) one."""
    sub_filled = columns.sub is not None and columns.sub < len(cells) and cells[columns.sub].strip()
    return columns.sub if sub_filled else columns.main


def _name_cell(cells: list[str], columns: _Columns) -> str:
    column = _name_column(cells, columns)
    return cells[column].strip() if column is not None and column < len(cells) else ""


def _group_heading(cells: list[str], columns: _Columns) -> str | None:
    """The category a group row names ("一、社会保障类（5项）" -> 社会保障类), "" for a
    group row that names none, None for an item row."""
    name = _name_cell(cells, columns)
    filled = [cell.strip() for cell in cells if cell.strip()]
    if _is_group_row(cells) or (len(filled) == 1 and GROUP_MARK.match(filled[0])):
        text = filled[0]  # merged across the table, or left in its first cell (a PDF's merged row)
    elif name and GROUP_MARK.match(name):
        text = name
    else:
        return None
    return heading_text(text)


def _row_items(
    cells: list[str],
    line_start: int,
    columns: _Columns,
    group: int,
    caption: _Caption = _Caption(),
    category: str | None = None,
    main_above: str | None = None,
    wraps: bool = False,
    merged: Sequence[str] = (),
) -> list[ItemMention]:
    """The row's item. ``wraps``: the next line holds the rest of the row's cells, so a name
    cut inside its bracket (…转移接续（ / 含异地）) is read as the bracket's closing will make it.
    ``merged``: the cells of the row above, where merged cells leave this row's scope and mode
    cells empty (a sub-item under its main item's number)."""

    def cell(index: int | None) -> str:
        return cells[index].strip() if index is not None and index < len(cells) else ""

    def way_cell(index: int | None) -> str:
        above = merged[index].strip() if index is not None and index < len(merged) else ""
        return cell(index) or above

    name_column = _name_column(cells, columns)
    name = cell(name_column)
    readable = plausible(name) or (wraps and inside_brackets(name, 0, len(name)) and plausible(name + "）"))
    if not name or not readable or (columns.services_only and not reads_as_service(name)):
        return []
    scope_cell, mode_cell = _values(way_cell(columns.scope)), _values(way_cell(columns.mode))
    # a 通办类型 column may hold modes (全程网办), a 办理方式 one scopes: each value goes where it belongs
    scope = tuple(value for value in scope_cell + mode_cell if _is_scope(value, in_scope_column=value in scope_cell))
    modes = tuple(value for value in scope_cell + mode_cell if value not in scope and _is_mode(value))
    scope = tuple(dict.fromkeys(_full_scope(value) for value in scope))
    scope = scope or tuple(scope for column, scope in columns.scope_marked if _ticked(way_cell(column)))
    if not scope:  # no scope column, or none in it: the caption's scope, else the group heading's (一、…实现“跨省通办”事项)
        scope = caption.scope or tuple(cues_in(category or "", "scope"))
    modes += tuple(mode for column, mode in columns.marked if _ticked(way_cell(column)) and mode not in modes)
    span = cell_span(cells, name_column, line_start)
    lead, end = undecorated(name, 0, len(name))  # ★异地就医备案, 户口迁移*: a list's marks
    name, span = name[lead:end], (span[0] + lead, span[0] + end)
    note = trailing_note(name, 0, len(name))  # 异地就医备案（全程网办）, 户口迁移（市公安局）: no part of the name
    if note is not None:
        name = name[: note[0]].rstrip()
        span = (span[0], span[0] + len(name))
    main = cell(columns.main) or (main_above if name_column == columns.sub else None)
    former = former_name(cell(columns.former), name)
    withdrawn = caption.withdrawn or columns.withdrawn or withdraws(category or "")
    category = None if category and names_a_change(category) else category
    return [
        ItemMention(
            piece,
            piece_span,
            "table",
            main_item=main,
            category=category,
            scope=scope,
            modes=modes,
            group=group,
            batch=caption.batch,
            former_name=former,
            withdrawn=withdrawn,
        )
        for piece, piece_span in _listed_in_cell(name, span)
    ]


def _listed_in_cell(name: str, span: tuple[int, int]) -> list[tuple[str, tuple[int, int]]]:
    """A name cell that lists several services (社保卡申领、失业登记 / ①…；②… / 1.… 2.…): an item
    each, all on the row. Only when every piece ends like a service: 居民身份证换领、补领 is one
    name (split_names joins a bare verb to its object), and so is a list no piece of which is one."""
    if ITEM_SEPARATORS.search(name) is None:
        return [(name, span)]  # most cells: one name, and splitting costs more than this look
    pieces = [unnumbered(name, piece) for piece in split_names(name, 0, len(name))]
    if len(pieces) < 2 or not all_services(name, pieces) or not all(plausible(name[a:b]) for a, b in pieces):
        # a name no semicolon ends: one a Word cell carried to a new paragraph (…保险关系 / 转移接续)
        return [(name.replace(_PARAGRAPH_MARK, ""), span)]
    return [(name[a:b], (span[0] + a, span[0] + b)) for a, b in pieces]


_PARAGRAPH_MARK = "；"  # what the Word reader sets between a cell's paragraphs
