"""Responsible departments: who leads (牵头), who cooperates (配合, 会同), who answers (责任单位).

Two matchers, longest match wins:

* central bodies from ``data/departments_central.tsv`` (official names and
  abbreviations: 人社部 = 人力资源社会保障部 = 人力资源和社会保障部) in a HanLP trie (``gazetteer.py``);
* local bodies: a place (广东省, 各地级以上市, 省, 邯郸市丛台区) followed by a body
  from ``data/department_bodies.tsv`` (医疗保障局, 医保中心). A body with no place
  names nobody in particular and is skipped, unless it continues a list of placed
  bodies (省发展改革委、交通运输厅: both provincial); so is a place we cannot trust (a
  run of characters that merely ends in 市 after a verb). A bare 省 or 市 is the
  issuer's own province or city (``places.py``: 鄂政发 -> 湖北省, 遂宁市人民政府 -> 遂宁市).

Roles come from cues in ``data/department_roles.tsv``, read in ``department_roles.py``;
role words are never names, so "责任单位牵头" yields nothing.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from extractors.body_names import official_name
from extractors.body_units import BodyMatch, extended_twice, own_ministry_units
from extractors.datafiles import load_aliases, load_list
from extractors.department_classes import class_matches
from extractors.department_roles import LIST_JOINERS, role_of
from extractors.district_offices import district_offices
from extractors.gazetteer import Gazetteer
from extractors.named_places import named_before, named_in_full, places_sharing_a_body, same_body_in_full
from extractors.place_bounds import (
    ends_a_zone,
    holds_a_verb,
    local_unit,
    opens_with_stop_word,
    place_may_start,
    verb_opens_place,
)
from extractors.places import (
    LEVEL_CHARS,
    home_places,
    is_known_place,
    opens_with_known_county,
    opens_with_known_place,
    provinces,
    short_city_before,
    short_city_names,
    signers_of,
    with_full_city,
    with_own_province,
    with_sole_province,
    without_own_province,
)
from extractors.records import DepartmentMention
from extractors.text import alternation, doc_number_spans


@lru_cache(maxsize=1)
def _central() -> Gazetteer:
    return Gazetteer(load_aliases("departments_central.tsv"))


def _bodies() -> dict[str, str]:
    return load_aliases("department_bodies.tsv")


def _group_office_endings() -> tuple[str, ...]:
    return load_list("group_office_endings.txt")


def _group_office() -> str:
    """A working group's office: its task's name (which may quote a reform: “放管服”) and an ending.
    The name opens with no level word: in 泉州市行政审批…办公室 the 市 is the place's (泉州 is a
    city's short name too, and the lazy name would have begun at 市)."""
    return rf"(?![省县区]|市(?!场))[\u4e00-\u9fff“”]{{2,30}}?(?:{alternation(_group_office_endings())})"


@lru_cache(maxsize=4)
def _local_pattern(group_office: bool = False, zone: bool = False) -> re.Pattern[str]:
    """Place + body; with ``group_office``, place + a working group's office
    (a pattern of its own: its open-ended name is costly to try after every place).
    With ``zone``, a zone's long name (…经济技术开发区) is a place unit too: tried only
    before a body that a zone's name ends right before, as the units cost every position."""
    names = alternation(list(provinces()))
    classes = alternation(list(load_list("place_classes.txt")))
    body = _group_office() if group_office else alternation(list(_bodies()))
    unit = local_unit(zone)
    return re.compile(
        rf"(?P<place>(?P<province>{names})(?:{unit})*|(?P<cls>{classes})|(?:{unit})+)"
        rf"(?P<body>{body})"
    )


@lru_cache(maxsize=1)
def _body_pattern() -> re.Pattern[str]:
    """Where a body ends: a group office is found by its end (领导小组办公室).
    Literals only: a nested group would cost the regex its first-character skip
    (measured: extraction 40% slower)."""
    return re.compile(alternation([*_bodies(), *_group_office_endings()]))


def _body_canonical(body: str) -> str:
    return _bodies().get(body, body)


_PLACE_REACH = 40  # characters a place before a body can span (省 + 市 + 区 + 街道…)
# No place runs across these (a class may hold 、 and brackets: 各市（州）、县（市、区）); a group
# office's name may hold quotes (“放管服”), so quotes are left out.
_NO_PLACE_ACROSS = re.compile(r"[，。；：！？\n\t《》,;:!?]")


def _after_break(breaks: list[int], start: int, floor: int) -> int:
    """Where a place before ``start`` may begin at the earliest: after the last break
    before it. The pattern is tried at every position from there, so a short window
    is most of the matcher's time saved."""
    index = bisect_left(breaks, start) - 1
    return max(floor, breaks[index] + 1) if index >= 0 else floor


