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
from functools import lru_cache

from extractors.datafiles import load_list, load_table
from extractors.dates import find_full_dates, run_together_date
from extractors.labels import find_label_block, is_label_line, labelled_date
from extractors.records import DocumentMeta, Span
from extractors.text import DOC_NUMBER, alternation, is_navigation

_TITLE_END = re.compile(r"(意见|通知|方案|办法|决定|规定|规划|批复|函|报告|公告|通告|细则|要点|清单|指南)$")
_ISSUER_SUFFIX = re.compile(r"(国务院|办公厅|办公室|人民政府|局|厅|部|委员会|委|署|院|中心|总局|办)$")
_HEADER = re.compile(r"^(?P<issuer>[\u4e00-\u9fff（）()、 ]{3,40}?)文件$")
_SENTENCE = re.compile(r"[，。；！？,;]")
_FORWARDS = re.compile(r"转发|印发|《")
_MAX_HEAD_LINES = 20


@dataclass(frozen=True)
class Line:
    text: str
    start: int

    @property
    def end(self) -> int:
        return self.start + len(self.text)


def lines_of(text: str) -> list[Line]:
    """Non-blank lines with their offsets in ``text``."""
    result, offset = [], 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            result.append(Line(stripped, offset + raw.index(stripped)))
        offset += len(raw) + 1
    return result


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
    the title names it in full (舟山市人民政府办公室…关于…): the fuller name wins."""
    full, short = _plain(layout or ""), _plain(labelled)
    place = full[: len(full) - len(short)]
    bare = short[:1] in _PLACE_LEVELS  # 市政府办公室, 县人民政府: no place name
    if bare and place and full.endswith(short) and _PLACE_NAME.fullmatch(place):
        return layout
    return labelled


_PLACE_NAME = re.compile(r"[\u4e00-\u9fff]{1,8}")  # what the label left off: 舟山 of 舟山市…
_PLACE_LEVELS = "省市县区州盟旗"


def _plain(name: str) -> str:
    return name.replace("人民政府", "政府")


def _from_layout(text: str) -> DocumentMeta:
    lines = [line for line in lines_of(text) if not is_label_line(line.text)]
    number = _doc_number(lines)
    title = _title(lines, official=number is not None)
    issued = _issued(lines)
    issuer = _issuer(lines, title, issued)
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
    for line in lines[:_MAX_HEAD_LINES]:
        match = DOC_NUMBER.fullmatch(line.text)
        if match:
            return line
    for line in lines[:_MAX_HEAD_LINES]:  # a number in brackets after the title
        suffix = _NUMBER_SUFFIX.search(line.text)
        if suffix and "关于" in line.text[: suffix.start()]:
            number = DOC_NUMBER.search(line.text, suffix.start())
            return Line(number.group(), line.start + number.start())
    return None


def _title(lines: list[Line], official: bool = False) -> Line | None:
    """The "…关于…的通知" line (maybe wrapped over a few short lines), else, in an
    official document (it has a number line), a line that names its kind with no
    关于 (遂宁市工程建设项目审批制度改革实施方案), else the headline."""
    head = lines[:_MAX_HEAD_LINES]
    found = _about_title(head)
    if found is None and official:
        found = _kind_title(head)
    found = found or _headline(head)
    if found is None:  # a page that opens with a lead paragraph, then the plan it reports
        found = _kind_title(head)
    return _without_number_suffix(_without_source_prefix(found)) if found else None


def _kind_title(head: list[Line]) -> Line | None:
    """The first line naming a kind (…工作方案), joined to the short line over it
    when the title wraps there ("吉林省加快推进政务服务" / "“跨省通办”工作方案")."""
    for index, line in enumerate(head):
        if not _names_a_kind(line.text):
            continue
        previous = head[index - 1].text if index else ""
        if previous and len(previous) + len(line.text) <= _MAX_HEADLINE_CHARS and _wraps_into(previous):
            return _joined(head[index - 1 : index + 1])
        return line
    return None


def _wraps_into(text: str) -> bool:
    """A title's first part: no sentence, no number, no kind ending of its own."""
    return not _SENTENCE.search(text) and not DOC_NUMBER.search(text) and not _TITLE_END.search(text) and _can_be_headline(text)


def _without_number_suffix(line: Line) -> Line:
    """ "…的实施意见(池政〔2017〕101号)": a portal's title may carry the number; the
    title is what comes before it (the number is read by ``_doc_number``)."""
    suffix = _NUMBER_SUFFIX.search(line.text)
    return Line(line.text[: suffix.start()], line.start) if suffix and suffix.start() > 0 else line


_NUMBER_SUFFIX = re.compile(rf"[（(]\s*(?:{DOC_NUMBER.pattern})\s*[）)]$")


def _names_a_kind(text: str) -> bool:
    return 6 <= len(text) <= 60 and _TITLE_END.search(text) is not None and not _SENTENCE.search(text) and text[0] != "《"


