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


def list_files(root: str | Path) -> Iterator[tuple[Path, str]]:
    """(path, path relative to root) of every candidate file, sorted, hidden ones skipped."""
    base = Path(root)
    for path in sorted(p for p in base.rglob("*") if p.is_file()):
        relative = path.relative_to(base).as_posix()
        if any(part.startswith(".") for part in path.relative_to(base).parts) or relative.endswith(_IGNORED_SUFFIXES):
            continue
        yield path, relative


def discover(root: str | Path, max_bytes: int = MAX_BYTES) -> Iterator[RawDocument | IngestError]:
    """Yield each document below ``root`` (sorted by path, so runs are reproducible)."""
    if not Path(root).is_dir():
        yield IngestError(str(root), "discover", "missing_source", f"source folder {root} does not exist")
        return
    for path, relative in list_files(root):
        yield load_file(path, relative, max_bytes)


def load_file(path: Path, uri: str, max_bytes: int = MAX_BYTES) -> RawDocument | IngestError:
    """One file as a raw document, or the reason it cannot be one."""
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
