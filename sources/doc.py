"""Word 97-2003 documents (.doc): notices and their item lists are still attached as
these on many government sites.

A .doc is an OLE compound file. Its text lives in the ``WordDocument`` stream,
cut into pieces that the piece table (the CLX, in the ``0Table`` or ``1Table``
stream) lists in order ([MS-DOC] 2.4.1). Each piece is UTF-16LE, or one byte per
character when its offset is flagged compressed. Only the main document's text
is read (``ccpText`` characters): headers, footnotes and comments are not.

Word marks structure with control characters: ``\\r`` ends a paragraph, ``\\x07``
ends a table cell or, where the paragraph properties flag it, a table row (an empty
cell and a row end look alike in the text). Fields keep their result and drop their
code. Cells become tabs and rows lines, as the other readers write tables.
"""

from __future__ import annotations

import io
import struct
from dataclasses import dataclass, field

import olefile

from sources.cell_text import joined_paragraphs
from sources.models import ReadError

_WIDENT = 0xA5EC
# FIB offsets ([MS-DOC] 2.5.1): flags in FibBase, ccpText in FibRgLw97, and in FibRgFcLcb97
# the paragraph-property bin table (PlcBtePapx) and the piece table (CLX), each as (fc, lcb)
_FLAGS, _CCP_TEXT, _FC_BTE_PAPX, _FC_CLX = 0x0A, 0x4C, 0x102, 0x1A2
_ENCRYPTED, _TABLE_1 = 0x0100, 0x0200
_COMPRESSED = 0x40000000


def doc_to_text(data: bytes) -> str:
    word, tables = _streams(data)
    flags, ccp_text = _fib(word)
    if flags & _ENCRYPTED:
        raise ReadError("encrypted", "a password-protected .doc: its text cannot be read")
    table = tables.get(_TABLE_1 if flags & _TABLE_1 else 0)
    if table is None:
        raise ReadError("office_broken", "a .doc without its table stream")
    try:
        chars = _characters(word, _slice(table, word, _FC_CLX), ccp_text)
        marks = _table_marks(word, _slice(table, word, _FC_BTE_PAPX))
    except (struct.error, IndexError, KeyError) as exc:  # offsets that point past their streams
        raise ReadError("office_broken", f"a .doc whose structures cannot be read: {exc}") from exc
    text = _structured(_without_field_codes(chars), marks)
    if not text.strip():
        raise ReadError("no_text", "the .doc holds no text")
    return text


def _slice(table: bytes, word: bytes, at: int) -> bytes:
    """The table-stream structure whose (fc, lcb) the FIB holds at ``at``."""
    fc, lcb = struct.unpack_from("<II", word, at)
    if fc + lcb > len(table):
        raise ReadError("office_broken", "a .doc whose table stream is cut short")
    return table[fc : fc + lcb]


def _streams(data: bytes) -> tuple[bytes, dict[int, bytes]]:
    try:
        ole = olefile.OleFileIO(io.BytesIO(data))
        word = ole.openstream("WordDocument").read()
        tables = {flag: ole.openstream(name).read() for flag, name in ((0, "0Table"), (_TABLE_1, "1Table")) if ole.exists(name)}
    except (OSError, ValueError, struct.error) as exc:
        raise ReadError("office_broken", f"a .doc whose OLE container cannot be read: {exc}") from exc
    return word, tables


_NFIB_97 = 0xC1  # Word 97 and later write at least this; Word 6/95 files lay out the FIB otherwise


def _fib(word: bytes) -> tuple[int, int]:
    if len(word) < _FC_CLX + 8 or struct.unpack_from("<H", word, 0)[0] != _WIDENT:
        raise ReadError("office_broken", "a .doc without a Word 97 file information block")
    if struct.unpack_from("<H", word, 2)[0] < _NFIB_97:
        raise ReadError("unsupported_format", "a Word 6/95 document: save it as .docx or PDF")
    return struct.unpack_from("<H", word, _FLAGS)[0], struct.unpack_from("<i", word, _CCP_TEXT)[0]


def _characters(word: bytes, clx: bytes, ccp_text: int) -> list[tuple[str, int]]:
    """Every character of the main document with the file offset (FC) just past it, in order:
    the paragraph properties name a paragraph by the FC past its mark."""
    plc = _piece_table(clx)
    count = (len(plc) - 4) // 12
    cps = struct.unpack_from(f"<{count + 1}I", plc, 0)
    chars: list[tuple[str, int]] = []
    for index in range(count):
        start, end = cps[index], min(cps[index + 1], ccp_text)
        if end <= start:
            break
        fc = struct.unpack_from("<I", plc, 4 * (count + 1) + 8 * index + 2)[0]
        chars.extend(_piece_chars(word, fc, end - start))
    return chars


def _piece_table(clx: bytes) -> bytes:
    """Skip the CLX's property runs (0x01) to its piece table (0x02)."""
    position = 0
    while position < len(clx) and clx[position] == 0x01:
        position += 3 + struct.unpack_from("<H", clx, position + 1)[0]
    if position + 5 > len(clx) or clx[position] != 0x02:
        raise ReadError("office_broken", "a .doc whose piece table cannot be found")
    size = struct.unpack_from("<I", clx, position + 1)[0]
    return clx[position + 5 : position + 5 + size]


