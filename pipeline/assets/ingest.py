"""Ingest assets: raw notices -> normalized notices -> extractions.

These hold no DuckDB connection: they can run anywhere, in any number. Their
values are lists that carry each document's result or its IngestError, so a
bad document is recorded downstream instead of failing the whole asset.
"""


import dagster as dg

from pipeline.resources import SourceFolder
from pipeline.work import ExtractedDocument, NormalizedDocument, extract_document, normalize_document
from sources import IngestError, RawDocument

Results = list


def _counts(results: list, ok_type: type) -> dict[str, dg.MetadataValue]:
    ok = sum(isinstance(r, ok_type) for r in results)
    return {"documents": dg.MetadataValue.int(ok), "errors": dg.MetadataValue.int(len(results) - ok)}


@dg.asset(group_name="ingest", description="Every file below the source folder (and page of the URL list): bytes, content hash, sniffed kind.")
def raw_notices(context: dg.AssetExecutionContext, source: SourceFolder) -> Results:
    found = source.documents()
    context.add_output_metadata({**_counts(found, RawDocument), "source": dg.MetadataValue.path(source.path)})
    return found


@dg.asset(group_name="ingest", description="Decoded, pinyin-free, simplified, re-flowed text with an offset map.")
def normalized_notices(context: dg.AssetExecutionContext, raw_notices: Results) -> Results:
    results = [r if isinstance(r, IngestError) else normalize_document(r) for r in raw_notices]
    pinyin = sum(r.normalized.quality.pinyin_groups_removed for r in results if isinstance(r, NormalizedDocument))
    context.add_output_metadata({**_counts(results, NormalizedDocument), "pinyin_groups_removed": pinyin})
    return results


@dg.asset(group_name="ingest", description="Document metadata, items, deadlines and departments, with spans.")
def extractions(context: dg.AssetExecutionContext, normalized_notices: Results) -> Results:
    results = [r if isinstance(r, IngestError) else extract_document(r) for r in normalized_notices]
    docs = [r for r in results if isinstance(r, ExtractedDocument)]
    context.add_output_metadata(
        {
            **_counts(results, ExtractedDocument),
            "items": sum(len(d.extraction.items) for d in docs),
            "deadlines": sum(len(d.extraction.deadlines) for d in docs),
            "departments": sum(len(d.extraction.departments) for d in docs),
        }
    )
    return results
