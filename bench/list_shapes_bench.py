"""How item lists read in the shapes notices write them, over the gold's item names.

Each trial sets two to six of the gold's names (those with no bracket or 、 of their own) in one
shape under a provincial notice's head and signature, then counts the names read whole (tp),
missed (fn) and read wrong (fp). Where the shape says which body handles each name (a group
heading, a note, a field line), it also counts the names linked to that body.

Shapes: a counted sentence, names set apart by commas under a count, numbered lines, numbered
inline with no separator, a colon list with its total after it, groups headed by bodies, names
with notes in brackets, numbered names with field lines under each, a table with no header row,
groups under headings that give their body a role, groups under a line that opens a list of 事项
without naming 通办, and a list that 等 joins to “跨省通办”事项 with no lead verb.

Usage: ``python -m bench.list_shapes_bench [--trials 600] [--seed 1]``.
"""

from __future__ import annotations

import argparse
import json
import random
from collections.abc import Callable
from pathlib import Path

from extractors import extract, normalize_text

GOLD = Path(__file__).resolve().parent.parent / "tests" / "gold"
HEAD = "江西省人民政府办公厅关于推进政务服务“跨省通办”的通知\n各市人民政府：\n为深化改革，现将有关事项通知如下。\n"
SIGNED = "\n江西省人民政府办公厅\n2024年3月1日"
SCOPES = ["“跨省通办”", "“省内通办”", "“跨省通办、省内通办”"]
# (as written, as the registry names it)
BODIES = [
    ("省公安厅", "江西省公安厅"),
    ("省医保局", "江西省医疗保障局"),
    ("省人力资源社会保障厅", "江西省人力资源和社会保障厅"),
    ("省市场监管局", "江西省市场监督管理局"),
    ("省民政厅", "江西省民政厅"),
]
Listing = tuple[str, dict[str, str]]  # the text, and the body each name should link to


def gold_names() -> list[str]:
    """The gold's names, but those with a bracket or a list mark of their own
    (身份证首次申领、到期换领、丢失补领): set among names parted by 、 or ，, they read as several."""
    names = {item["name"] for path in GOLD.glob("*.json") for item in json.loads(path.read_text("utf-8"))["items"]}
    return sorted(name for name in names if not any(mark in name for mark in "（(、"))


def counted(names: list[str], scope: str, rng: random.Random) -> Listing:
    return f"推动{'、'.join(names)}等{len(names)}项事项实现{scope}。", {}


def comma_counted(names: list[str], scope: str, rng: random.Random) -> Listing:
    return f"我省新增{'，'.join(names)}等{len(names)}项{scope}事项。", {}


def numbered(names: list[str], scope: str, rng: random.Random) -> Listing:
    lines = [f"{number}.{name}" for number, name in enumerate(names, 1)]
    return f"{scope}事项清单\n" + "\n".join(lines), {}


def inline_numbered(names: list[str], scope: str, rng: random.Random) -> Listing:
    marks = rng.choice(["（{n}）", "{n}."])
    intro = rng.choice([f"首批{scope}事项包括：", f"我省第三批{scope}事项正式上线，具体包括："])
    return intro + "".join(marks.format(n=n) + name for n, name in enumerate(names, 1)) + "。", {}


def total_after(names: list[str], scope: str, rng: random.Random) -> Listing:
    return f"首批{scope}事项有：{'、'.join(names)}，共{len(names)}项。", {}


def _two_groups(names: list[str], rng: random.Random, above: list[str], heading: Callable[[str, int], str]) -> Listing:
    """The names in two groups numbered on across them, each under a heading that ``heading``
    makes of its body and its count (一、省公安厅（2项）), below the lines ``above``."""
    half = len(names) // 2
    first, second = rng.sample(BODIES, 2)
    lines, bodies = list(above), {}
    for number, (group, body) in enumerate(((names[:half], first), (names[half:], second)), 1):
        lines.append(f"{'一二'[number - 1]}、{heading(body[0], len(group))}")
        lines += [f"{names.index(name) + 1}.{name}" for name in group]
        bodies.update(dict.fromkeys(group, body[1]))
    return "\n".join(lines), bodies


def grouped_by_body(names: list[str], scope: str, rng: random.Random) -> Listing:
    return _two_groups(names, rng, [f"{scope}事项清单（共{len(names)}项）"], lambda body, count: f"{body}（{count}项）")


