"""Scope lists: lists with no count that a sentence gives a 通办 scope.

"实现A、B“跨省通办”" names items with no count: a lead verb must open the list, or the list is
the subject of its verb ("A、B已实现“跨省通办”", "A、B等事项已纳入“跨省通办”清单"), and then every
name must end like a service (备案, 申领). Generic names (政务服务事项), descriptions and domains
(推进社会保障“跨省通办”) are no list. Counted lists are read in ``items.py``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from extractors.item_names import (
    all_services,
    cues,
    names_an_item,
    names_nothing,
    split_names,
    split_services_at_he,
)
from extractors.list_bounds import CLAUSE_MARKS, CLAUSE_START, COUNTER, SENTENCE_END, start_of_list
from extractors.records import ItemMention
from extractors.scope_tags import cues_in, regional_scopes, tags
from extractors.text import alternation, overlaps

_BUSINESS_END = re.compile(f"[{CLAUSE_MARKS.replace('：', '').replace(':', '')}]|$")  # a colon opens a list

_JOINT_REACH = 16  # the longest joint: 等高频政务服务事项纳入“
_JOINT_REACH_PAST_A_GOAL = 32  # …“一件事一次办”和“: another quoted goal before the scope


@lru_cache(maxsize=1)
def _after_scope() -> re.Pattern[str]:
    """After the scope: the clause's end, maybe after a noun that keeps the list one of
    items (“跨省通办”试点), or what 纳入 puts the list into (范围, 事项清单, 清单)."""
    nouns = alternation(cues()["scope_noun"])
    ends = r"(?:$|[，,。；;：:！？\n\t])"
    # "办理A、B等“跨省通办”事项。", "…等“跨省通办”事项已上线": 事项 after the scope, where 等
    # joins the list to it (not 事项清单: what 纳入 puts a list into)
    items = r"(?P<items>事项|业务)(?!清单|目录)"
    # spoken, the scope may be the verb's: "…就能“跨省通办”了。"
    return re.compile(rf"[”\"’]?(?:{items}|(?:{nouns})?了?(?:{ends}|(?P<range>范围|事项清单|清单|事项目录)))")


# "推动A、B在全国范围内“跨省通办”": where the services can be done, between the list and its
# scope. Open (在长三角地区) only after 在 or 于, so no name's last characters are taken for it;
# or a place near the applicant (在家门口, 就近: item_cues.tsv subject_where).
_WHERE_OPEN = r"(?:(?:在|于)[\u4e00-\u9fff]{1,8}?(?:范围内|地区|区域内|范围)|(?:全国|全省|全市|全区|全县)范围内)"

_SUBJECT_ADVERBS = 3  # 现在也都能: adverbs a subject list's verb may take, before and after where


def _closing_nouns() -> str:
    """The nouns that close a list after 等 (等事项, 等服务), counted or not, as an alternation."""
    return alternation([*cues()["counter_noun"], *cues()["joint_noun"]])


@lru_cache(maxsize=1)
def _before_scope() -> re.Pattern[str]:
    """Between a list and its scope: "…等高频事项“跨省通办”" (a counter noun), "将…纳入“省内通办”"."""
    words = cues()
    nouns = _closing_nouns()
    where = rf"(?:{_WHERE_OPEN}|{alternation(words['subject_where'])})"
    # "A、B已实现“跨省通办”": the list is the subject of its own verb, maybe after a few adverbs
    # (现在都能, 也都实现了); 已在全国范围内实现, 在家门口就能
    adverbs = rf"(?:{alternation(words['subject_adverb'])}){{0,{_SUBJECT_ADVERBS}}}"
    subject_verb = rf"{adverbs}{where}?{adverbs}(?:{alternation(words['subject_verb'])})了?"
    # not the 可 of a name's 许可 or 认可 (排污许可“跨省通办”)
    verb = rf"(?P<verb>(?<![许认]){subject_verb})"
    # "…等服务事项的“跨省通办”": a counter noun may take 的 before the scope
    # "…社保卡申领“一件事一次办”和“跨省通办”": another quoted goal may stand between
    other_goal = r"(?:“[^“”]{1,12}”[和及、])?"
    # "A、B等事项已纳入“跨省通办”清单": 已 before 纳入 makes the list its subject, as 将 before the list
    # makes it its object
    # 已全部纳入: two adverbs may stand before it
    into = rf"(?P<into>(?P<into_adverb>(?:{alternation(words['subject_adverb'])}){{1,2}})?纳入)"
    # "办理A、B等业务，实现“省内通办”": a closed list, a comma, and the verb that gives it the scope;
    # spoken, "像A、B这些事，在家门口就能“跨省通办”了" (the comma may go: A、B这些事都能…)
    these = rf"这(?:些|类|几类|几项|几件|几个)(?:{nouns}|事情|事儿|事)"
    closed = rf"(?:等(?:{nouns})[，,]|{these}[，,]?)(?={subject_verb})"
    return re.compile(rf"(?:{closed}|等(?:(?:{nouns})的?)?)?{_WHERE_OPEN}?(?:{into}|{verb})?{other_goal}[“\"‘]?$")


@lru_cache(maxsize=16)
def _scope_group(regional: tuple[str, ...] = (), modes: bool = False) -> re.Pattern[str]:
    """One or more scopes joined by 、 (“跨省通办、省内通办”) or each in its own quotes
    (“跨省通办”“省内通办”). ``regional``: the regions' scopes the text names (湘赣通办), as
    literals: a pattern for any of them would cost the scan its speed. ``modes``: a 通办 mode
    (全程网办) ends a list too."""
    words = sorted(
        {*cues()["scope"], *cues()["scope_verb"], *regional, *(cues()["mode"] if modes else ())}, key=len, reverse=True
    )
    scope = "|".join(map(re.escape, words))
    return re.compile(rf"(?:{scope})(?:(?:[、和及]|”“|\"\")(?:{scope}))*")


def scope_lists(text: str, first_group: int, taken: list[tuple[int, int]]) -> list[ItemMention]:
    """Lists with no count that a sentence ends by giving a 通办 scope:
    "实现养老保险关系转移接续、职业资格证书核验“跨省通办”。" A lead verb must open
    the list; a scope that qualifies a noun ("跨省通办"合作, 窗口, 事项) does not
    count, and neither does a list with any piece that is a description (…相关的…),
    a generic phrase (政务服务事项) or a category (工作类事项)."""
    items: list[ItemMention] = []
    regional = tuple(sorted(set(regional_scopes(text))))
    # In a 通办 notice a list may end on a mode alone: 推动A、B等事项实现“全程网办”. Elsewhere
    # 全程网办 is any online service (一网通办 reforms), no 通办 item.
    modes = _scope_group(regional).search(text) is not None
    for group, marker in enumerate(_scope_group(regional, modes).finditer(text), start=first_group):
        if text[max(0, marker.start() - 2) : marker.start()] in ("”“", '""'):
            continue  # “一网通办”“跨省通办”: a quoted goal stands right before, no list
        past_goal = text[max(0, marker.start() - 3) : marker.start()] in ("”和“", "”及“", "”、“")
        reach = _JOINT_REACH_PAST_A_GOAL if past_goal else _JOINT_REACH
        joint = _before_scope().search(text, max(0, marker.start() - reach), marker.start())
        after = _after_scope().match(text, marker.end())
        if after is None or (after.group("range") and not (joint and joint.group("into"))):
            continue
        joined = bool(after.group("items")) and joint is not None and joint.group().startswith("等")
        if after.group("items") and not joined and not _business_ends_clause(text, after):
            continue  # "加强“跨省通办”事项管理": the scope qualifies 事项, no list before it
        list_end = joint.start() if joint else marker.start()
        list_start = start_of_list(text, list_end)
        led = _opens_with_lead_verb(text, list_start) or _follows_a_led_list(items, text, list_start)
        # "A、B已实现“跨省通办”" (the list is its verb's subject), "A、B等“跨省通办”事项" (等 joins
        # it to the items): no lead verb, so every name must end like a service. Without 等,
        # "开通A“跨省通办”业务。" ends its clause on the noun, and its lead verb vouches for it.
        subject = joint is not None and (joint.group("verb") is not None or joined or joint.group("into_adverb") is not None)
        if not (led or subject) or overlaps((list_start, list_end), taken):
            continue
        spans = split_services_at_he(text, split_names(text, list_start, list_end))
        if not spans or not all(names_an_item(text[start:end]) for start, end in spans):
            continue
        if all(names_nothing(text[start:end]) for start, end in spans):
            continue  # 负责受理、审核“跨省通办”申请: stages of handling, no service named
        # Every name must end like a service: a subject list has no lead verb to vouch for it,
        # and a lead verb also leads a domain (推进社会保障“跨省通办”, 推动婚育、养老“跨省通办”).
        if not all_services(text, spans):
            continue
        clause_end = CLAUSE_START.search(text, after.end())
        # a region's scope is the whole marker (“湘赣边区域通办”, not the 区域通办 inside it)
        scope = (marker.group(),) if marker.group() in regional else tuple(cues_in(_as_scope(marker.group()), "scope"))
        ways = tags(marker.group() + text[marker.end() : clause_end.start() if clause_end else len(text)], "mode")
        items.extend(ItemMention(text[a:b], (a, b), "enumeration", scope=scope, modes=ways, group=group) for a, b in spans)
    return items


def _as_scope(words: str) -> str:
    """The scope a scope verb gives (可跨省办理: 跨省通办); scopes stay themselves."""
    for verb in cues()["scope_verb"]:
        if verb.endswith(_HANDLE) and verb[: -len(_HANDLE)] + _SCOPE_END in cues()["scope"]:
            words = words.replace(verb, verb[: -len(_HANDLE)] + _SCOPE_END)
    return words


_HANDLE, _SCOPE_END = "办理", "通办"


@lru_cache(maxsize=1)
def _scope_verb_first() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """ "群众可在专窗跨省办理A、B等业务": the scope verb (a scan for it is fast: it is rare), the
    modal and where before it, and what closes the list after it."""
    words = cues()
    verb = re.compile(alternation(words["scope_verb"]))
    # not the 可 of 许可 or 认可; where it is done may stand between (可在专窗跨省办理)
    modal = re.compile(r"(?<![许认])(?:可以?|能够?)(?:在[^，。；、,;：:\n]{1,8}?)?$")
    nouns = _closing_nouns()
    return verb, modal, re.compile(rf"等(?:{nouns})$")


_MODAL_REACH = 12  # 可以在市民之家专窗: the longest modal and where before a scope verb


def verb_scope_lists(text: str, first_group: int, taken: list[tuple[int, int]]) -> list[ItemMention]:
    """Lists after a verb that holds their scope: "可跨省办理户口迁移、居民身份证换领等业务。".
    No count vouches for the list, so every name must end like a service; a counted one
    (…等3项业务) is the counted reader's, one that opens with a colon the colon reader's."""
    items: list[ItemMention] = []
    verb, modal, closer = _scope_verb_first()
    for group, match in enumerate(verb.finditer(text), start=first_group):
        if modal.search(text, max(0, match.start() - _MODAL_REACH), match.start()) is None:
            continue
        clause_end = CLAUSE_START.search(text, match.end())
        end = clause_end.start() if clause_end else len(text)
        opens_a_colon_list = clause_end is not None and clause_end.group() in "：:"
        if opens_a_colon_list or COUNTER.search(text, match.end(), end):
            continue
        closed = closer.search(text, match.end(), end)
        list_end = closed.start() if closed else end
        if overlaps((match.end(), list_end), taken):
            continue
        spans = split_services_at_he(text, split_names(text, match.end(), list_end))
        if not spans or not all(names_an_item(text[a:b]) for a, b in spans) or not all_services(text, spans):
            continue
        scope = tuple(cues_in(_as_scope(match.group()), "scope"))
        ways = tags(text[match.end() : end], "mode")
        items.extend(ItemMention(text[a:b], (a, b), "enumeration", scope=scope, modes=ways, group=group) for a, b in spans)
    return items


def _business_ends_clause(text: str, after: re.Match[str]) -> bool:
    """ "开通A“跨省通办”业务，": 业务 ends the clause, the services before it are the list. Not
    事项 (推出第二批“省内通办”事项。 names a batch), nor before a colon (…以下三项“跨省通办”事项：
    opens the list after it)."""
    return after.group("items") == "业务" and _BUSINESS_END.match(text, after.end()) is not None


def _follows_a_led_list(items: list[ItemMention], text: str, list_start: int) -> bool:
    """ "推动A、B“跨省通办”，C、D“省内通办”": a list right after the previous one's scope
    and a comma has that list's lead verb."""
    if text[max(0, list_start - 2) : list_start] not in ("”，", "”,"):
        return False
    if not items or not text.endswith(cues()["scope"], 0, list_start - 2):
        return False  # the quote before the comma must close a scope
    return SENTENCE_END.search(text, items[-1].span[1], list_start) is None


def _opens_with_lead_verb(text: str, list_start: int) -> bool:
    if text.startswith("了", list_start - 1):
        list_start -= 1  # 开展了A“跨省通办”试点
    return text[max(0, list_start - 4) : list_start].endswith(cues()["lead_verb"])
