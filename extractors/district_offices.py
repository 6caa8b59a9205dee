"""Local offices of central bodies named by a place's short name: 广州海关, 广东海事局, 广东银保监局.

The local-body reader reads place + body as the place government's body and fills in the
place's full name (嘉兴公安局 = 嘉兴市公安局). These offices belong to a central body, so that
reading would invent a name (广州市海关) and, with a bare 省 (全省海关), a body that does not
exist. They are found by their ending, a literal the regex engine scans for, and the short name
right before it; the name is kept as written. The endings and places are in
``data/district_offices.tsv``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from extractors.datafiles import load_table
from extractors.place_bounds import place_may_start
from extractors.places import provinces, short_city_names
from extractors.text import alternation

_PLACE_LENGTHS = (4, 3, 2)  # 乌鲁木齐海关 … 广州海关, longest first


@lru_cache(maxsize=1)
def _places_by_ending() -> dict[str, frozenset[str]]:
    """``{ending: the short names that may open it}``."""
    short_provinces = {name for name in provinces() if len(name) < len(provinces()[name])}
    kinds = {"province": short_provinces, "city": set(short_city_names())}
    table = {}
    for row in load_table("district_offices.tsv"):
        names: set[str] = set()
        for place in row["places"].split("|"):
            names |= kinds.get(place, {place})
        table[row["ending"]] = frozenset(names)
    return table


@lru_cache(maxsize=1)
def _endings() -> re.Pattern[str]:
    return re.compile(alternation(list(_places_by_ending())))


def district_offices(text: str) -> list[tuple[int, int, str]]:
    """(start, end, name) of each office, its name as written."""
    found = []
    for ending in _endings().finditer(text):
        place = _place_before(text, ending.start(), _places_by_ending()[ending.group()])
        if place is None:
            continue
        start = ending.start() - len(place)
        found.append((start, ending.end(), text[start : ending.end()]))
    return found


def _place_before(text: str, end: int, places: frozenset[str]) -> str | None:
    """The longest allowed short name ending at ``end`` that opens a name there."""
    for length in _PLACE_LENGTHS:
        start = end - length
        if start >= 0 and text[start:end] in places and place_may_start(text, start):
            return text[start:end]
    return None
