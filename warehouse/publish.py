"""Publish the registry for the portal: versioned files, a schema, a changelog.

``data/publish/<version>/`` holds ``registry_items`` and ``item_sources`` as
Parquet, CSV (UTF-8) and JSON Lines, a Frictionless ``datapackage.json``, a
JSON Schema for the JSON records and ``changelog.json`` against the previous
version. ``latest.json`` points at the newest version. A registry that did not
change publishes nothing new: its fingerprint equals the latest one.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import duckdb

from warehouse.publish_schema import datapackage, json_schema

_ITEMS_SQL = """
SELECT item_id, name, item_key, aliases, main_items, categories, scope, modes, document_count, mention_count,
       CAST(first_seen AS VARCHAR) AS first_seen, CAST(last_seen AS VARCHAR) AS last_seen,
       departments, CAST(due_dates AS VARCHAR[]) AS due_dates, coalesce(former_names, []) AS former_names,
       withdrawn_by
FROM registry_items ORDER BY item_id
"""
_CHUNK = 5000  # rows per fetch
_SOURCES_SQL = """
SELECT DISTINCT r.item_id, d.doc_id, d.uri, d.title, d.doc_number, d.issuer,
       CAST(coalesce(d.issued, d.published) AS VARCHAR) AS doc_date
FROM registry_items r, unnest(r.doc_ids) AS u(doc_id) JOIN documents d ON d.doc_id = u.doc_id
ORDER BY r.item_id, d.doc_id
"""


@dataclass(frozen=True)
class PublishResult:
    version: str
    path: Path
    created: bool  # False when the registry was unchanged and nothing new was written
    items: int
    changelog: dict[str, Any]


def _records(conn: duckdb.DuckDBPyConnection, sql: str) -> Iterator[dict[str, Any]]:
    """Rows as dicts, fetched in chunks: item_sources grows with items × documents."""
    cursor = conn.execute(sql)
    names = [column[0] for column in cursor.description]
    while rows := cursor.fetchmany(_CHUNK):
        for row in rows:
            yield dict(zip(names, row))


def _jsonl_lines(records: Iterable[dict[str, Any]]) -> Iterator[str]:
    for record in records:
        yield json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n"


def _fingerprint(conn: duckdb.DuckDBPyConnection, items_jsonl: str) -> str:
    """What a release holds: the items' JSON Lines and the item_sources rows.

    item_sources grows with items × documents, so it is hashed inside DuckDB
    (md5 over its rows as JSON, in order): serializing it in Python took a
    third of a run with nothing new. The ``2:`` says how it was computed."""
    sql = (
        f"SELECT md5(coalesce(string_agg(to_json(s)::VARCHAR, chr(10) ORDER BY s.item_id, s.doc_id), '')) FROM ({_SOURCES_SQL}) s"
    )
    (sources,) = conn.execute(sql).fetchone()
    return "2:" + hashlib.sha256(items_jsonl.encode("utf-8") + sources.encode("ascii")).hexdigest()


def _legacy_fingerprint(conn: duckdb.DuckDBPyConnection, items_jsonl: str) -> str:
    """Releases before ``2:`` fingerprints: sha256 of both JSON Lines files' text."""
    digest = hashlib.sha256(items_jsonl.encode("utf-8"))
    for line in _jsonl_lines(_records(conn, _SOURCES_SQL)):
        digest.update(line.encode("utf-8"))
    return digest.hexdigest()


def _unchanged(
    conn: duckdb.DuckDBPyConnection, root: Path, latest: dict[str, Any] | None, items_jsonl: str, fingerprint: str
) -> bool:
    """Does the latest release hold this content already? A release fingerprinted
    the old way is compared the old way once, then its pointer takes the new one."""
    if latest is None:
        return False
    if latest.get("fingerprint") == fingerprint:
        return True
    if str(latest.get("fingerprint", "")).startswith("2:"):
        return False
    if latest.get("fingerprint") != _legacy_fingerprint(conn, items_jsonl):
        return False
    (root / "latest.json").write_text(_dump({**latest, "fingerprint": fingerprint}), encoding="utf-8")
    return True


def _latest(root: Path) -> dict[str, Any] | None:
    pointer = root / "latest.json"
    return json.loads(pointer.read_text(encoding="utf-8")) if pointer.exists() else None


