"""Items a service guide names in its fields: 事项名称：异地就医备案 / 通办范围：跨省通办.

A page about one service (办事指南) gives its facts as labels and values, on lines with a
colon, in a sheet of two columns (事项名称 | 异地就医备案), or in a sheet that sets two or more
pairs a row (事项名称 | 异地就医备案 | 事项类型 | 公共服务). The value of an item-name field is an
item when the same block of fields gives a 通办 scope (通办范围：跨省通办). Such a sheet is no
item table: its label columns hold labels, not names (``is_field_row``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from extractors.item_names import MAX_ITEM_CHARS, cues, names_an_item, reads_as_service
from extractors.records import Deadline, DepartmentMention, ItemMention
from extractors.scope_tags import tags
from extractors.tables import cell_span, header_words
from extractors.text import line_end

# 一、事项名称：基本医疗保险关系转移接续 / 事项名称\t异地就医备案
_FIELD = re.compile(
    r"^[ \t\u3000]*(?:[一二三四五六七八九十]+、|\d{1,2}[.、．])?[ \t\u3000]*"
    r"(?P<label>[^：:\t\n，。；]{2,10}?)(?:[ \t\u3000]*[：:][ \t\u3000]*|\t+)(?P<value>[^\t\n]+?)[ \t\u3000]*$",
    re.M,
)
# three tabs in one line: a row of four or more cells, maybe two or more pairs of a label and
# its value (a literal first, which the regex engine scans for quickly)
_THREE_TABS = re.compile(r"\t[^\t\n]*\t[^\t\n]*\t")
_LABEL_MAX = 10
_NOT_LABEL = re.compile(r"[，。；\d]")


@dataclass(frozen=True)
class _Field:
    """One label and its value; ``span`` covers both, ``value_span`` the value alone."""

    label: str
    value_span: tuple[int, int]
    span: tuple[int, int]


def is_field_row(cells: list[str]) -> bool:
    """A row of labels and their values (事项名称 | 异地就医备案, maybe more pairs after it),
    not a table's header: a label of the guide's kind opens a pair, and no value is a word
    that heads columns (序号 | 事项名称 | 办理部门 | 通办方式 is a header)."""
    if len(cells) == 2:
        label, value = (cell.strip() for cell in cells)
        return label in _labels() and value not in _labels() and bool(value)
    return _pair_shaped(cells) and any(cell.strip() in _labels() for cell in cells[::2])


def _pair_shaped(cells: list[str]) -> bool:
    """Four or more cells that may be pairs: every other cell a short label, no value a word
    that heads columns. Beside a row that opens with a guide's label, such a row is pairs too
    (实施主体 | 洛阳市医疗保障局 | 实施主体性质 | 法定机关)."""
    if len(cells) < 4 or len(cells) % 2:
        return False
    labels, values = [cell.strip() for cell in cells[::2]], [cell.strip() for cell in cells[1::2]]
    return all(label and len(label) <= _LABEL_MAX and not _NOT_LABEL.search(label) for label in labels) and not any(
        value in _labels() or value in header_words() for value in values
    )


def _labels() -> set[str]:
    words = cues()
    return {*words["name_header"], *words["scope_header"], *words["mode_header"]}


@dataclass(frozen=True)
class _Block:
    """A run of field lines, and the card heading right above it (a portal's card names its
    service in a heading with no label, its fields under it), if any."""

    fields: list[_Field]
    heading: tuple[int, int] | None = None

    @property
    def span(self) -> tuple[int, int]:
        start = self.heading[0] if self.heading else self.fields[0].span[0]
        return start, self.fields[-1].span[1]


def field_items(text: str, first_group: int) -> list[ItemMention]:
    """The item of each block of fields that names one and gives it a 通办 scope: in an
    item-name field, or in the heading right above the block."""
    items = []
    for group, block in enumerate(_blocks(text), start=first_group):
        scope = _field_tags(block.fields, "scope_header", "scope", text)
        if not scope:
            continue
        modes = _field_tags(block.fields, "mode_header", "mode", text)
        named = [field.value_span for field in block.fields if _names(field)]
        for start, end in named or ([block.heading] if block.heading else []):
            name = text[start:end]
            if names_an_item(name):
                items.append(ItemMention(name, (start, end), "field", scope=scope, modes=modes, group=group))
    return items


def link_field_items(
    text: str, items: list[ItemMention], deadlines: list[Deadline], departments: list[DepartmentMention]
) -> list[ItemMention]:
    """A guide's item with the departments (实施主体) and deadlines of its own block of fields."""
    spans = [block.span for block in _blocks(text)]
    linked = []
    for item in items:
        block = next((span for span in spans if span[0] <= item.span[0] < span[1]), None) if item.method == "field" else None
        if block is not None:
            item = replace(
                item,
                deadlines=tuple(i for i, d in enumerate(deadlines) if block[0] <= d.span[0] < block[1]),
                departments=tuple(i for i, d in enumerate(departments) if block[0] <= d.span[0] < block[1]),
            )
        linked.append(item)
    return linked


