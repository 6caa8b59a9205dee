"""Which place a short or pronoun place in a body's name stands for, from the bodies the page
named before or elsewhere: 该市公安局 after 杭州市医保局 is 杭州市公安局; 襄州区行政审批局 on a
page that named 襄阳市襄州区行政审批局 is that one. Works on any dataclass with ``place`` and
``canonical`` (departments.py's matches). Also the place a title opens with (``leading_place``),
which a page with no issuer speaks for."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import Protocol, TypeVar

from extractors.place_bounds import local_unit, place_may_start
from extractors.places import (
    is_known_county,
    is_known_place,
    known_place_before,
    opens_with_known_place,
    provinces,
    short_city_names,
)
from extractors.text import alternation


class _Placed(Protocol):
    canonical: str
    place: str
    start: int
    end: int


M = TypeVar("M", bound=_Placed)


def named_before(matches: list[M]) -> list[M]:
    """该市公安局 (that city's) is the last city a body was named with before it:
    "杭州市医保局…，该市公安局…" names 杭州市公安局. With none before, it stays as written."""
    resolved: list[M] = []
    for match in matches:
        if match.place in ("该市", "该县", "该区"):
            level = match.place[-1]
            earlier = [unit for m in resolved if (unit := unit_of(m.place, level))]
            if earlier:
                match = replace(match, canonical=earlier[-1] + match.canonical[len(match.place) :], place=earlier[-1])
        resolved.append(match)
    return resolved


def unit_of(place: str, level: str) -> str | None:
    """The place's own unit of a level: 杭州市西湖区 lies in 杭州市, so after it 该市 is
    杭州市 (the first unit ending in 市, so 济南市市中区 gives 济南市)."""
    if place.endswith(level):
        return place if len(place) > 2 else None
    unit = re.match(rf"(?:[^省]{{2,7}}省)?[^省市县区]{{2,6}}{level}", place)
    return unit.group() if unit and len(unit.group()) < len(place) else None


_LEAST_SHORT_PLACE = 3  # characters: 襄州区, not 市 or 区 alone (bare levels are the home's)


def named_in_full(matches: list[M]) -> list[M]:
    """A place the page names short (襄州区) where it also names it in full (襄阳市襄州区):
    the full one, if exactly one longer place that opens with a known province or city ends
    with it. A bare or class place (市, 各区) is no short name of anything, nor is a city's own."""
    places = {m.place for m in matches if opens_with_known_place(m.place)}  # not 名称某安县: a label glued on
    resolved = []
    for match in matches:
        short = match.place
        longer = {place for place in places if place != short and place.endswith(short)}
        if _short_name(short, match.canonical) and len(longer) == 1:
            (full,) = longer
            match = replace(match, canonical=full + match.canonical[len(short) :], place=full)
        resolved.append(match)
    return resolved


_BARE_LEVELS = ("省", "市")


def same_body_in_full(matches: list[M]) -> list[M]:
    """A body named with a bare level (省政务服务数据管理局) on a page that also names that very
    body in full (广东省政务服务数据管理局) is that one, if exactly one place's is named: a news
    page's first mention is in full and its later ones short. Only the same body: 省税务局 on the
    same page keeps its bare 省, which may be any province a report names."""
    full_names = {(m.place, m.canonical) for m in matches if m.place not in _BARE_LEVELS and opens_with_known_place(m.place)}
    resolved = []
    for match in matches:
        if match.place in _BARE_LEVELS:
            body = match.canonical[len(match.place) :]
            places = {place for place, canonical in full_names if place.endswith(match.place) and canonical == place + body}
            if len(places) == 1:
                (place,) = places
                match = replace(match, canonical=place + body, place=place)
        resolved.append(match)
    return resolved


def _short_name(place: str, canonical: str) -> bool:
    """A county's or district's name standing alone (襄州区). A city's own name (宿迁市) is
    how the registry names its bodies already, with or without its province before it."""
    if len(place) < _LEAST_SHORT_PLACE or place.startswith("各") or is_known_place(place):
        return False
    return canonical.startswith(place)


def places_sharing_a_body(text: str, matches: list[M]) -> list[M]:
    """珠海市、中山市医疗保障局, 广州、深圳市政务服务数据管理局: provinces or cities listed with 、
    before one body's name share it, as a class's members share a head (医保、人社部门). Each
    is a mention of its own, its span the place as written. Only after a body whose own place
    is a province, a city or a county named in full (长沙县、浏阳市、宁乡市政务服务中心), and only
    places that open where a place may."""
    shared: list[M] = []
    for match in matches:
        members = []
        position = match.start
        known = is_known_place(match.place) or is_known_county(match.place)
        while known and position > 1 and text[position - 1] == "、":
            before = known_place_before(text, position - 1)
            if before is None or not place_may_start(text, before[1]):
                break
            full, start = before
            body = full + match.canonical[len(match.place) :]
            members.append(replace(match, start=start, end=position - 1, canonical=body, place=full))
            position = start
        shared.extend(reversed(members))
        shared.append(match)
    return shared


@lru_cache(maxsize=1)
def _leading_place() -> re.Pattern[str]:
    names = alternation(list(provinces()))
    unit = local_unit()
    return re.compile(rf"(?:{names})(?:{unit})*|(?:{unit})+")


def leading_place(title: str | None) -> str | None:
    """The place a title opens with (某阳市 of 某阳市第二批“省内通办”事项清单), if any."""
    if not title:
        return None
    opening = len(title) - len(title.lstrip("《“"))  # 《某安市…方案》政策解读: the plan's place
    year = _TITLE_YEAR.match(title, opening)  # 2007年三水区政府工作主要任务分解表: the year goes first
    match = _leading_place().match(title, year.end() if year else opening)
    if match and not match.group().startswith(_OWN_PLACE_WORDS):  # 我市居民身份证…: whose 市 the page does not say
        return match.group()
    # a news headline's dateline: 南平：101项政务服务事项可实现“跨省通办”
    city = _HEADLINE_CITY.match(title)
    return short_city_names().get(city.group(1)) if city else None


_OWN_PLACE_WORDS = ("我", "本", "该", "全", "各")
_TITLE_YEAR = re.compile(r"(?:19|20)[0-9]{2}年度?")
_HEADLINE_CITY = re.compile(r"([\u4e00-\u9fff]{2,4})[:：]")
