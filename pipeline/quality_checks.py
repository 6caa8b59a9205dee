"""Checks on what normalization and extraction produced, shown with samples in the UI.

They are evaluated inside the asset that produced the document (``check_specs``),
not as steps of their own: a per-document run is then three steps instead of
seven, and Dagster's bookkeeping per step (events written to the run storage)
is what a document's run mostly costs.

Pinyin residue and unrepaired mojibake are errors in the data (severity ERROR,
not blocking: the documents are still worth loading, and the quality record
says where the damage is). Residual traditional characters and count
mismatches are warnings: both happen in correct data (a 等 list names only some
items; a proper name can keep a traditional form).
"""

from __future__ import annotations

import re

import dagster as dg

from pipeline.work import ExtractedDocument, NormalizedDocument

# A Latin syllable with a tone mark, or a bracketed toneless one right after a Han character.
_PINYIN_RESIDUE = re.compile(r"[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]|[\u4e00-\u9fff][(（][a-z]{1,6}[)）]")

Finding = tuple[str, str]  # (uri, sample)


def _pinyin_residue(doc: NormalizedDocument) -> list[Finding]:
    text = doc.normalized.text
    match = _PINYIN_RESIDUE.search(text)
    return [(doc.raw.uri, text[max(0, match.start() - 8) : match.end() + 8])] if match else []


def _unrepaired_mojibake(doc: NormalizedDocument) -> list[Finding]:
    return [(doc.raw.uri, run["text"]) for run in doc.normalized.quality.mojibake if run["status"] == "flagged"]


def _traditional_residue(doc: NormalizedDocument) -> list[Finding]:
    residue = doc.normalized.quality.residual_traditional
    return [(doc.raw.uri, str(residue))] if residue else []


def _count_mismatches(doc: ExtractedDocument) -> list[Finding]:
    return [
        (doc.raw.uri, f"stated {check.stated}, found {check.found}")
        for check in doc.extraction.count_checks
        if check.stated != check.found
    ]


_NORMALIZED = [
    ("no_pinyin_residue", "No pinyin ruby noise is left in the normalized text.", _pinyin_residue, "ERROR"),
    ("no_unrepaired_mojibake", "Mojibake the normalizer could not repair (extractors skip it).", _unrepaired_mojibake, "WARN"),
    ("no_traditional_residue", "Traditional characters left after OpenCC.", _traditional_residue, "WARN"),
]
_EXTRACTED = [
    ("stated_counts_match", "Lists whose stated count (等16个事项) differs from the items found.", _count_mismatches, "WARN"),
]


def _specs(asset: str, checks: list) -> list[dg.AssetCheckSpec]:
    return [dg.AssetCheckSpec(name, asset=asset, description=description) for name, description, _, _ in checks]


NORMALIZED_CHECKS = _specs("normalized_notices", _NORMALIZED)
EXTRACTED_CHECKS = _specs("extractions", _EXTRACTED)


def _result(asset: str, name: str, failing: list[Finding], severity: str) -> dg.AssetCheckResult:
    return dg.AssetCheckResult(
        asset_key=asset,
        check_name=name,
        passed=not failing,
        severity=dg.AssetCheckSeverity[severity],
        metadata={
            "failing": len(failing),
            "samples": dg.MetadataValue.json([{"uri": uri, "sample": sample} for uri, sample in failing[:10]]),
        },
    )


def _evaluate(asset: str, checks: list, doc: object) -> list[dg.AssetCheckResult]:
    return [_result(asset, name, evaluate(doc), severity) for name, _, evaluate, severity in checks]


def normalized_check_results(doc: NormalizedDocument) -> list[dg.AssetCheckResult]:
    return _evaluate("normalized_notices", _NORMALIZED, doc)


def extracted_check_results(doc: ExtractedDocument) -> list[dg.AssetCheckResult]:
    return _evaluate("extractions", _EXTRACTED, doc)
