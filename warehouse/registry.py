"""Build ``registry_items``: one row per real-world item, every source cited.

Mentions group by ``item_key`` (see :mod:`warehouse.keys`): script variants
and exact repeats fold into one key because mentions are keyed on normalized
text. The canonical name is the most frequent normalized spelling; aliases keep
every surface form, raw (traditional, noisy) ones included. The whole table is
rebuilt in one transaction, in SQL, so it scales with DuckDB, not Python.
"""

from __future__ import annotations

import duckdb

_BUILD = """
INSERT INTO registry_items
WITH m AS (
    SELECT m.*, d.uri, coalesce(d.issued, d.published, CAST(d.fetched_at AS DATE)) AS doc_date
    FROM item_mentions m JOIN documents d USING (doc_id)
),
spellings AS (
    SELECT item_key, name, count(*) AS n FROM m GROUP BY item_key, name
),
canonical AS (
    SELECT item_key, name FROM (
        SELECT item_key, name, row_number() OVER (PARTITION BY item_key ORDER BY n DESC, length(name), name) AS rank
        FROM spellings
    ) WHERE rank = 1
)
SELECT
    'item-' || substr(sha256(m.item_key), 1, 12) AS item_id,
    c.name,
    m.item_key,
    list_sort(list_distinct(list(m.name) || list(m.raw_name) FILTER (WHERE m.raw_name IS NOT NULL AND m.raw_name <> ''))) AS aliases,
    list_sort(list_distinct(list(m.main_item) FILTER (WHERE m.main_item IS NOT NULL))) AS main_items,
    list_sort(list_distinct(flatten(list(m.scope)))) AS scope,
    list_sort(list_distinct(flatten(list(m.modes)))) AS modes,
    list_sort(list_distinct(list(m.doc_id))) AS doc_ids,
    list_sort(list_distinct(list(m.uri))) AS source_uris,
    count(*) AS mention_count,
    count(DISTINCT m.doc_id) AS document_count,
    min(m.doc_date) AS first_seen,
    max(m.doc_date) AS last_seen,
    now() AS built_at
FROM m JOIN canonical c USING (item_key)
GROUP BY m.item_key, c.name
"""


def build_registry(conn: duckdb.DuckDBPyConnection) -> int:
    """Rebuild the registry from all mentions; returns the number of items."""
    conn.execute("BEGIN TRANSACTION")
    try:
        conn.execute("DELETE FROM registry_items")
        conn.execute(_BUILD)
        conn.execute("COMMIT")
    except Exception:
        conn.execute("ROLLBACK")
        raise
    return conn.execute("SELECT count(*) FROM registry_items").fetchone()[0]
