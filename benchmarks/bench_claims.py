"""Time ``danvan.text.claims.check`` on a 1 MB report text beside a plain regex scan for numbers.

Usage: ``python benchmarks/bench_claims.py [SIZE_BYTES]``. The text is the five
seed reports (and a paragraph per claim convention) repeated to the size, as a
province's compiled reports of a year would be. Target: under a second on one
core for 1 MB.
"""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

from danvan.text.claims import check

ROOT = Path(__file__).resolve().parent.parent
EXTRA = (
    "Năm 2023 nhận 1.250 đơn, trong đó: khiếu nại 210 đơn, tố cáo 36 đơn, loại khác 1.004 đơn; "
    "đã giải quyết 1.190/1.250 đơn, đạt 95,2%. Sáp nhập 30 thôn thành 10 thôn, sau sáp nhập "
    "còn 90 thôn (giảm 20 thôn, tỷ lệ 18,1%). Huy động 4,1 tỷ đồng, gồm 3,2 tỷ, 650 triệu và "
    "250 triệu.\n"
)


def _corpus(size: int) -> str:
    parts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "seeds").glob("*.txt"))]
    unit = "\n".join(parts) + "\n" + EXTRA
    return (unit * (size // len(unit.encode("utf-8")) + 1))[:size]


def _best(function: object, text: str, rounds: int = 3) -> tuple[float, int]:
    best, count = float("inf"), 0
    for _ in range(rounds):
        start = time.perf_counter()
        count = len(function(text))  # type: ignore[operator]
        best = min(best, time.perf_counter() - start)
    return best, count


def main() -> int:
    """Print both timings for a seed-like text and a dense one; returns 0."""
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    numbers = re.compile(r"\d+(?:[.,]\d+)*%?")
    dense = (EXTRA * (size // len(EXTRA.encode("utf-8")) + 1))[:size]
    for name, text in (("seed-like report text", _corpus(size)),
                       ("dense text (every sentence a claim)", dense)):
        regex_time, regex_count = _best(numbers.findall, text)
        check_time, claim_count = _best(check, text)
        print(f"{name}: {len(text):,} characters ({len(text.encode('utf-8')):,} bytes)")
        print(f"  regex scan for numbers: {regex_time:.3f} s ({regex_count:,} numbers)")
        print(f"  danvan.text.claims.check:    {check_time:.3f} s ({claim_count:,} claims)")
        print(f"  ratio: {check_time / regex_time:.1f}x the plain scan")
    return 0


if __name__ == "__main__":
    sys.exit(main())
