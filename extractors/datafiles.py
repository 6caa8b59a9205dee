"""Rules that are data live in ``extractors/data/``; this is the one place that reads them.

Formats are deliberately plain: ``.txt`` is one entry per line, ``.tsv`` has a
header row. ``#`` starts a comment line in both, so each file explains itself.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources


def _lines(name: str) -> list[str]:
    text = resources.files("extractors").joinpath("data", name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=None)
def load_list(name: str) -> tuple[str, ...]:
    """Entries of a one-per-line file, stripped, in file order."""
    return tuple(line.strip() for line in _lines(name))


@lru_cache(maxsize=None)
def load_table(name: str) -> tuple[dict[str, str], ...]:
    """Rows of a tab-separated file as dicts keyed by its header row."""
    lines = _lines(name)
    header = lines[0].split("\t")
    rows = []
    for line in lines[1:]:
        cells = line.split("\t")
        cells += [""] * (len(header) - len(cells))
        rows.append({key: cell.strip() for key, cell in zip(header, cells)})
    return tuple(rows)


@lru_cache(maxsize=None)
def load_aliases(name: str, canonical: str = "canonical") -> dict[str, str]:
    """``{surface form: canonical}`` from a table with a canonical column and an
    ``aliases`` column of ``|``-separated abbreviations (the canonical maps to itself)."""
    table: dict[str, str] = {}
    for row in load_table(name):
        table[row[canonical]] = row[canonical]
        for alias in filter(None, row["aliases"].split("|")):
            table[alias] = row[canonical]
    return table
