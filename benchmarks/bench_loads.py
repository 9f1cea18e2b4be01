"""Time ``danvan.loads`` of a national dataset beside ``json.loads`` of the same text.

Usage: ``python benchmarks/bench_loads.py [--n N] [--small] [--repeat R]`` (default
1.000.000 petitions; ``--small``: 20.000, under 20 s). The text is
``benchmarks/_national.py``'s: the shipped units and successions, then petitions with
their whole lifecycles (up to 3 events each). Each parse runs ``--repeat`` times, each in
a fresh process (``json`` and ``danvan`` taking turns), which reads the file and imports
danvan (``danvan.loads("{}", danvan.Dataset)``), then times the one call: CPU time (the
fairer measure on a shared machine) and wall time, and its peak RSS (the text included).
Printed: the best CPU time of each, in µs a petition (the units are read too, in the same
call), ``danvan.loads`` over ``json.loads``, and the peak RSS.
Target: ``danvan.loads`` at most 10 µs a petition.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from _national import write_json

_CHILD = """
import gc, json, resource, sys, time
from pathlib import Path
kind, path = sys.argv[1], Path(sys.argv[2])
text = path.read_text(encoding="utf-8")
if kind == "danvan":
    import danvan
    danvan.loads("{}", danvan.Dataset)  # the imports and the readers, once a process: not timed
    parse = lambda: danvan.loads(text, danvan.Dataset)
else:
    def parse():
        was = gc.isenabled()
        gc.disable()  # as danvan.loads does: the comparison is of the work, not of the collector
        try:
            return json.loads(text)
        finally:
            if was:
                gc.enable()
start, cpu = time.perf_counter(), time.process_time()
data = parse()
elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
count = len(data.petitions if kind == "danvan" else data["petitions"])
print(json.dumps({"seconds": elapsed, "cpu": cpu, "rss_mb": peak, "petitions": count}))
"""

APPROACHES = ("json", "danvan")


def _run(kind: str, path: Path) -> dict[str, float]:
    done = subprocess.run([sys.executable, "-c", _CHILD, kind, str(path)], capture_output=True,
                          text=True, check=False)
    if done.returncode:
        raise SystemExit(f"{kind} failed:\n{done.stderr}")
    found: dict[str, float] = json.loads(done.stdout)
    return found


def main(argv: Sequence[str] | None = None) -> int:
    """Generate the text, time each parse ``--repeat`` times, print µs a petition, ratio, RSS."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--small", action="store_true", help="20.000 petitions, for CI")
    parser.add_argument("--n", type=int, default=None, help="petitions (default 1.000.000)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    n = args.n or (20_000 if args.small else 1_000_000)
    runs: dict[str, list[dict[str, float]]] = {kind: [] for kind in APPROACHES}
    with tempfile.TemporaryDirectory() as name:
        path = write_json(Path(name) / "national.json", n, args.seed)
        for _ in range(args.repeat):
            for kind in APPROACHES:
                runs[kind].append(_run(kind, path))
    best = {kind: min(r["cpu"] for r in rs) for kind, rs in runs.items()}
    print(f"{'parse':<12} {'µs/petition':>12} {'median':>8} {'wall µs':>8} {'peak RSS MB':>12}")
    for kind, rs in runs.items():
        per = [r["cpu"] / r["petitions"] * 1e6 for r in rs]
        wall = min(r["seconds"] for r in rs) / rs[0]["petitions"] * 1e6
        label = f"{kind}.loads"
        print(f"{label:<12} {min(per):12.2f} {statistics.median(per):8.2f} {wall:8.2f} "
              f"{max(r['rss_mb'] for r in rs):12.0f}")
    print(f"danvan.loads / json.loads (CPU): {best['danvan'] / best['json']:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
