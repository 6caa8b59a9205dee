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

_DROP = re.compile(r"[\s“”‘’\"'「」『』《》]")
_BRACKETS = str.maketrans({"(": "（", ")": "）", "[": "【", "]": "】", ",": "，", ";": "；", ":": "："})


def item_key(name: str) -> str:
    return _DROP.sub("", name).translate(_BRACKETS)


def item_id(key: str) -> str:
    return "item-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:12]


def error_id(uri: str, stage: str, error_type: str, sha256: str | None) -> str:
    raw = "\x1f".join([uri, stage, error_type, sha256 or ""])
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:20]
