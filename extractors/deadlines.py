"""Deadlines: 2021年底前, 完成时限：5月25日前, 每月20日前, 自2023年7月1日起, 自印发之日起, 年内, 长期坚持.

A deadline is a date expression (:mod:`extractors.dates`) with a marker from
``data/deadline_markers.tsv`` before or after it, or a date that itself names
an end (2021年底, 6月底). A bare date (9月30日, a meeting) is not a deadline,
截至/以来 make a date an "as of", and 已 after it a fact (2021年底已实现), not a deadline.
In a table column headed 完成时限, the header is every date's marker. Years missing from the text
come from the base date: the document's own date, never today.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

from extractors.dates import DATE_AHEAD, DATE_PATTERN, Window, to_int, window_from_groups
from extractors.goal_years import goal_years
from extractors.period_deadlines import next_periods, without_bare_every
from extractors.records import Deadline
from extractors.relative_deadlines import from_issue, holidays, markers, plan_ends, within_year
from extractors.tables import table_lines
from extractors.text import CITED_TITLE, alternation, anchored_matches, overlaps

_DATE_CHARS = "0-9０-９零〇○一二三四五六七八九十两今本当明次上去下第年月"  # what a date can start with
_DATE_START = rf"(?=[{_DATE_CHARS}])"
# Where a date of at least one character starts: a class first, so the regex engine scans for it quickly.
_DATE_ANCHOR = re.compile(rf"[{_DATE_CHARS}](?<=(?={DATE_AHEAD}).)")
_LABEL_SPACE = 4  # blanks allowed between a label's colon and its date
_RECURRING = re.compile(
    r"每个?(?P<unit>年|半年|季度|季|月|周)(?P<weekday>[一二三四五六日](?!次))?"  # 每周五: weekly:weekday=5 (每周一次: once a week)
    r"(?P<which>首月|末月)?"  # 每季度首月10日前: the quarter's first month
    r"(?:(?P<rmonth>[0-9]{1,2}|[一二三四五六七八九十]{1,3})月)?"
    r"(?:(?P<rday>[0-9]{1,2}|[一二三四五六七八九十]{1,3})[日号])?"
    r"(?P<suffix>年底前|年底|年末前|年末|底前|底|末前|末|之前|以前|前)?"
    # 每季度结束后10日内: within days of the period's end
    r"(?:(?:结束|终了)后(?P<after>[0-9]{1,2}|[一二三四五六七八九十]{1,3})个?(?P<after_unit>工作日|日|天)内)?"
)


@lru_cache(maxsize=1)
def _by_period() -> re.Pattern[str]:
    """按月调度、按季度通报: 按 and a unit are 每 and that unit before a verb of reporting
    (``recurring_verb`` in the markers file), maybe with whom it goes to between (按月向…报送);
    按月计算 or 按年度计划 set no time."""
    verbs = alternation(markers("recurring_verb"))
    # whom it goes to may stand between: 按月向部社会保险事业管理中心报送
    to = r"(?:向[^，。；：,;:\n]{1,20}?)?"
    return re.compile(rf"(?P<period>按(?P<unit>半年|季度|季|月|周|年)度?){to}(?:{verbs})")


_PART_ENDS = {"底", "末", "年底", "年末"}
_CLOCK = re.compile(r"[0-9]{1,2}(?:[:：][0-9]{2}|[时点])")


def _opening_hours(text: str, end: int) -> bool:
    """每周六上午9:00-12:00提供延时服务, 每周一至周五: the hours a place keeps (a time of day or
    another day follows), no time set for work."""
    after = text[end : end + _HOURS_REACH]
    return after.startswith(tuple(markers("opening_hours"))) or _CLOCK.match(after) is not None


_HOURS_REACH = 6


_INCLUSIVE = r"[（(]含[）)]"  # 2022年11月30日（含）前: the day itself counts, as 前 already reads it


@lru_cache(maxsize=1)
def _pattern() -> tuple[re.Pattern[str], int]:
    """The deadline pattern, and how far before its date a match can start."""
    before = [m for m in markers("before") if m != "每"]
    after = list(markers("after"))
    labels = list(markers("label"))
    pattern = re.compile(
        rf"(?:(?P<label>{alternation(labels)})(?:[：:]|为)\s{{0,{_LABEL_SPACE}}})?"
        rf"(?P<prefix>{alternation(before)})?{_DATE_START}{DATE_AHEAD}(?P<date>{DATE_PATTERN})"
        rf"(?:{_INCLUSIVE})?(?P<suffix>{alternation(after)})?"
    )
    reach = max(map(len, labels)) + 1 + _LABEL_SPACE + max(map(len, before))
    return pattern, reach


# 2021年9月至12月, 2021年10月—12月, 2021年3月-2022年6月: a period of work.
_JOINS = ("至", "到", "——", "—", "－", "–", "-", "~", "～")  # one character each but the doubled dash
_JOIN_SPACE = 8  # blanks allowed on each side of the joining word or dash
_RANGE_JOIN = re.compile(rf"\s{{0,{_JOIN_SPACE}}}(?:{alternation(_JOINS)})\s{{0,{_JOIN_SPACE}}}")
_JOIN_ANCHOR = re.compile("[" + "".join(sorted({re.escape(join[0]) for join in _JOINS})) + "]")
_DATE_AT_END = re.compile(rf"{_DATE_START}(?P<date>{DATE_PATTERN})$")
_DATE_HERE = re.compile(rf"{_DATE_START}(?P<date>{DATE_PATTERN})")


def _ranges(text: str, base: date | None) -> list[Deadline]:
    """Two dates joined by 至 or a dash (2021年9月至12月, 自7月1日起至12月31日, 即日起至年底);
    the second takes its year from the first."""
    found = []
    for join in anchored_matches(_RANGE_JOIN, _JOIN_ANCHOR, _JOIN_SPACE, text):
        left_end = join.start() - 1 if text.startswith("起", join.start() - 1) else join.start()
        right = _DATE_HERE.match(text, join.end())
        if right and right.group("date"):
            groups, right_end = right.groupdict(), right.end()
        else:
            groups, right_end = _day_of_the_same_month(text, left_end, join.end())
            if groups is None:
                continue
        first, start = _range_start(text, left_end, groups, base)
        if first is None:
            continue
        second = window_from_groups(groups, first.first)
        if second is None or second.last < first.first or (base and second.last < base):
            continue  # ended before the text was written: a past event's or a count's (1—11月，共办理…)
        if text.startswith((*markers("next"), *markers("count_next")), right_end):
            continue  # 2017-2019年共脱贫63户: the window of a count
        opener = next((word for word, kind in markers("before").items() if kind == "start" and text.endswith(word, 0, start)), "")
        start -= len(opener)  # 自2023年1月1日起至…: the range's own opening word
        span = (start, right_end)
        found.append(_record(text[span[0] : span[1]], span, "period", second, base, start=first.first))
    return found


_DAY_ONLY = re.compile(r"(?P<day>[0-9]{1,2}|[一二三四五六七八九十]{1,3})(?:日|号(?![楼院栋室线文令]))")


def _day_of_the_same_month(text: str, left_end: int, right_start: int) -> tuple[dict[str, str | None] | None, int]:
    """9月1日—30日: the second date writes only its day, in the first's month and year."""
    day = _DAY_ONLY.match(text, right_start)
    left = _DATE_AT_END.search(text, max(0, left_end - 16), left_end)
    if day is None or left is None or not left.group("day") or not left.group("month"):
        return None, right_start
    return {**left.groupdict(), "day": day.group("day"), "date": day.group()}, day.end()


