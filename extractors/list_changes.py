"""What a notice that adjusts a list does to its items: renames and withdrawals.

A rename ("将“异地就医登记备案”事项名称调整为“基本医疗保险参保人员异地就医备案”") names the
item by its new name, with the old one as its ``former_name``: the registry keeps one item, the
old name an alias of it. (A table of 原事项名称 | 调整后事项名称 is read in ``item_tables.py``, by
the column and cell readers at the end of this module.)
Both names are quoted, both must name an item and one read as a service's, so
"将“一网通办”调整为…" renames no item.

A withdrawal ("取消A、B等2项“跨省通办”事项", "取消“A”事项", "将“A”移出“跨省通办”事项清单", or a
table under 三、取消事项, with a 取消原因 column, or rows under such a group heading) marks its items
``withdrawn``: the registry then says which notice withdrew an item that no later
notice lists again. The verbs are data (item_cues.tsv rename_verb, withdraw_verb, withdraw_into,
change_verb).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from extractors.item_names import cues, names_an_item, plausible, reads_as_service, undecorated
from extractors.list_bounds import CLAUSE_START
from extractors.name_notes import trailing_note
from extractors.records import ItemMention
from extractors.text import alternation, overlaps

_QUOTED = r"[“\"‘](?P<{}>[^“”\"‘’\n]{{2,40}})[”\"’]"


@lru_cache(maxsize=1)
def _renamed() -> re.Pattern[str]:
    """“A”(事项)(名称)调整为“B” and its verbs (变更为, 修改为, 更名为)."""
    verbs = alternation(cues()["rename_verb"])
    between = r"(?:事项)?(?:的)?(?:名称)?(?:统一)?"
    return re.compile(_QUOTED.format("old") + between + rf"(?:{verbs})" + _QUOTED.format("new"))


def renamed_items(text: str, first_group: int, taken: list[tuple[int, int]]) -> list[ItemMention]:
    """The new name of every item a sentence renames, with its old name."""
    items = []
    for group, match in enumerate(_renamed().finditer(text), start=first_group):
        old, new = match.group("old"), match.group("new")
        if overlaps(match.span("new"), taken) or not _names_a_service(old, new):
            continue
        items.append(ItemMention(new, match.span("new"), "rename", group=group, former_name=old))
    return items


def _names_a_service(*names: str) -> bool:
    """Every name names an item, none a scope or mode (将“异地就医备案”调整为“全程网办” changes how
    it is done), and one reads as a service's (a rename may bring in or drop the verb that ends a
    name the way services do: …档案转递 / …档案转移接收)."""
    ways = (*cues()["scope"], *cues()["mode"])
    if any(name in ways for name in names):
        return False
    return all(names_an_item(name) for name in names) and any(reads_as_service(name) for name in names)


@lru_cache(maxsize=1)
def _withdrawn_quoted() -> re.Pattern[str]:
    """取消“A”事项 / 将“A”移出“跨省通办”事项清单: one quoted name a sentence withdraws."""
    verbs = alternation(cues()["withdraw_verb"])
    into = alternation(cues()["withdraw_into"])
    cancelled = rf"(?:{verbs})" + _QUOTED.format("first") + r"(?:事项)?(?=[，,。；;、和及]|$)"
    moved = r"将" + _QUOTED.format("second") + rf"(?:事项)?(?:{into})"
    return re.compile(rf"{cancelled}|{moved}")


def withdrawn_items(text: str, first_group: int, taken: list[tuple[int, int]]) -> list[ItemMention]:
    """The quoted items a sentence withdraws (取消“A”事项), outside ``taken``."""
    items = []
    for group, match in enumerate(_withdrawn_quoted().finditer(text), start=first_group):
        which = "first" if match.group("first") is not None else "second"
        name, span = match.group(which), match.span(which)
        if overlaps(span, taken) or not _names_a_service(name):
            continue
        items.append(ItemMention(name, span, "withdrawal", group=group, withdrawn=True))
    return items


def with_withdrawals(text: str, items: list[ItemMention]) -> list[ItemMention]:
    """The items of every list a withdraw verb leads (取消A、B等2项“跨省通办”事项) marked withdrawn."""
    firsts: dict[int, int] = {}  # each list's first name: where a verb leading it stands before
    lasts: dict[int, int] = {}  # and its last name's end: what the verb takes away may follow
    for item in items:
        if item.group is not None:
            firsts[item.group] = min(firsts.get(item.group, item.span[0]), item.span[0])
            lasts[item.group] = max(lasts.get(item.group, item.span[1]), item.span[1])
    led = {
        group
        for group, start in firsts.items()
        if _led_by_withdrawal(text, start) and not _takes_something_of_them(text, lasts[group])
    }
    if not led:
        return items
    return [replace(item, withdrawn=True) if item.group in led else item for item in items]


def _led_by_withdrawal(text: str, start: int) -> bool:
    """Does a withdraw verb (取消, 删除; maybe 以下) stand right before ``start``?"""
    return _withdraw_head().search(text, max(0, start - _HEAD_REACH), start) is not None


def _takes_something_of_them(text: str, end: int) -> bool:
    """取消A、B等2项事项的收费: what the verb takes away is the items' fee, not the items — a 的
    after the list, in its clause."""
    clause = CLAUSE_START.search(text, end)
    return "的" in text[end : clause.start() if clause else len(text)]


_HEAD_REACH = 8  # 不再保留以下: the longest withdraw verb and what may follow it before the list


@lru_cache(maxsize=1)
def _withdraw_head() -> re.Pattern[str]:
    return re.compile(rf"(?:{alternation(cues()['withdraw_verb'])})(?:以下|下列)?$")


@lru_cache(maxsize=1)
def _withdrawing_heading() -> re.Pattern[str]:
    """三、取消事项 / 附件3：取消的“跨省通办”事项清单 / 调出清单的事项 / a 取消原因 column."""
    verbs = alternation([*cues()["withdraw_verb"], *cues()["withdraw_into"]])
    return re.compile(rf"(?:{verbs})(?:的)?[^，。；\n]{{0,10}}?(?:事项|清单|目录)|(?:{verbs})(?:原因|依据|理由)")


def withdraws(heading: str) -> bool:
    """Does a table's caption, group heading or header cell say its rows are withdrawn?"""
    return _withdrawing_heading().search(heading) is not None