def _about_title(head: list[Line]) -> Line | None:
    for index, line in enumerate(head):
        if _SENTENCE.search(line.text) or not _TITLE_END.search(line.text):
            continue
        first = index
        while first > 0 and "关于" not in head[first].text and index - first < 3:
            previous = head[first - 1].text
            if _SENTENCE.search(previous) or DOC_NUMBER.fullmatch(previous) or _HEADER.match(previous):
                break
            first -= 1
        if "关于" in "".join(l.text for l in head[first : index + 1]):
            if first > 0 and head[first].text.startswith("关于") and _is_issuer_line(head[first - 1].text):
                first -= 1  # "济源市人民政府办公室" / "关于推进…的实施意见": the issuer opens the title
            return _joined(head[first : index + 1])
    return None


def _is_issuer_line(text: str) -> bool:
    return (
        len(text) <= 30 and _ISSUER_SUFFIX.search(text) is not None and not _SENTENCE.search(text) and not DOC_NUMBER.search(text)
    )


def _joined(parts: list[Line]) -> Line:
    """A title wrapped over several lines, as one line starting at the first."""
    return Line("".join(p.text for p in parts).replace(" ", ""), parts[0].start) if len(parts) > 1 else parts[0]


def _headline(head: list[Line]) -> Line | None:
    """A news page's headline: the line over its dateline (2021-08-20 14:10 来源：…)
    when there is one, else the first line that can be one."""
    candidates = [line for line in head if _can_be_headline(line.text)]
    for index, line in enumerate(head):
        if index and _dateline_label().search(line.text) and find_full_dates(line.text) and len(line.text) <= 60:
            above = [c for c in candidates if c.start < line.start]
            if above:
                return above[-1]
    body = next((line for line in head if _is_body(line.text)), None)
    first = candidates[0] if candidates else None
    if first is None or (body is not None and body.start < first.start):
        return None  # the page opens with its body: its headline was not kept
    return first


def _is_body(text: str) -> bool:
    """A sentence of the body: it ends in 。, or runs long with one inside."""
    return text.endswith("。") or (len(text) > _MAX_HEADLINE_CHARS and "。" in text)


@lru_cache(maxsize=1)
def _dateline_label() -> re.Pattern[str]:
    """A dateline's labelled field (来源：, 作者：): with the colon, so 只看该作者 is none."""
    return re.compile(rf"(?:{alternation(row['label'] for row in load_table('dateline_labels.tsv'))})[：:]")


# "中华网 china.com": a site's name, with its domain
_SITE_NAME = re.compile(r"[A-Za-z0-9-]+\.(?:com|cn|net|org)\b|www\.", re.I)


_HAN_CHAR = re.compile(r"[\u4e00-\u9fff]")
_MAX_HEADLINE_CHARS = 60  # a longer line with a full stop is the lead paragraph


def _can_be_headline(text: str) -> bool:
    if len(text) < 6 or "\t" in text or DOC_NUMBER.fullmatch(text):
        return False  # a table row (tabs) or a document number is never the headline
    if len(_HAN_CHAR.findall(text)) < 2:
        return False  # "????,?????????!": text lost to placeholders, or no words at all
    if _is_body(text):
        return False  # "新京报快讯(记者 许雯)今后，…。": a page whose headline was not kept
    if _dateline_label().search(text):
        return False  # "本文转自：北青网", "来源：人民网": a dateline's field, even with no date
    return not find_full_dates(text) and not _is_chrome(text) and not _SITE_NAME.search(text)


# "人民网|十五省启动…", "政务服务丨…关于…": a reposting site's or a column's name before a
# bar (丨 is the Han character portals use as one).
_SOURCE_PREFIX = re.compile(r"^[\u4e00-\u9fffA-Za-z]{2,8}?\s*[|｜丨]\s*")


# "新华社北京9月30日电题：让政务服务更亲民…": a wire dateline before the headline proper.
_WIRE_PREFIX = re.compile(r"^[\u4e00-\u9fff0-9]{2,16}电\s*题[：:]\s*")


def _without_source_prefix(line: Line) -> Line:
    prefix = _SOURCE_PREFIX.match(line.text) or _WIRE_PREFIX.match(line.text)
    if prefix is None or len(line.text) - prefix.end() < 6:
        return line
    return Line(line.text[prefix.end() :], line.start + prefix.end())


def _is_chrome(text: str) -> bool:
    """A menu or breadcrumb line of a scraped page ("首页 头条 要闻…", "您的位置：主页 > …")."""
    if is_navigation(text):
        return True
    return "。" not in text and any(word in text for word in load_list("page_chrome_words.txt"))


