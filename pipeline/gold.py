"""Running the extractors over a folder of gold files (``tongban eval``).

A gold file is JSON: ``source`` (the notice, relative to the gold file),
optional ``issued`` (base date, as for ``tongban extract --issued``), and the
annotated ``document``, ``items``, ``deadlines`` and ``departments`` in the
shape ``tongban extract --json`` prints. The annotation guideline is in
``tests/gold/README.md``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from extractors.evaluate import FieldScore, score
from pipeline.work import extract_document, normalize_document, read_file
from sources import IngestError


@dataclass(frozen=True)
class GoldCase:
    path: Path
    gold: dict[str, Any]
    predicted: dict[str, Any]


def load_cases(gold_dir: Path) -> list[GoldCase]:
    """Every ``*.json`` gold file in ``gold_dir`` with the extraction of its source."""
    cases = []
    for path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        cases.append(GoldCase(path, gold, _predict((path.parent / gold["source"]).resolve(), gold.get("issued"))))
    return cases


def _predict(source: Path, issued: str | None) -> dict[str, Any]:
    normalized = normalize_document(read_file(str(source)))
    if isinstance(normalized, IngestError):
        raise ValueError(f"{source}: {normalized.error_type}: {normalized.message}")
    result = extract_document(normalized, issued=issued)
    if isinstance(result, IngestError):
        raise ValueError(f"{source}: {result.error_type}: {result.message}")
    return result.extraction.to_json()


def evaluate(gold_dir: Path) -> tuple[list[GoldCase], dict[str, FieldScore]]:
    cases = load_cases(gold_dir)
    return cases, score([(case.gold, case.predicted) for case in cases])
