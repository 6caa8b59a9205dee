"""Per-document assets, partitioned by content key: raw -> normalized -> extracted -> staged.

They never open DuckDB, so any number of partitions run at once (multiprocess
executor, backfills). A document that fails is staged as an error for the
warehouse writer to record, and then fails its own partition only.
"""

import dagster as dg

from pipeline.partitions import ROOT_TAG, URI_TAG, documents
from pipeline.quality_checks import (
    EXTRACTED_CHECKS,
    NORMALIZED_CHECKS,
    extracted_check_results,
    normalized_check_results,
)
from pipeline.resources import SourceFolder
from pipeline.staging import StagingArea
from pipeline.work import NormalizedDocument, extract_document, normalize_document
from sources import IngestError, RawDocument


def _fail(context: dg.AssetExecutionContext, staging: StagingArea, error: IngestError) -> dg.Failure:
    staging.write_error(context.partition_key, error)
    return dg.Failure(
        description=f"{error.uri}: {error.stage}/{error.error_type}: {error.message}",
        metadata={"uri": error.uri, "stage": error.stage, "error_type": error.error_type},
        allow_retries=False,
    )


@dg.asset(
    group_name="ingest",
    partitions_def=documents,
    description="One document version as fetched: bytes, content hash, sniffed kind.",
)
def raw_notices(context: dg.AssetExecutionContext, source: SourceFolder, staging: StagingArea) -> RawDocument:
    tags = context.run.tags
    found = source.locate(context.partition_key, tags.get(URI_TAG), tags.get(ROOT_TAG))
    if isinstance(found, IngestError):
        raise _fail(context, staging, found)
    context.add_output_metadata({"uri": found.uri, "kind": found.kind, "bytes": len(found.data)})
    return found


@dg.asset(
    group_name="ingest",
    partitions_def=documents,
    check_specs=NORMALIZED_CHECKS,
    description="Decoded, pinyin-free, simplified, re-flowed text.",
)
def normalized_notices(context: dg.AssetExecutionContext, raw_notices: RawDocument, staging: StagingArea):
    result = normalize_document(raw_notices)
    if isinstance(result, IngestError):
        raise _fail(context, staging, result)
    quality = result.normalized.quality
    metadata = {
        "script": quality.script,
        "opencc": str(quality.opencc_config),
        "pinyin_groups_removed": quality.pinyin_groups_removed,
        "mojibake_repaired": sum(m["status"] == "repaired" for m in quality.mojibake),
        "mojibake_flagged": sum(m["status"] == "flagged" for m in quality.mojibake),
    }
    yield dg.Output(result, metadata=metadata)
    yield from normalized_check_results(result)


@dg.asset(
    group_name="ingest",
    partitions_def=documents,
    check_specs=EXTRACTED_CHECKS,
    description="Items, deadlines and departments with spans; staged as JSON rows for the warehouse writer.",
)
def extractions(context: dg.AssetExecutionContext, normalized_notices: NormalizedDocument, staging: StagingArea):
    result = extract_document(normalized_notices)
    if isinstance(result, IngestError):
        raise _fail(context, staging, result)
    path = staging.write_rows(context.partition_key, result.rows())
    found = result.extraction
    metadata = {
        "title": str(found.document.title),
        "items": len(found.items),
        "deadlines": len(found.deadlines),
        "departments": len(found.departments),
        "staged": dg.MetadataValue.path(str(path)),
    }
    yield dg.Output(result, metadata=metadata)
    yield from extracted_check_results(result)
