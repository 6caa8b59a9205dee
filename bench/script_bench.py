"""Round trip of known simplified text through OpenCC's traditional variants and back.

A Big5 gateway serves a mainland notice as OpenCC ``s2twp`` (Taiwan phrasing), a Hong Kong
mirror as ``s2hk``, a plain converter as ``s2t``. Each bundled sample and each gold
document's text, normalized, is converted so and normalized again; every stretch that
differs from the original is counted and the commonest are printed.

Usage: ``python -m bench.script_bench [--show 8]``.
"""

from __future__ import annotations

import argparse
import difflib
import json
from collections import Counter
from pathlib import Path

import opencc

from extractors.normalize import normalize_text
from sources.folder import load_file
from sources.readers import read_text

ROOT = Path(__file__).resolve().parent.parent
CONFIGS = ("s2t", "s2tw", "s2twp", "s2hk")


def texts() -> list[str]:
    """The samples and the gold documents' sources, read as the pipeline reads them."""
    paths = sorted((ROOT / "sources" / "samples").glob("*.txt"))
    gold = ROOT / "tests" / "gold"
    paths += [gold / json.loads(path.read_text(encoding="utf-8"))["source"] for path in sorted(gold.glob("*.json"))]
    out = []
    for path in paths:
        source = read_text(load_file(path.resolve(), str(path)))
        out.append(normalize_text(source.text).text)
    return out


def differences(original: str, converted: str) -> list[tuple[str, str]]:
    back = normalize_text(converted).text
    matcher = difflib.SequenceMatcher(None, original, back, autojunk=False)
    return [
        (original[max(0, low - 3) : high + 3], back[max(0, back_low - 3) : back_high + 3])
        for tag, low, high, back_low, back_high in matcher.get_opcodes()
        if tag != "equal"
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", type=int, default=8)
    args = parser.parse_args()
    originals = texts()
    size = sum(map(len, originals))
    for config in CONFIGS:
        converter = opencc.OpenCC(config)
        spots = Counter(pair for text in originals for pair in differences(text, converter.convert(text)))
        print(f"| {config} | {sum(spots.values())} differing stretches in {size} characters |")
        for (before, after), count in spots.most_common(args.show):
            print(f"    {count} × {before!r} -> {after!r}")


if __name__ == "__main__":
    main()
