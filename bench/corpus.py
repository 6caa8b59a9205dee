"""A synthetic corpus of notices that varies the seeds' structures (``make bench``).

Every notice starts from one of the shipped official samples (the 003 work plan
with its item table, the 000 State Council notice) or a short news excerpt
from the test fixtures, then varies what real notices vary:

* content: year, province, and the service items (drawn from a pool of a few
  hundred plausible names), so the registry grows as a real one would;
* script: simplified, or traditional (OpenCC s2t / s2tw, the latter with Taiwan
  phrasing), some with pinyin after characters (流動(dòng), toned or not);
* damage: a GBK byte-shift mojibake run in a few notices;
* encoding and container: UTF-8, GB18030 or Big5 bytes, HTML pages with
  navigation chrome, and PDFs with a ruled item table.

The same ``--seed`` gives the same corpus byte for byte.

    .venv/bin/python -m bench.corpus OUT_DIR --count 10000
"""

from __future__ import annotations

import argparse
import html
import random
import re
from dataclasses import dataclass, field
from pathlib import Path

import opencc
from pypinyin import Style, pinyin

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sources" / "samples"
FIXTURES = ROOT / "tests" / "fixtures"
PLAN = SAMPLES / "003_e4967c4f2c0e418e.txt"
NOTICE = SAMPLES / "000_a7656df4af41bb98.txt"
NEWS = [FIXTURES / "news_004_excerpt.txt"]

_SUBJECTS = "职工 城乡居民 灵活就业人员 退役军人 个体工商户 企业 失业人员 新生儿 老年人 残疾人 高校毕业生 外籍人员".split()
_MATTERS = (
    "参保登记 参保信息变更登记 医保关系转移接续 异地就医备案 社会保障卡申领 养老金领取资格认证 失业保险金申领 "
    "住房公积金提取 户口迁移 婚姻登记 驾驶证换领 生育津贴支付 门诊费用报销 学历认证 职业资格证书查询 "
    "缴费记录查询 待遇资格认证"
).split()
_PROVINCES = "广东 河北 山西 辽宁 吉林 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 海南 四川 贵州 云南 陕西 甘肃".split()
_PLAN_ITEMS = re.compile(r"^\d+\t[^\t]+\t(?P<sub>[^\t]+)\t", re.M)


@dataclass
class Stats:
    """What was written, by kind."""

    files: int = 0
    bytes: int = 0
    kinds: dict[str, int] = field(default_factory=dict)

    def add(self, kind: str, size: int) -> None:
        self.files += 1
        self.bytes += size
        self.kinds[kind] = self.kinds.get(kind, 0) + 1


def item_pool() -> list[str]:
    return [subject + matter for subject in _SUBJECTS for matter in _MATTERS]


def _plan(rng: random.Random, pool: list[str]) -> str:
    """The 003 work plan with another year, province and set of 18 items."""
    text = PLAN.read_text(encoding="utf-8")
    # longest first, ties by name: set order differs between processes (hash seeds)
    originals = sorted({m.group("sub") for m in _PLAN_ITEMS.finditer(text)}, key=lambda name: (-len(name), name))
    picks = rng.sample(pool, len(originals))
    for index, name in enumerate(originals):  # placeholders first: names contain one another
        text = text.replace(name, f"\x00{index}\x00")
    for index, pick in enumerate(picks):
        text = text.replace(f"\x00{index}\x00", pick)
    return _relocate(rng, text)


def _notice(rng: random.Random, pool: list[str]) -> str:
    """The 000 notice, with a list of new items in its news lead."""
    text = NOTICE.read_text(encoding="utf-8")
    picks = rng.sample(pool, rng.randint(2, 8))
    listed = f"新增事项包括{'、'.join(picks)}等{len(picks)}项“跨省通办”事项。"
    return _relocate(rng, text.replace("全文如下", listed + "\n\n全文如下", 1))


def _news(rng: random.Random, pool: list[str]) -> str:
    text = rng.choice(NEWS).read_text(encoding="utf-8")
    picks = rng.sample(pool, 3)
    return text + f"\n\n下一步将推进{'、'.join(picks)}等3项事项“跨省通办”，2021年底前实现。\n"


def _relocate(rng: random.Random, text: str) -> str:
    year = str(rng.randint(2019, 2025))
    return text.replace("2021", year).replace("2022", year).replace("广东", rng.choice(_PROVINCES))


def _with_pinyin(rng: random.Random, text: str, toned: bool) -> str:
    """Pinyin after about one Han character in twelve, as ruby scraped to text."""
    style = Style.TONE if toned else Style.NORMAL
    out = []
    for char in text:
        out.append(char)
        if "\u4e00" <= char <= "\u9fff" and rng.random() < 0.08:
            out.append(f"({pinyin(char, style=style)[0][0]})")
    return "".join(out)


def _mojibake(rng: random.Random, text: str) -> str:
    """A GBK byte-shift run: one byte lost in a short span, decoded as GBK again."""
    starts = [m.start() for m in re.finditer(r"[\u4e00-\u9fff]{12}", text)]
    if not starts:
        return text
    at = rng.choice(starts)
    span = text[at : at + 12].encode("gb18030")
    broken = (span[:5] + span[6:]).decode("gbk", errors="replace")
    return text[:at] + broken + text[at + 12 :]


