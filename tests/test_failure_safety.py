"""kill -9 in the middle of a write leaves the warehouse as it was before the write."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap

import duckdb

from tests.conftest import ROOT, SEED_000, SEED_003

_WRITER = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    import duckdb
    from pipeline.work import load, process
    from sources import RawDocument
    from warehouse import migrate, store

    db, first, second = sys.argv[1:4]
    conn = duckdb.connect(db)
    migrate(conn)
    load(conn, [process(RawDocument.from_bytes(Path(first).name, Path(first).read_bytes(), "txt"))])
    print("first loaded", flush=True)

    insert = store._insert
    def stall_after_mentions(conn, table, rows, *args, **options):
        insert(conn, table, rows, *args, **options)
        if table == "item_mentions":
            print("mid-write", flush=True)
            time.sleep(120)
    store._insert = stall_after_mentions
    load(conn, [process(RawDocument.from_bytes(Path(second).name, Path(second).read_bytes(), "txt"))])
""")


def test_kill_during_a_write_leaves_the_file_consistent(tmp_path):
    db = tmp_path / "w.duckdb"
    writer = subprocess.Popen(
        [sys.executable, "-c", _WRITER, str(db), str(SEED_000), str(SEED_003)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert writer.stdout.readline().strip() == "first loaded"
        assert writer.stdout.readline().strip() == "mid-write"
    finally:
        os.kill(writer.pid, signal.SIGKILL)
        writer.wait()
    with duckdb.connect(str(db)) as conn:  # opens (WAL replayed), and holds only committed work
        assert conn.execute("SELECT uri FROM documents").fetchall() == [(SEED_000.name,)]
        assert conn.execute("SELECT count(*) FROM item_mentions WHERE doc_id <> (SELECT doc_id FROM documents)").fetchone() == (
            0,
        )
        # Re-running the interrupted load is idempotent and completes it.
        from pipeline.work import load, process
        from sources import RawDocument

        for _ in range(2):
            load(conn, [process(RawDocument.from_bytes(SEED_003.name, SEED_003.read_bytes(), "txt"))])
        assert conn.execute("SELECT count(*) FROM documents").fetchone() == (2,)
        mentions = "SELECT count(*) FROM item_mentions JOIN documents USING (doc_id) WHERE uri = ?"
        assert conn.execute(mentions, [SEED_003.name]).fetchone() == (36,)  # 18 in the text, 18 in the table
