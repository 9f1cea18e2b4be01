"""Reconcile seed 000 (huyện Tam Nông) with the Tam Nông records, then with altered records.

Run: ``python examples/reconcile_tam_nong.py``. It prints one line per bound
figure of the report (all agree), then drops the resolution of one petition
and shows which figures no longer agree and which record to look at.
"""

from __future__ import annotations

from pathlib import Path

import attrs

from danvan.records.dataset import Dataset
from danvan.records.serialization import loads
from danvan.records.vocabulary import EventKind
from danvan.text import reconcile
from danvan.text.reconciliation import Agreement, Reconciliation, seed_bindings

ROOT = Path(__file__).parents[1]
REPORT = next((ROOT / "tests" / "seeds").glob("000_*.txt"))
DATA = ROOT / "examples" / "data" / "tam_nong_2016_2021.json"


def show(entries: tuple[Reconciliation, ...]) -> None:
    """One line per bound figure; the records behind any difference."""
    for entry in entries:
        print(f"{entry.verdict.code:9} {entry.printed:>24}  {entry.binding.cell}")
        if entry.verdict is Agreement.DIFFERS:
            print(f"          {entry.explanation}")
            if entry.outside_ids:
                print(f"          in the denominator only: {len(entry.outside_ids)} record(s), "
                      f"e.g. {', '.join(entry.outside_ids[:5])}")


def against(text: str, data: Dataset) -> tuple[Reconciliation, ...]:
    """The report's bound figures against ``data``, with the bindings danvan ships."""
    return reconcile(text, data, scope="236", period="2016-07-01..2021-07-01",
                     bindings=seed_bindings("000"))


def main() -> int:
    """Reconcile the report with the records as built, then after one change."""
    text = REPORT.read_text(encoding="utf-8")
    data = loads(DATA.read_text(encoding="utf-8"), Dataset)
    entries = against(text, data)
    show(entries)
    target = next(p for p in data.petitions
                  if p.in_jurisdiction and p.events and p.events[-1].kind is EventKind.RESOLVED)
    changed = attrs.evolve(target, events=target.events[:-1])
    altered = attrs.evolve(data, petitions=tuple(changed if p is target else p for p in data.petitions))
    print(f"\nAfter dropping the resolution of petition {target.id}:")
    show(tuple(e for e in against(text, altered)
               if e.binding.indicator == "petitions.resolution_rate"))
    return 0 if all(e.verdict is Agreement.AGREES for e in entries) else 1


if __name__ == "__main__":
    raise SystemExit(main())
