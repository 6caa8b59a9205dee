"""Seconds to build the registry from N synthetic mentions (default 1M).

Mentions are generated in DuckDB itself: 50k distinct item names spread over
20k documents, a third of them with a traditional-script raw spelling, so the
build does the same grouping, spelling ranking and list work as on real data.
Each mention is linked to a body and a deadline, as a table row's cells link it,
so the build also gathers every item's departments and due dates.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import duckdb

from pipeline.resources import duckdb_memory_limit
from warehouse import build_registry, migrate

_DOCUMENTS = """
INSERT INTO documents (doc_id, sha256, uri, version, kind, issued, fetched_at, loaded_at)
SELECT printf('%016x', i), printf('%064x', i), 'synthetic/' || i || '.txt', 1, 'txt',
       DATE '2020-01-01' + CAST(i % 1500 AS INTEGER), now(), now()
FROM range(?) t(i)
"""
# Every document at its own place: the registry counts current documents only.
_SOURCES = "INSERT INTO document_sources (doc_id, uri, version, first_seen) SELECT doc_id, uri, version, now() FROM documents"
_MENTIONS = """
INSERT INTO item_mentions (doc_id, ordinal, name, raw_name, item_key, main_item, method, scope, modes,
                           stated_count, list_group, context, span_start, span_end, raw_start, raw_end)
SELECT printf('%016x', i % ?), CAST(i // ? AS INTEGER),
       '事项' || (i * 7919) % ?, CASE WHEN i % 3 = 0 THEN '事項' || (i * 7919) % ? ELSE '事项' || (i * 7919) % ? END,
       '事项' || (i * 7919) % ?, '主项' || (i * 7919) % ? // 10, 'table',
       ['跨省通办'], [], NULL, 0, '', 0, 4, 0, 4
FROM range(?) t(i)
"""

# One body and one deadline a mention, at the mention's own ordinal, linked to it.
_BODIES = """
INSERT INTO department_mentions (doc_id, ordinal, name, canonical, role, context, span_start, span_end, raw_start, raw_end)
SELECT doc_id, ordinal, '市局' || ordinal % 40, '某市局' || ordinal % 40, 'responsible', '', 0, 2, 0, 2 FROM item_mentions
"""
_DEADLINES = """
INSERT INTO deadlines (doc_id, ordinal, text, kind, date, context, span_start, span_end, raw_start, raw_end)
SELECT doc_id, ordinal, '2021年底前', 'by', DATE '2021-12-31' + CAST(ordinal % 400 AS INTEGER), '', 0, 7, 0, 7
FROM item_mentions
"""
_LINKS = """
INSERT INTO item_links
SELECT doc_id, ordinal, 'department', ordinal FROM item_mentions
UNION ALL SELECT doc_id, ordinal, 'deadline', ordinal FROM item_mentions
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mentions", type=int, default=1_000_000)
    parser.add_argument("--items", type=int, default=50_000)
    parser.add_argument("--documents", type=int, default=20_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        config = {"memory_limit": duckdb_memory_limit()}  # the cap tongban's warehouse runs with
        conn = duckdb.connect(str(Path(folder) / "bench.duckdb"), config=config)
        migrate(conn)
        conn.execute(_DOCUMENTS, [args.documents])
        conn.execute(_SOURCES)
        n, d = args.items, args.documents
        conn.execute(_MENTIONS, [d, d, n, n, n, n, n, args.mentions])
        for sql in (_BODIES, _DEADLINES, _LINKS):
            conn.execute(sql)
        start = time.perf_counter()
        items = build_registry(conn)
        first = time.perf_counter() - start
        start = time.perf_counter()
        build_registry(conn)
        again = time.perf_counter() - start
        if items < args.items // 2:  # a build that skipped the mentions measures nothing
            raise SystemExit(f"only {items} registry items from {args.items} names: the bench data is wrong")
        print(
            f"| {args.mentions:,} mentions | {args.documents:,} documents | {items:,} items "
            f"| build {first:.2f} s | rebuild {again:.2f} s |"
        )


if __name__ == "__main__":
    main()
