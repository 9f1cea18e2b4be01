"""Measure the claim checker against annotated claims.

Usage:

* ``python scripts/claims_recall.py CORPUS.json`` (for example
  ``../shared/corpus/reports.json``): each report's excerpt is checked whole and
  three figures are printed: checkable claims with the right verdict (%), false
  "holds" (count), plain figures found (%). ``--verbose`` lists every miss;
  ``--misses`` counts the misses by cause and lists each group.
* ``python scripts/claims_recall.py`` (no argument): recall and precision against
  the hand-curated claims of the five seed reports (``tests/seed_claims``).

A corpus claim is matched by its numbers, never by the checker's own output: a
``parts`` claim by its total and the multiset of its parts, a ``ratio`` or
``share`` by numerator, denominator and printed percentage. The expected verdict
is the annotation's ``check``: ``holds`` → holds; ``rounding:half_up`` or
``rounding:truncated`` → holds under that rounding and not the other;
``fails`` and ``rounding:neither`` → fails. An unmatched checkable claim is not
right. A false "holds" is a matched claim annotated ``fails`` or
``rounding:neither`` that the checker says holds. A plain figure (``n/a``) is
found when some finding has a figure of that value.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

from danvan.text.claims import Finding, Role, check

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "tests" / "seeds"
CURATED = ROOT / "tests" / "seed_claims"
_SCALES = (("nghìn tỷ", 10**12), ("ngàn tỷ", 10**12), ("tỷ", 10**9), ("tỉ", 10**9),
           ("triệu", 10**6), ("nghìn", 10**3), ("ngàn", 10**3))


def _values(figure: Any) -> set[Fraction]:
    """The values a printed figure may be compared by: as printed, and in base units."""
    quantity = figure.quantity
    return {Fraction(quantity.value), quantity.base_value}


def _annotated(value: float | int, unit: str | None) -> set[Fraction]:
    number = Fraction(Decimal(str(value)))
    found = {number}
    for word, factor in _SCALES:
        if unit and word in unit:
            found.add(number * factor)
            break
    return found


def _same(figure: Any, value: float | int | None, unit: str | None) -> bool:
    return value is not None and bool(_values(figure) & _annotated(value, unit))


def _matches_parts(finding: Finding, claim: dict[str, Any]) -> bool:
    if finding.claim.kind.code != "parts" or not claim.get("parts"):
        return False
    totals = finding.claim.role(Role.TOTAL) + finding.claim.role(Role.ALTERNATIVE_TOTAL)
    parts = list(finding.claim.role(Role.PART))
    # Shares of one whole: the total, 100%, is implicit in the text and in the finding.
    whole = (not totals and (claim["unit"] or "").startswith("%") and claim["total"] == 100
             and all(p.quantity.unit == "%" for p in parts))
    if not whole and not any(_same(t, claim["total"], claim["unit"]) for t in totals):
        return False
    expected = list(claim["parts"].values())
    if len(parts) != len(expected):
        return False
    for value in expected:
        hit = next((p for p in parts if _same(p, value, claim["unit"])), None)
        if hit is None:
            return False
        parts.remove(hit)
    return True


def _matches_ratio(finding: Finding, claim: dict[str, Any]) -> bool:
    c = finding.claim
    if c.kind.code != "ratio":
        return False
    numerator, denominator = c.first(Role.NUMERATOR), c.first(Role.DENOMINATOR)
    if numerator is None or denominator is None:
        numerator, denominator = c.first(Role.CURRENT), c.first(Role.PREVIOUS)
    if numerator is None or denominator is None:
        return False
    bases = [denominator.quantity.base_value]
    excluded = c.first(Role.EXCLUDED)
    if excluded is not None:  # a base that leaves out the pending cases printed after the rate
        bases.append(bases[0] - excluded.quantity.base_value)
    if not (_same(numerator, claim["numerator"], claim["unit"])
            and (_same(denominator, claim["denominator"], claim["unit"]) or any(
                base in _annotated(claim["denominator"], claim["unit"]) for base in bases))):
        return False
    percent = c.first(Role.PERCENT)
    if claim["printed_percent"] is None:
        return percent is None
    return percent is not None and _same(percent, claim["printed_percent"], None)


def _expected(check_code: str) -> tuple[str, str | None]:
    if check_code.startswith("rounding:"):
        rounding = check_code.split(":", 1)[1]
        if rounding == "neither":
            return "fails", None
        return "holds", {"half_up": "half_up", "truncated": "truncate"}[rounding]
    return check_code, None


def _right(finding: Finding, check_code: str) -> bool:
    verdict, rounding = _expected(check_code)
    if finding.verdict.code != verdict:
        return False
    if rounding is None:
        return True
    codes = {r.code for r in finding.roundings}
    other = "truncate" if rounding == "half_up" else "half_up"
    return rounding in codes and other not in codes


def _numbers(claim: dict[str, Any]) -> list[float | int]:
    if claim["kind"] == "parts":
        return [claim["total"], *(claim["parts"] or {}).values()]
    return [n for n in (claim["numerator"], claim["denominator"]) if n is not None]


def _cause(findings: list[Finding], claim: dict[str, Any]) -> str:
    """Why a checkable claim was missed, in a few coarse groups."""
    unit = claim["unit"]
    numbers = [n for n in _numbers(claim) if n is not None]
    holders = [[f for f in findings if any(_same(g, n, unit) for g in f.claim.figures)]
               for n in numbers]
    if not all(holders):
        return "a figure is not read"
    if claim["kind"] != "parts":
        together = set(map(id, holders[0])) & set(map(id, holders[1]))
        return ("ratio linked, wrong verdict" if together
                else "numerator and denominator not linked")
    totals = [f for f in findings if f.claim.kind.code == "parts"
              and any(_same(t, claim["total"], unit)
                      for t in f.claim.role(Role.TOTAL) + f.claim.role(Role.ALTERNATIVE_TOTAL))]
    if not totals:
        return "total is no list's total"
    parts = [p for f in totals for p in f.claim.role(Role.PART)]
    if all(any(_same(p, n, unit) for p in parts) for n in numbers[1:]):
        return "list has extra parts, or the verdict is wrong"
    return "list lacks parts"


def corpus(path: Path, verbose: bool, misses: bool = False) -> int:
    """Print the three corpus figures; returns 0."""
    reports = json.loads(path.read_text(encoding="utf-8"))
    checkable = right = false_holds = plain = plain_found = 0
    groups: dict[str, list[str]] = {}
    for report in reports:
        findings = check(report["excerpt"])
        figures = [f for finding in findings for f in finding.claim.figures]
        for claim in report["claims"]:
            if claim["check"] == "n/a":
                plain += 1
                hit = any(_same(f, claim["total"], claim["unit"]) for f in figures)
                plain_found += hit
                if verbose and not hit:
                    print(f"  plain figure not found [{report['id']}] {claim['total']} "
                          f"{claim['unit']}: {claim['text'][:100]}")
                continue
            checkable += 1
            matcher = _matches_parts if claim["kind"] == "parts" else _matches_ratio
            matched = [f for f in findings if matcher(f, claim)]
            good = any(_right(f, claim["check"]) for f in matched)
            right += good
            expected, _ = _expected(claim["check"])
            if expected == "fails" and any(f.verdict.code == "holds" for f in matched):
                false_holds += 1
                print(f"  FALSE HOLDS [{report['id']}] {claim['text'][:120]}")
            if not good:
                cause = _cause(findings, claim) if not matched else "matched, wrong verdict"
                groups.setdefault(cause, []).append(
                    f"[{report['id']}] {claim['kind']} {claim['check']}: {claim['text'][:150]!r}")
            if verbose and not good:
                got = ", ".join(f"{f.verdict.code} {f.explanation[:60]}" for f in matched)
                print(f"  wrong [{report['id']}] {claim['kind']} {claim['check']}: "
                      f"{claim['text'][:110]!r} -> {got or 'not found'}")
    if misses:
        for cause, lines in sorted(groups.items(), key=lambda item: -len(item[1])):
            print(f"{len(lines):4} {cause}")
            for line in lines:
                print(f"       {line}")
    print(f"checkable claims with the right verdict: {right}/{checkable} "
          f"({right / checkable:.1%})" if checkable else "no checkable claims")
    print(f"false holds: {false_holds}")
    print(f"plain figures found: {plain_found}/{plain} ({plain_found / plain:.1%})"
          if plain else "no plain figures")
    return 0


def seeds() -> int:
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


def main(argv: Iterable[str]) -> int:
    """Corpus figures for a path argument, the seed table without one."""
    argv = list(argv)
    args = [a for a in argv if a not in ("--verbose", "--misses")]
    if args:
        return corpus(Path(args[0]), "--verbose" in argv, "--misses" in argv)
    return seeds()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
