"""Document metadata: title, document number, issuer, issue and publish dates.

Official notices follow GB/T 9704 layout: an issuer header (广东省医疗保障局文件),
the document number on its own line (粤医保发〔2021〕29号), a title
"<issuer>关于…的通知", and the issuer's signature with the date at the end. News
reports have none of that: their headline is the title and a dateline gives the
publish date. Citations of *other* documents in the body are not this
document's number, which is why the number must stand on its own line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from extractors.dates import find_full_dates, run_together_date
from extractors.head_lines import (
    HEADER,
    ISSUER_SUFFIX,
    MAX_HEAD_LINES,
    SENTENCE,
    Line,
    is_addressee_line,
    is_issuer_line,
    lines_of,
    occasion_date,
)
from extractors.labels import find_label_block, is_label_line, labelled_date
from extractors.places import LEVEL_CHARS, signers_of
from extractors.records import DocumentMeta, Span
from extractors.relative_deadlines import markers
from extractors.text import DOC_NUMBER, LIST_NUMBER, doc_number_spans, line_end
from extractors.titles import NUMBER_SUFFIX, dateline_label, find_title

_FORWARDS = re.compile(r"转发|印发|《")


def extract_metadata(text: str) -> DocumentMeta:
    """Labelled values (标题：…, 发文字号：…) where the page has them, layout otherwise."""
    meta = _from_layout(text)
    block = find_label_block(text)
    if block is None:
        published = labelled_date(text, "published")
        return replace(meta, published=published.value) if published else meta
    labelled = block.values
    changes: dict[str, object] = {"labels_span": block.span}
    for field in ("title", "doc_number", "issuer", "issued", "published"):
        if field in labelled:
            changes[field] = labelled[field].value
    if "issuer" in labelled:
        changes["issuer"] = _fuller_issuer(meta.issuer, labelled["issuer"].value)
    for field in ("title", "doc_number", "issued"):
        if field in labelled:
            changes[f"{field}_span"] = labelled[field].span
    return replace(meta, **changes)


def _fuller_issuer(layout: str | None, labelled: str) -> str:
    """Portals often label the issuer without its place (发布机构：市政府办公室) where
    the title names it in full (舟山市人民政府办公室…关于…), or labels the government whose
    office the title and signature name: the fuller name wins. A joint
    notice's signers win over the one of them a portal labels."""
    signers = signers_of(layout)
    if len(signers) > 1 and _plain(labelled) in map(_plain, signers):
        return layout  # a joint notice's signers: the portal labels the first, or its own
    full, short = _plain(layout or ""), _plain(labelled)
    place = full[: len(full) - len(short)]
    bare = short[:1] in LEVEL_CHARS  # 市政府办公室, 县人民政府: no place name
    if bare and place and full.endswith(short) and _PLACE_NAME.fullmatch(place):
        return layout
    if full.startswith(short) and full[len(short) :] in _OFFICES:
        return layout  # the portal labels the government (白水县人民政府), its office signed
    return labelled


_OFFICES = ("办公室", "办公厅")


_PLACE_NAME = re.compile(r"[\u4e00-\u9fff]{1,8}")  # what the label left off: 舟山 of 舟山市…


def _plain(name: str) -> str:
    return name.replace("人民政府", "政府")


def _from_layout(text: str) -> DocumentMeta:
    lines = [line for line in lines_of(text) if not is_label_line(line.text)]
    number = _doc_number(lines)
    title = find_title(lines, official=number is not None)
    issued = _issued(lines, title)
    issuer = _issuer(lines, title, issued)
    issued = issued or occasion_date(lines)  # a speech's date says nothing of who signed
    published = _published(lines, official=number is not None)
    addressee_line = _addressee_line(lines)
    return DocumentMeta(
        addressees=_split_addressees(addressee_line),
        attachments=_attachments(lines),
        title=title.text if title else None,
        doc_number=number.text if number else None,
        issuer=issuer,
        issued=issued[1].isoformat() if issued else None,
        published=published,
        title_span=(title.start, title.end) if title else None,
        doc_number_span=(number.start, number.end) if number else None,
        issued_span=issued[0] if issued else None,
        addressees_span=(addressee_line.start, addressee_line.end) if addressee_line else None,
    )


def _doc_number(lines: list[Line]) -> Line | None:
    for line in lines[:MAX_HEAD_LINES]:
        match = DOC_NUMBER.fullmatch(line.text)
        if match:
            return line
    for line in lines[:MAX_HEAD_LINES]:  # a number in brackets after the title
        suffix = NUMBER_SUFFIX.search(line.text)
        if suffix and "关于" in line.text[: suffix.start()] and not _cited(line.text[: suffix.start()]):
            number = DOC_NUMBER.search(line.text, suffix.start())
            return Line(number.group(), line.start + number.start())
    return None


def _cited(before_number: str) -> bool:
    """Is the 关于 before a bracketed number inside 《》? Then the line cites another notice
    by its title and number (1.《…关于…的通知》（医保发〔2022〕22号）): a guide's legal basis."""
    about = before_number.index("关于")
    opened = before_number.rfind("《", 0, about)
    return opened >= 0 and before_number.find("》", opened) > about


