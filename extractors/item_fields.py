"""Items a service guide names in its fields: 事项名称：异地就医备案 / 通办范围：跨省通办.

A page about one service (办事指南) gives its facts as labels and values, on lines with a
colon or in a sheet of two columns (事项名称 | 异地就医备案). The value of an item-name field
is an item when the same block of fields gives a 通办 scope (通办范围：跨省通办). Such a sheet
is no item table: its first column holds labels, not names (``is_field_row``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from extractors.item_names import MAX_ITEM_CHARS, cues, names_an_item, reads_as_service, tags
from extractors.records import Deadline, DepartmentMention, ItemMention

# 一、事项名称：基本医疗保险关系转移接续 / 事项名称\t异地就医备案
_FIELD = re.compile(
    r"^[ \t\u3000]*(?:[一二三四五六七八九十]+、|\d{1,2}[.、．])?[ \t\u3000]*"
    r"(?P<label>[^：:\t\n，。；]{2,10}?)(?:[ \t\u3000]*[：:][ \t\u3000]*|\t+)(?P<value>[^\t\n]+?)[ \t\u3000]*$",
    re.M,
)


def is_field_row(cells: list[str]) -> bool:
    """A row of a label and its value (事项名称 | 异地就医备案), not a table's header."""
    if len(cells) != 2:
        return False
    label, value = (cell.strip() for cell in cells)
    return label in _labels() and value not in _labels() and bool(value)


def _labels() -> set[str]:
    words = cues()
    return {*words["name_header"], *words["scope_header"], *words["mode_header"]}


@dataclass(frozen=True)
class _Block:
    """A run of field lines, and the card heading right above it (a portal's card names its
    service in a heading with no label, its fields under it), if any."""

    fields: list[re.Match[str]]
    heading: tuple[int, int] | None = None

    @property
    def span(self) -> tuple[int, int]:
        start = self.heading[0] if self.heading else self.fields[0].start()
        return start, self.fields[-1].end()


def field_items(text: str, first_group: int) -> list[ItemMention]:
    """The item of each block of fields that names one and gives it a 通办 scope: in an
    item-name field, or in the heading right above the block."""
    items = []
    for group, block in enumerate(_blocks(text), start=first_group):
        scope = _field_tags(block.fields, "scope_header", "scope")
        if not scope:
            continue
        modes = _field_tags(block.fields, "mode_header", "mode")
        named = [match.span("value") for match in block.fields if match.group("label").strip() in cues()["name_header"]]
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


def _field_tags(block: list[re.Match[str]], header: str, kind: str) -> tuple[str, ...]:
    """The scope (or modes) the block's 通办范围 (or 办理方式) fields give; a scope field's
    bare value (全国, 省内) is the scope it names (全国通办, 省内通办)."""
    found: list[str] = []
    for match in block:
        if match.group("label").strip() in cues()[header]:
            value = match.group("value").strip()
            named = tags(value, kind) or ([value + "通办"] if kind == "scope" and value + "通办" in cues()["scope"] else [])
            found += [tag for tag in named if tag not in found]
    return tuple(found)


def _blocks(text: str) -> list[_Block]:
    """Field lines in runs: a line that is no field (a sentence, a heading) ends a block. Only
    a block with an item-name field, or with a card heading above it, names an item."""
    runs: list[list[re.Match[str]]] = []
    current: list[re.Match[str]] = []
    last_end = -1
    for match in _FIELD.finditer(text):
        between = text[last_end + 1 : match.start()] if last_end >= 0 else ""
        if current and between.strip():
            runs.append(current)
            current = []
        current.append(match)
        last_end = match.end()
    if current:
        runs.append(current)
    blocks = [_Block(run, _heading_above(text, run[0].start())) for run in runs]
    return [block for block in blocks if block.heading or any(_names(m) for m in block.fields)]


def _names(match: re.Match[str]) -> bool:
    return match.group("label").strip() in cues()["name_header"]


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
