"""End to end: documents/s through ``tongban run`` and through Dagster, a re-run
with nothing changed against the full run, peak RSS, and MB/s per stage against
raw OpenCC t2s on the same text (issue: benchmarks).

    .venv/bin/python -m bench.e2e_bench --count 10000 --dagster-count 200

The corpus comes from :mod:`bench.corpus` (``--corpus DIR`` reuses one). Each
command runs in its own process under ``/usr/bin/time``, so the peak RSS is that
process's own, imports included.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import opencc

from bench.corpus import generate
from bench.memory import PeakSampler
from extractors import extract
from extractors.normalize import normalize_text
from pipeline.work import read_file
from pipeline.workers import default_workers
from sources import read_text

BIN = Path(sys.executable).parent


@dataclass
class Timing:
    seconds: float
    rss_mb: float  # peak RSS of the largest single process (/usr/bin/time)
    tree_mb: float  # peak PSS of the process and its workers together (bench.memory)
    output: str  # first line the command printed


def timed(command: list[str], env: dict[str, str] | None = None) -> Timing:
    """Time one command in its own process, with its memory peaks."""
    report = tempfile.NamedTemporaryFile(suffix=".time", delete=False).name
    full = ["/usr/bin/time", "-f", "%e %M", "-o", report, *command]
    environment = {**os.environ, **(env or {})}
    with subprocess.Popen(full, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=environment) as child:
        with PeakSampler(child.pid) as sampler:
            stdout, stderr = child.communicate()
    if child.returncode != 0:
        raise RuntimeError(f"{command} failed:\n{stdout}\n{stderr}")
    seconds, kilobytes = Path(report).read_text().split()[-2:]
    first = (stdout.strip().splitlines() or [""])[0]
    return Timing(float(seconds), int(kilobytes) / 1024, sampler.peak, first)


def files_of(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file())


def stage_rates(paths: list[Path]) -> list[tuple[str, float, float]]:
    """(stage, seconds, MB/s) over these files; MB is the decoded text as UTF-8.

    One-time loading (lazy imports, data files) happens first, untimed, as it
    would once per process in a long run."""
    import gc

    import pipeline.preload  # noqa: F401 - what a worker has loaded before its first document

    gc.unfreeze()  # nothing forks from this process; frozen objects would only leak at exit

    raws = [read_file(p) for p in paths]
    start = time.perf_counter()
    texts = []
    for raw in raws:
        try:
            texts.append(read_text(raw).text)
        except Exception:  # noqa: BLE001 - a bad sample file is skipped here, as the pipeline records it
            continue
    decode = time.perf_counter() - start
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    t2s = opencc.OpenCC("t2s")
    start = time.perf_counter()
    for text in texts:
        t2s.convert(text)
    baseline = time.perf_counter() - start
    start = time.perf_counter()
    normalized = [normalize_text(t) for t in texts]
    normalize = time.perf_counter() - start
    start = time.perf_counter()
    for doc in normalized:
        extract(doc)
    extraction = time.perf_counter() - start
    rows = [
        ("opencc t2s (baseline)", baseline),
        ("decode (read: encoding, HTML, PDF)", decode),
        ("normalize", normalize),
        ("extract", extraction),
        ("normalize + extract", normalize + extraction),
    ]
    return [(name, seconds, megabytes / seconds) for name, seconds in rows]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--dagster-count", type=int, default=200)
    parser.add_argument("--sample", type=int, default=500, help="documents for the per-stage figures")
    parser.add_argument("--corpus", type=Path, default=None)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="tongban-bench-"))
    corpus = args.corpus or work / "corpus"
    if not corpus.exists() or not any(corpus.iterdir()):
        started = time.perf_counter()
        stats = generate(corpus, args.count)
        print(f"corpus: {stats.files} files, {stats.bytes / 1e6:.1f} MB, generated in {time.perf_counter() - started:.0f} s")
    paths = files_of(corpus)
    print(f"\n## per stage ({args.sample} documents of the corpus)\n")
    print("| stage | seconds | MB/s | share of OpenCC t2s |\n|---|---:|---:|---:|")
    rates = stage_rates(paths[: args.sample])
    for name, seconds, rate in rates:
        print(f"| {name} | {seconds:.2f} | {rate:.2f} | {rate / rates[0][2]:.3f} |")

    print(f"\n## tongban run ({len(paths)} documents)\n")
    print("| run | workers | seconds | documents/s | peak RSS MB (largest process) | peak PSS MB (all processes) | output |")
    print("|---|---:|---:|---:|---:|---:|---|")
    runs = {}
    default = str(default_workers())
    plan = [("full", w) for w in sorted({"0", "1", "2", default})] + [("no change", default)]
    for label, workers in plan:
        run = [str(BIN / "tongban"), "run", "--source", str(corpus), "--db", str(work / f"w{workers}.duckdb")]
        run += ["--publish", str(work / f"publish-{workers}"), "--no-progress", "--workers", workers]
        runs[label, workers] = t = timed(run)
        shown = {"0": "0 (in-process)", default: f"{default} (default)"}.get(workers, workers)
        print(
            f"| {label} | {shown} | {t.seconds:.1f} | {len(paths) / t.seconds:.1f} | {t.rss_mb:.0f} | {t.tree_mb:.0f} | {t.output} |"
        )
    again, full = runs["no change", default], runs["full", default]
    print(f"\nno-change re-run / full run (default workers): {again.seconds / full.seconds:.3f}")
    print(f"speed-up of the default workers over one process: {runs['full', '0'].seconds / full.seconds:.2f}x")

    subset = work / "dagster-source"
    for path in paths[: args.dagster_count]:
        target = subset / path.relative_to(corpus)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(path, target)
    home = work / "dagster-home"
    home.mkdir()
    shutil.copy(Path(__file__).resolve().parent.parent / "dagster.yaml", home / "dagster.yaml")
    env = {"DAGSTER_HOME": str(home), "TONGBAN_SOURCE": str(subset), "TONGBAN_DATA": str(work / "dagster-data")}
    env["TONGBAN_DB"] = str(work / "dagster.duckdb")
    env["TONGBAN_PUBLISH"] = str(work / "dagster-publish")
    print(f"\n## Dagster: tongban materialize ({args.dagster_count} documents, one run per partition)\n")
    print("| run | seconds | documents/s | peak RSS MB | peak PSS MB (all processes) |\n|---|---:|---:|---:|---:|")
    for label in ("full", "no change"):
        t = timed([str(BIN / "tongban"), "materialize"], env)
        print(f"| {label} | {t.seconds:.1f} | {args.dagster_count / t.seconds:.2f} | {t.rss_mb:.0f} | {t.tree_mb:.0f} |")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