def _field_tags(block: list[_Field], header: str, kind: str, text: str) -> tuple[str, ...]:
    """The scope (or modes) the block's 通办范围 (or 办理方式) fields give; a scope field's
    bare value (全国, 省内) is the scope it names (全国通办, 省内通办)."""
    found: list[str] = []
    for field in block:
        if field.label in cues()[header]:
            value = text[field.value_span[0] : field.value_span[1]].strip()
            named = tags(value, kind) or ([value + "通办"] if kind == "scope" and value + "通办" in cues()["scope"] else [])
            found += [tag for tag in named if tag not in found]
    return tuple(found)


@lru_cache(maxsize=4)
def _blocks(text: str) -> list[_Block]:
    """Field lines in runs: a line that is no field (a sentence, a heading) ends a block. Only
    a block with an item-name field, or with a card heading above it, names an item."""
    runs: list[list[_Field]] = []
    current: list[_Field] = []
    last_end = -1
    for field in _fields(text):
        between = text[last_end + 1 : field.span[0]] if last_end >= 0 else ""
        if current and between.strip():
            runs.append(current)
            current = []
        current.append(field)
        last_end = field.span[1]
    if current:
        runs.append(current)
    blocks = [_Block(run, _heading_above(text, run[0].span[0])) for run in runs]
    return [block for block in blocks if block.heading or any(_names(field) for field in block.fields)]


def _fields(text: str) -> list[_Field]:
    """Every field in text order: a line of one label and its value, or each pair of the
    rows of a sheet that sets several pairs side by side."""
    fields = [_Field(match.group("label").strip(), match.span("value"), match.span()) for match in _FIELD.finditer(text)]
    for sheet in _wide_sheets(text):
        if any(is_field_row(cells) for _, cells in sheet):
            for start, cells in sheet:
                fields += _row_pairs(cells, start) if _pair_shaped(cells) else []
    return sorted(fields, key=lambda field: field.span)


def _wide_sheets(text: str) -> list[list[tuple[int, list[str]]]]:
    """Runs of wide rows on adjacent lines with as many cells each, every row with its start."""
    sheets: list[list[tuple[int, list[str]]]] = []
    last_end = -2
    for start, end in _wide_rows(text):
        cells = text[start:end].split("\t")
        if sheets and start == last_end + 1 and len(cells) == len(sheets[-1][0][1]):
            sheets[-1].append((start, cells))
        else:
            sheets.append([(start, cells)])
        last_end = end
    return sheets


def _wide_rows(text: str) -> list[tuple[int, int]]:
    """The spans of the lines with four or more cells, the first not blank."""
    rows, position = [], 0
    while (tabs := _THREE_TABS.search(text, position)) is not None:
        start, end = text.rfind("\n", 0, tabs.start()) + 1, line_end(text, tabs.start())
        if text[start] != "\t":
            rows.append((start, end))
        position = end + 1
    return rows


def _row_pairs(cells: list[str], start: int) -> list[_Field]:
    """The pairs of a row of labels and values, each value's span without its blanks."""
    pairs = []
    for label in range(0, len(cells), 2):
        pair_start = start + sum(len(cell) + 1 for cell in cells[:label])
        pair_end = pair_start + len(cells[label]) + 1 + len(cells[label + 1])
        pairs.append(_Field(cells[label].strip(), cell_span(cells, label + 1, start), (pair_start, pair_end)))
    return pairs


def _names(field: _Field) -> bool:
    return field.label in cues()["name_header"]


def _heading_above(text: str, start: int) -> tuple[int, int] | None:
    """The line right above a block (blank lines between), when it is a service's name alone:
    a card's heading (异地就医登记备案 over 通办范围：全国)."""
    end = len(text[:start].rstrip())
    line_start = text.rfind("\n", 0, end) + 1
    line = text[line_start:end].strip()
    if not line or len(line) > MAX_ITEM_CHARS or any(mark in line for mark in "，。；：:\t"):
        return None
    first = line_start + text[line_start:end].index(line)
    return (first, first + len(line)) if reads_as_service(line) else None