@dataclass(frozen=True)
class _DateLine:
    span: Span  # the date's
    value: date
    printed: bool  # a colophon's "…印发" line, not a signature's date alone
    index: int  # the line's


def _issued(lines: list[Line], title: Line | None) -> tuple[Span, date] | None:
    """The signature date (成文日期). The colophon's printing date (…2023年3月8日印发)
    stands in for it only where no signature carries a date of its own. Where the text
    goes on past its own signature (a notice that forwards another in full), the date
    under the signature naming the title's issuer is the document's."""
    last = _last_date_line(lines)
    if last is not None and last.printed:
        last = _last_date_line(lines[: last.index], under_issuer=True) or last
    own = _signed_by_the_titles_issuer(lines, title)
    if own is not None and last is not None and last.index > 0 and _titles_issuer(title) != lines[last.index - 1].text:
        last = own
    return (last.span, last.value) if last else None


def _titles_issuer(title: Line | None) -> str | None:
    """The body a title opens with (泸州市人民政府办公室 of 泸州市人民政府办公室关于转发《…》的通知)."""
    if title is None or "关于" not in title.text:
        return None
    prefix = _FORWARDS.split(title.text.split("关于", 1)[0], maxsplit=1)[0]
    return prefix if prefix and ISSUER_SUFFIX.search(prefix) else None


def _signed_by_the_titles_issuer(lines: list[Line], title: Line | None) -> _DateLine | None:
    """The last date alone on its line right under a line that names the title's issuer."""
    issuer = _titles_issuer(title)
    if issuer is None:
        return None
    for index in range(len(lines) - 1, 0, -1):
        if lines[index - 1].text == issuer:
            dated = _last_date_line(lines[index : index + 1], under_issuer=False)
            if dated is not None and not dated.printed:
                return replace(dated, index=index)
    return None


def _signed(lines: list[Line], index: int) -> bool:
    """Is the line right under an issuer's name?"""
    return index > 0 and is_issuer_line(lines[index - 1].text)


def _last_date_line(lines: list[Line], under_issuer: bool = False) -> _DateLine | None:
    """The last full date alone on a line (or "…印发"), or digits run together ("2021813")
    right under a signature line. ``under_issuer``: only a date alone on its line right
    under an issuer's name."""
    for index in range(len(lines) - 1, -1, -1):
        line = lines[index]
        if under_issuer and not _signed(lines, index):
            continue
        dates = find_full_dates(line.text)
        if not dates:
            bare = run_together_date(line.text)
            if bare and _signed(lines, index):
                return _DateLine((line.start, line.end), bare, False, index)
            continue
        start, end, value = dates[-1]
        rest = (line.text[:start] + line.text[end:]).strip()
        if under_issuer and rest:
            continue
        if rest in ("", "印发", "发布", "公布") or rest.endswith("印发"):
            return _DateLine((line.start + start, line.start + end), value, bool(rest), index)
        if not under_issuer and _signed_on_one_line(line.text, start, end, rest):
            return _DateLine((line.start + start, line.start + end), value, False, index)
    return None


def _signed_on_one_line(text: str, start: int, end: int, rest: str) -> bool:
    """ "广东省人民政府办公厅 2014年5月11日": the issuer's name and the date that ends its line,
    as a page's layout table sets a signature."""
    return start > 0 and not text[end:].strip() and is_issuer_line(rest)


def _published(lines: list[Line], official: bool = False) -> str | None:
    """A news dateline ("2020-10-01 07:24:14 来源: …") near the top. In an official
    document, or under an issuer's name, a date alone on its line is a signature's."""
    for line in lines[:MAX_HEAD_LINES]:  # a dateline that says so (…来源：), wherever the head puts it
        if len(line.text) >= 60 or not dateline_label().search(line.text) or SENTENCE.search(line.text):
            continue
        dates = find_full_dates(line.text)
        if dates:
            return dates[0][2].isoformat()
    for index, line in enumerate(lines[:8]):
        dates = find_full_dates(line.text)
        if not dates or len(line.text) >= 60 or SENTENCE.search(line.text) or "\t" in line.text:
            continue  # a table row's date is a deadline's, not the page's
        start, end, day = dates[0]
        if _sets_a_time(line.text, start, end):
            continue  # "…要于2024年7月15日前完成…": a task's time limit in a line of running text
        bare = not (line.text[:start] + line.text[end:]).strip()
        signed = index > 0 and is_issuer_line(lines[index - 1].text)
        if bare and (official or signed):
            continue  # a signature's date, under its issuer: the issue date, not a dateline
        return day.isoformat()
    return None


def _sets_a_time(text: str, start: int, end: int) -> bool:
    """Is the date a time something is done by, from or within, by a deadline marker beside it
    (…前, …起, …内, 自…, 截至…: deadline_markers.tsv)? A dateline's date says when the page
    went out, with no such word beside it."""
    return text.startswith(tuple(markers("after")), end) or text.endswith(tuple(markers("before")), 0, start)