def _range_start(text: str, end: int, right: dict[str, str | None], base: date | None) -> tuple[Window | None, int]:
    """The window a range opens with, ending at ``end``, and where it starts in the text."""
    today = next((word for word in markers("today") if text.endswith(word, 0, end)), None)
    if today:  # 即日起至…: from the document's own date
        return (Window(base, base, "day") if base else None), end - len(today)
    left = _DATE_AT_END.search(text, max(0, end - 16), end)
    if left and left.group("date"):
        return window_from_groups(left.groupdict(), base), left.start()
    return _elided_start(text, end, right, base)


# 2021—2023年, 3—6月, 2022年3—6月: the range's first date writes only its number and takes
# its unit from the second. A year is four digits; a month has its year before it or none.
_ELIDED_YEAR = re.compile(r"(?<![0-9０-９.])(?P<year>[12][0-9]{3})$")
_ELIDED_MONTH = re.compile(r"(?:(?P<year>[12][0-9]{3})年)?(?<![0-9０-９.])(?P<month>[0-9]{1,2}|[一二三四五六七八九十]{1,2})$")


def _elided_start(text: str, end: int, unit: dict[str, str | None], base: date | None) -> tuple[Window | None, int]:
    """The first date of a range that wrote only its number, or None. ``unit``: the second date's groups."""
    if unit.get("month") and not unit.get("year"):
        left = _ELIDED_MONTH.search(text, max(0, end - 8), end)
        groups = left.groupdict() if left else {}
    elif unit.get("year") and not (unit.get("month") or unit.get("quarter") or unit.get("year_part")):
        left = _ELIDED_YEAR.search(text, max(0, end - 4), end)
        groups = left.groupdict() if left else {}
    else:
        return None, end
    if not left:
        return None, end
    return window_from_groups(groups, base), left.start()


