"""Classes of bodies named by their sector (财政部门, 公安机关, 市级有关部门): ``data/department_classes.txt``.

A class names no one body, so it has no place to resolve, unless a bare level stands before
it (市市场监管部门: the issuer's city's). Members of a shared head are classes too: "医保、人社部门"
names 医保部门 and 人社部门. Matches are (start, end, canonical), as ``departments.py`` reads them.
"""

from __future__ import annotations

import re
from functools import lru_cache

from extractors.datafiles import load_aliases, load_list
from extractors.place_bounds import place_may_start
from extractors.text import alternation

_HEADS = ("部门", "机关", "机构", "单位", "所")  # 所: a station (派出所, 税务所)


@lru_cache(maxsize=1)
def _class_pattern() -> re.Pattern[str]:
    return re.compile(alternation(list(load_list("department_classes.txt"))))


def class_matches(text: str, home: dict[str, str]) -> list[tuple[int, int, str]]:
    """Sector classes (财政部门, 公安机关), each member of a shared head too:
    "医保、人社部门" names 医保部门 and 人社部门. A bare level before one (市市场监管部门) is
    the issuer's own place's, as it is before a body."""
    classes = set(load_list("department_classes.txt"))
    found = []
    for match in _class_pattern().finditer(text):
        prefix = _place_class_before(text, match.start())
        start = match.start() - len(prefix)
        place = home.get(prefix, prefix) if prefix in _BARE_LEVELS else prefix
        found.append((start, match.end(), place + _canonical(match.group())))
        head = next(h for h in _HEADS if match.group().endswith(h))
        found += _shared_head_members(text, match.start(), head, classes)
    return found


_BARE_LEVELS = ("省", "市", "县", "区")


def _canonical(name: str) -> str:
    """A class that is also a body's short name (医保经办机构) keeps the body's canonical, the
    name it has with a place before it (各级医疗保障经办机构)."""
    return load_aliases("department_bodies.tsv").get(name, name)


def _place_class_before(text: str, end: int) -> str:
    """本级 / 各级 / 各市 right before a class: 本级业务主管部门 is one name. So is a bare
    level where a place may start (由市市场监管部门; not 城市市场…)."""
    before = [c for c in load_list("place_classes.txt") if len(c) > 1 and text.endswith(c, 0, end)]
    if before:
        return max(before, key=len)
    level = text[end - 1 : end]
    return level if level in _BARE_LEVELS and place_may_start(text, end - 1) else ""


def _shared_head_members(text: str, start: int, head: str, classes: set[str]) -> list[tuple[int, int, str]]:
    members = []
    while start > 0 and text[start - 1] == "、":
        stems = [s[: -len(head)] for s in classes if s.endswith(head) and text.endswith(s[: -len(head)], 0, start - 1)]
        if not stems:
            break
        stem = max(stems, key=len)
        start = start - 1 - len(stem)
        members.append((start, start + len(stem), stem + head))
    return members
