"""The DuckDB schema, as numbered forward migrations.

Table names are a contract with analysts and the portal: add columns, never
rename. Each migration is one SQL file in ``migrations/`` (``NNN_slug.sql``, its first
line ``-- description: …``), so the schema reads as SQL and a new migration is a new
file. Each runs once, in a transaction, and is recorded in ``schema_version``; opening an
older warehouse brings it forward.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import duckdb

_FOLDER = Path(__file__).with_name("migrations")
_NAME = re.compile(r"(?P<version>[0-9]{3})_[a-z0-9_]+\.sql")
_DESCRIPTION = "-- description: "


@lru_cache(maxsize=1)
def migrations() -> tuple[tuple[int, str, str], ...]:
    """(version, description, SQL) of every migration file, in version order."""
    found = []
    for path in sorted(_FOLDER.glob("*.sql")):
        name = _NAME.fullmatch(path.name)
        if name is None:
            raise ValueError(f"migration file not named NNN_slug.sql: {path.name}")
        sql = path.read_text(encoding="utf-8")
        first_line = sql.split("\n", 1)[0]
        if not first_line.startswith(_DESCRIPTION):
            raise ValueError(f"{path.name}: the first line must be '{_DESCRIPTION}…'")
        found.append((int(name.group("version")), first_line[len(_DESCRIPTION) :], sql))
    versions = [version for version, _, _ in found]
    if len(set(versions)) != len(versions):
        raise ValueError(f"two migration files share a version: {sorted(versions)}")
    return tuple(found)


def migrate(conn: duckdb.DuckDBPyConnection) -> int:
    """Apply pending migrations; return the schema version now in force."""
    conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, description VARCHAR, applied_at TIMESTAMPTZ)"
    )
    # every migration not yet recorded runs, in order: a gap (a version removed by hand to
    # re-run it) is filled without running the ones after it again
    applied = {version for (version,) in conn.execute("SELECT version FROM schema_version").fetchall()}
    current = max(applied, default=0)
    for version, description, sql in migrations():
        if version in applied:
            continue
        conn.execute("BEGIN TRANSACTION")
        try:
            conn.execute(sql)
            conn.execute("INSERT INTO schema_version VALUES (?, ?, now())", [version, description])
            conn.execute("COMMIT")
        except Exception:
            conn.execute("ROLLBACK")
            raise
        current = max(current, version)
    return current
