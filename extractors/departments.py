"""Responsible departments: who leads (牵头), who cooperates (配合, 会同), who answers (责任单位).

Two matchers, longest match wins:

* central bodies from ``data/departments_central.tsv`` (official names and
  abbreviations: 人社部 = 人力资源社会保障部 = 人力资源和社会保障部) in a HanLP trie;
* local bodies: a place (广东省, 各地级以上市, 省, 邯郸市丛台区) followed by a body
  from ``data/department_bodies.tsv`` (医疗保障局, 医保中心). A body with no place
  names nobody in particular and is skipped; so is a place we cannot trust (a
  run of characters that merely ends in 市 after a verb).

Roles come from cues in ``data/department_roles.tsv``; role words are never
names, so "责任单位牵头" yields nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from hanlp_trie import Trie

from extractors.datafiles import load_aliases, load_list, load_table
from extractors.records import DepartmentMention
from extractors.text import DOC_NUMBER, alternation

_FUNCTION_CHARS = "在由与和及同向对经为请于将从"
# A place name never starts with a preposition: 在邯郸市 is 在 + 邯郸市.
_LOCAL_UNIT = rf"(?![{_FUNCTION_CHARS}])[\u4e00-\u9fff]{{1,4}}?(?:自治州|地区|市|州|盟|县|区|旗)"
_BOUNDARY = set("，。；：、（）()《》“”\n\t " + _FUNCTION_CHARS)
_CLAUSE_END = re.compile(r"[，。；：\n]")
_SENTENCE_START = re.compile(r"[。；\n]")


@dataclass(frozen=True)
class _Match:
    start: int
    end: int
    canonical: str


@lru_cache(maxsize=1)
def _central_trie() -> Trie:
    return Trie(load_aliases("departments_central.tsv"))


def _bodies() -> dict[str, str]:
    return load_aliases("department_bodies.tsv")


def _provinces() -> dict[str, str]:
    return load_aliases("provinces.tsv", canonical="name")


@lru_cache(maxsize=1)
def _local_pattern() -> re.Pattern[str]:
    provinces = alternation(list(_provinces()))
    classes = alternation(list(load_list("place_classes.txt")))
    bodies = alternation(list(_bodies()))
    return re.compile(
        rf"(?P<place>(?P<province>{provinces})(?:{_LOCAL_UNIT})*|(?:{_LOCAL_UNIT})+|(?P<cls>{classes}))"
        rf"(?P<body>{bodies})"
    )


def _local_matches(text: str, home_province: str | None) -> list[_Match]:
    pattern = _local_pattern()
    found, position = [], 0
    while True:
        match = pattern.search(text, position)
        if match is None:
            return found
        trusted = match.group("province") or match.group("cls")
        before = text[match.start() - 1] if match.start() > 0 else "\n"
        if trusted or before in _BOUNDARY:
            found.append(_Match(match.start(), match.end(), _local_canonical(match, home_province)))
            position = match.end()
        else:
            position = match.start() + 1


def _local_canonical(match: re.Match[str], home_province: str | None) -> str:
    place = match.group("place")
    province = match.group("province")
    if province:
        place = _provinces()[province] + place[len(province) :]
    elif place in ("省", "省级") and home_province:
        place = home_province
    return place + _bodies()[match.group("body")]


def _home_province(issuer: str | None) -> str | None:
    """广东省医疗保障局 -> 广东省: "省医保局" in its notice means Guangdong's."""
    if not issuer:
        return None
    for name in sorted(_provinces(), key=len, reverse=True):
        if issuer.startswith(name):
            return _provinces()[name]
    return None


def find_departments(text: str, issuer: str | None = None) -> list[DepartmentMention]:
    """Department mentions with canonical names and roles, in text order."""
    home = _home_province(issuer)
    central = [_Match(s, e, c) for s, e, c in _central_trie().parse_longest(text)]
    numbers = [m.span() for m in DOC_NUMBER.finditer(text)]
    candidates = [m for m in central + _local_matches(text, home) if not _inside(m, numbers)]
    matches = _longest_first(candidates)
    return [DepartmentMention(text[m.start : m.end], m.canonical, _role(text, m, matches), (m.start, m.end)) for m in matches]


def _inside(match: _Match, spans: list[tuple[int, int]]) -> bool:
    """Document numbers carry issuer abbreviations (国办发〔2022〕34号): not mentions."""
    return any(start <= match.start and match.end <= end for start, end in spans)


def _longest_first(matches: list[_Match]) -> list[_Match]:
    chosen: list[_Match] = []
    for match in sorted(matches, key=lambda m: (m.start - m.end, m.start)):
        if all(match.end <= c.start or c.end <= match.start for c in chosen):
            chosen.append(match)
    return sorted(chosen, key=lambda m: m.start)


@lru_cache(maxsize=1)
def _cues() -> tuple[dict[str, str], dict[str, str]]:
    rows = load_table("department_roles.tsv")
    after = {r["cue"]: r["role"] for r in rows if r["position"] == "after"}
    before = {r["cue"]: r["role"] for r in rows if r["position"] == "before"}
    return after, before


def _role(text: str, match: _Match, matches: list[_Match]) -> str:
    after_cues, before_cues = _cues()
    tail = _tail_after(text, match, matches)
    for cue in sorted(after_cues, key=len, reverse=True):
        if tail.startswith(cue):
            return after_cues[cue]
    head = _head_before(text, match)
    best, best_at = "mentioned", -1
    for cue, role in before_cues.items():
        at = head.rfind(cue)
        if at > best_at:
            best, best_at = role, at
    return best


def _tail_after(text: str, match: _Match, matches: list[_Match]) -> str:
    """What follows the name in its clause, skipping a list of further names:
    in "A、B配合" the cue after B belongs to A too."""
    end = match.end
    others = {m.start: m.end for m in matches}
    while True:
        while end < len(text) and text[end] in "、和与及":
            end += 1
        if end in others:
            end = others[end]
            continue
        break
    clause = _CLAUSE_END.search(text, end)
    return text[end : clause.start() if clause else len(text)]


def _head_before(text: str, match: _Match) -> str:
    start = 0
    for boundary in _SENTENCE_START.finditer(text, 0, match.start):
        start = boundary.end()
    return text[start : match.start]
