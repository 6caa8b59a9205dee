"""One processed document as rows for each warehouse table.

Spans are kept twice: in the normalized text (what extractors saw) and in the
raw text (what the source said), via the document's offset map. ``context`` is
a short window of normalized text around the span, so an analyst can read a
mention without opening the document.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from extractors.normalize import NormalizedText
from extractors.records import Extraction
from sources.models import RawDocument
from warehouse.code_version import extraction_version
from warehouse.keys import mention_key

_CONTEXT = 24


@dataclass
class DocumentRows:
    doc_id: str
    uri: str
    document: dict[str, Any]
    items: list[dict[str, Any]] = field(default_factory=list)
    count_checks: list[dict[str, Any]] = field(default_factory=list)
    deadlines: list[dict[str, Any]] = field(default_factory=list)
    departments: list[dict[str, Any]] = field(default_factory=list)
    sections: list[dict[str, Any]] = field(default_factory=list)
    tasks: list[dict[str, Any]] = field(default_factory=list)
    task_links: list[dict[str, Any]] = field(default_factory=list)
    item_links: list[dict[str, Any]] = field(default_factory=list)


def _spans(doc: NormalizedText, span: tuple[int, int]) -> dict[str, Any]:
    raw_start, raw_end = doc.raw_span(*span)
    start, end = span
    context = doc.text[max(0, start - _CONTEXT) : end + _CONTEXT].replace("\n", " ")
    return {"span_start": start, "span_end": end, "raw_start": raw_start, "raw_end": raw_end, "context": context}


def _spelling(doc: NormalizedText, span: tuple[int, int]) -> str | None:
    """The name as the source wrote it (traditional, Taiwan wording) without the noise
    normalization removed (pinyin, blanks): a spelling the registry can list. None where
    the name lies in repaired mojibake, whose source characters are garbage."""
    for run in doc.quality.mojibake:
        repaired = run["status"] == "repaired" and run["span"]
        if repaired and run["span"][0] < span[1] and span[0] < run["span"][1]:
            return None
    return "".join(doc.offsets.source_text(doc.raw, *span).split())


def _main_items_by_name(extraction: Extraction) -> dict[str, str]:
    """The one main item each sub-item of the document's tables has, by name: a plan that
    lists its table's 转移接续手续办理 in its text too means the same sub-item there."""
    mains: dict[str, set[str]] = {}
    for item in extraction.items:
        if item.main_item:
            mains.setdefault(item.name, set()).add(item.main_item)
    return {name: next(iter(found)) for name, found in mains.items() if len(found) == 1}


def build_rows(raw: RawDocument, doc: NormalizedText, extraction: Extraction) -> DocumentRows:
    meta = extraction.document
    quality = doc.quality
    document = {
        "doc_id": raw.doc_id,
        "sha256": raw.sha256,
        "uri": raw.uri,
        "kind": raw.kind,
        "size_bytes": len(raw.data),
        "title": meta.title,
        "doc_number": meta.doc_number,
        "issuer": meta.issuer,
        "issued": meta.issued,
        "published": meta.published,
        "encoding": quality.encoding,
        "script": quality.script,
        "variant": quality.variant,
        "quality": json.dumps(quality.to_json(), ensure_ascii=False),
        "raw_text": doc.raw,
        "normalized_text": doc.text,
        "offset_runs": json.dumps(doc.offsets.to_runs()),
        "fetched_at": raw.fetched_at,
        "extraction_version": extraction_version(),
    }
    rows = DocumentRows(raw.doc_id, raw.uri, document)
    mains = _main_items_by_name(extraction)
    for ordinal, item in enumerate(extraction.items):
        spans = _spans(doc, item.span)
        # a name read from two stretches (a table cell a PDF wrapped) has no one source spelling
        whole = doc.text[item.span[0] : item.span[1]] == item.name
        rows.items.append(
            {
                "ordinal": ordinal,
                "name": item.name,
                "raw_name": doc.raw[spans["raw_start"] : spans["raw_end"]] if whole else None,
                "spelling": _spelling(doc, item.span) if whole else None,
                "item_key": mention_key(item.name, item.main_item or mains.get(item.name), raw.uri),
                "main_item": item.main_item,
                "category": item.category,
                "method": item.method,
                "scope": list(item.scope),
                "modes": list(item.modes),
                "stated_count": item.stated_count,
                "list_group": item.group,
                "batch": item.batch,
                "former_name": item.former_name,
                "withdrawn": item.withdrawn,
                **spans,
            }
        )
        for kind, targets in (("deadline", item.deadlines), ("department", item.departments)):
            rows.item_links.extend({"item": ordinal, "kind": kind, "target": target} for target in targets)
    for ordinal, check in enumerate(extraction.count_checks):
        spans = _spans(doc, check.span)
        spans.pop("context")
        rows.count_checks.append({"ordinal": ordinal, "stated": check.stated, "found": check.found, **spans})
    for ordinal, deadline in enumerate(extraction.deadlines):
        rows.deadlines.append(
            {
                "ordinal": ordinal,
                "text": deadline.text,
                "kind": deadline.kind,
                "date": deadline.date,
                "start_date": deadline.start,
                "precision": deadline.precision,
                "base_date": deadline.base_date,
                **_spans(doc, deadline.span),
            }
        )
    for ordinal, dept in enumerate(extraction.departments):
        rows.departments.append(
            {"ordinal": ordinal, "name": dept.name, "canonical": dept.canonical, "role": dept.role, **_spans(doc, dept.span)}
        )
    _add_structure(rows, doc, extraction)
    return rows


def _add_structure(rows: DocumentRows, doc: NormalizedText, extraction: Extraction) -> None:
    for ordinal, section in enumerate(extraction.sections):
        spans = _spans(doc, section.span)
        spans.pop("context")
        rows.sections.append(
            {
                "ordinal": ordinal,
                "level": section.level,
                "number": section.number,
                "title": section.title,
                "parent": section.parent,
                **spans,
            }
        )
    for ordinal, task in enumerate(extraction.tasks):
        spans = _spans(doc, task.span)
        spans.pop("context")
        rows.tasks.append({"ordinal": ordinal, "section": task.section, "number": task.number, "title": task.title, **spans})
        for kind, targets in (("deadline", task.deadlines), ("department", task.departments), ("item", task.items)):
            rows.task_links.extend({"task": ordinal, "kind": kind, "target": target} for target in targets)
