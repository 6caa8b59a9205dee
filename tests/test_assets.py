"""Each asset materialized in-process against a temporary warehouse."""

from __future__ import annotations

import dagster as dg
import duckdb
import pytest
from dagster_duckdb import DuckDBResource

from pipeline.checks import every_item_has_a_source, registry_checks
from pipeline.definitions import all_assets, defs
from pipeline.quality_checks import quality_checks
from pipeline.resources import PublishFolder, SourceFolder
from tests.conftest import NEWS_001, SEED_003


@pytest.fixture
def run_all(tmp_path, source_folder):
    db = tmp_path / "warehouse" / "tongban.duckdb"
    resources = {
        "source": SourceFolder(path=str(source_folder)),
        "publish_folder": PublishFolder(path=str(tmp_path / "publish")),
        "duckdb": DuckDBResource(database=str(db)),
    }

    def run():
        result = dg.materialize(all_assets, resources=resources)
        assert result.success
        return result

    run.resources = resources
    return run, db, tmp_path / "publish"


def test_definitions_load_with_the_job_and_pool():
    assert defs.resolve_job_def("tongban_job") is not None
    keys = {key.to_user_string() for key in defs.resolve_asset_graph().get_all_asset_keys()}
    assert {"raw_notices", "normalized_notices", "extractions", "documents", "registry_items", "registry_publish"} <= keys
    for asset in all_assets:
        if {"documents", "registry_items", "registry_publish"} & {k.to_user_string() for k in asset.keys}:
            assert asset.op.pool == "duckdb"


def test_every_asset_materializes_and_bad_files_become_errors(run_all):
    run, db, publish_root = run_all
    result = run()
    materialized = {e.asset_key.to_user_string() for e in result.get_asset_materialization_events()}
    assert {"raw_notices", "normalized_notices", "extractions", "documents", "item_mentions", "deadlines",
            "department_mentions", "ingest_errors", "registry_items", "registry_publish"} <= materialized
    with duckdb.connect(str(db), read_only=True) as conn:
        assert conn.execute("SELECT count(*) FROM documents").fetchone() == (3,)
        errors = conn.execute("SELECT uri, stage, error_type FROM ingest_errors ORDER BY uri").fetchall()
        assert errors == [("empty.txt", "read", "empty"), ("junk.txt", "read", "binary")]
        assert conn.execute("SELECT count(*) FROM registry_items WHERE document_count > 0").fetchone()[0] == 18
    assert (publish_root / "v0001" / "registry_items.parquet").exists()


def test_a_second_run_gives_the_same_tables(run_all):
    run, db, publish_root = run_all
    run()
    with duckdb.connect(str(db), read_only=True) as conn:
        first = conn.execute("SELECT item_id, name, aliases, doc_ids FROM registry_items ORDER BY item_id").fetchall()
    run()
    with duckdb.connect(str(db), read_only=True) as conn:
        second = conn.execute("SELECT item_id, name, aliases, doc_ids FROM registry_items ORDER BY item_id").fetchall()
        assert conn.execute("SELECT count(*) FROM ingest_errors").fetchone() == (2,)
    assert first == second
    assert sorted(p.name for p in publish_root.iterdir()) == ["latest.json", "v0001"]


def test_registry_checks_pass_and_gate_the_publish(run_all):
    run, _, _ = run_all
    result = dg.materialize(all_assets + registry_checks, resources=run.resources)
    evaluations = {e.check_name: e.passed for e in result.get_asset_check_evaluations()}
    assert evaluations == {
        "item_id_unique": True,
        "required_fields_present": True,
        "every_item_has_a_source": True,
        "item_ids_keep_their_meaning": True,
    }


def test_a_failing_blocking_check_stops_the_publish(run_all):
    run, db, publish_root = run_all
    run()
    with duckdb.connect(str(db)) as conn:  # simulate a broken build: an item without sources
        conn.execute("UPDATE registry_items SET doc_ids = [] WHERE name = '生育津贴支付'")
    selection = [a for a in all_assets if "registry_publish" in {k.to_user_string() for k in a.keys}]
    check = dg.materialize(
        selection + [every_item_has_a_source], resources=run.resources, raise_on_error=False,
        selection=dg.AssetSelection.checks(every_item_has_a_source) | dg.AssetSelection.assets("registry_publish"),
    )
    evaluations = {e.check_name: e.passed for e in check.get_asset_check_evaluations()}
    assert evaluations == {"every_item_has_a_source": False}
    published = {e.asset_key.to_user_string() for e in check.get_asset_materialization_events()}
    assert "registry_publish" not in published
    failed = {e.step_key for e in check.get_step_failure_events()}
    assert failed == {"registry_items_every_item_has_a_source"}  # publish was held back, not broken


def test_quality_checks_report_noise_with_samples(tmp_path):
    folder = tmp_path / "noisy"
    folder.mkdir()
    (folder / "news.txt").write_bytes(NEWS_001.read_bytes())
    (folder / "plan.txt").write_bytes(SEED_003.read_bytes())
    resources = {"source": SourceFolder(path=str(folder))}
    selection = [a for a in all_assets if {k.to_user_string() for k in a.keys} & {"raw_notices", "normalized_notices", "extractions"}]
    result = dg.materialize(selection + quality_checks, resources=resources)
    evaluations = {e.check_name: e for e in result.get_asset_check_evaluations()}
    assert evaluations["no_pinyin_residue"].passed
    mojibake = evaluations["no_unrepaired_mojibake"]
    assert not mojibake.passed and mojibake.severity == dg.AssetCheckSeverity.WARN
    assert mojibake.metadata["samples"].value[0]["uri"] == "news.txt"
    counts = evaluations["stated_counts_match"]
    assert not counts.passed and "stated 58, found 2" in str(counts.metadata["samples"].value)
