"""Idempotent writes: one document's rows replace its old rows in one transaction.

Re-ingesting the same bytes gives the same rows; a crash mid-write leaves the
previous state (DuckDB rolls the transaction back). Errors are keyed by what
failed, so a re-run replaces an error row instead of adding a second one, and
a document that loads clears the errors its uri had before.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import duckdb

from sources.models import IngestError
from warehouse.keys import error_id
from warehouse.rows import DocumentRows

_CHILD_TABLES = {
    "items": "item_mentions",
    "count_checks": "item_count_checks",
    "deadlines": "deadlines",
    "departments": "department_mentions",
    "sections": "sections",
    "tasks": "tasks",
    "task_links": "task_links",
    "item_links": "item_links",
}


def _column_types(conn: duckdb.DuckDBPyConnection) -> dict[str, dict[str, str]]:
    """table -> column -> SQL type, for the warehouse's own tables: one query per batch, not one per table."""
    query = (
        "SELECT table_name, column_name, data_type FROM duckdb_columns() "
        "WHERE database_name = current_database() AND schema_name = current_schema()"
    )
    types: dict[str, dict[str, str]] = {}
    for table, column, data_type in conn.execute(query).fetchall():
        types.setdefault(table, {})[column] = data_type
    return types


def _insert(
    conn: duckdb.DuckDBPyConnection, table: str, rows: list[dict[str, Any]], types: dict[str, str], verb: str = "INSERT"
) -> None:
    """Rows as one typed list parameter per column, zipped back into rows by
    DuckDB's ``unnest`` (several unnests in one SELECT advance together).

    Binding rows one by one (``executemany``) cost about 0.14 ms per row. One
    JSON string per batch was faster, but DuckDB then parsed every notice's
    full text out of JSON (most of the load), and stored the JSON columns as
    JSON strings holding JSON. Python lists convert to DuckDB lists natively:
    half the JSON way's time over all tables, a sixth for ``documents``."""
    if not rows:
        return
    columns = list(rows[0])
    select = ", ".join(f'unnest(?::{types[column]}[]) AS "{column}"' for column in columns)
    values = [[row[column] for row in rows] for column in columns]
    conn.execute(f"{verb} INTO {table} BY NAME SELECT {select}", values)


def _in(values: list[str]) -> str:
    return "(" + ", ".join("?" for _ in values) + ")"


def _versions(conn: duckdb.DuckDBPyConnection, batch: list[DocumentRows]) -> dict[str, int]:
    """The version each document's bytes have at its uri: the one they had when first
    seen there, else one more than the latest version at that uri."""
    uris = [rows.uri for rows in batch]
    seen = conn.execute(f"SELECT doc_id, uri, version FROM document_sources WHERE uri IN {_in(uris)}", uris).fetchall()
    known = {(doc_id, uri): version for doc_id, uri, version in seen}
    latest: dict[str, int] = {}
    for _, uri, version in seen:
        latest[uri] = max(latest.get(uri, 0), version)
    return {rows.doc_id: known.get((rows.doc_id, rows.uri), latest.get(rows.uri, 0) + 1) for rows in batch}


def replace_document(conn: duckdb.DuckDBPyConnection, rows: DocumentRows) -> None:
    """Write one document and everything extracted from it, replacing earlier rows."""
    replace_documents(conn, [rows])


def replace_documents(conn: duckdb.DuckDBPyConnection, batch: list[DocumentRows]) -> None:
    """Write several documents in one transaction, each replacing its earlier rows.

    One statement per table for the whole batch: DuckDB's cost is per statement
    (about 1 ms), so writing document by document spent most of a run there.
    Documents in a batch must have distinct ``doc_id`` and ``uri``.
    """
    if len({r.doc_id for r in batch}) < len(batch) or len({r.uri for r in batch}) < len(batch):
        raise ValueError("a batch repeats a document or a uri: write those one at a time")
    ids, uris = [r.doc_id for r in batch], [r.uri for r in batch]
    conn.execute("BEGIN TRANSACTION")
    try:
        versions = _versions(conn, batch)
        previous = {
            doc_id: (uri, version)
            for doc_id, uri, version in conn.execute(
                f"SELECT doc_id, uri, version FROM documents WHERE doc_id IN {_in(ids)}", ids
            ).fetchall()
        }
        # Rows are only ever written with their document, so documents not loaded
        # before have none to delete. Skipping the DELETE matters: it scans the
        # whole table, and a run of new documents would otherwise rescan every
        # table once per batch (quadratic time, and a buffer pool that grows).
        replaced = [doc_id for doc_id in ids if doc_id in previous]
        for table in (*_CHILD_TABLES.values(), "documents") if replaced else ():
            conn.execute(f"DELETE FROM {table} WHERE doc_id IN {_in(replaced)}", replaced)
        loaded_at = _now(conn)
        documents = []
        for rows in batch:
            document = {**rows.document, "version": versions[rows.doc_id], "loaded_at": loaded_at}
            if rows.doc_id in previous:  # same bytes seen before: keep where and as what version they were first seen
                document["uri"], document["version"] = previous[rows.doc_id]
            documents.append(document)
        types = _column_types(conn)
        _insert(conn, "documents", documents, types["documents"])
        sources = [{"doc_id": r.doc_id, "uri": r.uri, "version": versions[r.doc_id], "first_seen": loaded_at} for r in batch]
        _insert(conn, "document_sources", sources, types["document_sources"], verb="INSERT OR IGNORE")
        for attribute, table in _CHILD_TABLES.items():
            rows_of_table = [{"doc_id": r.doc_id, **row} for r in batch for row in getattr(r, attribute)]
            _insert(conn, table, rows_of_table, types[table])
        conn.execute(f"DELETE FROM ingest_errors WHERE uri IN {_in(uris)}", uris)
        conn.execute(f"DELETE FROM retired_sources WHERE uri IN {_in(uris)}", uris)  # seen again: back
        conn.execute("COMMIT")
    except Exception:
        conn.execute("ROLLBACK")
        raise


