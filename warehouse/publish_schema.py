"""Descriptions of the published files: Frictionless Data Package v2 and JSON Schema.

Kept next to, not inside, the publisher so the portal's contract reads as one
page: field names, types, keys and what list columns look like in CSV.
"""

from __future__ import annotations

from typing import Any

_LIST_NOTE = "In CSV, list values are joined with |."

ITEM_FIELDS: list[dict[str, Any]] = [
    {
        "name": "item_id",
        "type": "string",
        "description": "Stable ID, a pure function of the canonical key",
        "constraints": {"required": True, "unique": True},
    },
    {"name": "name", "type": "string", "description": "Canonical simplified name", "constraints": {"required": True}},
    {
        "name": "item_key",
        "type": "string",
        "description": "Canonical key the item_id is derived from (normalized name; a sub-item that names no object of its own, such as 设立登记, is keyed under its main item: 个体工商户登记／设立登记; a name of service words only with no main item, under its source: 注销＠ and 8 hex digits of the source uri's SHA-256)",
    },
    {"name": "aliases", "type": "list", "description": f"Every surface form seen. {_LIST_NOTE}"},
    {"name": "main_items", "type": "list", "description": f"Main items (主项) this item was listed under. {_LIST_NOTE}"},
    {
        "name": "categories",
        "type": "list",
        "description": f"Group headings over its table rows (社会保障类), without enumerator or count. {_LIST_NOTE}",
    },
    {"name": "scope", "type": "list", "description": f"通办 scope: 跨省通办, 省内通办, 区域通办. {_LIST_NOTE}"},
    {"name": "modes", "type": "list", "description": f"Service modes: 全程网办, 异地代收代办, 多地联办. {_LIST_NOTE}"},
    {"name": "document_count", "type": "integer", "description": "Documents that cite the item"},
    {"name": "mention_count", "type": "integer", "description": "Mentions across those documents"},
    {"name": "first_seen", "type": "date", "description": "Earliest citing document date"},
    {"name": "last_seen", "type": "date", "description": "Latest citing document date"},
    {
        "name": "departments",
        "type": "list",
        "description": "Bodies (canonical names) its sources link to it with a role: the body on its table row, its list line, a note after its name (户口迁移（省公安厅）), its field lines (牵头单位：…) or its group heading (一、省公安厅（3项）). "
        + _LIST_NOTE,
    },
    {
        "name": "due_dates",
        "type": "list",
        "description": f"ISO dates by which deadlines linked to it fall due (2021年底前: 2021-12-31). {_LIST_NOTE}",
    },
    {
        "name": "former_names",
        "type": "list",
        "description": "Names a notice renamed it from (原事项名称 | 调整后事项名称, “A”更名为“B”); each is an alias too, "
        f"and an item published under one of them before is listed in the changelog as merged into this one. {_LIST_NOTE}",
    },
    {
        "name": "withdrawn_by",
        "type": "string",
        "description": "The uri of the notice that took the item off its list (取消A、B等2项事项, 将“A”移出…清单), "
        "where no notice as new or newer lists it again; empty for an item in force",
    },
]

SOURCE_FIELDS: list[dict[str, Any]] = [
    {"name": "item_id", "type": "string", "constraints": {"required": True}},
    {
        "name": "doc_id",
        "type": "string",
        "description": "First 16 hex of the document's SHA-256",
        "constraints": {"required": True},
    },
    {"name": "uri", "type": "string", "description": "Where the document was first seen"},
    {"name": "title", "type": "string"},
    {"name": "doc_number", "type": "string", "description": "e.g. 国办发〔2022〕34号"},
    {"name": "issuer", "type": "string", "description": "Issuing body; joint issuers separated by a space"},
    {"name": "doc_date", "type": "date", "description": "Issue date, else publish date"},
]


def _resource(
    name: str, fields: list[dict[str, Any]], primary_key: list[str], foreign_keys: list[dict[str, Any]]
) -> dict[str, Any]:
    schema: dict[str, Any] = {"fields": fields, "primaryKey": primary_key}
    if foreign_keys:
        schema["foreignKeys"] = foreign_keys
    return {
        "name": name,
        "type": "table",
        "path": f"{name}.csv",
        "scheme": "file",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "schema": schema,
    }


def datapackage(version: str) -> dict[str, Any]:
    """A Frictionless Data Package (v2) describing the CSV files of one version."""
    items_csv = [dict(f, type="string") if f["type"] == "list" else f for f in ITEM_FIELDS]
    return {
        "$schema": "https://datapackage.org/profiles/2.0/datapackage.json",
        "name": "tongban-registry",
        "title": "tongban unified registry of 通办 public-service items",
        "version": version,
        "licenses": [{"name": "CC-BY-4.0"}],
        "resources": [
            _resource("registry_items", items_csv, ["item_id"], []),
            _resource(
                "item_sources",
                SOURCE_FIELDS,
                ["item_id", "doc_id"],
                [{"fields": ["item_id"], "reference": {"resource": "registry_items", "fields": ["item_id"]}}],
            ),
        ],
    }


def json_schema() -> dict[str, Any]:
    """JSON Schema (2020-12) of one line of registry_items.jsonl."""
    types = {"string": "string", "integer": "integer", "date": "string", "list": "array"}
    required = ["item_id", "name", "item_key", "aliases", "document_count"]
    properties: dict[str, Any] = {}
    for field in ITEM_FIELDS:
        spec: dict[str, Any] = {"type": types[field["type"]], "description": field.get("description", "")}
        if field["type"] == "list":
            spec["items"] = {"type": "string"}
        if field["type"] == "date":
            spec = {"type": ["string", "null"], "format": "date", "description": spec["description"]}
        if field["type"] == "string" and field["name"] not in required:
            spec["type"] = ["string", "null"]  # withdrawn_by: null for an item in force
        properties[field["name"]] = spec
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "tongban registry item",
        "type": "object",
        "required": required,
        "properties": properties,
        "additionalProperties": False,
    }
