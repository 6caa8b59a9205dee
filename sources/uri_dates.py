"""The date a page's address gives it: news and government sites file pages by day.

xinhuanet.com/…/2021-12/06/c_1128134786.htm, gov.cn/…/202109/t20210918_9734869.html,
…/art/2021/7/19/art_72008_2718080.html, people.com.cn/n1/2021/0311/c… A page whose text
carries no date of its own (a news excerpt, a cover text whose head the scraper lost) has
this one to read 今年 and 10月底前 against. The text's own date always wins (``extract``).
"""

from __future__ import annotations

import re
from datetime import date

_PADDED = re.compile(
    r"(?<![0-9])(?P<year>(?:19|20)[0-9]{2})[-_/]?(?P<month>0[1-9]|1[0-2])[-_/]?(?P<day>0[1-9]|[12][0-9]|3[01])(?![0-9])"
)
_UNPADDED = re.compile(r"/(?P<year>(?:19|20)[0-9]{2})/(?P<month>[1-9]|1[0-2])/(?P<day>[1-9]|[12][0-9]|3[01])/")


def date_in_uri(uri: str) -> str | None:
    """The first real day the address spells (ISO), if any; a query string is not read."""
    path = uri.split("?", 1)[0]
    for pattern in (_PADDED, _UNPADDED):
        for found in pattern.finditer(path):
            day = _day(found)
            if day is not None:
                return day.isoformat()
    return None


def _day(found: re.Match[str]) -> date | None:
    try:
        return date(int(found.group("year")), int(found.group("month")), int(found.group("day")))
    except ValueError:
        return None  # 2021-02-30: digits that look like a day and are none
