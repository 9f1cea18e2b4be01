"""National scale: the same three indicators by province, from the same data, many ways.

One seeded generator (``_national.py``: the shipped units before and after the
2025 reform, petitions of 2021–2025 with whole lifecycles) gives the same
petitions as JSON text and as Parquet tables hive-partitioned by province and
year. Each approach computes by province (the branch under ``VN`` on
31/12/2025) the resolution rate within jurisdiction, the on-time rate of
resolution and the median processing days (acceptance to resolution).

From the JSON text, held in memory:

* ``plain``: a Python loop over ``json.loads`` dicts;
* ``pandas``: ``json.loads``, columns, then ``groupby``;
* ``duckdb``: hand-written SQL over the JSON text (skipped without ``duckdb``);
* ``danvan``: ``danvan.loads`` then the record engine (``evaluate``).

From the Parquet tables:

* ``sql-parquet``: hand-written DuckDB SQL;
* ``columnar-duckdb``, ``columnar-polars``: danvan's columnar engine;
* ``catalogue-duckdb``: the whole catalogue, ``danvan.report(folder, engine="duckdb")``
  (its two rates' totals are checked against the provinces' sums).

The baselines get what a warehouse would join as tables: the province of each
commune (from :class:`danvan.indicators.Scope`) and the resolution due date of
each (kind, complexity, jurisdiction, acceptance day) from the rules and the
working calendar (``danvan.law``), built once before timing. All must give
identical numbers (numerators, denominators, medians as fractions), checked here;
``× SQL`` is the ratio to the hand-written SQL over the same input.

Each run is its own subprocess, so its peak RSS is its own; ``--repeat`` runs
(default 3; 1 with ``--small``) give min and median, the approaches in turn.
``--small`` uses 20.000 petitions (under a minute on an idle machine, for CI);
the default is 1.000.000. ``--columnar-only`` runs the Parquet approaches but
Polars (for 10M: ``--n 10000000 --columnar-only --data FOLDER``, the folder
written once by ``python benchmarks/_national.py 10000000 --tables FOLDER``).
Times are wall clock; the CPU column helps when the machine is shared.

Run: ``python benchmarks/bench_scale.py [--small | --n N] [--seed S] [--repeat R]
[--columnar-only] [--data FOLDER] [--only A ...]``.
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
from collections import defaultdict
from collections.abc import Callable, Sequence
from fractions import Fraction
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from _national import communes, national_json, national_tables

PERIOD = "2021-01-01..2026-01-01"
START, END, AS_OF = dt.date(2021, 1, 1), dt.date(2026, 1, 1), dt.date(2025, 12, 31)
INDICATORS = ("petitions.resolution_rate", "petitions.resolution_on_time_rate",
              "petitions.processing_days")
CLOSING = frozenset({"declined", "resolved", "transferred", "withdrawn"})
Results = dict[str, dict[str, list[Any]]]


# -- the tables the baselines join -------------------------------------------------------------


def tables() -> dict[str, Any]:
    """The province of each commune code, and resolution due dates by (kind, complexity,
    jurisdiction, day): what a warehouse would join, from the shipped units and danvan.law."""
    from danvan.indicators import Scope
    from danvan.law.deadlines import NoRuleInForceError, Stage, stage_deadline
    from danvan.records.petitions import Petition, PetitionEvent
    from danvan.records.vocabulary import Complexity, EventKind, PetitionKind
    from danvan.vietnam import registry

    scope = Scope(registry(), "VN", AS_OF)
    branch = {}
    for code in [c for group in communes() for c in group]:
        placement = scope.place(code)
        if placement is not None:
            branch[code] = placement.branch
    due: dict[str, list[Any]] = {}
    days = (AS_OF - START).days + 1
    for kind in PetitionKind:
        for complexity in (Complexity.ORDINARY, Complexity.COMPLEX):
            for in_jurisdiction in (True, False):
                for offset in range(days):
                    day = START + dt.timedelta(days=offset)
                    petition = Petition("T", kind, day, "X", complexity=complexity,
                                        in_jurisdiction=in_jurisdiction,
                                        events=(PetitionEvent(EventKind.ACCEPTED, day),))
                    try:
                        deadline = stage_deadline(petition, Stage.RESOLUTION, as_of=day,
                                                  strict=False)
                    except NoRuleInForceError:
                        continue
                    if deadline is None or deadline.due is None:
                        continue
                    key = f"{kind.code}|{complexity.code}|{int(in_jurisdiction)}|{day.isoformat()}"
                    due[key] = [deadline.due.isoformat(),
                                sorted(k.code for k in deadline.rule.completed_by)]
    return {"branch": branch, "due": due}


# -- the approaches ----------------------------------------------------------------------------


def _median(values: list[int]) -> str:
    values.sort()
    n = len(values)
    return str(Fraction(values[(n + 1) // 2 - 1] + values[n // 2], 2)) if n else "-"


def _finish(rates: dict[str, list[int]], on_time: dict[str, list[int]],
            days: dict[str, list[int]]) -> Results:
    return {"resolution": {k: list(v) for k, v in sorted(rates.items())},
            "on_time": {k: list(v) for k, v in sorted(on_time.items())},
            "median_days": {k: [_median(v)] for k, v in sorted(days.items())}}


def _one_petition(p: dict[str, Any], branch: dict[str, str], due: dict[str, Any],
                  rates: dict[str, list[int]], on_time: dict[str, list[int]],
                  days: dict[str, list[int]]) -> None:
    province = branch.get(p["unit"])
    if province is None:
        return
    events = p.get("events", [])
    received = p["received_on"]
    within = p.get("in_jurisdiction", True)
    if "2021-01-01" <= received < "2026-01-01" and within:
        cell = rates[province]
        cell[1] += 1
        cell[0] += bool(events) and events[-1]["kind"] == "resolved" and events[-1]["on"] < "2026-01-01"
    accepted = next((e["on"] for e in events if e["kind"] == "accepted"), None)
    if accepted is None or received > "2025-12-31":
        return
    done = next((e["on"] for e in events if e["kind"] == "resolved" and e["on"] >= accepted), None)
    if done is not None and "2021-01-01" <= done < "2026-01-01":
        days[province].append((dt.date.fromisoformat(done) - dt.date.fromisoformat(accepted)).days)
    known = [e for e in events if e["on"] <= "2025-12-31"]
    entry = due.get(f"{p['kind']}|{p.get('complexity', 'ordinary')}|{int(within)}|{accepted}")
    if entry is None or not entry[1] or not "2021-01-01" <= entry[0] < "2026-01-01":
        return
    limit, completed_by = entry
    completed = next((e["on"] for e in known if e["kind"] in completed_by and e["on"] >= accepted),
                     None)
    ended = known[-1]["on"] if completed is None and known[-1]["kind"] in CLOSING else None
    if completed is not None:
        met = completed <= limit
    elif (ended is None and limit < "2025-12-31") or (ended is not None and ended > limit):
        met = False
    else:
        return
    cell = on_time[province]
    cell[0] += met
    cell[1] += 1


def run_plain(text: str, side: dict[str, Any]) -> Results:
    """A plain Python loop over the dicts of ``json.loads``."""
    branch, due = side["branch"], side["due"]
    rates: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    on_time: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    days: dict[str, list[int]] = defaultdict(list)
    for p in json.loads(text)["petitions"]:
        _one_petition(p, branch, due, rates, on_time, days)
    return _finish(rates, on_time, days)


def run_pandas(text: str, side: dict[str, Any]) -> Results:
    """``json.loads``, a DataFrame of one row per petition, vectorised rules, ``groupby``."""
    import pandas as pd

    rows = []
    for p in json.loads(text)["petitions"]:
        events = p.get("events", [])
        known = [e for e in events if e["on"] <= "2025-12-31"]
        accepted = next((e["on"] for e in events if e["kind"] == "accepted"), None)
        resolved = next((e["on"] for e in events if e["kind"] == "resolved"), None)
        rows.append((p["unit"], p["kind"], p.get("complexity", "ordinary"),
                     p.get("in_jurisdiction", True), p["received_on"],
                     events[-1]["kind"] if events else "", events[-1]["on"] if events else "",
                     accepted, resolved,
                     next((e["on"] for e in known if e["kind"] == "resolved"), None),
                     known[-1]["kind"] if known else "", known[-1]["on"] if known else ""))
    frame = pd.DataFrame(rows, columns=["unit", "kind", "complexity", "within", "received",
                                        "last_kind", "last_on", "accepted", "resolved",
                                        "resolved_known", "known_kind", "known_on"])
    frame["province"] = frame["unit"].map(side["branch"])
    frame = frame[frame["province"].notna()]
    inside = frame[(frame.received >= "2021-01-01") & (frame.received < "2026-01-01")
                   & frame.within]
    hit = (inside.last_kind == "resolved") & (inside.last_on < "2026-01-01")
    rates = inside.assign(hit=hit).groupby("province").agg(part=("hit", "sum"),
                                                           total=("hit", "size"))
    open_ = frame[frame.accepted.notna() & (frame.received <= "2025-12-31")].copy()
    done = open_[open_.resolved.notna() & (open_.resolved >= "2021-01-01")
                 & (open_.resolved < "2026-01-01")]
    span = (pd.to_datetime(done.resolved) - pd.to_datetime(done.accepted)).dt.days
    medians = span.groupby(done.province).apply(lambda s: _median(s.tolist()))
    keys = (open_.kind + "|" + open_.complexity + "|" + open_.within.astype(int).astype(str)
            + "|" + open_.accepted)
    table = pd.DataFrame.from_dict(side["due"], orient="index", columns=["due", "completed_by"])
    open_ = open_.assign(due=keys.map(table["due"]))
    assert all("resolved" in c for c in table["completed_by"])  # one rule shape: resolved completes
    open_ = open_[open_.due.notna() & (open_.due >= "2021-01-01") & (open_.due < "2026-01-01")]
    completed = open_.resolved_known
    closed = open_.known_kind.isin(CLOSING) & completed.isna()
    met = completed.notna() & (completed <= open_.due)
    missed = (completed.notna() & (completed > open_.due)) | (
        completed.isna() & ~closed & (open_.due < "2025-12-31")) | (
        closed & (open_.known_on > open_.due))
    counted = open_.assign(met=met, counted=met | missed)
    counted = counted[counted.counted]
    on_time = counted.groupby("province").agg(part=("met", "sum"), total=("met", "size"))
    return {"resolution": {k: [int(r.part), int(r.total)] for k, r in rates.sort_index().iterrows()},
            "on_time": {k: [int(r.part), int(r.total)] for k, r in on_time.sort_index().iterrows()},
            "median_days": {k: [m] for k, m in medians.sort_index().items()}}


def run_duckdb(text: str, side: dict[str, Any]) -> Results:
    """Hand-written DuckDB SQL over the JSON text (written to a temporary file)."""
    import duckdb

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "data.json"
        path.write_text(text, encoding="utf-8")
        con = duckdb.connect()
        con.execute("SET threads TO 2")
        for table, rows in (("branch", side["branch"].items()),
                            ("due", [(k, v[0]) for k, v in side["due"].items()
                                     if "resolved" in v[1]])):
            csv = Path(folder) / f"{table}.csv"
            csv.write_text("".join(f"{a}\t{b}\n" for a, b in rows), encoding="utf-8")
            con.execute(f"CREATE TABLE {table} AS SELECT column0 AS a, column1 AS b FROM "
                        f"read_csv('{csv}', delim='\t', header=false, all_varchar=true)")
        con.execute("ALTER TABLE branch RENAME a TO unit")
        con.execute("ALTER TABLE branch RENAME b TO province")
        con.execute("ALTER TABLE due RENAME a TO key")
        con.execute("ALTER TABLE due RENAME b TO due")
        con.execute(f"""
            CREATE TABLE p AS
            SELECT t.unit, t.kind, coalesce(t.complexity, 'ordinary') AS complexity,
                   coalesce(t.in_jurisdiction, true) AS within, t.received_on AS received,
                   coalesce(t.events, []) AS events
            FROM (SELECT unnest(petitions) AS t FROM read_json('{path}',
                  maximum_object_size=2000000000,
                  columns={{'petitions': 'STRUCT(unit VARCHAR, kind VARCHAR, complexity VARCHAR,
                           in_jurisdiction BOOLEAN, received_on VARCHAR,
                           events STRUCT(kind VARCHAR, "on" VARCHAR)[])[]'}}))""")
        con.execute("""
            CREATE TABLE f AS
            SELECT b.province, p.*,
                   p.events[-1].kind AS last_kind, p.events[-1]."on" AS last_on,
                   list_filter(p.events, lambda e: e."on" <= '2025-12-31') AS known,
                   (list_filter(p.events, lambda e: e.kind = 'accepted'))[1]."on" AS accepted
            FROM p JOIN branch b USING (unit)""")
        rates = con.execute("""
            SELECT province, sum((last_kind = 'resolved' AND last_on < '2026-01-01')::INT), count(*)
            FROM f WHERE received >= '2021-01-01' AND received < '2026-01-01' AND within
            GROUP BY province ORDER BY province""").fetchall()
        spans = con.execute("""
            WITH s AS (
              SELECT province, accepted,
                     (list_filter(events, lambda e: e.kind = 'resolved'
                                                  AND e."on" >= accepted))[1]."on" AS done
              FROM f WHERE accepted IS NOT NULL AND received <= '2025-12-31')
            SELECT province, list(date_diff('day', accepted::DATE, done::DATE))
            FROM s WHERE done >= '2021-01-01' AND done < '2026-01-01'
            GROUP BY province ORDER BY province""").fetchall()
        on_time = con.execute("""
            WITH s AS (
              SELECT province, d.due,
                     (list_filter(known, lambda e: e.kind = 'resolved'
                                                 AND e."on" >= accepted))[1]."on" AS completed,
                     known[-1].kind AS known_kind, known[-1]."on" AS known_on
              FROM f JOIN due d ON d.key = kind || '|' || complexity || '|' || within::INT || '|' || accepted
              WHERE accepted IS NOT NULL AND received <= '2025-12-31'
                AND d.due >= '2021-01-01' AND d.due < '2026-01-01'),
            o AS (
              SELECT province,
                     CASE WHEN completed IS NOT NULL THEN (completed <= due)::INT
                          WHEN known_kind IN ('declined', 'resolved', 'transferred', 'withdrawn')
                               THEN CASE WHEN known_on > due THEN 0 END
                          WHEN '2025-12-31' > due THEN 0 END AS met
              FROM s)
            SELECT province, sum(met), count(met) FROM o WHERE met IS NOT NULL
            GROUP BY province ORDER BY province""").fetchall()
    return {"resolution": {k: [int(a), int(b)] for k, a, b in rates},
            "on_time": {k: [int(a), int(b)] for k, a, b in on_time},
            "median_days": {k: [_median(list(v))] for k, v in spans}}


def _parquet_sql(con: Any, folder: Path, side: dict[str, Any]) -> Results:
    """The three indicators in hand-written DuckDB SQL over the Parquet tables."""
    import pyarrow as pa

    due = {k: v[0] for k, v in side["due"].items() if "resolved" in v[1]}
    con.register("branch", pa.table({"unit": list(side["branch"]),
                                     "province": list(side["branch"].values())}))
    con.register("due_text", pa.table({"key": list(due), "due": list(due.values())}))
    con.execute("CREATE TABLE due AS SELECT key, due::DATE AS due FROM due_text")
    con.execute(f"""
        CREATE TEMP TABLE f AS
        WITH p AS (SELECT id, unit, kind, complexity, in_jurisdiction AS within, received_on AS received
                   FROM read_parquet('{folder}/petitions/**/*.parquet', hive_partitioning = true)),
        e AS (SELECT petition AS id, position, kind, "on"
              FROM read_parquet('{folder}/petition_events/**/*.parquet', hive_partitioning = true)),
        a AS (SELECT id, arg_max(kind, position) AS last_kind, arg_max("on", position) AS last_on,
                     arg_min("on", position) FILTER (WHERE kind = 'accepted') AS accepted,
                     arg_max(kind, position) FILTER (WHERE "on" <= DATE '2025-12-31') AS known_kind,
                     arg_max("on", position) FILTER (WHERE "on" <= DATE '2025-12-31') AS known_on
              FROM e GROUP BY id),
        r AS (SELECT e.id, arg_min(e."on", e.position) AS done,
                     arg_min(e."on", e.position) FILTER (WHERE e."on" <= DATE '2025-12-31') AS completed
              FROM e JOIN a USING (id) WHERE e.kind = 'resolved' AND e."on" >= a.accepted GROUP BY e.id)
        SELECT b.province, p.*, a.* EXCLUDE (id), r.done, r.completed
        FROM p JOIN branch b USING (unit) LEFT JOIN a USING (id) LEFT JOIN r USING (id)""")
    rates = con.execute("""
        SELECT province, sum((last_kind = 'resolved' AND last_on < DATE '2026-01-01')::INT), count(*)
        FROM f WHERE received >= DATE '2021-01-01' AND received < DATE '2026-01-01' AND within
        GROUP BY province ORDER BY province""").fetchall()
    spans = con.execute("""
        SELECT province, list(done - accepted) FROM f
        WHERE accepted IS NOT NULL AND received <= DATE '2025-12-31'
          AND done >= DATE '2021-01-01' AND done < DATE '2026-01-01'
        GROUP BY province ORDER BY province""").fetchall()
    on_time = con.execute("""
        WITH o AS (
          SELECT province,
                 CASE WHEN completed IS NOT NULL THEN (completed <= d.due)::INT
                      WHEN known_kind IN ('declined', 'resolved', 'transferred', 'withdrawn')
                           THEN CASE WHEN known_on > d.due THEN 0 END
                      WHEN DATE '2025-12-31' > d.due THEN 0 END AS met
          FROM f JOIN due d
            ON d.key = kind || '|' || complexity || '|' || within::INT || '|'
                       || strftime(accepted, '%Y-%m-%d')
          WHERE accepted IS NOT NULL AND received <= DATE '2025-12-31'
            AND d.due >= DATE '2021-01-01' AND d.due < DATE '2026-01-01')
        SELECT province, sum(met), count(met) FROM o WHERE met IS NOT NULL
        GROUP BY province ORDER BY province""").fetchall()
    return {"resolution": {k: [int(a), int(b)] for k, a, b in rates},
            "on_time": {k: [int(a), int(b)] for k, a, b in on_time},
            "median_days": {k: [_median(list(v))] for k, v in spans}}


def run_sql_parquet(folder: Path, side: dict[str, Any]) -> Results:
    """Hand-written DuckDB SQL over the Parquet tables (hive-partitioned by province and year)."""
    import duckdb

    return _parquet_sql(duckdb.connect(), folder, side)


def _results(found: dict[str, Any]) -> Results:
    rate, on_time, days = (found[i][1].parts for i in INDICATORS)
    return {"resolution": {k: [r.value.numerator, r.value.denominator] for k, r in rate.items()},
            "on_time": {k: [r.value.numerator, r.value.denominator] for k, r in on_time.items()},
            "median_days": {k: [str(r.value.median) if r.value.count else "-"]
                            for k, r in days.items()}}


def _columnar(engine: str) -> Callable[[Path, dict[str, Any]], Results]:
    def run(folder: Path, side: dict[str, Any]) -> Results:
        """danvan's columnar engine on ``engine`` over the Parquet tables, the three indicators."""
        from danvan.engines._frames import Frames
        from danvan.engines.columnar import evaluate
        from danvan.indicators import get
        from danvan.indicators.reporting import resolve_over

        frames = Frames(folder, engine)
        from danvan.engines.columnar import _registry

        scope, period = resolve_over(_registry(frames, None), list, "VN", PERIOD, "")
        found = evaluate(frames, [get(i) for i in INDICATORS], scope, period,
                         {i: [("unit",)] for i in INDICATORS})
        return _results(found)

    return run


def run_catalogue(folder: Path, side: dict[str, Any]) -> Results:
    """The whole catalogue (every indicator with its usual breakdowns) columnar on DuckDB:
    ``danvan.report(folder, engine="duckdb")``; its two headline rates as totals."""
    import danvan

    found = danvan.report(folder, "VN", PERIOD, engine="duckdb")
    return {"totals": {i: [found[i].value.numerator, found[i].value.denominator]
                       for i in INDICATORS[:2]}}


def run_danvan(text: str, side: dict[str, Any]) -> Results:
    """``danvan.loads`` and the record engine, the three indicators broken down by unit."""
    import danvan
    from danvan.indicators import evaluate, get, resolve

    data = danvan.loads(text, danvan.Dataset)
    scope, period = resolve(data, "VN", PERIOD)
    chosen = [get(i) for i in INDICATORS]
    return _results(evaluate(data, chosen, scope, period, {i: [("unit",)] for i in INDICATORS}))


#: The approaches over the JSON text, and those over the Parquet tables.
APPROACHES: dict[str, Callable[[str, dict[str, Any]], Results]] = {
    "plain": run_plain, "pandas": run_pandas, "duckdb": run_duckdb, "danvan": run_danvan}
ON_PARQUET: dict[str, Callable[[Path, dict[str, Any]], Results]] = {
    "sql-parquet": run_sql_parquet, "columnar-duckdb": _columnar("duckdb"),
    "columnar-polars": _columnar("polars"), "catalogue-duckdb": run_catalogue}
#: What each approach's ratio is to: the hand-written SQL over the same input.
BASE = {**dict.fromkeys(APPROACHES, "duckdb"), **dict.fromkeys(ON_PARQUET, "sql-parquet")}


def _available(name: str) -> bool:
    module = {"pandas": "pandas", "duckdb": "duckdb", "sql-parquet": "duckdb",
              "columnar-duckdb": "duckdb", "catalogue-duckdb": "duckdb",
              "columnar-polars": "polars"}.get(name)
    if module is None:
        return True
    try:
        __import__(module)
    except ImportError:
        return False
    return True


def child(name: str, folder: Path, data: Path) -> int:
    """One timed run of approach ``name`` (over ``folder``'s JSON, or the Parquet tables in
    ``data``), as one JSON line."""
    side = json.loads((folder / "tables.json").read_text(encoding="utf-8"))
    began, cpu = time.perf_counter(), time.process_time()
    if name in ON_PARQUET:
        results = ON_PARQUET[name](data, side)
    else:
        results = APPROACHES[name]((folder / "data.json").read_text(encoding="utf-8"), side)
    seconds, cpu = time.perf_counter() - began, time.process_time() - cpu
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "cpu": cpu, "rss_mb": rss, "results": results}))
    return 0


