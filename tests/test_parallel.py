"""Per-document work in parallel processes, one DuckDB writer: no "Could not set lock on file".

Dagster issues #16248 and #19068: two processes writing one DuckDB file fail.
The first test shows that failure is real here; the second runs eight document
partitions at once under the multiprocess executor and sees none of it, because
partitions only stage files and one writer in a pool of one loads them.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from pipeline.partitions import documents, scan
from tests.conftest import ROOT, SEED_003

LOCK_ERROR = "Could not set lock on file"


def test_two_processes_writing_one_duckdb_file_do_fail(tmp_path):
    """The negative control: without one writer, this is what happens."""
    path = tmp_path / "w.duckdb"
    holder = textwrap.dedent(f"""
        import duckdb, sys, time
        conn = duckdb.connect({str(path)!r})
        conn.execute("CREATE TABLE t (x INTEGER)")
        print("ready", flush=True)
        time.sleep(30)
    """)
    process = subprocess.Popen([sys.executable, "-c", holder], stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout.readline().strip() == "ready"
        with pytest.raises(duckdb.IOException, match=LOCK_ERROR):
            duckdb.connect(str(path))
    finally:
        process.kill()
        process.wait()


def _dagster(args: list[str], env: dict) -> subprocess.Popen:
    command = ["timeout", "600", str(Path(sys.executable).parent / "dagster"), *args, "-m", "pipeline.definitions"]
    return subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


@pytest.mark.slow
def test_eight_partitions_in_parallel_without_lock_errors(tmp_path):
    """Eight runs at once, as a daemon or backfill would launch them: separate
    processes, each with the multiprocess executor, all sharing one instance."""
    inbox, data, home = tmp_path / "inbox", tmp_path / "data", tmp_path / "home"
    for folder in (inbox, home):
        folder.mkdir()
    for number in range(8):  # eight distinct documents: eight partitions
        (inbox / f"plan-{number}.txt").write_bytes(SEED_003.read_bytes() + f"\n附{number}".encode())
    shutil.copy(ROOT / "dagster.yaml", home / "dagster.yaml")
    env = {
        **os.environ,
        "DAGSTER_HOME": str(home),
        "TONGBAN_SOURCE": str(inbox),
        "TONGBAN_DATA": str(data),
        "TONGBAN_DB": str(data / "tongban.duckdb"),
    }
    keys = sorted({f.key for f in scan([str(inbox)])})
    assert len(keys) == 8
    with dg.DagsterInstance.from_config(str(home)) as instance:
        instance.add_dynamic_partitions(documents.name, keys)
    runs = [_dagster(["job", "execute", "-j", "document_job", "--tags", json.dumps({"dagster/partition": k})], env) for k in keys]
    logs = [run.communicate()[0] for run in runs]
    assert [run.returncode for run in runs] == [0] * 8, logs[0][-2000:]
    load = _dagster(["job", "execute", "-j", "load_job"], env)
    logs.append(load.communicate()[0])
    assert load.returncode == 0, logs[-1][-2000:]
    assert not any(LOCK_ERROR in log for log in logs)
    assert sum("RUN_SUCCESS" in log for log in logs) == 9
    with duckdb.connect(str(data / "tongban.duckdb"), read_only=True) as conn:
        assert conn.execute("SELECT count(*) FROM documents").fetchone() == (8,)
        assert conn.execute("SELECT count(*) FROM ingest_errors").fetchone() == (0,)
