"""The columnar engine beside hand-written DuckDB SQL, over the same Parquet folder.

A seeded generator writes a national dataset (a root, 34 provinces, 100 communes
each; petitions received 2021–2025 with full lifecycles: acceptance, resolution,
extensions, a few suspensions) as Parquet, hive-partitioned by province and
year. Three headline indicators by province (resolution rate, acceptance
on-time rate, median processing days) are then computed by

- hand-written DuckDB SQL (one query each, joined with the same working
  calendar and rules tables the engine builds from danvan.law);
- danvan columnar on DuckDB, and on Polars (not at ``--big``).

Each approach runs in its own process (so its peak RSS is its own), three
times; min and median are printed with the ratio to the SQL, and the answers
are checked equal (integer numerators and denominators; medians as fractions).

Run: ``python benchmarks/bench_columnar.py [--small | --big] [--records N] [--seed N]``
(``--small``: 20,000 petitions, under a minute; default 1,000,000; ``--big`` 10,000,000).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from fractions import Fraction
from pathlib import Path
from typing import Any

PERIOD = "2025"
INDICATORS = ("petitions.resolution_rate", "petitions.acceptance_on_time_rate",
              "petitions.processing_days")
PROVINCES = 34
COMMUNES = 100
KINDS = ("complaint", "denunciation", "recommendation", "other")


def _units() -> list[dict[str, Any]]:
    units = [{"code": "VN", "name": "Việt Nam", "level": "central", "kind": "administrative_area"}]
    for p in range(PROVINCES):
        units.append({"code": f"P{p:02}", "name": f"Tỉnh {p:02}", "level": "province",
                      "kind": "administrative_area", "parent": "VN"})
        units += [{"code": f"P{p:02}C{c:03}", "name": f"Xã {p:02}-{c:03}", "level": "commune",
                   "kind": "administrative_area", "parent": f"P{p:02}"} for c in range(COMMUNES)]
    return units


def _petitions(rng: random.Random, province: int, n: int, first: int) -> tuple[list[Any], list[Any]]:
    start = dt.date(2021, 1, 1).toordinal()
    span = dt.date(2025, 12, 31).toordinal() - start
    petitions, events = [], []
    for i in range(first, first + n):
        pid = f"P{i}"
        received = dt.date.fromordinal(start + rng.randrange(span))
        kind = KINDS[rng.randrange(4)]
        petitions.append({
            "id": pid, "kind": kind, "received_on": received,
            "unit": f"P{province:02}C{rng.randrange(COMMUNES):03}", "channel": "mail",
            "in_jurisdiction": rng.random() < 0.9, "crowd_size": None, "complexity": "ordinary",
            "remote_area": rng.random() < 0.1, "second_instance": False, "discipline": False,
            "multi_site": False, "known_on": None, "province": f"P{province:02}",
            "year": received.year})
        steps: list[tuple[str, dt.date, int | None]] = []
        day = received + dt.timedelta(days=rng.randrange(1, 15))
        if rng.random() < 0.1:
            steps.append(("declined", day, None))
        elif rng.random() < 0.95:
            steps.append(("accepted", day, None))
            if rng.random() < 0.05:
                day += dt.timedelta(days=rng.randrange(5, 30))
                steps.append(("extended", day, rng.choice((None, 10, 30))))
            if rng.random() < 0.002:
                day += dt.timedelta(days=rng.randrange(1, 10))
                steps.append(("suspended", day, None))
                day += dt.timedelta(days=rng.randrange(5, 40))
                steps.append(("resumed", day, None))
            if rng.random() < 0.85:
                day += dt.timedelta(days=rng.randrange(5, 70))
                steps.append(("resolved", day, None))
        events += [{"petition": pid, "position": n + 1, "kind": k, "on": d, "days": days,
                    "to_unit": None, "note": "", "province": f"P{province:02}", "year": received.year}
                   for n, (k, d, days) in enumerate(steps)]
    return petitions, events


def generate(root: Path, records: int, seed: int) -> None:
    """The seeded dataset as Parquet under ``root`` (tables as folders, hive-partitioned)."""
    import pyarrow as pa
    import pyarrow.dataset as ds
    import pyarrow.parquet as pq

    from danvan.tables.schema import arrow_schema

    root.mkdir(parents=True, exist_ok=True)
    pq.write_table(pa.Table.from_pylist(_units(), schema=arrow_schema("units")),
                   root / "units.parquet")
    rng = random.Random(seed)
    per = records // PROVINCES
    for name in ("petitions", "petition_events"):
        (root / name).mkdir(exist_ok=True)
    for p in range(PROVINCES):
        n = per if p < PROVINCES - 1 else records - per * (PROVINCES - 1)
        petitions, events = _petitions(rng, p, n, p * per)
        for name, rows in (("petitions", petitions), ("petition_events", events)):
            schema = arrow_schema(name).append(pa.field("province", pa.string())).append(
                pa.field("year", pa.int64()))
            ds.write_dataset(pa.Table.from_pylist(rows, schema=schema), root / name, format="parquet",
                             partitioning=["province", "year"], partitioning_flavor="hive",
                             existing_data_behavior="overwrite_or_ignore",
                             basename_template=f"part-{p}-{{i}}.parquet")


def _sql(root: Path) -> dict[str, Any]:
    """The three indicators by province, in hand-written DuckDB SQL."""
    import duckdb

    from danvan.engines import calendar_table, rules_table
    from danvan.law.deadlines import Stage

    con = duckdb.connect()
    con.execute(f"""CREATE VIEW p AS SELECT * FROM read_parquet('{root}/petitions/**/*.parquet',
                    hive_partitioning = true)""")
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
        SELECT province, count(*) FILTER (WHERE in_jurisdiction) AS total,
               count(*) FILTER (WHERE in_jurisdiction AND k = 'resolved' AND d < DATE '2026-01-01')
        FROM p LEFT JOIN last USING (id)
        WHERE received_on >= DATE '2025-01-01' AND received_on < DATE '2026-01-01'
        GROUP BY province""").fetchall()
    out["petitions.resolution_rate"] = {r[0]: (r[2], r[1]) for r in rows}
    rows = con.execute("""
        WITH known AS (SELECT * FROM e WHERE "on" <= DATE '2025-12-31'),
        last AS (SELECT petition AS id, arg_max(kind, position) AS k, arg_max("on", position) AS d
                 FROM known GROUP BY petition),
        done AS (SELECT petition AS id, min("on") AS c FROM known
                 WHERE kind IN ('accepted', 'declined') GROUP BY petition),
        due AS (SELECT p.id, p.province, c.n AS start_n, c.ordinal AS start_w, r.days, r.working,
                       r.completed_by
                FROM p JOIN cal c ON c.day = p.received_on
                JOIN rules r USING (kind, complexity, remote_area, second_instance, channel,
                                    in_jurisdiction, discipline, multi_site)
                WHERE p.received_on <= DATE '2025-12-31' AND r.from_n <= c.n AND c.n < r.to_n
                  AND r.status = 'rule' AND r.completed_by = 'accepted,declined'),
        dated AS (SELECT due.*, CASE WHEN due.working THEN w.day ELSE cn.next_working END AS due_on
                  FROM due LEFT JOIN cal cn ON cn.n = due.start_n + due.days
                  LEFT JOIN (SELECT * FROM cal WHERE working) w ON w.ordinal = due.start_w + due.days),
        flags AS (SELECT province, coalesce(c <= due_on, false) AS met,
                         coalesce(c > due_on, false)
                         OR (c IS NULL AND coalesce(k IN ('declined', 'resolved', 'transferred',
                                                          'withdrawn'), false) AND d > due_on)
                         OR (c IS NULL AND NOT coalesce(k IN ('declined', 'resolved', 'transferred',
                                                              'withdrawn'), false)
                             AND DATE '2025-12-31' > due_on) AS missed
                  FROM dated LEFT JOIN done USING (id) LEFT JOIN last USING (id)
                  WHERE due_on >= DATE '2025-01-01' AND due_on < DATE '2026-01-01')
        SELECT province, count(*) FILTER (WHERE met), count(*) FROM flags WHERE met OR missed
        GROUP BY province""").fetchall()
    out["petitions.acceptance_on_time_rate"] = {r[0]: (r[1], r[2]) for r in rows}
    rows = con.execute("""
        WITH a AS (SELECT petition AS id, min("on") FILTER (WHERE kind = 'accepted') AS s,
                          min("on") FILTER (WHERE kind = 'resolved') AS r FROM e GROUP BY petition)
        SELECT province, count(*), median(r - s)
        FROM p JOIN a USING (id)
        WHERE s IS NOT NULL AND r >= DATE '2025-01-01' AND r < DATE '2026-01-01'
        GROUP BY province""").fetchall()
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


