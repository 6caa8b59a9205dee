"""Titles: an official notice's "…关于…的通知" (wrapped over lines, its issuer on the
line above), a plan's kind title (…工作方案), or a news page's headline (the line over
its dateline). Site names, columns, wire datelines and number suffixes come off.

A page that opens with its body (a lead paragraph) has no headline rather than a
sentence for one.
"""

from __future__ import annotations

import re
from functools import lru_cache

from extractors.datafiles import load_list, load_table
from extractors.dates import find_full_dates
from extractors.head_lines import HEADER, MAX_HEAD_LINES, SENTENCE, TITLE_END, Line, is_issuer_line
from extractors.labels import label_words
from extractors.sections import is_heading
from extractors.text import DOC_NUMBER, alternation, is_navigation


def find_title(lines: list[Line], official: bool = False) -> Line | None:
    """The "…关于…的通知" line (maybe wrapped over a few short lines), else, in an
    official document (it has a number line), a line that names its kind with no
    关于 (遂宁市工程建设项目审批制度改革实施方案), else the headline."""
    head = lines[:MAX_HEAD_LINES]
    found = _fuller_title(head, _about_title(head))
    if found is None and official:
        found = _kind_title(head)
    found = found or _headline(head)
    if found is None:  # a page that opens with a lead paragraph, then the plan it reports
        found = _kind_title(head)
    return _without_title_marks(_without_number_suffix(_without_source_prefix(found))) if found else None


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
    if SENTENCE.search(text) or DOC_NUMBER.search(text) or TITLE_END.search(text):
        return False
    return _can_be_headline(text)


def _without_number_suffix(line: Line) -> Line:
    """ "…的实施意见(池政〔2017〕101号)": a portal's title may carry the number; the
    title is what comes before it (the number is read by ``_doc_number``)."""
    suffix = NUMBER_SUFFIX.search(line.text)
    return Line(line.text[: suffix.start()], line.start) if suffix and suffix.start() > 0 else line


def _without_title_marks(line: Line) -> Line:
    """ "《关于健全…机制的意见》": a page that heads itself with the document's name in
    title marks; the title is the name. "《A》和《B》解读" keeps its marks: the first 》
    closes before the end."""
    text = line.text
    if not (text.startswith("《") and text.endswith("》")) or _closing_mark(text) != len(text) - 1:
        return line
    return Line(text[1:-1], line.start + 1)


def _closing_mark(text: str) -> int:
    """Where the 》 that closes the opening 《 stands (nested marks counted), or -1."""
    depth = 0
    for index, char in enumerate(text):
        depth += (char == "《") - (char == "》")
        if depth == 0:
            return index
    return -1


NUMBER_SUFFIX = re.compile(rf"[（(]\s*(?:{DOC_NUMBER.pattern})\s*[）)]$")


def _names_a_kind(text: str) -> bool:
    return 6 <= len(text) <= 60 and TITLE_END.search(text) is not None and not SENTENCE.search(text) and text[0] != "《"


def _about_title(head: list[Line]) -> Line | None:
    for index, line in enumerate(head):
        if SENTENCE.search(line.text) or not TITLE_END.search(line.text):
            continue
        first = index
        while first > 0 and "关于" not in head[first].text and index - first < 3:
            previous = head[first - 1].text
            if SENTENCE.search(previous) or DOC_NUMBER.fullmatch(previous) or HEADER.match(previous):
                break
            first -= 1
        if "关于" in "".join(l.text for l in head[first : index + 1]):
            if first > 0 and head[first].text.startswith("关于") and is_issuer_line(head[first - 1].text):
                first -= 1  # "济源市人民政府办公室" / "关于推进…的实施意见": the issuer opens the title
            return _joined(head[first : index + 1])
    return None


def _fuller_title(head: list[Line], found: Line | None) -> Line | None:
    """A page's <title> over its heading: the portal's copy may drop the issuer or a word
    ("关于推进“跨省通办”的通知" over "某市人民政府办公室关于推进政务服务“跨省通办”的通知"). A later
    title that holds every character of the first, in order, is the fuller one."""
    if found is None:
        return None
    later = _about_title([line for line in head if line.start > found.start + len(found.text)])
    short = found.text.rstrip(".…")
    if later is None or later.text.startswith(label_words()):
        return found  # 名称…: the page's label block repeats the title, it holds no fuller one
    return later if len(later.text) > len(short) and _in_order(short, later.text) else found


def _in_order(short: str, text: str) -> bool:
    """Does ``text`` hold every character of ``short``, in order?"""
    rest = iter(text)
    return all(char in rest for char in short)


def _joined(parts: list[Line]) -> Line:
    """A title wrapped over several lines, as one line starting at the first."""
    return Line("".join(p.text for p in parts).replace(" ", ""), parts[0].start) if len(parts) > 1 else parts[0]