def noted(names: list[str], scope: str, rng: random.Random) -> Listing:
    picks = [rng.choice(BODIES) for _ in names]
    notes = [rng.choice(["（{b}）", "（{b}负责）", "（责任单位：{b}）", "（{b}，2024年底前）"]).format(b=b[0]) for b in picks]
    listed = "、".join(name + note for name, note in zip(names, notes))
    return f"今年，我省将推动{listed}等事项实现{scope}。", {name: body[1] for name, body in zip(names, picks)}


def field_lines(names: list[str], scope: str, rng: random.Random) -> Listing:
    lines, bodies = [f"{scope}重点事项清单"], {}
    for number, name in enumerate(names, 1):
        body = rng.choice(BODIES)
        lines += [f"{number}.{name}", f"{rng.choice(['牵头单位', '责任单位'])}：{body[0]}", "完成时限：2024年6月底前"]
        bodies[name] = body[1]
    return "\n".join(lines), bodies


def headless_table(names: list[str], scope: str, rng: random.Random) -> Listing:
    """Rows numbered 1, 2… with no header row over them, cells set apart by blanks (a PDF's text)."""
    gap = rng.choice(["  ", "\u3000\u3000", "\t"])
    lines, bodies = [f"{scope}事项清单"], {}
    for number, name in enumerate(names, 1):
        body = rng.choice(BODIES)
        lines.append(gap.join([str(number), name, body[0], "2024年6月底前"]))
        bodies[name] = body[1]
    return "\n".join(lines), bodies


def role_headings(names: list[str], scope: str, rng: random.Random) -> Listing:
    """Groups under headings that give their body a role (一、省公安厅牵头推进事项)."""
    roles = ["牵头推进事项", "负责的事项", "牵头事项"]
    return _two_groups(names, rng, [f"{scope}事项清单"], lambda body, count: body + rng.choice(roles))


def items_below_a_plain_intro(names: list[str], scope: str, rng: random.Random) -> Listing:
    """Groups under a line that opens a list of 事项 without naming 通办, under a paragraph
    that does (a plain numbered list there was read before: the colon takes the paragraph's 通办)."""
    intro = rng.choice(["具体事项如下：", "本次公布的事项包括：", "新增事项如下："])
    above = [f"我省今年新增一批{scope}事项，并明确了办理部门。", intro]
    return _two_groups(names, rng, above, lambda body, count: f"{body}（{count}项）")


def joined_by_deng(names: list[str], scope: str, rng: random.Random) -> Listing:
    """等 joins the names to the scope's items, with no lead verb: A、B等“跨省通办”事项已上线."""
    tail = rng.choice(["事项已全部上线", "事项正式落地", "业务均可在线办理"])
    return f"目前，{'、'.join(names)}等{scope}{tail}。", {}


SHAPES: dict[str, Callable[[list[str], str, random.Random], Listing]] = {
    "counted": counted,
    "comma counted": comma_counted,
    "numbered lines": numbered,
    "numbered inline": inline_numbered,
    "total after": total_after,
    "grouped by body": grouped_by_body,
    "notes": noted,
    "field lines": field_lines,
    "headless table": headless_table,
    "role headings": role_headings,
    "plain intro": items_below_a_plain_intro,
    "joined by 等": joined_by_deng,
}


def run(trials: int, seed: int) -> dict[str, dict[str, int]]:
    rng = random.Random(seed)
    names = gold_names()
    counts = {shape: {"tp": 0, "fp": 0, "fn": 0, "linked": 0, "to link": 0} for shape in SHAPES}
    for trial in range(trials):
        shape = list(SHAPES)[trial % len(SHAPES)]
        chosen = rng.sample(names, rng.randint(2, 6))
        text, bodies = SHAPES[shape](chosen, rng.choice(SCOPES), rng)
        result = extract(normalize_text(HEAD + text + SIGNED))
        read = {item.name for item in result.items}
        tally = counts[shape]
        tally["tp"] += len(read & set(chosen))
        tally["fn"] += len(set(chosen) - read)
        tally["fp"] += len(read - set(chosen))
        linked = {item.name: {result.departments[i].canonical for i in item.departments} for item in result.items}
        tally["to link"] += len(bodies)
        tally["linked"] += sum(body in linked.get(name, set()) for name, body in bodies.items())
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--trials", type=int, default=600)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    counts = run(args.trials, args.seed)
    print(f"item list shapes, {args.trials} trials, seed {args.seed}")
    print("| shape | tp | fp | fn | linked to their body |")
    print("|---|---:|---:|---:|---:|")
    for shape, tally in counts.items():
        link = f"{tally['linked']}/{tally['to link']}" if tally["to link"] else "-"
        print(f"| {shape} | {tally['tp']} | {tally['fp']} | {tally['fn']} | {link} |")


if __name__ == "__main__":
    main()
