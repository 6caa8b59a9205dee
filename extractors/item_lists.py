"""Item lists introduced by a phrase that names them, with no count or scope after.

The shapes news reports and short notices use:

* a colon list: "新增的“跨省通办”事项有：住房公积金汇缴、残疾人证迁移。", or after a
  count ("新增“跨省通办”事项3项，分别是：A、B、C。", where the count vouches for the list), also
  numbered inline ("…事项如下：（一）…；（二）…。"), or one name a line after a
  colon that ends its line (an HTML list under "具体事项如下：");
* a heading that asks which items ("哪些事项可以办？") over one name a line;
* "首批“跨省通办”事项包括A、B等" inside a sentence.
Numbered lists and category lines under a heading are read in ``heading_lists.py``.

The introducing phrase must name 通办 items (通办 and 事项 or 清单 in it), and,
with no count to check the list against, every name must end like a service
(备案, 申领, 汇缴), so a list of measures under the same words yields nothing.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from extractors.dates import find_full_dates, to_int
from extractors.heading_lists import Found, category_lines, heading_lists, names_items, nearest_scope
from extractors.item_names import (
    all_services,
    at_weak_separators,
    cues,
    names_an_item,
    split_names,
    split_services_at_he,
    unnumbered,
)
from extractors.list_bounds import SENTENCE_MARKS
from extractors.name_lines import item_lines, line_names, service_run
from extractors.records import ItemCountCheck, ItemMention
from extractors.scope_tags import tags
from extractors.text import BULLETS, alternation, line_end, mark_before, overlaps, past_blank_lines

_INTRO_REACH = 30  # how far before the colon 通办 may stand: "今年新增的“跨省通办”事项有："


# 事项有： / 事项如下： / 以下事项实现“跨省通办”： / 事项5项，分别是：
@lru_cache(maxsize=1)
def _colon_intro() -> re.Pattern[str]:
    counted = alternation(cues()["count_intro"])
    # what the list holds: 事项, 业务 (the counter nouns: 以下12项医保业务…：) or a 清单
    holds = alternation([*cues()["counter_noun"], "清单"])
    # up to 16 characters between: 事项实现“跨省通办、省内通办”：
    # not 即日 (…事项清单，即日起可在窗口办理): 即 opens a list only where it means "namely"
    between = r"[^：:。；，,\n]{0,16}"
    # a colon after any of them; 即 or 分别是 (no colon needed) only after 事项 or a 清单: 业务，即… explains
    return re.compile(rf"(?:{holds}){between}[：:]|(?:事项|清单){between}[，,]?(?:{counted})(?!日)[：:]?")


_STATED = re.compile(r"(?P<count>[0-9]{1,3}|[一二三四五六七八九十两]{1,3})[项个]")
_LIST_END = re.compile(r"[。\n]")


def introduced_lists(text: str, first_group: int, taken: list[tuple[int, int]]) -> tuple[list[ItemMention], list[ItemCountCheck]]:
    """Items of colon lists and of numbered lists under a heading, outside ``taken``, and the
    checks of the counts their headings state (第一批“省内通办”事项（3项）)."""
    items: list[ItemMention] = []
    checks: list[ItemCountCheck] = []
    group = first_group
    taken = list(taken)  # and each list read here: two readers may find one list (…“跨省通办”： over 1. 2. 3.)
    readers = (
        _colon_lists,
        _question_lists,
        _including_lists,
        heading_lists,
        category_lines,
        _tagged_lines,
        _catalog_lines,
    )
    for found in (found for reader in readers for found in reader(text)):
        if any("\t" in text[a:b] for a, b in found.spans):
            continue  # lines of a table's cells: the table readers read them, a cell a name
        if found.spans and not any(overlaps(span, taken) for span in found.spans):
            taken.extend(found.spans)
            items.extend(
                ItemMention(
                    text[a:b],
                    (a, b),
                    "enumeration",
                    scope=found.scope,
                    category=found.category,
                    group=group,
                    batch=found.batch,
                    stated_count=found.stated,
                    modes=found.modes,
                )
                for a, b in found.spans
            )
            if found.stated is not None and found.count_span is not None:
                checks.append(ItemCountCheck(found.stated, len(found.spans), found.count_span))
            if found.total is not None:  # a heading over groups: its total against all of them
                checks.append(ItemCountCheck(*found.total))
            group += 1
    return items, checks


def _colon_lists(text: str) -> list[Found]:
    lists = []
    for colon in _colon_intro().finditer(text):
        line_start = text.rfind("\n", 0, colon.start()) + 1
        intro = text[max(line_start, colon.start() - _INTRO_REACH) : colon.end()]
        if not names_items(intro) and not _names_items_above(text, line_start, colon.end(), intro):
            continue
        end = _LIST_END.search(text, colon.end())
        list_end = end.start() if end else len(text)
        total = _TOTAL_AFTER.search(text, colon.end(), list_end)  # A、B、C，共3项。
        if total:
            list_end, intro = total.start(), intro + total.group()
        if text[colon.end() : list_end].strip():
            names = at_weak_separators(text, split_names(text, colon.end(), list_end))
            spans = split_services_at_he(text, [unnumbered(text, span) for span in names])
        else:  # "具体事项如下：" ends its line: one name a line (an HTML <ul>, a column)
            spans = item_lines(text, line_names(text, colon.end()))
            if not _vouched(intro, text, spans):
                spans = service_run(text, spans)
            spans = spans if len(spans) >= 2 else []
        if spans and all(names_an_item(text[a:b]) for a, b in spans) and _vouched(intro, text, spans):
            lists.append(_with_total(Found(spans, tags(intro, "scope")), total))
    return lists


# the list's total after it, in a clause of its own: "…、C，共3项" / "…、C等，共计3个事项"
_TOTAL_AFTER = re.compile(r"等?[，,]\s*(?:共计|合计|总计|共)(?P<count>[0-9]{1,3}|[一二三四五六七八九十两]{1,3})[项个](?:事项)?$")


def _with_total(found: Found, total: re.Match[str] | None) -> Found:
    """The list's total, stated after it, is its count, checked where it stands."""
    if total is None:
        return found
    return replace(found, stated=to_int(total.group("count")), count_span=total.span("count"))


