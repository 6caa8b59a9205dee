"""Items from tables whose cells are the items themselves: a column per batch, scope, mode
or body (第一批 | 第二批, 跨省通办 | 省内通办, 市公安局 | 市人社局 over names), or a grid of
names under a line that names items (…事项如下： over 异地就医备案 | 户口迁移 | 婚姻登记).
``item_tables`` reads tables with an item-name column; these have none, and read nothing there.
A body heading a column handles the items under it (``link_column_heads``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from extractors.dates import to_int
from extractors.heading_lists import names_items, nearest_scope
from extractors.item_names import COUNT_NOTE, plausible, reads_as_service, undecorated, unnumbered
from extractors.name_notes import names_a_body, trailing_note
from extractors.records import DepartmentMention, ItemCountCheck, ItemMention
from extractors.scope_tags import tags
from extractors.tables import cell_span, heading_text, looks_like_header
from extractors.text import BATCH, last_batch, line_end, overlaps

_YEAR = re.compile(r"(?:19|20)\d{2}年度?")
_LABEL_MAX = 16  # a column's label is short: 第一批（2023年）, 跨省通办（12项）
_CAPTION_LINES = 3  # running lines above a grid that may introduce it
_COUNT = re.compile(COUNT_NOTE)
_SERVICE_SHARE = 0.75  # of a table's filled cells: fewer read as services, and it lists something else


@dataclass(frozen=True)
class _Label:
    """What a column's header says of the names under it."""

    batch: str | None
    scope: tuple[str, ...]
    modes: tuple[str, ...]
    stated: int | None = None  # 跨省通办（12项）: the count the header gives its column
    stated_span: tuple[int, int] | None = None


def column_list_items(
    text: str, first_group: int, taken: list[tuple[int, int]]
) -> tuple[list[ItemMention], list[ItemCountCheck]]:
    """An item per filled cell of each such table that overlaps no item already found, and a
    check of each count a column's header states."""
    items: list[ItemMention] = []
    checks: list[ItemCountCheck] = []
    group = first_group
    if "\t" not in text:
        return items, checks  # no table: most running text
    for caption, rows in _tables(text):
        labels = _labels(*rows[0])
        body = rows[1:] if labels is not None else rows
        if labels is None and not _introduces_items(caption):
            continue
        found = _cell_items(body, labels, caption, group)
        if found and not any(overlaps(item.span, taken) for item in found):
            items.extend(found)
            checks.extend(_count_checks(labels or [], found, group))
            group = max(item.group or 0 for item in found) + 1
    return items, checks


def _count_checks(labels: list[_Label | None], found: list[ItemMention], first_group: int) -> list[ItemCountCheck]:
    """A column whose header states its count against the names read under it (a column's
    items are its group)."""
    checks = []
    for column, label in enumerate(labels):
        if label is not None and label.stated is not None and label.stated_span is not None:
            read = sum(item.group == first_group + column for item in found)
            checks.append(ItemCountCheck(label.stated, read, label.stated_span))
    return checks


def _tables(text: str) -> list[tuple[list[str], list[tuple[int, list[str]]]]]:
    """Each run of lines with two cells or more, with the running lines above it."""
    tables: list[tuple[list[str], list[tuple[int, list[str]]]]] = []
    above: list[str] = []
    rows: list[tuple[int, list[str]]] = []
    offset = 0
    for line in text.split("\n"):
        cells = line.split("\t")
        if len(cells) >= 2:
            rows.append((offset, cells))
        else:
            if rows:
                tables.append((above, rows))
                rows, above = [], []
            if line.strip():
                above = [*above[-(_CAPTION_LINES - 1) :], line.strip()]
        offset += len(line) + 1
    if rows:
        tables.append((above, rows))
    return tables


def _labels(offset: int, cells: list[str]) -> list[_Label | None] | None:
    """The header's label per column, when every filled cell is a batch, a scope or a mode and
    two cells are filled; else None (no such header)."""
    labels: list[_Label | None] = []
    for cell in cells:
        text = heading_text(cell.strip())  # 第一批（10项）: its count goes
        labels.append(_label(text, cell, offset) if text else None)
        if text and labels[-1] is None:
            return None
        offset += len(cell) + 1
    return labels if sum(label is not None for label in labels) >= 2 else None


