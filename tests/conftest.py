"""Shared fixtures: the bundled official samples, short news excerpts, temp warehouses."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors import extract, normalize_bytes

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sources" / "samples"
FIXTURES = Path(__file__).resolve().parent / "fixtures"

SEED_000 = SAMPLES / "000_a7656df4af41bb98.txt"  # State Council notice, clean simplified (with a news preamble)
SEED_002 = SAMPLES / "002_04835c3966d4540f.txt"  # the same notice, traditional + toneless pinyin noise
SEED_003 = SAMPLES / "003_e4967c4f2c0e418e.txt"  # Guangdong work plan with an 18-row item table
NEWS_001 = FIXTURES / "news_001_excerpt.txt"  # traditional + toned pinyin + GBK mojibake (excerpt)
NEWS_004 = FIXTURES / "news_004_excerpt.txt"  # hard-wrapped newspaper columns (excerpt)


@pytest.fixture(scope="session")
def normalized():
    """Normalize a file once per session: normalized(path) -> NormalizedText."""
    cache = {}

    def get(path: Path):
        if path not in cache:
            cache[path] = normalize_bytes(path.read_bytes())
        return cache[path]

    return get


@pytest.fixture(scope="session")
def extracted(normalized):
    """extracted(path) -> Extraction, cached."""
    cache = {}

    def get(path: Path):
        if path not in cache:
            cache[path] = extract(normalized(path))
        return cache[path]

    return get


@pytest.fixture
def source_folder(tmp_path: Path) -> Path:
    """The three official samples plus an empty file and a binary file."""
    folder = tmp_path / "notices"
    folder.mkdir()
    for sample in (SEED_000, SEED_002, SEED_003):
        (folder / sample.name).write_bytes(sample.read_bytes())
    (folder / "empty.txt").write_bytes(b"")
    (folder / "junk.txt").write_bytes(bytes(range(256)) * 8)
    return folder
