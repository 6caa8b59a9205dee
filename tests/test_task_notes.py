"""Items named in a task's running text take who handles them and by when from the task's note."""

from __future__ import annotations

from extractors import extract, normalize_bytes
from extractors.normalize import normalize_text
from tests.conftest import FIXTURES

HEAD = "某市人民政府办公室关于推进政务服务“跨省通办”的通知\n各区人民政府：\n现将有关事项通知如下。\n"
TAIL = "\n某市人民政府办公室\n2021年5月20日"


def _links(body: str) -> dict[str, tuple[list[tuple[str, str]], list[str]]]:
    result = extract(normalize_text(HEAD + body + TAIL))
    return {
        item.name: (
            [(result.departments[i].name, result.departments[i].role) for i in item.departments],
            [result.deadlines[i].text for i in item.deadlines],
        )
        for item in result.items
    }


def test_a_bracket_a_sentence_and_field_lines_after_the_items_are_their_note():
    links = _links(
        "（一）2021年底前，实现养老保险关系转移接续、社会保障卡申领“跨省通办”。（市人社局牵头，市医保局配合）\n"
        "（二）实现户口迁移、居民身份证换领“跨省通办”。责任单位：市公安局；完成时限：2022年6月底前。\n"
        "（三）推进异地就医备案“跨省通办”。\n牵头单位：市医保局\n配合单位：市卫健委\n完成时限：2022年底前\n"
    )
    assert links["养老保险关系转移接续"] == ([("市人社局", "lead"), ("市医保局", "cooperate")], ["2021年底前"])
    assert links["社会保障卡申领"] == links["养老保险关系转移接续"]
    assert links["户口迁移"] == ([("市公安局", "responsible")], ["2022年6月底前"])
    assert links["居民身份证换领"] == links["户口迁移"]
    assert links["异地就医备案"] == ([("市医保局", "lead"), ("市卫健委", "cooperate")], ["2022年底前"])


def test_with_no_note_after_it_the_bodies_its_own_sentence_gives_a_role_before_it():
    links = _links("（一）由市市场监管局牵头，推进个体工商户设立登记“跨省通办”。\n")
    assert links["个体工商户设立登记"] == ([("市市场监管局", "lead")], [])


def test_the_first_note_after_the_items_is_theirs_not_a_later_sentences():
    links = _links(
        "（一）完成临时居民身份证办理、误收多缴退还保险费申请2个事项在我市落地。"
        "（市公安局、市税务局按分管领域负责，2023年12月底前完成）"
        "及时掌握办理情况，定期总结服务成效。（市各相关部门按分管领域负责，2023年10月底前完成）\n"
    )
    expected = ([("市公安局", "responsible"), ("市税务局", "responsible")], ["2023年12月底前"])
    assert links["临时居民身份证办理"] == expected
    assert links["误收多缴退还保险费申请"] == expected


def test_a_later_paragraph_or_a_sub_sections_note_is_not_the_items():
    links = _links(
        "（一）就业创业类“跨省通办”事项：就业登记、职业资格证书核查。\n"
        "请各区人社局于2022年8月31日前完成系统改造，市人社局信息中心负责技术支撑。\n"
        "（二）推进失业保险金申领“跨省通办”，具体如下：\n"
        "1.优化线下窗口。（市政务服务中心负责，2022年6月底前完成）\n"
    )
    assert links["就业登记"] == ([], [])
    assert links["失业保险金申领"] == ([], [])


def test_a_line_numbered_before_a_year_heads_its_own_task_and_keeps_its_paragraph():
    """1.2022年6月底前，… is a numbered line, not the decimal 1.2022: on this double-spaced page the
    field lines above 2.2022年… were run into it, so the second task's note reached the first."""
    normalized = normalize_bytes((FIXTURES / "district_task_division_labels.txt").read_bytes())
    assert "责任单位:区人社局,区医保局\n\n2.2022年9月底前" in normalized.text
    result = extract(normalized)
    first = next(item for item in result.items if item.name == "失业保险金申领")
    assert [result.departments[i].name for i in first.departments] == ["区政务服务中心", "区人社局", "区医保局"]
    assert [result.deadlines[i].text for i in first.deadlines] == ["2022年6月底前"]


def test_a_paragraph_pointing_back_at_the_list_above_is_its_note():
    """A page's <ul> under "以下事项…：", then "以上事项由…牵头": no section holds them, yet the
    paragraph that opens 以上事项 says who handles the items right above it and by when."""
    links = _links(
        "现推动以下事项“跨省通办”：\n\n异地就医备案\n\n失业保险金申领\n\n户口迁移\n\n"
        "以上事项由市人社局牵头，市医保局、市公安局配合，2021年12月底前完成。\n"
    )
    note = ([("市人社局", "lead"), ("市医保局", "cooperate"), ("市公安局", "cooperate")], ["2021年12月底前"])
    assert links == {"异地就医备案": note, "失业保险金申领": note, "户口迁移": note}


def test_a_back_reference_after_something_else_points_at_no_list():
    links = _links(
        "现推动以下事项“跨省通办”：\n异地就医备案\n户口迁移\n各区要加强宣传。\n以上事项由市人社局牵头，2021年12月底前完成。\n"
    )
    assert links == {"异地就医备案": ([], []), "户口迁移": ([], [])}
