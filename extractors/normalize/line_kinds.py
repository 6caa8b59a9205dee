"""What kind of line a line is, for the re-flow step (``layout.py``): a heading, a dateline,
a labelled field, a line that only goes on with a sentence (精神，…) or one that opens a
notice's preamble (为…, 根据…). Each keeps or makes a line break whatever the page's width.
"""

from __future__ import annotations

import re
from functools import lru_cache

from extractors.datafiles import load_list, load_table
from extractors.normalize.wrapping import TERMINAL
from extractors.text import AFTER_NUMBER, alternation

CLAUSE_MARKS = "，、；,："
# A heading's number: 第一章, 一、, （一）, 1., ①
NUMBER_MARK = (
    r"第[一二三四五六七八九十百零〇]+[章节条部分批]|[一二三四五六七八九十]+[、．.]|"
    rf"[（(][一二三四五六七八九十\d]+[）)]|\d+[、．.]{AFTER_NUMBER}|[①-⑳]"
)
# 附件 over what it heads; a line that opens "附件）。" closes a bracket: (见 / 附件）
HEADING = re.compile(rf"^(?:{NUMBER_MARK}|(?:附件|抄送|联系人)(?![）)，,。；、”])|附：)")


# A heading's number with nothing after it (not 附件 or 抄送, which stand alone over what they head)
MARKER_ALONE = re.compile(NUMBER_MARK)


@lru_cache(maxsize=1)
def _continuation_openers() -> tuple[str, ...]:
    return tuple(sorted(load_list("continuation_openers.txt"), key=len, reverse=True))


def continues(following: str) -> bool:
    """Does the line open with a word that only goes on with a sentence (精神，…, 的通知)?"""
    for word in _continuation_openers():
        if following.startswith(word):
            return word == "的" or following[len(word) : len(word) + 1] in "，,。；;、"
    return False


@lru_cache(maxsize=1)
def _preamble_openers() -> tuple[str, ...]:
    return tuple(load_list("preamble_openers.txt"))


def opens_preamble(following: str) -> bool:
    """Does the line open a notice's first paragraph (为不断深化…, 根据…)? Under a line that
    ends like a title, it starts the text the title names."""
    return following.startswith(_preamble_openers())


_FIELD = re.compile(r"[^，。；：:\s]{2,6}[：:]")  # 发布机构: / 主题词:
_FIELD_WITH_VALUE = re.compile(r"[^，。；：:\s]{2,6}[：:][ \u3000]*[^\s]")


def starts_a_field(line: str, following: str) -> bool:
    """A page's labelled fields keep their lines: the next line opens with a label
    and a value (发布机构: 广东省…), or both lines open with a label (…\n主题词:).
    A bare "通知如下：" after an unlabelled line may still end a wrapped sentence."""
    if _FIELD_WITH_VALUE.match(following):
        return True
    return _FIELD.match(line) is not None and _FIELD.match(following) is not None


# 2022-05-20 08:30 来源：某某日报 / 2021年6月1日 / 发布时间：2021-06-01
_DATE = re.compile(r"(?:19|20)\d{2}(?:[-/.]\d{1,2}[-/.]\d{1,2}|年\d{1,2}月\d{1,2}日)")


def is_dateline(line: str) -> bool:
    """A news dateline or a date line: short, dated, no clause in it. The colon of
    来源： would otherwise read as a clause left open."""
    return len(line) <= 60 and _DATE.search(line) is not None and not re.search("[，。；]", line)


@lru_cache(maxsize=1)
def _dateline_opening() -> re.Pattern[str]:
    """A date (and its time) alone or before a dateline's label, or the label itself."""
    labels = alternation(row["label"] for row in load_table("dateline_labels.tsv"))
    time = r"(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?"
    return re.compile(rf"(?:{_DATE.pattern}){time}\s*(?:$|(?:{labels})[：:])|(?:{labels})[：:]")


def opens_dateline(following: str) -> bool:
    """Does the line open a news dateline ("2021-05-20 来源：新华网", "发布时间：…")? The line over
    it ends there, whatever it ends in: a headline listing items (社保卡申领、异地就医备案等10项
    服务实现跨省通办) reads as an open clause, and ran into the dateline."""
    return is_dateline(following) and _dateline_opening().match(following) is not None


_HEADING_MAX = 20  # characters after the marker a heading of two phrases takes


def is_bare_heading(line: str) -> bool:
    """``一、总体要求``: a heading marker and no sentence after it (the marker's own
    、 is no clause mark). A heading of two short phrases, ``一、模式联动，实现办理跨区域``,
    is one too: it ends in a word, not a clause mark, and is short with no sentence end."""
    marker = HEADING.match(line)
    if marker is None:
        return False
    rest = line[marker.end() :]
    if not any(mark in rest for mark in TERMINAL + CLAUSE_MARKS):
        return True
    two_phrases = len(rest) <= _HEADING_MAX and rest[-1:] not in CLAUSE_MARKS
    return two_phrases and not any(mark in rest for mark in TERMINAL + "、")