def _local_matches(text: str, home: dict[str, str]) -> list[BodyMatch]:
    """Place + body, leftmost first. The full pattern can start at any Han
    character, so it is only tried within reach of a body's name."""
    bodies = _body_pattern()
    breaks = [mark.start() for mark in _NO_PLACE_ACROSS.finditer(text)]
    found, position = [], 0
    # Where the last match rejected for its place began. A group office is searched from the
    # last match's end, so without this the same rejected match came back for ever
    # (".州市改革领导小组办公室" hung the run).
    rejected_at = -1
    while True:
        body = bodies.search(text, position)
        if body is None:
            return found
        group_office = body.group() not in _bodies()
        pattern = _local_pattern(group_office=group_office, zone=ends_a_zone(text, body.start()))
        # A match ends with a body, so none ends past this body's end unless it has
        # a later body of its own: searched for from there, not scanned to here.
        # A group office's name may hold a body word (推进政府职能转变…小组办公室)
        # already passed over: it is searched from the last match's end.
        floor = (
            max(found[-1].end if found else 0, rejected_at + 1) if group_office else _after_break(breaks, body.start(), position)
        )
        match = pattern.search(text, max(floor, body.start() - _PLACE_REACH), body.end())
        if match is None:
            shared = _shared_place(text, body, found) or _short_city(text, body, floor)
            if shared:
                found.append(shared)
            position = body.end()
            continue
        before = text[match.start() - 1] if match.start() > 0 else "\n"
        trusted = match.group("province") or _trusted_class(match.group("cls"), before)
        if match.group("cls") and ends_a_zone(text, match.end("cls")):
            rejected_at = match.start()  # the 区 that ends a zone's name (…开发区管委会)
            position = rejected_at + 1
            continue
        trusted = trusted or _known_place_after_body(match, found)  # 市公安局|岳麓区民政局: cells run together
        if not trusted and not is_known_place(match.group("place")):
            inner = _known_place_inside(pattern, match)  # 记者走访|长沙市…, 记者日前探访|岳麓区…
            match, trusted = (inner, True) if inner else (match, trusted)
        verb = verb_opens_place(text, match.start())  # 将会同县医保局: 会同 is the verb, not the county
        if (trusted or place_may_start(text, match.start())) and not holds_a_verb(match.group("place")) and not verb:
            place = _local_place(match, home)
            found.append(BodyMatch(match.start(), match.end(), place + _body_canonical(match.group("body")), place))
            position = match.end()
        else:
            rejected_at = match.start()
            position = rejected_at + 1


def _known_place_inside(pattern: re.Pattern[str], match: re.Match[str]) -> re.Match[str] | None:
    """The same body's match from the first province's, city's or county's full name inside a
    run of characters that is no place of its own (走访长沙市, 探访岳麓区: a known name is a place
    after any word). Not after a level word: 长沙市岳麓区 is one place."""
    place = match.group("place")
    for offset in range(1, len(place) - 1):
        rest = place[offset:]
        if place[offset - 1] not in LEVEL_CHARS and (opens_with_known_place(rest) or opens_with_known_county(rest)):
            inner = pattern.match(match.string, match.start() + offset, match.end())
            return inner if inner and inner.end() == match.end() else None
    return None


def _known_place_after_body(match: re.Match[str], found: list[BodyMatch]) -> bool:
    """A known place's full name right where the last body's name ends opens a name of its own:
    table cells whose blank the layout closed (市公安局岳麓区民政局) are two bodies. Only a known
    name, and one that opens with no verb: in 县医保局会同县卫生健康局, 会同 is one (and a county).
    After 市医保局, 指导区医保局 is a verb and a class."""
    if not found or found[-1].end != match.start() or opens_with_stop_word(match.string, match.start()):
        return False
    place = match.group("place")
    return opens_with_known_place(place) or opens_with_known_county(place)


def _trusted_class(place_class: str | None, before: str) -> bool:
    """A class of places opens a name after anything (会同省财政厅, 推动市人社局), but
    a bare level word after another one is the tail of a list of levels: the 区 of
    "县市区政务服务管理机构" is no district of its own."""
    if not place_class:
        return False
    return len(place_class) > 1 or before not in LEVEL_CHARS


def _shared_place(text: str, body: re.Match[str], found: list[BodyMatch]) -> BodyMatch | None:
    """A bare body that continues a list of local bodies has their place:
    "省发展改革委、交通运输厅、水利厅" names three provincial bodies."""
    if not found or body.start() == 0 or text[body.start() - 1] not in LIST_JOINERS:
        return None
    last = found[-1]
    if last.end != body.start() - 1 or not last.place:
        return None
    return BodyMatch(body.start(), body.end(), last.place + _body_canonical(body.group()), last.place)


def _short_city(text: str, body: re.Match[str], floor: int) -> BodyMatch | None:
    """A body right after a city's short name: 嘉兴公安局 is 嘉兴市公安局."""
    city = short_city_before(text, body.start())
    start = body.start() - len(city) if city else -1
    if city is None or start < floor or not place_may_start(text, start):
        return None
    place = short_city_names()[city]
    return BodyMatch(start, body.end(), place + _body_canonical(body.group()), place)


def _local_place(match: re.Match[str], home: dict[str, str]) -> str:
    place = match.group("place")
    province = match.group("province")
    if province:
        return without_own_province(with_full_city(provinces()[province] + place[len(province) :]))
    return without_own_province(with_full_city(home.get(place, place)))


