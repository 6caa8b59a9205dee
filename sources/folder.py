"""A folder of notices: every file below it, recursively, by sniffed type.

Hidden files and editor leftovers are skipped; files too large to be a notice
are refused before they are read into memory. The same bytes under two names
are one document (keyed by content hash); which names it had is kept.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from sources.models import IngestError, RawDocument, ReadError, content_hash
from sources.sniff import sniff_kind

MAX_BYTES = 50 * 1024 * 1024
_IGNORED_SUFFIXES = (".swp", ".tmp", ".part", ".crdownload", "~")


def discover(root: str | Path, max_bytes: int = MAX_BYTES) -> Iterator[RawDocument | IngestError]:
    """Yield each document below ``root`` (sorted by path, so runs are reproducible)."""
    base = Path(root)
    if not base.is_dir():
        yield IngestError(str(root), "discover", "missing_source", f"source folder {root} does not exist")
        return
    for path in sorted(p for p in base.rglob("*") if p.is_file()):
        relative = path.relative_to(base).as_posix()
        if any(part.startswith(".") for part in path.relative_to(base).parts) or relative.endswith(_IGNORED_SUFFIXES):
            continue
        yield _load(path, relative, max_bytes)


def _load(path: Path, uri: str, max_bytes: int) -> RawDocument | IngestError:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return IngestError(uri, "discover", "too_large", f"{size} bytes is over the {max_bytes}-byte limit")
        data = path.read_bytes()
    except OSError as exc:
        return IngestError(uri, "discover", "unreadable", f"cannot read file: {exc}")
    try:
        kind = sniff_kind(data, path.name)
    except ReadError as exc:
        return IngestError(uri, "read", exc.error_type, exc.message, sha256=content_hash(data) if data else None)
    return RawDocument.from_bytes(uri, data, kind, path=str(path), size=str(size))
