"""Full-width digits and Latin letters as half-width: ２０２１年１２月底前 is 2021年12月底前.

Word documents and some sites set numbers full-width. The date, count and document-number
readers read ASCII digits, so a full-width year was lost (６月３０日前 was read with the
document's own year). Full-width punctuation (，。：（）) is the mainland's own and stays.
A year in Chinese numerals may be typed with a look-alike for 〇: the letter O, the digit 0 or
the circle ○ (二OO八年六月四日, 二0二一年); the date readers read 〇 only, so such a signature date
was lost. Each character becomes one character, so the offset map is unchanged.
"""

from __future__ import annotations

import re

_FULL_WIDTH = (
    "０１２３４５６７８９ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ"
)
_HALF_WIDTH = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_FOLD = str.maketrans(_FULL_WIDTH, _HALF_WIDTH)
_ANY = re.compile("[０-９Ａ-Ｚａ-ｚ]")  # looked for first: str.translate walks every character in Python


# A year in Chinese numerals (二〇〇八年) with at least one look-alike for 〇 in it.
_NUMERAL_YEAR = re.compile(r"[一二][一二三四五六七八九〇○Oo0]{3}(?=年)")
_ZERO_LOOK_ALIKES = str.maketrans("○Oo0", "〇〇〇〇")


def fold_width(text: str) -> tuple[str, int]:
    """The text with full-width digits and letters half-width, and look-alikes for 〇 in a year
    in Chinese numerals made 〇; how many characters changed."""
    folded = 0
    if _ANY.search(text) is not None:
        folded = len(_ANY.findall(text))
        text = text.translate(_FOLD)
    return _fold_year_zeros(text, folded)


def _fold_year_zeros(text: str, folded: int) -> tuple[str, int]:
    pieces, last = [], 0
    for year in _NUMERAL_YEAR.finditer(text):
        fixed = year.group().translate(_ZERO_LOOK_ALIKES)
        if fixed != year.group():
            pieces += [text[last : year.start()], fixed]
            folded += sum(a != b for a, b in zip(fixed, year.group()))
            last = year.end()
    if not pieces:
        return text, folded
    return "".join([*pieces, text[last:]]), folded
