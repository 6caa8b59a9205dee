"""What a notice adjusting a list does to its items. Renames (原事项名称 | 调整后事项名称, “A”更名为“B”):
the new name is the item, the old one its former name, and the registry keeps one item with the old
name as an alias. Withdrawals (取消A、B等2项事项, 将“A”移出…清单): the registry names the notice."""

from __future__ import annotations

import json

import pytest

from extractors import extract_text
from pipeline.work import load, process
from sources import RawDocument
from tests.conftest import FIXTURES
from warehouse import build_registry, publish
from warehouse.keys import item_id, item_key

_TABLE = (
    "现将名称调整事项公布如下：\n"
    "序号\t原事项名称\t调整后事项名称\t实施部门\n"
    "1\t流动人员人事档案转递\t流动人员人事档案转移接收\t省人社厅\n"
    "2\t婚姻登记\t婚姻登记\t省民政厅\n"  # only the body changed: no rename
)


def test_a_renaming_table_names_the_new_item_and_keeps_the_old_name():
    items = extract_text(_TABLE).items
    assert [(i.name, i.former_name) for i in items] == [
        ("流动人员人事档案转移接收", "流动人员人事档案转递"),
        ("婚姻登记", None),
    ]


def test_a_table_with_one_name_column_that_opens_with_yuan_renames_nothing():
    text = "序号\t原事项名称\t实施部门\n1\t异地就医登记备案\t省医保局\n"  # nothing to rename it to
    assert [(i.name, i.former_name) for i in extract_text(text).items] == [("异地就医登记备案", None)]


@pytest.mark.parametrize(
    "sentence",
    [
        "将“异地就医登记备案”事项名称调整为“基本医疗保险参保人员异地就医备案”。",
        "“异地就医登记备案”更名为“基本医疗保险参保人员异地就医备案”。",
    ],
)
def test_a_sentence_that_renames_an_item(sentence):
    (item,) = extract_text(sentence).items
    assert (item.name, item.former_name, item.method) == ("基本医疗保险参保人员异地就医备案", "异地就医登记备案", "rename")


def test_renaming_what_is_no_service_names_no_item():
    assert extract_text("将“一网通办”调整为“一网统管”，将“专班”更名为“工作组”。").items == []
    assert extract_text("将“异地就医备案”调整为“全程网办”。").items == []  # how it is done, not its name


def _doc(uri: str, text: str):
    return process(RawDocument.from_bytes(uri, text.encode("utf-8"), "txt"))


def _registry(conn) -> dict[str, tuple[str, list[str], list[str]]]:
    rows = conn.execute("SELECT name, item_id, aliases, former_names FROM registry_items").fetchall()
    return {name: (identifier, sorted(aliases), former) for name, identifier, aliases, former in rows}


def test_the_registry_merges_an_old_names_mentions_into_the_renamed_item(conn):
    load(conn, [_doc("old.txt", "推进流动人员人事档案转递、户口迁移等2项“跨省通办”。")])
    load(conn, [_doc("new.txt", _TABLE)])
    build_registry(conn)
    registry = _registry(conn)
    assert "流动人员人事档案转递" not in registry
    identifier, aliases, former = registry["流动人员人事档案转移接收"]
    assert identifier == item_id(item_key("流动人员人事档案转移接收"))
    assert former == ["流动人员人事档案转递"] and "流动人员人事档案转递" in aliases
    (reason,) = conn.execute("SELECT reason FROM registry_merges WHERE item_key = '流动人员人事档案转递'").fetchone()
    assert reason.startswith("renamed by new.txt")


def test_a_listed_alias_wins_over_a_rename_and_a_split_merges_nowhere(conn):
    renames = "序号\t原事项名称\t调整后事项名称\n1\t异地就医结算备案\t异地就医直接结算\n2\t驾驶证补换领\t机动车驾驶证补领\n3\t驾驶证补换领\t机动车驾驶证换领\n"
    load(conn, [_doc("a.txt", "推进异地就医结算备案、驾驶证补换领等2项“跨省通办”。"), _doc("b.txt", renames)])
    build_registry(conn)
    merged = dict(conn.execute("SELECT item_key, merged_into FROM registry_merges").fetchall())
    assert merged["异地就医结算备案"] == "异地就医备案"  # item_aliases.tsv says so, with its reason
    assert merged["驾驶证补换领"] == "机动车驾驶证补换领"  # its own term alias: not into one of the two


def test_a_published_item_a_later_notice_renames_is_merged_into_the_new_one(conn, tmp_path):
    load(conn, [_doc("old.txt", "推进流动人员人事档案转递、户口迁移等2项“跨省通办”。")])
    build_registry(conn)
    first = publish(conn, tmp_path / "pub")
    load(conn, [_doc("new.txt", _TABLE)])
    build_registry(conn)
    second = publish(conn, tmp_path / "pub")
    assert second.version != first.version
    changelog = json.loads((second.path / "changelog.json").read_text(encoding="utf-8"))
    (removed,) = changelog["removed"]
    assert removed["name"] == "流动人员人事档案转递"
    assert removed["merged_into"] == item_id(item_key("流动人员人事档案转移接收"))


