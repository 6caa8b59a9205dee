"""How the layout step re-flows the samples hard-wrapped at random page widths.

Each bundled sample, normalized, is set as print sets a page: every paragraph indented by
two characters (or, on half the trials, not at all) and cut at a width of 14 to 40
full-width characters, half-width ones counting half. The script normalizes the wrapped
text and compares its lines with the sample's:

- exact: every line back as it was;
- extra lines: breaks left in running text;
- lost lines: breaks joined that the sample has (a heading or a title run into the next line).

Usage: ``python -m bench.reflow_bench [--trials 8] [--seed 1]``.
"""

from __future__ import annotations

import argparse
import difflib
import random
from collections import Counter
from pathlib import Path

from extractors.normalize import normalize_text

SAMPLES = Path(__file__).resolve().parent.parent / "sources" / "samples"
_INDENT = "\u3000\u3000"


def set_in_lines(text: str, width: int, indent: bool) -> str:
    """``text`` cut into lines of at most ``width`` full-width cells; table rows kept whole."""
    out = []
    for paragraph in text.split("\n"):
        if "\t" in paragraph:
            out.append(paragraph)
            continue
        line, used = (_INDENT, 4) if indent else ("", 0)
        for char in paragraph:
            cells = 1 if char.isascii() else 2
            if used + cells > 2 * width:
                out.append(line)
                line, used = "", 0
            line += char
            used += cells
        out.append(line)
    return "\n".join(out)


def compare(expected: list[str], got: list[str], counts: Counter) -> None:
    matcher = difflib.SequenceMatcher(None, expected, got, autojunk=False)
    for tag, low, high, got_low, got_high in matcher.get_opcodes():
        if tag != "equal":
            counts["extra lines"] += max(0, (got_high - got_low) - (high - low))
            counts["lost lines"] += max(0, (high - low) - (got_high - got_low))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=8, help="widths tried per sample")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    samples = [normalize_text(path.read_text(encoding="utf-8")).text for path in sorted(SAMPLES.glob("*.txt"))]
    counts: Counter = Counter()
    for text in samples:
        for _ in range(args.trials):
            wrapped = set_in_lines(text, rng.randint(14, 40), rng.random() < 0.5)
            got = normalize_text(wrapped).text
            counts["pages"] += 1
            counts["exact"] += got == text
            counts["wrapped lines"] += wrapped.count("\n") + 1
            compare(text.split("\n"), got.split("\n"), counts)
    print(f"{counts['pages']} wrapped pages (seed {args.seed}), {counts['wrapped lines']} lines")
    for key in ("exact", "extra lines", "lost lines"):
        print(f"| {key} | {counts[key]} |")


if __name__ == "__main__":
    main()
