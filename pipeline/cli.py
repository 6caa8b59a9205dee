"""The ``tongban`` command line. Its command shapes are a contract: add, never rename.

tongban normalize FILE [--json]
tongban extract FILE --json [--issued YYYY-MM-DD]
tongban show FILE [-o out.html]
tongban run [--source DIR] [--db PATH] [--publish DIR] [--urls FILE] [--force] [--prune] [--workers N]
tongban materialize [--force]          (the same graph through Dagster)
tongban eval GOLD_DIR [--json] [--errors]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click
from tqdm import tqdm

from pipeline.resources import (
    DEFAULT_DB,
    DEFAULT_PUBLISH,
    DEFAULT_SOURCE,
    SourceFolder,
    warehouse_connection,
    warehouse_resource,
)
from pipeline.work import NormalizedDocument, extract_document, normalize_document, read_file
from sources import IngestError, ReadError
from warehouse import build_registry, publish, retire_missing


def _normalized_or_exit(path: str) -> NormalizedDocument:
    try:
        raw = read_file(path)
    except ReadError as exc:
        raise click.ClickException(f"{path}: {exc.error_type}: {exc.message}") from exc
    result = normalize_document(raw)
    if isinstance(result, IngestError):
        raise click.ClickException(f"{path}: {result.stage} failed: {result.error_type}: {result.message}")
    return result


def _print_json(value: object) -> None:
    click.echo(json.dumps(value, ensure_ascii=False, indent=2))


@click.group()
@click.version_option(package_name="tongban")
def main() -> None:
    """tongban: Chinese 通办 policy notices -> one registry of public-service items."""


@main.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print {text, quality} instead of the bare text.")
def normalize(file: str, as_json: bool) -> None:
    """Print the normalized simplified text of FILE (.txt, .html, .pdf, .docx, .doc, .xlsx or .xls)."""
    doc = _normalized_or_exit(file).normalized
    if as_json:
        _print_json({"text": doc.text, "quality": doc.quality.to_json(), "offsets": doc.offsets.to_runs()})
    else:
        click.echo(doc.text, nl=not doc.text.endswith("\n"))


@main.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the extraction as one JSON object.")
@click.option("--issued", default=None, help="Base date (YYYY-MM-DD) for relative deadlines when the text has none.")
def extract(file: str, as_json: bool, issued: str | None) -> None:
    """Extract document metadata, items, deadlines and departments from FILE."""
    result = extract_document(_normalized_or_exit(file), issued=issued)
    if isinstance(result, IngestError):
        raise click.ClickException(f"{file}: extract failed: {result.error_type}: {result.message}")
    payload = result.extraction.to_json()
    if as_json:
        _print_json(payload)
        return
    _print_summary(payload)


@main.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None, help="Write the HTML here (default: stdout).")
@click.option("--issued", default=None, help="Base date (YYYY-MM-DD) for relative deadlines when the text has none.")
def show(file: str, output: str | None, issued: str | None) -> None:
    """The normalized notice as HTML, with items, deadlines and departments highlighted."""
    from extractors.render import render_html

    normalized = _normalized_or_exit(file)
    result = extract_document(normalized, issued=issued)
    if isinstance(result, IngestError):
        raise click.ClickException(f"{file}: extract failed: {result.error_type}: {result.message}")
    page = render_html(result.normalized, result.extraction)
    if output:
        Path(output).write_text(page, encoding="utf-8")
        click.echo(f"wrote {output}")
    else:
        click.echo(page, nl=False)


def _print_summary(payload: dict) -> None:
    doc = payload["document"]
    click.echo(f"{doc['title']}\n  number: {doc['doc_number']}  issuer: {doc['issuer']}  issued: {doc['issued']}")
    click.echo(f"items ({len(payload['items'])}):")
    for item in payload["items"]:
        click.echo(f"  - {item['name']}  [{item['method']}] {'、'.join(item['scope'])}")
    click.echo(f"deadlines ({len(payload['deadlines'])}):")
    for deadline in payload["deadlines"]:
        click.echo(f"  - {deadline['text']}  {deadline['kind']} {deadline['date'] or ''}")
    click.echo(f"departments ({len(payload['departments'])}):")
    for dept in payload["departments"]:
        click.echo(f"  - {dept['canonical']}  {dept['role']}")


@main.command()
@click.option("--source", default=DEFAULT_SOURCE, show_default=True, type=click.Path(file_okay=False), help="Folder of notices.")
@click.option("--db", default=DEFAULT_DB, show_default=True, help="DuckDB warehouse file.")
@click.option("--publish", "publish_dir", default=DEFAULT_PUBLISH, show_default=True, help="Release folder for the portal.")
@click.option(
    "--urls", "url_list", default=None, type=click.Path(exists=True, dir_okay=False), help="URL-list file to fetch too."
)
@click.option("--no-progress", is_flag=True, help="No progress bar (logs, CI).")
@click.option("--force", is_flag=True, help="Re-process documents already loaded (after an extractor change).")
@click.option("--prune", is_flag=True, help="Retire places no longer in the source: their documents leave the registry.")
@click.option(
    "--workers",
    type=click.IntRange(min=0),
    default=None,
    help="Worker processes that read, normalize and extract (default: one per core but one; 0: all in this process).",
)
def run(
    source: str,
    db: str,
    publish_dir: str,
    url_list: str | None,
    no_progress: bool,
    force: bool,
    prune: bool,
    workers: int | None,
) -> None:
    """The same work as the Dagster job, from the command line.

    Documents already loaded with the same bytes from the same place are skipped."""
    from pipeline.batch import run_documents
    from pipeline.workers import default_workers

    entries = SourceFolder(path=source, url_list=url_list).iter_documents()
    retired: list[str] = []
    with tqdm(desc="documents", unit="doc", disable=no_progress or not sys.stderr.isatty()) as bar:
        with warehouse_connection(warehouse_resource(db)) as conn:
            report = run_documents(
                conn, entries, force=force, tick=bar.update, workers=default_workers() if workers is None else workers
            )
            retired = retire_missing(conn, report.seen) if prune else []
            items = build_registry(conn)
            release = publish(conn, publish_dir)
    state = "new" if release.created else "unchanged"
    click.echo(
        f"{report.loaded} documents loaded, {report.errors_recorded} errors recorded, {items} registry items, "
        f"{report.skipped} unchanged documents skipped" + (f", {len(retired)} places retired" if prune else "")
    )
    click.echo(f"published {release.version} ({state}) at {Path(release.path)}")
    for error in report.errors:
        click.echo(f"  error: {error.uri}: {error.stage}/{error.error_type}: {error.message}", err=True)


@main.command()
@click.option("--force", is_flag=True, help="Re-run documents whose partitions are already materialized.")
def materialize(force: bool) -> None:
    """Materialize the whole Dagster asset graph (partitions per document, then the load).

    Paths come from TONGBAN_SOURCE, TONGBAN_DB, TONGBAN_DATA as for `dagster dev`;
    runs are recorded in DAGSTER_HOME.
    """
    import dagster as dg

    from pipeline.definitions import all_assets, all_checks
    from pipeline.resources import default_resources
    from pipeline.runner import materialize_all

    with dg.DagsterInstance.get() as instance:
        summary = materialize_all(instance, default_resources(), all_assets, all_checks, force=force)
    click.echo(f"{summary.partitions} document partitions, {summary.processed} processed now, {len(summary.failed)} failed")
    for uri in summary.failed:
        click.echo(f"  failed: {uri} (recorded in ingest_errors)", err=True)
    if not summary.load_success:
        raise click.ClickException("the load (warehouse, registry, publish or a blocking check) failed: see dagster dev")
    click.echo("warehouse loaded, registry built and published")


@main.command(name="eval")
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--errors", is_flag=True, help="List every false positive and false negative.")
def evaluate(gold_dir: str, as_json: bool, errors: bool) -> None:
    """Precision, recall and F1 per field against hand-annotated gold files."""
    from extractors.evaluate import score
    from pipeline.gold import evaluate as run_eval

    cases, scores = run_eval(Path(gold_dir))
    if as_json:
        _print_json({"documents": len(cases), "fields": {name: s.to_json() for name, s in scores.items()}})
        return
    click.echo(f"{len(cases)} gold documents")
    click.echo(f"{'field':<12} {'precision':>9} {'recall':>7} {'f1':>6} {'tp':>4} {'fp':>4} {'fn':>4}")
    for name, s in scores.items():
        click.echo(f"{name:<12} {s.precision:>9.3f} {s.recall:>7.3f} {s.f1:>6.3f} {s.tp:>4} {s.fp:>4} {s.fn:>4}")
    if errors:
        for case in cases:
            for name, s in score([(case.gold, case.predicted)]).items():
                for key in s.false_positives:
                    click.echo(f"  {case.path.name} {name} extra:   {' | '.join(key)}")
                for key in s.false_negatives:
                    click.echo(f"  {case.path.name} {name} missing: {' | '.join(key)}")


if __name__ == "__main__":
    main()
