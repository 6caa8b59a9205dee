"""GBK byte-shift mojibake: repaired where a re-decode clearly reads better, flagged otherwise."""

from __future__ import annotations

import difflib
import re

import pytest

from extractors import extract
from extractors.normalize import normalize_text
from extractors.normalize.mojibake import MojibakeSpan, find_mojibake, lost_indents
from extractors.normalize.repair import best_reading, repair_run
from tests.conftest import NEWS_001


def test_news_excerpt_runs_are_each_repaired_or_flagged(normalized):
    report = [(m["status"], m["text"], m["repaired"]) for m in normalized(NEWS_001).quality.mojibake]
    assert report[0] == ("flagged", "日?", None)  # 日報 lost two bytes: nothing to decode
    assert ("repaired", "算?!澳壳?,", "算。“目前，") in report  # ends where the garbling does
    medical = [r for r in report if r[1].startswith("\ue2ae")]
    assert medical and medical[0][0] == "repaired" and medical[0][2].startswith("金支付")  # not 金支给: 支付 is the common word
    assert [status for status, _, _ in report] == ["flagged", "repaired", "repaired"]


def test_repaired_text_reaches_the_normalized_text(normalized):
    text = normalized(NEWS_001).text
    assert "门诊费用跨省直接结算。“目前，已经在京津冀" in text
    assert "?!澳壳?" not in text


def test_flagged_spans_are_skipped_by_extractors(normalized):
    doc = normalized(NEWS_001)
    flagged = doc.flagged_spans()
    assert flagged and all(doc.text[s:e].startswith("日") for s, e in flagged)
    spans = [d.span for d in extract(doc).departments + extract(doc).deadlines]
    assert not any(s < fe and fs < e for s, e in spans for fs, fe in flagged)


def test_shifted_gbk_decodes_back():
    # "。“目前，" in GBK read one byte off, with the full-width punctuation narrowed.
    assert repair_run("?!澳壳?,", before="结算") == "。“目前，"


def test_clean_text_has_no_mojibake():
    text = "各市医保部门于每月20日前向省医保中心报送工作进展情况表？对此，请及时报告。"
    assert find_mojibake(text) == []
    assert normalize_text("实现？对此,").quality.mojibake == []


def test_question_mark_after_han_is_not_repaired_into_something_else():
    doc = normalize_text("具体到企业和群众办事时应该如何实现?对此,迪晶介绍了3种服务模式。")
    assert "如何实现?对此" in doc.text
    assert all(m["status"] == "flagged" for m in doc.quality.mojibake)


def test_shipped_char_frequencies_match_the_pinned_jieba_dictionary():
    """The repair scorer reads char_frequencies.tsv instead of counting jieba's
    350k words at start-up; the file must be exactly what the pinned jieba gives."""
    from extractors.datafiles import load_table
    from extractors.normalize.char_scores import count_chars, jieba_dictionary

    shipped = {row["char"]: int(row["count"]) for row in load_table("char_frequencies.tsv")}
    assert shipped == count_chars(jieba_dictionary())


def test_a_lead_byte_dropped_without_a_trace_is_flagged():
    """省（區 with the lead byte of 省 lost decodes as 。▍^: no ? marks it, but a
    block element after punctuation, with a trail byte's ASCII symbol, does."""
    raw = "当天，桂、渝、川等六省（區、市）人民政府辦公廳參會。".encode("gbk")
    lead = raw.index("省".encode("gbk"))
    garbled = (raw[:lead] + raw[lead + 1 :]).decode("gbk")
    report = normalize_text(garbled).quality.mojibake
    assert [(m["text"], m["status"]) for m in report] == [("。▍^", "flagged")]


def test_a_block_element_used_as_a_heading_mark_is_not_mojibake():
    assert normalize_text("▍政策解读\n各省（区、市）人民政府办公厅参会。").quality.mojibake == []


def test_a_half_width_question_mark_after_a_particle_asks_a_question():
    text = "速读：社保关系跨省转移，社保卡还能继续使用吗?\n\n时间：2023-04-07"
    result = normalize_text(text)
    assert result.quality.mojibake == [] and "使用吗?" in result.text
    assert find_mojibake("结算吗?!澳壳?,已经") != []  # a ? inside garble still counts


