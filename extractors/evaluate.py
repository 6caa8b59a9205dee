"""Scoring an extraction against a hand-annotated gold file.

Gold is what a careful reader writes down, not what any tool found, so the
comparison is on values, not spans: a reader annotates *which* items, deadlines
and departments a notice names, and names repeated in the text count once.

Each field becomes a set of keys per document:

* document: one key per filled metadata field (title, doc_number, issuer,
  issued, published), compared with whitespace removed;
* items: the item name;
* deadlines: (text, date, kind);
* departments: (canonical name, role).

A predicted key missing from the gold is a false positive, a gold key missing
from the prediction a false negative. Counts add up over documents (micro
average), so a long table does not weigh the same as a one-line news item.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

FIELDS = ("document", "items", "deadlines", "departments")
DOCUMENT_FIELDS = ("title", "doc_number", "issuer", "issued", "published")
_SPACE = re.compile(r"\s+")

Key = tuple[str, ...]


@dataclass
class FieldScore:
    """True and false positives and negatives for one field, with the keys that missed."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    false_positives: list[Key] = field(default_factory=list)
    false_negatives: list[Key] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, gold: set[Key], predicted: set[Key]) -> None:
        self.tp += len(gold & predicted)
        self.false_positives += sorted(predicted - gold)
        self.false_negatives += sorted(gold - predicted)
        self.fp = len(self.false_positives)
        self.fn = len(self.false_negatives)

    def to_json(self) -> dict[str, Any]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


def keys(record: dict[str, Any], field_name: str) -> set[Key]:
    """The comparable keys of one field of an extraction's JSON (or of a gold file)."""
    if field_name == "document":
        document = record.get("document") or {}
        return {(name, _squash(document[name])) for name in DOCUMENT_FIELDS if document.get(name)}
    if field_name == "items":
        return {(_squash(item["name"]),) for item in record.get("items", [])}
    if field_name == "deadlines":
        return {(_squash(d["text"]), d.get("date") or "", d["kind"]) for d in record.get("deadlines", [])}
    if field_name == "departments":
        return {(d.get("canonical") or d["name"], d["role"]) for d in record.get("departments", [])}
    raise ValueError(f"unknown field {field_name!r}")


def score(pairs: list[tuple[dict[str, Any], dict[str, Any]]]) -> dict[str, FieldScore]:
    """Micro-averaged scores over (gold, predicted) pairs, per field."""
    scores = {name: FieldScore() for name in FIELDS}
    for gold, predicted in pairs:
        for name in FIELDS:
            scores[name].add(keys(gold, name), keys(predicted, name))
    return scores


def _squash(value: object) -> str:
    return _SPACE.sub("", str(value))
