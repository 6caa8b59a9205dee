"""The labelled metadata block atop government web pages.

gov.cn and most provincial portals put a small table above the notice::

    索引号：000014349/2020-00124   主题分类：政府工作\\其他
    发文机关：国务院办公厅          成文日期：2020年09月24日
    标题：国务院办公厅关于加快推进政务服务“跨省通办”的指导意见
    发文字号：国办发〔2020〕35号    发布日期：2020年09月29日

When it is there it is the most reliable source of the title, number, issuer
and dates: layout heuristics only guess them. The HTML reader turns its cells
into tab-separated lines, so a value runs to the next tab or line break. At
least two labels must be found near the top: a lone "标题：" in running text is
not a block.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from extractors.datafiles import load_table
from extractors.dates import find_full_dates
from extractors.records import Span
from extractors.text import alternation

_HEAD_CHARS = 4000  # the block sits above the notice, after the page's header
_MIN_LABELS = 2


@dataclass(frozen=True)
class Labelled:
    field: str  # title | doc_number | issuer | issued | published
    value: str  # the text; dates as ISO
    span: Span  # of the value in the text


@dataclass(frozen=True)
class LabelBlock:
    values: dict[str, Labelled]
    span: Span  # from the first label to the end of the last value


@lru_cache(maxsize=1)
def _labels() -> tuple[re.Pattern[str], dict[str, str]]:
    fields = {row["label"]: row["field"] for row in load_table("metadata_labels.tsv")}
    # A label starts a line or a cell, so 标题 inside a sentence is not one.
    pattern = re.compile(rf"(?:^|(?<=[\t\n]))(?P<label>{alternation(fields)})[：:][ \t]*(?P<value>[^\t\n]*)", re.M)
    return pattern, fields


def is_label_line(line: str) -> bool:
    """A line that starts with a block label (标题：…): a cell of the block, never a title."""
    pattern, _ = _labels()
    return pattern.match(line) is not None


def find_label_block(text: str) -> LabelBlock | None:
    pattern, fields = _labels()
    values: dict[str, Labelled] = {}
    first = last = None
    count = 0
    for match in pattern.finditer(text, 0, min(len(text), _HEAD_CHARS)):
        count += 1
        first = match.start() if first is None else first
        last = match.end()
        field = fields[match.group("label")]
        found = _value(field, match)
        if found is not None and field not in values:
            values[field] = found
    if count < _MIN_LABELS or first is None or last is None:
        return None
    return LabelBlock(values, (first, last))


def _value(field: str, match: re.Match[str]) -> Labelled | None:
    value, start = match.group("value").strip(), match.start("value")
    if field == "-" or not value:
        return None
    start += match.group("value").index(value)
    if field in ("issued", "published"):
        dates = find_full_dates(value)
        if not dates:
            return None
        date_start, date_end, day = dates[0]
        return Labelled(field, day.isoformat(), (start + date_start, start + date_end))
    return Labelled(field, value, (start, start + len(value)))
