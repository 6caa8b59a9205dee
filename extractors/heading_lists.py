"""Item lists under a heading: numbered lines and category lines.

* a numbered list under a heading line: "第二批“跨省通办”事项清单" then "1.住房公积金汇缴" /
  "2、残疾人证迁移（市残联）", one item a line, the heading's batch (第一批) and count note
  ((3项)) going with its names;
* category lines under such a heading: "（一）社会保障类（3项）：A、B、C。", the category
  (社会保障类) kept with each item, the count checked when given;
* numbered lines in groups under such a heading, each group under a line of its own that a
  mark or a count makes a heading ("一、省公安厅（3项）" / "（二）医疗保障领域"): the group's
  heading is each of its items' category, and ``item_links.link_group_headings`` makes a body
  that is the whole heading responsible for them.

The heading must name 通办 items (通办 and 事项 or 清单 in it), and every name must end like a
service. ``item_lists.py`` reads the lists a phrase introduces and shares ``Found`` with these.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from extractors.dates import to_int
from extractors.field_labels import field_line
from extractors.item_names import (
    CATEGORY_HEAD,
    COUNT_NOTE,
    HEADING_MARK,
    all_services,
    cues,
    names_an_item,
    split_names,
    split_services_at_he,
)
from extractors.scope_tags import tags
from extractors.text import BATCH, ITEM_NUMBER, LIST_NUMBER, line_end, past_blank_lines

_NUMBERED_LINE = re.compile(rf"{LIST_NUMBER}[ \t]*(?P<name>[^\n]*)")
# An item line's number (text.ITEM_NUMBER); a list keeps one style (一、 over 1. is a heading over its lines)
_ITEM_LINE = re.compile(rf"(?P<number>{ITEM_NUMBER})[ \t]*(?P<name>[^\n]*)")
# a note in brackets, a mark that flags the item (★ 新增, * 试点), a closing pause
_TRAILING_NOTE = re.compile(r"[（(][^（）()]*[）)]$|[；;。，,]$|[★☆*※▲△]+$")


@dataclass(frozen=True)
class Found:
    """A list one reader found: its names' spans, their scope, and a category if it names one."""

    spans: list[tuple[int, int]]
    scope: tuple[str, ...]
    category: str | None = None
    batch: str | None = None  # 第一批 of a heading over the list
    stated: int | None = None  # the heading's count note: 第一批“省内通办”事项（3项）
    modes: tuple[str, ...] = ()  # a catalog entry's tag may name its mode ([全程网办]…)
    count_span: tuple[int, int] | None = None  # where the stated count stands, to check it by
    total: tuple[int, int, tuple[int, int]] | None = None  # (stated, found, span) of a heading over groups


_HEADING_COUNT = re.compile(COUNT_NOTE)


def _from_heading(spans: list[tuple[int, int]], heading: str, category: str | None, heading_start: int | None = None) -> Found:
    """A list under a heading: the heading's scope, batch and count go with its names, and the
    count is checked where the heading's place in the text is known."""
    batch = BATCH.search(heading)
    count = _HEADING_COUNT.search(heading)
    stated = to_int(count.group("count")) if count else None
    where = (heading_start + count.start(), heading_start + count.end()) if count and heading_start is not None else None
    return Found(spans, tags(heading, "scope"), category, batch.group() if batch else None, stated, count_span=where)


# "（一）社会保障类（3项）：A、B、C。": an enumerator, a category ending in 类, maybe a count, a colon
_CATEGORY_LINE = re.compile(rf"^[ \t\u3000]*{CATEGORY_HEAD}[：:](?P<list>[^\n]+)$", re.M)
_CATEGORY_INTRO_LINES = 80  # how far up the heading that names the items may stand (past earlier categories)


def category_lines(text: str) -> list[Found]:
    """Category lines whose heading above names 通办 items; a stated count must match."""
    lists = []
    for line in _CATEGORY_LINE.finditer(text):
        intro = _heading_above(text, line.start())
        if intro is None:
            continue
        end = line.end("list")
        while end > line.start("list") and text[end - 1] in "。；;，, 等":
            end -= 1
        spans = split_services_at_he(text, split_names(text, line.start("list"), end))
        stated = line.group("count")
        counted = stated is None or to_int(stated) == len(spans)
        if (
            spans
            and counted
            and all(names_an_item(text[a:b]) for a, b in spans)
            and 2 * sum(all_services(text, [span]) for span in spans) >= len(spans)
        ):
            lists.append(Found(spans, nearest_scope(intro), line.group("category")))
    return lists


def _listing(line: str) -> bool:
    """A line of the lists a heading introduces: a category line, a group's heading, a numbered name."""
    return bool(_CATEGORY_LINE.match(line) or group_heading(line) or _NUMBERED_LINE.fullmatch(line))


def _heading_above(text: str, position: int) -> str | None:
    """The nearest line above that lists nothing itself, if it names 通办 items."""
    found = _heading_above_at(text, position)
    return found[0] if found else None


