"""Merge rows for items a notice renamed (原事项名称 | 调整后事项名称, “A”更名为“B”).

A rename is an official statement that two names are one item, so it merges the old name's
mentions into the new name's item the way a row of ``item_aliases.tsv`` does, with the notice
as its reason. The data file's rows win over a rename; a name renamed into two (驾驶证补换领 into
机动车驾驶证补领 and …换领) merges into neither, since nothing says which; chains (A into B, B into
C) end at the last name, the newest notice deciding where two disagree.
"""

from __future__ import annotations

import duckdb

from warehouse.keys import item_key

_RENAMES = """
SELECT m.former_name, m.item_key, m.name, d.uri
FROM item_mentions m JOIN documents d USING (doc_id)
WHERE m.former_name IS NOT NULL AND m.doc_id IN (SELECT doc_id FROM current_documents)
ORDER BY coalesce(d.issued, d.published, CAST(d.fetched_at AS DATE)), d.uri, m.ordinal
"""

_MAX_CHAIN = 16  # renames followed from one name: a cycle (A into B, B into A) stops here


def rename_rows(conn: duckdb.DuckDBPyConnection, listed: dict[str, str]) -> list[tuple[str, str, str, str, str]]:
    """(alias key, canonical key, alias, canonical, reason) for every unambiguous rename;
    ``listed`` maps the data file's alias keys to their canonical keys."""
    renamed: dict[str, tuple[str, str, str, str]] = {}  # old key -> (new key, old, new, uri), newest last
    split: set[str] = set()
    for former, key, name, uri in conn.execute(_RENAMES).fetchall():
        old = item_key(former)
        if old == key or old in listed:
            continue
        earlier = renamed.get(old)
        if earlier and earlier[3] == uri and earlier[0] != key:
            split.add(old)  # one notice renames it into two
        renamed[old] = (key, former, name, uri)
    rows = []
    for old, (key, former, name, uri) in renamed.items():
        if old in split:
            continue
        target = _last_name(key, renamed, listed, split)
        if target != old:
            rows.append((old, target, former, name, f"renamed by {uri}: {former} -> {name}"))
    return rows


def _last_name(key: str, renamed: dict[str, tuple[str, str, str, str]], listed: dict[str, str], split: set[str]) -> str:
    """Where a chain of renames from ``key`` ends, through the data file's aliases too."""
    for _ in range(_MAX_CHAIN):
        if key in renamed and key not in split:
            key = renamed[key][0]
        elif key in listed:
            key = listed[key]
        else:
            break
    return key
