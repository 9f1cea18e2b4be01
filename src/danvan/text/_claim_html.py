"""Notebook HTML for the findings of a text: each figure highlighted by its verdict."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from html import escape
from typing import Final

from danvan.text._claim_model import Finding, Verdict

__all__ = ["findings_html"]

_COLOURS: Final = {Verdict.FAILS: "#f8b4b4", Verdict.UNVERIFIABLE: "#e0e0e0", Verdict.HOLDS: "#b7e4c7"}
#: When a figure belongs to several claims, the most serious verdict colours it.
_ORDER: Final = (Verdict.FAILS, Verdict.UNVERIFIABLE, Verdict.HOLDS)


def findings_html(text: str, findings: Sequence[Finding]) -> str:
    """The text, with each stretch inside a figure marked by the findings whose claim has it."""
    covers: list[tuple[int, int, Finding]] = [
        (f.span[0], f.span[1], finding) for finding in findings for f in finding.claim.figures
        if f.span[0] < f.span[1] <= len(text)]
    cuts = sorted({0, len(text), *(a for a, _, _ in covers), *(b for _, b, _ in covers)})
    out = []
    for start, end in itertools.pairwise(cuts):
        piece = escape(text[start:end])
        over = list(dict.fromkeys(f for a, b, f in covers if a <= start and end <= b))
        if not over:
            out.append(piece)
            continue
        verdict = next(v for v in _ORDER if any(f.verdict is v for f in over))
        title = "\n".join(f"{f.verdict.label} ({f.claim.kind.label}): {f.explanation}" for f in over)
        out.append(f"<mark style=\"background:{_COLOURS[verdict]}\" "
                   f"title=\"{escape(title)}\">{piece}</mark>")
    legend = " · ".join(f"<mark style=\"background:{_COLOURS[v]}\">{escape(v.label)}</mark> "
                        f"{sum(f.verdict is v for f in findings)}" for v in _ORDER)
    return (f"<div style=\"white-space:pre-wrap;line-height:1.5\">{''.join(out)}</div>"
            f"<p>{legend}</p>")
