"""Build the registries: ``registry_items`` (one row per real-world item) and
``registry_departments`` (one row per department), every source cited.

Mentions group by ``item_key`` (see :mod:`warehouse.keys`): script variants and
exact repeats share a key because mentions are keyed on normalized text.
Near-duplicates merge only through ``warehouse/data/item_aliases.tsv``, and
every key's fate is written to ``registry_merges`` with its reason. The
canonical name is the most frequent spelling of the merged key itself; aliases
keep every surface form, raw (traditional, noisy) ones included. Everything is
rebuilt in one transaction, in SQL, so it scales with DuckDB, not Python.

Only current documents count (``current_documents``: the newest version at
each uri): a notice corrected at the same address replaces its old version in
the registry, while the old version's rows stay in the tables as history.
"""

from __future__ import annotations

from importlib import resources

import duckdb

from warehouse.keys import item_key

OWN_KEY = "own key: same normalized name (script variants and exact repeats)"

_MERGES = f"""
INSERT INTO registry_merges
SELECT DISTINCT m.item_key, coalesce(a.canonical_key, m.item_key), coalesce(a.reason, '{OWN_KEY}')
FROM item_mentions m LEFT JOIN item_aliases a ON a.alias_key = m.item_key
"""

_ITEMS = """
INSERT INTO registry_items
WITH m AS (
    SELECT m.*, rm.merged_into AS registry_key, d.uri,
           coalesce(d.issued, d.published, CAST(d.fetched_at AS DATE)) AS doc_date
    FROM item_mentions m
    JOIN registry_merges rm USING (item_key)
    JOIN documents d USING (doc_id)
    WHERE m.doc_id IN (SELECT doc_id FROM current_documents)
),
spellings AS (
    SELECT registry_key, name, bool_or(item_key = registry_key) AS own, count(*) AS n
    FROM m GROUP BY registry_key, name
),
canonical AS (
    SELECT registry_key, name FROM (
        SELECT registry_key, name,
               row_number() OVER (PARTITION BY registry_key ORDER BY own DESC, n DESC, length(name), name) AS rank
        FROM spellings
    ) WHERE rank = 1
)
SELECT
    'item-' || substr(sha256(m.registry_key), 1, 12) AS item_id,
    coalesce(a.canonical, c.name) AS name,
    m.registry_key,
    -- a raw spelling without its layout blanks: 登 记 of a scraped table is no spelling of its own
    list_sort(list_distinct(list(m.name) || coalesce(
        list(regexp_replace(m.raw_name, '\\s+', '', 'g')) FILTER (WHERE m.raw_name IS NOT NULL AND m.raw_name <> ''), []
    ))),
    -- a filtered list() over no rows is NULL, not []: coalesce keeps the column a list
    list_sort(list_distinct(coalesce(list(m.main_item) FILTER (WHERE m.main_item IS NOT NULL), []))),
    list_sort(list_distinct(flatten(list(m.scope)))),
    list_sort(list_distinct(flatten(list(m.modes)))),
    list_sort(list_distinct(list(m.doc_id))),
    list_sort(list_distinct(list(m.uri))),
    count(*),
    count(DISTINCT m.doc_id),
    min(m.doc_date),
    max(m.doc_date),
    now()
FROM m
JOIN canonical c USING (registry_key)
LEFT JOIN (SELECT DISTINCT canonical_key, canonical FROM item_aliases) a ON a.canonical_key = m.registry_key
GROUP BY m.registry_key, c.name, a.canonical
"""

_DEPARTMENTS = """
INSERT INTO registry_departments
SELECT
    'dept-' || substr(sha256(canonical), 1, 12),
    canonical,
    list_sort(list_distinct(list(name))),
    list_sort(list_distinct(list(role))),
    count(*) FILTER (WHERE role = 'lead'),
    count(*) FILTER (WHERE role = 'cooperate'),
    count(*) FILTER (WHERE role = 'responsible'),
    count(*),
    list_sort(list_distinct(list(doc_id))),
    count(DISTINCT doc_id),
    now()
FROM department_mentions
WHERE doc_id IN (SELECT doc_id FROM current_documents)
GROUP BY canonical
"""


def alias_rows() -> list[tuple[str, str, str, str, str]]:
    """Rows of the merge table, keyed the way mentions are keyed."""
    text = resources.files("warehouse").joinpath("data", "item_aliases.tsv").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    rows = []
    for line in lines[1:]:
        alias, canonical, reason = (line.split("\t") + ["", ""])[:3]
        rows.append((item_key(alias), item_key(canonical), alias, canonical, reason or "listed in item_aliases.tsv"))
    return rows


def build_registry(conn: duckdb.DuckDBPyConnection) -> int:
    """Rebuild both registries from all mentions; returns the number of items."""
    conn.execute("BEGIN TRANSACTION")
    try:
        for table in ("item_aliases", "registry_merges", "registry_items", "registry_departments"):
            conn.execute(f"DELETE FROM {table}")
        conn.executemany("INSERT INTO item_aliases VALUES (?, ?, ?, ?, ?)", alias_rows())
        conn.execute(_MERGES)
        conn.execute(_ITEMS)
        conn.execute(_DEPARTMENTS)
        conn.execute("COMMIT")
    except Exception:
        conn.execute("ROLLBACK")
        raise
    return conn.execute("SELECT count(*) FROM registry_items").fetchone()[0]
