"""A year a plan sets a goal for: "2023年，全面实现高频事项“跨省通办”", "明年将实现…".

A bare year is no deadline: "2021年，全市共办理…" reports on a year. It is one where it opens its
clause, a goal verb (实现, 建成…: ``goal_verb`` in ``data/deadline_markers.tsv``) follows in the
same clause, and the year is still ahead of the document's date: a later year, or the document's
own year with a word of intent (将, 要…: ``intent``) before the verb. With no document date no
year is known to lie ahead, and none is read. 2023年底前, 2023年6月 and 到2023年 are read elsewhere.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from extractors.dates import Window
from extractors.records import Deadline
from extractors.relative_deadlines import markers
from extractors.text import alternation

# the year opens its clause and names the whole year: not 2023年底, 2023年6月, 2023年以来, 2023年度
_YEAR = re.compile(
    r"(?:^|(?<=[。；;，,：:\n]))(?:(?P<number>[12][0-9]{3})年|(?P<word>今年|明年))(?![底末前内中初以来度上下半第0-9一二三四五六七八九十])"
)
_CLAUSE_REACH = 24  # characters from the year to its goal verb: 2023年，我市将在全省率先全面实现


@lru_cache(maxsize=1)
def _goal() -> re.Pattern[str]:
    verbs = alternation(markers("goal_verb"))
    return re.compile(rf"[，,]?(?P<between>[^，,。；;：:\n0-9]{{0,{_CLAUSE_REACH}}}?)(?:{verbs})")


def goal_years(text: str, base: date | None) -> list[Deadline]:
    """Each goal year in ``text``, a deadline by its last day."""
    if base is None:
        return []
    found = []
    for match in _YEAR.finditer(text):
        year = _year(match, base)
        if year < base.year:
            continue
        goal = _goal().match(text, match.end())
        if goal is None:
            continue
        if year == base.year and not any(word in goal.group("between") for word in markers("intent")):
            continue  # 2021年，全省实现…: this year's work, reported
        window = Window(date(year, 1, 1), date(year, 12, 31), "year")
        found.append(_deadline(match, window, base))
    return found


def _year(match: re.Match[str], base: date) -> int:
    if match.group("number"):
        return int(match.group("number"))
    return base.year + (match.group("word") == "明年")


def _deadline(match: re.Match[str], window: Window, base: date) -> Deadline:
    return Deadline(
        text=match.group(),
        span=match.span(),
        kind="by",
        date=window.last.isoformat(),
        precision=window.precision,
        base_date=base.isoformat(),
    )
