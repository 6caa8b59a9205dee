"""``tongban run --workers``: documents processed in worker processes, loaded by one writer.

The documents are real text: paragraphs of seed 003 (the Guangdong work plan),
each a notice of its own, enough of them that the pool really starts.
"""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.workers import POOL_MIN, process_all, rows_of
from sources import IngestError, RawDocument
from tests.conftest import SEED_003

POISON = "poison.txt"


def _notices(count: int) -> list[RawDocument]:
    paragraphs = [p for p in SEED_003.read_text(encoding="utf-8").split("\n") if len(p) > 40]
    texts = [f"{paragraphs[i % len(paragraphs)]}\n（第{i}号）\n" for i in range(count)]
    return [RawDocument.from_bytes(f"n{i:03}.txt", text.encode("utf-8"), "txt") for i, text in enumerate(texts)]


def _as_dicts(results) -> list[dict]:
    return [dataclasses.asdict(r) for r in results]


def _dies_on_poison(entry):
    """A task whose worker process dies on one document, as a native crash would."""
    if entry.uri == POISON:
        os._exit(70)
    return rows_of(entry)


def test_workers_give_the_rows_of_one_process_in_input_order():
    notices = _notices(POOL_MIN + 20)
    alone = _as_dicts(process_all(notices, workers=0))
    pooled = _as_dicts(process_all(notices, workers=2))
    assert [r["uri"] for r in pooled] == [n.uri for n in notices]
    assert pooled == alone
    assert sum(len(r["departments"]) for r in pooled) > 0  # real extraction happened, not empty rows


def test_a_document_that_kills_its_worker_is_recorded_and_the_rest_are_processed():
    notices = _notices(POOL_MIN + 20)
    poison = RawDocument.from_bytes(POISON, b"\xe9\x80\x9a\xe5\x8a\x9e", "txt")
    notices.insert(30, poison)
    results = list(process_all(notices, workers=2, task=_dies_on_poison))
    assert [r.uri for r in results] == [n.uri for n in notices]
    crashed = [r for r in results if isinstance(r, IngestError)]
    assert [(e.uri, e.stage, e.error_type, e.sha256) for e in crashed] == [(POISON, "process", "worker_crashed", poison.sha256)]
    others = [n for n in notices if n.uri != POISON]
    assert _as_dicts(r for r in results if r.uri != POISON) == _as_dicts(map(rows_of, others))


def _pid(entry):
    return os.getpid()


def test_small_runs_stay_in_this_process_and_large_ones_do_not():
    """Starting workers costs more than a handful of documents take."""
    assert set(process_all(_notices(POOL_MIN - 1), workers=2, task=_pid)) == {os.getpid()}
    pids = set(process_all(_notices(POOL_MIN * 2), workers=2, task=_pid))
    assert os.getpid() not in pids and 1 <= len(pids) <= 2


def test_cli_run_with_workers_loads_the_same_warehouse(tmp_path):
    source = tmp_path / "notices"
    source.mkdir()
    for notice in _notices(POOL_MIN + 6):
        (source / notice.uri).write_bytes(notice.data)
    counts = []
    for workers in ("0", "2"):
        db = tmp_path / f"w{workers}.duckdb"
        args = ["run", "--source", str(source), "--db", str(db), "--publish", str(tmp_path / f"p{workers}")]
        result = CliRunner().invoke(main, [*args, "--no-progress", "--workers", workers])
        assert result.exit_code == 0, result.output
        with duckdb.connect(str(db), read_only=True) as conn:
            query = "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM department_mentions), "
            counts.append(conn.execute(query + "(SELECT count(*) FROM deadlines)").fetchone())
    assert counts[0] == counts[1]
    assert counts[0][0] == POOL_MIN + 6


@pytest.mark.slow
def test_a_pooled_run_exits_without_the_bindings_leak_report(tmp_path):
    """The fork server freezes its objects for the collector (pipeline/preload.py); left
    frozen at exit, DuckDB's binding printed "nanobind: leaked 27 instances!" and a page
    of leaked names after every run large enough to start workers."""
    source = tmp_path / "notices"
    source.mkdir()
    for notice in _notices(POOL_MIN + 6):
        (source / notice.uri).write_bytes(notice.data)
    args = ["run", "--source", str(source), "--db", str(tmp_path / "w.duckdb"), "--publish", str(tmp_path / "p")]
    command = [sys.executable, "-m", "pipeline.cli", *args, "--no-progress", "--workers", "1"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=300, cwd=Path(__file__).parent.parent)
    assert done.returncode == 0, done.stderr
    assert "leaked" not in done.stderr
