"""Documents as dynamic partitions, keyed by content: the first 16 hex of SHA-256.

Same bytes, same key (wherever they lie); changed bytes at the same path, a new
key: a new version. Scanning keeps a stat cache (size, mtime) so a sensor tick
does not rehash files that did not change.
"""

import hashlib
from dataclasses import dataclass
from pathlib import Path

import dagster as dg

from sources.folder import MAX_BYTES, list_files

documents = dg.DynamicPartitionsDefinition(name="documents")

KEY_LENGTH = 16
URI_TAG = "tongban/uri"
ROOT_TAG = "tongban/root"


def key_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:KEY_LENGTH]


@dataclass(frozen=True)
class SeenFile:
    root: str
    uri: str  # relative to root
    size: int
    mtime_ns: int
    key: str

    def as_cursor(self) -> list:
        return [self.size, self.mtime_ns, self.key]


def scan(roots: list[str], cache: dict[str, list] | None = None) -> list[SeenFile]:
    """Every file below the roots with its partition key; ``cache`` maps
    "root|uri" to [size, mtime_ns, key] from the previous scan."""
    cache = cache or {}
    seen = []
    for root in roots:
        if not Path(root).is_dir():
            continue
        for path, uri in list_files(root):
            stat = path.stat()
            cached = cache.get(f"{root}|{uri}")
            if cached and cached[0] == stat.st_size and cached[1] == stat.st_mtime_ns:
                key = cached[2]
            elif stat.st_size > MAX_BYTES:
                key = key_of(f"too-large|{root}|{uri}|{stat.st_size}".encode())  # never read into memory
            else:
                key = key_of(path.read_bytes())
            seen.append(SeenFile(root, uri, stat.st_size, stat.st_mtime_ns, key))
    return seen