def find_departments(
    text: str,
    issuer: str | None = None,
    number: str | None = None,
    place: str | None = None,
    unsure: Sequence[tuple[int, int]] = (),
) -> list[DepartmentMention]:
    """Department mentions with canonical names and roles, in text order.
    ``issuer`` and its document ``number`` tell which place "省" or "市" means; with no
    issuer, ``place`` does (the place a page's title opens with: 某阳市第二批…清单).
    ``unsure``: mojibake, flagged or guessed, that no body's unit grows into."""
    home = _home(issuer, number) if issuer or not place else home_places(place, place, number)
    if issuer and _central_issuer(issuer) is None:  # a central notice's bare 省 may be any province's,
        home = with_sole_province(home, text)  # and a news page's may be any it reports on,
    elif not issuer and not place:
        home = with_own_province(home, text)  # unless it speaks for one (我省)
    central = [BodyMatch(s, e, c) for s, e, c in _central().longest(text)]
    numbers = doc_number_spans(text)
    local = places_sharing_a_body(text, named_in_full(named_before(_local_matches(text, home))))
    if not issuer and "市" not in home:  # no issuer, and no city in the title (江西：赣州新增…)
        local = same_body_in_full(_with_sole_city(local))
    starts = {m.start for m in central + local}
    found = [extended_twice(text, m, starts, unsure) for m in central + local]
    found += [BodyMatch(*found) for found in class_matches(text, home)]
    found += own_ministry_units(text, _central_issuer(issuer) or "")
    found += [BodyMatch(*office) for office in district_offices(text)]
    matches = _longest_first(
        [replace(m, canonical=official_name(m.canonical, m.place)) for m in found if not _inside(m, numbers)]
    )
    ends = {m.start: m.end for m in matches}
    return [
        DepartmentMention(text[m.start : m.end], m.canonical.translate(_FULL_WIDTH), role_of(text, m, ends), (m.start, m.end))
        for m in matches
    ]


_FULL_WIDTH = str.maketrans("()", "（）")  # 各县(市、区)政务服务中心 is 各县（市、区）政务服务中心


_BARE_CITY = ("市", "市级", "本市", "我市")
_NOT_ONE_CITY = "各全本我该级、"  # 各市, 全市, 县级市, 市、县两级: classes, not a city's name


def _with_sole_city(matches: list[BodyMatch]) -> list[BodyMatch]:
    """A page with no issuer and no place in its title (a city's news article): its bare 市
    (市教育局, 我市) is the one city its bodies name in full (某某市政务服务和数据管理局), if
    they name only one."""
    cities = {m.place for m in matches if m.place.endswith("市") and len(m.place) > 2}
    cities = {city for city in cities if not any(char in _NOT_ONE_CITY for char in city)}
    if len(cities) != 1:
        return matches
    (city,) = cities
    return [BodyMatch(m.start, m.end, city + m.canonical[len(m.place) :], city) if m.place in _BARE_CITY else m for m in matches]


def _home(issuer: str | None, number: str | None) -> dict[str, str]:
    """Which place a bare 省, 市 or 县 means. Joint signers (甲市人民政府办公室 乙县人民政府办公室)
    each give theirs: 市 is 甲市 and 县 is 乙县; a word two signers read differently means neither."""
    signers = signers_of(issuer)
    if len(signers) <= 1:
        return home_places(issuer, _issuer_place(issuer), number)
    merged: dict[str, str] = {}
    clashes: set[str] = set()
    for signer in signers:
        for word, place in home_places(signer, _issuer_place(signer), number).items():
            if merged.setdefault(word, place) != place:
                clashes.add(word)
    return {word: place for word, place in merged.items() if word not in clashes}


def _issuer_place(issuer: str | None) -> str | None:
    """The place in a local body's name: 遂宁市 of 遂宁市人民政府, 泉州市 of 泉州市…领导小组办公室."""
    if not issuer:
        return None
    match = _local_pattern(zone=True).fullmatch(issuer) or _local_pattern(group_office=True).fullmatch(issuer)
    return match.group("place") if match else None


def _central_issuer(issuer: str | None) -> str | None:
    """The central body an issuer's name opens with (人力资源社会保障部办公厅: 人力资源和社会保障部)."""
    return next((canonical for start, _, canonical in _central().longest(issuer or "") if start == 0), None)


def _inside(match: BodyMatch, spans: list[tuple[int, int]]) -> bool:
    """Document numbers carry issuer abbreviations (国办发〔2022〕34号): not mentions."""
    return any(start <= match.start and match.end <= end for start, end in spans)


def _longest_first(matches: list[BodyMatch]) -> list[BodyMatch]:
    chosen: list[BodyMatch] = []
    for match in sorted(matches, key=lambda m: (m.start - m.end, m.start)):
        if all(match.end <= c.start or c.end <= match.start for c in chosen):
            chosen.append(match)
    return sorted(chosen, key=lambda m: m.start)
