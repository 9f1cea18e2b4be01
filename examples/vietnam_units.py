"""Count petitions of 2021–2025 under the new tỉnh An Giang, across the 2025 reform.

Run: ``.venv/bin/python examples/vietnam_units.py``. Cells are marked ``# %%``
so that editors run them one by one like a notebook.

On 1 July 2025 the old An Giang (code 89) and Kiên Giang (code 91) became the
new An Giang, which kept code 91 (Nghị quyết 202/2025/QH15), and their
communes were merged into 102 new ones. A report for "tỉnh An Giang,
2021–2025" must count the records of both old provinces. Each record names the
commune it was filed in, by the code valid on the day it was filed; we resolve
that code to its commune on 1 July 2025 and take that commune's province.
"""

# %% Load the shipped registry (read once, cached).
from __future__ import annotations

import datetime as dt
import random
from collections import Counter

from danvan.records.units import Succession
from danvan.records.vocabulary import UnitLevel
from danvan.vietnam import REFORM, registry

reg = registry()
print(reg)

# %% Synthetic petitions: plain dicts, filed in communes of the old An Giang and
# Kiên Giang before the reform, and in communes of the new An Giang after it.
rng = random.Random(2025)
before = REFORM - dt.timedelta(days=1)
old_communes = [
    u.code
    for province in ("89", "91")
    for u in reg.descendants(province, before)
    if u.level is UnitLevel.COMMUNE
]
new_communes = [u.code for u in reg.children("91", REFORM)]
kinds = ["khiếu nại", "tố cáo", "kiến nghị, phản ánh"]


def petition(number: int, start: dt.date, end: dt.date, communes: list[str]) -> dict[str, object]:
    """One synthetic petition filed between ``start`` and ``end`` (inclusive)."""
    day = start + dt.timedelta(days=rng.randrange((end - start).days + 1))
    return {"id": f"DT-{number:05d}", "received_on": day, "kind": rng.choice(kinds),
            "commune": rng.choice(communes)}


records = [petition(i, dt.date(2021, 1, 1), before, old_communes) for i in range(1500)]
records += [petition(1500 + i, REFORM, dt.date(2025, 12, 31), new_communes) for i in range(300)]
print(len(records), "records; first:", records[0])

# %% Resolve each record's commune to its commune on 1 July 2025, then to its province.
province_count: Counter[str] = Counter()
commune_count: Counter[str] = Counter()
for record in records:
    code = str(record["commune"])
    new = reg.resolve_default(code, REFORM)
    if new is None:  # the unit ended without a successor (not the case for communes)
        continue
    province = next(u for u in reg.ancestors(new, REFORM) if u.level is UnitLevel.PROVINCE)
    province_count[province.name] += 1
    commune_count[reg.get(new, REFORM).name] += 1

print(province_count)
assert province_count == {"Tỉnh An Giang": len(records)}

# %% Where the records came from: the province of the commune on the day of filing.
origin: Counter[str] = Counter()
for record in records:
    day = record["received_on"]
    assert isinstance(day, dt.date)
    chain = reg.ancestors(str(record["commune"]), day)
    name = next(u.name for u in chain if u.level is UnitLevel.PROVINCE)
    origin[f"{name} ({'before' if day < REFORM else 'from'} 1 July 2025)"] += 1
print(origin)

# %% The new communes with the most records.
for name, count in commune_count.most_common(5):
    print(f"{name:<28} {count:>4}")

# %% Records filed in a commune that was divided went to its default successor;
# the other successors are kept on the succession for a closer reassignment.
divided: Counter[Succession] = Counter()
for record in records:
    day = record["received_on"]
    assert isinstance(day, dt.date)
    if day >= REFORM:
        continue  # filed under a code of the new system: nothing to reassign
    for succession in reg.successors(str(record["commune"])):
        if len(succession.successors) > 1:
            divided[succession] += 1
for succession, count in divided.most_common(3):
    names = [reg.get(code, REFORM).name for code in succession.successors]
    print(f"{count} record(s) of {succession.predecessors[0]}: default {names[0]}, also {names[1:]}")

# %% The same count through the indicator engine: a Scope rooted at the new An Giang
# carries every record's commune forward to 1 July 2025 and rolls it up.
import danvan  # noqa: E402

petitions = tuple(
    danvan.Petition(str(r["id"]), danvan.PetitionKind.from_label(str(r["kind"])),
                    r["received_on"], str(r["commune"]))  # type: ignore[arg-type]
    for r in records
)
dataset = danvan.Dataset.with_units(reg, petitions=petitions)
received = danvan.compute(dataset, "petitions.received", scope="91", period="2021-2025", by="kind")
print(received)
for kind, part in received.parts.items():
    print(f"  {kind}: {part.format()}")
assert received.value == len(records)
