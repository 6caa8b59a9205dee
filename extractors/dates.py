"""Chinese date expressions: 2021年底, 2023年6月底, 5月25日, 三季度末, 二○二二年九月二十八日.

One grammar (:data:`DATE_PATTERN`) serves document dates and deadlines. A
match resolves to a *window*: its first and last day. "2023年6月底" is the
window 2023-06-01..2023-06-30 and a deadline "before" it ends on its last day.
Missing years come from a base date (the document's own date, never today).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

_NUM = r"[0-9０-９]+|[零〇○一二三四五六七八九十两]+"
_YEAR = r"(?P<year>[12][0-9]{3}|[一二][零〇○一二三四五六七八九]{3})年度?|(?P<rel_year>今年|本年度?|当年|明年|次年|上年|去年)"
# 月底前 with no month before it is the base date's month (请于月底前报送): only with a time word
# after it (岁月底蕴 is no date) and not in 正月, 腊月 or 个月.
_MONTH = rf"(?P<month>{_NUM})月份?|(?P<rel_month>本月|当月|下月|次月|(?<![正腊个岁])月(?=[底末](?:之?前|以前|完成)))"
_DAY = rf"(?P<day>{_NUM})[日号]"
# 12月31日24时前, 6月30日17:00前, 5月20日下午5点半前, 4月20日下班前: the day is the window.
# A weekday in brackets may stand before the hour (4月20日（星期五）12:00前).
_WEEKDAY = r"(?:[（(](?:星期|礼拜|周)[一二三四五六日天][）)])?"
_CLOCK = r"(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})(?:时|点钟?|:[0-9]{2})(?:[0-9]{1,2}分|半)?"
_HOUR = rf"{_WEEKDAY}(?:(?:上午|下午|中午|晚上)?{_CLOCK}|下班)?"
# 本周五前, 下周一前, 本周内: a week counted from the base date, or one day of it.
_WEEK = r"(?P<rel_week>本周|下周)(?:(?:星期|礼拜)?(?P<weekday>[一二三四五六日天]))?"

_AFTER_YEAR = (
    rf"年?(?P<year_part>年底|年末|年中|上半年|下半年|底|末)"
    rf"|第?(?P<quarter>[一二三四1-4首本当下])季度?(?P<quarter_part>末|底)?"  # 首季: the first; 本季度: the base's
    rf"|(?:{_MONTH})(?:{_DAY}{_HOUR}|(?P<month_part>底|末|中旬|上旬|下旬|初))?"  # 7月初: its first ten days
)
# 2021-12-31, 2021.12.31, 2021/12: a table's or a form's date, read as its Chinese form is
_ISO = r"(?P<iso_year>(?:19|20)[0-9]{2})[-/.](?P<iso_month>[0-9]{1,2})(?:[-/.](?P<iso_day>[0-9]{1,2}))?(?![0-9])"
# Every part is optional, so DATE_PATTERN also matches the empty string.
DATE_PATTERN = rf"(?:{_ISO}|{_WEEK}|(?:{_YEAR})?(?:{_AFTER_YEAR})?)"


def _unnamed(pattern: str) -> str:
    return re.sub(r"\(\?P<\w+>", "(?:", pattern)


# A lookahead: a date of at least one character starts here. DATE_PATTERN then
# matches exactly what it would have, but a scan no longer stops at every 一 or 年.
DATE_AHEAD = rf"(?=(?:{_unnamed(_ISO)})|(?:{_unnamed(_WEEK)})|(?:{_unnamed(_YEAR)})|(?:{_unnamed(_AFTER_YEAR)}))"
_FULL_DATE = re.compile(rf"(?:{_YEAR})(?:{_MONTH})(?:{_DAY})")
_ISO_LIKE = re.compile(r"(?<!\d)(20\d{2}|19\d{2})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")


@dataclass(frozen=True)
class Window:
    first: date
    last: date
    precision: str  # day | month | quarter | half | year


def to_int(token: str) -> int | None:
    """Arabic or Chinese numeral (full-width digits too) to int."""
    token = token.translate(str.maketrans("０１２３４５６７８９○", "0123456789〇"))
    if token.isdigit():
        return int(token)
    import cn2an  # here, not at the top: 0.13 s of import that a run with nothing new never needs

    if re.fullmatch(r"[零〇一二三四五六七八九]{4}", token):  # 二〇二一: digit by digit
        return int("".join(str(cn2an.cn2an(c, "smart")) if c not in "零〇" else "0" for c in token))
    try:
        return int(cn2an.cn2an(token, "smart"))
    except (ValueError, KeyError):
        return None


def _year(groups: dict[str, str | None], base: date | None) -> int | None:
    if groups.get("year"):
        return to_int(groups["year"])
    rel = groups.get("rel_year")
    if rel and base:
        return base.year + {"明年": 1, "次年": 1, "上年": -1, "去年": -1}.get(rel, 0)
    return base.year if base else None


def _month(groups: dict[str, str | None], base: date | None) -> int | None:
    if groups.get("month"):
        return to_int(groups["month"])
    rel = groups.get("rel_month")
    if rel and base:
        return base.month + (1 if rel in ("下月", "次月") else 0)
    return None


def window_from_groups(groups: dict[str, str | None], base: date | None) -> Window | None:
    """The window a DATE_PATTERN match names, or None if it names none."""
    if groups.get("iso_year"):
        iso = {"year": groups["iso_year"], "month": groups["iso_month"], "day": groups.get("iso_day")}
        return _month_window(int(iso["year"]), int(iso["month"]), iso)
    if groups.get("rel_week"):
        return _week_window(groups, base)
    year = _year(groups, base)
    if year is None or not 1900 <= year <= 2200:
        return None
    month = _month(groups, base)
    if month is not None:
        return _month_window(year, month, groups)
    if groups.get("quarter"):
        quarter = _quarter(groups["quarter"], base)
        if quarter == 5:  # 下季度 in the fourth: the next year's first
            year, quarter = year + 1, 1
        if quarter is None or not 1 <= quarter <= 4:
            return None
        first_month = 3 * quarter - 2
        last = date(year, first_month + 2, calendar.monthrange(year, first_month + 2)[1])
        return Window(date(year, first_month, 1), last, "quarter")
    part = groups.get("year_part")
    if part in ("上半年",):
        return Window(date(year, 1, 1), date(year, 6, 30), "half")
    if part in ("下半年",):
        return Window(date(year, 7, 1), date(year, 12, 31), "half")
    if part == "年中":
        return Window(date(year, 6, 1), date(year, 6, 30), "month")
    if groups.get("year") or groups.get("rel_year") or part:
        return Window(date(year, 1, 1), date(year, 12, 31), "year")
    return None


def _quarter(token: str, base: date | None) -> int | None:
    """首 is the first quarter; 本 or 当 the one the base date falls in (本季度末前), 下 the next."""
    if token == "首":
        return 1
    if token in "本当下":
        return (base.month - 1) // 3 + 1 + (token == "下") if base else None
    return to_int(token)


_WEEKDAYS = "一二三四五六日"


def _week_window(groups: dict[str, str | None], base: date | None) -> Window | None:
    """本周 is the base date's week, Monday to Sunday; 下周 the one after; 本周五 one day of it."""
    if base is None:
        return None
    monday = base - timedelta(days=base.weekday()) + timedelta(weeks=groups["rel_week"] == "下周")
    weekday = groups.get("weekday")
    if weekday:
        day = monday + timedelta(days=_WEEKDAYS.index(weekday.replace("天", "日")))
        return Window(day, day, "day")
    return Window(monday, monday + timedelta(days=6), "week")


