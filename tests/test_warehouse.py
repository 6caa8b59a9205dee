"""Warehouse: migrations, idempotent per-document writes, stable registry IDs, publishing."""

from __future__ import annotations

import json

import duckdb

from pipeline.work import load, process
from sources import IngestError, RawDocument
from tests.conftest import SEED_000, SEED_002, SEED_003, gold_item_names
from warehouse import build_registry, load_rows, migrate, publish
from warehouse.keys import item_id, item_key
from warehouse.schema import migrations


def _docs(*paths):
    return [process(RawDocument.from_bytes(p.name, p.read_bytes(), "txt")) for p in paths]


def _table(conn, sql):
    return conn.execute(sql).fetchall()


def test_migrations_are_recorded_and_run_once(conn):
    assert migrate(conn) == migrations()[-1][0]
    assert _table(conn, "SELECT count(*) FROM schema_version") == [(len(migrations()),)]


def test_reloading_a_document_replaces_its_rows(conn):
    docs = _docs(SEED_003)
    load(conn, docs)
    before = _table(conn, "SELECT count(*) FROM item_mentions")
    load(conn, docs)
    assert _table(conn, "SELECT count(*) FROM item_mentions") == before
    assert _table(conn, "SELECT count(*), max(version) FROM documents") == [(1, 1)]


def test_spans_point_into_both_texts(conn):
    load(conn, _docs(SEED_002))
    rows = _table(
        conn,
        "SELECT d.normalized_text, d.raw_text, m.text, m.span_start, m.span_end, m.raw_start, m.raw_end "
        "FROM deadlines m JOIN documents d USING (doc_id)",
    )
    normalized, raw, text, start, end, raw_start, raw_end = rows[0]
    assert normalized[start:end] == text == "2023年6月底前"
    assert raw[raw_start:raw_end] == "2023年6月底(di)前"  # the raw span keeps the source's noise


def test_json_columns_hold_objects_that_sql_can_read(conn):
    """v_document_quality reads the quality record with JSON paths: it must be an object, not a string of one."""
    load(conn, _docs(SEED_000, SEED_002))
    quality = dict(_table(conn, "SELECT uri, pinyin_groups_removed FROM v_document_quality"))
    expected = {doc.raw.uri: doc.normalized.quality.pinyin_groups_removed for doc in _docs(SEED_000, SEED_002)}
    assert quality == expected and quality[SEED_002.name] > 100 and quality[SEED_000.name] == 0
    runs = _table(
        conn, f"SELECT json_type(offset_runs), json_array_length(offset_runs) FROM documents WHERE uri = '{SEED_002.name}'"
    )
    assert runs[0][0] == "ARRAY" and runs[0][1] > 100


def test_migration_9_unwraps_json_stored_as_json_strings(conn):
    load(conn, _docs(SEED_002))
    conn.execute("UPDATE documents SET quality = to_json(quality::VARCHAR), offset_runs = to_json(offset_runs::VARCHAR)")
    assert _table(conn, "SELECT json_type(quality), json_type(offset_runs) FROM documents") == [("VARCHAR", "VARCHAR")]
    conn.execute("DELETE FROM schema_version WHERE version = 9")
    migrate(conn)
    assert _table(conn, "SELECT json_type(quality), json_type(offset_runs) FROM documents") == [("OBJECT", "ARRAY")]
    assert _table(conn, "SELECT pinyin_groups_removed > 100 FROM v_document_quality") == [(True,)]


def test_add_places_records_other_places_of_loaded_documents(conn):
    from warehouse import add_places

    load(conn, _docs(SEED_003, SEED_000))
    plan, notice = (doc_id for (doc_id,) in _table(conn, "SELECT doc_id FROM documents ORDER BY uri DESC"))
    places = [(plan, "mirror/plan.txt"), (plan, SEED_003.name), (plan, "mirror/plan.txt"), ("0" * 16, "x.txt")]
    places.append((plan, SEED_000.name))  # a place that held other bytes: a new version there
    assert add_places(conn, places) == 2
    assert add_places(conn, places) == 0
    rows = _table(conn, f"SELECT uri, version FROM document_sources WHERE doc_id = '{plan}' ORDER BY uri")
    assert rows == sorted([("mirror/plan.txt", 1), (SEED_003.name, 1), (SEED_000.name, 2)])
    assert _table(conn, f"SELECT uri, version FROM document_sources WHERE doc_id = '{notice}'") == [(SEED_000.name, 1)]


