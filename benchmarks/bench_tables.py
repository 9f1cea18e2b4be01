"""Time reading petitions from CSV and Parquet beside ``danvan.loads`` of the same records as JSON.

Usage: ``python benchmarks/bench_tables.py [COUNT] [--small]`` (default 1.000.000
petitions; ``--small``: 20.000, under a minute). The petitions are Tam Nông's
(examples/data), repeated under new ids, with their events. Each reader runs in
a fresh process, which prints its wall and CPU time (CPU time is the fairer
measure on a shared machine) and its peak RSS, imports included. Target: CSV
and Parquet at most 2× the JSON time.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

from attrs import evolve

from danvan.records.dataset import Dataset
from danvan.records.serialization import dumps, loads

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "data" / "tam_nong_2016_2021.json"

_CHILD = """
import resource, sys, time
from pathlib import Path
start, cpu = time.perf_counter(), time.process_time()
kind, path = sys.argv[1], Path(sys.argv[2])
if kind == "json":
    from danvan.records.dataset import Dataset
    from danvan.records.serialization import loads
    data = loads(path.read_text(encoding="utf-8"), Dataset)
elif kind == "csv":
    from danvan.tables import read_csv
    data = read_csv(path)
else:
    from danvan.tables import read_parquet
    data = read_parquet(path)
elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"{elapsed:.3f} {cpu:.3f} {peak:.0f} {len(data.petitions)}")
"""


def _dataset(count: int) -> Dataset:
    seed = loads(SEED.read_text(encoding="utf-8"), Dataset)
    base = seed.petitions
    petitions = tuple(evolve(base[i % len(base)], id=f"P{i:07}") for i in range(count))
    return Dataset(units=seed.units, successions=seed.successions, petitions=petitions)


def _run(kind: str, path: Path) -> tuple[float, float, float, int]:
    out = subprocess.run([sys.executable, "-c", _CHILD, kind, str(path)], capture_output=True,
                         text=True, check=True).stdout.split()
    return float(out[0]), float(out[1]), float(out[2]), int(out[3])


def main() -> int:
    """Write the records three ways, read each back in its own process, print the ratios."""
    args = [a for a in sys.argv[1:] if a != "--small"]
    count = 20_000 if "--small" in sys.argv else int(args[0]) if args else 1_000_000
    start = time.perf_counter()
    data = _dataset(count)
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        (base / "data.json").write_text(dumps(data), encoding="utf-8")
        from danvan.tables import write_csv, write_parquet

        write_csv(data, base / "csv")
        paths = {"json": base / "data.json", "csv": base / "csv"}
        try:
            write_parquet(data, base / "parquet")
            paths["parquet"] = base / "parquet"
        except ImportError:
            print("pyarrow is not installed: Parquet skipped")
        print(f"{count:,} petitions ({sum(len(p.events) for p in data.petitions):,} events) "
              f"written in {time.perf_counter() - start:.1f} s")
        results = {kind: _run(kind, path) for kind, path in paths.items()}
    json_time, json_cpu = results["json"][:2]
    for kind, (elapsed, cpu, peak, n) in results.items():
        assert n == count, (kind, n)
        print(f"  {kind:8} {elapsed:8.2f} s wall ({elapsed / json_time:4.2f}x danvan.loads)  "
              f"{cpu:8.2f} s CPU ({cpu / json_cpu:4.2f}x)  peak RSS {peak:6.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
