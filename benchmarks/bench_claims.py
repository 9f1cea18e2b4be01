"""Time ``danvan.text.claims.check`` on pathological and ordinary texts at growing sizes.

Usage: ``python benchmarks/bench_claims.py [--small]``. Each shape is timed at
10 KB, 100 KB and 1 MB (``--small``: 10 KB and 100 KB, well under a minute) and
printed in milliseconds of CPU time per KB. Linear time means the ms/KB of a shape stays
flat as the size grows: the last column is the ratio of the largest size's
ms/KB to the smallest's, against the same ratio for the seed-like report text
measured in the same run (about 1 everywhere when the checker is linear).

The shapes come from ``docs/reliability-findings.md`` (F1–F3, F9): runs of
spaces inside a claim, of dots, of digits, figures with no full stop, thousands
of percent signs, nested brackets, connectors and remainders in one sentence.
"""

from __future__ import annotations

import sys
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path

from danvan.text.claims import check

ROOT = Path(__file__).resolve().parent.parent
CLAUSE = ("nhận 1.250 đơn, trong đó: khiếu nại 210 đơn, tố cáo 36 đơn, loại khác 1.004 đơn; "
          "đã giải quyết 1.190/1.250 đơn, đạt 95,2%; giảm 20 thôn, tỷ lệ 18,1%, ")


def _repeat(unit: str, size: int, head: str = "", tail: str = "") -> str:
    body = size - len((head + tail).encode("utf-8"))
    count = max(1, body // max(1, len(unit.encode("utf-8"))))
    return head + unit * count + tail


def _seed_like(size: int) -> str:
    parts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "seeds").glob("*.txt"))]
    return _repeat("\n".join(parts) + "\n", size)


SHAPES: dict[str, Callable[[int], str]] = {
    "seed-like report text (baseline)": _seed_like,
    "same text, NFD": lambda n: unicodedata.normalize("NFD", _seed_like(n)),
    "spaces in a change (F1)": lambda n: _repeat(" ", n, "Số đơn tăng 5 đơn", "x 5%."),
    "spaces before a share (F2)": lambda n: _repeat(
        " ", n, "Nhận 10 đơn, trong đó: khiếu nại 5 đơn, tố cáo 2 đơn chiếm", "x 5%."),
    "spaces after đạt (F2)": lambda n: _repeat(" ", n, "giải quyết 5/10 đơn đạt", "x 5%."),
    "run of dots (F3)": lambda n: _repeat(".", n, "", "x"),
    "run of ! and … (F3)": lambda n: _repeat("!…", n, "", "x"),
    "run of digits": lambda n: _repeat("7", n, "Nhận ", " đơn."),
    "figures, no full stop (F9)": lambda n: _repeat(CLAUSE, n),
    "percent signs": lambda n: _repeat("5% ", n, "Đạt "),
    "trong đó × n (F9)": lambda n: _repeat("trong đó 5 đơn, ", n, "Nhận 9 đơn "),
    "brackets × n (F9)": lambda n: _repeat("(5 đơn; 2 đơn) ", n, "Nhận 5 đơn "),
    "còn lại × n (F9)": lambda n: _repeat("còn lại 5 đơn, ", n, "tổng 9 đơn "),
    "tăng × n (F9)": lambda n: _repeat("tăng 5 đơn, ", n),
    "nested brackets": lambda n: _repeat("(", n // 2, "Nhận 5 đơn ") + ")" * (n // 2),
}


def _time(text: str) -> float:
    """CPU seconds of one check: on a shared machine, wall time measures the neighbours."""
    start = time.process_time()
    check(text)
    return time.process_time() - start


def main() -> int:
    """Print ms/KB per shape and size; returns 0."""
    sizes = [10_000, 100_000] if "--small" in sys.argv else [10_000, 100_000, 1_000_000]
    header = " ".join(f"{s // 1000:>8} KB" for s in sizes)
    print(f"{'shape (ms per KB)':<36}{header}  last/first")
    baseline = None
    for name, make in SHAPES.items():
        rates = []
        for size in sizes:
            text = make(size)
            kb = len(text.encode("utf-8")) / 1000
            rates.append(1000 * _time(text) / kb)
        growth = rates[-1] / rates[0] if rates[0] else float("nan")
        if baseline is None:
            baseline = growth
        cells = " ".join(f"{r:>11.3f}" for r in rates)
        print(f"{name:<36}{cells}  {growth:>5.2f} ({growth / baseline:.2f}× the baseline's)")
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