def _totals(results: Results) -> Results:
    """The two rates over the whole scope, summed from their provinces."""
    return {"totals": {ident: [sum(v[0] for v in results[key].values()),
                               sum(v[1] for v in results[key].values())]
                       for ident, key in zip(INDICATORS[:2], ("resolution", "on_time"), strict=False)}}


def _run(approaches: list[str], folder: Path, data: Path, repeat: int) -> dict[str, list[Any]] | None:
    """Each approach ``repeat`` times, in turn (a busy machine slows them alike), each in its
    own process."""
    runs: dict[str, list[dict[str, Any]]] = {}
    for _ in range(repeat):
        for approach in approaches:
            done = subprocess.run(
                [sys.executable, __file__, "--child", approach, "--folder", str(folder),
                 "--data", str(data)], capture_output=True, text=True, check=False)
            if done.returncode:
                print(f"{approach} failed:\n{done.stderr}", file=sys.stderr)
                return None
            runs.setdefault(approach, []).append(json.loads(done.stdout))
    return runs


def _print(runs: dict[str, list[Any]]) -> bool:
    """The table of times, RSS and ratios; whether every approach gave the same answers."""
    reference = next(a for a in runs if a != "catalogue-duckdb")
    expected = runs[reference][0]["results"]
    print(f"{'approach':<17} {'min s':>8} {'median s':>9} {'min CPU s':>10} {'peak RSS MB':>12} "
          f"{'× SQL':>7}  same answers")
    ok = True
    for approach, rs in runs.items():
        times = [r["seconds"] for r in rs]
        want = _totals(expected) if approach == "catalogue-duckdb" else expected
        same = all(r["results"] == want for r in rs)
        base = runs.get(BASE[approach])
        ratio = f"{min(times) / min(r['seconds'] for r in base):7.2f}" if base else f"{'-':>7}"
        print(f"{approach:<17} {min(times):8.2f} {statistics.median(times):9.2f} "
              f"{min(r['cpu'] for r in rs):10.2f} {max(r['rss_mb'] for r in rs):12.0f} {ratio}  "
              f"{'yes' if same else 'NO'}")
        if not same:
            print(f"  {approach} differs from {reference}", file=sys.stderr)
            ok = False
    if "danvan" in runs and "plain" in runs:
        ratio = min(r["seconds"] for r in runs["danvan"]) / min(r["seconds"] for r in runs["plain"])
        print(f"danvan record engine / plain loop: {ratio:.2f}")
    return ok