def _headline(head: list[Line]) -> Line | None:
    """A news page's headline: the line over its dateline (2021-08-20 14:10 来源：…)
    when there is one, else the first line that can be one."""
    bracketed = _BRACKET_HEADLINE.match(head[0].text) if head else None
    if bracketed and _is_body(head[0].text):
        return Line(bracketed.group("headline"), head[0].start + bracketed.start("headline"))
    candidates = [line for line in head if _can_be_headline(line.text)]
    for index, line in enumerate(head):
        if index and dateline_label().search(line.text) and find_full_dates(line.text) and len(line.text) <= 60:
            if _can_be_headline(head[index - 1].text, numbered=True):
                return head[index - 1]  # "(七)社会保险领域基层政务公开标准目录" over its dateline: a part's title
            above = [c for c in candidates if c.start < line.start]
            if above:
                return above[-1]
    body = next((line for line in head if _is_body(line.text)), None)
    first = candidates[0] if candidates else None
    if first is None or (body is not None and body.start < first.start):
        return None  # the page opens with its body: its headline was not kept
    return first


def _is_body(text: str) -> bool:
    """A sentence of the body: it ends in 。, or runs long with a sentence's end inside (a
    post's ！ too: 不用再两地跑！快转给…)."""
    return text.endswith("。") or (len(text) > _MAX_HEADLINE_CHARS and any(mark in text for mark in "。！？"))


# "#跨省通办# 【好消息！这些事可以跨省办了】即日起，…": a post's headline in 【】 before its body,
# after its hashtags, all on one line
_BRACKET_HEADLINE = re.compile(r"^(?:#[^#\n]{1,20}#\s*)*【(?P<headline>[^【】\n]{6,40})】")


@lru_cache(maxsize=1)
def dateline_label() -> re.Pattern[str]:
    """A dateline's labelled field (来源：, 作者：): with the colon, so 只看该作者 is none."""
    return re.compile(rf"(?:{alternation(row['label'] for row in load_table('dateline_labels.tsv'))})[：:]")


# "中华网 china.com": a site's name, with its domain
_SITE_NAME = re.compile(r"[A-Za-z0-9-]+\.(?:com|cn|net|org)\b|www\.", re.I)


_HAN_CHAR = re.compile(r"[\u4e00-\u9fff]")


_MAX_HEADLINE_CHARS = 60  # a longer line with a full stop is the lead paragraph


def _can_be_headline(text: str, numbered: bool = False) -> bool:
    """``numbered``: a line that opens like a heading may be one (it stands right over a dateline)."""
    if len(text) < 6 or "\t" in text or DOC_NUMBER.fullmatch(text) or HEADER.match(text):
        return False  # a table row (tabs), a number or an issuer's header (…局文件) is never the headline
    if text.startswith("序号"):
        return False  # a table's header row whose cell gaps a layout step closed
    if len(_HAN_CHAR.findall(text)) < 2:
        return False  # "????,?????????!": text lost to placeholders, or no words at all
    if _is_body(text):
        return False  # "新京报快讯(记者 许雯)今后，…。": a page whose headline was not kept
    if dateline_label().search(text):
        return False  # "本文转自：北青网", "来源：人民网": a dateline's field, even with no date
    if text.endswith(("：", ":")):
        return False  # "各区人民政府，市各相关单位：": the addressees, or a lead-in to a list
    if is_heading(text) and not numbered:
        return False  # "一、工作目标": a page that opens with its body's first heading has lost its title
    return not find_full_dates(text) and not _is_chrome(text) and not _SITE_NAME.search(text)


# "人民网|十五省启动…", "政务服务丨…关于…": a reposting site's or a column's name before a
# bar (丨 is the Han character portals use as one).
_SOURCE_PREFIX = re.compile(r"^[\u4e00-\u9fffA-Za-z]{2,8}?\s*[|｜丨]\s*")


# "新华社北京9月30日电题：让政务服务更亲民…": a wire dateline before the headline proper.
_WIRE_PREFIX = re.compile(r"^[\u4e00-\u9fff0-9]{2,16}电\s*题[：:]\s*")
# "【新闻】我省新增52项…", "[政策解读]…": a column's tag in brackets before the headline.
_TAG_PREFIX = re.compile(r"^[【\[［][\u4e00-\u9fff]{2,6}[】\]］]\s*")


def _without_source_prefix(line: Line) -> Line:
    prefix = _SOURCE_PREFIX.match(line.text) or _WIRE_PREFIX.match(line.text) or _TAG_PREFIX.match(line.text)
    if prefix is None or len(line.text) - prefix.end() < 6:
        return line
    return Line(line.text[prefix.end() :], line.start + prefix.end())


def _is_chrome(text: str) -> bool:
    """A menu or breadcrumb line of a scraped page ("首页 头条 要闻…", "您的位置：主页 > …")."""
    if is_navigation(text):
        return True
    return "。" not in text and any(word in text for word in load_list("page_chrome_words.txt"))
