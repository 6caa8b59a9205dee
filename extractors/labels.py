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

Many portals write no colon: the label is a cell of its own (索引号<tab>…), or,
in text scraped from the page, a word before a space that normalization removes
("文  号 白政办发〔2019〕9号 主题词 …" becomes "文号白政办发〔2019〕9号主题词…").
Such a line must start with a label, and on it a value runs to the next tab or
to the next label of three or more characters (主题词, 成文日期); a two-character
label (文号, 名称) is too common a word to split a value at, unless the value
before it ends in a digit, a Latin letter or a closing bracket.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from extractors.datafiles import load_table
from extractors.dates import find_full_dates
from extractors.head_lines import ISSUER_SUFFIX
from extractors.records import Span
from extractors.text import BULLETS, alternation, line_end

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


# a list bullet or number before a label (<li>• 发文字号：, "5. [成文日期] 2020-09-24")
_BULLET = rf"(?:(?:[{BULLETS}]|\d{{1,2}}[.、．])[ \t]*)?"


def label_words() -> tuple[str, ...]:
    """The block's labels (标题, 名称, 发文字号…), as ``data/metadata_labels.tsv`` lists them."""
    return tuple(_labels()[1])


@lru_cache(maxsize=1)
def _labels() -> tuple[re.Pattern[str], dict[str, str]]:
    fields = {row["label"]: row["field"] for row in load_table("metadata_labels.tsv")}
    # A label starts a line or a cell, so 标题 inside a sentence is not one; a
    # list bullet may stand before it (<li>• 发文字号：</li>).
    # A label ends in a colon, or stands in brackets of its own ([发文机构] 国务院办公厅).
    label = rf"(?P<open>[\[【［])?(?P<label>{alternation(fields)})(?(open)[\]】］]|[：:])"
    pattern = re.compile(rf"(?:^|(?<=[\t\n])){_BULLET}{label}[ \t]*(?P<value>[^\t\n]*)", re.M)
    return pattern, fields


@lru_cache(maxsize=1)
def _bare_labels() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(a line that starts with a label and no colon; where a label starts inside
    such a line: after a tab any label, elsewhere only one of 3+ characters)."""
    _, fields = _labels()
    labels = alternation(fields)
    long_labels = alternation(label for label in fields if len(label) >= 3)
    line = re.compile(rf"^(?:{labels})(?![：:])", re.M)
    inside = re.compile(
        rf"(?:(?:(?<=\t)|^)[ ]*(?P<cell>{labels})|(?P<word>{long_labels})|{_AFTER_VALUE}(?P<short>{labels}))(?![：:])[ \t]*",
        re.M,
    )
    return line, inside


# A value that ends in a digit, a Latin letter or a closing bracket cannot run on
# into a word, so any label may follow it: "索引号…/2021-181971文号舟政办发〔2021〕40号".
_AFTER_VALUE = r"(?<=[0-9A-Za-z)）〕\]】])"


def is_label_line(line: str) -> bool:
    """A line that starts with a block label (标题：…): a cell of the block, never a title."""
    pattern, _ = _labels()
    return pattern.match(line) is not None


def labelled_date(text: str, field: str) -> Labelled | None:
    """A date labelled alone near the top ("发布时间：2022-04-12 09:30" over a notice):
    one label is no block, but its date is still the page's own."""
    _, fields = _labels()
    head_end = min(len(text), _HEAD_CHARS)
    words = [label for label, kind in fields.items() if kind == field]
    if not any(word in text[:head_end] for word in words):
        return None  # most pages: no such label at all, and the scan for pairs is not cheap
    for pair in _colon_pairs(text, head_end):
        if fields[pair.label] == field:
            found = _value(field, pair.value, pair.value_start)
            if found is not None:
                return found
    return None


def find_label_block(text: str) -> LabelBlock | None:
    head_end = min(len(text), _HEAD_CHARS)
    pairs = sorted(_colon_pairs(text, head_end) + _bare_pairs(text, head_end), key=lambda pair: pair.label_start)
    if len(pairs) < _MIN_LABELS:
        return None
    _, fields = _labels()
    values: dict[str, Labelled] = {}
    for pair in pairs:
        field = fields[pair.label]
        found = _value(field, pair.value, pair.value_start)
        if found is not None and field not in values:
            values[field] = found
    last = pairs[-1]
    return LabelBlock(values, (pairs[0].label_start, last.value_start + len(last.value)))