def _next_version(latest: dict[str, Any] | None) -> str:
    number = int(latest["version"].lstrip("v")) + 1 if latest else 1
    return f"v{number:04d}"


def publish(conn: duckdb.DuckDBPyConnection, root: str | Path) -> PublishResult:
    root = Path(root)
    items = list(_records(conn, _ITEMS_SQL))
    items_jsonl = "".join(_jsonl_lines(items))
    fingerprint = _fingerprint(conn, items_jsonl)
    latest = _latest(root)
    if latest and _unchanged(conn, root, latest, items_jsonl, fingerprint):
        path = root / latest["version"]
        changelog = json.loads((path / "changelog.json").read_text(encoding="utf-8"))
        return PublishResult(latest["version"], path, False, len(items), changelog)
    version = _next_version(latest)
    path = root / version
    path.mkdir(parents=True, exist_ok=True)
    previous = _previous_items(root, latest)
    changelog = _changelog(previous, items, latest["version"] if latest else None, version)
    _write_tables(conn, path, items_jsonl)
    (path / "datapackage.json").write_text(_dump(datapackage(version)), encoding="utf-8")
    (path / "registry_items.schema.json").write_text(_dump(json_schema()), encoding="utf-8")
    (path / "changelog.json").write_text(_dump(changelog), encoding="utf-8")
    pointer = {
        "version": version,
        "fingerprint": fingerprint,
        "published_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "items": len(items),
    }
    (root / "latest.json").write_text(_dump(pointer), encoding="utf-8")
    return PublishResult(version, path, True, len(items), changelog)


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2) + "\n"


def _write_tables(conn: duckdb.DuckDBPyConnection, path: Path, items_jsonl: str) -> None:
    (path / "registry_items.jsonl").write_text(items_jsonl, encoding="utf-8")
    with (path / "item_sources.jsonl").open("w", encoding="utf-8") as sources:
        sources.writelines(_jsonl_lines(_records(conn, _SOURCES_SQL)))
    for name, sql in (("registry_items", _ITEMS_SQL), ("item_sources", _SOURCES_SQL)):
        target = str(path / name)
        conn.execute(f"COPY ({sql}) TO '{target}.parquet' (FORMAT parquet)")
        conn.execute(f"COPY ({_csv_friendly(sql)}) TO '{target}.csv' (HEADER, DELIMITER ',')")


def _csv_friendly(sql: str) -> str:
    """CSV has no lists: join them with | (the datapackage says so)."""
    for column in ("aliases", "main_items", "categories", "scope", "modes"):
        sql = sql.replace(f" {column},", f" array_to_string({column}, '|') AS {column},", 1)
    sql = sql.replace(" departments,", " array_to_string(departments, '|') AS departments,", 1)
    return sql.replace("CAST(due_dates AS VARCHAR[]) AS", "array_to_string(CAST(due_dates AS VARCHAR[]), '|') AS", 1)


def _previous_items(root: Path, latest: dict[str, Any] | None) -> dict[str, dict[str, Any]]:
    if not latest:
        return {}
    path = root / latest["version"] / "registry_items.jsonl"
    if not path.exists():
        return {}
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    return {r["item_id"]: r for r in records}


def _changelog(
    previous: dict[str, dict[str, Any]], items: list[dict[str, Any]], since: str | None, version: str
) -> dict[str, Any]:
    current = {r["item_id"]: r for r in items}
    added = sorted(set(current) - set(previous))
    removed = sorted(set(previous) - set(current))
    changed = []
    for item_id in sorted(set(current) & set(previous)):
        # a field the previous release did not have yet is a new column, not a change to the item
        fields = sorted(k for k in current[item_id] if k in previous[item_id] and current[item_id][k] != previous[item_id][k])
        if fields:
            changed.append({"item_id": item_id, "fields": fields})
    return {
        "version": version,
        "since": since,
        "added": [{"item_id": i, "name": current[i]["name"]} for i in added],
        "removed": [_removed(previous[i], current) for i in removed],
        "changed": changed,
    }


def _removed(record: dict[str, Any], current: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """A removed item, and the item it was merged into when a new alias row (公积金提取 =
    住房公积金提取) folded it into another: the portal can send its old ID there."""
    entry = {"item_id": record["item_id"], "name": record["name"], "merged_into": None}
    for item_id, item in current.items():
        if record["name"] in item.get("aliases", ()):
            entry["merged_into"] = item_id
            break
    return entry
