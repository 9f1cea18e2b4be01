"""How long the shipped Vietnam registry takes to load and to answer, against a baseline.

Run: ``.venv/bin/python benchmarks/bench_vietnam_units.py [--small]``. The baseline is the
time to ``gzip.open`` and ``csv.reader`` the same two tables without building
anything, measured in the same run; each figure is the best of several rounds.

The last lines time registries of growing size (reliability findings F11–F13)
and name folding of growing runs of spaces (F12): each is printed against the
same work at half the size, so a ratio near 2 is linear and near 4 quadratic.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import gzip
import random
import time
from collections.abc import Callable
from importlib import resources

from danvan import vietnam
from danvan._text import fold
from danvan.records.units import Succession, Unit, UnitRegistry
from danvan.records.vocabulary import UnitKind, UnitLevel

ROUNDS = 5


def best(action: Callable[[], object], rounds: int = ROUNDS) -> float:
    """The shortest of ``rounds`` runs of ``action``, in seconds."""
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def baseline() -> None:
    """Read both tables row by row, building nothing."""
    folder = resources.files("danvan.vietnam").joinpath("_data")
    for name in ("units.csv.gz", "successions.csv.gz"):
        with folder.joinpath(name).open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as f:
            for _ in csv.reader(f):
                pass


def load() -> None:
    """Build the registry from scratch (the cache cleared first)."""
    vietnam.registry.cache_clear()
    vietnam.registry()


def chain(n: int) -> None:
    """Build a chain of ``n`` successions and of ``n`` parents, then walk both."""
    days = [dt.date(2000, 1, 1) + dt.timedelta(days=i) for i in range(n + 1)]
    units = [Unit(f"U{i}", f"Xã {i}", UnitLevel.COMMUNE, valid_from=days[i] if i else None,
                  valid_to=days[i + 1] if i < n else None) for i in range(n + 1)]
    units += [Unit(f"N{i}", f"Khu {i}", UnitLevel.RESIDENTIAL, parent=f"N{i - 1}" if i else None)
              for i in range(n)]
    reg = UnitRegistry(units, [Succession(days[i + 1], (f"U{i}",), (f"U{i + 1}",))
                               for i in range(n)])
    reg.resolve("U0", days[-1])
    reg.ancestors(f"N{n - 1}")


def growth(name: str, action: Callable[[int], object], size: int,
           ) -> tuple[str, float, float]:
    """``action(size)`` timed, with its ratio to ``action(size // 2)``."""
    full = best(lambda: action(size), rounds=3)
    half = best(lambda: action(size // 2), rounds=3)
    return (f"{name}, n={size} (x n/2)", full, full / half)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--small", action="store_true", help="smaller sizes, for CI")
    small = parser.parse_args().small
    base = best(baseline)
    loaded = best(load)
    reg = vietnam.registry()
    codes = [u.code for u in reg]
    random.seed(0)
    sample = random.sample(codes, 1000)
    get = best(lambda: [reg.get(code) for code in sample]) / len(sample)
    resolve = best(lambda: [reg.resolve_default(code, vietnam.REFORM) for code in sample])
    fresh = reg.combine()  # a copy whose name index is not built yet
    first_find = best(lambda: fresh.find("Phúc Xá"), rounds=1)
    find = best(lambda: vietnam.find("Mỹ Bình", province="An Giang"), rounds=50)
    extra = [Unit(f"KDC-{i}", f"Khu {i}", UnitLevel.RESIDENTIAL, UnitKind.ADMINISTRATIVE_AREA,
                  parent="30280", valid_to=dt.date(2025, 7, 1)) for i in range(1000)]
    combine = best(lambda: reg.combine(extra))
    as_of = best(lambda: reg.as_of(dt.date(2024, 1, 1)))
    rows = [
        ("baseline: gzip + csv.reader of both tables", base, 1.0),
        ("load: vietnam.registry() from scratch", loaded, loaded / base),
        ("registry.get(code), per call", get, get / base),
        ("resolve_default(code, REFORM), 1000 codes", resolve, resolve / base),
        ("first registry.find (builds the name index)", first_find, first_find / base),
        ("vietnam.find(name, province=...), per call", find, find / base),
        ("combine(1000 residential areas)", combine, combine / base),
        ("as_of(2024-01-01)", as_of, as_of / base),
        growth("successions + parent chain (F11, F13)", chain, 2000 if small else 8000),
        growth("fold of n spaces (F12)", lambda n: fold(" " * n + "x"),
               400_000 if small else 4_000_000),
    ]
    print(f"{'what':<48} {'milliseconds':>13} {'x baseline':>11}")
    for what, seconds, ratio in rows:
        print(f"{what:<48} {seconds * 1000:>13.4f} {ratio:>11.4f}")


if __name__ == "__main__":
    main()
