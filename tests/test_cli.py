"""The tongban CLI on the seeds; the JSON shape is a contract."""

from __future__ import annotations

import json

import duckdb
from click.testing import CliRunner

from pipeline.cli import main
from tests.conftest import NEWS_001, SEED_000, SEED_002, SEED_003, gold_item_names, write_text_pdf
from warehouse.code_version import extraction_version


def _invoke(*args: str):
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result


def test_normalize_prints_simplified_text():
    result = _invoke("normalize", str(SEED_002))
    assert result.exit_code == 0
    assert result.output.startswith("国务院办公厅关于扩大政务服务“跨省通办”范围进一步提升服务效能的意见\n国办发〔2022〕34号")


def test_normalize_json_adds_the_quality_record():
    payload = json.loads(_invoke("normalize", str(NEWS_001), "--json").output)
    assert payload["quality"]["script"] == "traditional"
    assert payload["quality"]["pinyin_groups_removed"] > 0
    assert payload["text"].startswith("2亿多流动人口")


def test_extract_json_shape_is_the_contract():
    payload = json.loads(_invoke("extract", str(SEED_003), "--json").output)
    assert set(payload) >= {"document", "items", "deadlines", "departments"}
    assert set(payload["document"]) >= {"title", "doc_number", "issuer", "issued"}
    assert all(set(i) >= {"name", "span"} for i in payload["items"])
    assert all(set(d) >= {"text", "date", "kind", "span"} for d in payload["deadlines"])
    assert all(set(d) >= {"name", "canonical", "role", "span"} for d in payload["departments"])
    assert {d["kind"] for d in payload["deadlines"]} <= {"by", "recurring", "period", "start"}
    assert {d["role"] for d in payload["departments"]} <= {"lead", "cooperate", "responsible", "mentioned"}
    text = _invoke("normalize", str(SEED_003)).output
    for record in payload["items"] + payload["deadlines"] + payload["departments"]:
        start, end = record["span"]
        assert text[start:end] == record.get("name", record.get("text"))


def test_extract_issued_is_the_base_date_when_the_text_has_none(tmp_path):
    notice = tmp_path / "excerpt.txt"
    notice.write_text("（完成时限：5月25日前，责任单位：各地级以上市医疗保障局。）", encoding="utf-8")
    payload = json.loads(_invoke("extract", str(notice), "--json", "--issued", "2021-05-24").output)
    assert [(d["text"], d["date"]) for d in payload["deadlines"]] == [("5月25日前", "2021-05-25")]
    assert payload["departments"][0]["role"] == "responsible"


def test_extract_reads_pdf(tmp_path):
    pdf = write_text_pdf(
        tmp_path / "n.pdf", ["国务院办公厅关于扩大政务服务范围的意见", "国办发〔2022〕34号", "2023年6月底前实现统一。"]
    )
    payload = json.loads(_invoke("extract", str(pdf), "--json").output)
    assert payload["document"]["doc_number"] == "国办发〔2022〕34号"
    assert payload["deadlines"][0]["date"] == "2023-06-30"


def test_extract_on_junk_fails_clearly(tmp_path):
    junk = tmp_path / "junk.txt"
    junk.write_bytes(bytes(range(256)) * 8)
    result = CliRunner().invoke(main, ["extract", str(junk), "--json"])
    assert result.exit_code != 0 and "binary" in result.output


