"""A count broken down in brackets by another unit: "20 đoàn (vụ việc cũ 11 vụ, mới 09 vụ)".

Reports often count one thing and break it down, in the bracket right after it, in a
unit of its own: delegations by cases, dossiers in sets ("57.689 bộ hồ sơ (57.502 hồ sơ
đúng hạn, 187 hồ sơ quá hạn)"). The parts may add up to the total, but nothing says one
part is one of the total's units, so such a list holds when the parts add up and is
otherwise unverifiable (``Reading.OTHER_UNIT``), never fails.

Read only when the bracket opens right after the count (or its next few words) and holds
nothing but two or more counts of one unit, none of them a share, an amount of money or a
ratio; a bracket whose unit agrees with the count is a plain list, read by
:mod:`danvan.text._claim_rules`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from danvan.text import _claim_patterns as pat
from danvan.text._claim_patterns import Draft
from danvan.text._claim_scan import Layout, Token

__all__ = ["bracket_lists"]

#: From the count to its bracket: at most three words ("57.689 bộ hồ sơ (").
_OPEN = re.compile(r"(?:[ \u00a0]++[^\W\d_]++){0,3}?[ \u00a0]*+\(")
_DIGIT = re.compile(r"\d")


def _count(token: Token) -> bool:
    return (bool(token.units) and not token.percent and not token.money
            and token.denominator is None)


def bracket_lists(text: str, layout: Layout, tokens: Sequence[Token]) -> Iterator[Draft]:
    """A ``parts`` draft (reading ``other_unit``) for each such bracket."""
    index = {opening: k for k, opening in enumerate(layout.opens)}
    for i, total in enumerate(tokens):
        opening = _OPEN.match(text, total.end)
        if opening is None or not _count(total):
            continue
        paren = index.get(opening.end() - 1)
        if paren is None:
            continue
        closing = layout.parens[paren][1]
        parts: list[Token] = []
        for token in tokens[i + 1:]:
            if token.start >= closing:
                break
            parts.append(token)
        if (len(parts) < 2 or any(p.paren != paren or not _count(p) for p in parts)
                or pat.compatible(total, parts[0])
                or not all(pat.same_units(parts[0], p) for p in parts[1:])):
            continue
        gaps = [text[a.end:b.start] for a, b in zip([total, *parts], parts, strict=False)]
        gaps[0] = gaps[0][len(opening.group()):]
        if any(_DIGIT.search(g) for g in [*gaps, text[parts[-1].end:closing]]):
            continue
        labels = [pat.label_of(g) for g in gaps]
        yield Draft("parts", "other_unit", (("total", total, "", False), *(
            ("part", p, label, False) for p, label in zip(parts, labels, strict=True))))
