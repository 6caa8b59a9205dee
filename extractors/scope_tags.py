"""The 通办 scopes and modes a text names: the cues in ``item_cues.tsv`` (跨省通办, 全程网办),
and regions, which no fixed list can hold: found by their provinces' one-character names
before 通办 (湘赣通办, 黔川渝通办) or in quotes (“湘赣边区域通办”). Split from ``item_names.py``."""

from __future__ import annotations

import re

from extractors.item_names import cues, province_codes


def cues_in(text: str, kind: str) -> list[str]:
    """Cues in text order (tags gives them in cue-list order)."""
    return sorted(tags(text, kind), key=text.index)


def tags(text: str, kind: str) -> tuple[str, ...]:
    """The cues of ``kind`` (scope, mode…) the text holds; for scope, its regions too, and no
    scope that only stands inside a longer one (川渝通办 inside 黔川渝通办)."""
    found = tuple(cue for cue in cues()[kind] if cue in text)
    if kind == "scope":
        found += tuple(scope for scope in regional_scopes(text) if scope not in found)
        found = tuple(scope for scope in found if not _only_inside(text, scope, found))
    return found


def _only_inside(text: str, scope: str, found: tuple[str, ...]) -> bool:
    """Is every 川渝通办 in the text part of a longer scope found there (黔川渝通办)?"""
    return any(scope != longer and scope in longer and text.count(scope) <= text.count(longer) for longer in found)


_REGION_MIN, _REGION_MAX = 2, 5


def regional_scopes(text: str) -> list[str]:
    """Two to five provinces' one-character names before 通办: a region's scope (湘赣通办,
    黔川渝通办, 粤港澳通办). Found from each 通办 backwards: a pattern opening with a class of
    characters would be tried at every position of the text."""
    codes, found = province_codes(), []
    at = text.find("通办")
    while at >= 0:
        start = at
        while start > 0 and at - start < _REGION_MAX and text[start - 1] in codes:
            start -= 1
        if at - start >= _REGION_MIN:
            found.append(text[start : at + 2])
        elif text.startswith("”", at + 2):
            found.extend(_quoted_region(text, at))
        at = text.find("通办", at + 2)
    return found


_QUOTED_REGION = re.compile(r"“(?P<scope>[\u4e00-\u9fff]{1,10}通办)$")


def _quoted_region(text: str, at: int) -> list[str]:
    """A quoted scope no province code opens: “湘赣边区域通办”, “长株潭通办”, “成德眉资通办”. Not
    the reforms whose names end so (“一网通办”: item_cues.tsv not_scope)."""
    quoted = _QUOTED_REGION.search(text, max(0, at - 11), at + 2)
    if quoted is None or quoted.group("scope") in cues()["not_scope"] or quoted.group("scope") in cues()["scope"]:
        return []
    return [quoted.group("scope")]
