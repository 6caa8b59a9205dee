"""Warehouse assets: DuckDB tables, the registry, the published release.

Every asset here writes DuckDB, so all sit in the ``duckdb`` pool, limited to
one at a time in dagster.yaml: DuckDB allows a single writing process per file.
``warehouse_tables`` is the only writer of per-document rows: it loads what
the partitions staged, and only the files that changed since it last ran.
Partitions are keyed by content, so it also records every other place where
the source folders hold the same bytes (``document_sources``).
"""

import dagster as dg
from dagster_duckdb import DuckDBResource

from pipeline.partitions import scan
from pipeline.resources import PublishFolder, SourceFolder, warehouse_connection
from pipeline.staging import StagingArea
from sources import IngestError
from warehouse import add_places, build_registry, load_rows, publish

POOL = "duckdb"
TABLES = ["documents", "item_mentions", "deadlines", "department_mentions", "ingest_errors"]


def _count(conn, table: str) -> int:
    return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def load_staged(conn, staging: StagingArea) -> tuple[int, int, int]:
    """Load staged files that are new or changed; returns (documents, errors, unchanged)."""
    done = dict(conn.execute("SELECT partition_key, staged_mtime_ns FROM staging_loads").fetchall())
    loaded = errors = unchanged = 0
    for key, mtime_ns, path in staging.entries():
        if done.get(key) == mtime_ns:
            unchanged += 1
            continue
        result = staging.read(path)
        documents, recorded = load_rows(conn, [result])
        loaded, errors = loaded + documents, errors + recorded
        outcome = "error" if isinstance(result, IngestError) or recorded else "loaded"
        conn.execute("INSERT OR REPLACE INTO staging_loads VALUES (?, ?, ?, now())", [key, mtime_ns, outcome])
    return loaded, errors, unchanged


@dg.multi_asset(
    specs=[dg.AssetSpec(name, group_name="warehouse", deps=["extractions"]) for name in TABLES],
    pool=POOL,
    description="Load staged per-document rows (new or changed only) and record ingest errors.",
)
def warehouse_tables(context: dg.AssetExecutionContext, duckdb: DuckDBResource, staging: StagingArea, source: SourceFolder):
    with warehouse_connection(duckdb) as conn:
        loaded, errors, unchanged = load_staged(conn, staging)
        places = add_places(conn, [(seen.key, seen.uri) for seen in scan(source.roots())])
        context.log.info(
            f"loaded {loaded} documents, recorded {errors} errors, {unchanged} staged files unchanged, "
            f"{places} more places of loaded documents"
        )
        for table in TABLES:
            yield dg.MaterializeResult(
                asset_key=table, metadata={"rows": _count(conn, table), "loaded_now": loaded, "errors_now": errors}
            )


@dg.asset(
    group_name="warehouse",
    deps=["item_mentions", "documents"],
    pool=POOL,
    description="One row per unique item: stable item_id, canonical name, aliases, every source.",
)
def registry_items(context: dg.AssetExecutionContext, duckdb: DuckDBResource) -> dg.MaterializeResult:
    with warehouse_connection(duckdb) as conn:
        count = build_registry(conn)
        preview = conn.execute(
            "SELECT item_id, name, document_count FROM registry_items ORDER BY document_count DESC, name LIMIT 10"
        ).fetchall()
    table = "\n".join(f"| {i} | {n} | {c} |" for i, n, c in preview)
    return dg.MaterializeResult(
        metadata={"items": count, "preview": dg.MetadataValue.md("| item_id | name | docs |\n|---|---|---|\n" + table)}
    )


@dg.asset(
    group_name="publish",
    deps=["registry_items"],
    pool=POOL,
    description="Versioned release for the portal: Parquet, CSV, JSONL, datapackage.json, changelog.",
)
def registry_publish(
    context: dg.AssetExecutionContext, duckdb: DuckDBResource, publish_folder: PublishFolder
) -> dg.MaterializeResult:
    with warehouse_connection(duckdb) as conn:
        result = publish(conn, publish_folder.path)
    log = result.changelog
    return dg.MaterializeResult(
        metadata={
            "version": result.version,
            "path": dg.MetadataValue.path(str(result.path)),
            "new_version": result.created,
            "items": result.items,
            "added": len(log["added"]),
            "removed": len(log["removed"]),
            "changed": len(log["changed"]),
        }
    )