def main(argv: Sequence[str] | None = None) -> int:
    """Generate the data, run every approach ``--repeat`` times, print times, RSS and ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--small", action="store_true", help="20.000 petitions, for CI")
    parser.add_argument("--n", type=int, default=None, help="petitions (default 1.000.000)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--repeat", type=int, default=None, help="runs of each (3; --small: 1)")
    parser.add_argument("--only", nargs="*", choices=[*APPROACHES, *ON_PARQUET], default=None)
    parser.add_argument("--columnar-only", action="store_true",
                        help="only the Parquet approaches: the SQL and the columnar engine (10M)")
    parser.add_argument("--data", type=Path, default=None,
                        help="the Parquet tables written once by _national.py --tables (same N "
                             "and seed; default: written here)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        return child(args.child, args.folder, args.data)
    n = args.n or (20_000 if args.small else 1_000_000)
    repeat = args.repeat or (1 if args.small else 3)
    approaches = args.only or ([a for a in ON_PARQUET if a != "columnar-polars"]
                               if args.columnar_only else [*APPROACHES, *ON_PARQUET])
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        began = time.perf_counter()
        (folder / "tables.json").write_text(json.dumps(tables()), encoding="utf-8")
        if any(a in APPROACHES for a in approaches):
            text = national_json(n, args.seed)
            (folder / "data.json").write_text(text, encoding="utf-8")
            print(f"{n:,} petitions, {len(text.encode()) / 1e6:.0f} MB of JSON, seed {args.seed}")
            del text
        data = args.data
        if data is None and any(a in ON_PARQUET for a in approaches):
            data = national_tables(n, folder / "tables", args.seed)
        print(f"{n:,} petitions over the shipped units (generated with the side tables in "
              f"{time.perf_counter() - began:.1f} s)")
        runs = _run([a for a in approaches if _available(a)], folder, data or folder, repeat)
    if runs is None:
        return 1
    return 0 if _print(runs) else 1


if __name__ == "__main__":
    raise SystemExit(main())
