"""The asset graph materialized in-process: document partitions, the load, checks."""

from __future__ import annotations

import dagster as dg
import duckdb
import pytest
from dagster_duckdb import DuckDBResource

from pipeline.checks import every_item_has_a_source
from pipeline.definitions import all_assets, all_checks, defs
from pipeline.partitions import documents
from pipeline.resources import PublishFolder, SourceFolder
from pipeline.runner import materialize_all
from pipeline.staging import StagingArea
from tests.conftest import NEWS_001, SEED_000, SEED_002, SEED_003, gold_item_names
from warehouse.code_version import extraction_version


@pytest.fixture
def instance():
    with dg.instance_for_test() as test_instance:
        yield test_instance


def make_resources(tmp_path, folder) -> dict:
    return {
        "source": SourceFolder(path=str(folder), fetched_path=str(tmp_path / "fetched")),
        "staging": StagingArea(path=str(tmp_path / "staging")),
        "publish_folder": PublishFolder(path=str(tmp_path / "publish")),
        "duckdb": DuckDBResource(database=str(tmp_path / "warehouse" / "tongban.duckdb")),
    }


def query(resources: dict, sql: str) -> list[tuple]:
    with duckdb.connect(resources["duckdb"].database, read_only=True) as conn:
        return conn.execute(sql).fetchall()


def test_definitions_load_with_jobs_sensors_and_the_pool():
    assert {defs.resolve_job_def(n).name for n in ("document_job", "load_job", "fetch_job")}
    assert {s.name for s in defs.sensors} == {"source_folder_sensor", "staging_sensor"}
    for asset in all_assets:
        names = {k.to_user_string() for k in asset.keys}
        if names & {"documents", "registry_items", "registry_publish"}:
            assert asset.op.pool == "duckdb"
        if names & {"raw_notices", "extractions"}:
            assert asset.partitions_def == documents and asset.op.pool is None


def test_whole_graph_with_bad_files_failing_alone(tmp_path, source_folder, instance):
    resources = make_resources(tmp_path, source_folder)
    summary = materialize_all(instance, resources, all_assets, all_checks)
    assert summary.partitions == 5 and sorted(summary.failed) == ["empty.txt", "junk.txt"]
    assert summary.load_success
    assert query(resources, "SELECT count(*) FROM documents") == [(3,)]
    errors = query(resources, "SELECT uri, stage, error_type FROM ingest_errors ORDER BY uri")
    assert errors == [("empty.txt", "read", "empty"), ("junk.txt", "read", "binary")]
    names = {name for (name,) in query(resources, "SELECT name FROM registry_items")}
    assert names == gold_item_names(SEED_000, SEED_002, SEED_003)
    assert (tmp_path / "publish" / "v0001" / "registry_items.parquet").exists()


def test_a_second_run_changes_nothing(tmp_path, source_folder, instance):
    resources = make_resources(tmp_path, source_folder)
    materialize_all(instance, resources, all_assets, all_checks)
    first = query(resources, "SELECT item_id, name, aliases, doc_ids FROM registry_items ORDER BY item_id")
    again = materialize_all(instance, resources, all_assets, all_checks)
    assert again.processed == 0 and again.load_success
    assert query(resources, "SELECT item_id, name, aliases, doc_ids FROM registry_items ORDER BY item_id") == first
    assert query(resources, "SELECT count(*), min(outcome) FROM staging_loads WHERE outcome = 'loaded'") == [(3, "loaded")]
    assert sorted(p.name for p in (tmp_path / "publish").iterdir()) == ["latest.json", "v0001"]


def test_an_upgrade_of_the_extraction_code_runs_every_partition_again(tmp_path, source_folder, instance):
    resources = make_resources(tmp_path, source_folder)
    first = materialize_all(instance, resources, all_assets, all_checks)
    resources["staging"].mark_version("older")  # as an earlier version of the code left it
    again = materialize_all(instance, resources, all_assets, all_checks)
    assert again.processed == first.processed > 0 and again.load_success
    assert resources["staging"].version() == extraction_version()
    assert materialize_all(instance, resources, all_assets, all_checks).processed == 0