def _piece_chars(word: bytes, fc: int, length: int) -> list[tuple[str, int]]:
    if fc & _COMPRESSED:
        start = (fc & ~_COMPRESSED) // 2
        text = word[start : start + length].decode("cp1252", errors="replace")
        return [(char, start + i + 1) for i, char in enumerate(text)]
    text = word[fc : fc + 2 * length].decode("utf-16-le", errors="replace")
    return [(char, fc + 2 * i + 2) for i, char in enumerate(text)]


_SPRM_IN_TABLE = 0x2416  # sprmPFInTable: this paragraph is in a table cell
_SPRM_TTP = (0x2417, 0x244C)  # sprmPFTtp, sprmPFInnerTtp: this paragraph mark ends a table row


@dataclass
class _Marks:
    """File offsets just past paragraph marks: those in a table cell, and those ending a row."""

    in_table: set[int] = field(default_factory=set)
    row_ends: set[int] = field(default_factory=set)


def _table_marks(word: bytes, plc: bytes) -> _Marks:
    """From the paragraph properties in the FKP pages the bin table points to
    ([MS-DOC] 2.9.177 PlcBtePapx, 2.9.175 PapxFkp)."""
    count = (len(plc) - 4) // 8
    marks = _Marks()
    for index in range(count):
        page = (struct.unpack_from("<I", plc, 4 * (count + 1) + 4 * index)[0] & 0x3FFFFF) * 512
        if page + 512 <= len(word):
            _read_fkp(word[page : page + 512], marks)
    return marks


def _read_fkp(fkp: bytes, marks: _Marks) -> None:
    runs = fkp[511]
    fcs = struct.unpack_from(f"<{runs + 1}I", fkp, 0)
    for run in range(runs):
        offset = 2 * fkp[4 * (runs + 1) + 13 * run]
        sprms = _sprms(fkp, offset) if offset else {}
        if sprms.get(_SPRM_IN_TABLE):
            marks.in_table.add(fcs[run + 1])
        if any(sprms.get(sprm) for sprm in _SPRM_TTP):
            marks.row_ends.add(fcs[run + 1])


def _sprms(fkp: bytes, offset: int) -> dict[int, int]:
    """The one-byte-operand sprms of the PapxInFkp at ``offset`` (after its style index)."""
    size = 2 * fkp[offset] - 1 if fkp[offset] else 2 * fkp[offset + 1]
    start = offset + (1 if fkp[offset] else 2)
    grpprl, position, found = fkp[start + 2 : start + size], 0, {}
    while position + 3 <= len(grpprl):
        sprm = struct.unpack_from("<H", grpprl, position)[0]
        found[sprm] = grpprl[position + 2]
        position += 2 + _operand_size(sprm, grpprl, position + 2)
    return found


def _operand_size(sprm: int, grpprl: bytes, at: int) -> int:
    spra = sprm >> 13
    if spra == 6:  # variable: a size byte first (sprmTDefTable's is two bytes)
        if sprm == 0xD608 and at + 2 <= len(grpprl):
            return 2 + struct.unpack_from("<H", grpprl, at)[0] - 1
        return 1 + (grpprl[at] if at < len(grpprl) else 0)
    return {0: 1, 1: 1, 2: 2, 3: 4, 4: 2, 5: 2, 7: 3}[spra]


def _without_field_codes(chars: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """A field is \\x13 code \\x14 result \\x15 (or \\x13 code \\x15): keep the result."""
    out, in_code = [], []
    for char, fc in chars:
        if char == "\x13":
            in_code.append(True)
        elif char == "\x14" and in_code:
            in_code[-1] = False
        elif char == "\x15" and in_code:
            in_code.pop()
        elif not any(in_code):
            out.append((char, fc))
    return out


def _structured(chars: list[tuple[str, int]], marks: _Marks) -> str:
    """Paragraph marks to lines; in a table, cell marks to tabs and row marks to lines,
    and a cell's own paragraphs joined as its pieces (``cell_text``). Which is which the
    paragraph properties say: in the text an empty cell and a row end look alike."""
    lines, cells, current, paragraphs = [], [], [], []
    for char, past in chars:
        if char == "\x07" and past in marks.row_ends:
            lines.append("\t".join(cells))
            cells = []
        elif char == "\x07":
            cells.append(joined_paragraphs([*paragraphs, "".join(current)]))  # a cell's paragraphs: its pieces
            current, paragraphs = [], []
        elif char == "\r" and past in marks.in_table:
            paragraphs.append("".join(current))
            current = []
        elif char in "\r\x0b\x0c" and past not in marks.in_table:
            lines.append("".join(current))
            current = []
        elif ord(char) >= 0x20 or char == "\t":
            current.append(char)
    lines.extend(["\t".join(cells)] if cells else [])
    lines.append("".join(current))
    return "\n".join(line.rstrip() for line in lines).strip("\n") + "\n"
