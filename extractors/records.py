"""Typed records the extractors produce. Plain dataclasses: no I/O, no Dagster.

Every extracted field carries a ``span``: ``(start, end)``, half-open, in the
normalized text. The :class:`~extractors.offsets.OffsetMap` of the document turns
it into a span of the raw text.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

Span = tuple[int, int]

DEADLINE_KINDS = ("by", "recurring", "period", "start", "ongoing")
DEPARTMENT_ROLES = ("lead", "cooperate", "responsible", "mentioned")


@dataclass(frozen=True)
class DocumentMeta:
    title: str | None = None
    doc_number: str | None = None
    issuer: str | None = None
    issued: str | None = None  # ISO date the issuer signed it
    published: str | None = None  # ISO date a news page carries in its dateline
    addressees: tuple[str, ...] = ()  # 各省、自治区、直辖市人民政府 / 国务院各部委、各直属机构
    attachments: tuple[str, ...] = ()  # titles after 附件：
    title_span: Span | None = None
    doc_number_span: Span | None = None
    issued_span: Span | None = None
    addressees_span: Span | None = None  # the 主送 line: its bodies are recipients, not department mentions
    labels_span: Span | None = None  # a web page's 标题：/发文字号： block: page furniture, not mentions


@dataclass(frozen=True)
class ItemMention:
    """One mention of a service item (事项) in one document."""

    name: str
    # text[span] is the name; a table cell a PDF wrapped: from its first stretch to its last; a counted
    # list's piece written short (出生 of 出生、死亡登记等2项): the piece, which the name holds
    span: Span
    method: str  # enumeration | table | rename | withdrawal
    main_item: str | None = None
    category: str | None = None  # 社会保障类: its table group's heading, or the category line listing it
    scope: tuple[str, ...] = ()  # 跨省通办, 省内通办, 区域通办
    modes: tuple[str, ...] = ()  # 全程网办, 异地代收代办, 多地联办
    stated_count: int | None = None  # the "等16个事项" count of its list
    group: int | None = None  # index of the list or table it came from
    batch: str | None = None  # 第一批: the batch its list announces
    deadlines: tuple[int, ...] = ()  # indices into Extraction.deadlines on the same table row
    departments: tuple[int, ...] = ()  # indices into Extraction.departments on the same table row
    # the name it had before a notice renamed it (原事项名称 | 调整后事项名称, “A”更名为“B”)
    former_name: str | None = None
    # a notice takes it off its list (取消A、B等2项事项, 将“A”移出…清单): the registry says so
    withdrawn: bool = False


@dataclass(frozen=True)
class Deadline:
    text: str
    span: Span
    kind: str  # one of DEADLINE_KINDS
    date: str | None  # ISO end of the window, None when open (or ongoing: 长期坚持)
    start: str | None = None
    precision: str | None = None  # day | week | month | quarter | half | year | weekly… (recurring) | unresolved (no base date)
    base_date: str | None = None  # the date relative phrases were resolved against


@dataclass(frozen=True)
class DepartmentMention:
    name: str
    canonical: str
    role: str  # one of DEPARTMENT_ROLES
    span: Span


@dataclass(frozen=True)
class ItemCountCheck:
    """A stated count ("等16个事项") against what the list really held."""

    stated: int
    found: int
    span: Span


@dataclass
class Extraction:
    document: DocumentMeta
    items: list[ItemMention] = field(default_factory=list)
    deadlines: list[Deadline] = field(default_factory=list)
    departments: list[DepartmentMention] = field(default_factory=list)
    count_checks: list[ItemCountCheck] = field(default_factory=list)
    sections: list[Any] = field(default_factory=list)  # extractors.sections.Section
    tasks: list[Any] = field(default_factory=list)  # extractors.sections.Task

    def to_json(self) -> dict[str, Any]:
        """The `tongban extract --json` contract: add fields, never rename."""
        meta = self.document
        return {
            "document": {
                "title": meta.title,
                "doc_number": meta.doc_number,
                "issuer": meta.issuer,
                "issued": meta.issued,
                "published": meta.published,
                "addressees": list(meta.addressees),
                "attachments": list(meta.attachments),
            },
            "items": [_item_json(item) for item in self.items],
            "deadlines": [_with_list_span(asdict(d)) for d in self.deadlines],
            "departments": [_with_list_span(asdict(d)) for d in self.departments],
            "count_checks": [_with_list_span(asdict(c)) for c in self.count_checks],
            "sections": [_with_list_span(asdict(s)) for s in self.sections],
            "tasks": [_with_list_span(asdict(t)) for t in self.tasks],
        }


def _with_list_span(record: dict[str, Any]) -> dict[str, Any]:
    record["span"] = list(record["span"])
    return record


def _item_json(item: ItemMention) -> dict[str, Any]:
    record = _with_list_span(asdict(item))
    record["scope"] = list(item.scope)
    record["modes"] = list(item.modes)
    record["deadlines"] = list(item.deadlines)
    record["departments"] = list(item.departments)
    return record