def test_changed_bytes_at_the_same_path_are_a_new_version(conn):
    first = RawDocument.from_bytes("plan.txt", SEED_003.read_bytes(), "txt")
    second = RawDocument.from_bytes("plan.txt", SEED_003.read_bytes() + "\n附：更正".encode(), "txt")
    load(conn, [process(first), process(second)])
    assert _table(conn, "SELECT version FROM documents ORDER BY version") == [(1,), (2,)]


def test_same_notice_in_two_scripts_gives_no_duplicate_items(conn):
    load(conn, _docs(SEED_000, SEED_002, SEED_003))
    build_registry(conn)
    assert _table(conn, "SELECT count(*) = count(DISTINCT name) FROM registry_items") == [(True,)]
    names = [name for (name,) in _table(conn, "SELECT name FROM registry_items")]
    assert set(names) == gold_item_names(SEED_000, SEED_002, SEED_003)  # one row per item the gold names


def test_item_ids_do_not_depend_on_input_order(tmp_path):
    ids = []
    for order in ([SEED_000, SEED_002, SEED_003], [SEED_003, SEED_002, SEED_000]):
        connection = duckdb.connect(str(tmp_path / f"{order[0].name}.duckdb"))
        migrate(connection)
        load(connection, _docs(*order))
        build_registry(connection)
        ids.append(_table(connection, "SELECT item_id, item_key FROM registry_items ORDER BY item_id"))
        connection.close()
    assert ids[0] == ids[1]
    assert all(i == item_id(key) for i, key in ids[0])


def test_every_registry_item_cites_its_documents(conn):
    load(conn, _docs(SEED_003))
    build_registry(conn)
    rows = _table(conn, "SELECT source_uris, document_count, first_seen FROM registry_items")
    assert rows and all(uris == [SEED_003.name] and count == 1 and str(seen) == "2021-05-24" for uris, count, seen in rows)
    assert _table(conn, "SELECT count(*) FROM v_item_sources") == _table(conn, "SELECT count(*) FROM item_mentions")


def test_errors_are_upserted_and_cleared_when_the_file_loads(conn):
    broken = IngestError("plan.txt", "read", "binary", "binary content", sha256="x")
    load(conn, [broken])
    load(conn, [broken])
    assert _table(conn, "SELECT count(*) FROM ingest_errors") == [(1,)]
    load(conn, [process(RawDocument.from_bytes("plan.txt", SEED_003.read_bytes(), "txt"))])
    assert _table(conn, "SELECT count(*) FROM ingest_errors") == [(0,)]


def test_publish_writes_a_version_once_and_a_changelog(conn, tmp_path):
    load(conn, _docs(SEED_003))
    build_registry(conn)
    root = tmp_path / "publish"
    first = publish(conn, root)
    again = publish(conn, root)
    assert first.created and not again.created and again.version == first.version == "v0001"
    files = {p.name for p in first.path.iterdir()}
    assert {"registry_items.parquet", "registry_items.csv", "registry_items.jsonl", "datapackage.json", "changelog.json"} <= files
    assert len(first.changelog["added"]) == 18
    lines = (first.path / "registry_items.jsonl").read_text(encoding="utf-8").splitlines()
    assert {json.loads(line)["name"] for line in lines} >= {"生育津贴支付", "异地转诊人员备案"}
    assert json.loads((root / "latest.json").read_text())["version"] == "v0001"


