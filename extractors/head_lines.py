"""A notice's head, line by line: what the title, metadata and signature readers share.

A line here is a non-blank line of the normalized text with its offset, so every
field read from it keeps its span.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from extractors.datafiles import load_list, load_table
from extractors.dates import find_full_dates
from extractors.place_bounds import ends_a_zone
from extractors.text import DOC_NUMBER, alternation

# how a notice's title ends: the kind of document it is
TITLE_END = re.compile(r"(意见|通知|方案|办法|决定|规定|规划|批复|函|报告|公告|通告|细则|要点|清单|指南)$")
HEADER = re.compile(r"^(?P<issuer>[\u4e00-\u9fff（）()、 ]{3,40}?)文件$")  # 广东省医疗保障局文件
SENTENCE = re.compile(r"[，。；！？,;]")
MAX_HEAD_LINES = 20  # how far down the title, number and addressees are looked for


@dataclass(frozen=True)
class Line:
    text: str
    start: int

    @property
    def end(self) -> int:
        return self.start + len(self.text)


def all_lines(text: str) -> list[Line]:
    """Every line as written, blank ones too, with its offset in ``text``."""
    result, offset = [], 0
    for raw in text.split("\n"):
        result.append(Line(raw, offset))
        offset += len(raw) + 1
    return result


def lines_of(text: str) -> list[Line]:
    """Non-blank lines with their offsets in ``text``. A row whose cells all hold one text
    (a merged cell across a sheet: the list's title over its table) is that text once."""
    result, offset = [], 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            result.append(Line(_merged(stripped), offset + raw.index(stripped)))
        offset += len(raw) + 1
    return result


def _merged(line: str) -> str:
    cells = line.split("\t")
    return cells[0] if len(cells) > 1 and all(cell == cells[0] for cell in cells) else line


def body_endings(use: str) -> tuple[str, ...]:
    """Endings of body names marked for ``use`` (issuer, addressee) in body_endings.tsv."""
    return tuple(row["ending"] for row in load_table("body_endings.tsv") if row[use] == "yes")


def ending_pattern(*uses: str) -> re.Pattern[str]:
    """A name that ends like a body, for any of ``uses``."""
    endings = {ending for use in uses for ending in body_endings(use)}
    return re.compile(f"({alternation(sorted(endings))})$")


# how an issuer's name ends (a signature, the line over a "关于…" title)
ISSUER_SUFFIX = ending_pattern("issuer")


@lru_cache(maxsize=1)
def not_body_endings() -> tuple[str, ...]:
    return load_list("not_body_endings.txt")


def is_issuer_line(text: str) -> bool:
    """A line that is a body's name alone: a signature, or the issuer over its title.
    A table row (cells split by tabs) may end in a body's name too."""
    return (
        len(text) <= 30
        and "\t" not in text
        and ISSUER_SUFFIX.search(text) is not None
        and not text.endswith(not_body_endings())
        and not SENTENCE.search(text)
        and not DOC_NUMBER.search(text)
    )


_ADDRESSEE_END = re.compile(r"[：:]$")
_ADDRESSEE_TAIL = ending_pattern("addressee")
# "…医保局、财政厅（局）：", "各区县卫生健康局（南太湖新区社发中心）"
_BRACKETED_TAIL = re.compile(r"[（(][^（）()]{1,12}[）)]$")
_MAX_ADDRESSEE_CHARS = 600


def is_addressee_line(text: str) -> bool:
    """A 主送 line: organizations joined by ，, ending in ：. A joint notice's long one
    groups them by province or level, each group closed by ；."""
    if not _ADDRESSEE_END.search(text) or re.search(r"[。？！]", text):
        return False
    if len(text) <= 80 and "；" not in text and _addressed(text[:-1]):
        return True
    groups = [g for g in re.split(r"[；;]", text[:-1]) if g.strip()]
    return len(text) <= _MAX_ADDRESSEE_CHARS and len(groups) > 1 and all(map(_addressed, groups))


def _addressed(text: str) -> bool:
    """Every recipient in this part of an addressee line ends like a body or a zone
    (怀化高新区、怀化经开区: a zone's administration is addressed by the zone's name)."""
    parts = (_BRACKETED_TAIL.sub("", part.strip()) for part in re.split(r"[，,]", text) if part.strip())
    return all(_ADDRESSEE_TAIL.search(part) or ends_a_zone(part, len(part)) for part in parts)


# "——2024年1月9日在株洲市第十六届人民代表大会第四次会议上", "（2023年11月30日某市人大常委会会议通过）":
# a speech's or an adopted text's own date, right after a dash or an opening bracket under its title
_OCCASION = re.compile(
    r"^(?:[—－]{1,2}|[（(])\s*(?P<date>[0-9〇零一二三四五六七八九]{4}年[0-9一二三四五六七八九十]{1,3}月[0-9一二三四五六七八九十]{1,3}日)(?:在[^，。]{2,60}?(?:上|上的(?:讲话|报告|发言))|[^，。]{2,60}?通过[）)])$"
)


def occasion_date(lines: list[Line]) -> tuple[tuple[int, int], date] | None:
    """The date a speech was given or a text adopted, stated under its title: a report's
    or a speech's document date, where it has no signature."""
    for line in lines[:MAX_HEAD_LINES]:
        match = _OCCASION.match(line.text)
        dates = find_full_dates(match.group("date")) if match else []
        if dates and dates[0][0] == 0 and dates[0][1] == len(match.group("date")):
            start = line.start + match.start("date")
            return (start, start + dates[0][1]), dates[0][2]
    return None
