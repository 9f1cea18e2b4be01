"""The columnar engine beside hand-written DuckDB SQL, over the same Parquet folder.

The seeded national generator (``_national.py``: the shipped units before and
after the 2025 reform, petitions of 2021–2025 with whole lifecycles) writes
the petitions as Parquet, hive-partitioned by province and year. Three
headline indicators by province (the branch under ``VN`` on 31/12/2025:
resolution rate, acceptance on-time rate, median processing days) over 2025
are then computed by

- hand-written DuckDB SQL (one query each, joined with the same working
  calendar and rules tables the engine builds from danvan.law, and with the
  province of each commune, built before timing);
- danvan columnar on DuckDB, and on Polars (not at ``--big``).

Each approach runs in its own process (so its peak RSS is its own), in turn,
``--repeat`` times; min and median are printed with the ratio to the SQL, and
the answers are checked equal (integer numerators and denominators; medians
as fractions). The machine may be shared: the CPU column helps to read it.

Run: ``python benchmarks/bench_columnar.py [--small | --big] [--records N] [--seed N]
[--data FOLDER]`` (``--small``: 20,000 petitions, under a minute; default
1,000,000; ``--big`` 10,000,000; ``--data``: a folder written once by
``python benchmarks/_national.py N --tables FOLDER``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from fractions import Fraction
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from _national import national_tables

PERIOD = "2025"
INDICATORS = ("petitions.resolution_rate", "petitions.acceptance_on_time_rate",
              "petitions.processing_days")


def branches(period: str = PERIOD) -> dict[str, str]:
    """The province (the branch under ``VN`` on the period's last day) of every commune that
    receives petitions: the table a warehouse would join, built before timing."""
    from _national import communes

    from danvan.indicators.scope import Scope
    from danvan.values.periods import Period
    from danvan.vietnam import registry

    scope = Scope(registry(), "VN", Period.parse(period).last)
    out = {}
    for code in [c for group in communes() for c in group]:
        placement = scope.place(code)
        if placement is not None:
            out[code] = placement.branch
    return out


def write_branches(path: Path) -> None:
    """:func:`branches` as a Parquet table ``unit, province`` at ``path``."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    found = branches()
    pq.write_table(pa.table({"unit": list(found), "province": list(found.values())}), path)


def _sql(root: Path, side: Path) -> dict[str, Any]:
    """The three indicators by province, in hand-written DuckDB SQL."""
    import duckdb

    from danvan.engines import calendar_table, rules_table
    from danvan.law.deadlines import Stage

    con = duckdb.connect()
    con.execute(f"""CREATE VIEW p AS SELECT p.*, b.province AS branch
                    FROM read_parquet('{root}/petitions/**/*.parquet', hive_partitioning = true) p
                    JOIN read_parquet('{side}') b USING (unit)""")
    con.execute(f"""CREATE VIEW e AS SELECT * FROM read_parquet('{root}/petition_events/**/*.parquet',
                    hive_partitioning = true)""")
    fields = ("kind", "complexity", "remote_area", "second_instance", "channel", "in_jurisdiction",
              "discipline", "multi_site")
    combos = [dict(zip(fields, row, strict=True))
              for row in con.execute(f"SELECT DISTINCT {', '.join(fields)} FROM p").fetchall()]
    cal = calendar_table(dt.date(2020, 12, 1), dt.date(2028, 12, 31))  # noqa: F841 (read by SQL)
    rules = rules_table(Stage.ACCEPTANCE, combos)  # noqa: F841 (read by SQL)
    out: dict[str, Any] = {}
    rows = con.execute("""
        WITH last AS (SELECT petition AS id, arg_max(kind, position) AS k, max("on") AS d
                      FROM e GROUP BY petition)
        SELECT branch, count(*) FILTER (WHERE in_jurisdiction) AS total,
               count(*) FILTER (WHERE in_jurisdiction AND k = 'resolved' AND d < DATE '2026-01-01')
        FROM p LEFT JOIN last USING (id)
        WHERE received_on >= DATE '2025-01-01' AND received_on < DATE '2026-01-01'
        GROUP BY branch""").fetchall()
    out["petitions.resolution_rate"] = {r[0]: (r[2], r[1]) for r in rows}
    rows = con.execute("""
        WITH known AS (SELECT * FROM e WHERE "on" <= DATE '2025-12-31'),
        last AS (SELECT petition AS id, arg_max(kind, position) AS k, arg_max("on", position) AS d
                 FROM known GROUP BY petition),
        done AS (SELECT petition AS id, min("on") AS c FROM known
                 WHERE kind IN ('accepted', 'declined') GROUP BY petition),
        due AS (SELECT p.id, p.branch, c.n AS start_n, c.ordinal AS start_w, r.days, r.working,
                       r.completed_by
                FROM p JOIN cal c ON c.day = p.received_on
                JOIN rules r USING (kind, complexity, remote_area, second_instance, channel,
                                    in_jurisdiction, discipline, multi_site)
                WHERE p.received_on <= DATE '2025-12-31' AND r.from_n <= c.n AND c.n < r.to_n
                  AND r.status = 'rule' AND r.completed_by = 'accepted,declined'),
        dated AS (SELECT due.*, CASE WHEN due.working THEN w.day ELSE cn.next_working END AS due_on
                  FROM due LEFT JOIN cal cn ON cn.n = due.start_n + due.days
                  LEFT JOIN (SELECT * FROM cal WHERE working) w ON w.ordinal = due.start_w + due.days),
        flags AS (SELECT branch, coalesce(c <= due_on, false) AS met,
                         coalesce(c > due_on, false)
                         OR (c IS NULL AND coalesce(k IN ('declined', 'resolved', 'transferred',
                                                          'withdrawn'), false) AND d > due_on)
                         OR (c IS NULL AND NOT coalesce(k IN ('declined', 'resolved', 'transferred',
                                                              'withdrawn'), false)
                             AND DATE '2025-12-31' > due_on) AS missed
                  FROM dated LEFT JOIN done USING (id) LEFT JOIN last USING (id)
                  WHERE due_on >= DATE '2025-01-01' AND due_on < DATE '2026-01-01')
        SELECT branch, count(*) FILTER (WHERE met), count(*) FROM flags WHERE met OR missed
        GROUP BY branch""").fetchall()
    out["petitions.acceptance_on_time_rate"] = {r[0]: (r[1], r[2]) for r in rows}
    rows = con.execute("""
        WITH a AS (SELECT petition AS id, min("on") FILTER (WHERE kind = 'accepted') AS s,
                          min("on") FILTER (WHERE kind = 'resolved') AS r FROM e GROUP BY petition)
        SELECT branch, count(*), median(r - s)
        FROM p JOIN a USING (id)
        WHERE s IS NOT NULL AND r >= DATE '2025-01-01' AND r < DATE '2026-01-01'
        GROUP BY branch""").fetchall()
    out["petitions.processing_days"] = {r[0]: (r[1], str(Fraction(r[2]))) for r in rows}
    return out


def _danvan(root: Path, engine: str) -> dict[str, Any]:
    """The same three indicators by province, by danvan's columnar engine on ``engine``."""
    from danvan.engines._frames import Frames
    from danvan.engines.columnar import evaluate
    from danvan.indicators import get
    from danvan.indicators.scope import Scope
    from danvan.records.units import UnitRegistry
    from danvan.values.periods import Period

    frames = Frames(root, engine)
    period = Period.parse(PERIOD)
    from danvan.engines.columnar import _registry

    scope = Scope(_registry(frames, None), "VN", period.last)
    assert isinstance(scope.registry, UnitRegistry)
    found = evaluate(frames, [get(i) for i in INDICATORS], scope, period,
                     {i: [("unit",)] for i in INDICATORS})
    out: dict[str, Any] = {}
    for indicator, (_, result) in found.items():
        if indicator == "petitions.processing_days":
            out[indicator] = {k: (p.value.count, str(p.value.median)) for k, p in result.parts.items()}
        else:
            out[indicator] = {k: (p.value.numerator, p.value.denominator)
                              for k, p in result.parts.items()}
    return out


def run(approach: str, root: Path, side: Path) -> None:
    """One approach in this process: prints seconds, CPU seconds, peak RSS and the answers as JSON."""
    start, cpu = time.perf_counter(), time.process_time()
    answers = _sql(root, side) if approach == "sql" else _danvan(root, approach.split("-")[1])
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "cpu": cpu, "rss_mb": rss, "answers": answers}))


