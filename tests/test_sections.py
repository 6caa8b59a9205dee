"""Sections, tasks and their links; addressees and attachments; the HTML view."""

from __future__ import annotations

from click.testing import CliRunner

from extractors import extract_text
from pipeline.cli import main
from tests.conftest import SEED_000, SEED_003


def _task(extraction, number):
    return next(t for t in extraction.tasks if t.number == number and t.deadlines)


def test_guangdong_tasks_link_deadlines_and_departments(extracted):
    result = extracted(SEED_003)
    first = _task(result, "(一)")
    assert first.title == "优化事项标准"
    assert [result.deadlines[i].date for i in first.deadlines] == ["2021-05-25"]
    assert [(result.departments[i].canonical, result.departments[i].role) for i in first.departments] == [
        ("各地级以上市医疗保障局", "responsible")
    ]
    system = _task(result, "（三）")
    assert [(result.departments[i].canonical, result.departments[i].role) for i in system.departments] == [
        ("广东省医疗保障局", "lead"),
        ("各地级以上市医疗保障局", "cooperate"),
    ]
    recurring = _task(result, "（六）")
    assert [result.deadlines[i].kind for i in recurring.deadlines] == ["recurring", "by", "recurring"]


def test_section_tree_levels_and_parents(extracted):
    sections = extracted(SEED_003).sections
    tasks_heading = next(i for i, s in enumerate(sections) if s.title == "工作任务")
    children = [s for s in sections if s.parent == tasks_heading]
    assert sections[tasks_heading].level == 1 and len(children) == 6
    assert all(s.level == 2 for s in children)


def test_state_council_addressees_and_attachment(extracted):
    meta = extracted(SEED_000).document
    assert meta.addressees == ("各省、自治区、直辖市人民政府", "国务院各部委、各直属机构")
    assert meta.attachments == ("全国政务服务“跨省通办”新增任务清单",)


def test_guangdong_attachment(extracted):
    assert extracted(SEED_003).document.attachments == ("“跨省通办、省内通办”工作进展情况表",)


def test_an_attachment_title_set_over_lines_on_its_own_page_is_listed_once():
    text = (
        "某省人民政府关于某事项的通知\n某政发〔2023〕3号\n各市人民政府：\n现予印发。\n"
        "附件：某省政务服务事项调整实施目录\n某省人民政府\n2023年5月12日\n"
        "附件\n\n某省政务服务\n\n事项调整实施目录\n\n事项名称"
    )
    assert extract_text(text).document.attachments == ("某省政务服务事项调整实施目录",)


def test_chinese_numeral_issue_date():
    text = "国务院关于某事项的通知\n国发〔2001〕12号\n各省、自治区、直辖市人民政府：\n现予印发。\n国务院\n二○○一年四月四日"
    meta = extract_text(text).document
    assert (meta.issued, meta.issuer, meta.doc_number) == ("2001-04-04", "国务院", "国发〔2001〕12号")


def test_show_writes_highlighted_html(tmp_path):
    out = tmp_path / "plan.html"
    result = CliRunner().invoke(main, ["show", str(SEED_003), "-o", str(out)])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert '<mark style="background:#feca74" title="by 2021-05-25">5月25日前<span>DEADLINE</span></mark>' in page
    assert "生育津贴支付<span>ITEM</span>" in page and "<span>LEAD</span>" in page
    assert "<th>task</th>" in page and "优化事项标准" in page


def test_a_numbered_attachment_list_names_each_and_their_pages_add_none():
    text = (
        "关于公布政务服务事项清单的通知\n附件：1.“跨省通办”事项清单（见附件）\n      2.“省内通办”事项清单\n"
        "某市人民政府办公室\n2022年3月1日\n附件1\n“跨省通办”事项清单（2项）\n序号\t事项名称\n1\t失业登记\n"
        "附件2\n“省内通办”事项清单（共3项）\n序号\t事项名称\n1\t残疾人证新办\n"
    )
    assert extract_text(text).document.attachments == ("“跨省通办”事项清单", "“省内通办”事项清单")


def test_an_attachment_named_by_its_file_loses_the_files_type():
    """A page's link to the file: 附件：1.第五批…清单.docx names the attachment 第五批…清单."""
    text = (
        "关于公布第五批“跨省通办”事项清单的通知\n现将清单印发给你们。\n"
        "附件：1.第五批“跨省通办”事项清单.docx\n2.第五批“跨省通办”事项办事指南.PDF\n某市人民政府办公室\n2024年3月18日\n"
    )
    assert extract_text(text).document.attachments == ("第五批“跨省通办”事项清单", "第五批“跨省通办”事项办事指南")
