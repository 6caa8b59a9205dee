"""What an item is linked to beyond its table row: the note after its name and its group's heading.

A table row (``tables.link_rows``), a numbered line and its field lines
(``tables.link_list_lines``) and a catalog entry link what stands beside an item. Two more
shapes say who handles an item away from its cells:

* a note after its name in a sentence: "户口迁移（省公安厅）、异地就医备案（省医保局，2021年底前）";
* the heading of the group it is listed in: "一、省公安厅（3项）" over its numbered names, or a
  table's merged row.
A body either names with no role word of its own handles the item, so it is responsible.
An item its own sentence gives no scope takes the one its section's heading names.
"""

from __future__ import annotations

from dataclasses import replace

from extractors.list_bounds import SENTENCE_MARKS
from extractors.name_notes import note_after
from extractors.records import Deadline, DepartmentMention, ItemMention
from extractors.scope_tags import tags
from extractors.sections import Section
from extractors.tables import LIST_LINE, heading_text
from extractors.text import mark_after, mark_before


def link_notes(
    text: str, items: list[ItemMention], deadlines: list[Deadline], departments: list[DepartmentMention]
) -> tuple[list[ItemMention], list[DepartmentMention]]:
    """An item with a note after its name ("户口迁移（省公安厅，2021年底前）", see
    ``name_notes``) takes the note's deadlines and bodies; a body the note names with no role
    word handles the item, so it is responsible."""
    items, departments = list(items), list(departments)
    for index, item in enumerate(items):
        note = note_after(text, item.span[1])
        if note is None or item.departments or item.deadlines:
            continue
        inside = [i for i, d in enumerate(departments) if note[0] <= d.span[0] < note[1]]
        for body in inside:
            if departments[body].role == "mentioned":
                departments[body] = replace(departments[body], role="responsible")
        dated = tuple(i for i, d in enumerate(deadlines) if note[0] <= d.span[0] < note[1])
        items[index] = replace(item, deadlines=dated, departments=tuple(inside))
    return items, departments


_GROUP_REACH = 200  # lines above an item its group's heading may stand (past its group's other rows)


def link_group_headings(
    text: str, items: list[ItemMention], departments: list[DepartmentMention]
) -> tuple[list[ItemMention], list[DepartmentMention]]:
    """Items listed under a group heading that is a body ("一、省公安厅（3项）" over numbered
    names, or a table's merged row) are that body's: it is responsible for each of them. A
    heading that says more than a body links the bodies it gives a role ("一、省公安厅牵头推进事项":
    the lead). Only an item no row, line or cell has linked."""
    items, departments = list(items), list(departments)
    for index, item in enumerate(items):
        if not item.category or item.departments:
            continue
        heading = _group_heading_line(text, item)
        bodies = _heading_bodies(departments, heading, item.category) if heading else ()
        if not bodies:
            continue
        for body in bodies:
            if departments[body].role == "mentioned":
                departments[body] = replace(departments[body], role="responsible")
        items[index] = replace(item, departments=bodies)
    return items, departments


def _group_heading_line(text: str, item: ItemMention) -> tuple[int, int] | None:
    """The line above the item that heads its group (its category), past the group's other
    rows, numbered lines and blank lines."""
    end = text.rfind("\n", 0, item.span[0])
    for _ in range(_GROUP_REACH):
        if end < 0:
            return None
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end]
        first_cell = line.split("\t")[0].strip()
        if heading_text(first_cell) == item.category:
            return start, end
        if line.strip() and "\t" not in line and not LIST_LINE.match(line):
            return None
        end = start - 1
    return None


def _heading_bodies(departments: list[DepartmentMention], line: tuple[int, int], category: str) -> tuple[int, ...]:
    """The first mention of each body that heads the line (a table's group row repeats its
    heading in every cell)."""
    first: dict[str, int] = {}
    for index, department in enumerate(departments):
        if _heads(department, line, category):
            first.setdefault(department.canonical, index)
    return tuple(first.values())