def measure(approaches: list[str], root: Path, side: Path, repeat: int) -> dict[str, list[Any]]:
    """Each approach ``repeat`` times, in turn (so a busy machine slows them alike), each in
    its own process: its runs (seconds, CPU, RSS, answers)."""
    runs: dict[str, list[Any]] = {}
    for _ in range(repeat):
        for approach in approaches:
            done = subprocess.run([sys.executable, __file__, "--run", approach, "--root", str(root),
                                   "--side", str(side)], capture_output=True, text=True)
            if done.returncode:
                raise SystemExit(f"{approach} failed:\n{done.stderr}")
            runs.setdefault(approach, []).append(json.loads(done.stdout.splitlines()[-1]))
    return runs


def table(runs: dict[str, list[Any]], base: str) -> bool:
    """Print min and median seconds, min CPU, peak RSS and the ratio to ``base``; whether every
    approach gave ``base``'s answers."""
    fastest = min(r["seconds"] for r in runs[base])
    print(f"{'approach':<16}{'min s':>9}{'median s':>10}{'min CPU s':>11}{'peak RSS MB':>13}"
          f"{'× SQL':>8}")
    for approach, found in runs.items():
        times = [r["seconds"] for r in found]
        print(f"{approach:<16}{min(times):>9.2f}{statistics.median(times):>10.2f}"
              f"{min(r['cpu'] for r in found):>11.2f}{max(r['rss_mb'] for r in found):>13.0f}"
              f"{min(times) / fastest:>8.2f}")
    expected = runs[base][0]["answers"]
    same = all(r["answers"] == expected for found in runs.values() for r in found)
    print("same answers:", "yes" if same else "NO")
    if not same:
        for approach, found in runs.items():
            print(approach, json.dumps(found[0]["answers"], sort_keys=True)[:2000])
    return same


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", action="store_true", help="20,000 petitions (under a minute)")
    parser.add_argument("--big", action="store_true", help="10,000,000 petitions, columnar only")
    parser.add_argument("--records", type=int, help="number of petitions")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--repeat", type=int, default=None, help="runs of each (3; --small: 1)")
    parser.add_argument("--data", type=Path,
                        help="a folder written by _national.py --tables (default: generated)")
    parser.add_argument("--run", help=argparse.SUPPRESS)
    parser.add_argument("--root", help=argparse.SUPPRESS)
    parser.add_argument("--side", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.run:
        run(args.run, Path(args.root), Path(args.side))
        return
    records = args.records or (20_000 if args.small else 10_000_000 if args.big else 1_000_000)
    approaches = ["sql", "danvan-duckdb"] + ([] if args.big else ["danvan-polars"])
    with tempfile.TemporaryDirectory(prefix="danvan-bench-") as folder:
        side = Path(folder) / "branch.parquet"
        write_branches(side)
        root = args.data
        if root is None:
            root = Path(folder) / "data"
            start = time.perf_counter()
            national_tables(records, root, args.seed)
            print(f"{records:,} petitions over the shipped units, hive-partitioned Parquet, in "
                  f"{time.perf_counter() - start:.1f} s (seed {args.seed})")
        repeat = args.repeat or (1 if args.small else 3)
        if not table(measure(approaches, root, side, repeat), "sql"):
            raise SystemExit(1)


if __name__ == "__main__":
    main()
