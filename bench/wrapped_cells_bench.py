"""How item tables read when a PDF's text wraps their name cells (runs of spaces, no table lines).

The gold's item names are set six to a table in a column 6 to 12 characters wide, a
row number, a body and a time limit beside each; a name longer than the column goes on
under it on lines of its own, as pypdfium2 gives a PDF's text:

    1       特种设备作业    市人社局            2021年12月底前
            人员资格认定

The script normalizes and extracts each table and counts the names read whole (tp), the
names missed (fn) and the names read wrong or cut (fp).

Usage: ``python -m bench.wrapped_cells_bench [--tables 40] [--seed 1]``.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

from extractors import extract, normalize_text

GOLD = Path(__file__).resolve().parent.parent / "tests" / "gold"
_BODIES = ["市市场监管局", "市医保局", "市公安局", "市人社局", "市住房公积金中心", "市民政局"]
_ROWS = 6


def gold_names() -> list[str]:
    names = {item["name"] for path in GOLD.glob("*.json") for item in json.loads(path.read_text("utf-8"))["items"]}
    return sorted(names)


def _width(text: str) -> int:
    return len(text) + (len(text.encode("utf-8")) - len(text)) // 2


def _cell(text: str, width: int) -> str:
    return text + " " * max(2, width - _width(text))


def wrapped_table(names: list[str], column: int, rng: random.Random) -> str:
    """The names in a spaced table whose name column holds ``column`` characters a line."""
    name_width = 2 * column + 4
    lines = [_cell("序号", 8) + _cell("事项名称", name_width) + _cell("责任单位", 20) + "完成时限"]
    for number, name in enumerate(names, 1):
        parts = [name[start : start + column] for start in range(0, len(name), column)]
        lines.append(_cell(str(number), 8) + _cell(parts[0], name_width) + _cell(rng.choice(_BODIES), 20) + "2021年12月底前")
        lines.extend(" " * 8 + part for part in parts[1:])
    return "某市“跨省通办”事项清单\n" + "\n".join(lines) + "\n"


def run(tables: int, seed: int) -> dict[str, int]:
    rng = random.Random(seed)
    names = gold_names()
    counts = {"tp": 0, "fp": 0, "fn": 0, "exact tables": 0}
    for _ in range(tables):
        chosen = rng.sample(names, _ROWS)
        text = wrapped_table(chosen, rng.randint(6, 12), rng)
        read = {item.name for item in extract(normalize_text(text)).items}
        counts["tp"] += len(read & set(chosen))
        counts["fn"] += len(set(chosen) - read)
        counts["fp"] += len(read - set(chosen))
        counts["exact tables"] += read == set(chosen)
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--tables", type=int, default=40)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    counts = run(args.tables, args.seed)
    print(f"wrapped name cells, {args.tables} tables of {_ROWS} names, seed {args.seed}")
    print("| " + " | ".join(counts) + " |")
    print("|" + "---:|" * len(counts))
    print("| " + " | ".join(str(value) for value in counts.values()) + " |")


if __name__ == "__main__":
    main()