def test_the_same_bytes_at_two_places_are_one_document_with_both_places(tmp_path, source_folder, instance):
    """Partitions are keyed by content, so the copy is no partition of its own; the writer records its place."""
    (source_folder / "mirror").mkdir()
    (source_folder / "mirror" / SEED_003.name).write_bytes(SEED_003.read_bytes())
    resources = make_resources(tmp_path, source_folder)
    summary = materialize_all(instance, resources, all_assets, all_checks)
    assert summary.partitions == 5 and summary.load_success
    assert query(resources, "SELECT count(*) FROM documents") == [(3,)]
    places = query(resources, "SELECT uri FROM document_sources ORDER BY uri")
    assert [uri for (uri,) in places] == sorted([SEED_000.name, SEED_002.name, SEED_003.name, f"mirror/{SEED_003.name}"])
    materialize_all(instance, resources, all_assets, all_checks)
    assert query(resources, "SELECT count(*) FROM document_sources") == [(4,)]


def test_a_document_that_raises_fails_its_partition_alone(tmp_path, source_folder, instance, monkeypatch):
    import pipeline.work as work

    real = work.extract

    def explode(doc, issued=None):
        if "粤医保发" in doc.text:
            raise RuntimeError("extractor bug")
        return real(doc, issued=issued)

    monkeypatch.setattr(work, "extract", explode)
    resources = make_resources(tmp_path, source_folder)
    summary = materialize_all(instance, resources, all_assets, all_checks)
    assert "003_e4967c4f2c0e418e.txt" in summary.failed and summary.load_success
    assert query(resources, "SELECT count(*) FROM documents") == [(2,)]
    assert ("extract", "RuntimeError") in query(resources, "SELECT stage, error_type FROM ingest_errors")


def test_registry_checks_pass_and_a_failing_one_holds_the_publish(tmp_path, source_folder, instance):
    resources = make_resources(tmp_path, source_folder)
    materialize_all(instance, resources, all_assets, all_checks)
    with duckdb.connect(resources["duckdb"].database) as conn:  # simulate a broken build
        conn.execute("UPDATE registry_items SET doc_ids = [] WHERE name = '生育津贴支付'")
    result = dg.materialize(
        all_assets + all_checks,
        instance=instance,
        resources=resources,
        raise_on_error=False,
        selection=dg.AssetSelection.checks(every_item_has_a_source) | dg.AssetSelection.assets("registry_publish"),
    )
    assert {e.check_name: e.passed for e in result.get_asset_check_evaluations()} == {"every_item_has_a_source": False}
    assert "registry_publish" not in {e.asset_key.to_user_string() for e in result.get_asset_materialization_events()}
    assert {e.step_key for e in result.get_step_failure_events()} == {"registry_items_every_item_has_a_source"}


def test_quality_checks_per_document(tmp_path, instance):
    folder = tmp_path / "noisy"
    folder.mkdir()
    (folder / "news.txt").write_bytes(NEWS_001.read_bytes())
    (folder / "plan.txt").write_bytes(SEED_003.read_bytes())
    resources = make_resources(tmp_path, folder)
    materialize_all(instance, resources, all_assets, all_checks)
    results = [
        e.event_specific_data
        for e in instance.get_event_records(dg.EventRecordsFilter(dg.DagsterEventType.ASSET_CHECK_EVALUATION))
        for e in [e.event_log_entry.dagster_event]
    ]
    by_name = {}
    for evaluation in results:
        by_name.setdefault(evaluation.check_name, []).append(evaluation)
    assert all(e.passed for e in by_name["no_pinyin_residue"])
    assert sorted(e.passed for e in by_name["no_unrepaired_mojibake"]) == [False, True]
    failed = [e for e in by_name["stated_counts_match"] if not e.passed]
    assert len(failed) == 1 and "stated 58, found 2" in str(failed[0].metadata["samples"].value)
