"""Columns of lists that break down a total and its parts alike (drafts for
:mod:`danvan.text._claim_drafts`).

"có 1.474 đơn gồm: 420 khiếu nại, 26 tố cáo và 1.028 phản ánh, kiến nghị. Đã giải quyết
1.398/1.474 đơn, gồm: 396 khiếu nại, 25 tố cáo và 977 kiến nghị, phản ánh; đang xác minh 76 đơn
(24 khiếu nại, 1 tố cáo và 51 kiến nghị, phản ánh)": the text says 1.474 = 1.398 + 76, and
breaks each of the three down by the same kinds, so each kind adds up as well
(420 = 396 + 24). A column is read only when every list names each kind once, by its unit,
and the kinds are the same in every list; it is an inferred relation, so it holds or is
unverifiable, never fails (``implied_base``).
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from danvan.text._claim_patterns import Draft
from danvan.text._claim_scan import Token

__all__ = ["columns"]

_Key = frozenset[str]


def _kinds(draft: Draft) -> dict[_Key, Token] | None:
    """The parts of a breakdown by their kind (their units), when each kind is named once."""
    if draft.kind != "parts":
        return None
    found: dict[_Key, Token] = {}
    for role, token, _, _ in draft.figures:
        if role != "part":
            continue
        key = frozenset(u.lower() for u in token.units)
        if not key or token.percent or key in found:
            return None
        found[key] = token
    return found if len(found) >= 2 else None


def _value(token: Token, half: bool) -> Decimal:
    return token.denominator if half and token.denominator is not None else token.value


def columns(drafts: Iterable[Draft]) -> list[Draft]:
    """One ``parts`` draft per kind for each total and parts broken down alike."""
    made = list(drafts)
    # a figure is its token and which half of it ("1.398/1.474": two figures, one token)
    breakdowns: dict[tuple[int, bool], dict[_Key, Token]] = {}
    # "1.398/1.474 đơn" restates the total "1.474 đơn" broken down before
    restated: dict[tuple[Decimal, int], list[dict[_Key, Token]]] = {}
    for draft in made:
        kinds = _kinds(draft)
        found = next(((t, d) for role, t, _, d in draft.figures if role == "total"), None)
        if kinds is not None and found is not None:
            token, half = found
            breakdowns.setdefault((token.start, half), kinds)
            restated.setdefault((_value(token, half), token.scale), []).append(kinds)
    result: list[Draft] = []
    done: set[tuple[tuple[int, bool], ...]] = set()
    for draft in made:
        if draft.kind != "parts":
            continue
        whole_figure = next(((t, d) for role, t, _, d in draft.figures if role == "total"), None)
        parts = [(t.start, d) for role, t, _, d in draft.figures if role == "part"]
        if whole_figure is None or len(parts) < 2:
            continue
        total = (whole_figure[0].start, whole_figure[1])
        token, half = whole_figure
        again = restated.get((_value(token, half), token.scale), [])
        tables = [breakdowns.get(total, again[0] if len(again) == 1 else None),
                  *(breakdowns.get(figure) for figure in parts)]
        if any(table is None for table in tables):
            continue
        whole, *rest = [table for table in tables if table is not None]
        if any(table.keys() != whole.keys() for table in rest):
            continue
        key = (total, *parts)
        if key in done:
            continue
        done.add(key)
        for kind, cell in whole.items():
            result.append(Draft("parts", "implied_base", (
                ("total", cell, "", False),
                *(("part", table[kind], "", False) for table in rest))))
    return result
