"""Official names of local bodies where they differ from place + the generic full form.

The alias table (``data/department_bodies.tsv``) reads 省大数据局 as 大数据管理局, the commonest full
form; a few provinces named theirs otherwise (浙江省大数据发展管理局, 山东省大数据局). The rows are
data (``data/provincial_body_names.tsv``), and only the province's own body is renamed: a city's
body of the same kind has its own name.

A body a central one runs itself is named under it (``data/vertical_bodies.tsv``): 省税务局 is
国家税务总局广东省税务局, so the short and the full form are one body in the registry.
"""

from __future__ import annotations

from functools import lru_cache

from extractors.datafiles import load_table


@lru_cache(maxsize=1)
def _official_names() -> dict[str, str]:
    rows = load_table("provincial_body_names.tsv")
    return {row["province"] + row["body"]: row["province"] + row["official"] for row in rows}


@lru_cache(maxsize=1)
def _central_of() -> dict[str, str]:
    return {row["body"]: row["central"] for row in load_table("vertical_bodies.tsv")}


_NOT_ONE_PLACE = "各全本我该、（("  # 各市, 全省, 本市, 市、县: a class or an unresolved word, not a place


def official_name(canonical: str, place: str = "") -> str:
    """浙江省大数据管理局 -> 浙江省大数据发展管理局; 广东省税务局 (``place`` 广东省) ->
    国家税务总局广东省税务局; any other name as it is."""
    name = _official_names().get(canonical, canonical)
    if not place or not name.startswith(place) or len(place) < 2:
        return name
    central = _central_of().get(name[len(place) :])
    if central is None or any(char in _NOT_ONE_PLACE for char in place):
        return name
    return central + name
