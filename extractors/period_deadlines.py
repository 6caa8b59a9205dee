"""A recurring time written as the period after the one reported on: "于次月5日前报送上月进展".

次月5日前 alone is one date, the 5th of the month after the document's. But a sentence that
also speaks of the period before (上月, 上季度, 上年度) or of every period (每月…次月5日前)
sets a rule that comes back each period: monthly, by the 5th. The words of each kind of period
(``next_period``, ``last_period`` in ``data/deadline_markers.tsv``) say which unit it is.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from extractors.dates import to_int
from extractors.records import Deadline
from extractors.relative_deadlines import markers
from extractors.text import alternation, mark_after, mark_before

_NUM = r"[0-9]{1,2}|[一二三四五六七八九十]{1,3}"
_SENTENCE_MARKS = "。；;！？\n"


@lru_cache(maxsize=1)
def _next_period() -> re.Pattern[str]:
    words = alternation(markers("next_period"))
    return re.compile(
        rf"(?P<next>{words})(?P<which>首月|末月)?(?:(?P<month>{_NUM})月)?(?:(?P<day>{_NUM})[日号])?(?P<suffix>底前|末前|之前|以前|前|内)"
    )


@lru_cache(maxsize=4)
def _reported(precision: str) -> re.Pattern[str]:
    """What makes a sentence's next period a recurring one: its last period, or 每 and its unit
    (both ``last_period`` in the markers file)."""
    return re.compile(alternation([word for word, kind in markers("last_period").items() if kind == precision]))


def next_periods(text: str, base: date | None) -> list[Deadline]:
    """Recurring deadlines written as the next period (次月5日前, 次年1月底前) in a sentence
    that speaks of the period reported on or of every period."""
    if "次" not in text and "下" not in text:
        return []
    found = []
    for match in _next_period().finditer(text):
        precision = markers("next_period")[match.group("next")]
        sentence = text[_sentence_start(text, match.start()) : mark_after(text, match.end(), _SENTENCE_MARKS)]
        if not _reported(precision).search(sentence):
            continue
        found.append(_recurring(match, precision, base))
    return found


def without_bare_every(found: list[Deadline], periods: list[Deadline], text: str) -> list[Deadline]:
    """每月数据于次月10日前报送: 每月 is the rule's period, not a time of its own, once the next
    period's date is read as the rule (monthly, by the 10th)."""
    ruled = {(_sentence_start(text, d.span[0]), (d.precision or "").split(":")[0]) for d in periods}
    return [d for d in found if d.kind != "recurring" or (_sentence_start(text, d.span[0]), d.precision) not in ruled]


def _sentence_start(text: str, at: int) -> int:
    return mark_before(text, at, _SENTENCE_MARKS)


def _recurring(match: re.Match[str], precision: str, base: date | None) -> Deadline:
    if match.group("month"):
        precision += f":month={to_int(match.group('month'))}"
    elif match.group("which"):
        precision += ":month=" + {"首月": "first", "末月": "last"}[match.group("which")]
    elif precision == "yearly" and match.group("suffix") in ("底前", "末前"):
        precision += ":month=12"
    if match.group("day"):
        precision += f":day={to_int(match.group('day'))}"
    return Deadline(
        text=match.group(),
        span=match.span(),
        kind="recurring",
        date=None,
        precision=precision,  # 次月5日前 in a monthly rule: monthly, by the 5th, as 每月5日前
        base_date=base.isoformat() if base else None,
    )
