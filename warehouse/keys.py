"""Canonical keys and stable IDs for registry entities.

An ``item_id`` is a pure function of the item's canonical key, so it does not
depend on run order, input order or what else was ingested. The key folds away
what does not change meaning: whitespace, quotes, full/half-width brackets.
Merging near-duplicates (异地就医备案 vs 异地就医结算备案) is *not* done here: that
takes an explicit rule with a recorded reason.
"""

from __future__ import annotations

import hashlib
import re

from extractors.item_names import names_no_object, names_nothing

_DROP = re.compile(r"[\s“”‘’\"'「」『』《》]")
_BRACKETS = str.maketrans({"(": "（", ")": "）", "[": "【", "]": "】", ",": "，", ";": "；", ":": "："})


def item_key(name: str) -> str:
    return _DROP.sub("", name).translate(_BRACKETS)


SUB_ITEM_SEPARATOR = "／"  # between a main item's key and its sub-item's: 个体工商户登记／设立登记
SOURCE_SEPARATOR = "＠"  # between an object-less name's key and its source's: 注销＠3f9a0c21


def mention_key(name: str, main_item: str | None = None, source: str | None = None) -> str:
    """The key a mention groups by: its name's, or, for a name that names no object of its own
    (设立登记, 注销, 转移接续手续办理), its main item's and its own (个体工商户／设立登记), so two main
    items' 设立登记 stay two items. With no main item, such a name is its source's own
    (注销＠3f9a0c21, a hash of the uri): 社保卡's 注销 in one news report and 营业执照's in another
    are two items, and nothing in the names says they are one."""
    if not names_no_object(name):
        return item_key(name)
    if main_item:
        return f"{item_key(main_item)}{SUB_ITEM_SEPARATOR}{item_key(name)}"
    if source and names_nothing(name):
        return f"{item_key(name)}{SOURCE_SEPARATOR}{hashlib.sha256(source.encode('utf-8')).hexdigest()[:8]}"
    return item_key(name)


def item_id(key: str) -> str:
    return "item-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:12]


def error_id(uri: str, stage: str, error_type: str, sha256: str | None) -> str:
    raw = "\x1f".join([uri, stage, error_type, sha256 or ""])
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:20]