def _issued(lines: list[Line]) -> tuple[Span, object] | None:
    """The signature date: a full date alone on a line (or "…印发"), last one wins;
    or digits run together ("2021813") right under a signature line."""
    for index in range(len(lines) - 1, -1, -1):
        line = lines[index]
        dates = find_full_dates(line.text)
        if not dates:
            bare = run_together_date(line.text)
            if bare and index and _is_signature(lines[index - 1].text):
                return (line.start, line.end), bare
            continue
        start, end, value = dates[-1]
        rest = (line.text[:start] + line.text[end:]).strip()
        if rest in ("", "印发", "发布", "公布") or rest.endswith("印发"):
            return (line.start + start, line.start + end), value
    return None


def _published(lines: list[Line], official: bool = False) -> str | None:
    """A news dateline ("2020-10-01 07:24:14 来源: …") near the top. In an official
    document a date alone on its line is the signature of a short forwarding letter."""
    for line in lines[:_MAX_HEAD_LINES]:  # a dateline that says so (…来源：), wherever the head puts it
        if len(line.text) >= 60 or not _dateline_label().search(line.text) or _SENTENCE.search(line.text):
            continue
        dates = find_full_dates(line.text)
        if dates:
            return dates[0][2].isoformat()
    for line in lines[:8]:
        dates = find_full_dates(line.text)
        if not dates or len(line.text) >= 60 or _SENTENCE.search(line.text) or "\t" in line.text:
            continue  # a table row's date is a deadline's, not the page's
        start, end, day = dates[0]
        if official and not (line.text[:start] + line.text[end:]).strip():
            continue
        return day.isoformat()
    return None


def _issuer(lines: list[Line], title: Line | None, issued: tuple[Span, object] | None) -> str | None:
    for line in lines[:5]:
        match = _HEADER.match(line.text)
        if match:
            return match.group("issuer").replace(" ", "")
    if title and "关于" in title.text:
        # "某县人民政府办公室转发《某省人民政府办公厅关于…》的通知": the issuer is the forwarder
        prefix = _FORWARDS.split(title.text.split("关于", 1)[0], maxsplit=1)[0]
        if prefix and _ISSUER_SUFFIX.search(prefix):
            return prefix
    if issued:
        return _signature_before(lines, issued[0][0])
    return None


def _signature_before(lines: list[Line], date_start: int) -> str | None:
    for index, line in enumerate(lines):
        if line.start <= date_start < line.end + 1 and index > 0:
            candidate = lines[index - 1].text
            if _is_signature(candidate):
                return candidate
    return None


def _is_signature(text: str) -> bool:
    return _ISSUER_SUFFIX.search(text) is not None and not _SENTENCE.search(text) and len(text) <= 30


_ADDRESSEE_END = re.compile(r"[：:]$")
_ATTACHMENT = re.compile(r"^附件\s*[\d一二三四五六七八九十]*\s*[：:]?\s*(.*)$")


_ADDRESSEE_TAIL = re.compile(r"(政府|局|厅|委|委员会|部|部门|机构|机关|单位|办公室|中心|管委会|办事处|院校|企业|馆|处|处室)$")
# "…医保局、财政厅（局）：", "各区县卫生健康局（南太湖新区社发中心）"
_BRACKETED_TAIL = re.compile(r"[（(][^（）()]{1,12}[）)]$")


def _addressee_line(lines: list[Line]) -> Line | None:
    """The 主送 line under the title: organizations joined by ，, ending in ："""
    for line in lines[:_MAX_HEAD_LINES]:
        text = line.text
        if not _ADDRESSEE_END.search(text) or re.search(r"[。？！]", text):
            continue
        if len(text) <= 80 and "；" not in text and _addressed(text[:-1]):
            return line
        # a joint notice's long line: groups by province or level, each closed by ；
        groups = [g for g in re.split(r"[；;]", text[:-1]) if g.strip()]
        if len(text) <= _MAX_ADDRESSEE_CHARS and len(groups) > 1 and all(map(_addressed, groups)):
            return line
    return None


_MAX_ADDRESSEE_CHARS = 600


def _addressed(text: str) -> bool:
    """Every recipient in this part of an addressee line ends like a body."""
    return all(_ADDRESSEE_TAIL.search(_BRACKETED_TAIL.sub("", part.strip())) for part in re.split(r"[，,]", text) if part.strip())


def _split_addressees(line: Line | None) -> tuple[str, ...]:
    if line is None:
        return ()
    return tuple(p.strip() for p in re.split(r"[，,；;]", line.text[:-1]) if p.strip())


def _attachments(lines: list[Line]) -> tuple[str, ...]:
    """附件：<title> lines, or 附件 alone with the title on the next line."""
    found = []
    for index, line in enumerate(lines):
        match = _ATTACHMENT.match(line.text)
        if not match:
            continue
        title = match.group(1).strip() or (lines[index + 1].text if index + 1 < len(lines) else "")
        title = re.sub(r"[（(]见[^）)]*[）)]$", "", title).strip()
        if title and title not in found:
            found.append(title)
    return tuple(found)
