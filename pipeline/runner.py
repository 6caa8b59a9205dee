"""Materialize the whole asset graph through Dagster: what `make run` does.

1. scan the source folders and register one dynamic partition per content key;
2. materialize the per-document assets for each new partition (a failing
   document fails its own partition and is staged as an error);
3. materialize the load assets and their checks once: writer, registry, publish.

Runs go to the Dagster instance (DAGSTER_HOME), so they show in `dagster dev`.
A second run finds every partition already materialized and only re-checks the
load, so it gives the same tables and publishes nothing new. After an upgrade of the
extraction code (another ``extraction_version``), every partition runs again.
"""

from dataclasses import dataclass, field

import dagster as dg

from pipeline.partitions import ROOT_TAG, URI_TAG, documents, scan
from warehouse.code_version import extraction_version


@dataclass
class RunSummary:
    partitions: int = 0
    processed: int = 0
    failed: list[str] = field(default_factory=list)
    load_success: bool = False


def _materialized(instance: dg.DagsterInstance, key: str) -> set[str]:
    return set(instance.get_materialized_partitions(dg.AssetKey(key)))


def materialize_all(
    instance: dg.DagsterInstance,
    resources: dict,
    assets: list,
    checks: list,
    force: bool = False,
) -> RunSummary:
    summary = RunSummary()
    seen = scan(resources["source"].roots())
    keys = sorted({f.key for f in seen})
    hints = {f.key: f for f in seen}
    instance.add_dynamic_partitions(documents.name, keys)
    summary.partitions = len(keys)
    # Same key, same bytes: a partition that staged a result or an error is done, unless an
    # older version of the extraction code staged it (warehouse/code_version.py).
    staging, version = resources["staging"], extraction_version()
    staged = {key for key, _, _ in staging.entries()}
    current = staging.version() == version or not staged
    done = set() if force or not current else _materialized(instance, "extractions") | staged
    names = ("raw_notices", "normalized_notices", "extractions")
    per_document = dg.AssetSelection.assets(*names) | dg.AssetSelection.checks_for_assets(*names)
    for key in keys:
        if key in done:
            continue
        hint = hints[key]
        result = dg.materialize(
            assets + checks,
            instance=instance,
            resources=resources,
            partition_key=key,
            selection=per_document,
            tags={URI_TAG: hint.uri, ROOT_TAG: hint.root},
            raise_on_error=False,
        )
        summary.processed += 1
        if not result.success:
            summary.failed.append(hint.uri)
    staging.mark_version(version)
    load = dg.AssetSelection.groups("warehouse", "publish") | dg.AssetSelection.checks_for_assets("registry_items")
    result = dg.materialize(
        assets + checks,
        instance=instance,
        resources=resources,
        selection=load,
        raise_on_error=False,
    )
    summary.load_success = result.success
    return summary