def _names_items_above(text: str, line_start: int, colon_end: int, intro: str) -> bool:
    """ "部分事项如下：" ending its line over one name a line, under a paragraph that names
    the 通办 ("…新增25项高频政务服务事项实现“省内通办”…"): the lines above say which items
    these are, as they do for a question heading (哪些事项可以办？)."""
    if text[colon_end : line_end(text, colon_end)].strip():
        return False
    return names_items(_lines_before(text, line_start, _LINES_BEFORE_QUESTION) + intro)


def _vouched(intro: str, text: str, spans: list[tuple[int, int]]) -> bool:
    """Every name ends like a service, or the intro's count is the list's length
    ("新增“跨省通办”事项3项，分别是：A、B、C。")."""
    counts = [to_int(match.group("count")) for match in _STATED.finditer(intro)]
    return len(spans) in counts or all_services(text, spans)


_QUESTION_END = re.compile(r"[？?][ \t\u3000]*$", re.M)
_LINES_BEFORE_QUESTION = 2  # where a question with no 通办 looks for what it asks about


def _question_lists(text: str) -> list[Found]:
    """A heading that asks which items ("01 哪些事项可以办？", a WeChat article's) over one
    name a line: the lines answer it. With no 通办 in it, the question asks about the items
    the lines above name ("我市新增21项“跨省通办”事项…"). Every name must end like a service."""
    lists = []
    for mark in _QUESTION_END.finditer(text):
        line_start = text.rfind("\n", 0, mark.start()) + 1
        question = text[line_start : mark.start()]
        if "事项" not in question or not any(word in question for word in cues()["asks_which"]):
            continue
        spans = item_lines(text, _bulleted_run(text, line_names(text, mark.start())))
        if len(spans) < 2 or not all(names_an_item(text[a:b]) for a, b in spans) or not all_services(text, spans):
            continue
        intro = _lines_before(text, line_start, _LINES_BEFORE_QUESTION) + question
        if names_items(intro):
            lists.append(Found(spans, nearest_scope(intro)))
    return lists


