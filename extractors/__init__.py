"""Pure extraction: normalized notice text in, typed records with spans out.

No I/O and no Dagster here, so every rule can be tested on a string::

    from extractors import normalize_bytes, extract
    doc = normalize_bytes(raw_bytes)
    result = extract(doc)           # Extraction: document, items, deadlines, departments
"""

from __future__ import annotations

from datetime import date

from extractors.column_lists import link_column_heads
from extractors.dates import parse_iso
from extractors.deadlines import extract_deadlines
from extractors.department_roles import first_named_leads
from extractors.departments import find_departments
from extractors.item_fields import link_field_items
from extractors.item_links import (
    link_group_headings,
    link_notes,
    link_sentence_deadlines,
    with_heading_scopes,
)
from extractors.items import extract_items
from extractors.named_places import leading_place
from extractors.normalize import NormalizedText, normalize_bytes, normalize_text
from extractors.records import Extraction
from extractors.sections import find_sections, link_tasks
from extractors.structure import extract_metadata, numbered_addressee_spans
from extractors.tables import header_rows, link_catalog_lines, link_list_lines, link_rows, merged_row_copies
from extractors.task_notes import link_back_references, link_task_notes
from extractors.text import CITED_TITLE, navigation_spans, overlaps, source_spans

__all__ = ["extract", "extract_text", "normalize_bytes", "normalize_text", "NormalizedText", "Extraction"]


def extract(doc: NormalizedText, issued: str | date | None = None) -> Extraction:
    """Extract from a normalized document, skipping flagged mojibake spans.

    ``issued`` is the base date for relative deadlines (5月25日前) when the text
    carries no date of its own; the document's own date always wins.
    """
    return extract_text(doc.text, issued=issued, skip=doc.flagged_spans(), guessed=doc.guessed_spans())


def extract_text(
    text: str,
    issued: str | date | None = None,
    skip: list[tuple[int, int]] = (),
    guessed: list[tuple[int, int]] = (),
) -> Extraction:
    """``skip``: unrepaired mojibake. ``guessed``: characters a repair guessed, skipped too,
    except inside a body's name: the bodies and places are closed lists, and a wrong guess
    that spells one of them exactly is unlikely (国家医疗保障局 with its 国 guessed)."""
    meta = extract_metadata(text)
    fallback = issued if isinstance(issued, date) else parse_iso(issued)
    base = parse_iso(meta.issued) or parse_iso(meta.published) or fallback
    unsure = [*skip, *guessed]
    items, checks = extract_items(text, unsure)
    copies = merged_row_copies(text)  # a colspan row's text in every cell: one mention, the first
    not_deadlines = [*unsure, *copies]
    deadlines = [d for d in extract_deadlines(text, base) if not overlaps(d.span, not_deadlines)]
    page_chrome = [*navigation_spans(text), *source_spans(text)]
    labels = [*(span for span in (meta.addressees_span, meta.labels_span) if span), *numbered_addressee_spans(text)]
    not_mentions = [*skip, *page_chrome, *labels, *header_rows(text), *copies]
    # a page with no issuer: the place its title opens with (某阳市…清单), else its publisher's (来源：湖北省…),
    # else the city its cover text forwards a document of (《重庆市…任务》已经市政府同意)
    place = None if meta.issuer else leading_place(meta.title) or _publisher_place(text) or _forwarded_place(text)
    found = find_departments(text, meta.issuer, meta.doc_number, place, unsure)
    departments = [d for d in found if not overlaps(d.span, not_mentions)]
    items, departments = link_rows(text, items, deadlines, departments)
    items = link_list_lines(text, items, deadlines, departments)
    items, departments = link_catalog_lines(text, items, deadlines, departments)
    items = link_field_items(text, items, deadlines, departments)
    items, departments = link_column_heads(text, items, departments)
    items, departments = link_group_headings(text, items, departments)
    items, departments = link_notes(text, items, deadlines, departments)
    items = link_sentence_deadlines(text, items, deadlines)
    departments = first_named_leads(text, departments)  # 排在第一位的为牵头单位: once cells have their roles
    sections = find_sections(text)
    items = link_back_references(text, items, deadlines, departments)
    items = link_task_notes(text, items, deadlines, departments, sections)
    items = with_heading_scopes(items, sections)
    tasks = link_tasks(sections, deadlines, departments, items)
    return Extraction(meta, items, deadlines, departments, checks, sections, tasks)


def _publisher_place(text: str) -> str | None:
    """The place of the publisher a page names after 来源： (湖北省人民政府新闻办公室: 湖北省)."""
    places = (leading_place(text[start:end]) for start, end in source_spans(text))
    return next((place for place in places if place), None)


_TITLE_CHARS = range(4, 81)  # a quoted title long enough to open with a place, short enough to be one


def _forwarded_place(text: str) -> str | None:
    """The city every quoted title that opens with a place opens with: a cover text whose head
    the scraper lost (《重庆市“高效办成一件事”…》已经市政府同意，现印发给你们) forwards its own
    city's document. A province's title is no answer: a city's page forwards its province's
    documents too, and its own bodies may then name the city (_with_sole_city)."""
    titles = (quoted.group("title") for quoted in CITED_TITLE.finditer(text))
    places = {leading_place(title) for title in titles if len(title) in _TITLE_CHARS} - {None}
    if len(places) != 1:
        return None
    (place,) = places
    return place if place.endswith(("市", "区", "县")) else None