def test_text_lost_to_question_mark_placeholders_is_flagged_and_yields_nothing():
    """A page saved through a code page without Han keeps only ? (and punctuation):
    no byte is left to repair, so it is flagged, and it names no headline."""
    lost = "????,?????????!\n\n??????,?????“???????????”????????。\n\n“跨省通办”事项包括????、??????等。\n"
    result = normalize_text(lost)
    flagged = [m for m in result.quality.mojibake if m["status"] == "flagged"]
    assert len(flagged) >= 3 and all(set(m["text"]) & {"?"} for m in flagged)
    extraction = extract(result)
    assert extraction.document.title is None and extraction.items == []


def test_a_run_marked_only_by_bopomofo_and_math_signs_takes_its_rare_characters_before():
    """A Big5-to-GBK news page: 確保“跨省通辦” read one byte off is 確!翱缡⊥ㄞk”. Only ⊥ and
    ㄞ are marks; 翱 and 缡 are rare characters and the ! before them a narrowed ！."""
    raw = "加緊做好補錄婚姻歷史檔案信息等工作,確保“跨省通辦”工作順利進行。".encode("gbk")
    lead = raw.index("保".encode("gbk"))
    garbled = (raw[:lead] + raw[lead + 1 :]).decode("gbk").replace("！", "!")
    assert "!翱缡⊥ㄞk" in garbled
    result = normalize_text(garbled)
    assert [(m["text"], m["status"]) for m in result.quality.mojibake] == [("!翱缡⊥ㄞk", "repaired")]
    assert "确“跨省通办”工作顺利进行" in result.text  # 保 went with its lost byte


def test_a_latin_vowel_of_gbks_pinyin_row_between_han_marks_a_run():
    """（此件公开发布） read off by a byte, on a page later converted to traditional: no ?
    inside the line, only ù (A8B4), which ruby pinyin never leaves between two Han characters."""
    result = normalize_text("某省人民政府办公厅\n2018年9月8日\n ?。ù思_發(fā)布)\n")
    # the ? before the run, a lost lead byte before 。, is flagged on its own; the run reaches
    # the _ after 思, a trail byte decoded alone
    assert [(m["text"], m["status"]) for m in result.quality.mojibake] == [("?", "flagged"), ("。ù思_", "flagged")]
    assert normalize_text("流動(dòng)人口異地辦事").quality.mojibake == []  # ruby pinyin is no run


def test_a_lone_letter_after_a_rare_character_joins_the_run_beside_it():
    """當地辦理 read off by a byte, on a page that then added pinyin: 當?shù)剞k理. k is a
    trail byte decoded alone; after the rare 剞 it is garbling, where 做B超 is text.
    No repair reads through the pinyin, so the run is flagged, 剞k with it."""
    result = normalize_text("無須親身到當?shù)剞k理政務(wù)服務(wù)，可先做B超檢查。")
    assert [(m["text"], m["status"]) for m in result.quality.mojibake] == [("當?shù)剞k", "flagged")]
    assert len(result.flagged_spans()) == 1 and "B超" in result.text


def test_a_lone_letter_after_a_rare_symbol_joins_the_run_beside_it():
    """A Guangdong portal's page: 。基本建成全省统一 read off by a byte is ?;窘ǔ扇〗y一. The
    run reaches the y that 〗 leads to; a 〗 closing a 〖 heading keeps its letter out."""
    result = normalize_text("正式发布省网上办事大厅手机版?;窘ǔ扇〗y一的电子证照系统。")
    assert [m["text"] for m in result.quality.mojibake] == ["版?;窘ǔ扇〗y一"]
    assert normalize_text("〖A〗级景区门票预约").quality.mojibake == []


def test_pairs_a_mirror_dropped_are_read_back_as_guesses():
    """The same page: the mirror dropped two pairs of GBK's user area (F9B1 between 基 and 本,
    ABCA between 全 and 省), so each seam holds two characters, not one. Read back, they are
    guesses (the lost 。 too); the characters read whole are not."""
    result = normalize_text("正式发布省网上办事大厅手机版?;窘ǔ扇〗y一的电子证照系统。")
    assert "手机版" + "基本建成全省统一的电子证照系统" in result.text.replace("模", "")
    guessed = "".join(result.text[start:end] for start, end in result.guessed_spans())
    assert "基本" in guessed and "全省" in guessed and "统一" not in guessed


def test_a_page_that_keeps_private_use_characters_dropped_no_pair():
    """A mirror keeps its user-area pairs or drops them all: one private-use character on the
    page rules the dropped pairs out, and the run is read as it stands."""
    garbled = "正式发布省网上办事大厅手机版?;窘ǔ扇〗y一的电子证照系统。"
    result = normalize_text(garbled + "\n另见\ue2ae鹬Ц。")
    assert "基本建成" not in result.text


