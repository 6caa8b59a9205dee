"""The version of the code that turns a document into rows: a hash of its sources and data.

A run skips a document it has loaded before (same place, same bytes). Without a version, an
upgrade that reads notices better would leave every document loaded before as the old code
read it until someone ran ``--force``. Each document row records the version that made it,
and a run processes again the documents an older version loaded; the Dagster runner, whose
partitions are done once materialized, runs them all again when the version changed.

What the version covers: the readers (``sources``), the normalizer and extractors
(``extractors``, with their data files) and how extractions become rows
(``warehouse/rows.py``, ``warehouse/keys.py``). Not the registry build or publishing: they
rebuild from the rows on every run anyway.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable

_PACKAGES = ("sources", "extractors")
_MODULES = (("warehouse", "rows.py"), ("warehouse", "keys.py"))
_SUFFIXES = (".py", ".tsv", ".txt", ".json")


@lru_cache(maxsize=1)
def extraction_version() -> str:
    """12 hex digits of a SHA-256 over the covered files, by relative path and content."""
    digest = hashlib.sha256()
    files = [(f"{package}/{path}", entry) for package in _PACKAGES for path, entry in _files(resources.files(package))]
    files += [(f"{package}/{name}", resources.files(package).joinpath(name)) for package, name in _MODULES]
    for path, entry in sorted(files, key=lambda pair: pair[0]):
        digest.update(path.encode("utf-8") + b"\0" + entry.read_bytes() + b"\0")
    return digest.hexdigest()[:12]


def _files(folder: Traversable, prefix: str = "") -> list[tuple[str, Traversable]]:
    found = []
    for entry in folder.iterdir():
        if entry.is_dir() and entry.name != "__pycache__" and entry.name != "samples":
            found += _files(entry, f"{prefix}{entry.name}/")
        elif entry.is_file() and entry.name.endswith(_SUFFIXES):
            found.append((prefix + entry.name, entry))
    return found
