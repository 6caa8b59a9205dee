"""Blocking checks on the registry: a release never goes out with a broken contract.

They run after ``registry_items`` and before ``registry_publish``; a failure
stops the publish (blocking=True), and each check's metadata shows samples of
what failed. They only read DuckDB, but DuckDBResource opens the file
read-write, so they queue in the same one-at-a-time pool as the writers.
"""

import json
from pathlib import Path

import dagster as dg
from dagster_duckdb import DuckDBResource

from pipeline.assets.warehouse import POOL, registry_items
from pipeline.resources import PublishFolder, warehouse_connection
from warehouse.keys import item_key


def _result(passed: bool, count: int, samples: list) -> dg.AssetCheckResult:
    return dg.AssetCheckResult(
        passed=passed,
        metadata={"failing_rows": count, "samples": dg.MetadataValue.json([list(map(str, s)) for s in samples[:5]])},
    )


def _query(duckdb: DuckDBResource, sql: str) -> list[tuple]:
    with warehouse_connection(duckdb) as conn:
        return conn.execute(sql).fetchall()


@dg.asset_check(asset=registry_items, blocking=True, pool=POOL, description="item_id is unique.")
def item_id_unique(duckdb: DuckDBResource) -> dg.AssetCheckResult:
    rows = _query(duckdb, "SELECT item_id, count(*) FROM registry_items GROUP BY item_id HAVING count(*) > 1")
    return _result(not rows, len(rows), rows)


@dg.asset_check(asset=registry_items, blocking=True, pool=POOL, description="item_id, name and aliases are present.")
def required_fields_present(duckdb: DuckDBResource) -> dg.AssetCheckResult:
    rows = _query(
        duckdb,
        "SELECT item_id, name FROM registry_items WHERE item_id IS NULL OR coalesce(name, '') = '' "
        "OR aliases IS NULL OR len(aliases) = 0",
    )
    return _result(not rows, len(rows), rows)


@dg.asset_check(asset=registry_items, blocking=True, pool=POOL, description="Every item cites at least one loaded document.")
def every_item_has_a_source(duckdb: DuckDBResource) -> dg.AssetCheckResult:
    rows = _query(
        duckdb,
        "SELECT r.item_id, r.name FROM registry_items r WHERE len(r.doc_ids) = 0 OR NOT EXISTS "
        "(SELECT 1 FROM documents d WHERE list_contains(r.doc_ids, d.doc_id))",
    )
    return _result(not rows, len(rows), rows)


@dg.asset_check(
    asset=registry_items,
    blocking=True,
    pool=POOL,
    description="An item_id published before still means the same item (same canonical key).",
)
def item_ids_keep_their_meaning(duckdb: DuckDBResource, publish_folder: PublishFolder) -> dg.AssetCheckResult:
    published = _published_keys(Path(publish_folder.path))
    current = dict(_query(duckdb, "SELECT item_id, item_key FROM registry_items"))
    changed = [(i, published[i], current[i]) for i in published.keys() & current.keys() if published[i] != current[i]]
    return _result(not changed, len(changed), changed)


def _published_keys(root: Path) -> dict[str, str]:
    """item_id -> key of the latest published release (empty before the first)."""
    pointer = root / "latest.json"
    if not pointer.exists():
        return {}
    path = root / json.loads(pointer.read_text(encoding="utf-8"))["version"] / "registry_items.jsonl"
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    return {r["item_id"]: r.get("item_key") or item_key(r["name"]) for r in records}


registry_checks = [item_id_unique, required_fields_present, every_item_has_a_source, item_ids_keep_their_meaning]
