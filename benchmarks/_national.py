"""A seeded, reproducible national dataset of petitions, written as danvan JSON.

The units are the shipped ones (:func:`danvan.vietnam.registry`), before and
after the 1 July 2025 reform, with their successions. Petitions are received
from 2021 to 2025 by a commune that exists on that day, and follow a whole
lifecycle: accepted or declined, transferred or withdrawn, worked on, resolved
or still open. Extensions and suspensions are left out, so that the
hand-written baselines of ``bench_scale.py`` can compute the same time limits
from the rules and calendar tables alone.

``python benchmarks/_national.py N [--seed S] [--out FILE]`` writes the JSON.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
from collections.abc import Iterator, Sequence
from pathlib import Path

from danvan.records.serialization import unstructure
from danvan.records.vocabulary import UnitLevel
from danvan.vietnam import REFORM, registry

__all__ = ["FIRST", "KINDS", "LAST", "communes", "generate", "national_json"]

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


def main(argv: Sequence[str] | None = None) -> int:
    """Write the JSON of ``N`` petitions to ``--out`` (default: stdout)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("n", type=int)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    text = national_json(args.n, args.seed)
    if args.out is None:
        print(text)
    else:
        args.out.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
