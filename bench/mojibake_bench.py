"""How the mojibake repair fares on byte shifts simulated over real sentences.

A mirror that reads a GBK page one byte off loses that byte (it shows as ``?``) and reads
what follows at the wrong alignment, until an ASCII byte or an invalid pair puts it back in
step. This script makes such shifts at random places in the bundled samples' sentences,
normalizes each damaged sentence, and compares it with the undamaged one:

- restored: the sentence came back as it was (punctuation width aside);
- flagged: every wrong character lies in a flagged run or a guessed character;
- guessed right or wrong does not matter there: a guess is never trusted silently;
- silent: a wrong character that nothing marks. This is what must stay near zero.

Usage: ``python -m bench.mojibake_bench [--samples 400] [--seed 1] [--show 5]``.
"""

from __future__ import annotations

import argparse
import difflib
import random
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from extractors.normalize import NormalizedText, normalize_text

SAMPLES = Path(__file__).resolve().parent.parent / "sources" / "samples"
_PRIVATE = re.compile("[\ue000-\uf8ff]")
_FULL_WIDTH = str.maketrans(",;:!?()", "，；：！？（）")


@dataclass(frozen=True)
class Trial:
    original: str
    damaged: str
    result: str
    outcome: str  # restored | flagged | silent


def sentences() -> list[str]:
    """The samples' body lines, with full-width punctuation as a GBK page writes it."""
    lines = []
    for path in sorted(SAMPLES.glob("*.txt")):
        text = normalize_text(path.read_text(encoding="utf-8")).text
        lines += [line.translate(_FULL_WIDTH) for line in text.split("\n") if len(line) >= 30 and "\t" not in line]
    return lines


def shift(line: str, start: int, end: int, drop_private: bool = False) -> str:
    """``line[start:end]`` read one byte late: its first byte lost, the rest decoded as
    GB18030 (user-area pairs become private-use characters, as on most mirrors; some
    drop them, which ``drop_private`` imitates)."""
    data = line[start:end].encode("gbk")[1:]
    garbled = data.decode("gb18030", errors="replace").replace("\ufffd", "?")
    if drop_private:
        garbled = _PRIVATE.sub("", garbled)
    return line[:start] + "?" + garbled + line[end:]


def judge(original: str, doc: NormalizedText) -> str:
    text = doc.text
    if text.translate(_FULL_WIDTH) == original:
        return "restored"
    unsure = doc.flagged_spans() + doc.guessed_spans()
    matcher = difflib.SequenceMatcher(None, original, text, autojunk=False)
    for tag, _, _, low, high in matcher.get_opcodes():
        if tag == "equal":
            continue
        positions = range(low, high) if high > low else [low]
        if not all(any(start - (high == low) <= i < end + (high == low) for start, end in unsure) for i in positions):
            return "silent"
    return "flagged"


def run(samples: int, seed: int, drop_private: bool = False) -> list[Trial]:
    rng = random.Random(seed)
    lines = sentences()
    trials = []
    for _ in range(samples):
        line = rng.choice(lines)
        start = rng.randrange(0, len(line) - 10)
        end = min(len(line), start + rng.randrange(3, 15))
        damaged = shift(line, start, end, drop_private)
        doc = normalize_text(damaged)
        original = normalize_text(line).text  # what normalizing the undamaged line gives
        trials.append(Trial(original, damaged, doc.text, judge(original.translate(_FULL_WIDTH), doc)))
    return trials


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=int, default=400)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--show", type=int, default=5, help="silent cases to print")
    parser.add_argument("--drop-private", action="store_true", help="the mirror drops private-use characters")
    args = parser.parse_args()
    trials = run(args.samples, args.seed, args.drop_private)
    counts = Counter(trial.outcome for trial in trials)
    dropped = ", private-use characters dropped" if args.drop_private else ""
    print(f"{len(trials)} simulated shifts (seed {args.seed}{dropped})")
    for outcome in ("restored", "flagged", "silent"):
        print(f"| {outcome} | {counts[outcome]} | {counts[outcome] / len(trials):.1%} |")
    for trial in [t for t in trials if t.outcome == "silent"][: args.show]:
        print("silent:", trial.damaged, "->", trial.result)


if __name__ == "__main__":
    main()
