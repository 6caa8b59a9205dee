"""HTML that shows what was extracted and where: displaCy's entity style, no spaCy needed.

Each mark carries its label (ITEM, DEADLINE, a department's role, MOJIBAKE) and
a tooltip with the canonical form, so an analyst sees the extraction and the
text that produced it side by side. A pure function: text and records in,
one self-contained HTML page out.
"""

from __future__ import annotations

import re
from html import escape

from extractors.normalize import NormalizedText
from extractors.records import Extraction

_COLOURS = {
    "ITEM": "#7aecec",
    "DEADLINE": "#feca74",
    "LEAD": "#ff9561",
    "COOPERATE": "#c887fb",
    "RESPONSIBLE": "#aa9cfc",
    "MENTIONED": "#ddd",
    "MOJIBAKE": "#ff8197",
}
_STYLE = """
body{font-family:"Noto Sans CJK SC","Source Han Sans SC",sans-serif;max-width:60em;margin:2em auto;line-height:2.2}
mark{padding:.15em .35em;margin:0 .1em;border-radius:.3em;line-height:1}
mark span{font-size:.6em;font-weight:bold;margin-left:.4em;text-transform:uppercase;font-family:sans-serif}
table{border-collapse:collapse;line-height:1.4}td,th{border:1px solid #ccc;padding:.2em .5em;text-align:left}
.text{white-space:pre-wrap}
"""


def _marks(doc: NormalizedText, extraction: Extraction) -> list[tuple[int, int, str, str]]:
    marks = [
        (start, end, "ITEM", i.main_item or "") for i in extraction.items for start, end in _stretches(doc.text, i.span, i.name)
    ]
    marks += [(d.span[0], d.span[1], "DEADLINE", f"{d.kind} {d.date or ''}") for d in extraction.deadlines]
    marks += [(d.span[0], d.span[1], d.role.upper(), d.canonical) for d in extraction.departments]
    marks += [(s, e, "MOJIBAKE", "not repaired: skipped by extractors") for s, e in doc.flagged_spans()]
    marks += [(s, e, "MOJIBAKE", "a lost byte's likeliest reading: a guess") for s, e in doc.guessed_spans()]
    chosen: list[tuple[int, int, str, str]] = []
    for mark in sorted(marks, key=lambda m: (m[0], -(m[1] - m[0]))):
        if not chosen or mark[0] >= chosen[-1][1]:
            chosen.append(mark)
    return chosen


def _stretches(text: str, span: tuple[int, int], name: str) -> list[tuple[int, int]]:
    """Where a name stands: its span, or for a table cell a PDF wrapped (个体工商户设立 / 登记)
    its first and its last stretch, so the row's other cells keep their own marks."""
    start, end = span
    held = text[start:end]
    if held == name or "\n" not in held:
        return [span]
    first_end = start + len(re.split(r"[\t\n]", held, maxsplit=1)[0])
    last_start = start + max(held.rfind("\t"), held.rfind("\n")) + 1
    return [(start, first_end), (last_start, end)]


def _body(text: str, marks: list[tuple[int, int, str, str]]) -> str:
    parts, cursor = [], 0
    for start, end, label, note in marks:
        parts.append(escape(text[cursor:start]))
        colour = _COLOURS.get(label, "#ddd")
        parts.append(
            f'<mark style="background:{colour}" title="{escape(note)}">{escape(text[start:end])}<span>{label}</span></mark>'
        )
        cursor = end
    parts.append(escape(text[cursor:]))
    return "".join(parts)


def _tasks_table(extraction: Extraction) -> str:
    if not extraction.tasks:
        return ""
    rows = []
    for task in extraction.tasks:
        deadlines = "；".join(extraction.deadlines[i].text for i in task.deadlines)
        departments = "；".join(
            f"{extraction.departments[i].canonical}（{extraction.departments[i].role}）" for i in task.departments
        )
        rows.append(
            f"<tr><td>{escape(task.number)} {escape(task.title)}</td><td>{escape(deadlines)}</td><td>{escape(departments)}</td></tr>"
        )
    return "<h2>Tasks</h2><table><tr><th>task</th><th>deadlines</th><th>departments</th></tr>" + "".join(rows) + "</table>"


def render_html(doc: NormalizedText, extraction: Extraction) -> str:
    meta = extraction.document
    facts = [("title", meta.title), ("number", meta.doc_number), ("issuer", meta.issuer), ("issued", meta.issued)]
    header = "".join(f"<tr><th>{k}</th><td>{escape(str(v or '—'))}</td></tr>" for k, v in facts)
    legend = " ".join(f'<mark style="background:{c}">{label}</mark>' for label, c in _COLOURS.items())
    return (
        f'<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>{escape(meta.title or "tongban")}</title>'
        f"<style>{_STYLE}</style></head><body><table>{header}</table><p>{legend}</p>{_tasks_table(extraction)}"
        f'<h2>Text</h2><div class="text">{_body(doc.text, _marks(doc, extraction))}</div></body></html>\n'
    )
