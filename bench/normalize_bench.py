"""Normalizer throughput against raw OpenCC t2s on the same text, in the same run.

The corpus is the bundled official samples (simplified 000 and 003, traditional
+ pinyin 002) repeated to a few MB, so every stage does real work. Each figure
is the best of ``--repeat`` runs, in MB of UTF-8 input per second.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import opencc

from extractors import extract
from extractors.normalize import layout, mojibake, normalize_text, pinyin, script
from extractors.normalize.layout import tidy_layout
from extractors.normalize.pinyin import strip_pinyin
from extractors.normalize.script import to_simplified

SAMPLES = Path(__file__).resolve().parent.parent / "sources" / "samples"


def corpus(target_mb: float) -> list[str]:
    """Whole documents (normalization works per document), about target_mb in all."""
    docs = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    size = sum(len(d.encode("utf-8")) for d in docs)
    return docs * max(1, int(target_mb * 1e6 / size))


def best_of(repeat: int, work) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def _whole_text_scans() -> list:
    """The regex passes the normalizer makes over the whole of every document,
    whatever it holds (passes run only where an earlier one matched are left out)."""
    return [
        mojibake._MARKER_CHARS,
        pinyin._HTML_RUBY,
        pinyin._GROUP,
        pinyin._ORPHAN,
        script._char_class("traditional"),
        script._char_class("simplified"),
        layout._CRLF,
        layout._BLANK_RUN,  # edge and inner spaces are looked for only at these runs
        layout._MANY_BLANKS,
    ]


def scans_alone(docs: list[str]) -> None:
    """A floor for any normalizer built on Python's ``re``: the scans only, no work
    per match, no offset map. If this alone is far from the goal, no tuning of the
    Python around the scans can reach it."""
    patterns = _whole_text_scans()
    for doc in docs:
        for pattern in patterns:
            for _ in pattern.finditer(doc):
                pass


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=float, default=4.0)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    docs = corpus(args.mb)
    megabytes = sum(len(d.encode("utf-8")) for d in docs) / 1e6
    t2s = opencc.OpenCC("t2s")
    normalize_text(docs[0])  # load dictionaries and tables outside the timings
    rows = [
        ("opencc t2s (baseline)", best_of(args.repeat, lambda: [t2s.convert(d) for d in docs])),
        ("pinyin stripping", best_of(args.repeat, lambda: [strip_pinyin(d) for d in docs])),
        ("script conversion", best_of(args.repeat, lambda: [to_simplified(d) for d in docs])),
        ("layout", best_of(args.repeat, lambda: [tidy_layout(d) for d in docs])),
        ("whole-text regex scans alone (floor)", best_of(args.repeat, lambda: scans_alone(docs))),
        ("normalize (all steps)", best_of(args.repeat, lambda: [normalize_text(d) for d in docs])),
    ]
    normalized = [normalize_text(d) for d in docs]
    rows.append(("normalize + extract", rows[-1][1] + best_of(args.repeat, lambda: [extract(n) for n in normalized])))
    baseline = rows[0][1]
    print(f"corpus: {len(docs)} documents, {megabytes:.2f} MB UTF-8\n")
    print("| stage | seconds | MB/s | share of OpenCC t2s throughput |")
    print("|---|---:|---:|---:|")
    for name, seconds in rows:
        print(f"| {name} | {seconds:.3f} | {megabytes / seconds:.2f} | {baseline / seconds:.2f} |")


if __name__ == "__main__":
    main()
