"""Deadlines that carry no calendar date of their own: 自本通知印发之日起30日内, 本方案自印发之日起施行,
年内, 到"十四五"末, 春节前.

Each is resolved against the base date (the document's own date) or a calendar of named days
(``data/holidays.tsv``); on a page with no date the deadline is kept with precision "unresolved".
The markers (印发, 发布… and 施行, 实施…) come from ``data/deadline_markers.tsv``.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from functools import lru_cache

from extractors.datafiles import load_table
from extractors.dates import Window, to_int
from extractors.records import Deadline
from extractors.text import alternation

_THIS_DOCUMENT = r"(?:本(?:(?!自)[\u4e00-\u9fff]){1,4}?)"  # 本通知, 本方案, 本实施意见 (not 本通知自…)
_COUNT = r"[0-9０-９]{1,3}|[一二三四五六七八九十两]{1,3}"
_WITHIN = r"(?:之内|以内|内)"
_WITHIN_YEAR = re.compile(r"(?<![0-9一二三四五六七八九十〇零])(?:本|今|当)?年度?内")
# "十四五" is the 14th five-year plan. The plans after the third run back to back from 1966.
# 到"十四五"末 is by the plan's last year; "十四五"期间 is the plan's five years (not 时期, which
# names the era: "十四五"时期是…).
_PLAN_END = re.compile(
    r"[“\"「]?十(?P<n>[一二三四五六七八九])五[”\"」]?(?:规划)?(?:(?:时期|规划期|期)?(?:末期|末)|(?P<during>期间|期内))"
)
_FIRST_PLAN_YEAR, _FIRST_NUMBERED_PLAN = 1966, 3
_HOLIDAY_AFTER = r"(?:假期)?(?:之前|以前|前)(?!后)"  # 春节前后 is "around", no deadline


@lru_cache(maxsize=None)
def markers(position: str) -> dict[str, str]:
    """``{marker: kind}`` of one position of ``data/deadline_markers.tsv``."""
    return {row["marker"]: row["kind"] for row in load_table("deadline_markers.tsv") if row["position"] == position}


@lru_cache(maxsize=1)
def _from_issue_pattern() -> re.Pattern[str]:
    """本方案自印发之日起施行 (a start on the document's date), 自印发之日起30日后施行 (a start
    counted from it) and 自本通知印发之日起30日内 or 本方案印发后1个月内 (a deadline counted from
    it), from the verb on: a scan for a verb is fast, and what stands before it (``_OPENING``) is
    looked for only there."""
    verbs, in_force = alternation(markers("issue_verb")), alternation(markers("in_force"))
    units = alternation(markers("count_unit"))
    counted = rf"(?:之日起|后)(?P<count>{_COUNT})(?P<unit>{units}){_WITHIN}"
    later = rf"之日起(?P<later>{_COUNT})(?P<later_unit>{units})后(?:{in_force})"
    return re.compile(rf"(?:{verbs})(?:{counted}|{later}|之日起(?:{in_force})?)")


@lru_cache(maxsize=1)
def _receipt_pattern() -> re.Pattern[str]:
    """收到本通知后5个工作日内: the phrase names the document and needs nothing before it; the
    day it arrives is taken for the day it was issued. Its own scan: one alternation with the
    verbs above made that scan four times slower."""
    units = alternation(markers("count_unit"))
    return re.compile(rf"(?:{alternation(markers('receipt'))})后(?P<count>{_COUNT})(?P<unit>{units}){_WITHIN}")


# 自, 自本通知, 本方案 right before the verb, or a bare 方案 opening its clause. A count needs
# one of them, so it runs from the document's own date: 收到申请后3个工作日内 is a service's time
# limit, and 《办法》印发后 another document's. A start needs 自.
@lru_cache(maxsize=1)
def _opening() -> re.Pattern[str]:
    bare = rf"(?:(?<![\u4e00-\u9fff])|(?<=[在于]))(?:{alternation(markers('document'))})"
    return re.compile(rf"(?:自{_THIS_DOCUMENT}?|{_THIS_DOCUMENT}|{bare})$")


_OPENING_REACH = 6  # 自本实施意见


def from_issue(text: str, base: date | None) -> list[Deadline]:
    """Deadlines counted from the document's own date, and its own start."""
    found = []
    for match in _from_issue_pattern().finditer(text):
        counted = match.group("count") is not None
        opening = _opening().search(text, max(0, match.start() - _OPENING_REACH), match.start())
        if opening is None or not (counted or opening.group().startswith("自")):
            continue
        found.append(_counted_from_issue(text, (opening.start(), match.end()), match, base))
    for match in _receipt_pattern().finditer(text):
        found.append(_counted_from_issue(text, match.span(), match, base))
    return sorted(found, key=lambda deadline: deadline.span)


