"""A seeded, reproducible national dataset of petitions, written as danvan JSON.

The units are the shipped ones (:func:`danvan.vietnam.registry`), before and
after the 1 July 2025 reform, with their successions. Petitions are received
from 2021 to 2025 by a commune that exists on that day, and follow a whole
lifecycle: accepted or declined, transferred or withdrawn, worked on, resolved
or still open. Extensions and suspensions are left out, so that the
hand-written baselines of ``bench_scale.py`` can compute the same time limits
from the rules and calendar tables alone.

The same petitions (same ``n``, same seed) are also written as danvan's tables
(:func:`national_tables`): Parquet folders hive-partitioned by province (the
province of the receiving commune on the day of receipt) and year of receipt,
and CSV files, streamed in chunks so that memory stays bounded at 10M petitions.

``python benchmarks/_national.py N [--seed S] [--out FILE]`` writes the JSON;
``--tables FOLDER`` the tables instead (``--csv`` adds the CSV files).
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import random
import shutil
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from danvan.records.serialization import unstructure
from danvan.records.vocabulary import UnitLevel
from danvan.vietnam import REFORM, registry

__all__ = [
    "FIRST",
    "KINDS",
    "LAST",
    "communes",
    "generate",
    "national_json",
    "national_tables",
    "provinces",
    "write_json",
]

FIRST = dt.date(2021, 1, 1)
LAST = dt.date(2025, 12, 31)
#: Petition kinds and how often each is received.
KINDS = (("complaint", 4), ("denunciation", 2), ("recommendation", 3), ("other", 1))
_DAY = dt.timedelta(days=1)


def communes() -> tuple[list[str], list[str]]:
    """Codes of the communes that exist on every day before the reform, and on every day after it."""
    before, after = [], []
    for unit in registry():
        if unit.level is UnitLevel.COMMUNE:
            if unit.valid_on(FIRST) and unit.valid_on(REFORM - _DAY):
                before.append(unit.code)
            elif unit.valid_on(REFORM) and unit.valid_on(LAST):
                after.append(unit.code)
    return sorted(before), sorted(after)


def _petition(rng: random.Random, i: int, day: dt.date, unit: str, kind: str) -> dict[str, object]:
    record: dict[str, object] = {"id": f"P{i}", "kind": kind, "received_on": day.isoformat(),
                                 "unit": unit}
    if rng.random() < 0.05:
        record["in_jurisdiction"] = False
    if kind == "complaint" and rng.random() < 0.1:
        record["complexity"] = "complex"
    events: list[dict[str, object]] = []
    on = day + rng.randint(0, 14) * _DAY
    fate = rng.random()
    if fate < 0.04:
        events.append({"kind": "withdrawn", "on": on.isoformat()})
    elif fate < 0.10:
        events.append({"kind": "declined", "on": on.isoformat()})
    elif fate < 0.95:
        events.append({"kind": "accepted", "on": on.isoformat()})
        if rng.random() < 0.5:
            on += rng.randint(1, 10) * _DAY
            events.append({"kind": "in_progress", "on": on.isoformat()})
        end = rng.random()
        on += rng.randint(1, 80) * _DAY
        if end < 0.85:
            events.append({"kind": "resolved", "on": on.isoformat()})
        elif end < 0.88:
            events.append({"kind": "withdrawn", "on": on.isoformat()})
    if events:
        record["events"] = events
    return record


def generate(n: int, seed: int = 0) -> Iterator[dict[str, object]]:
    """``n`` petitions as JSON-ready dicts, the same for the same ``seed``."""
    rng = random.Random(seed)
    before, after = communes()
    span = (LAST - FIRST).days + 1
    kinds = [k for k, w in KINDS for _ in range(w)]
    for i in range(n):
        day = FIRST + rng.randrange(span) * _DAY
        unit = rng.choice(before if day < REFORM else after)
        yield _petition(rng, i, day, unit, rng.choice(kinds))


def national_json(n: int, seed: int = 0) -> str:
    """A whole :class:`~danvan.Dataset` as JSON: the shipped units, successions, ``n`` petitions."""
    reg = registry()
    head = {"units": [unstructure(u) for u in reg],
            "successions": [unstructure(s) for s in reg.successions]}
    text = json.dumps(head, ensure_ascii=False)[:-1]
    petitions = ", ".join(json.dumps(p, ensure_ascii=False) for p in generate(n, seed))
    return f'{text}, "petitions": [{petitions}]}}'


def write_json(path: Path, n: int, seed: int = 0) -> Path:
    """Write :func:`national_json` to ``path``, saying what and how long it took."""
    began = time.perf_counter()
    text = national_json(n, seed)
    path.write_text(text, encoding="utf-8")
    print(f"{n:,} petitions, {len(text.encode()) / 1e6:.0f} MB of JSON, seed {seed} "
          f"(generated in {time.perf_counter() - began:.1f} s)")
    return path


def provinces() -> dict[str, str]:
    """The province of each commune of :func:`communes` on the days it receives petitions."""
    from danvan.indicators.scope import Scope

    reg = registry()
    before, after = communes()
    out = {}
    for codes, day in ((before, REFORM - _DAY), (after, LAST)):
        scope = Scope(reg, "VN", day)
        for code in codes:
            placement = scope.place(code)
            assert placement is not None, code
            out[code] = placement.branch
    return out


#: Petition columns and the value a record without them has (the tables' defaults).
_DEFAULTS: dict[str, object] = {"channel": "mail", "in_jurisdiction": True, "crowd_size": None,
                                "complexity": "ordinary", "remote_area": False,
                                "second_instance": False, "discipline": False, "multi_site": False,
                                "known_on": None}


def _columns(records: list[dict[str, object]], province: dict[str, str]) -> tuple[dict[str, list[Any]],
                                                                                 dict[str, list[Any]]]:
    """One chunk of petitions as columns of the ``petitions`` and ``petition_events`` tables."""
    petitions: dict[str, list[Any]] = {name: [] for name in (
        "id", "kind", "received_on", "unit", *_DEFAULTS, "province", "year")}
    events: dict[str, list[Any]] = {name: [] for name in (
        "petition", "position", "kind", "on", "days", "to_unit", "note", "province", "year")}
    for record in records:
        received = dt.date.fromisoformat(str(record["received_on"]))
        where = province[str(record["unit"])]
        for name in ("id", "kind", "unit"):
            petitions[name].append(record[name])
        petitions["received_on"].append(received)
        for name, default in _DEFAULTS.items():
            petitions[name].append(record.get(name, default))
        petitions["province"].append(where)
        petitions["year"].append(received.year)
        steps: list[dict[str, str]] = record.get("events", [])  # type: ignore[assignment]
        for position, event in enumerate(steps, 1):
            for name, value in (("petition", record["id"]), ("position", position),
                                ("kind", event["kind"]), ("on", dt.date.fromisoformat(event["on"])),
                                ("days", None), ("to_unit", None), ("note", ""),
                                ("province", where), ("year", received.year)):
                events[name].append(value)
    return petitions, events


def national_tables(n: int, folder: Path, seed: int = 0, *, csv: bool = False,
                    chunk: int = 500_000) -> Path:
    """The dataset of :func:`national_json` (same ``n`` and ``seed``: the same petitions) as
    danvan's tables under ``folder``: ``units.parquet`` and the succession tables, and
    ``petitions/`` and ``petition_events/`` hive-partitioned by ``province`` and ``year``;
    with ``csv``, ``csv/<table>.csv`` too (without the partition columns)."""
    import pyarrow as pa
    import pyarrow.csv as pcsv
    import pyarrow.parquet as pq

    from danvan.records.dataset import Dataset
    from danvan.tables import to_arrow
    from danvan.tables.schema import arrow_schema

    folder.mkdir(parents=True, exist_ok=True)
    staging = folder / "_staging"
    staging.mkdir(exist_ok=True)
    if csv:
        (folder / "csv").mkdir(exist_ok=True)
    for name, table in to_arrow(Dataset.with_units(registry())).items():
        pq.write_table(table, folder / f"{name}.parquet")
        if csv:
            pcsv.write_csv(table, folder / "csv" / f"{name}.csv")
    names = ("petitions", "petition_events")
    schemas = {name: arrow_schema(name).append(pa.field("province", pa.string())).append(
        pa.field("year", pa.int64())) for name in names}
    writers = {name: pq.ParquetWriter(staging / f"{name}.parquet", schemas[name]) for name in names}
    plain = {name: arrow_schema(name) for name in names}
    csvs = {name: pcsv.CSVWriter(folder / "csv" / f"{name}.csv", plain[name])
            for name in names} if csv else {}
    province = provinces()
    records = generate(n, seed)
    while chunked := list(itertools.islice(records, chunk)):
        for name, columns in zip(names, _columns(chunked, province), strict=True):
            table = pa.Table.from_pydict(columns, schema=schemas[name])
            writers[name].write_table(table)
            if csv:
                csvs[name].write_table(table.select(plain[name].names).cast(plain[name]))
    for writer in [*writers.values(), *csvs.values()]:
        writer.close()
    for name in names:
        _partition(staging / f"{name}.parquet", folder / name)
    shutil.rmtree(staging)
    return folder


def _partition(source: Path, folder: Path) -> None:
    """The Parquet file ``source`` as a folder hive-partitioned by province and year, with one
    file of large row groups per partition (DuckDB spills to disk rather than hold it all)."""
    import duckdb

    shutil.rmtree(folder, ignore_errors=True)
    con = duckdb.connect()
    con.execute(f"SET temp_directory = '{folder.parent / '_spill'}'")
    con.execute("SET memory_limit = '1GB'")
    con.execute("SET preserve_insertion_order = false")
    con.execute(f"COPY (SELECT * FROM read_parquet('{source}')) TO '{folder}' "
                "(FORMAT parquet, PARTITION_BY (province, year))")
    con.close()
    shutil.rmtree(folder.parent / "_spill", ignore_errors=True)


def main(argv: Sequence[str] | None = None) -> int:
    """Write the JSON of ``N`` petitions to ``--out`` (default: stdout)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("n", type=int)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--tables", type=Path, help="write the tables (Parquet) to this folder")
    parser.add_argument("--csv", action="store_true", help="with --tables: CSV files too")
    args = parser.parse_args(argv)
    if args.tables is not None:
        national_tables(args.n, args.tables, args.seed, csv=args.csv)
        return 0
    text = national_json(args.n, args.seed)
    if args.out is None:
        print(text)
    else:
        args.out.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