def _html(text: str, charset: str) -> str:
    paragraphs = "\n".join(_html_blocks(text))
    return (
        f'<html><head><meta charset="{charset}"><title>政务公开</title>'
        "<script>var nav = 1;</script></head><body>"
        '<nav><a href="/">首页</a> | <a href="/zwgk">政务公开</a> | <a href="/bsfw">办事服务</a></nav>'
        f'<div class="content">{paragraphs}</div><footer>版权所有 网站标识码</footer></body></html>'
    )


def _html_blocks(text: str) -> list[str]:
    """Paragraphs, and runs of tab-separated rows as a table the way Word exports
    it: every cell's text in a <p>, a long cell broken over two lines by hand (<br>)."""
    blocks: list[str] = []
    rows: list[str] = []
    for line in [*text.split("\n"), ""]:
        if "\t" in line:
            rows.append("<tr>" + "".join(f"<td>{_word_cell(cell)}</td>" for cell in line.split("\t")) + "</tr>")
            continue
        if rows:
            blocks.append('<table class="MsoTableGrid" border="1">' + "".join(rows) + "</table>")
            rows = []
        if line.strip():
            blocks.append(f"<p>{html.escape(line)}</p>")
    return blocks


def _word_cell(cell: str) -> str:
    if len(cell) <= 8:
        return f"<p><span>{html.escape(cell)}</span></p>"
    half = len(cell) // 2
    # a line break the writer set (<br>), which wraps the cell; two <p>s would be two paragraphs, two pieces
    return f"<p><span>{html.escape(cell[:half])}</span><br/><span>{html.escape(cell[half:])}</span></p>"


def _encodable(text: str, encoding: str) -> bool:
    """Big5 lacks OpenCC's s2t variants (爲, 羣) and toned pinyin: such a page is
    served as UTF-8, as a real gateway would, not turned into question marks."""
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


class _Writer:
    """Turns a notice's text into the file a crawler would have fetched."""

    def __init__(self, out: Path, rng: random.Random) -> None:
        self.out, self.rng = out, rng
        self.s2t, self.s2tw = opencc.OpenCC("s2t"), opencc.OpenCC("s2twp")
        self.stats = Stats()

    def write(self, index: int, text: str) -> None:
        roll = self.rng.random()
        script = "simplified"
        if roll < 0.3:
            script = "traditional" if roll < 0.2 else "taiwan"
            text = (self.s2t if script == "traditional" else self.s2tw).convert(text)
            if self.rng.random() < 0.5:
                text = _with_pinyin(self.rng, text, toned=self.rng.random() < 0.5)
                script += "+pinyin"
        if self.rng.random() < 0.05:
            text = _mojibake(self.rng, text)
            script += "+mojibake"
        encoding = "utf-8"
        if self.rng.random() < 0.15:
            encoding = "big5" if script.startswith(("traditional", "taiwan")) else "gb18030"
            encoding = encoding if _encodable(text, encoding) else "utf-8"
        container = self.rng.random()
        folder = self.out / f"{index // 1000:02d}"
        folder.mkdir(parents=True, exist_ok=True)
        if container < 0.01:
            data, ext = _pdf(text), "pdf"
        elif container < 0.16:
            data, ext = _html(text, encoding).encode(encoding, errors="xmlcharrefreplace"), "html"
        else:
            data, ext = text.encode(encoding), "txt"
        (folder / f"{index:05d}.{ext}").write_bytes(data)
        self.stats.add(f"{ext}/{script}/{encoding}", len(data))


def _pdf(text: str) -> bytes:
    """Paragraphs as running text, tab-separated rows as a ruled table."""
    import io

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    from tests.conftest import _register_cjk_font

    font = _register_cjk_font()
    body = ParagraphStyle("body", fontName=font, fontSize=10.5, leading=16, wordWrap="CJK")
    cell = ParagraphStyle("cell", fontName=font, fontSize=8, leading=10, wordWrap="CJK")
    lines = [line for line in text.split("\n") if line.strip()]
    rows = [line.split("\t")[:5] for line in lines if "\t" in line]
    story = [Paragraph(html.escape(line), body) for line in lines if "\t" not in line]
    if rows:
        table = Table([[Paragraph(html.escape(c), cell) for c in row] for row in rows], colWidths=[24, 120, 120, 50, 110])
        table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black")]))
        story.append(table)
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4, invariant=True).build(story)  # no timestamp or random id: same bytes every run
    return buffer.getvalue()


def generate(out: Path, count: int, seed: int = 0) -> Stats:
    rng = random.Random(seed)
    pool = item_pool()
    writer = _Writer(out, rng)
    makers = [(0.45, _plan), (0.85, _notice), (1.0, _news)]
    for index in range(count):
        roll = rng.random()
        maker = next(make for bound, make in makers if roll < bound)
        writer.write(index, maker(rng, pool))
    return writer.stats


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    stats = generate(args.out, args.count, args.seed)
    print(f"{stats.files} files, {stats.bytes / 1e6:.1f} MB in {args.out}")
    for kind, n in sorted(stats.kinds.items(), key=lambda kv: -kv[1]):
        print(f"  {n:6d}  {kind}")


if __name__ == "__main__":
    main()
