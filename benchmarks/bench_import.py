"""How long ``import danvan`` takes, beside importing its three dependencies, in one run.

Each figure is the median of fresh interpreters (cold imports: nothing cached in
the process), timing only the import statement. ``import danvan`` should cost
at most 150 ms and stay within 1,5× of ``import attrs, cattrs, dateutil.rrule``;
the first use of the core names (records, indicators) is printed too, since it
is where the cost now lies.

Run: ``python benchmarks/bench_import.py [--runs 5] [--small]``.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys

CASES: dict[str, str] = {
    "import attrs, cattrs, dateutil.rrule (baseline)": "import attrs, cattrs, dateutil.rrule",
    "import danvan": "import danvan",
    "import danvan; danvan.Dataset, danvan.loads": "import danvan; danvan.Dataset, danvan.loads",
    "import danvan; danvan.report (the catalogue)": "import danvan; danvan.report",
    "import danvan.text.claims": "import danvan.text.claims",
}

_TIMER = "import time\n_t = time.perf_counter()\n{code}\nprint(time.perf_counter() - _t)\n"


def cold(code: str, runs: int) -> float:
    """The median time, in ms, of ``code`` run first thing in ``runs`` fresh interpreters."""
    times = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", _TIMER.format(code=code)], capture_output=True,
                             text=True, check=True, timeout=120).stdout
        times.append(float(out) * 1000)
    return statistics.median(times)


def main() -> None:
    """Print each case's median cold import time and its ratio to the dependencies'."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--small", action="store_true", help="3 runs each (CI)")
    args = parser.parse_args()
    runs = 3 if args.small else args.runs
    results = {name: cold(code, runs) for name, code in CASES.items()}
    base = next(iter(results.values()))
    print(f"cold imports, median of {runs} fresh interpreters ({sys.version.split()[0]})")
    for name, ms in results.items():
        print(f"  {name:<50} {ms:8.1f} ms  {ms / base:5.2f}× the dependencies")
    danvan = results["import danvan"]
    verdict = "ok" if danvan <= 150 and danvan <= 1.5 * base else "OVER the goal"
    print(f"goal: import danvan ≤ 150 ms and ≤ 1,5× the dependencies: {verdict}")


if __name__ == "__main__":
    main()