def test_run_loads_the_folder_and_publishes(tmp_path, source_folder):
    db = tmp_path / "t.duckdb"
    args = ["run", "--source", str(source_folder), "--db", str(db), "--publish", str(tmp_path / "pub"), "--no-progress"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    expected = len(gold_item_names(SEED_000, SEED_002, SEED_003))
    assert f"3 documents loaded, 2 errors recorded, {expected} registry items" in result.output
    again = CliRunner().invoke(main, args)
    assert "(unchanged)" in again.output
    with duckdb.connect(str(db), read_only=True) as conn:
        assert conn.execute("SELECT count(*) FROM documents").fetchone() == (3,)


def test_a_rerun_skips_unchanged_documents_and_takes_changed_ones(tmp_path, source_folder):
    args = ["run", "--source", str(source_folder), "--db", str(tmp_path / "t.duckdb"), "--publish", str(tmp_path / "p")]
    CliRunner().invoke(main, [*args, "--no-progress"])
    again = CliRunner().invoke(main, [*args, "--no-progress"])
    assert "0 documents loaded" in again.output and "3 unchanged documents skipped" in again.output
    (source_folder / SEED_003.name).write_bytes(SEED_003.read_bytes() + "\n附：更正".encode())
    changed = CliRunner().invoke(main, [*args, "--no-progress"])
    assert "1 documents loaded" in changed.output and "2 unchanged documents skipped" in changed.output
    forced = CliRunner().invoke(main, [*args, "--no-progress", "--force"])
    assert "3 documents loaded" in forced.output and "0 unchanged" in forced.output
    with duckdb.connect(str(tmp_path / "t.duckdb"), read_only=True) as conn:
        assert conn.execute("SELECT count(*) FROM documents").fetchone() == (4,)  # 003 in two versions


def test_documents_an_older_extraction_version_loaded_are_processed_again(tmp_path, source_folder):
    """After an upgrade, documents loaded before had stayed as the old code read them until
    someone ran --force; the version each was loaded with now says they are stale."""
    db = tmp_path / "t.duckdb"
    args = ["run", "--source", str(source_folder), "--db", str(db), "--publish", str(tmp_path / "p"), "--no-progress"]
    CliRunner().invoke(main, args)
    with duckdb.connect(str(db)) as conn:
        versions = conn.execute("SELECT DISTINCT extraction_version FROM documents").fetchall()
        assert versions == [(extraction_version(),)]
        conn.execute("UPDATE documents SET extraction_version = 'older' WHERE uri LIKE '%003%'")
    again = CliRunner().invoke(main, args)
    assert "1 documents loaded" in again.output and "2 unchanged documents skipped" in again.output
    with duckdb.connect(str(db), read_only=True) as conn:
        assert conn.execute("SELECT count(*) FROM documents WHERE extraction_version = 'older'").fetchone() == (0,)


def test_a_rerun_skips_the_same_bytes_found_at_a_second_place(tmp_path, source_folder):
    """One notice saved twice (a mirror, a copy in another folder): one document, two
    places, and nothing to redo on the next run."""
    (source_folder / "mirror").mkdir()
    (source_folder / "mirror" / SEED_003.name).write_bytes(SEED_003.read_bytes())
    args = ["run", "--source", str(source_folder), "--db", str(tmp_path / "t.duckdb"), "--publish", str(tmp_path / "p")]
    first = CliRunner().invoke(main, [*args, "--no-progress"])
    assert "4 documents loaded" in first.output
    again = CliRunner().invoke(main, [*args, "--no-progress"])
    assert "0 documents loaded" in again.output and "4 unchanged documents skipped" in again.output
    with duckdb.connect(str(tmp_path / "t.duckdb"), read_only=True) as conn:
        assert conn.execute("SELECT count(*) FROM documents").fetchone() == (3,)
        assert conn.execute("SELECT count(*) FROM document_sources").fetchone() == (4,)


def test_prune_retires_files_gone_from_the_source(tmp_path, source_folder):
    db = tmp_path / "t.duckdb"
    args = ["run", "--source", str(source_folder), "--db", str(db), "--publish", str(tmp_path / "p"), "--no-progress"]
    CliRunner().invoke(main, args)
    (source_folder / SEED_003.name).unlink()
    (source_folder / "junk.txt").unlink()
    kept = CliRunner().invoke(main, args)  # without --prune nothing is retired
    assert "0 documents loaded" in kept.output and "places retired" not in kept.output
    pruned = CliRunner().invoke(main, [*args, "--prune"])
    assert "2 places retired" in pruned.output, pruned.output
    with duckdb.connect(str(db), read_only=True) as conn:
        names = {name for (name,) in conn.execute("SELECT name FROM registry_items").fetchall()}
        assert names == gold_item_names(SEED_000, SEED_002)  # 003's table items are gone
        assert conn.execute("SELECT count(*) FROM documents").fetchone() == (3,)  # kept as history
        assert conn.execute("SELECT uri FROM ingest_errors ORDER BY uri").fetchall() == [("empty.txt",)]
    (source_folder / SEED_003.name).write_bytes(SEED_003.read_bytes())
    back = CliRunner().invoke(main, [*args, "--prune"])
    assert "0 places retired" in back.output
    with duckdb.connect(str(db), read_only=True) as conn:
        count = conn.execute("SELECT count(*) FROM registry_items").fetchone()[0]
    assert count == len(gold_item_names(SEED_000, SEED_002, SEED_003))


def test_a_100_mb_file_is_refused_without_stopping_the_run(tmp_path, source_folder):
    with open(source_folder / "huge.txt", "wb") as huge:
        huge.truncate(100 * 1024 * 1024)  # sparse: 100 MB on paper, nothing to write
    db = tmp_path / "t.duckdb"
    args = ["run", "--source", str(source_folder), "--db", str(db), "--publish", str(tmp_path / "p"), "--no-progress"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0 and "3 documents loaded, 3 errors recorded" in result.output
    with duckdb.connect(str(db), read_only=True) as conn:
        row = conn.execute("SELECT stage, error_type, message FROM ingest_errors WHERE uri = 'huge.txt'").fetchone()
    assert row[:2] == ("discover", "too_large") and "104857600 bytes" in row[2]