def _label(text: str, cell: str, offset: int) -> _Label | None:
    if len(text) > _LABEL_MAX or reads_as_service(text) or looks_like_header([text]):
        return None
    batch = BATCH.search(text)
    scope, modes = tags(text, "scope"), tags(text, "mode")
    body = not scope and not modes and names_a_body(text)  # 市公安局: linked by link_column_heads
    if batch is None and not scope and not modes and not body and _YEAR.search(text) is None:
        return None
    count = _COUNT.search(cell)
    stated = to_int(count.group("count")) if count else None
    where = (offset + count.start(), offset + count.end()) if count else None
    return _Label(batch.group() if batch else None, scope, modes, stated, where)


def _introduces_items(caption: list[str]) -> bool:
    return bool(caption) and names_items(caption[-1]) and caption[-1].endswith(("：", ":"))


def _cell_items(
    rows: list[tuple[int, list[str]]], labels: list[_Label | None] | None, caption: list[str], first_group: int
) -> list[ItemMention]:
    """The names in the rows' cells, when most filled cells read as services and no row is a
    header or numbered (a table with an item-name column, read by ``item_tables``)."""
    named: list[tuple[int, str, tuple[int, int]]] = []
    filled = 0
    for offset, cells in rows:
        if looks_like_header(cells) or any(cell.strip().isdigit() for cell in cells):
            return []
        start = offset
        for column, cell in enumerate(cells):
            name, span = _name(cell, start)
            filled += bool(cell.strip())
            if name and (labels is None or (column < len(labels) and labels[column] is not None)):
                named.append((column, name, span))
            start += len(cell) + 1
    if not named or len(named) < _SERVICE_SHARE * filled:
        return []
    caption_batch = last_batch(caption[-1]) if caption else None
    caption_scope = nearest_scope(caption[-1]) if caption else ()
    if labels is not None:
        named.sort(key=lambda cell: cell[0])  # a column is one list: down it, then the next
    return [_item(name, span, labels, column, caption_batch, caption_scope, first_group) for column, name, span in named]


def _name(cell: str, start: int) -> tuple[str | None, tuple[int, int]]:
    """The service a cell names, without its number, marks and trailing note, and its span."""
    lead = len(cell) - len(cell.lstrip())
    stripped = cell.strip()
    begin, end = unnumbered(stripped, (0, len(stripped)))
    begin, end = undecorated(stripped, begin, end)
    name = stripped[begin:end]
    note = trailing_note(name, 0, len(name))
    if note is not None:
        name = name[: note[0]].rstrip()
    if not (plausible(name) and reads_as_service(name)):
        return None, (0, 0)
    at = start + lead + begin
    return name, (at, at + len(name))


def _item(
    name: str,
    span: tuple[int, int],
    labels: list[_Label | None] | None,
    column: int,
    caption_batch: str | None,
    caption_scope: tuple[str, ...],
    first_group: int,
) -> ItemMention:
    label = labels[column] if labels is not None else None
    batch = label.batch if label is not None and label.batch else caption_batch
    scope = label.scope if label is not None and label.scope else caption_scope
    modes = label.modes if label is not None else ()
    stated = label.stated if label is not None else None
    group = first_group + (column if labels is not None else 0)
    return ItemMention(name, span, "table", scope=scope, modes=modes, stated_count=stated, group=group, batch=batch)


def link_column_heads(
    text: str, items: list[ItemMention], departments: list[DepartmentMention]
) -> tuple[list[ItemMention], list[DepartmentMention]]:
    """A table item no row linked, in a column whose first row is one body alone (市公安局
    over 户口迁移 | 居民身份证换领): the body handles it, so it is responsible."""
    items, departments = list(items), list(departments)
    for index, item in enumerate(items):
        if item.method != "table" or item.departments:
            continue
        head = _column_head(text, item.span[0])
        filling = [i for i, d in enumerate(departments) if head is not None and d.span == head]
        if len(filling) != 1:
            continue
        body = filling[0]
        if departments[body].role == "mentioned":
            departments[body] = replace(departments[body], role="responsible")
        items[index] = replace(item, departments=(body,))
    return items, departments


def _column_head(text: str, position: int) -> tuple[int, int] | None:
    """The span of the first row's cell, trimmed, in the column of a table cell at ``position``."""
    line_start = text.rfind("\n", 0, position) + 1
    if "\t" not in text[line_start : line_end(text, position)]:
        return None
    top = line_start
    while top > 0:
        above = text.rfind("\n", 0, top - 1) + 1
        if "\t" not in text[above : top - 1]:
            break
        top = above
    column = text.count("\t", line_start, position)
    cells = text[top : line_end(text, top)].split("\t")
    if top == line_start or column >= len(cells) or not cells[column].strip():
        return None  # the item's own row is the first, or its column has no head
    return cell_span(cells, column, top)
