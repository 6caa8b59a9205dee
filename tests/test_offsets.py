"""The offset map: every normalized character points back into the raw text."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.normalize import normalize_text
from extractors.normalize.pinyin import strip_pinyin
from extractors.offsets import OffsetMap
from tests.conftest import FIXTURES, SEED_002

# Text made of the things notices contain: Han characters (traditional too),
# pinyin groups, brackets, punctuation, digits, spaces and line breaks.
_pieces = st.sampled_from(
    [
        "國",
        "辦",
        "發",
        "务",
        "院",
        "流動",
        "(dòng)",
        "(ban)",
        "(wu)",
        "（一）",
        "(APP)",
        "【guó】",
        "，",
        "。",
        "、",
        " ",
        "\n",
        "\n\n",
        "\t",
        "2021年底前",
        "網際網路",
        "水準",
        "abc",
        "12",
        "“跨省通办”",
        "?",
        "\u3000",
    ]
)
_texts = st.lists(_pieces, max_size=40).map("".join)


def _han(text: str) -> list[str]:
    return [c for c in text if "\u4e00" <= c <= "\u9fff"]


@settings(max_examples=200, deadline=None)
@given(_texts)
def test_stripping_pinyin_never_removes_a_han_character(text):
    stripped, offsets, _ = strip_pinyin(text)
    assert _han(stripped) == _han(text)
    assert [text[offsets.starts[i]] for i in range(len(stripped))] == list(stripped)


@settings(max_examples=200, deadline=None)
@given(_texts)
def test_offset_map_is_monotone_and_inside_the_raw_text(text):
    doc = normalize_text(text)
    starts, ends = doc.offsets.starts, doc.offsets.ends
    assert len(starts) == len(doc.text)
    assert np.all(np.diff(starts) >= 0)
    assert np.all(starts >= 0) and np.all(ends <= len(text)) and np.all(ends > starts)


def test_offsets_of_a_real_notice_point_at_the_traditional_source(normalized):
    doc = normalized(SEED_002)
    start = doc.text.index("国办发〔2022〕34号")
    raw_start, raw_end = doc.raw_span(start, start + len("国办发〔2022〕34号"))
    assert doc.raw[raw_start:raw_end] == "國辦(ban)發〔2022〕34號"


def test_compact_runs_round_trip(normalized):
    doc = normalized(SEED_002)
    runs = doc.offsets.to_runs()
    assert len(runs) < len(doc.text) // 2  # compact: unchanged stretches are single runs
    again = OffsetMap.from_runs(runs, doc.offsets.source_length)
    assert np.array_equal(again.starts, doc.offsets.starts) and np.array_equal(again.ends, doc.offsets.ends)


def test_a_length_changing_phrase_maps_to_its_whole_source():
    doc = normalize_text("發展網際網路服務")
    start = doc.text.index("互联网")
    assert doc.raw_span(start, start + 3) == (2, 6)
    assert doc.raw_span(start + 3, start + 5) == (6, 8)


_EXTRACTED_FILES = sorted(
    [*(p for p in (SEED_002.parent).glob("*.txt")), *(p for p in FIXTURES.iterdir() if p.is_file())], key=lambda p: p.name
)


@pytest.mark.parametrize("path", _EXTRACTED_FILES, ids=lambda p: p.name)
def test_every_extracted_span_holds_what_was_extracted(path, extracted, normalized):
    """An item's, a department's and a deadline's span slice the normalized text to
    exactly its name or text: the context, the raw span and the HTML view rest on it."""
    text = normalized(path).text
    result = extracted(path)
    for found, name in [
        *((i, i.name) for i in result.items),
        *((d, d.name) for d in result.departments),
        *((d, d.text) for d in result.deadlines),
    ]:
        held = text[found.span[0] : found.span[1]]
        assert held == name or _wrapped_cell(held, name, found) or _short_piece(held, name, found)


def _short_piece(held: str, name: str, found) -> bool:
    """A counted list's piece written short (新生儿出生 of …等3个“一件事”; 出生 of 出生、死亡登记等2项):
    the span holds what the text wrote, which the name holds whole."""
    return getattr(found, "stated_count", None) is not None and len(held) >= 2 and held in name


def _wrapped_cell(held: str, name: str, found) -> bool:
    """A table's name a PDF wrapped (个体工商户设立 / 登记) is read from two stretches: its span
    runs from the first to the last, and its characters stand in it in order."""
    if getattr(found, "method", None) != "table" or "\n" not in held:
        return False
    rest = iter(held)
    return held[0] == name[0] and held[-1] == name[-1] and all(char in rest for char in name)