def extract_deadlines(text: str, base: date | None) -> list[Deadline]:
    """Every deadline in ``text``; relative ones resolved against ``base``."""
    found: list[Deadline] = []
    for match in _RECURRING.finditer(text):
        if not _opening_hours(text, match.end()):
            found.append(_recurring(match, base))
    periods = next_periods(text, base)
    found = without_bare_every(found, periods, text) + periods
    if "按" in text:
        found.extend(_recurring(match, base, match.end("period")) for match in _by_period().finditer(text))
    taken = [d.span for d in found]
    for deadline in _ranges(text, base):
        if not overlaps(deadline.span, taken):
            found.append(deadline)
            taken.append(deadline.span)
    pattern, reach = _pattern()
    for match in anchored_matches(pattern, _DATE_ANCHOR, reach, text):
        if overlaps(match.span(), taken):
            continue
        deadline = _dated(match, base)
        if deadline is not None:
            found.append(deadline)
            taken.append(deadline.span)
    for deadline in _column_deadlines(text, base):
        if not overlaps(deadline.span, taken):
            found.append(deadline)
            taken.append(deadline.span)
    for deadline in _ongoing(text):
        if not overlaps(deadline.span, taken):
            found.append(deadline)
            taken.append(deadline.span)
    for finder in (from_issue, within_year, plan_ends, holidays, goal_years):
        for deadline in finder(text, base):
            if not overlaps(deadline.span, taken):
                found.append(deadline)
                taken.append(deadline.span)
    cited = _cited_titles(text)
    return sorted((d for d in found if not overlaps(d.span, cited)), key=lambda d: d.span)


def _cited_titles(text: str) -> list[tuple[int, int]]:
    """《…三年行动方案（2021—2023年）》, 《关于2021年底前完成…的通知》: a date in a cited
    document's title is that document's, not a time this text sets."""
    return [m.span() for m in CITED_TITLE.finditer(text)] if "《" in text else []


def _dao_after_a_verb(match: re.Match[str]) -> bool:
    """到 marks a target year only where a clause starts with it ("到2025年，基本实现…",
    or after an opener from the markers file: "力争到2022年底"); after another verb it is
    that verb's (收到2021年…, 提高到2025年的水平)."""
    if match.group("prefix") != "到":
        return False
    before = match.string[: match.start("prefix")]
    return bool(before) and before[-1] not in "，,。；;：:！？\n \t" and not before.endswith(tuple(markers("dao_opener")))