def _read_one_byte_late(sentence: str, start: int, end: int, drop_private: bool = False) -> str:
    """``sentence[start:end]`` read one byte late, as a GBK mirror shows it: the lost byte
    a ?, user-area pairs private-use characters (or gone, where the mirror drops them)."""
    garbled = sentence[start:end].encode("gbk")[1:].decode("gb18030", errors="replace").replace("\ufffd", "?")
    if drop_private:
        garbled = re.sub("[\ue000-\uf8ff]", "", garbled)
    return sentence[:start] + "?" + garbled + sentence[end:]


@pytest.mark.parametrize(
    ("sentence", "start"),
    [("为贯彻党中央、国务院关于加强数字政府建设", 3), ("扩大政务服务“跨省通办”范围，进一步提升服务效能，更好满足企业需求", 15)],
)
def test_a_lost_lead_byte_is_read_with_two_characters_of_context_on_each_side(sentence, start):
    """党 and 进 lost their lead bytes: with one character either side the likeliest reading
    was 怀 (怀中) and 国 (国一); three before and two after give 党中央 and 进一步."""
    result = normalize_text(_read_one_byte_late(sentence, start, start + 12))
    assert result.text == normalize_text(sentence).text


@pytest.mark.parametrize(
    "sentence",
    [
        "为贯彻党中央、国务院关于加强数字政府建设、持续优化政务服务的决策部署，落实《政府工作报告》要求",
        "同步提供具体事项办理的工作联络功能，提高协同办理效率，加快解决“跨省通办”事项受理问题",
        "推动更多医疗、养老、住房、就业、社保、户籍、税务等领域数据纳入共享范围，提升数据共享的稳定性",
        "及时梳理总结各地区各有关部门政务服务“跨省通办”的好经验好做法，加大推广力度",
    ],
)
def test_a_shift_on_a_mirror_that_drops_private_use_characters_leaves_nothing_unmarked(sentence):
    """Read one byte off, a pair of GBK's user area decodes to a private-use character, and
    some mirrors drop those: each dropped pair takes a byte from two characters. Read as if no
    pair were missing, the seam gave a wrong character nothing marked (提高协同 came back 提高徐理).
    Wherever the repaired text differs from the sentence, a flag or a guess must say so."""
    original = normalize_text(sentence).text
    for start in range(0, len(sentence) - 12, 3):
        result = normalize_text(_read_one_byte_late(sentence, start, start + 12, drop_private=True))
        unsure = result.flagged_spans() + result.guessed_spans()
        matcher = difflib.SequenceMatcher(None, original, result.text, autojunk=False)
        for tag, _, _, low, high in matcher.get_opcodes():
            if tag != "equal":
                spots = range(low, high) if high > low else [low]
                near = 1 if high == low else 0
                assert all(any(s - near <= i < e + near for s, e in unsure) for i in spots), result.text


def test_a_symbol_between_han_characters_far_from_a_run_is_left_alone():
    """A symbol between Han characters joins a run only beside it: alone it may be a file name's."""
    far = normalize_text("?。ù思布置工作。请将材料按附件_模板格式报送。")
    assert [m["text"] for m in far.quality.mojibake] == ["?。ù"]  # a ? opening a line opens its run


# A private-use character elsewhere on the page: this mirror keeps its user-area pairs.
_KEEPS_PRIVATE_USE = "\n（\ue2ae鹬Ц）"


def test_a_repair_that_guesses_a_rare_character_is_flagged_instead():
    """版?;窘ǔ扇〗y一 (版。基本建成統一) on a page that drops no pair: the lost bytes'
    likeliest guesses give 版模痪建成, which scores better than the garble but holds the rare
    痪. No repair beats a flag there."""
    result = normalize_text("發布省網上辦事大廳手機版?;窘ǔ扇〗y一的電子證照系統。" + _KEEPS_PRIVATE_USE)
    assert [m["status"] for m in result.quality.mojibake if "窘" in m["text"]] == ["flagged"]
    assert "痪" not in result.text


def test_a_half_width_question_mark_ending_a_question_is_no_lost_byte():
    text = "事项清单是怎样梳理而来的?群众关切的事项落实了哪些?还将有哪些举措值得期待?下一步将继续推进。"
    result = normalize_text(text)
    assert result.quality.mojibake == [] and "而来的" in result.text


