"""Sensors and schedules: files in, partitions and runs out.

* ``source_folder_sensor``: new or changed files in the source (and fetched)
  folders become dynamic partitions and one run each, ``run_key`` = content
  key, so a file is never processed twice for the same bytes (nor when a
  partition was already materialized another way). The cursor keeps
  each file's size, mtime and key, so unchanged files are not rehashed, and the
  extraction version that read them: after an upgrade every file runs again once.
* ``staging_sensor``: when partitions have staged new results, one run of the
  load job (writer, registry, publish); runs are batched, not one per document.
* ``url_list_schedule``: fetch the URL list daily into the fetched folder.
"""

import json

import dagster as dg

from pipeline.partitions import ROOT_TAG, URI_TAG, documents, scan
from pipeline.resources import SourceFolder
from pipeline.staging import StagingArea
from warehouse.code_version import extraction_version

document_job = dg.define_asset_job(
    "document_job",
    selection=dg.AssetSelection.assets("raw_notices", "normalized_notices", "extractions"),
    partitions_def=documents,
    description="Read, normalize and extract one document version (a partition).",
)
load_job = dg.define_asset_job(
    "load_job",
    selection=dg.AssetSelection.groups("warehouse", "publish"),
    description="Load staged results into DuckDB, rebuild the registry, publish.",
)
fetch_job = dg.define_asset_job("fetch_job", selection=dg.AssetSelection.assets("fetched_pages"))


@dg.sensor(job=document_job, minimum_interval_seconds=30, default_status=dg.DefaultSensorStatus.RUNNING)
def source_folder_sensor(context: dg.SensorEvaluationContext, source: SourceFolder) -> dg.SensorResult:
    cache, read_by = _cursor_state(context.cursor)
    seen = scan(source.roots(), cache)
    known = set(context.instance.get_dynamic_partitions(documents.name))
    new_keys = sorted({f.key for f in seen} - known)
    # Documents already extracted (by `tongban materialize`, a backfill) need no run.
    done = context.instance.get_materialized_partitions(dg.AssetKey("extractions")) if known else set()
    version = extraction_version()
    upgraded = bool(cache) and read_by != version  # another (or an unrecorded) version read them: all again
    requests = []
    for file in seen:
        previous = cache.get(f"{file.root}|{file.uri}")
        changed = (previous is None or previous[2] != file.key) and file.key not in done
        if changed or upgraded:
            # a run key once per bytes; after an upgrade once per bytes and version
            run_key = f"{file.key}@{version}" if upgraded else file.key
            requests.append(dg.RunRequest(partition_key=file.key, run_key=run_key, tags={URI_TAG: file.uri, ROOT_TAG: file.root}))
    files = {f"{f.root}|{f.uri}": f.as_cursor() for f in seen}
    return dg.SensorResult(
        run_requests=requests,
        dynamic_partitions_requests=[documents.build_add_request(new_keys)] if new_keys else [],
        cursor=json.dumps({"files": files, "extraction_version": version}, sort_keys=True),
    )


def _cursor_state(cursor: str | None) -> tuple[dict[str, list], str | None]:
    """(the stat cache, the extraction version that read the files) from a cursor; a cursor
    written before versions were kept is the bare cache, read by some earlier version."""
    state = json.loads(cursor) if cursor else {}
    if "files" in state and isinstance(state["files"], dict):
        return state["files"], state.get("extraction_version")
    return state, None


@dg.sensor(job=load_job, minimum_interval_seconds=60, default_status=dg.DefaultSensorStatus.RUNNING)
def staging_sensor(context: dg.SensorEvaluationContext, staging: StagingArea) -> dg.SensorResult | dg.SkipReason:
    newest = max((mtime for _, mtime, _ in staging.entries()), default=0)
    if newest <= int(context.cursor or 0):
        return dg.SkipReason("nothing new staged")
    return dg.SensorResult(run_requests=[dg.RunRequest(run_key=f"load-{newest}")], cursor=str(newest))


url_list_schedule = dg.ScheduleDefinition(
    job=fetch_job,
    cron_schedule="0 6 * * *",
    execution_timezone="Asia/Shanghai",
    description="Fetch the URL list every morning; the folder sensor picks up what changed.",
)
