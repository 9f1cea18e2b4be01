"""Print the five-year report of huyện Tam Nông (seed 000), computed from its records.

Reads ``examples/data/tam_nong_2016_2021.json`` (written by
``examples/build_datasets.py``) and prints every indicator for the district
(code ``236``) from 1 July 2016 to 30 June 2021, then where one figure came from.

Run: ``python examples/report_tam_nong.py``.
"""

from __future__ import annotations

from pathlib import Path

from danvan.indicators import report
from danvan.records.dataset import Dataset
from danvan.records.serialization import loads
from danvan.values import Rate

DATA = Path(__file__).resolve().parent / "data" / "tam_nong_2016_2021.json"


def main() -> int:
    """Load the records, print the report and the provenance of the resolution rate."""
    dataset = loads(DATA.read_text(encoding="utf-8"), Dataset)
    tam_nong = report(dataset, scope="236", period="2016-07-01..2021-07-01")
    print(tam_nong)
    rate = tam_nong["petitions.resolution_rate"]
    assert isinstance(rate.value, Rate)
    print()
    print(f"{rate.id}: {rate.value.format_ratio()} = {rate.value.format()} "
          f"(truncated, as the report printed it)")
    print(f"  numerator: {len(rate.numerator_ids)} petitions, "
          f"{', '.join(rate.numerator_ids[:3])}, …")
    print(f"  denominator: {len(rate.denominator_ids)} petitions within jurisdiction")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