def test_renames_in_a_chain_end_at_the_last_name(conn):
    load(conn, [_doc("a.txt", "推进流动人员人事档案转递、户口迁移等2项“跨省通办”。")])
    load(conn, [_doc("b.txt", "将“流动人员人事档案转递”更名为“流动人员人事档案转移”。")])
    load(conn, [_doc("c.txt", "将“流动人员人事档案转移”更名为“流动人员人事档案转移接收”。")])
    build_registry(conn)
    merged = dict(conn.execute("SELECT item_key, merged_into FROM registry_merges").fetchall())
    assert merged["流动人员人事档案转递"] == merged["流动人员人事档案转移"] == "流动人员人事档案转移接收"


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("取消临时身份证明开具、农机驾驶证补证等2项“跨省通办”事项。", ["临时身份证明开具", "农机驾驶证补证"]),
        ("取消“城镇职工基本养老保险关系转移接续申请”事项，相关业务并入其他事项办理。", ["城镇职工基本养老保险关系转移接续申请"]),
        ("将“医保参保信息查询”移出“跨省通办”事项清单。", ["医保参保信息查询"]),
    ],
)
def test_a_withdrawal_names_its_items_withdrawn(text, names):
    items = extract_text(text).items
    assert [i.name for i in items] == names  # 取消 opens no name
    assert all(i.withdrawn for i in items)


def test_taking_away_something_of_the_items_or_materials_is_no_withdrawal():
    fee = extract_text("取消婚姻登记、户口迁移等2项事项的收费。").items
    assert [(i.name, i.withdrawn) for i in fee] == [("婚姻登记", False), ("户口迁移", False)]
    assert extract_text("取消户籍证明、无犯罪记录证明等20项证明材料。").items == []  # materials, no items


def test_added_items_and_a_cancelled_measure_are_no_withdrawals():
    added = extract_text("新增户口迁移、婚姻登记等2项“跨省通办”事项。").items
    assert [(i.name, i.withdrawn) for i in added] == [("户口迁移", False), ("婚姻登记", False)]
    assert extract_text("取消“一网通办”专区，取消“证明材料”。").items == []


def _dated(text: str, day: str) -> str:
    return f"{text}\n某某省人民政府办公厅\n{day}\n"


def test_the_registry_names_the_notice_that_withdrew_an_item_no_later_notice_lists(conn):
    load(conn, [_doc("2023.txt", _dated("新增户口迁移、婚姻登记等2项“跨省通办”事项。", "2023年3月1日"))])
    load(conn, [_doc("2024.txt", _dated("取消婚姻登记等1项“跨省通办”事项。", "2024年3月1日"))])
    build_registry(conn)
    withdrawn = dict(conn.execute("SELECT name, withdrawn_by FROM registry_items").fetchall())
    assert withdrawn == {"户口迁移": None, "婚姻登记": "2024.txt"}
    load(conn, [_doc("2025.txt", _dated("新增婚姻登记、出生登记等2项“跨省通办”事项。", "2025年3月1日"))])  # listed again
    build_registry(conn)
    assert dict(conn.execute("SELECT name, withdrawn_by FROM registry_items").fetchall())["婚姻登记"] is None


@pytest.mark.parametrize(
    ("text", "withdrawn"),
    [
        ("三、取消事项\n序号\t事项名称\t实施部门\n1\t户口迁移\t省公安厅\n", [True]),  # its caption
        ("序号\t事项名称\t取消原因\n1\t户口迁移\t已实现全程网办\n", [True]),  # a 取消原因 column
        ("序号\t事项名称\t实施部门\n一、新增事项\n1\t户口迁移\t省公安厅\n二、取消事项\n2\t婚姻登记\t省民政厅\n", [False, True]),
        ("二、新增事项\n序号\t事项名称\t实施部门\n1\t户口迁移\t省公安厅\n", [False]),
    ],
)
def test_a_table_under_a_withdrawing_heading_or_with_a_reason_column_withdraws_its_rows(text, withdrawn):
    items = extract_text(text).items
    assert [i.withdrawn for i in items] == withdrawn
    assert all(i.category is None for i in items)  # 新增事项, 取消事项: a change, no kind of item


def test_the_adjustment_notice_in_word_adds_withdraws_and_renames():
    data = (FIXTURES / "city_adjustment_word.docx").read_bytes()
    items = process(RawDocument.from_bytes("city_adjustment_word.docx", data, "docx")).extraction.items
    assert [(i.name, i.withdrawn, i.former_name) for i in items] == [
        ("个体工商户变更登记", False, None),
        ("出生医学证明补发", False, None),
        ("临时身份证明开具", True, None),
        ("残疾人证申领", False, "残疾人证新办"),
    ]
