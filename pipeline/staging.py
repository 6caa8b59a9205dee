"""Staged per-document results: what partitions hand to the single DuckDB writer.

Per-document work runs in parallel processes, and DuckDB allows one writing
process per file. So each partition writes its rows (or its error) to a JSON
file named by its key, atomically (write, then rename), and the one writer
asset loads the files that changed since it last ran. A partition never opens
DuckDB, so any number can run at once.
"""

import json
import os
import tempfile
from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path

import dagster as dg

from sources import IngestError
from warehouse import DocumentRows

DEFAULT_STAGING = "data/staging"
_VERSION_FILE = ".extraction_version"  # a dot file: entries() globs *.json only


class StagingArea(dg.ConfigurableResource):
    """A folder of ``<partition key>.json`` files, one per document version."""

    path: str = DEFAULT_STAGING

    def _file(self, key: str) -> Path:
        return Path(self.path) / f"{key}.json"

    def write(self, key: str, payload: dict) -> Path:
        folder = Path(self.path)
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{key}.", suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(payload, out, ensure_ascii=False)
        target = self._file(key)
        os.replace(temporary, target)  # readers see the old file or the new one, never half of one
        return target

    def write_rows(self, key: str, rows: DocumentRows) -> Path:
        return self.write(key, {"rows": asdict(rows)})

    def write_error(self, key: str, error: IngestError) -> Path:
        return self.write(key, {"error": asdict(error)})

    def entries(self) -> Iterator[tuple[str, int, Path]]:
        """(key, modification time in ns, path) for every staged file."""
        folder = Path(self.path)
        if not folder.is_dir():
            return
        for path in sorted(folder.glob("*.json")):
            yield path.stem, path.stat().st_mtime_ns, path

    def version(self) -> str | None:
        """The extraction version the staged files were made by (``warehouse/code_version.py``)."""
        marker = Path(self.path) / _VERSION_FILE
        return marker.read_text(encoding="utf-8").strip() if marker.is_file() else None

    def mark_version(self, version: str) -> None:
        folder = Path(self.path)
        folder.mkdir(parents=True, exist_ok=True)
        (folder / _VERSION_FILE).write_text(version + "\n", encoding="utf-8")

    @staticmethod
    def read(path: Path) -> DocumentRows | IngestError:
        payload = json.loads(path.read_text(encoding="utf-8"))
        if "error" in payload:
            return IngestError(**payload["error"])
        return DocumentRows(**payload["rows"])
