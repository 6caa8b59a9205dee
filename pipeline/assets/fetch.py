"""Fetch the URL list into the fetched folder, where the drop-folder sensor finds it.

Pages are saved as ``<fetched>/<host>/<path>``: a mirror a person can browse,
and one more folder of files for the sensor. Fetch errors are staged under a
key derived from the URL, so the warehouse writer records them.
"""

import hashlib
from pathlib import Path
from urllib.parse import urlsplit

import dagster as dg

from pipeline.resources import SourceFolder
from pipeline.staging import StagingArea
from sources import IngestError
from sources.urls import fetch_all, read_url_list


def mirror_path(root: str, url: str, kind: str) -> Path:
    parts = urlsplit(url)
    path = parts.path.strip("/") or "index"
    if parts.query:
        path += "_" + hashlib.sha256(parts.query.encode()).hexdigest()[:8]
    target = Path(root) / (parts.hostname or "unknown") / path
    return target if target.suffix else target.with_suffix(f".{kind}")


@dg.asset(group_name="sources", description="Pages of the URL list, saved below the fetched folder.")
def fetched_pages(context: dg.AssetExecutionContext, source: SourceFolder, staging: StagingArea) -> dg.MaterializeResult:
    if not source.url_list:
        return dg.MaterializeResult(metadata={"pages": 0, "note": "no url_list configured"})
    saved = failed = 0
    for result in fetch_all(read_url_list(source.url_list)):
        if isinstance(result, IngestError):
            staging.write_error("fetch-" + hashlib.sha256(result.uri.encode()).hexdigest()[:12], result)
            failed += 1
            continue
        target = mirror_path(source.fetched_path, result.uri, result.kind)
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.exists() or target.read_bytes() != result.data:
            target.write_bytes(result.data)  # unchanged bytes keep their mtime: no new version
        saved += 1
    return dg.MaterializeResult(metadata={"pages": saved, "errors": failed})
