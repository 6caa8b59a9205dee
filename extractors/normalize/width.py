"""Full-width digits and Latin letters as half-width: ２０２１年１２月底前 is 2021年12月底前.

Word documents and some sites set numbers full-width. The date, count and document-number
readers read ASCII digits, so a full-width year was lost (６月３０日前 was read with the
document's own year). Full-width punctuation (，。：（）) is the mainland's own and stays.
Each character becomes one character, so the offset map is unchanged.
"""

from __future__ import annotations

import re

_FULL_WIDTH = (
    "０１２３４５６７８９ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ"
)
_HALF_WIDTH = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_FOLD = str.maketrans(_FULL_WIDTH, _HALF_WIDTH)
_ANY = re.compile("[０-９Ａ-Ｚａ-ｚ]")  # looked for first: str.translate walks every character in Python


def fold_width(text: str) -> tuple[str, int]:
    """The text with full-width digits and letters half-width, and how many there were."""
    if _ANY.search(text) is None:
        return text, 0
    return text.translate(_FOLD), len(_ANY.findall(text))