def run(approach: str, root: Path) -> None:
    """One approach in this process: prints seconds, peak RSS and the answers as JSON."""
    start = time.perf_counter()
    answers = _sql(root) if approach == "sql" else _danvan(root, approach.split("-")[1])
    seconds = time.perf_counter() - start
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "rss_mb": rss, "answers": answers}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", action="store_true", help="20,000 petitions (under a minute)")
    parser.add_argument("--big", action="store_true", help="10,000,000 petitions, columnar only")
    parser.add_argument("--records", type=int, help="number of petitions")
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--run", help=argparse.SUPPRESS)
    parser.add_argument("--root", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.run:
        run(args.run, Path(args.root))
        return
    records = args.records or (20_000 if args.small else 10_000_000 if args.big else 1_000_000)
    approaches = ["sql", "danvan-duckdb"] + ([] if args.big else ["danvan-polars"])
    with tempfile.TemporaryDirectory(prefix="danvan-bench-") as folder:
        root = Path(folder)
        start = time.perf_counter()
        generate(root, records, args.seed)
        print(f"{records:,} petitions generated as hive-partitioned Parquet in "
              f"{time.perf_counter() - start:.1f} s (seed {args.seed})")
        timings: dict[str, list[float]] = {}
        rss: dict[str, float] = {}
        answers: dict[str, Any] = {}
        for _ in range(args.repeat):
            for approach in approaches:
                done = subprocess.run([sys.executable, __file__, "--run", approach, "--root", str(root)],
                                      capture_output=True, text=True)
                if done.returncode:
                    raise SystemExit(f"{approach} failed:\n{done.stderr}")
                found = json.loads(done.stdout.splitlines()[-1])
                timings.setdefault(approach, []).append(found["seconds"])
                rss[approach] = max(rss.get(approach, 0.0), found["rss_mb"])
                answers[approach] = found["answers"]
    base = min(timings["sql"])
    print(f"{'approach':<16}{'min s':>9}{'median s':>10}{'× SQL':>8}{'peak RSS MB':>13}")
    for approach in approaches:
        times = timings[approach]
        print(f"{approach:<16}{min(times):>9.2f}{statistics.median(times):>10.2f}"
              f"{min(times) / base:>8.2f}{rss[approach]:>13.0f}")
    same = all(answers[a] == answers["sql"] for a in approaches)
    print("same answers:", "yes" if same else "NO")
    if not same:
        for a in approaches:
            print(a, json.dumps(answers[a], sort_keys=True)[:2000])
        raise SystemExit(1)


if __name__ == "__main__":
    main()
