"""Items a sentence renames: "将“异地就医登记备案”事项名称调整为“基本医疗保险参保人员异地就医备案”".

A notice that adjusts a list renames items in its running text as often as in a table
(原事项名称 | 调整后事项名称: ``item_tables.py``). The new name is the item's mention, the old one
its ``former_name``: the registry keeps one item, and the old name as an alias of it. Both names
are quoted and must read as names of services, so "将“一网通办”调整为…" renames no item.
"""

from __future__ import annotations

import re
from functools import lru_cache

from extractors.item_names import names_an_item, reads_as_service
from extractors.records import ItemMention
from extractors.text import alternation, overlaps

_QUOTED = r"[“\"‘](?P<{}>[^“”\"‘’\n]{{2,40}})[”\"’]"


@lru_cache(maxsize=1)
def _renamed() -> re.Pattern[str]:
    """“A”(事项)(名称)调整为“B” and its verbs (变更为, 修改为, 更名为)."""
    verbs = alternation(["调整为", "变更为", "修改为", "更名为", "改为", "统一为"])
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


def _names_a_service(old: str, new: str) -> bool:
    """Both names name an item, and one of them reads as a service (a rename may bring in or
    drop the verb that ends a name the way services do: …档案转递 / …档案转移接收)."""
    return names_an_item(old) and names_an_item(new) and (reads_as_service(old) or reads_as_service(new))