def _now(conn: duckdb.DuckDBPyConnection) -> Any:
    return conn.execute("SELECT now()").fetchone()[0]


def record_errors(conn: duckdb.DuckDBPyConnection, errors: Iterable[IngestError]) -> int:
    """Upsert error rows; returns how many were written."""
    rows = [
        [error_id(e.uri, e.stage, e.error_type, e.sha256), e.uri, e.sha256, e.stage, e.error_type, e.message, e.occurred_at]
        for e in errors
    ]
    if rows:
        conn.executemany("INSERT OR REPLACE INTO ingest_errors VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
    return len(rows)


def load_rows(
    conn: duckdb.DuckDBPyConnection, results: Iterable[DocumentRows | IngestError], batch_size: int = 50
) -> tuple[int, int]:
    """Write documents and errors; a document that fails to write becomes an error.
    Returns (documents loaded, errors recorded).

    Documents go in batches (one transaction each); a batch that fails is written
    again document by document, so one bad document costs only itself."""
    loaded, errors, batch = 0, [], []
    for result in results:
        if isinstance(result, IngestError):
            errors.append(result)
            continue
        batch.append(result)
        if len(batch) >= batch_size:
            loaded += _write_batch(conn, batch, errors)
            batch = []
    loaded += _write_batch(conn, batch, errors)
    return loaded, record_errors(conn, errors)


def _write_batch(conn: duckdb.DuckDBPyConnection, batch: list[DocumentRows], errors: list[IngestError]) -> int:
    if not batch:
        return 0
    try:
        replace_documents(conn, batch)
        return len(batch)
    except Exception:  # a repeated uri, or a bad row somewhere: find it one by one
        pass
    loaded = 0
    for rows in batch:
        try:
            replace_document(conn, rows)
            loaded += 1
        except Exception as exc:  # a bad row must not stop the other documents
            errors.append(IngestError(rows.uri, "load", type(exc).__name__, str(exc), sha256=rows.document.get("sha256")))
    return loaded


_ADD_PLACES = """
INSERT OR IGNORE INTO document_sources (doc_id, uri, version, first_seen)
SELECT p.doc_id, p.uri, coalesce((SELECT max(s.version) FROM document_sources s WHERE s.uri = p.uri), 0) + 1, now()
FROM (SELECT DISTINCT unnest(?::VARCHAR[]) AS doc_id, unnest(?::VARCHAR[]) AS uri) p
WHERE p.doc_id IN (SELECT doc_id FROM documents)
  AND NOT EXISTS (SELECT 1 FROM document_sources s WHERE s.doc_id = p.doc_id AND s.uri = p.uri)
"""


def add_places(conn: duckdb.DuckDBPyConnection, places: list[tuple[str, str]]) -> int:
    """Record more places (doc_id, uri) of documents already loaded; returns how many were new.

    The Dagster path keys partitions by content, so the same bytes in two files
    are one partition loaded from one of them; this records the others, as
    ``tongban run`` does when it meets them. A place is a new version there
    when that uri held other bytes before. Unknown documents are ignored."""
    if not places:
        return 0
    before = conn.execute("SELECT count(*) FROM document_sources").fetchone()[0]
    conn.execute(_ADD_PLACES, [[doc_id for doc_id, _ in places], [uri for _, uri in places]])
    return conn.execute("SELECT count(*) FROM document_sources").fetchone()[0] - before


def restore_seen(conn: duckdb.DuckDBPyConnection, seen: set[str]) -> None:
    """Places found again are current again, even when their bytes were skipped as known."""
    if seen:
        conn.execute("DELETE FROM retired_sources WHERE uri IN (SELECT unnest(?::VARCHAR[]))", [sorted(seen)])


def retire_missing(conn: duckdb.DuckDBPyConnection, seen: set[str]) -> list[str]:
    """Retire every place the warehouse knows that ``seen`` (this run's scan) lacks.

    Its documents leave the registries unless another place still holds them;
    its rows stay as history, and its stale errors are cleared. Returns the
    places retired now."""
    known = {uri for (uri,) in conn.execute("SELECT uri FROM document_sources UNION SELECT uri FROM ingest_errors").fetchall()}
    retired = {uri for (uri,) in conn.execute("SELECT uri FROM retired_sources").fetchall()}
    missing = sorted(known - seen - retired)
    conn.execute("BEGIN TRANSACTION")
    try:
        if missing:
            stamp = _now(conn)
            conn.executemany("INSERT INTO retired_sources VALUES (?, ?)", [[uri, stamp] for uri in missing])
            conn.execute(f"DELETE FROM ingest_errors WHERE uri IN {_in(missing)}", missing)
        conn.execute("COMMIT")
    except Exception:
        conn.execute("ROLLBACK")
        raise
    return missing
