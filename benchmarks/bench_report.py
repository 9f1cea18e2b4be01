"""The full report at national scale: ``danvan.loads`` then ``danvan.report``, every indicator.

The data is the national dataset of ``_national.py`` (the shipped units before
and after the 2025 reform, petitions of 2021–2025 with whole lifecycles) as JSON
text. Each run is a fresh subprocess, so its peak RSS is its own, and times

* ``loads``: ``danvan.loads`` of the text into a :class:`danvan.Dataset`;
* ``report``: ``danvan.report`` over it, national scope (``VN``), period
  2021..2025, with the defaults: every catalogued indicator the records allow,
  each with its usual breakdowns and provenance (record ids).

The baseline, run the same way, is a plain Python loop over ``json.loads``
dicts computing the national resolution rate within jurisdiction; times print
as ratios to it, so figures measured on a shared machine can be compared (CPU
seconds too, which a busy machine inflates less than wall-clock ones). The
report's resolution rate must equal the baseline's (checked).

``--repeat`` runs (default 3) give min and median. ``--small`` uses 20.000
petitions (for CI, under half a minute); the default is 1.000.000.

Run: ``python benchmarks/bench_report.py [--small | --n N] [--seed S] [--repeat R]``.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from _national import write_json

PERIOD = "2021-01-01..2026-01-01"
SCOPE = "VN"


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_baseline(text: str) -> dict[str, Any]:
    """A plain loop over ``json.loads`` dicts: resolved within jurisdiction / within jurisdiction."""
    began, cpu = time.perf_counter(), time.process_time()
    part = total = 0
    for p in json.loads(text)["petitions"]:
        if p.get("in_jurisdiction", True) and "2021-01-01" <= p["received_on"] < "2026-01-01":
            total += 1
            events = p.get("events")
            part += bool(events) and events[-1]["kind"] == "resolved" and (
                events[-1]["on"] < "2026-01-01")
    return {"total": time.perf_counter() - began, "total_cpu": time.process_time() - cpu,
            "rate": [part, total]}


def run_danvan(text: str) -> dict[str, Any]:
    """``danvan.loads`` then the default ``danvan.report``, each timed."""
    import danvan

    began, cpu = time.perf_counter(), time.process_time()
    data = danvan.loads(text, danvan.Dataset)
    loaded, loaded_cpu = time.perf_counter(), time.process_time()
    del text
    report = danvan.report(data, SCOPE, PERIOD)
    done, done_cpu = time.perf_counter(), time.process_time()
    rate = report["petitions.resolution_rate"].value
    return {"loads": loaded - began, "report": done - loaded, "total": done - began,
            "loads_cpu": loaded_cpu - cpu, "report_cpu": done_cpu - loaded_cpu,
            "total_cpu": done_cpu - cpu,
            "rate": [rate.numerator, rate.denominator],
            "indicators": len({r.id for r in report}), "results": len(report),
            "cells": sum(len(r.parts) for r in report)}


def child(name: str, path: Path) -> int:
    """One timed run of ``name`` (``baseline`` or ``danvan``) as one JSON line."""
    text = path.read_text(encoding="utf-8")
    found = (run_baseline if name == "baseline" else run_danvan)(text)
    print(json.dumps({**found, "rss_mb": _rss_mb()}))
    return 0


def _runs(name: str, path: Path, repeat: int) -> list[dict[str, Any]]:
    runs = []
    for _ in range(repeat):
        done = subprocess.run([sys.executable, __file__, "--child", name, "--data", str(path)],
                              capture_output=True, text=True, check=False)
        if done.returncode:
            raise SystemExit(f"{name} failed:\n{done.stderr}")
        runs.append(json.loads(done.stdout))
    return runs


def main(argv: Sequence[str] | None = None) -> int:
    """Generate the data, run the baseline and danvan ``--repeat`` times each, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    options: dict[str, dict[str, Any]] = {
        "--small": {"action": "store_true", "help": "20.000 petitions, for CI"},
        "--n": {"type": int, "help": "petitions (default 1.000.000)"},
        "--seed": {"type": int, "default": 0}, "--repeat": {"type": int, "default": 3},
        "--child": {"help": argparse.SUPPRESS}, "--data": {"type": Path, "help": argparse.SUPPRESS}}
    for flag, settings in options.items():
        parser.add_argument(flag, **settings)
    args = parser.parse_args(argv)
    if args.child:
        return child(args.child, args.data)
    n = args.n or (20_000 if args.small else 1_000_000)
    with tempfile.TemporaryDirectory() as folder:
        path = write_json(Path(folder) / "data.json", n, args.seed)
        print(f"{args.repeat} runs each")
        baseline = _runs("baseline", path, args.repeat)
        danvan = _runs("danvan", path, args.repeat)
    base = min(r["total"] for r in baseline)
    base_cpu = min(r["total_cpu"] for r in baseline)
    print(f"{'step':<22} {'min s':>8} {'median s':>9} {'× baseline':>11} {'min CPU s':>10} "
          f"{'CPU × baseline':>15}")
    for label, runs, key in (("baseline (plain loop)", baseline, "total"),
                             ("danvan.loads", danvan, "loads"),
                             ("danvan.report", danvan, "report"),
                             ("loads + report", danvan, "total")):
        times = [r[key] for r in runs]
        cpu = min(r[f"{key}_cpu"] for r in runs)
        print(f"{label:<22} {min(times):8.2f} {statistics.median(times):9.2f} "
              f"{min(times) / base:11.2f} {cpu:10.2f} {cpu / base_cpu:15.2f}")
    first = danvan[0]
    print(f"peak RSS MB: baseline {max(r['rss_mb'] for r in baseline):.0f}, "
          f"danvan {max(r['rss_mb'] for r in danvan):.0f}")
    print(f"report: {first['indicators']} indicators, {first['results']} results, "
          f"{first['cells']} breakdown cells")
    expected = baseline[0]["rate"]
    if any(r["rate"] != expected for r in (*baseline, *danvan)):
        print(f"resolution rate differs from the baseline's {expected}", file=sys.stderr)
        return 1
    print(f"resolution rate {expected[0]}/{expected[1]}: same as the baseline")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
