"""Office 97-2003 files built in the test, since nothing installed here writes them:
a minimal OLE compound file (version 3, 512-byte sectors, no mini stream) and a
Word 97 document inside one ([MS-CFB], [MS-DOC])."""

from __future__ import annotations

import struct

_FREE, _END, _FAT = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD
_MIN_STREAM = 4096  # shorter streams would go to the mini stream, which this writer leaves out


def ole_file(streams: dict[str, bytes]) -> bytes:
    """An OLE compound file holding these streams at its root."""
    sectors: list[bytes] = []
    starts = {}
    for name, data in streams.items():
        data = data.ljust(_MIN_STREAM, b"\x00")
        starts[name] = (len(sectors), len(data))
        sectors += [data[i : i + 512].ljust(512, b"\x00") for i in range(0, len(data), 512)]
    directory_sector = len(sectors)
    fat_sector = directory_sector + 1
    fat = [_FREE] * 128
    for start, size in starts.values():
        count = -(-size // 512)
        for i in range(count):
            fat[start + i] = start + i + 1 if i < count - 1 else _END
    fat[directory_sector], fat[fat_sector] = _END, _FAT
    entries = [_entry("Root Entry", 5, _END, 0, child=1)]
    names = list(streams)
    for index, name in enumerate(names, start=1):
        right = index + 1 if index < len(names) else _FREE
        entries.append(_entry(name, 2, *starts[name], right=right))
    directory = b"".join(entries).ljust(512, b"\x00")
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(16) + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + bytes(6)
    header += struct.pack("<IIIIIIIII", 0, 1, directory_sector, 0, 4096, _END, 0, _END, 0)
    header += struct.pack("<109I", fat_sector, *([_FREE] * 108))
    return header + b"".join(sectors) + directory + struct.pack("<128I", *fat)


def _entry(name: str, kind: int, start: int, size: int, child: int = _FREE, right: int = _FREE) -> bytes:
    encoded = (name + "\x00").encode("utf-16-le")
    entry = encoded.ljust(64, b"\x00") + struct.pack("<HBB", len(encoded), kind, 1)
    entry += struct.pack("<III", _FREE, right, child) + bytes(16) + struct.pack("<I", 0) + bytes(16)
    return entry + struct.pack("<IQ", start, size)


def word_97(paragraphs: list[str | list[str]], field_in_first: bool = False, encrypted: bool = False, n_fib: int = 0xC1) -> bytes:
    """A .doc of these paragraphs; a list is one table row (its cells; \\r inside a cell parts its
    paragraphs).

    The text is one UTF-16 piece. Each paragraph is one run of the paragraph
    properties: table cells flagged in-table, row marks flagged as table-row ends."""
    text, runs = "", []  # runs: (character count, in table, row end)
    for paragraph in paragraphs:
        if isinstance(paragraph, list):
            for cell in paragraph:
                *inner, last = cell.split("\r")  # a cell's own paragraphs, each ended by \r
                for piece in inner:
                    text += piece + "\r"
                    runs.append((len(piece) + 1, True, False))
                text += last + "\x07"
                runs.append((len(last) + 1, True, False))
            text += "\x07"
            runs.append((1, True, True))
        else:
            text += paragraph + "\r"
            runs.append((len(paragraph) + 1, False, False))
    if field_in_first:  # the first paragraph as a field's result: \x13 code \x14 result \x15
        code = '\x13 HYPERLINK "http://example.gov.cn" \x14'
        text = code + text[: runs[0][0] - 1] + "\x15" + text[runs[0][0] - 1 :]
        runs[0] = (runs[0][0] + len(code) + 1, *runs[0][1:])
    text_fc, fkp_page = 0x800, 2  # the FKP page at 1024, the text at 2048
    word = bytearray(0x800 + 2 * len(text))
    struct.pack_into("<HH", word, 0, 0xA5EC, n_fib)
    struct.pack_into("<H", word, 0x0A, 0x0200 | (0x0100 if encrypted else 0))  # fWhichTblStm (1Table), fEncrypted
    struct.pack_into("<H", word, 0x20, 14)
    struct.pack_into("<H", word, 0x3E, 22)
    struct.pack_into("<i", word, 0x4C, len(text))  # ccpText
    struct.pack_into("<H", word, 0x98, 93)
    word[text_fc:] = text.encode("utf-16-le")
    word[512 * fkp_page : 512 * fkp_page + 512] = _papx_fkp(text_fc, runs)
    plc_bte = struct.pack("<III", text_fc, text_fc + 2 * len(text), fkp_page)
    clx = b"\x02" + struct.pack("<I", 16) + struct.pack("<IIHIH", 0, len(text), 0, text_fc, 0)
    struct.pack_into("<II", word, 0x102, 0, len(plc_bte))  # fcPlcfBtePapx, lcbPlcfBtePapx
    struct.pack_into("<II", word, 0x1A2, len(plc_bte), len(clx))  # fcClx, lcbClx
    return ole_file({"WordDocument": bytes(word), "1Table": plc_bte + clx})


def _papx_fkp(text_fc: int, runs: list[tuple[int, bool, bool]]) -> bytes:
    page = bytearray(512)
    fcs = [text_fc]
    for count, _, _ in runs:
        fcs.append(fcs[-1] + 2 * count)
    struct.pack_into(f"<{len(fcs)}I", page, 0, *fcs)
    free = 510
    for index, (_, in_table, row_end) in enumerate(runs):
        sprms = (struct.pack("<HB", 0x2416, 1) if in_table else b"") + (struct.pack("<HB", 0x2417, 1) if row_end else b"")
        papx = b"\x00\x00" + sprms  # the style index, then the sprms
        papx = papx if len(papx) % 2 else papx + b"\x00"  # cb counts words: 2 * cb - 1 bytes follow it
        free = (free - 1 - len(papx)) & ~1
        page[free] = (len(papx) + 1) // 2
        page[free + 1 : free + 1 + len(papx)] = papx
        page[4 * len(fcs) + 13 * index] = free // 2
    page[511] = len(runs)
    return bytes(page)
