"""Who handles an item named in a task's running text, and by when: the task's note.

A work plan's task is a section whose text names items and then says who does it and by when,
in a note of its own: a bracket ("…实现A、B“跨省通办”。（市人社局牵头，市医保局配合，2021年底前完成）"),
a sentence ("责任单位：市公安局；完成时限：2022年6月底前。") or field lines under it ("牵头单位：…" /
"完成时限：…"). A row, a numbered line, a note right after a name and the item's own sentence
say more precisely, so they are linked first (``tables``, ``item_links``); this module links
only what they left unlinked.

The note is the first one after the item in its paragraph (or the field lines under it), inside
its innermost section: a task paragraph with two
notes ("…完成A、B落地。（市公安局负责，2023年12月底前完成）及时掌握…（市各相关部门负责，…）")
gives the first to what stands before it. A section's note is its own text's, not its
sub-sections'. With no note after it, the bodies its own sentence gives a role before it
("由市公安局牵头，推进户口迁移“跨省通办”") handle it.

A page with no sections may still say who handles a list: a paragraph right under it that points
back at it ("以上事项由市人社局牵头…") is its note (``link_back_references``).
"""

from __future__ import annotations

from dataclasses import replace

from extractors.field_labels import field_line
from extractors.heading_lists import past_fields
from extractors.item_names import cues
from extractors.records import Deadline, DepartmentMention, ItemMention, Span
from extractors.sections import Section, innermost
from extractors.text import mark_after, mark_before

_DUE_KINDS = ("by", "period")  # a start (自…起施行) or a rule (每月20日前) is no date an item falls due
_SENTENCE_MARKS = "。\n"
_OPENERS, _CLOSERS = "（(", "）)"


def link_task_notes(
    text: str,
    items: list[ItemMention],
    deadlines: list[Deadline],
    departments: list[DepartmentMention],
    sections: list[Section],
) -> list[ItemMention]:
    """Items with no bodies or no dates of their own take those of their task's note."""
    if not sections or all(item.departments and item.deadlines for item in items):
        return items
    taken = {index for item in items for index in item.deadlines}
    bodies = _by_section(sections, [(i, d.span) for i, d in enumerate(departments) if d.role != "mentioned"])
    dues = _by_section(sections, [(i, d.span) for i, d in enumerate(deadlines) if d.kind in _DUE_KINDS and i not in taken])
    linked = []
    for item in items:
        section = innermost(sections, item.span)
        if section is not None and (bodies.get(section) or dues.get(section)):
            item = _with_note(text, item, sections[section], bodies.get(section, []), dues.get(section, []))
        linked.append(item)
    return linked


def link_back_references(
    text: str, items: list[ItemMention], deadlines: list[Deadline], departments: list[DepartmentMention]
) -> list[ItemMention]:
    """ "以下事项“跨省通办”：" / 异地就医备案 / 户口迁移 / "以上事项由市人社局牵头，…，2023年6月底前完成。":
    a paragraph that opens by pointing back (``back_reference`` in ``data/item_cues.tsv``) is the
    note of the list right above it, with nothing but blanks between. Items with bodies or dates
    of their own keep them."""
    openers = cues()["back_reference"]
    if not items or not any(opener in text for opener in openers):
        return items
    linked = list(items)
    for line_start in _line_starts_with(text, openers):
        group = _list_right_above(text, linked, line_start)
        if group is None:
            continue  # no list right above, or one whose items carry no group to share
        line_stop = text.find("\n", line_start)
        bounds = (line_start, len(text) if line_stop < 0 else line_stop)
        bodies = _within([(i, d.span[0]) for i, d in enumerate(departments) if d.role != "mentioned"], bounds)
        dues = _within([(i, d.span[0]) for i, d in enumerate(deadlines) if d.kind in _DUE_KINDS], bounds)
        for index, item in enumerate(linked):
            if item.group == group:
                linked[index] = replace(item, departments=item.departments or bodies, deadlines=item.deadlines or dues)
    return linked


