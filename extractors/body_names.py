"""Official names of provincial bodies where they differ from the generic full form.

The alias table (``data/department_bodies.tsv``) reads 省大数据局 as 大数据管理局, the commonest full
form; a few provinces named theirs otherwise (浙江省大数据发展管理局, 山东省大数据局). The rows are
data (``data/provincial_body_names.tsv``), and only the province's own body is renamed: a city's
body of the same kind has its own name.
"""

from __future__ import annotations

from functools import lru_cache

from extractors.datafiles import load_table


@lru_cache(maxsize=1)
def _official_names() -> dict[str, str]:
    rows = load_table("provincial_body_names.tsv")
    return {row["province"] + row["body"]: row["province"] + row["official"] for row in rows}


def official_name(canonical: str) -> str:
    """浙江省大数据管理局 -> 浙江省大数据发展管理局; any other name as it is."""
    return _official_names().get(canonical, canonical)
