"""The section tree (一、 / （一） / 1. / (1)) and the tasks it holds.

Chinese official documents number their sections in four fixed levels. A
section runs from its heading to the next heading of the same or a higher
level. A *task* is a leaf section that sets a deadline or gives a department
a role: 003's "（一）优化事项标准。…（完成时限：5月25日前，责任单位：各地级以上市医疗
保障局。）". Linking deadlines, departments and items to the task around them
is what lets an analyst ask who must do what by when.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extractors.records import Deadline, DepartmentMention, ItemMention, Span
from extractors.text import AFTER_NUMBER

_LEVELS = [
    (1, re.compile(r"^([一二三四五六七八九十]{1,3})、")),
    (2, re.compile(r"^[（(]\s*([一二三四五六七八九十]{1,3})\s*[）)]")),
    (3, re.compile(rf"^(\d{{1,2}})[.．、]{AFTER_NUMBER}")),
    (4, re.compile(r"^[（(](\d{1,2})[）)]")),
]
_TITLE_END = re.compile(r"[。；;：:]")


def is_heading(line: str) -> bool:
    """Does the line open with a heading's number (一、 （二） 3. （4））?"""
    return any(pattern.match(line) for _, pattern in _LEVELS)


@dataclass(frozen=True)
class Section:
    level: int
    number: str  # the heading marker as written: 三、 / （一）
    title: str  # heading text up to its first full stop
    span: Span  # the whole section, heading included
    parent: int | None = None  # index of the enclosing section


@dataclass
class Task:
    section: int  # index into the section list
    number: str
    title: str
    span: Span
    deadlines: list[int] = field(default_factory=list)  # indices into Extraction.deadlines
    departments: list[int] = field(default_factory=list)
    items: list[int] = field(default_factory=list)


def find_sections(text: str) -> list[Section]:
    headings = []
    offset = 0
    for line in text.split("\n"):
        stripped = line.lstrip()
        for level, pattern in _LEVELS:
            match = pattern.match(stripped)
            if match:
                start = offset + len(line) - len(stripped)
                rest = stripped[match.end() :].strip()
                title = _TITLE_END.split(rest, 1)[0][:40]
                headings.append((level, match.group(0).strip(), title, start))
                break
        offset += len(line) + 1
    sections: list[Section] = []
    for index, (level, number, title, start) in enumerate(headings):
        end = len(text)
        for later_level, _, _, later_start in headings[index + 1 :]:
            if later_level <= level:
                end = later_start
                break
        parent = next((i for i in range(len(sections) - 1, -1, -1) if sections[i].level < level), None)
        sections.append(Section(level, number, title, (start, end), parent))
    return sections


def innermost(sections: list[Section], span: Span) -> int | None:
    best = None
    for index, section in enumerate(sections):
        if section.span[0] <= span[0] and span[1] <= section.span[1]:
            if best is None or section.level > sections[best].level:
                best = index
    return best


def link_tasks(
    sections: list[Section],
    deadlines: list[Deadline],
    departments: list[DepartmentMention],
    items: list[ItemMention],
) -> list[Task]:
    """Tasks: sections holding a deadline or a department with a role, with what they hold."""
    tasks: dict[int, Task] = {}

    def task_for(span: Span) -> Task | None:
        index = innermost(sections, span)
        if index is None:
            return None
        if index not in tasks:
            section = sections[index]
            tasks[index] = Task(index, section.number, section.title, section.span)
        return tasks[index]

    for position, deadline in enumerate(deadlines):
        task = task_for(deadline.span)
        if task:
            task.deadlines.append(position)
    for position, department in enumerate(departments):
        if department.role == "mentioned":
            continue
        task = task_for(department.span)
        if task:
            task.departments.append(position)
    for task in tasks.values():
        task.items = [i for i, item in enumerate(items) if task.span[0] <= item.span[0] < task.span[1]]
    return [tasks[index] for index in sorted(tasks)]
