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

from warehouse import migrate

DEFAULT_SOURCE = "sources/samples"
DEFAULT_DB = "data/tongban.duckdb"
DEFAULT_PUBLISH = "data/publish"


class SourceFolder(dg.ConfigurableResource):
    """A folder of notices (txt, html, pdf), read recursively."""

    path: str = DEFAULT_SOURCE


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
        "source": SourceFolder(path=os.environ.get("TONGBAN_SOURCE", DEFAULT_SOURCE)),
        "publish_folder": PublishFolder(path=os.environ.get("TONGBAN_PUBLISH", DEFAULT_PUBLISH)),
        "duckdb": warehouse_resource(),
    }
