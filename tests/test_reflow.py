"""Re-flowing a hard-wrapped page (a PDF's text, a newspaper column): every line of running
text broken at the page's width goes back together; heads, signatures and dates keep theirs."""

from __future__ import annotations

from bench.reflow_bench import set_in_lines
from extractors.normalize import normalize_text

PARAGRAPHS = [
    "为贯彻党中央、国务院关于加强数字政府建设、持续优化政务服务的决策部署，落实《政府工作报告》要求，"
    "扩大政务服务“跨省通办”范围，进一步提升服务效能，更好满足企业和群众异地办事需求，现提出以下意见。",
    "推行帮办代办、引导教办等线下服务，为老年人、残疾人等特殊群体和不熟悉网络操作的办事人提供更多便利，"
    "更好满足多样化、个性化办事需求，确保线上能办的线下也能办。",
    "各地区各部门要按照国办发〔2020〕35号文件要求，加快推进高频政务服务事项“跨省通办”，"
    "2021年底前基本实现第二批事项“跨省通办”（见附件）。",
]


def wrapped(lines: list[str], width: int) -> str:
    """Each paragraph set as print sets it (bench/reflow_bench.py): indented by two and cut at
    ``width`` full-width cells, half-width characters counting half."""
    return set_in_lines("\n".join(lines), width, indent=True)


def test_running_text_cut_at_any_width_goes_back_together():
    """Cut at 14 to 22 characters, lines ended on 决策部署 or 的办 (which end like a body's
    name: a signature's) or opened with ，, and kept those breaks."""
    for width in range(14, 23):
        result = normalize_text(wrapped(PARAGRAPHS, width))
        assert result.quality.hard_wrapped
        assert result.text.split("\n") == PARAGRAPHS, width


def test_a_number_cut_by_the_wrap_goes_on_without_a_space():
    text = "各地区各部门要按照国办发〔20\n20〕35号文件要求，加快推进。"
    assert normalize_text(text).text == "各地区各部门要按照国办发〔2020〕35号文件要求，加快推进。"
    # two Latin words still meet with one
    text = "为方便群众，可通过平台APP\nStore等渠道办理。"
    assert normalize_text(text).text == "为方便群众，可通过平台APP Store等渠道办理。"


def test_a_line_opening_with_a_pause_or_a_closer_goes_on_from_the_line_above():
    text = "为贯彻党中央、国务院关于加强数字政府建设的决策部署\n，落实《政府工作报告》要求。"
    assert normalize_text(text).text == "为贯彻党中央、国务院关于加强数字政府建设的决策部署，落实《政府工作报告》要求。"
    # across a blank line it is a paragraph of its own
    assert normalize_text("新疆旅游业“回暖”\n\n”另据报道。").text.count("\n") == 2


def test_attachment_closing_a_bracket_is_no_attachment_heading():
    text = "2021年底前基本实现第二批事项“跨省通办”（见\n附件）。"
    assert normalize_text(text).text == "2021年底前基本实现第二批事项“跨省通办”（见附件）。"
    assert normalize_text("请认真贯彻执行。\n附件：事项清单").text.split("\n") == ["请认真贯彻执行。", "附件：事项清单"]


def test_head_lines_and_a_flush_right_signature_keep_theirs_on_a_wrapped_page():
    addressees = "各省、自治区、直辖市人民政府，国务院各部委、各直属机构："
    signature = " " * 30 + "国务院办公厅"
    date = " " * 30 + "2022年9月28日"
    text = addressees + "\n" + wrapped(PARAGRAPHS, 28) + "\n" + signature + "\n" + date
    lines = normalize_text(text).text.split("\n")
    assert lines[0] == addressees
    assert lines[1] == PARAGRAPHS[0]
    assert lines[-2:] == ["国务院办公厅", "2022年9月28日"]


def test_a_centred_title_broken_inside_its_quotes_is_one_line():
    """The second line of a centred title is indented further, which on a hard-wrapped page reads as
    a new paragraph; a quote left open mid-word (“跨省 / 通办”) says it is not."""
    head = " " * 8 + "某市人民政府办公室关于印发某市推进政务服务“跨省\n" + " " * 18 + "通办”工作方案的通知\n\n"
    text = head + wrapped(PARAGRAPHS, 26)
    assert normalize_text(text).text.split("\n")[0] == "某市人民政府办公室关于印发某市推进政务服务“跨省通办”工作方案的通知"
