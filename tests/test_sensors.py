"""Sensor evaluation: files become partitions and runs once; changes become new versions."""

from __future__ import annotations

import os

import dagster as dg
import pytest

from pipeline.partitions import documents
from pipeline.resources import SourceFolder
from pipeline.sensors import source_folder_sensor, staging_sensor
from pipeline.staging import StagingArea
from sources import IngestError
from tests.conftest import SEED_000, SEED_003


@pytest.fixture
def instance():
    with dg.instance_for_test() as test_instance:
        yield test_instance


def _tick(instance, folder, cursor=None):
    source = SourceFolder(path=str(folder), fetched_path=str(folder.parent / "fetched"))
    context = dg.build_sensor_context(instance=instance, cursor=cursor, resources={"source": source})
    result = source_folder_sensor(context)
    for request in result.dynamic_partitions_requests:
        instance.add_dynamic_partitions(request.partitions_def_name, list(request.partition_keys))
    return result


def test_new_files_become_partitions_and_runs_keyed_by_content(tmp_path, instance):
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "a.txt").write_bytes(SEED_000.read_bytes())
    (folder / "b.txt").write_bytes(SEED_003.read_bytes())
    (folder / "copy-of-a.txt").write_bytes(SEED_000.read_bytes())
    result = _tick(instance, folder)
    keys = set(instance.get_dynamic_partitions(documents.name))
    assert len(keys) == 2  # same bytes twice are one document
    assert {r.partition_key for r in result.run_requests} == keys
    assert all(r.run_key == r.partition_key for r in result.run_requests)
    assert {r.tags["tongban/uri"] for r in result.run_requests} == {"a.txt", "b.txt", "copy-of-a.txt"}


def test_unchanged_files_request_nothing_and_a_changed_file_is_a_new_version(tmp_path, instance):
    folder = tmp_path / "inbox"
    folder.mkdir()
    notice = folder / "plan.txt"
    notice.write_bytes(SEED_003.read_bytes())
    first = _tick(instance, folder)
    quiet = _tick(instance, folder, first.cursor)
    assert quiet.run_requests == []
    notice.write_bytes(SEED_003.read_bytes() + "\n附：更正".encode())
    os.utime(notice, ns=(1, 2))  # make the stat change certain
    changed = _tick(instance, folder, quiet.cursor)
    assert len(changed.run_requests) == 1
    assert changed.run_requests[0].partition_key != first.run_requests[0].partition_key
    assert len(instance.get_dynamic_partitions(documents.name)) == 2


def test_staging_sensor_batches_loads(tmp_path, instance):
    staging = StagingArea(path=str(tmp_path / "staging"))
    context = dg.build_sensor_context(instance=instance, resources={"staging": staging})
    assert isinstance(staging_sensor(context), dg.SkipReason)
    staging.write_error("abc", IngestError("x.txt", "read", "empty", "empty"))
    staging.write_error("def", IngestError("y.txt", "read", "empty", "empty"))
    result = staging_sensor(context)
    assert len(result.run_requests) == 1
    again = staging_sensor(dg.build_sensor_context(instance=instance, cursor=result.cursor, resources={"staging": staging}))
    assert isinstance(again, dg.SkipReason)


def test_after_an_upgrade_of_the_extraction_code_every_file_runs_again_once(tmp_path, instance):
    import json

    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "plan.txt").write_bytes(SEED_003.read_bytes())
    first = _tick(instance, folder)
    state = json.loads(first.cursor)
    state["extraction_version"] = "older"  # the cursor an earlier version of the code left
    upgraded = _tick(instance, folder, json.dumps(state))
    assert [r.partition_key for r in upgraded.run_requests] == [first.run_requests[0].partition_key]
    assert upgraded.run_requests[0].run_key != first.run_requests[0].run_key  # not deduplicated away
    assert _tick(instance, folder, upgraded.cursor).run_requests == []
    bare = _tick(instance, folder, json.dumps(state["files"]))  # a cursor from before versions were kept
    assert len(bare.run_requests) == 1 and _tick(instance, folder, bare.cursor).run_requests == []