def _issuer(lines: list[Line], title: Line | None, issued: tuple[Span, object] | None) -> str | None:
    for line in lines[:5]:
        match = HEADER.match(line.text)
        if match:
            return match.group("issuer").replace(" ", "")
    prefix = _titles_issuer(title)  # 某县人民政府办公室转发《某省人民政府办公厅关于…》的通知: the forwarder
    if prefix:
        return _signed_in_full(lines, issued, prefix)
    if issued:
        return _signature_before(lines, issued[0][0])
    return None


def _signed_in_full(lines: list[Line], issued: tuple[Span, object] | None, prefix: str) -> str:
    """The title's issuer, or the signature when it names the same body in full: a title may
    shorten the name (湖州市卫生健康委关于…) that the signature writes out (湖州市卫生健康委员会)."""
    signed = _signature_before(lines, issued[0][0]) if issued else None
    return signed if signed and signed != prefix and signed.startswith(prefix) and " " not in signed else prefix


_MAX_JOINT_SIGNERS = 6


def _signature_before(lines: list[Line], date_start: int) -> str | None:
    """The signature over the date. A joint notice signs one body a line (桐乡市人民政府办公室 /
    如东县人民政府办公室): all of them, joined by a space as a joint title joins them."""
    for index, line in enumerate(lines):
        if line.start <= date_start < line.end + 1 and index > 0:
            signers: list[str] = []
            above = index - 1
            while above >= 0 and len(signers) < _MAX_JOINT_SIGNERS and is_issuer_line(lines[above].text):
                signers.insert(0, lines[above].text)
                above -= 1
            return " ".join(signers) or None
    return None


_ATTACHMENT = re.compile(r"^附件\s*[\d一二三四五六七八九十]*\s*[：:]?\s*(.*)$")
# a page's link to the attachment's file names it with the file's type: 第五批…清单.docx
_FILE_SUFFIX = re.compile(r"\s*\.(?:docx?|wps|xlsx?|et|pdf|ofd|zip|rar|7z|txt)$", re.I)


def _addressee_line(lines: list[Line]) -> Line | None:
    """The 主送 line under the title: organizations joined by ，, ending in ："""
    for line in lines[:MAX_HEAD_LINES]:
        if is_addressee_line(line.text):
            return line
    return None


def numbered_addressee_spans(text: str) -> list[Span]:
    """Every 主送 line right under a document number: the document's own, and that of a notice
    it forwards in full (…川办发〔2024〕15号 / 各市（州）人民政府，省政府各部门…：), whose
    recipients are no more mentions than the document's are."""
    spans = []
    for start, end in doc_number_spans(text):
        line_start = text.rfind("\n", 0, start) + 1
        if text[line_start:start].strip() or text[end : line_end(text, end)].strip():
            continue  # a number inside a line of text, not a line of its own
        below = _next_line(text, line_end(text, end) + 1)
        if below and is_addressee_line(below.text):
            spans.append((below.start, below.end))
    return spans


def _next_line(text: str, start: int) -> Line | None:
    """The first non-blank line from ``start`` on, blank lines skipped."""
    while start < len(text):
        end = line_end(text, start)
        stripped = text[start:end].strip()
        if stripped:
            return Line(stripped, text.index(stripped, start))
        start = end + 1
    return None


def _split_addressees(line: Line | None) -> tuple[str, ...]:
    if line is None:
        return ()
    return tuple(p.strip() for p in re.split(r"[，,；;]", line.text[:-1]) if p.strip())


_LIST_NUMBER = re.compile(rf"^{LIST_NUMBER}\s*")
_TITLE_NOTE = re.compile(r"[（(](?:见[^）)]*|共?\d+\s*项)[）)]$")  # （见附件）, （2项）: no part of the title


def _attachments(lines: list[Line]) -> tuple[str, ...]:
    """附件：<title> lines, or 附件 alone with the title on the next line; a numbered
    list (附件：1.… / 2.…) gives each of its lines."""
    found = []
    for index, line in enumerate(lines):
        match = _ATTACHMENT.match(line.text)
        if not match:
            continue
        first = match.group(1).strip() or (lines[index + 1].text if index + 1 < len(lines) else "")
        titles = [first]
        if _LIST_NUMBER.match(first):
            titles += [later.text for later in _numbered_after(lines, index + 1)]
        for title in titles:
            title = _FILE_SUFFIX.sub("", _TITLE_NOTE.sub("", _LIST_NUMBER.sub("", title)).strip())
            if title and title not in found:
                found.append(title)
    # "附件：<title>" in the body, then the attachment's own page under "附件" alone, its
    # title set over several lines: the first of them is the same attachment, cut short.
    return tuple(title for title in found if not any(other.startswith(title) and other != title for other in found))


def _numbered_after(lines: list[Line], start: int) -> list[Line]:
    """The numbered lines right after an attachment list's first one (2.…, 3.…)."""
    numbered = []
    for line in lines[start:]:
        if not _LIST_NUMBER.match(line.text):
            break
        numbered.append(line)
    return numbered