def _target_kind(match: re.Match[str]) -> str | None:
    """力争明年上半年实现: a date right after a target word is a deadline by its end."""
    start = match.start("prefix") if match.group("prefix") else match.start("date")
    if match.string.endswith(tuple(markers("target_link")), 0, start):
        start -= 1  # 力争于2022年上半年实现: a preposition between
    targets = markers("target")
    return next((kind for word, kind in targets.items() if match.string.endswith(word, 0, start)), None)


def _reports_a_fact(match: re.Match[str]) -> bool:
    """2021年底已实现…: what is done by a date is a fact, not a deadline."""
    return match.string.startswith(tuple(markers("next")), match.end())


def _column_deadlines(text: str, base: date | None) -> list[Deadline]:
    """Dates in a table column headed 完成时限 (or another label): the header says
    what they are, so a bare 2021年12月 there is a deadline, as 完成时限：2021年12月 is."""
    found: list[Deadline] = []
    if "\t" not in text:
        return found
    column: int | None = None
    for offset, line in table_lines(text):  # a side-by-side table's blocks one after another
        cells = line.split("\t")
        if len(cells) < 2:
            column = None if line.strip() else column
        elif (header := _label_column(cells)) is not None:
            column = header
        elif column is not None and column < len(cells):
            cell_start = offset + sum(len(cell) + 1 for cell in cells[:column])
            cell_start += len(cells[column]) - len(cells[column].lstrip())
            cell_end = cell_start + len(cells[column].strip())
            match = _pattern()[0].match(text, cell_start, cell_end)
            deadline = _dated(match, base, default_kind="by") if match else None
            if deadline is None and text[cell_start:cell_end] in markers("ongoing"):
                deadline = _ongoing_record(text, (cell_start, cell_end))
            found += [deadline] if deadline else []
    return found


@lru_cache(maxsize=1)
def _ongoing_words() -> re.Pattern[str]:
    return re.compile(alternation(markers("ongoing")))


_LABEL_COLON = re.compile(r"[：:]\s*$")
_NOTE_CLAUSE = "；;，,"  # what opens the last clause of a bracketed note
_NOTE_CLOSE = "）)"
_LINE_END = "。；;，,）)\n"


def _ongoing(text: str) -> list[Deadline]:
    """长期坚持 where a time limit stands: after a label (完成时限：长期坚持) or as the
    last clause of a bracketed note (（省医保局牵头；持续推进）). In running text
    ("持续推进“跨省通办”…") the words are a verb, not a time limit."""
    found = []
    for match in _ongoing_words().finditer(text):
        start, end = match.span()
        after = text[end : end + 1]
        head = text[max(0, start - 12) : start]
        labelled = bool(_LABEL_COLON.search(head)) and head.rstrip("：: \t").endswith(tuple(markers("label")))
        closes_note = start > 0 and text[start - 1] in _NOTE_CLAUSE and after in _NOTE_CLOSE
        if closes_note or (labelled and (after == "" or after in _LINE_END)):
            found.append(_ongoing_record(text, (start, end)))
    return found


def _ongoing_record(text: str, span: tuple[int, int]) -> Deadline:
    return Deadline(text=text[span[0] : span[1]], span=span, kind="ongoing", date=None, precision="ongoing")


def _label_column(cells: list[str]) -> int | None:
    labels = markers("label")
    return next((index for index, cell in enumerate(cells) if cell.strip() in labels), None)


@lru_cache(maxsize=1)
def _since() -> re.Pattern[str]:
    """自…以来 in one clause: a time since which something has been so, no start of a task. The
    words are the markers that make a date right before them no deadline (以来)."""
    words = [word for word, kind in markers("after").items() if kind == "not"]
    return re.compile(rf"[^，。；,;\n]{{0,30}}?(?:{alternation(words)})")


