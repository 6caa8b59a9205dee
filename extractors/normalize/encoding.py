"""Bytes to text without ever raising: BOM, UTF-8, declared charset, detection.

The order matters. A BOM is certain; strict UTF-8 almost never decodes text that
is not UTF-8; an HTML ``<meta charset>`` is what the publisher claimed; only then
do we ask charset-normalizer, which is good at Big5 vs GB18030 but returns
nothing on byte-shifted GBK (a mojibake signal we keep in ``note``).
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from charset_normalizer import from_bytes

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)
# Publishers say gb2312/gbk but mean the superset; Big5 pages carry HKSCS extras.
_ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "big5": "big5hkscs"}


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    method: str  # bom | utf-8 | declared | detected | fallback
    replaced: int  # undecodable byte sequences replaced with U+FFFD
    note: str | None = None


def decode_bytes(data: bytes, declared: str | None = None) -> Decoded:
    """Decode raw bytes to text; the result records how and at what cost."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return _decode_with(data, name, "bom")
    utf16 = utf16_without_bom(data)
    if utf16:
        return _decode_with(data, utf16, "detected")
    try:
        return Decoded(data.decode("utf-8"), "utf-8", "utf-8", 0)
    except UnicodeDecodeError:
        pass
    claimed = declared or _meta_charset(data)
    if claimed:
        decoded = _try_declared(data, claimed)
        if decoded is not None:
            return decoded
    return _detect(data)


def _meta_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii").lower() if match else None


def _canonical(name: str) -> str | None:
    name = _ALIASES.get(name.lower(), name.lower())
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _try_declared(data: bytes, claimed: str) -> Decoded | None:
    name = _canonical(claimed)
    if name is None or name == "utf-8":
        return None
    decoded = _decode_with(data, name, "declared")
    # A claim that leaves more than a trace of garbage is not trusted.
    return decoded if decoded.replaced <= max(2, len(data) // 2000) else None


def _detect(data: bytes) -> Decoded:
    best = from_bytes(data, cp_isolation=["gb18030", "big5", "utf_16", "cp1252"]).best()
    if best is not None:
        name = _canonical(best.encoding) or best.encoding
        return _decode_with(data, name, "detected")
    decoded = _decode_with(data, "gb18030", "fallback")
    return Decoded(
        decoded.text,
        decoded.encoding,
        "fallback",
        decoded.replaced,
        note="charset detection found no consistent encoding (byte-shifted text?)",
    )


def _decode_with(data: bytes, name: str, method: str) -> Decoded:
    text = data.decode(name, errors="replace")
    replaced = text.count("\ufffd")
    return Decoded(text, name, method, replaced)


_TEXTY = re.compile(r"[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef\u2000-\u206f\x20-\x7e\s]")
_UTF16_SAMPLE = 4096  # bytes looked at
_UTF16_TEXTY = 0.95  # share of characters a text's decode leaves readable; junk's is far lower


def utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le`` or ``utf-16-be`` when the bytes read as text in one of them, for a file
    saved as UTF-16 with no BOM (a Windows export): its ASCII characters hold NUL bytes, which
    had made it "binary". Random bytes decode to scattered code points, mostly not text."""
    if b"\x00" not in data[:_UTF16_SAMPLE]:
        return None
    head = data[: _UTF16_SAMPLE - _UTF16_SAMPLE % 2]
    for name in ("utf-16-le", "utf-16-be"):
        try:
            text = head.decode(name)
        except UnicodeDecodeError:
            continue
        if text and "\x00" not in text and len(_TEXTY.findall(text)) >= _UTF16_TEXTY * len(text):
            return name
    return None