def test_a_placeholder_before_full_width_punctuation_is_flagged_alone():
    """ "21個(gè)?。ㄗ灾螀^": the ? holds 省, its lead byte lost; pinyin stands between it and
    the Han character before, so no run takes it in. It is flagged, never a question."""
    result = normalize_text("寧夏等21個(gè)?。ㄗ灾螀^、直轄市)實施婚姻登記。")
    flagged = result.flagged_spans()
    assert [result.text[start:end] for start, end in flagged] == ["?"]
    assert "（自治区、直辖市）" in result.text
    # a question mark that ends a question is left alone
    assert normalize_text("社保卡还能继续使用吗?").flagged_spans() == []


def _shifted(text: str) -> str:
    """The text's GBK bytes read one byte late, as a broken mirror serves them: the lost
    lead byte shows as ?."""
    return "?" + text.encode("gbk")[1:].decode("gbk", errors="replace")


def test_a_placeholder_opening_a_line_before_a_repaired_heading_is_the_lost_indent():
    """ "?。ㄒ唬┏掷m推動" is "　（一）持續推動" one byte off: the indent's trail byte A1
    opens 。 (A1A3). With the ? left, the line no longer opened with its heading's number."""
    raw = "一、深入推進簡政放權\n" + _shifted("\u3000（一）持續") + "推動“放權強市”。"
    assert "?。ㄒ唬┏掷m推動" in raw
    result = normalize_text(raw)
    assert result.text.split("\n")[1].startswith("（一）持续推动")
    assert [(m["text"], m["status"]) for m in result.quality.mojibake] == [
        ("?", "repaired"),
        ("。ㄒ唬┏掷m", "repaired"),
    ]
    assert result.flagged_spans() == []


def test_a_placeholder_opening_a_line_is_an_indent_only_before_a_heading():
    """Where the repaired run opens no heading, the lost character may be anything ending
    in A1 (省 is CAA1): the ? stays flagged."""
    text = "?。ㄒ唬┏掷m推動"
    heading = MojibakeSpan(1, 7, text[1:7], "repaired", "（一）持續")
    words = MojibakeSpan(1, 7, text[1:7], "repaired", "各地持續")
    assert [(run.start, run.repaired) for run in lost_indents(text, [heading])] == [(0, "\u3000")]
    assert lost_indents(text, [words]) == []
    assert lost_indents("寧夏等21個" + text, [MojibakeSpan(8, 14, text[1:7], "repaired", "（一）持續")]) == []


@pytest.mark.parametrize(("original", "repaired"), [("\u3000各地持續", "各地持续"), ("\u3000省醫保局", "省医保局")])
def test_a_line_opened_by_a_placeholder_is_a_run_repaired_after_it(original, repaired):
    """ "?「鞯爻掷m推動" ("　各地持續推動" one byte off) had passed as text: no marker
    opened the run, since a ? before 「 or ∈ marks nothing mid-line. No line opens with a
    question mark. The lost character is never guessed there (its likeliest reading was ！)."""
    raw = "一、總體要求\n" + _shifted(original) + "推動改革。"
    result = normalize_text(raw)
    line = result.text.split("\n")[1]
    assert line == "?" + repaired + "推动改革。"
    assert [result.text[start:end] for start, end in result.flagged_spans()] == ["?"]
    assert [m["status"] for m in result.quality.mojibake] == ["flagged", "repaired"]


def test_a_character_read_from_a_lost_byte_is_reported_as_a_guess():
    """Seed 001's "結算?!澳壳?," repairs to 。“目前，: 。 and 前 each stand on a lost byte,
    the likeliest reading and no more. They are reported, and extractors skip them."""
    result = normalize_text("醫保結算?!澳壳?,已經在全國推開。" + _KEEPS_PRIVATE_USE)
    run = result.quality.mojibake[0]
    assert run["status"] == "repaired"
    line_end = result.text.index("\n")
    assert [result.text[start:end] for start, end in result.guessed_spans() if end <= line_end] == ["。", "前"]
    assert [span for span in result.flagged_spans() if span[0] < line_end] == []
    # on a page that may have dropped pairs, the seam between “ and 目 may hold one: a guess too
    dropping = normalize_text("醫保結算?!澳壳?,已經在全國推開。")
    assert [dropping.text[start:end] for start, end in dropping.guessed_spans()] == ["。", "“", "目", "前"]