def _line_starts_with(text: str, openers: tuple[str, ...]) -> list[int]:
    starts = []
    for opener in openers:
        at = text.find(opener)
        while at >= 0:
            if at == 0 or text[at - 1] == "\n":
                starts.append(at)
            at = text.find(opener, at + 1)
    return sorted(set(starts))


def _list_right_above(text: str, items: list[ItemMention], line_start: int) -> int | None:
    """The group of the list whose last item ends right above ``line_start``, only blanks and a
    closing mark between."""
    above = [item for item in items if item.span[1] <= line_start]
    if not above:
        return None
    last = max(above, key=lambda item: item.span[1])
    if text[last.span[1] : line_start].strip(" \t\u3000\n；;。，,"):
        return None
    return last.group


def _by_section(sections: list[Section], marks: list[tuple[int, Span]]) -> dict[int, list[tuple[int, int]]]:
    """{innermost section: [(index, start)]}, in text order."""
    grouped: dict[int, list[tuple[int, int]]] = {}
    for index, span in sorted(marks, key=lambda mark: mark[1][0]):
        section = innermost(sections, span)
        if section is not None:
            grouped.setdefault(section, []).append((index, span[0]))
    return grouped


def _with_note(
    text: str,
    item: ItemMention,
    section: Section,
    own_bodies: list[tuple[int, int]],
    own_dues: list[tuple[int, int]],
) -> ItemMention:
    after, stop = item.span[1], min(section.span[1], _paragraph_end(text, item.span[1]))
    note = _first_note(text, after, stop, own_bodies) or _first_note(text, after, stop, own_dues)
    if not item.departments:
        if note is not None:
            found = _within(own_bodies, note)
        else:
            found = _within(own_bodies, (_sentence_start(text, item.span[0], section.span[0]), item.span[0]))
        item = replace(item, departments=found) if found else item
    if not item.deadlines and note is not None:
        found = _within(own_dues, note)
        item = replace(item, deadlines=found) if found else item
    return item


def _paragraph_end(text: str, position: int) -> int:
    """The end of the paragraph holding ``position`` and of the field lines under it: a note
    further on in the section is another paragraph's (请各市…于8月31日前完成系统改造 after a list)."""
    end = text.find("\n", position)
    return len(text) if end < 0 else past_fields(text, end + 1)


def _within(marks: list[tuple[int, int]], bounds: tuple[int, int]) -> tuple[int, ...]:
    return tuple(index for index, at in marks if bounds[0] <= at < bounds[1])


def _first_note(text: str, start: int, stop: int, marks: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The note holding the first mark from ``start`` on, before ``stop``."""
    first = next((at for _, at in marks if start <= at < stop), None)  # marks come in text order
    if first is None:
        return None
    opened = _open_bracket(text, first, max(start, _sentence_start(text, first, start)))
    if opened is not None:
        return opened, min(mark_after(text, first, _CLOSERS) + 1, stop)
    line_start = text.rfind("\n", 0, first) + 1
    if line_start >= start and field_line().match(text, line_start):
        return line_start, min(past_fields(text, line_start), stop)  # 牵头单位：… / 完成时限：…
    return _sentence_start(text, first, start), min(_sentence_end(text, first), stop)


def _open_bracket(text: str, position: int, floor: int) -> int | None:
    """Where the bracket holding ``position`` opens, if one opens after ``floor`` and is still open."""
    depth = 0
    for at in range(position - 1, floor - 1, -1):
        if text[at] in _CLOSERS:
            depth += 1
        elif text[at] in _OPENERS:
            if depth == 0:
                return at
            depth -= 1
    return None


def _sentence_start(text: str, position: int, floor: int) -> int:
    return mark_before(text, position, _SENTENCE_MARKS, floor)


def _sentence_end(text: str, position: int) -> int:
    return mark_after(text, position, _SENTENCE_MARKS)
