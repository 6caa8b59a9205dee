"""The DuckDB warehouse: schema and migrations, idempotent writes, the registry, publishing."""

from warehouse.publish import PublishResult, publish
from warehouse.registry import build_registry
from warehouse.rows import DocumentRows, build_rows
from warehouse.schema import migrate
from warehouse.store import add_places, load_rows, record_errors, replace_document, restore_seen, retire_missing

__all__ = [
    "add_places",
    "migrate",
    "build_rows",
    "DocumentRows",
    "replace_document",
    "record_errors",
    "load_rows",
    "retire_missing",
    "restore_seen",
    "build_registry",
    "publish",
    "PublishResult",
]
