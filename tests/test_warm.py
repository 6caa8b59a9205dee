"""extractors.warm: what a worker's fork server loads before forking (``tongban run --workers``)."""

from __future__ import annotations

from extractors.normalize import char_scores, pinyin
from extractors.warm import warm_up


def test_warm_up_loads_every_cached_data_loader_found_in_the_package():
    for loader in (char_scores.frequencies, pinyin._pinyin_dict):
        loader.cache_clear()
    warmed = warm_up()
    assert {"extractors.normalize.char_scores.frequencies", "extractors.normalize.pinyin._pinyin_dict"} <= set(warmed)
    assert "extractors.normalize.pinyin.readings" not in warmed  # takes an argument: nothing to load ahead
    assert char_scores.frequencies.cache_info().currsize == 1 and pinyin._pinyin_dict.cache_info().currsize == 1
