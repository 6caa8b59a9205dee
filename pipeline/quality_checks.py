"""Checks on what normalization and extraction produced, shown with samples in the UI.

Pinyin residue and unrepaired mojibake are errors in the data (severity ERROR,
not blocking: the documents are still worth loading, and the quality record
says where the damage is). Residual traditional characters and count
mismatches are warnings: both happen in correct data (a 等 list names only some
items; a proper name can keep a traditional form).
"""

import re
import warnings

import dagster as dg

from pipeline.assets.ingest import extractions, normalized_notices
from pipeline.partitions import documents
from pipeline.work import ExtractedDocument, NormalizedDocument

# Partitioned asset checks are a Dagster preview feature; we rely on it knowingly
# (one check per document partition) and keep its warning out of every log line.
warnings.filterwarnings("ignore", message="Specifying a partitions_def on an AssetCheckSpec", category=Warning)

# A Latin syllable with a tone mark, or a bracketed toneless one right after a Han character.
_PINYIN_RESIDUE = re.compile(r"[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]|[\u4e00-\u9fff][(（][a-z]{1,6}[)）]")


def _docs(results, kind: type) -> list:
    """The checked documents: one per partition, or a list (a run over many)."""
    results = results if isinstance(results, list) else [results]
    return [r for r in results if isinstance(r, kind)]


def _result(failing: list[tuple[str, str]], severity: dg.AssetCheckSeverity, checked: int) -> dg.AssetCheckResult:
    return dg.AssetCheckResult(
        passed=not failing,
        severity=severity,
        metadata={
            "documents_checked": checked,
            "failing": len(failing),
            "samples": dg.MetadataValue.json([{"uri": uri, "sample": sample} for uri, sample in failing[:10]]),
        },
    )


@dg.asset_check(
    asset=normalized_notices, partitions_def=documents, description="No pinyin ruby noise is left in any normalized text."
)
def no_pinyin_residue(normalized_notices: NormalizedDocument) -> dg.AssetCheckResult:
    docs = _docs(normalized_notices, NormalizedDocument)
    failing = []
    for doc in docs:
        match = _PINYIN_RESIDUE.search(doc.normalized.text)
        if match:
            text = doc.normalized.text
            failing.append((doc.raw.uri, text[max(0, match.start() - 8) : match.end() + 8]))
    return _result(failing, dg.AssetCheckSeverity.ERROR, len(docs))


@dg.asset_check(
    asset=normalized_notices,
    partitions_def=documents,
    description="Mojibake the normalizer could not repair (extractors skip it).",
)
def no_unrepaired_mojibake(normalized_notices: NormalizedDocument) -> dg.AssetCheckResult:
    docs = _docs(normalized_notices, NormalizedDocument)
    failing = [
        (doc.raw.uri, run["text"]) for doc in docs for run in doc.normalized.quality.mojibake if run["status"] == "flagged"
    ]
    return _result(failing, dg.AssetCheckSeverity.WARN, len(docs))


@dg.asset_check(asset=normalized_notices, partitions_def=documents, description="Traditional characters left after OpenCC.")
def no_traditional_residue(normalized_notices: NormalizedDocument) -> dg.AssetCheckResult:
    docs = _docs(normalized_notices, NormalizedDocument)
    failing = [
        (doc.raw.uri, str(doc.normalized.quality.residual_traditional))
        for doc in docs
        if doc.normalized.quality.residual_traditional
    ]
    return _result(failing, dg.AssetCheckSeverity.WARN, len(docs))


@dg.asset_check(
    asset=extractions, partitions_def=documents, description="Lists whose stated count (等16个事项) differs from the items found."
)
def stated_counts_match(extractions: ExtractedDocument) -> dg.AssetCheckResult:
    docs = _docs(extractions, ExtractedDocument)
    failing = [
        (doc.raw.uri, f"stated {check.stated}, found {check.found}")
        for doc in docs
        for check in doc.extraction.count_checks
        if check.stated != check.found
    ]
    return _result(failing, dg.AssetCheckSeverity.WARN, len(docs))


quality_checks = [no_pinyin_residue, no_unrepaired_mojibake, no_traditional_residue, stated_counts_match]