def _heads(department: DepartmentMention, line: tuple[int, int], category: str) -> bool:
    """The body is the heading's whole text, or the heading gives it a role."""
    in_line = line[0] <= department.span[0] < line[1]
    return in_line and (department.name == category or department.role != "mentioned")


def with_heading_scopes(items: list[ItemMention], sections: list[Section]) -> list[ItemMention]:
    """ "（一）加快推进国家“跨省通办”事项在我市落地。…完成A、B2个事项在我市落地。": the list's
    sentence names no scope, its section's heading does. Only the innermost section's heading:
    an outer one (一、落实“跨省通办”任务) may hold lists of other scopes."""
    scoped = []
    for item in items:
        around = [s for s in sections if s.span[0] <= item.span[0] and item.span[1] <= s.span[1]]
        inner = max(around, key=lambda section: section.level, default=None)
        scope = tuple(tags(inner.title, "scope")) if inner is not None and not item.scope else ()
        scoped.append(replace(item, scope=scope) if scope else item)
    return scoped


def link_sentence_deadlines(text: str, items: list[ItemMention], deadlines: list[Deadline]) -> list[ItemMention]:
    """A list in running text takes the deadline its own sentence sets for it (see
    ``_sentence_links``). Only lists nothing else dated: a list whose names carry dates of their
    own (异地就医备案（省医保局，2021年底前）) is dated name by name, and a row's or a note's date
    is its item's alone."""
    groups: dict[int, list[int]] = {}
    for index, item in enumerate(items):
        if item.method == "enumeration":
            groups.setdefault(item.group, []).append(index)
    groups = {key: group for key, group in groups.items() if not any(items[index].deadlines for index in group)}
    bounds = sorted((items[group[0]].span[0], items[group[-1]].span[1], key) for key, group in groups.items())
    used = {index for item in items for index in item.deadlines}
    dated = [index for index, deadline in enumerate(deadlines) if deadline.kind == "by" and index not in used]
    linked = _sentence_links(text, bounds, [(index, deadlines[index].span[0]) for index in dated])
    return [
        replace(item, deadlines=(linked[item.group],)) if index in groups.get(item.group, ()) and item.group in linked else item
        for index, item in enumerate(items)
    ]


def _sentence_links(text: str, bounds: list[tuple[int, int, int]], dated: list[tuple[int, int]]) -> dict[int, int]:
    """{list: deadline}, in three passes over the lists (start, end, key):
    1. a date in the list's own clause before it ("力争2023年底前实现A和B");
    2. else the first date after it, before its sentence or the next list ends ("…等74项要在
       2021年底前实现"): that date trails this list and is no other's;
    3. else the last date before it in its sentence, unless that one trails another list
       ("2022年底前，推动A“跨省通办”，B“省内通办”": both lists; but in "A等58项要在2020年底前
       实现，B等74项要在2021年底前实现，后续还将实现C等8项" C gets none).
    A list before a date in a later clause gets none ("扩大A“跨省通办”范围，力争2023年底前实现B")."""
    linked: dict[int, int] = {}
    trailing: set[int] = set()

    def between(low: int, high: int) -> list[int]:
        return [index for index, at in dated if low <= at < high]

    for start, _, key in bounds:
        free = [index for index in between(mark_before(text, start, _CLAUSE_END), start) if index not in linked.values()]
        if free:
            linked[key] = free[-1]
    for number, (_, end, key) in enumerate(bounds):
        following = bounds[number + 1][0] if number + 1 < len(bounds) else len(text)
        free = [index for index in between(end, min(_sentence_end(text, end), following)) if index not in linked.values()]
        if key not in linked and free:
            linked[key] = free[0]
            trailing.add(free[0])
    for start, _, key in bounds:
        before = between(mark_before(text, start, SENTENCE_MARKS), start)
        if key not in linked and before and before[-1] not in trailing:
            linked[key] = before[-1]
    return linked


_CLAUSE_END = SENTENCE_MARKS + "，,：:"


def _sentence_end(text: str, position: int) -> int:
    return mark_after(text, position, SENTENCE_MARKS)