def test_categories_reach_the_registry_and_a_new_field_is_no_change_in_the_changelog(conn, tmp_path):
    text = "序号\t事项名称\n一、社会保障类\t一、社会保障类\n1\t失业保险金申领\n2\t社会保障卡申领\n"
    load(conn, [_text_doc("list.txt", text)])
    build_registry(conn)
    assert _table(conn, "SELECT name, categories FROM registry_items ORDER BY name") == [
        ("失业保险金申领", ["社会保障类"]),
        ("社会保障卡申领", ["社会保障类"]),
    ]
    assert _table(conn, "SELECT DISTINCT category FROM v_registry") == [("社会保障类",)]
    root = tmp_path / "publish"
    first = publish(conn, root)
    records = [json.loads(line) for line in (first.path / "registry_items.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {r["name"]: r["categories"] for r in records} == {"失业保险金申领": ["社会保障类"], "社会保障卡申领": ["社会保障类"]}
    # a release from before the field: the next one adds it, and no item counts as changed for it
    old = first.path / "registry_items.jsonl"
    old.write_text(
        "".join(json.dumps({k: v for k, v in r.items() if k != "categories"}, ensure_ascii=False) + "\n" for r in records)
    )
    load(conn, [_text_doc("more.txt", "序号\t事项名称\n1\t婚姻登记\n")])
    build_registry(conn)
    second = publish(conn, root)
    assert [a["name"] for a in second.changelog["added"]] == ["婚姻登记"] and second.changelog["changed"] == []


def _published_before_and_after(conn, root, change: str):
    """Publish seed 003's registry, run ``change`` (SQL), rebuild and publish again."""
    load(conn, _docs(SEED_003))
    build_registry(conn)
    publish(conn, root)
    conn.execute(change)
    build_registry(conn)
    return publish(conn, root)


def test_a_changed_registry_publishes_a_new_version_with_its_changes(conn, tmp_path):
    second = _published_before_and_after(conn, tmp_path / "publish", "DELETE FROM item_mentions WHERE name = '生育津贴支付'")
    assert second.version == "v0002"
    assert [r["name"] for r in second.changelog["removed"]] == ["生育津贴支付"]
    assert second.changelog["since"] == "v0001"


def test_a_changed_source_document_alone_publishes_a_new_version(conn, tmp_path):
    """item_sources is part of a release: a corrected title changes it, the items do not."""
    second = _published_before_and_after(conn, tmp_path / "publish", "UPDATE documents SET title = title || '（修订）'")
    assert second.created and second.version == "v0002"
    assert not second.changelog["added"] and not second.changelog["removed"]


def test_a_release_fingerprinted_the_old_way_is_not_published_again(conn, tmp_path):
    from warehouse.publish import _legacy_fingerprint

    root = tmp_path / "publish"
    load(conn, _docs(SEED_003))
    build_registry(conn)
    first = publish(conn, root)
    pointer = json.loads((root / "latest.json").read_text())
    items_jsonl = (first.path / "registry_items.jsonl").read_text(encoding="utf-8")
    pointer["fingerprint"] = _legacy_fingerprint(conn, items_jsonl)  # as releases before 2: fingerprints wrote it
    (root / "latest.json").write_text(json.dumps(pointer))
    again = publish(conn, root)
    assert not again.created and again.version == "v0001"
    assert json.loads((root / "latest.json").read_text())["fingerprint"].startswith("2:")


def _text_doc(uri: str, text: str):
    return process(RawDocument.from_bytes(uri, text.encode("utf-8"), "txt"))


def test_near_duplicates_merge_only_through_the_alias_table_and_say_why(conn):
    load(conn, [_text_doc("a.txt", "包括异地就医结算备案、异地就医备案、异地就医直接结算等3个事项。")])
    build_registry(conn)
    names = [r[0] for r in _table(conn, "SELECT name FROM registry_items ORDER BY name")]
    assert names == ["异地就医备案", "异地就医直接结算"]  # 直接结算 is not in the alias table: kept apart
    (reason,) = _table(conn, "SELECT reason FROM registry_merges WHERE item_key = '异地就医结算备案'")[0]
    assert "国家医保局" in reason
    aliases = _table(conn, "SELECT aliases FROM registry_items WHERE name = '异地就医备案'")[0][0]
    assert set(aliases) == {"异地就医备案", "异地就医结算备案"}


def test_the_national_lists_spellings_of_one_item_merge(conn):
    load(conn, [_text_doc("a.txt", "包括异地就医登记备案、大中专录取学生户口迁移、大中专院校录取学生户口迁移等3个事项。")])
    load(conn, [_text_doc("b.txt", "包括排污许可证核发、新生儿入户登记、职工基本养老保险关系转移接续等3个事项。")])
    load(conn, [_text_doc("c.txt", "包括排污许可、新生儿入户、企业职工基本养老保险关系转移接续等3个事项。")])
    build_registry(conn)
    rows = _table(conn, "SELECT name, document_count FROM registry_items ORDER BY name")
    assert rows == [
        ("企业职工基本养老保险关系转移接续", 2),
        ("大中专院校录取学生户口迁移", 1),
        ("异地就医备案", 1),
        ("排污许可", 2),
        ("新生儿入户", 2),
    ]
    # a name the national list writes in full, though no notice here does: the registry names it so
    load(conn, [_text_doc("d.txt", "包括医保关系转移接续、首次办理居民身份证等2个事项。")])
    load(conn, [_text_doc("e.txt", "包括居民身份证首次申领、户口迁移等2个事项。")])
    build_registry(conn)
    rows = _table(
        conn, "SELECT name, aliases FROM registry_items WHERE name IN ('基本医疗保险关系转移接续', '居民身份证首次申领')"
    )
    assert sorted((name, sorted(aliases)) for name, aliases in rows) == [
        ("基本医疗保险关系转移接续", ["医保关系转移接续"]),
        ("居民身份证首次申领", ["居民身份证首次申领", "首次办理居民身份证"]),
    ]


def test_a_name_written_verb_first_merges_with_the_same_name_object_first(conn):
    """首次申领居民身份证 is 居民身份证首次申领; 领取养老金人员待遇资格认证 is a certification, not
    领取 of one, and 首次办理社会保障卡's 办理 says too little to reorder (首次办理居民身份证 is merged
    by a listed alias, a reader's decision, not by this rule)."""
    load(
        conn,
        [_text_doc("a.txt", "包括首次申领居民身份证、提取住房公积金、领取养老金人员待遇资格认证、首次办理社会保障卡等4个事项。")],
    )
    load(conn, [_text_doc("b.txt", "包括居民身份证首次申领、住房公积金提取等2个事项。")])
    build_registry(conn)
    rows = _table(conn, "SELECT name, document_count FROM registry_items ORDER BY name")
    assert rows == [
        ("住房公积金提取", 2),
        ("居民身份证首次申领", 2),
        ("领取养老金人员待遇资格认证", 1),
        ("首次办理社会保障卡", 1),
    ]
    (reason,) = _table(conn, "SELECT reason FROM registry_merges WHERE item_key = '首次申领居民身份证'")[0]
    assert reason.startswith("word order")


def test_issuing_a_document_is_that_documents_item(conn):
    """开具 is a generic ending: 户籍证明开具 is 户籍证明, as 出生医学证明办理 is 出生医学证明."""
    load(conn, [_text_doc("a.txt", "包括户籍证明开具、无犯罪记录证明开具等2个事项。")])
    load(conn, [_text_doc("b.txt", "包括户籍证明、无犯罪记录证明等2个事项。")])
    build_registry(conn)
    rows = _table(conn, "SELECT name, document_count FROM registry_items ORDER BY name")
    assert rows == [("户籍证明", 2), ("无犯罪记录证明", 2)]


def test_a_name_holding_an_alias_term_merges_with_the_official_term_and_says_why(conn):
    load(conn, [_text_doc("news.txt", "推进社保卡申领、养老保险关系接续转移等2项“跨省通办”。")])
    build_registry(conn)
    alone = _table(conn, "SELECT item_id, name FROM registry_items ORDER BY name")
    # seen only in short form: named as written, keyed (and identified) by the official form
    assert (item_id(item_key("社会保障卡申领")), "社保卡申领") in alone
    load(conn, [_text_doc("plan.txt", "实现社会保障卡申领、养老保险关系转移接续等2个事项“跨省通办”。")])
    build_registry(conn)
    rows = _table(conn, "SELECT item_id, name, aliases, document_count FROM registry_items ORDER BY name")
    assert [(r[1], set(r[2]), r[3]) for r in rows] == [
        ("养老保险关系转移接续", {"养老保险关系接续转移", "养老保险关系转移接续"}, 2),
        ("社会保障卡申领", {"社保卡申领", "社会保障卡申领"}, 2),
    ]
    assert rows[1][0] == alone[1][0]  # the id did not change when the official form arrived
    (reason,) = _table(conn, "SELECT reason FROM registry_merges WHERE item_key = '社保卡申领'")[0]
    assert reason.startswith("term alias: 社保卡 = 社会保障卡")


def test_a_scope_written_with_half_width_brackets_is_one_scope_in_the_registry(conn):
    load(conn, [_text_doc("a.txt", "推动社会保障卡申领、户口迁移等事项实现“跨省(区域)通办”。")])
    load(conn, [_text_doc("b.txt", "推动社会保障卡申领、户口迁移等事项实现“跨省（区域）通办”。")])
    build_registry(conn)
    scopes = _table(conn, "SELECT DISTINCT unnest(scope) FROM registry_items")
    assert scopes == [("跨省（区域）通办",)]


def test_a_short_term_merges_into_the_official_one_it_is_part_of(conn):
    """公积金 is 住房公积金's short name and part of it: 公积金提取 merges with 住房公积金提取,
    and 住房公积金提取 is not expanded again (住房住房公积金提取)."""
    load(conn, [_text_doc("a.txt", "推进公积金提取、驾驶证补换领、住房公积金提取、机动车驾驶证补换领等4项“跨省通办”。")])
    build_registry(conn)
    rows = _table(conn, "SELECT name, aliases FROM registry_items ORDER BY name")
    assert [(r[0], set(r[1])) for r in rows] == [
        ("住房公积金提取", {"住房公积金提取", "公积金提取"}),
        ("机动车驾驶证补换领", {"机动车驾驶证补换领", "驾驶证补换领"}),
    ]


def test_a_short_term_inside_a_term_that_names_something_else_stays_as_written(conn):
    """驾驶证 is 机动车驾驶证's short name, but 农机驾驶证 is a farm machine's licence, and
    身份证明 a certificate of identity, no 居民身份证: neither is expanded."""
    load(conn, [_text_doc("a.txt", "推进农机驾驶证补证、临时身份证明开具、身份证换领等3项“跨省通办”。")])
    build_registry(conn)
    keys = _table(conn, "SELECT name, item_key FROM registry_items ORDER BY name")
    assert keys == [
        ("临时身份证明开具", item_key("临时身份证明")),  # 开具 drops, as for any 证明
        ("农机驾驶证补证", item_key("农机驾驶证补证")),
        ("身份证换领", item_key("居民身份证换领")),  # seen only short: named as written
    ]


def test_a_generic_ending_merges_with_the_name_without_it_and_says_why(conn):
    load(conn, [_text_doc("a.txt", "推进出生医学证明办理、户口迁移业务等2项“跨省通办”。")])
    build_registry(conn)
    alone = _table(conn, "SELECT item_id, name FROM registry_items ORDER BY name")
    # seen only with its ending: named as written, identified by the name without it
    assert (item_id(item_key("出生医学证明")), "出生医学证明办理") in alone
    load(conn, [_text_doc("b.txt", "实现出生医学证明、户口迁移、公证办理、转移接续手续办理等4个事项“跨省通办”。")])
    build_registry(conn)
    rows = _table(conn, "SELECT name, aliases, document_count FROM registry_items ORDER BY name")
    assert [(r[0], set(r[1]), r[2]) for r in rows] == [
        ("公证办理", {"公证办理"}, 1),  # 公证 alone is too short to merge on
        ("出生医学证明", {"出生医学证明", "出生医学证明办理"}, 2),
        ("户口迁移", {"户口迁移", "户口迁移业务"}, 2),
        ("转移接续手续办理", {"转移接续手续办理"}, 1),  # 转移接续 alone is a verb, no item
    ]
    (reason,) = _table(conn, "SELECT reason FROM registry_merges WHERE item_key = '出生医学证明办理'")[0]
    assert reason.startswith("generic ending 办理")
    # the merged mention cites the item it went into
    cited = _table(conn, "SELECT mention FROM v_item_sources WHERE item = '出生医学证明' ORDER BY mention")
    assert cited == [("出生医学证明",), ("出生医学证明办理",)]


def test_traditional_surface_forms_are_kept_as_aliases(conn):
    load(
        conn,
        [
            _text_doc("t.txt", "包括婚姻登記、社會保險參保繳費記錄查詢等2項事項。"),
            _text_doc("s.txt", "包括婚姻登记、出生医学证明等2项事项。"),
        ],
    )
    build_registry(conn)
    row = _table(conn, "SELECT aliases, document_count FROM registry_items WHERE name = '婚姻登记'")[0]
    assert set(row[0]) == {"婚姻登记", "婚姻登記"} and row[1] == 2


def test_a_spelling_keeps_the_script_and_drops_the_pinyin(conn):
    load(conn, [_text_doc("t.txt", "實施結(jié)婚登記和離(lí)婚登記“跨省通辦”試點(diǎn)。")])
    build_registry(conn)
    rows = dict(_table(conn, "SELECT name, aliases FROM registry_items"))
    assert set(rows["结婚登记"]) == {"结婚登记", "結婚登記"} and set(rows["离婚登记"]) == {"离婚登记", "離婚登記"}
    # the raw name keeps what the source said, noise and all
    raw = {name: raw for name, raw in _table(conn, "SELECT name, raw_name FROM item_mentions")}
    assert raw["结婚登记"] == "結(jié)婚登記"


def test_a_raw_spelling_differing_only_by_layout_blanks_is_no_alias(conn):
    load(conn, [_text_doc("s.txt", "序号\t事项名称\t责任单位\n1\t婚姻登 记\t市民政局\n2\t出生医学证明\t市卫健委\n")])
    build_registry(conn)
    (aliases,) = _table(conn, "SELECT aliases FROM registry_items WHERE name = '婚姻登记'")[0]
    assert aliases == ["婚姻登记"]


def test_departments_registry_counts_roles(conn):
    load(conn, _docs(SEED_003))
    build_registry(conn)
    row = _table(
        conn, "SELECT aliases, lead_count, document_count FROM registry_departments WHERE canonical = '广东省医疗保障局'"
    )
    aliases, leads, docs = row[0]
    assert {"省医疗保障局", "广东省医疗保障局", "省医保局"} <= set(aliases) and leads == 3 and docs == 1


def test_deadline_status_is_relative_to_a_date(conn):
    load(conn, _docs(SEED_003))
    rows = dict(_table(conn, "SELECT text, status FROM deadlines_as_of('2021-06-01')"))
    assert rows["5月25日前"] == "overdue" and rows["6月30日前"] == "upcoming" and rows["每月20日前"] == "recurring"


def test_a_relative_deadline_on_an_undated_page_is_unresolved_not_open(conn):
    load(conn, [_text_doc("news.txt", "115个事项有望在今年10月底前实现川渝通办，相关工作长期坚持。")])
    rows = _table(conn, "SELECT text, date, precision, status FROM v_deadlines")
    assert rows == [("今年10月底前", None, "unresolved", "unresolved")]
    assert _table(conn, "SELECT status FROM deadlines_as_of('2021-06-01')") == [("unresolved",)]


def test_an_ongoing_time_limit_has_a_status_of_its_own(conn):
    load(conn, [_text_doc("plan.txt", "（一）推进数据共享。（省政务服务数据管理局牵头，各市配合；长期坚持）")])
    assert _table(conn, "SELECT text, date, status FROM v_deadlines") == [("长期坚持", None, "ongoing")]
    assert _table(conn, "SELECT status FROM deadlines_as_of('2021-06-01')") == [("ongoing",)]


def test_tasks_view_answers_who_does_what_by_when(conn):
    load(conn, _docs(SEED_003))
    rows = {r[0]: r[1:] for r in _table(conn, "SELECT task, first_due, departments FROM v_tasks WHERE first_due IS NOT NULL")}
    due, departments = rows["强化系统支撑"]
    assert str(due) == "2021-07-20"
    assert departments == "广东省医疗保障局（lead）；各地级以上市医疗保障局（cooperate）"
    assert _table(conn, "SELECT count(*) FROM sections") == [(19,)]


def test_item_links_name_the_units_and_time_limit_on_an_items_own_row(conn):
    text = (
        "某市“跨省通办”事项清单\n序号\t事项名称\t责任单位\t完成时限\n"
        "1\t异地就医备案\t市医保局\t2022年6月底前\n2\t失业登记\t市人社局、市财政局\t2022年9月底前\n"
    )
    load(conn, [_text_doc("list.txt", text)])
    build_registry(conn)
    rows = _table(conn, "SELECT item, kind, department, role, deadline, due FROM v_item_links ORDER BY item, kind, department")
    assert [(r[0], r[1], r[2], r[3], r[4], str(r[5]) if r[5] else None) for r in rows] == [
        ("失业登记", "deadline", None, None, "2022年9月底前", "2022-09-30"),
        ("失业登记", "department", "某市人力资源和社会保障局", "responsible", None, None),
        ("失业登记", "department", "某市财政局", "responsible", None, None),
        ("异地就医备案", "deadline", None, None, "2022年6月底前", "2022-06-30"),
        ("异地就医备案", "department", "某市医疗保障局", "responsible", None, None),
    ]
    # the document-level view pairs every item with every unit: the links do not
    assert _table(conn, "SELECT count(*) FROM v_department_items") == [(6,)]
    load(conn, [_text_doc("list.txt", text)])  # a reload replaces the links, no duplicates
    assert _table(conn, "SELECT count(*) FROM item_links") == [(5,)]


def test_item_mentions_keep_the_batch_of_their_list(conn):
    load(conn, [_text_doc("n.txt", "包括婚姻登记、户口迁移等在内的第一批58项“跨省通办”事项要在2020年底前实现。")])
    rows = _table(conn, "SELECT name, batch, stated_count FROM item_mentions ORDER BY ordinal")
    assert rows == [("婚姻登记", "第一批", 58), ("户口迁移", "第一批", 58)]


def test_a_bad_document_in_a_batch_costs_only_itself(conn):
    good = [_text_doc(f"g{i}.txt", f"包括婚姻登记{i}、户口迁移{i}等2项事项。") for i in range(3)]
    bad = _text_doc("bad.txt", "包括出生登记、死亡登记等2项事项。").rows()
    bad.items[0]["name"] = None  # violates NOT NULL inside the batch's transaction
    loaded, errors = load_rows(conn, [good[0].rows(), bad, good[1].rows(), good[2].rows()])
    assert (loaded, errors) == (3, 1)
    assert _table(conn, "SELECT uri FROM documents ORDER BY uri") == [("g0.txt",), ("g1.txt",), ("g2.txt",)]
    assert _table(conn, "SELECT count(*) FROM item_mentions") == [(6,)]
    assert _table(conn, "SELECT uri, stage FROM ingest_errors") == [("bad.txt", "load")]


def test_a_new_version_at_the_same_place_replaces_the_old_one_in_the_registry(conn):
    load(conn, [_text_doc("notice.txt", "实现生育津贴支付、异地就医备案等2个事项“跨省通办”。")])
    build_registry(conn)
    assert _table(conn, "SELECT name FROM registry_items ORDER BY name") == [("异地就医备案",), ("生育津贴支付",)]
    load(conn, [_text_doc("notice.txt", "实现生育津贴支付等1个事项“跨省通办”。（更正）")])
    build_registry(conn)
    assert _table(conn, "SELECT name, document_count FROM registry_items") == [("生育津贴支付", 1)]
    assert _table(conn, "SELECT count(*), max(version) FROM documents") == [(2, 2)]  # the old version is history
    load(conn, [_text_doc("elsewhere.txt", "实现生育津贴支付、异地就医备案等2个事项“跨省通办”。")])
    build_registry(conn)  # the old bytes seen again at another place are current there
    assert _table(conn, "SELECT count(*) FROM registry_items") == [(2,)]


def test_the_warehouse_connection_caps_duckdb_memory(tmp_path, monkeypatch):
    """DuckDB keeps up to 80% of RAM by default; the cap is what holds a 10k run under 1 GB."""
    from pipeline.resources import warehouse_connection, warehouse_resource

    def limit() -> str:
        with warehouse_connection(warehouse_resource(str(tmp_path / "w.duckdb"))) as conn:
            return conn.execute("SELECT current_setting('memory_limit')").fetchone()[0]

    assert limit() == "488.2 MiB"  # 512MB (decimal) as DuckDB prints it
    monkeypatch.setenv("TONGBAN_DUCKDB_MEMORY", "256MB")
    assert limit() == "244.1 MiB"


def test_the_warehouse_connection_checkpoints_less_often_than_duckdbs_default(tmp_path):
    """16 MB of log per checkpoint made a bulk load rewrite the indexes about 30 times per 10k notices."""
    from pipeline.resources import warehouse_connection, warehouse_resource

    with warehouse_connection(warehouse_resource(str(tmp_path / "w.duckdb"))) as conn:
        assert conn.execute("SELECT current_setting('checkpoint_threshold')").fetchone()[0] == "244.1 MiB"


def test_a_sub_item_that_names_no_object_is_its_main_items_own(conn):
    """Two main items' 设立登记 are two items; a sub-item that names its object
    (生育津贴支付) is one item whatever main item lists it."""
    table = "序号\t主项\t子项\n1\t个体工商户登记\t设立登记\n2\t个体工商户登记\t生育津贴支付\n3\t农民专业合作社登记\t设立登记\n"
    load(conn, [_text_doc("a.txt", table)])
    load(conn, [_text_doc("b.txt", "序号\t主项\t子项\n1\t生育保险待遇核准支付\t生育津贴支付\n")])
    build_registry(conn)
    rows = _table(conn, "SELECT name, main_items, item_key, document_count FROM registry_items ORDER BY item_key")
    assert rows == [
        ("设立登记", ["个体工商户登记"], "个体工商户登记／设立登记", 1),
        ("设立登记", ["农民专业合作社登记"], "农民专业合作社登记／设立登记", 1),
        ("生育津贴支付", ["个体工商户登记", "生育保险待遇核准支付"], "生育津贴支付", 2),
    ]


def test_a_name_that_names_no_object_and_has_no_main_item_is_its_sources_own(conn):
    """注销 in a report on 社保卡 and 注销 in one on 营业执照 are two services; a name with an
    object (异地就医备案) is one item across sources, and a repeat in one source is one item."""
    # lists whose pieces lend 注销 no object (补换卡 and 个体户歇业 end like no service)
    card = "实现补换卡、注销、异地就医备案、公证书核验等4项“跨省通办”。另外，注销等1项实现全程网办。"
    licence = "实现个体户歇业、注销、异地就医备案、公证书核验等4项“跨省通办”。"
    load(conn, [_text_doc("card.txt", card), _text_doc("licence.txt", licence)])
    build_registry(conn)
    rows = _table(conn, "SELECT name, document_count, mention_count FROM registry_items ORDER BY name, item_key")
    names = [name for name, _, _ in rows]
    assert names.count("注销") == 2 and names.count("异地就医备案") == 1
    assert ("异地就医备案", 2, 2) in rows
    assert ("公证书核验", 2, 2) in rows  # 公证书 is what it checks: one item
    assert {(count, mentions) for name, count, mentions in rows if name == "注销"} == {(1, 1), (1, 2)}


def test_a_documents_text_names_its_tables_sub_item_under_the_same_main_item(conn):
    text = (
        "序号\t主项\t子项\n1\t基本医疗保险关系转移接续\t转移接续手续办理\n\n"
        "实现城乡居民参保登记、转移接续手续办理等2项“跨省通办”。\n"
    )
    load(conn, [_text_doc("plan.txt", text)])
    build_registry(conn)
    rows = _table(conn, "SELECT item_key, mention_count FROM registry_items WHERE name = '转移接续手续办理'")
    assert rows == [("基本医疗保险关系转移接续／转移接续手续办理", 2)]


def test_a_name_read_from_a_wrapped_cell_has_no_source_spelling(conn):
    """个体工商户设立 / 登记: the name is two stretches of the text, so neither its raw text
    nor its spelling is one of them; the registry lists only the name."""
    table = (
        "序号    事项名称              责任单位\n"
        "1       个体工商户设立        市市场监管局\n"
        "        登记\n"
        "2       异地就医登记备案      市医保局\n"
    )
    load(conn, [_text_doc("wrapped.txt", table)])
    build_registry(conn)
    rows = _table(conn, "SELECT name, raw_name, spelling FROM item_mentions ORDER BY ordinal")
    assert rows == [("个体工商户设立登记", None, None), ("异地就医登记备案", "异地就医登记备案", "异地就医登记备案")]
    aliases = _table(conn, "SELECT aliases FROM registry_items WHERE name = '个体工商户设立登记'")
    assert aliases == [(["个体工商户设立登记"],)]


def test_registry_items_carry_the_bodies_and_due_dates_their_sources_link(conn, tmp_path):
    """The portal had an item's name and sources but not who handles it or by when; the
    links the extractors make (a group heading, a note, field lines) now reach the registry."""
    text = (
        "江西省人民政府办公厅关于公布“省内通办”事项清单的通知\n各市人民政府：\n"
        "“省内通办”事项清单\n一、省公安厅（1项）\n1.户口迁移\n二、省医保局（1项）\n2.异地就医备案\n"
        "“省内通办”重点任务清单\n1.失业保险金申领\n牵头单位：省人力资源社会保障厅\n完成时限：2024年6月底前\n2.就业登记\n"
        "江西省人民政府办公厅\n2024年3月1日\n"
    )
    load(conn, [_text_doc("list.txt", text)])
    build_registry(conn)
    rows = _table(conn, "SELECT name, departments, CAST(due_dates AS VARCHAR[]) FROM registry_items ORDER BY name")
    assert sorted(rows) == sorted(
        [
            ("户口迁移", ["江西省公安厅"], []),
            ("异地就医备案", ["江西省医疗保障局"], []),
            ("失业保险金申领", ["江西省人力资源和社会保障厅"], ["2024-06-30"]),
            ("就业登记", [], []),
        ]
    )
    assert _table(conn, "SELECT departments FROM v_registry WHERE name = '户口迁移'") == [("江西省公安厅",)]
    published = publish(conn, tmp_path / "publish")
    records = [json.loads(line) for line in (published.path / "registry_items.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {r["name"]: r["due_dates"] for r in records}["失业保险金申领"] == ["2024-06-30"]
    header = (published.path / "registry_items.csv").read_text(encoding="utf-8").splitlines()[0]
    assert ",departments,due_dates," in header + ","  # fields are added after, never renamed


def test_the_extraction_version_covers_readers_extractors_and_their_data():
    from importlib import resources

    from warehouse.code_version import _files, extraction_version

    covered = {path for path, _ in _files(resources.files("extractors"))}
    assert {"data/department_bodies.tsv", "normalize/layout.py", "items.py"} <= covered
    assert "readers.py" in {path for path, _ in _files(resources.files("sources"))}
    assert len(extraction_version()) == 12 and extraction_version() == extraction_version()


def test_migration_files_are_numbered_without_gaps_and_described():
    versions = [version for version, _, _ in migrations()]
    assert versions == list(range(1, len(versions) + 1))
    assert all(description and "\n" not in description for _, description, _ in migrations())


def test_a_piece_a_shared_ending_completes_is_no_alias_of_its_body(conn):
    load(conn, [_text_doc("j.txt", "四川省、重庆市政府办公厅近日联合印发通知。由市委编办、县残联负责。")])
    build_registry(conn)
    aliases = dict(_table(conn, "SELECT canonical, aliases FROM registry_departments"))
    assert aliases["四川省人民政府办公厅"] == []  # its mention's text is 四川省
    assert aliases["重庆市人民政府办公厅"] == ["重庆市政府办公厅"]
    assert {a for names in aliases.values() for a in names if "编办" in a or "残联" in a} == {"市委编办", "县残联"}
