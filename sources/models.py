"""What a source hands to the pipeline: raw bytes with identity, or a recorded error."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime, timezone


def content_hash(data: bytes) -> str:
    """SHA-256 of the bytes: the document's identity (same bytes = same document)."""
    return hashlib.sha256(data).hexdigest()


def now_utc() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


@dataclass(frozen=True)
class RawDocument:
    """One version of one notice, exactly as fetched."""

    uri: str  # file path relative to the source root, or the URL
    data: bytes = field(repr=False)
    sha256: str
    kind: str  # txt | html | pdf | docx | doc | xlsx | xls (sniffed from the bytes, not only the name)
    fetched_at: str
    metadata: dict[str, str] = field(default_factory=dict)

    @property
    def doc_id(self) -> str:
        """Short, stable key used in every table: the first 16 hex of the hash."""
        return self.sha256[:16]

    @classmethod
    def from_bytes(cls, uri: str, data: bytes, kind: str, **metadata: str) -> "RawDocument":
        return cls(uri, data, content_hash(data), kind, now_utc(), dict(metadata))


@dataclass(frozen=True)
class IngestError:
    """A document that could not go through a stage, and why. Never fatal to a run."""

    uri: str
    stage: str  # discover | read | normalize | extract | load | process (one of read to extract, in a worker that died)
    error_type: str  # empty | binary | too_large | pdf_encrypted | pdf_broken | no_text_layer | ...
    message: str
    sha256: str | None = None
    occurred_at: str = field(default_factory=now_utc)


class ReadError(Exception):
    """A reader's refusal, with a machine-readable type for the ingest_errors table."""

    def __init__(self, error_type: str, message: str) -> None:
        super().__init__(message)
        self.error_type = error_type
        self.message = message
