"""The published release validates as a Frictionless Data Package and against its JSON Schema."""

from __future__ import annotations

import json

import duckdb
import jsonschema
import pytest
from frictionless import validate

from pipeline.work import load, process
from sources import RawDocument
from tests.conftest import SEED_000, SEED_002, SEED_003, gold_item_names
from warehouse import build_registry, migrate, publish


@pytest.fixture(scope="module")
def release(tmp_path_factory):
    root = tmp_path_factory.mktemp("publish")
    conn = duckdb.connect()
    migrate(conn)
    load(conn, [process(RawDocument.from_bytes(p.name, p.read_bytes(), "txt")) for p in (SEED_000, SEED_002, SEED_003)])
    build_registry(conn)
    result = publish(conn, root)
    conn.close()
    return result


def test_datapackage_validates_with_frictionless(release):
    report = validate(str(release.path / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


def test_datapackage_declares_keys(release):
    package = json.loads((release.path / "datapackage.json").read_text(encoding="utf-8"))
    assert package["$schema"].endswith("/2.0/datapackage.json") and package["version"] == release.version
    items, sources = package["resources"]
    assert items["schema"]["primaryKey"] == ["item_id"]
    assert sources["schema"]["foreignKeys"][0]["reference"] == {"resource": "registry_items", "fields": ["item_id"]}


def test_a_broken_foreign_key_is_caught(release, tmp_path):
    broken = tmp_path / "broken"
    broken.mkdir()
    for path in release.path.iterdir():
        (broken / path.name).write_bytes(path.read_bytes())
    csv = (broken / "item_sources.csv").read_text(encoding="utf-8").splitlines()
    csv[1] = "item-000000000000" + csv[1][csv[1].index(",") :]
    (broken / "item_sources.csv").write_text("\n".join(csv) + "\n", encoding="utf-8")
    assert not validate(str(broken / "datapackage.json")).valid


def test_json_records_match_the_json_schema(release):
    schema = json.loads((release.path / "registry_items.schema.json").read_text(encoding="utf-8"))
    lines = (release.path / "registry_items.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == release.items == len(gold_item_names(SEED_000, SEED_002, SEED_003))
    for line in lines:
        jsonschema.validate(json.loads(line), schema)


def test_csv_and_parquet_hold_the_same_items(release):
    conn = duckdb.connect()
    parquet = conn.execute(f"SELECT item_id, name FROM '{release.path / 'registry_items.parquet'}' ORDER BY 1").fetchall()
    csv = conn.execute(f"SELECT item_id, name FROM read_csv('{release.path / 'registry_items.csv'}') ORDER BY 1").fetchall()
    assert parquet == csv and {name for _, name in parquet} == gold_item_names(SEED_000, SEED_002, SEED_003)


def test_a_removed_item_that_an_alias_folded_into_another_says_which():
    """A new alias row between two releases folds 公积金提取 into 住房公积金提取: the old ID is
    removed, and the changelog tells the portal where it went."""
    from warehouse.publish import _changelog

    previous = {"a1": {"item_id": "a1", "name": "公积金提取"}, "b2": {"item_id": "b2", "name": "婚姻登记"}}
    current = [{"item_id": "c3", "name": "住房公积金提取", "aliases": ["住房公积金提取", "公积金提取"]}]
    removed = _changelog(previous, current, "v0001", "v0002")["removed"]
    assert removed == [
        {"item_id": "a1", "name": "公积金提取", "merged_into": "c3"},
        {"item_id": "b2", "name": "婚姻登记", "merged_into": None},
    ]