def _month_window(year: int, month: int, groups: dict[str, str | None]) -> Window | None:
    if month == 13:
        year, month = year + 1, 1
    if not 1 <= month <= 12:
        return None
    last_day = calendar.monthrange(year, month)[1]
    if groups.get("day"):
        day = to_int(groups["day"])
        if day is None or not 1 <= day <= last_day:
            return None
        return Window(date(year, month, day), date(year, month, day), "day")
    part = groups.get("month_part")
    spans = {"上旬": (1, 10), "初": (1, 10), "中旬": (11, 20), "下旬": (21, last_day)}
    first, last = spans.get(part or "", (1, last_day))
    return Window(date(year, month, first), date(year, month, last), "month")


def find_full_dates(text: str) -> list[tuple[int, int, date]]:
    """Every complete Y年M月D日 date (Arabic or Chinese numerals) and ISO-like date."""
    found = []
    for match in _FULL_DATE.finditer(text):
        window = window_from_groups(match.groupdict(), None)
        if window and window.precision == "day":
            found.append((match.start(), match.end(), window.first))
    for match in _ISO_LIKE.finditer(text):
        try:
            found.append((match.start(), match.end(), date(*map(int, match.groups()))))
        except ValueError:
            continue
    return sorted(found)


def parse_iso(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


_RUN_TOGETHER = re.compile(r"((?:19|20)\d{2})(\d{2,4})")


def run_together_date(text: str) -> date | None:
    """ "2021813": a signature date whose 年, 月 and 日 a page lost (they sat in
    spans the scraper dropped). Read only when one split gives a real date:
    2021813 is 2021-08-13, 202156 is 2021-05-06, but 2021111 (1-11 or 11-1) is None."""
    match = _RUN_TOGETHER.fullmatch(text.strip())
    if match is None:
        return None
    year, rest = int(match.group(1)), match.group(2)
    found = set()
    for cut in (1, 2):
        month, day = rest[:cut], rest[cut:]
        if month.startswith("0") or day.startswith("0") or not 1 <= len(day) <= 2:
            continue
        try:
            found.add(date(year, int(month), int(day)))
        except ValueError:
            continue
    return found.pop() if len(found) == 1 else None
