"""Items a service guide names in its fields: 事项名称：异地就医备案 / 通办范围：跨省通办.

A page about one service (办事指南) gives its facts as labels and values, on lines with a
colon or in a sheet of two columns (事项名称 | 异地就医备案). The value of an item-name field
is an item when the same block of fields gives a 通办 scope (通办范围：跨省通办). Such a sheet
is no item table: its first column holds labels, not names (``is_field_row``).
"""

from __future__ import annotations

import re
from dataclasses import replace

from extractors.item_names import cues, names_an_item, tags
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


def field_items(text: str, first_group: int) -> list[ItemMention]:
    """The item of each block of fields that names one and gives it a 通办 scope."""
    items = []
    for group, block in enumerate(_blocks(text), start=first_group):
        names = [match for match in block if match.group("label").strip() in cues()["name_header"]]
        scope = _field_tags(block, "scope_header", "scope")
        if not scope:
            continue
        modes = _field_tags(block, "mode_header", "mode")
        for match in names:
            if names_an_item(match.group("value")):
                span = match.span("value")
                items.append(ItemMention(match.group("value"), span, "field", scope=scope, modes=modes, group=group))
    return items


def link_field_items(
    text: str, items: list[ItemMention], deadlines: list[Deadline], departments: list[DepartmentMention]
) -> list[ItemMention]:
    """A guide's item with the departments (实施主体) and deadlines of its own block of fields."""
    spans = [(block[0].start(), block[-1].end()) for block in _blocks(text)]
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
    """The scope (or modes) the block's 通办范围 (or 办理方式) fields give."""
    found: list[str] = []
    for match in block:
        if match.group("label").strip() in cues()[header]:
            found += [tag for tag in tags(match.group("value"), kind) if tag not in found]
    return tuple(found)


def _blocks(text: str) -> list[list[re.Match[str]]]:
    """Field lines in runs: a line that is no field (a sentence, a heading) ends a block."""
    blocks: list[list[re.Match[str]]] = []
    current: list[re.Match[str]] = []
    last_end = -1
    for match in _FIELD.finditer(text):
        between = text[last_end + 1 : match.start()] if last_end >= 0 else ""
        if current and between.strip():
            blocks.append(current)
            current = []
        current.append(match)
        last_end = match.end()
    if current:
        blocks.append(current)
    return [block for block in blocks if any(m.group("label").strip() in cues()["name_header"] for m in block)]
