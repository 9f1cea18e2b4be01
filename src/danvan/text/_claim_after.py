"""Totals printed after their parts: "tiếp nhận mới 4.131 hồ sơ, kỳ trước chuyển sang 2.171,
lũy kế là 6.302 hồ sơ".

A word of accumulation ("lũy kế", "tổng cộng") before a figure says the figure sums the
ones before it in the clause (back to the sentence's start or a ";"). The list is read
``Reading.LIST``: it holds when the parts add up, fails only when a part exceeds the
total, and is otherwise unverifiable, since the clause may name only some of the total.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from danvan.text import _claim_patterns as pat
from danvan.text._claim_patterns import Draft
from danvan.text._claim_scan import Token

__all__ = ["totals_after"]

#: Between the last part and the total: the word of accumulation, then a few words.
_SUM = re.compile(r"[^\d;()]*?[ \u00a0,](?:lũy kế|luỹ kế|tổng cộng)(?![^\W_])[^\d;()]{0,60}+$")
_REACH = 90
_BREAK = re.compile(r"[;()\d]|(?<![^\W_])(?:trong đó|gồm|bao gồm)(?![^\W_])")
#: The most parts read before one total.
_MOST = 8


def totals_after(lowered: str, tokens: Sequence[Token]) -> Iterator[Draft]:
    """A ``parts`` draft for each total printed after a word of accumulation."""
    for i, total in enumerate(tokens):
        if i < 2 or total.percent or total.denominator is not None or not total.units:
            continue
        last = tokens[i - 1]
        reach = max(last.end, total.start - _REACH)  # a bounded look: linear time
        if last.sentence != total.sentence or not _SUM.match(lowered, reach, total.start):
            continue
        parts: list[Token] = []
        for k in range(i - 1, max(-1, i - 1 - _MOST), -1):
            part = tokens[k]
            if (part.sentence != total.sentence or part.percent or part.denominator is not None
                    or not pat.compatible(part, total)):
                break
            parts.append(part)
            before = tokens[k - 1] if k else None
            if before is None or before.sentence != total.sentence or _BREAK.search(
                    lowered, before.end, part.start):
                break
        if len(parts) < 2 or not pat.is_typed(parts[-1]):
            continue
        parts.reverse()
        yield Draft("parts", "list", (("total", total, "", False),
                                      *(("part", p, "", False) for p in parts)))
