"""Service items (事项) from enumerations and from item tables.

Enumerations: "…、医保电子凭证申领等 16 个事项基本实现“跨省通办、省内通办”". The
counter after 等 must count *items*: 个 needs a counter noun (事项), and 项 must
not be followed by a noun that says the list is of something else (等20余项内容).
The list runs back to its clause start or to a lead verb (包括, 实现; ``list_bounds.py``),
and the stated count is checked against what was found.

Scope lists ("实现A、B“跨省通办”", no count) are read in ``scope_lists.py``.

Lists a phrase introduces (…事项有：A、B; a numbered list under a heading) are
read in ``item_lists.py``, tables in ``item_tables.py``; what makes a name an item's, in
``item_names.py``.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from extractors.column_lists import column_list_items
from extractors.dates import to_int
from extractors.heading_lists import names_items
from extractors.item_fields import field_items
from extractors.item_lists import introduced_lists
from extractors.item_names import (
    ITEM_SEPARATORS,
    MAX_ITEM_CHARS,
    all_services,
    before_bracket,
    cues,
    is_generic,
    join_halves,
    names_an_item,
    plausible,
    split_names,
    unnumbered,
)
from extractors.item_tables import table_items
from extractors.list_bounds import CLAUSE_MARKS, CLAUSE_START, COUNTER, SENTENCE_END, SENTENCE_MARKS, joiner_after, start_of_list
from extractors.list_changes import renamed_items, with_withdrawals, withdrawn_items
from extractors.name_notes import noted_ways
from extractors.records import ItemCountCheck, ItemMention
from extractors.scope_lists import scope_lists, verb_scope_lists
from extractors.scope_tags import tags
from extractors.shared_parts import completed_names
from extractors.text import alternation, mark_before, overlaps


# "完成A、B2个事项在我市落地": a count with no 等, right after the last name, before 事项.
# No 等 vouches for the list, so the count must match the names exactly (never a lone name).
# The look-behind for that last name is checked in code: opening the pattern with it would
# make the engine try every position.
@lru_cache(maxsize=1)
def _bare_counter() -> re.Pattern[str]:
    nouns = alternation(cues()["counter_noun"])
    scope = r"(?:“[^“”]{1,12}”)?"  # 2项“跨省通办”服务: a quoted scope may stand before the noun
    # 项 counts services too (A和B2项“跨省通办”服务); 个 does not (2个服务中心)
    # …和C三项。: 项 ending its clause counts the list before it, when the count matches exactly
    return re.compile(
        rf"(?P<count>[0-9]+|[一二三四五六七八九十两]+)(?P<unit>个|项)(?={scope}(?:{nouns})|(?<=项){scope}服务|(?<=项)[。；;])"
    )


_QUOTED_SCOPE = re.compile(r"^[“\"]?[^”\"]{0,12}[”\"]?")


def extract_items(text: str, skip: list[tuple[int, int]] = ()) -> tuple[list[ItemMention], list[ItemCountCheck]]:
    """Items and count checks; spans inside ``skip`` (flagged mojibake) are ignored."""
    items: list[ItemMention] = []
    checks: list[ItemCountCheck] = []
    for group, match in enumerate(COUNTER.finditer(text)):
        listed = _enumeration(text, match, group)
        listed = [item for item in listed if not overlaps(item.span, skip)]
        if listed:
            items.extend(listed)
            stated = listed[0].stated_count
            if stated is not None and match.group("more") is None:
                checks.append(ItemCountCheck(stated, len(listed), match.span()))
    bare = _bare_counted_lists(text, first_group=len(items) + 1, taken=[i.span for i in items])
    items.extend(item for item in bare if not overlaps(item.span, skip))
    items.extend(_kinds_items(text, first_group=len(items) + 1))
    scoped = scope_lists(text, first_group=len(items) + 1, taken=[i.span for i in items])
    items.extend(item for item in scoped if not overlaps(item.span, skip))
    led = verb_scope_lists(text, first_group=len(items) + 1, taken=[i.span for i in items])
    items.extend(item for item in led if not overlaps(item.span, skip))
    renamed = renamed_items(text, first_group=len(items) + 1, taken=[i.span for i in items])
    items.extend(item for item in renamed if not overlaps(item.span, skip))
    withdrawn = withdrawn_items(text, first_group=len(items) + 1, taken=[i.span for i in items])
    items.extend(item for item in withdrawn if not overlaps(item.span, skip))
    introduced, heading_checks = introduced_lists(text, first_group=len(items) + 1, taken=[i.span for i in items])
    checks.extend(heading_checks)
    items.extend(item for item in introduced if not overlaps(item.span, skip))
    items.extend(table_items(text, first_group=len(items) + 1))
    cells, cell_checks = column_list_items(text, first_group=len(items) + 1, taken=[i.span for i in items])
    items.extend(item for item in cells if not overlaps(item.span, skip))
    checks.extend(cell_checks)
    fields = field_items(text, first_group=len(items) + 1)
    items.extend(item for item in fields if not overlaps(item.span, [*skip, *(i.span for i in items)]))
    return with_withdrawals(text, [_with_noted_ways(text, item) for item in items]), checks


def _with_noted_ways(text: str, item: ItemMention) -> ItemMention:
    """异地就医备案（全程网办）: the scopes and modes a note after the name gives it."""
    scopes, modes = noted_ways(text, item.span[1])
    if not scopes and not modes:
        return item
    scope = item.scope + tuple(s for s in scopes if s not in item.scope)
    return replace(item, scope=scope, modes=item.modes + tuple(m for m in modes if m not in item.modes))


_KINDS = re.compile(r"等(?:[0-9]+|[一二三四五六七八九十两]+)种(?P<name>[\u4e00-\u9fff]{4,30})")


def _kinds_items(text: str, first_group: int) -> list[ItemMention]:
    """ "高血压、糖尿病…等5种门诊慢特病相关治疗费用跨省直接结算": the list counts kinds
    (diseases), and the item is the named service after them, when it ends like one."""
    endings = cues()["service_ending"]
    items = []
    for group, match in enumerate(_KINDS.finditer(text), start=first_group):
        name = match.group("name")
        if name.endswith(endings):
            span = match.span("name")
            items.append(ItemMention(name, span, "enumeration", scope=tags(name, "scope"), group=group))
    return items


def _counts_items(text: str, after: int, unit: str) -> bool:
    """Does the counter at ``after`` count service items?"""
    words = cues()
    rest = text[after : after + 30]
    if _bundle_noun(rest):
        return True
    # Skip a scope such as “跨省通办” between the counter and its noun, quoted or not.
    rest = rest[len(_QUOTED_SCOPE.match(rest).group()) :] if rest[:1] in '“"' else rest
    bare_scope = next((scope for scope in words["scope"] if rest.startswith(scope)), None)
    rest = rest[len(bare_scope) :] if bare_scope else rest
    if any(rest.startswith(noun) for noun in words["counter_noun"]):
        return True
    if unit in ("个", "类"):
        return False
    return not any(rest.startswith(noun) for noun in words["stop_noun"]) and not re.match(
        r"[\u4e00-\u9fff]{0,2}(?:省|市|县|区|地|人)", rest
    )


def _bundle_noun(rest: str) -> str:
    """The bundle noun right after a count, maybe quoted (3个“一件事”), or ""."""
    rest = rest.lstrip('“"')
    return next((noun for noun in cues()["bundle_noun"] if rest.startswith(noun)), "")


def _bundled(names: list[str], noun: str) -> list[str]:
    """Each counted piece as the bundle it names: 新生儿出生 of 新生儿出生、退休等2个“一件事” is
    新生儿出生一件事. A piece written in full (“退休一件事”) keeps its name."""
    if not noun:
        return names
    return [name if name.rstrip('”"').endswith(noun) else name + noun for name in names]


def _enumeration(text: str, match: re.Match[str], group: int) -> list[ItemMention]:
    if not _counts_items(text, match.end(), match.group("unit")):
        return []
    list_end = match.start()
    stated = to_int(match.group("count"))
    list_start = _back_over_semicolons(text, start_of_list(text, list_end), list_end, stated)
    list_start = _quoted_list_start(text, list_start, list_end)
    body = text[list_start:list_end]
    if "、" not in body and "；" not in body and len(body) > MAX_ITEM_CHARS:
        return []
    clause_end = CLAUSE_START.search(text, match.end())
    tail = clause_tail = _tail(text, match, clause_end.start() if clause_end else len(text))
    if not tags(tail, "scope"):
        # "…等115个事项，有望在10月底前实现川渝通办。": the scope comes a clause later.
        sentence_end = SENTENCE_END.search(text, match.end())
        tail = _tail(text, match, sentence_end.start() if sentence_end else len(text))
    # A等12项实现全程网办，B等6项实现异地代收代办: a mode in the list's own clause is its only one
    modes = tags(clause_tail, "mode") or tags(tail, "mode")
    scope, batch = tags(tail, "scope"), match.groupdict().get("batch")
    if not scope:
        # "新增的“跨省通办”事项包括：A、B等14项。": the sentence named the scope before the list.
        scope = tags(_lead_in(text, list_start), "scope") or _window_scope(text, list_start)
    counted = _counted_names(text, list_start, list_end, stated)
    spans = [unnumbered(text, span) for span in _names_before_commas(text, list_start, counted, stated) + counted]
    if stated is not None and spans and len(spans) == stated - 1:
        spans = _split_one_at_he(text, spans)
    if _names_no_noun(text, match) and not names_items(_lead_in(text, list_start)) and not all_services(text, spans):
        return []  # "包括满意度、办结率等两项。": a count of what, neither it nor the lead-in says
    names = [text[start:end] for start, end in spans]
    if stated is not None and len(spans) == stated:
        names = completed_names(names)  # 出生、死亡登记等2项: 出生登记 and 死亡登记
        names = _bundled(names, _bundle_noun(text[match.end() : match.end() + 30]))
    items = []
    for (start, end), name in zip(spans, names):
        if plausible(name) and not is_generic(before_bracket(name)):  # 社会保障类（…）: a category
            items.append(
                ItemMention(
                    name, (start, end), "enumeration", scope=scope, modes=modes, stated_count=stated, group=group, batch=batch
                )
            )
    return items


def _tail(text: str, match: re.Match[str], end: int) -> str:
    """What follows a count up to ``end``, where its scope is, but not past the joiner before
    another counted list (A等3个事项“跨省通办”以及B等2项服务“省内通办”: each list its own)."""
    if COUNTER.search(text, match.end(), end):
        end = joiner_after(text, match.end(), end) or end
    return text[match.end() : end]


def _names_no_noun(text: str, match: re.Match[str]) -> bool:
    """Does the count end its clause, with no 事项 or 服务 after it (…等两项。)?"""
    return text[match.end() : match.end() + 1] in CLAUSE_MARKS


def _quoted_list_start(text: str, start: int, end: int) -> int:
    """ "实现线下受理和经办“A、B、C”等8项": a list set in one pair of quotes starts inside them.
    Names quoted one by one (“A”、“B”等) have no separator in the last pair."""
    if text[end - 1 : end] != "”":
        return start
    opened = text.rfind("“", start, end - 1)
    if opened <= start or ITEM_SEPARATORS.search(text, opened, end - 1) is None:
        return start
    return opened + 1


def _counted_names(text: str, start: int, end: int, stated: int | None) -> list[tuple[int, int]]:
    """The list's names; where the count says a bare verb is an item of its own
    (“新申领、补换卡、…、信息变更、注销、…”等8项), it is not joined to the name before it."""
    spans = split_names(text, start, end)
    if stated is not None and len(spans) != stated:
        apart = split_names(text, start, end, share_objects=False)
        # one short of the count, a last piece "变更和注销" is split at its 和 (_split_one_at_he)
        if len(apart) == stated or (len(spans) < len(apart) == stated - 1):
            return apart
    return spans


def _window_scope(text: str, list_start: int) -> tuple[str, ...]:
    """ "“跨省通办”专窗已可办理A、B等58项事项": the scope of the window whose clause the list
    opens after a verb of handling, for what the window handles."""
    head = text[mark_before(text, list_start, CLAUSE_MARKS + SENTENCE_MARKS) : list_start]
    return tags(head, "scope") if _handled_at_a_window().search(head) else ()


@lru_cache(maxsize=1)
def _handled_at_a_window() -> re.Pattern[str]:
    windows = alternation(cues()["window"])
    return re.compile(rf"(?:{windows})[^，。；、]{{0,6}}?(?:办理|受理|办)$")


def _lead_in(text: str, list_start: int) -> str:
    """The sentence before a list, when it leads into the list (…事项包括：, …事项有)."""
    start = mark_before(text, list_start, SENTENCE_MARKS)
    lead = text[start:list_start]
    return lead if lead.rstrip("：: ").endswith(cues()["list_intro"]) else ""


def _bare_counted_lists(text: str, first_group: int, taken: list[tuple[int, int]]) -> list[ItemMention]:
    items: list[ItemMention] = []
    for group, match in enumerate(_bare_counter().finditer(text), start=first_group):
        before = text[match.start() - 1] if match.start() else ""
        if not "\u4e00" <= before <= "\u9fff" or before == "等" or overlaps(match.span(), taken):
            continue  # no name right before it, or a count 等 already vouched for
        listed = _enumeration(text, match, group)
        stated = listed[0].stated_count if listed else None
        # a count that ends its clause names no noun: every name must end like a service
        bare = text[match.end() : match.end() + 1] in "。；;" and not all_services(text, [i.span for i in listed])
        if stated and stated >= 2 and len(listed) == stated and not bare and not any(overlaps(i.span, taken) for i in listed):
            items.extend(listed)
    return items


def _names_before_commas(text: str, start: int, names: list[tuple[int, int]], stated: int | None) -> list[tuple[int, int]]:
    """ "新增户口迁移，异地就医备案，失业保险金申领等3项": a list set apart by commas. Where the
    names after the last comma fall short of the count, the clauses before it are names too if
    each is one service and together they make up the count exactly."""
    if not stated or len(names) >= stated or start < 2 or text[start - 1] not in "，,":
        return []
    before: list[tuple[int, int]] = []
    end = start - 1
    while len(before) + len(names) < stated:
        clause = (start_of_list(text, end), end)
        one = split_names(text, *clause)
        if len(one) != 1 or not all_services(text, one) or not names_an_item(text[one[0][0] : one[0][1]]):
            return []
        before.insert(0, one[0])
        if clause[0] < 2 or text[clause[0] - 1] not in "，,":
            break
        end = clause[0] - 1
    return before if len(before) + len(names) == stated else []


def _back_over_semicolons(text: str, start: int, end: int, stated: int | None) -> int:
    """ "实现（1）A；（2）B；（3）C等3项": ； separates the names too, so a counted list
    that falls short of its count goes back over the pieces before it, up to a comma, and
    never over a piece with a count of its own (A、B等22项事项可全程网办；C、D等18项…: a count
    says how many items in all, and names only examples of them), nor over one that names
    a scope of its own."""
    while stated and start > 1 and text[start - 1] in "；;" and len(split_names(text, start, end)) < stated:
        previous = start_of_list(text, start - 1)
        if previous >= start - 1 or any(comma in text[previous : start - 1] for comma in "，,"):
            break
        if COUNTER.search(text, previous, start - 1) or tags(text[previous : start - 1], "scope"):
            break  # …；市民政局负责婚姻登记“跨省通办”试点工作；: a clause with a scope of its own
        start = previous
    return start


def _split_one_at_he(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The stated count says one item is missing: the last name is "A和B", or any one
    name whose halves both end like a service (开具户籍类证明和工作调动户口迁移、…)."""
    for index, span in enumerate(spans):
        halves = _split_at_he(text, *span)
        if len(halves) == 2 and all_services(text, halves):
            return spans[:index] + halves + spans[index + 1 :]
    return spans[:-1] + _split_at_he(text, *spans[-1])


def _split_at_he(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """ "A和B" (or A及B, A与B) as two items, only when the stated count says one item is
    missing: 和 also sits inside names (人力资源和社会保障局)."""
    halves = join_halves(text[start:end], start)
    if halves is None or any(b - a < 2 for a, b in halves):
        return [(start, end)]
    return halves
