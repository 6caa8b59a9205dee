"""``tongban run``: the whole pipeline in one process, streaming and incremental.

Documents stream from the folder (and URL list) through read → normalize →
extract and into the warehouse in small batches, so memory stays flat however
many notices there are. A document whose bytes are already loaded from the same
place (same ``uri``, same content hash) is skipped: a re-run with nothing
changed only hashes the files, rebuilds the registry and finds nothing new to
publish. A document an older version of the extraction code loaded is processed again
(``warehouse/code_version.py``); ``force`` re-processes everything.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

import duckdb

from pipeline.workers import Result, Work, process_all
from sources import IngestError, RawDocument
from warehouse import load_rows, restore_seen
from warehouse.code_version import extraction_version

BATCH = 100  # documents per load: bounded memory, few round trips


@dataclass
class RunReport:
    loaded: int = 0
    skipped: int = 0
    errors_recorded: int = 0
    errors: list[IngestError] = field(default_factory=list)
    seen: set[str] = field(default_factory=set)  # every place this run found, read or not


def loaded_documents(conn: duckdb.DuckDBPyConnection) -> set[tuple[str, str]]:
    """(uri, doc_id) of every document version loaded from every place by this version of
    the extraction code: one an older version loaded is processed again (an upgrade's
    better reading reaches it with no ``--force``).

    From ``document_sources``, not ``documents`` alone: the same bytes found at a
    second place are one document with two sources, and both places are done."""
    sql = (
        "SELECT s.uri, s.doc_id FROM document_sources s JOIN documents d USING (doc_id) "
        "WHERE d.extraction_version IS NOT DISTINCT FROM ?"
    )
    return set(conn.execute(sql, [extraction_version()]).fetchall())


def run_documents(
    conn: duckdb.DuckDBPyConnection,
    entries: Iterable[RawDocument | IngestError],
    force: bool = False,
    tick: Callable[[], None] = lambda: None,
    workers: int = 0,
) -> RunReport:
    """Process and load every entry not already loaded; errors are recorded too.

    With ``workers`` > 0, reading, normalizing and extracting happen in that
    many processes (:mod:`pipeline.workers`); loading stays here, in one writer."""
    report = RunReport()
    known = set() if force else loaded_documents(conn)
    pending: list[Result] = []
    for result in process_all(_new(entries, known, report, tick), workers):
        tick()
        if isinstance(result, IngestError):
            report.errors.append(result)
        pending.append(result)
        if len(pending) >= BATCH:
            _flush(conn, pending, report)
    _flush(conn, pending, report)
    restore_seen(conn, report.seen)
    return report


def _new(
    entries: Iterable[RawDocument | IngestError], known: set[tuple[str, str]], report: RunReport, tick: Callable[[], None]
) -> Iterator[Work]:
    """The entries to process: documents not loaded yet from the same place, and errors."""
    for entry in entries:
        report.seen.add(entry.uri)
        if isinstance(entry, RawDocument) and (entry.uri, entry.doc_id) in known:
            report.skipped += 1
            tick()
            continue
        yield entry


def _flush(conn: duckdb.DuckDBPyConnection, pending: list, report: RunReport) -> None:
    loaded, errors = load_rows(conn, pending)
    report.loaded += loaded
    report.errors_recorded += errors
    pending.clear()
