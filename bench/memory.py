"""Peak memory of a whole process tree, sampled from /proc.

``/usr/bin/time`` reports the peak RSS of the largest single process. With
worker processes the figure that matters is what they hold together, so this
sums each process's PSS (its private pages plus its share of pages shared with
the others, so memory shared after a fork is counted once).
"""

from __future__ import annotations

import os
import threading
from pathlib import Path


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(child) for child in (task / "children").read_text().split()]
    return found


def _pss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        if line.startswith("Pss:"):
            return int(line.split()[1])
    return 0


def tree_pss_mb(root: int) -> float:
    """PSS of ``root`` and all its descendants now, in MB (0 once it has exited)."""
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        try:
            total += _pss_kb(pid)
            todo += _children(pid)
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            continue  # exited between two reads
    return total / 1024


class PeakSampler:
    """Samples ``tree_pss_mb(pid)`` every ``interval`` seconds until stopped."""

    def __init__(self, pid: int, interval: float = 0.2) -> None:
        self.pid, self.interval, self.peak = pid, interval, 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> "PeakSampler":
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self.peak = max(self.peak, tree_pss_mb(self.pid))


def available() -> bool:
    return os.path.exists(f"/proc/{os.getpid()}/smaps_rollup")
