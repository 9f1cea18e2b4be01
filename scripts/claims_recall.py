"""Print recall and precision of claim extraction against the hand-curated seed lists.

Usage: ``python scripts/claims_recall.py`` (from the repository root). A curated
claim is found when an extracted claim has the same kind and span; it is right
when the verdict and roundings agree too.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from danvan.text.claims import check

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "tests" / "seeds"
CURATED = ROOT / "tests" / "seed_claims"


def main() -> int:
    """Print one line per seed and a total; returns 0."""
    totals = [0, 0, 0, 0]
    print(f"{'seed':<28} {'curated':>7} {'found':>6} {'right':>6} {'extracted':>9} "
          f"{'recall':>7} {'precision':>9}")
    for path in sorted(CURATED.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        text = (SEEDS / data["seed"]).read_text(encoding="utf-8")
        expected = {(c["kind"], tuple(c["span"])): c for c in data["claims"]}
        findings = {(f.claim.kind.code, tuple(f.claim.span)): f for f in check(text)}
        found = [k for k in expected if k in findings]
        right = [k for k in found if findings[k].verdict.code == expected[k]["verdict"]
                 and [r.code for r in findings[k].roundings] == expected[k]["roundings"]]
        counts = [len(expected), len(found), len(right), len(findings)]
        totals = [a + b for a, b in zip(totals, counts, strict=True)]
        _line(data["seed"], *counts)
    _line("all", *totals)
    return 0


def _line(name: str, curated: int, found: int, right: int, extracted: int) -> None:
    recall = found / curated if curated else 1.0
    precision = found / extracted if extracted else 1.0
    print(f"{name:<28} {curated:>7} {found:>6} {right:>6} {extracted:>9} {recall:>7.1%} "
          f"{precision:>9.1%}")


if __name__ == "__main__":
    sys.exit(main())