def _heading_above_at(text: str, position: int, any_line: bool = False) -> tuple[str, int] | None:
    """That line and where it starts; with ``any_line``, whether it names 通办 items or not."""
    end = position
    for _ in range(_CATEGORY_INTRO_LINES):
        if end <= 0:
            return None
        start = text.rfind("\n", 0, end - 1) + 1
        line = text[start : end - 1] if text[end - 1] == "\n" else text[start:end]
        if line.strip() and not _listing(line.strip()):
            return (line, start) if any_line or names_items(line) else None
        end = start
    return None


def names_items(intro: str) -> bool:
    """Does the intro speak of 通办 items: 事项, 业务 (a counter noun) or a 清单?"""
    return "通办" in intro and any(word in intro for word in (*cues()["counter_noun"], "清单"))


def nearest_scope(intro: str) -> tuple[str, ...]:
    """The scope the intro's last clause names ("在“跨省通办”清单基础上，梳理形成了95项川渝通办
    事项清单": 川渝通办), else any the intro names."""
    last_clause = re.split(r"[，,]", intro)[-1]
    return tags(last_clause, "scope") or tags(intro, "scope")


# The first numbered line under some line; opening with a literal keeps the scan fast.
_FIRST_NUMBERED = re.compile(rf"\n[ \t\u3000]*{ITEM_NUMBER}")


def heading_lists(text: str) -> list[Found]:
    lists = []
    listed_to = 0
    grouped: dict[int, list[int]] = {}  # a heading over groups (where it starts) -> its groups' lists
    for numbered in _FIRST_NUMBERED.finditer(text):
        if numbered.start() < listed_to:
            continue  # a later line of a list already read
        heading_start = text.rfind("\n", 0, numbered.start()) + 1
        heading = text[heading_start : numbered.start()]
        group = group_heading(heading.strip())
        above = _heading_above_at(text, heading_start, any_line=True) if group else (heading, heading_start)
        intro, intro_start = above if above else (None, -1)
        scope_line = _scope_line(text, intro, intro_start)
        if scope_line is None:
            continue
        spans = _numbered_names(text, numbered.start() + 1)
        listed_to = spans[-1][1] if spans else listed_to
        vouched = intro_start in grouped or (len(spans) == 1 and _has_fields(text, spans[0][1]))
        if not _plausible_list(text, spans, group, vouched):
            continue
        if group:
            grouped.setdefault(intro_start, []).append(len(lists))
            found = _from_heading(spans, intro, group.group("category"))
            found = _in_group(found, group, heading_start + len(heading) - len(heading.lstrip()))
        else:
            found = _from_heading(spans, intro, None, heading_start)
        lists.append(found if scope_line is intro else replace(found, scope=nearest_scope(scope_line)))
    for intro_start, members in grouped.items():
        _check_the_total(text, intro_start, lists, members)
    return lists


def _check_the_total(text: str, intro_start: int, lists: list[Found], members: list[int]) -> None:
    """A heading over groups that states the list's total ("…清单（共9项）" over 一、省公安厅（3项）…)
    is checked against all its groups: the last group carries the check."""
    count = _HEADING_COUNT.search(text, intro_start, line_end(text, intro_start))
    if count is None:
        return
    found = sum(len(lists[index].spans) for index in members)
    where = count.span("count")
    lists[members[-1]] = replace(lists[members[-1]], total=(to_int(count.group("count")), found, where))


def _plausible_list(text: str, spans: list[tuple[int, int]], group: re.Match[str] | None, vouched: bool) -> bool:
    """Services, and two of them, unless something vouches for one line: a group heading
    (二、医疗类（1项）, 一、省民政厅牵头事项: one group of a list may hold one name; a count it
    states must match), or the item's field lines under it (1.失业保险金申领 / 牵头单位：…)."""
    count = group.group("count") if group is not None else None
    grouped = group is not None and (count is None or to_int(count) == len(spans))
    fielded = vouched and group is None and len(spans) == 1
    enough = len(spans) >= 2 or (spans and (grouped or fielded))
    return bool(enough) and all(names_an_item(text[a:b]) for a, b in spans) and all_services(text, spans)


def _in_group(found: Found, group: re.Match[str], at: int) -> Found:
    """A group's own count is its list's ("一、省公安厅（3项）" under "…清单（共8项）"), checked
    where it stands; with none, the list keeps its heading's."""
    if not group.group("count"):
        return found
    where = at + group.start("count")  # ``at``: where the stripped heading stands
    span = (where, where + len(group.group("count")))
    return replace(found, stated=to_int(group.group("count")), count_span=span)


# "一、社会保障类（5项）" over numbered lines, under a heading that names the items
_CATEGORY_HEADING = re.compile(CATEGORY_HEAD)
# "一、省公安厅（3项）", "（二）医疗保障领域", "人社部门（2项）": a mark or a count makes a short
# line with no clause in it a group's heading
_GROUP_TEXT = r"(?P<category>[^\s，。；：:、,;（）()“”\"《》]{2,20}?)"
_MARKED_GROUP = re.compile(rf"{HEADING_MARK}[ \t]*{_GROUP_TEXT}[ \t]*(?:{COUNT_NOTE})?")
_COUNTED_GROUP = re.compile(rf"{_GROUP_TEXT}[ \t]*{COUNT_NOTE}")


