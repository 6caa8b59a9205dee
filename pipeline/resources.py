"""Dagster resources: where notices come from, where the warehouse and publish folder live.

Defaults come from the environment (TONGBAN_SOURCE, TONGBAN_DB, TONGBAN_PUBLISH)
so `make run`, `make dev` and tests can point the same definitions elsewhere.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import dagster as dg
import duckdb
from dagster_duckdb import DuckDBResource

from pipeline.partitions import scan
from pipeline.staging import StagingArea
from sources import IngestError, RawDocument, discover
from sources.folder import load_file
from sources.urls import fetch_all, read_url_list
from warehouse import migrate

DEFAULT_SOURCE = "sources/samples"
DEFAULT_DB = "data/tongban.duckdb"
DEFAULT_PUBLISH = "data/publish"
DEFAULT_FETCHED = "data/fetched"
DEFAULT_DUCKDB_MEMORY = "512MB"
# DuckDB checkpoints when its write-ahead log passes 16 MB, and a checkpoint
# rewrites the tables' indexes, so a bulk load paid a growing cost about 30
# times per 10k notices. At 256MB the in-process 10k load went from 110 s to
# 85 s, with a lower peak RSS (bench/RESULTS.md); 1GB was slower again.
CHECKPOINT_THRESHOLD = "256MB"


def _key_matches(found: RawDocument | IngestError, key: str) -> bool:
    return found.sha256 is None or found.sha256.startswith(key)


class SourceFolder(dg.ConfigurableResource):
    """A folder of notices (txt, html, pdf), read recursively, and optionally a
    URL-list file whose pages are fetched too (hosts it names are the allow-list).

    Fetched pages are saved below ``fetched_path`` (host/path, like a mirror), so
    the drop-folder sensor treats them like any other file.
    """

    path: str = DEFAULT_SOURCE
    url_list: str | None = None
    fetched_path: str = DEFAULT_FETCHED

    def roots(self) -> list[str]:
        return [self.path, self.fetched_path]

    def documents(self) -> list:
        """Every document or ingest error from the folder and the URL list."""
        return list(self.iter_documents())

    def iter_documents(self) -> Iterator[RawDocument | IngestError]:
        """The same, one at a time: a large folder is never all in memory."""
        yield from discover(self.path)
        if self.url_list:
            yield from fetch_all(read_url_list(self.url_list))

    def locate(self, key: str, uri: str | None = None, root: str | None = None) -> RawDocument | IngestError:
        """The document whose content key is ``key``: from the sensor's hint when
        given (cheap), else by scanning the folders (a backfill from the UI)."""
        if uri and root and (Path(root) / uri).is_file():
            found = load_file(Path(root) / uri, uri)
            if _key_matches(found, key):
                return found
        for seen in scan(self.roots()):
            if seen.key == key:
                return load_file(Path(seen.root) / seen.uri, seen.uri)
        return IngestError(uri or key, "discover", "missing_source", f"no file with content key {key} below {self.roots()}")


class PublishFolder(dg.ConfigurableResource):
    """Where versioned registry releases are written for the portal."""

    path: str = DEFAULT_PUBLISH


def duckdb_memory_limit() -> str:
    """DuckDB's buffer pool cap: ``TONGBAN_DUCKDB_MEMORY``, default 512MB."""
    return os.environ.get("TONGBAN_DUCKDB_MEMORY", DEFAULT_DUCKDB_MEMORY)


def warehouse_resource(database: str | None = None) -> DuckDBResource:
    """The warehouse, with DuckDB's buffer pool capped.

    DuckDB's default memory limit is 80% of RAM and it keeps what it took; the
    cap keeps a 10k-notice run under 1 GB peak RSS. Larger intermediates spill
    to a temp folder beside the file.
    """
    return DuckDBResource(
        database=database or os.environ.get("TONGBAN_DB", DEFAULT_DB),
        connection_config={"memory_limit": duckdb_memory_limit(), "checkpoint_threshold": CHECKPOINT_THRESHOLD},
    )


@contextmanager
def warehouse_connection(resource: DuckDBResource) -> Iterator[duckdb.DuckDBPyConnection]:
    """A migrated connection through the DuckDBResource (the only way tongban writes DuckDB)."""
    Path(resource.database).parent.mkdir(parents=True, exist_ok=True)
    with resource.get_connection() as conn:
        migrate(conn)
        yield conn


def default_resources() -> dict[str, object]:
    data = os.environ.get("TONGBAN_DATA", "data")
    return {
        "source": SourceFolder(
            path=os.environ.get("TONGBAN_SOURCE", DEFAULT_SOURCE),
            url_list=os.environ.get("TONGBAN_URLS"),
            fetched_path=f"{data}/fetched",
        ),
        "publish_folder": PublishFolder(path=os.environ.get("TONGBAN_PUBLISH", f"{data}/publish")),
        "staging": StagingArea(path=f"{data}/staging"),
        "duckdb": warehouse_resource(),
    }