def _counted_from_issue(text: str, span: tuple[int, int], match: re.Match[str], base: date | None) -> Deadline:
    """A deadline by the end of a count (…30日内), or a start on the document's day or a count
    after it (…之日起施行, …之日起30日后施行: the start is that later day)."""
    units = markers("count_unit")
    counted = match.group("count") is not None
    end = _add(base, to_int(match.group("count")), units[match.group("unit")]) if base and counted else None
    start, later = base, match.groupdict().get("later")  # the receipt pattern has no later start
    if base and later is not None:
        start = _add(base, to_int(later), units[match.group("later_unit")])
    return Deadline(
        text=text[span[0] : span[1]],
        span=span,
        kind="by" if counted else "start",
        date=end.isoformat() if end else None,
        start=start.isoformat() if start else None,
        precision="day" if base and (end or not counted) else "unresolved",
        base_date=base.isoformat() if base else None,
    )


def _add(base: date, count: int, unit: str) -> date:
    """The last day of a count from ``base``. Working days skip weekends only: the calendar
    of public holidays and the weekends worked in their place is not known here."""
    if unit == "week":
        return base + timedelta(weeks=count)
    if unit == "month":
        month_index = base.month - 1 + count
        year, month = base.year + month_index // 12, month_index % 12 + 1
        return date(year, month, min(base.day, calendar.monthrange(year, month)[1]))
    if unit == "day":
        return base + timedelta(days=count)
    day = base
    while count:
        day += timedelta(days=1)
        count -= day.weekday() < 5
    return day


def within_year(text: str, base: date | None) -> list[Deadline]:
    """年内, 本年度内: the base date's year."""
    if base is None or ("年内" not in text and "年度内" not in text):  # a scan in C first: most texts have neither
        return []
    window = Window(date(base.year, 1, 1), date(base.year, 12, 31), "year")
    return [_window(m.group(), m.span(), "period", window, base) for m in _WITHIN_YEAR.finditer(text)]


def plan_ends(text: str, base: date | None) -> list[Deadline]:
    """到"十四五"末: the last year of a five-year plan (十四五 = 2021-2025), and "十四五"期间 its five
    years, unless they ended before the document's date (十三五期间累计办理… reports on them)."""
    found = []
    for match in _PLAN_END.finditer(text):
        number = 10 + (to_int(match.group("n")) or 0)
        last_year = _FIRST_PLAN_YEAR + 5 * (number - _FIRST_NUMBERED_PLAN) + 4
        if not match.group("during"):
            window = Window(date(last_year, 1, 1), date(last_year, 12, 31), "year")
            found.append(_window(match.group(), match.span(), "by", window, base))
        elif base is None or base.year <= last_year:
            window = Window(date(last_year - 4, 1, 1), date(last_year, 12, 31), "year")
            found.append(_window(match.group(), match.span(), "period", window, base))
    return found


@lru_cache(maxsize=1)
def _holidays() -> dict[str, dict[str, str]]:
    """``{name: {year or "*": "MM-DD"}}``"""
    table: dict[str, dict[str, str]] = {}
    for row in load_table("holidays.tsv"):
        table.setdefault(row["name"], {})[row["year"]] = row["day"]
    return table


@lru_cache(maxsize=1)
def _holiday_pattern() -> re.Pattern[str]:
    """The holiday's name first: a scan for a literal is fast; its year is looked for before it."""
    return re.compile(rf"(?P<name>{alternation(_holidays())})(?:(?<!节)节)?{_HOLIDAY_AFTER}")


_HOLIDAY_YEAR = re.compile(r"(?:(?P<year>[12][0-9]{3})年|(?P<rel>今年|明年|次年))$")
_YEAR_REACH = 5  # 2024年 before 国庆节前


def holidays(text: str, base: date | None) -> list[Deadline]:
    """春节前, 2024年国庆节前: by the holiday's day; with no year, its next one from the base date."""
    found = []
    for match in _holiday_pattern().finditer(text):
        year = _HOLIDAY_YEAR.search(text, max(0, match.start() - _YEAR_REACH), match.start())
        start = year.start() if year else match.start()
        span = (start, match.end())
        day = _holiday_day(match.group("name"), year, base)
        if day is not None:
            found.append(_window(text[start : match.end()], span, "by", Window(day, day, "day"), base))
        elif base is None:
            found.append(Deadline(text[start : match.end()], span, "by", None, precision="unresolved"))
    return found


def _holiday_day(name: str, year: re.Match[str] | None, base: date | None) -> date | None:
    days = _holidays()[name]
    if year and year.group("year"):
        years = [int(year.group("year"))]
    elif year and base:
        years = [base.year + (0 if year.group("rel") == "今年" else 1)]
    elif base:
        years = [base.year, base.year + 1]
    else:
        return None
    for candidate in years:
        month_day = days.get("*") or days.get(str(candidate))
        if month_day is None:
            continue
        day = date.fromisoformat(f"{candidate}-{month_day}")
        if year or day >= base:
            return day
    return None


def _window(text: str, span: tuple[int, int], kind: str, window: Window, base: date | None) -> Deadline:
    return Deadline(
        text=text,
        span=span,
        kind=kind,
        date=window.last.isoformat(),
        start=window.first.isoformat() if kind == "period" else None,
        precision=window.precision,
        base_date=base.isoformat() if base else None,
    )