class _Pair(NamedTuple):
    label: str
    value: str  # as written, up to the next label, tab or line end
    value_start: int
    label_start: int


def _colon_pairs(text: str, head_end: int) -> list[_Pair]:
    """Pairs of lines that open with a colon label; a line may hold more pairs
    ("文号: 粤办函〔2016〕186号 发布日期: 2016-05-09" once normalization took the space)."""
    pattern, fields = _labels()
    pairs = []
    for match in pattern.finditer(text, 0, head_end):
        label, start = match.group("label"), match.start()
        value_start, value_end = match.start("value"), match.end("value")
        for inner in _inner_label().finditer(text, value_start, value_end):
            pairs.append(_Pair(label, text[value_start : inner.start()], value_start, start))
            label, start, value_start = inner.group("label"), inner.start(), inner.end()
        if value_start == value_end and fields[label] != "-":
            value_start, value_end = _value_below(text, value_end, head_end)
        pairs.append(_Pair(label, text[value_start:value_end], value_start, start))
    return pairs


def _value_below(text: str, label_end: int, head_end: int) -> tuple[int, int]:
    """A label alone on its line: its value is the next non-blank line, if that
    line is no label of its own ("发文字号：" / "" / "镇政发〔2024〕7号", a portal
    that puts label and value in separate elements). Empty span when there is none.
    Only for fields kept: a page that puts 内容概述： over the notice must not pull
    the notice's first lines into the block."""
    start = label_end
    while start < head_end and text[start] == "\n":
        start += 1
    if start == label_end or start >= head_end or start - label_end > 3 or is_label_line(text[start : line_end(text, start)]):
        return label_end, label_end
    return start, line_end(text, start)


@lru_cache(maxsize=1)
def _inner_label() -> re.Pattern[str]:
    """A colon label inside a labelled line's value."""
    _, fields = _labels()
    return re.compile(rf"(?P<label>{alternation(fields)})[：:][ \t]*")


def _bare_pairs(text: str, head_end: int) -> list[_Pair]:
    """Label-value pairs of colon-less lines that stand next to another label line.
    One such line alone is as likely a sentence that opens with 名称 or 标题, and
    the block's span (no department mentions inside) must not reach into the body."""
    line_start, inside = _bare_labels()
    starts = [match.start() for match in line_start.finditer(text, 0, head_end)]
    pairs = []
    for index, start in enumerate(starts):
        end = line_end(text, start)
        after_previous = index > 0 and text[line_end(text, starts[index - 1]) : start].strip("\n") == ""
        before_next = index + 1 < len(starts) and text[end : starts[index + 1]].strip("\n") == ""
        if after_previous or before_next:
            pairs += _pairs_in_line(text, start, end, inside)
    return pairs


def _pairs_in_line(text: str, start: int, end: int, inside: re.Pattern[str]) -> list[_Pair]:
    found = list(inside.finditer(text, start, end))
    pairs = []
    for match, following in zip(found, [*found[1:], None]):
        group = next(name for name in ("cell", "word", "short") if match.group(name))
        value_end = following.start() if following else end
        tab = text.find("\t", match.end(), value_end)
        value_end = tab if tab >= 0 else value_end
        pairs.append(_Pair(match.group(group), text[match.end() : value_end], match.end(), match.start(group)))
    return pairs


def _value(field: str, raw: str, start: int) -> Labelled | None:
    value = raw.strip(" \t")
    if field == "-" or not value or value.endswith(("：", ":")):
        return None  # "文号:<tab>所属主题:": an empty cell, then a label this table lacks
    start += raw.index(value)
    if field in ("issued", "published"):
        dates = find_full_dates(value)
        if not dates:
            return None
        date_start, date_end, day = dates[0]
        return Labelled(field, day.isoformat(), (start + date_start, start + date_end))
    if field == "issuer" and not ISSUER_SUFFIX.search(value):
        return None  # 发文机构：县政府网站, the site that posted it, is no body
    return Labelled(field, value, (start, start + len(value)))