def _dated(match: re.Match[str], base: date | None, default_kind: str | None = None) -> Deadline | None:
    """``default_kind``: what a date with no marker is where it stands (a 完成时限 column)."""
    groups = match.groupdict()
    prefix_kind = markers("before").get(groups.get("prefix") or "")
    suffix_kind = markers("after").get(groups.get("suffix") or "")
    names_end = (groups.get("year_part") in _PART_ENDS) or groups.get("month_part") in ("底", "末")
    names_end = names_end or bool(groups.get("quarter_part"))
    if "not" in (prefix_kind, suffix_kind) or _reports_a_fact(match) or _dao_after_a_verb(match):
        return None
    if prefix_kind == "start" and not groups.get("suffix") and _since().match(match.string, match.end()):
        return None  # 自今年6月推出婚姻登记跨省通办以来: since, a fact reported
    label_kind = markers("label").get(groups.get("label") or "")
    kind = prefix_kind or suffix_kind or label_kind or ("by" if names_end else default_kind) or _target_kind(match)
    if kind is None:
        return None
    # A label (完成时限：) says what the date is, but is not part of it.
    span = (match.start("prefix") if groups.get("prefix") else match.start("date"), match.end())
    text = match.string[span[0] : span[1]]
    window = window_from_groups(groups, base)
    if window is None:
        return _unresolved(text, span, kind) if base is None and _relative(groups) else None
    if kind == "start":
        return _record(text, span, "start", window, base, start=window.first, end=None)
    if kind == "period" and groups.get("suffix") in ("之后", "以后"):
        return _record(text, span, "period", window, base, start=window.last + timedelta(days=1), end=None)
    if kind == "period":
        return _record(text, span, "period", window, base, start=window.first)
    return _record(text, span, "by", window, base)


_ANY_BASE = date(2000, 1, 1)


def _relative(groups: dict[str, str | None]) -> bool:
    """A date that names a window once a year is known (今年10月底, 6月底前)."""
    return window_from_groups(groups, _ANY_BASE) is not None


def _unresolved(text: str, span: tuple[int, int], kind: str) -> Deadline:
    """今年10月底前 on a page with no date of its own: a deadline still, whose date
    cannot be known. Kept, with precision "unresolved", rather than dropped."""
    return Deadline(text=text, span=span, kind=kind, date=None, precision="unresolved")


def _record(
    text: str,
    span: tuple[int, int],
    kind: str,
    window: Window,
    base: date | None,
    start: date | None = None,
    end: date | None | str = "window",
) -> Deadline:
    last = window.last if end == "window" else end
    return Deadline(
        text=text,
        span=span,
        kind=kind,
        date=last.isoformat() if isinstance(last, date) else None,
        start=start.isoformat() if start else None,
        precision=window.precision,
        base_date=base.isoformat() if base else None,
    )


def _recurring(match: re.Match[str], base: date | None, end: int | None = None) -> Deadline:
    """每月20日前: no single date; the rule stays in ``text`` and ``precision``. ``end``: where
    the text ends, if before the match's end (按月调度: 按月)."""
    groups = match.groupdict()
    unit = {"季": "季度"}.get(groups["unit"], groups["unit"])
    day = to_int(groups["rday"]) if groups.get("rday") else None
    precision = {"年": "yearly", "半年": "half-yearly", "季度": "quarterly", "月": "monthly", "周": "weekly"}[unit]
    month = to_int(groups["rmonth"]) if groups.get("rmonth") else None
    if month:
        precision += f":month={month}"  # 每年1月15日前: yearly:month=1:day=15
    if groups.get("which"):
        precision += ":month=" + {"首月": "first", "末月": "last"}[groups["which"]]
    if unit == "年" and not month and (groups.get("suffix") or "").startswith(("年底", "年末", "底", "末")):
        precision += ":month=12"  # 每年年底前
    if groups.get("weekday"):
        precision += f":weekday={'一二三四五六日'.index(groups['weekday']) + 1}"
    if day:
        precision += f":day={day}"
    if groups.get("after"):
        precision += f":{'workdays' if groups['after_unit'] == '工作日' else 'days'}_after={to_int(groups['after'])}"
    span = (match.start(), end or match.end())
    return Deadline(
        text=match.string[span[0] : span[1]],
        span=span,
        kind="recurring",
        date=None,
        precision=precision,
        base_date=base.isoformat() if base else None,
    )
