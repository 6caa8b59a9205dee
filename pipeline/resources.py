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

from sources import discover
from sources.urls import fetch_all, read_url_list
from warehouse import migrate

DEFAULT_SOURCE = "sources/samples"
DEFAULT_DB = "data/tongban.duckdb"
DEFAULT_PUBLISH = "data/publish"


class SourceFolder(dg.ConfigurableResource):
    """A folder of notices (txt, html, pdf), read recursively, and optionally a
    URL-list file whose pages are fetched too (hosts it names are the allow-list)."""

    path: str = DEFAULT_SOURCE
    url_list: str | None = None

    def documents(self) -> list:
        """Every document or ingest error from the folder and the URL list."""
        found = list(discover(self.path))
        if self.url_list:
            found += list(fetch_all(read_url_list(self.url_list)))
        return found


class PublishFolder(dg.ConfigurableResource):
    """Where versioned registry releases are written for the portal."""

    path: str = DEFAULT_PUBLISH


def warehouse_resource(database: str | None = None) -> DuckDBResource:
    return DuckDBResource(database=database or os.environ.get("TONGBAN_DB", DEFAULT_DB))


@contextmanager
def warehouse_connection(resource: DuckDBResource) -> Iterator[duckdb.DuckDBPyConnection]:
    """A migrated connection through the DuckDBResource (the only way tongban writes DuckDB)."""
    Path(resource.database).parent.mkdir(parents=True, exist_ok=True)
    with resource.get_connection() as conn:
        migrate(conn)
        yield conn


def default_resources() -> dict[str, object]:
    return {
        "source": SourceFolder(path=os.environ.get("TONGBAN_SOURCE", DEFAULT_SOURCE), url_list=os.environ.get("TONGBAN_URLS")),
        "publish_folder": PublishFolder(path=os.environ.get("TONGBAN_PUBLISH", DEFAULT_PUBLISH)),
        "duckdb": warehouse_resource(),
    }