def test_an_item_on_a_guessed_character_is_skipped_but_a_bodys_name_is_kept():
    """A lost byte guessed wrong reads as a word as often as not (推进统一 came back 推总统一
    on simulated shifts), so no item stands on a guess. A body's name is a closed list's:
    国家医疗保障局 with its 国 guessed is still that body."""
    result = normalize_text(NEWS_001.read_text(encoding="utf-8"))
    start = result.text.index("国家医疗保障局基金监管司")
    assert (start, start + 1) in result.guessed_spans()  # "?!眹?" repairs to 。”國: 國 is a guess
    extraction = extract(result)
    assert "国家医疗保障局基金监管司" in [d.name for d in extraction.departments]
    unsure = normalize_text("推動" + _shifted("異地就醫備案") + "等事項實現“跨省通辦”。")
    assert unsure.guessed_spans() or unsure.flagged_spans()
    assert [item.name for item in extract(unsure).items] == []


def test_markers_far_apart_are_one_run_where_no_word_lies_between():
    """?从惩怀龅囊斓匕焓履训愣碌悖? is 反映突出的异地办事难点堵点， one byte off: the
    characters between its two markers are common ones but spell no word, and had passed."""
    raw = "群众" + _shifted("反映突出的异地办事难点堵点，") + "统一服务标准。"
    result = normalize_text(raw)
    original = "群众反映突出的异地办事难点堵点，统一服务标准。"
    assert len(result.text) == len(original)
    unsure = result.guessed_spans() + result.flagged_spans()
    wrong = [i for i, (a, b) in enumerate(zip(result.text, original)) if a != b]
    assert all(any(start <= i < end for start, end in unsure) for i in wrong)  # ！ for ，: a guess
    assert "怀龅囊" not in result.text
    # real words between two markers keep them two runs
    two = find_mojibake("各地?？要加快推进异地就医直接结算工作，确保群众?？满意。")
    assert len(two) == 2


@pytest.mark.parametrize(
    ("text", "marked"),
    [
        ("推进对接标准" + "\u248d越臃绞" + "完成时限", True),  # ⒍ between Han: a shifted decode
        ("主要任务如下：⑴加强组织领导。⑵强化督促检查。", False),  # a list's markers after a stop
        ("⒈全程网办\n⒉异地代收代办", False),
    ],
)
def test_a_parenthesized_or_dotted_number_between_han_characters_marks_a_run(text, marked):
    assert bool(find_mojibake(text)) is marked


@pytest.mark.parametrize(
    ("text", "marked"),
    [
        ("着力解决网上办事“门难找”?⒁趁娑啻翁?转等问题。", "?⒁"),  # a ? before a symbol a shifted decode makes
        ("省内通办”?ぷ鞯耐ㄖ罚ㄔ涟?函〔2021〕59号", "?ぷ"),  # before kana
        ("2?23年6月底前实现", "?"),  # inside a number: a lost digit
        ("（国办发〔2020??35号）", "??"),
    ],
)
def test_a_placeholder_before_a_symbol_or_inside_a_number_is_marked(text, marked):
    assert any(run.text.startswith(marked) or marked in run.text for run in find_mojibake(text))


@pytest.mark.parametrize("text", ["今年办件量能否超过3000?", "截至2021?\n", "共办理了多少件?2021年共办理3万件。"])
def test_a_question_mark_after_a_number_that_ends_a_question_is_no_marker(text):
    assert find_mojibake(text) == []


def test_characters_read_from_a_question_mark_taken_as_a_narrowed_one_are_guesses():
    """群?谕端… (群众投诉… one byte off) reads 海口投诉… if its ? was a full-width ？ a later
    step narrowed (A3BF): 海 and 口 stand on that assumption, so both are guesses."""
    reading = best_reading("群?谕端呔俦康榷喔?", "量、")
    assert reading is not None
    assert {0, 1} & set(reading.guessed) or not reading.text.startswith("海口")


def test_policy_words_count_as_words_for_the_repair():
    """跨省通办 read one byte off from 跨: jieba's dictionary has no 通办 and holds 跨省 as
    rare, and the lost lead byte came back 如 (如省通办). policy_words.txt fixes the reading."""
    sentence = "各地区要推进高频政务服务事项“跨省通办”，提升服务效能。"
    start = sentence.index("跨")
    result = normalize_text(_read_one_byte_late(sentence, start, start + 9))
    assert result.text == normalize_text(sentence).text


def test_a_placeholder_after_a_space_before_a_digit_is_a_lost_byte():
    """A news page's time 16:32 read off by a byte from its 1: 2021-02-25 ?6：32. Nothing
    flagged the ?, and 6:32 passed for the time; a URL's query (x.jsp?1=2) stays unflagged."""
    result = normalize_text("发布时间：2021-02-25 ?6：32 来源：某市人民政府")
    assert [result.text[start:end] for start, end in result.flagged_spans()] == ["?"]
    assert normalize_text("详见http://a.gov.cn/x.jsp?1=2").flagged_spans() == []