def _bulleted_run(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Lines that open with a bullet: the run that shares the first one's (the next
    heading, 02怎么办？, has none)."""
    if not spans:
        return spans
    first = _line_opener(text, spans[0][0])
    if first not in BULLETS:
        return spans
    run = []
    for span in spans:
        if _line_opener(text, span[0]) != first:
            break
        run.append(span)
    return run


def _line_opener(text: str, position: int) -> str:
    """The first character of the line holding ``position``, past its indent."""
    line = text[text.rfind("\n", 0, position) + 1 : position + 1]
    return line.lstrip(" \t\u3000")[:1]


def _lines_before(text: str, line_start: int, count: int) -> str:
    start = line_start
    for _ in range(count):
        start = text.rfind("\n", 0, max(0, start - 1)) + 1
    return text[start:line_start]


# 包括… inside a sentence; 如…/例如… opening a sentence or a clause, after what named
# the items ("…服务事项涵盖教育、社保等多领域，如A、B等")
# "…“跨省通办”试点业务范围为A和B": a range that names 通办 business is its items; "…的事项有A、B等"
_INCLUDING = re.compile(
    r"(?:包括|包含|涵盖)[：:]?|(?<=范围)(?P<range>为|是)[：:]?|(?<=[。，,])(?P<example>例如|如)[：:，,]?"
    r"|(?<=事项)有(?![关所效序力望哪：:])"  # "实现“跨省通办”的事项有A、B等": 有 after the items it names
    r"|(?<=清单|目录)[中里]的"  # "“跨省通办”事项清单中的A、B等事项已全部实现": the list's members
)
# the list ends at 等 before the clause's end, or before the noun it closes on (…等高频事项。)
_INCLUDED_END = re.compile(
    r"等?(?=[，,。；;\n])|等(?=事项|业务)|等(?=[\u4e00-\u9fff]{0,6}?(?:事项|业务|服务)(?:[，,。；;\n]|$))|等(?=$)|$"
)


def _including_lists(text: str) -> list[Found]:
    """ "首批“跨省通办”事项包括A、B等，…", "…72项事项“跨省通办”，包括A、B等。" and
    "“跨省通办”试点业务范围为A和B": the
    sentence names 通办 items before 包括 (or, for "如A﹔B等。", the sentence before),
    and the list runs to 等 or the clause end.
    The intro vouches for the list as a count would; still, every name must read as
    one, and at least half must end like a service."""
    lists = []
    for verb in _INCLUDING.finditer(text):
        intro_end = verb.start() - 1 if verb.group("example") else verb.start()
        intro = _with_previous(
            text, _with_question(text, text[_sentence_start(text, intro_end) : intro_end], intro_end), intro_end
        )
        names_a_range = verb.group("range") is not None and "通办" in intro
        if not (names_items(intro) or names_a_range):
            continue
        end = _INCLUDED_END.search(text, verb.end())
        names = [unnumbered(text, span) for span in split_names(text, verb.end(), end.start())]
        spans = split_services_at_he(text, _without_qualifier(text, names))
        if len(spans) < 2 or not all(names_an_item(text[a:b]) for a, b in spans):
            continue
        services = sum(all_services(text, [span]) for span in spans)
        if 2 * services >= len(spans):
            lists.append(Found(spans, nearest_scope(intro)))
    return lists


# "范围为内地居民的结婚登记和离婚登记": who or what the whole list is for, before 的
_QUALIFIER = re.compile(r"[\u4e00-\u9fff]{2,8}的(?=[\u4e00-\u9fff]{4})")


def _without_qualifier(text: str, names: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The list without the words before 的 that open it and qualify every name."""
    if not names:
        return names
    start, end = names[0]
    qualifier = _QUALIFIER.match(text, start, end)
    return [(qualifier.end(), end), *names[1:]] if qualifier else names


_QUESTION_REACH = 200  # how far back an answer's question may be


def _with_question(text: str, intro: str, end: int) -> str:
    """An answer's intro is its question too: "问：哪些事项可以“跨省通办”？\n答：主要包括A、B等。"."""
    if not intro.lstrip().startswith("答"):
        return intro
    question = text.rfind("问", max(0, end - _QUESTION_REACH), end)
    return text[question:end] if question >= 0 else intro