@lru_cache(maxsize=1)
def _change_heading() -> re.Pattern[str]:
    verbs = alternation([*cues()["withdraw_verb"], *cues()["change_verb"]])
    return re.compile(rf"^(?:{verbs})(?:的)?[^，。；\n]{{0,6}}?事项$")


def names_a_change(heading: str) -> bool:
    """一、新增事项 / 二、取消事项 over a table's rows says what the notice does to them, not
    what kind of item they are (社会保障类): no category."""
    return _change_heading().match(heading) is not None


def former_column(cells: list[str]) -> int | None:
    """The column of the names a renaming table's rows had before (原事项名称, 调整前名称), where
    another column holds the names after: a header cell of a name header or 名称 that opens with
    a former marker (item_cues.tsv former_marker)."""
    headers = (*cues()["name_header"], "名称")
    for index, cell in enumerate(cells):
        text = cell.strip()
        if text.startswith(cues()["former_marker"]) and any(header in text for header in headers):
            others = (other for column, other in enumerate(cells) if column != index)
            if any(header in other for other in others for header in headers):
                return index
    return None


def former_name(cell: str, name: str) -> str | None:
    """The row's former name, without a list's marks and a note after it; none where the row
    kept its name (only its body or scope changed) or the cell names nothing."""
    lead, end = undecorated(cell, 0, len(cell))
    former = cell[lead:end]
    note = trailing_note(former, 0, len(former))
    former = former[: note[0]].rstrip() if note is not None else former
    return former if former and former != name and plausible(former) else None