def group_heading(line: str) -> re.Match[str] | None:
    """The heading of a group of numbered names, its ``category`` and ``count`` groups filled."""
    return _CATEGORY_HEADING.fullmatch(line) or _MARKED_GROUP.fullmatch(line) or _COUNTED_GROUP.fullmatch(line)


def _is_list_heading(line: str) -> bool:
    """A short line that names 通办 items and is no sentence; or one whose last clause opens
    the list ("（一）推动一批事项“跨省通办”。具体包括：", "现将…“跨省通办”事项清单公布如下。")."""
    line = line.strip()
    if line.endswith(("：", ":")) and len(line) <= _INTRO_LINE_MAX:
        return names_items(line)
    if _BELOW.search(line):  # …，现将第三批“跨省通办”事项清单公布如下。: its last clause names them
        return names_items(re.split(r"[，,；;。]", line.rstrip("。"))[-1])
    return 0 < len(line) <= 40 and names_items(line) and not re.search(r"[，。；]", line)


_BELOW = re.compile(r"如下[。.]?$")


_INTRO_LINE_MAX = 60
# "具体事项如下：", "本次公布的事项包括：": a line that opens a list of 事项 without naming 通办.
# Not "现将有关事项通知如下：" (item_cues.tsv: notice_matters): the matters of a notice, not its items.
_OPENS_ITEMS = re.compile(r"事项[^，。；：:]{0,6}(?:如下|包括|为|是|有)[：:]$")
_EARLIER_REACH = 3000  # how far above such a line the title or the sentence naming the items may stand


def _scope_line(text: str, intro: str | None, intro_start: int) -> str | None:
    """The line that says the list holds 通办 items: the list's heading, or, under a line that
    opens a list of 事项 without naming 通办 (具体事项如下：), the nearest line above it that
    does (the title: 关于公布第二批“跨省通办”事项的通知). None if no line does."""
    if intro is None:
        return None
    if _is_list_heading(intro):
        return intro
    if not _OPENS_ITEMS.search(intro.strip()) or tags(intro, "notice_matters"):
        return None
    return _named_earlier(text, intro_start)


def _named_earlier(text: str, position: int) -> str | None:
    """The nearest line above ``position`` that names 通办 items."""
    floor = max(0, position - _EARLIER_REACH)
    end = position
    while end > floor:
        start = text.rfind("\n", floor, end - 1) + 1
        line = text[start:end]
        if "通办" in line and names_items(line):
            return line
        end = start
        if start == floor:
            break
    return None


def _numbered_names(text: str, offset: int) -> list[tuple[int, int]]:
    """The names on the numbered lines from ``offset`` on, notes in brackets dropped. Blank
    lines may stand between two lines numbered in sequence (a page break: 3. / — 3 — / 4.;
    三、 / 四、 too)."""
    spans, number, style = [], None, None
    while offset < len(text):
        line = text[offset : line_end(text, offset)]
        match = _ITEM_LINE.fullmatch(line.strip())
        if match is not None and style is not None and _style(match.group("number")) != style:
            break  # 1. under 一、: another list's lines
        if match is None:
            after = past_fields(text, offset) if number is not None else offset
            below = _ITEM_LINE.fullmatch(text[after : line_end(text, after)].strip())
            if after == offset or number is None or below is None or _value(below.group("number")) != number + 1:
                break
            offset = after
            continue
        start = offset + line.index(line.strip()) + match.start("name")
        name = match.group("name")
        while (note := _TRAILING_NOTE.search(name)) is not None:
            name = name[: note.start()]
        spans.append((start, start + len(name.rstrip())))
        number, style = _value(match.group("number")), _style(match.group("number"))
        offset += len(line) + 1
    return spans


def _has_fields(text: str, name_end: int) -> bool:
    """Is the line a name ends on followed by an item's field line (牵头单位：…)?"""
    below = past_blank_lines(text, line_end(text, name_end) + 1)
    return below < len(text) and field_line().match(text, below) is not None


def past_fields(text: str, offset: int) -> int:
    """Past the blank lines and an item's field lines from ``offset`` on: a work plan's list
    may give each item its unit and time on lines of their own ("1.户口迁移" / "牵头单位：省公安厅" /
    "完成时限：2021年底前" / "2.…")."""
    position = past_blank_lines(text, offset)
    while position < len(text) and field_line().match(text, position):
        position = past_blank_lines(text, line_end(text, position) + 1)
    return position


def _style(number: str) -> str:
    """How a list numbers its lines: 1. 2、 3． are one style (pages mix the marks), （1） another,
    一、 and （一） two more, ① a fifth."""
    style = re.sub(r"[一二三四五六七八九十]+", "c", re.sub(r"[0-9]+", "n", re.sub(r"[①-⑳]", "o", number)))
    return "n" if style in ("n.", "n、", "n．") else style.replace("(", "（").replace(")", "）")


def _value(number: str) -> int | None:
    """A line number's value: 3 of "3." and "（3）", 三 of "三、"; None for ①."""
    digits = re.search(r"[0-9]+|[一二三四五六七八九十]+", number)
    return to_int(digits.group()) if digits else None