_CONNECTIVE_CHARS = 4  # 其中, 具体来看: an intro this short says nothing of its own


def _with_previous(text: str, intro: str, end: int) -> str:
    """ "发布第五批长三角“一网通办”事项。此次新增的20项事项中，包括A、B等": an intro that
    names 事项 but no 通办, or is a connective alone (其中，包括…), refers back to the sentence
    before, when that one names 通办 items."""
    start = end - len(intro)
    connective = len(intro.strip("，,：: \u3000")) <= _CONNECTIVE_CHARS  # 其中，包括A、B等高频事项
    if ("事项" not in intro and not connective) or "通办" in intro or start == 0:
        return intro
    previous = text[_sentence_start(text, start - 1) : start]
    return previous + intro if names_items(previous) else intro


def _sentence_start(text: str, position: int) -> int:
    return mark_before(text, position, SENTENCE_MARKS)


@lru_cache(maxsize=1)
def tagged_line() -> re.Pattern[str]:
    """A catalog's entry: a line opening with its scope or mode in brackets, then the item's
    name, maybe a cell of what stands beside it (【跨省通办】婚姻登记档案查询\t县民政局)."""
    words = alternation([*cues()["scope"], *cues()["mode"]])
    return re.compile(
        rf"^[ \t\u3000]*[【\[](?P<tag>{words})[】\]][ \t\u3000]*(?P<name>[^\t\n]{{2,40}}?)[ \t\u3000]*(?:\t[^\n]*)?$",
        re.M,
    )


def _tagged_lines(text: str) -> list[Found]:
    """Catalog entries, one item a line: each name ends like a service, and a run of lines
    under one tag is one list."""
    lists: list[Found] = []
    previous_end, previous_tag = -2, None
    for line in tagged_line().finditer(text):
        span = line.span("name")
        if not names_an_item(line.group("name")) or not all_services(text, [span]):
            previous_tag = None
            continue
        tag = line.group("tag")
        if lists and tag == previous_tag and not text[previous_end : line.start()].strip():
            lists[-1].spans.append(span)
        else:
            lists.append(Found([span], tags(tag, "scope"), modes=tags(tag, "mode")))
        previous_end, previous_tag = line.end(), tag
    return lists


# A catalog's heading: a short line naming 通办 items, no sentence and no notice's title in it
_CATALOG_HEADING = re.compile(r"^[^\n，。；：:,;]{0,30}通办[^\n，。；：:,;]{0,20}$", re.M)
_TITLE_WORDS = ("关于", "通知", "意见", "方案", "办法", "决定")


def _catalog_lines(text: str) -> list[Found]:
    """A catalog page: a heading that names 通办 items (兴国县“跨省通办”事项目录) over one name a
    line, maybe with its body in a cell beside it. Every name must end like a service."""
    lists = []
    for heading in _CATALOG_HEADING.finditer(text):
        line = heading.group().strip()
        if not names_items(line) or any(word in line for word in _TITLE_WORDS):
            continue
        below = _past_date_lines(text, heading.end())
        spans = item_lines(text, [_first_cell(text, span) for span in line_names(text, below)])
        if len(spans) >= 2 and all(names_an_item(text[a:b]) for a, b in spans) and all_services(text, spans):
            lists.append(Found(spans, tags(line, "scope")))
    return lists


_DATE_LINE_MAX = 60  # 发布时间：2022-08-15 来源：县政务服务中心 between a heading and its list


def _past_date_lines(text: str, offset: int) -> int:
    """The end of the last publish line right under a heading (发布时间：…), or ``offset``:
    ``name_lines.line_names`` reads the lines after the line holding its offset."""
    position = offset
    while True:
        start = past_blank_lines(text, line_end(text, position) + 1)
        line = text[start : line_end(text, start)]
        if start >= len(text) or len(line) > _DATE_LINE_MAX or not find_full_dates(line):
            return position
        position = start


def _first_cell(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """A line's name without what its line sets beside it (婚姻登记档案查询\t县民政局)."""
    start, end = span
    tab = text.find("\t", start, end)
    return (start, tab) if tab >= 0 else span
