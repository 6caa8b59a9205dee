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
}


def _insert(conn: duckdb.DuckDBPyConnection, table: str, rows: list[dict[str, Any]], extra: dict[str, Any]) -> None:
    if not rows:
        return
    columns = list(extra) + list(rows[0])
    placeholders = ", ".join("?" for _ in columns)
    sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({placeholders})"
    conn.executemany(sql, [list(extra.values()) + list(row.values()) for row in rows])


def _version(conn: duckdb.DuckDBPyConnection, doc_id: str, uri: str) -> int:
    known = conn.execute("SELECT version FROM document_sources WHERE doc_id = ? AND uri = ?", [doc_id, uri]).fetchone()
    if known:
        return known[0]
    seen = conn.execute("SELECT coalesce(max(version), 0) FROM document_sources WHERE uri = ?", [uri]).fetchone()[0]
    return seen + 1


def replace_document(conn: duckdb.DuckDBPyConnection, rows: DocumentRows) -> None:
    """Write one document and everything extracted from it, replacing earlier rows."""
    conn.execute("BEGIN TRANSACTION")
    try:
        source_version = _version(conn, rows.doc_id, rows.uri)
        for table in _CHILD_TABLES.values():
            conn.execute(f"DELETE FROM {table} WHERE doc_id = ?", [rows.doc_id])
        previous = conn.execute("SELECT uri, version FROM documents WHERE doc_id = ?", [rows.doc_id]).fetchone()
        conn.execute("DELETE FROM documents WHERE doc_id = ?", [rows.doc_id])
        document = dict(rows.document)
        version = source_version
        if previous:  # same bytes seen before: keep where and as what version they were first seen
            document["uri"], version = previous
        _insert(conn, "documents", [document], {"version": version, "loaded_at": _now(conn)})
        conn.execute("INSERT OR IGNORE INTO document_sources VALUES (?, ?, ?, now())", [rows.doc_id, rows.uri, source_version])
        for attribute, table in _CHILD_TABLES.items():
            _insert(conn, table, getattr(rows, attribute), {"doc_id": rows.doc_id})
        conn.execute("DELETE FROM ingest_errors WHERE uri = ?", [rows.uri])
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


def load_rows(conn: duckdb.DuckDBPyConnection, results: Iterable[DocumentRows | IngestError]) -> tuple[int, int]:
    """Write documents and errors; a document that fails to write becomes an error.
    Returns (documents loaded, errors recorded)."""
    loaded, errors = 0, []
    for result in results:
        if isinstance(result, IngestError):
            errors.append(result)
            continue
        try:
            replace_document(conn, result)
            loaded += 1
        except Exception as exc:  # a bad row must not stop the other documents
            errors.append(IngestError(result.uri, "load", type(exc).__name__, str(exc), sha256=result.document.get("sha256")))
    return loaded, record_errors(conn, errors)
