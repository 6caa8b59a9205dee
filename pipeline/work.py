"""The per-document steps, shared by the Dagster assets and the ``tongban`` CLI.

Each step takes one document and returns either its result or an
:class:`~sources.models.IngestError` naming the stage that failed. A bad
document never raises out of here, so it can never stop the rest of a run.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import duckdb

from extractors import extract, normalize_text
from extractors.normalize import NormalizedText
from extractors.records import Extraction
from sources import IngestError, RawDocument, ReadError, read_text
from sources.sniff import sniff_kind
from sources.uri_dates import date_in_uri
from warehouse import DocumentRows, build_rows, load_rows


@dataclass
class NormalizedDocument:
    raw: RawDocument
    normalized: NormalizedText


@dataclass
class ExtractedDocument:
    raw: RawDocument
    normalized: NormalizedText
    extraction: Extraction

    def rows(self) -> DocumentRows:
        return build_rows(self.raw, self.normalized, self.extraction)


def _error(raw: RawDocument, stage: str, exc: Exception) -> IngestError:
    if isinstance(exc, ReadError):
        return IngestError(raw.uri, stage, exc.error_type, exc.message, sha256=raw.sha256)
    return IngestError(raw.uri, stage, type(exc).__name__, str(exc) or repr(exc), sha256=raw.sha256)


def normalize_document(raw: RawDocument) -> NormalizedDocument | IngestError:
    try:
        source = read_text(raw)
    except Exception as exc:  # readers turn known failures into ReadError; anything else is recorded too
        return _error(raw, "read", exc)
    try:
        normalized = normalize_text(source.text)
    except Exception as exc:
        return _error(raw, "normalize", exc)
    quality = normalized.quality
    quality.encoding, quality.encoding_method, quality.undecodable = source.encoding, source.encoding_method, source.undecodable
    return NormalizedDocument(raw, normalized)


def extract_document(doc: NormalizedDocument, issued: str | None = None) -> ExtractedDocument | IngestError:
    """``issued``: the base date for relative deadlines when the text has none; else the day
    the page's address gives it (…/2021-12/06/…, …/t20210918_…), if any."""
    try:
        base = issued or date_in_uri(doc.raw.uri)
        return ExtractedDocument(doc.raw, doc.normalized, extract(doc.normalized, issued=base))
    except Exception as exc:
        return _error(doc.raw, "extract", exc)


def process(raw: RawDocument, issued: str | None = None) -> ExtractedDocument | IngestError:
    """Read, normalize and extract one document."""
    normalized = normalize_document(raw)
    if isinstance(normalized, IngestError):
        return normalized
    return extract_document(normalized, issued)


def load(conn: duckdb.DuckDBPyConnection, results: Iterable[ExtractedDocument | IngestError]) -> tuple[int, int]:
    """Write results into the warehouse; returns (documents loaded, errors recorded)."""
    return load_rows(conn, (r if isinstance(r, IngestError) else r.rows() for r in results))


def read_file(path: str | Path) -> RawDocument:
    """One local file as a raw document (the CLI's way in); raises ReadError on junk."""
    file = Path(path)
    data = file.read_bytes()
    return RawDocument.from_bytes(file.name, data, sniff_kind(data, file.name), path=str(file))
