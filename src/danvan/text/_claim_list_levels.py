"""Figures given level by level, one paragraph per level, after the whole's.

A report gives the whole first, then a paragraph per administrative level that repeats
the same figures::

    … toàn tỉnh đã tiếp nhận 659.245 hồ sơ, đã giải quyết 643.272 hồ sơ; …
    Với cấp tỉnh, … đã tiếp nhận 54.575 hồ sơ; đã giải quyết 51.780 hồ sơ …
    Với cấp huyện, … đã tiếp nhận 340.060 hồ sơ, đã giải quyết 329.596 hồ sơ …
    Với cấp xã, … tiếp nhận 264.610 hồ sơ, đã giải quyết 261.896 hồ sơ …

Each figure is known by the last two or three words of its clause ("đã giải quyết", "tiếp nhận"):
a figure so named in every level's paragraph, and once in the paragraphs just before
them, makes a list whose total is that one. Levels partition the whole, so the list is
complete: its sum holds or fails.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from danvan.text import _claim_patterns as pat
from danvan.text._claim_list_items import Lines, clause_label, top
from danvan.text._claim_patterns import Draft
from danvan.text._claim_scan import Token
from danvan.values._numbers_words import LEVEL_WORDS

__all__ = ["level_lists"]

_LEVEL = re.compile(r"(?<![^\W_])cấp[ \u00a0]++(" + "|".join(
    re.escape(w) for w in sorted(LEVEL_WORDS, key=len, reverse=True)) + r")(?![^\W_])")
#: Where in its paragraph a level is named, and how many paragraphs before hold the whole.
_OPENING = 80
_BEFORE = 3
#: Words that end a clause without naming its figure ("… trước hạn có 323.911 hồ sơ").
_FILLER = frozenset({"có", "là", "còn", "được", "đạt", "với"})
_NOT_DONE = frozenset({"đang", "chưa", "không"})


def _keys(label: str) -> tuple[str, str, str]:
    """The last three and the last two words of a clause label, filler words left out, and
    whether they call the figure done ("đã") or not ("đang", "chưa", "không")."""
    words = label.lower().split()
    while words and words[-1] in _FILLER:
        words.pop()
    last = set(words[-4:])
    aspect = "done" if "đã" in last else "not" if last & _NOT_DONE else ""
    return (" ".join(words[-3:]) if len(words) >= 3 else "",
            " ".join(words[-2:]) if len(words) >= 2 else "", aspect)


def _find(named: list[tuple[Token, tuple[str, str, str]]], figure: Token,
          keys: tuple[str, str, str]) -> Token | None:
    """The one figure of ``named`` of the unit of ``figure`` named by the same last three
    words, or else by the same last two ("đã giải quyết" before "giải quyết"), but never
    done for one and not done for the other ("đang giải quyết")."""
    alike = [(t, k) for t, k in named if pat.same_units(t, figure)
             and not (k[2] and keys[2] and k[2] != keys[2])]
    for index in (0, 1):
        hits = [t for t, k in alike if keys[index] and k[index] == keys[index]]
        if len(hits) == 1:
            return hits[0]
        if hits:
            return None
    return None


def level_lists(text: str, lowered: str, tokens: Sequence[Token]) -> Iterator[Draft]:
    """A ``parts`` draft per figure repeated level by level after the whole's."""
    lines = Lines(text, tokens)
    starts = [t.start for t in tokens]
    levels = []
    for start, end in lines.spans:
        found = _LEVEL.search(lowered, start, min(end, start + _OPENING))
        levels.append(found.group(1) if found else "")
    n = 0
    while n < len(levels):
        m = n
        while m < len(levels) and levels[m] and levels[m] not in levels[n:m]:
            m += 1
        if m - n < 2:
            n = m + 1
            continue
        sections = [[(t, _keys(clause_label(lowered, tokens, starts, t)))
                     for t in top(lines.tokens[k], lowered)[:pat.LOOKBACK]] for k in range(n, m)]
        head = [(t, _keys(clause_label(lowered, tokens, starts, t)))
                for k in range(max(0, n - _BEFORE), n)
                for t in top(lines.tokens[k], lowered)[:pat.LOOKBACK]]
        for figure, keys in sections[0]:
            parts = [figure]
            for section in sections[1:]:
                other = _find(section, figure, keys)
                if other is None:
                    break
                parts.append(other)
            total = _find(head, figure, keys) if len(parts) == len(sections) else None
            if total is not None and _find(sections[0], figure, keys) is figure:
                yield Draft("parts", "partition", (
                    ("total", total, "", False),
                    *(("part", t, f"cấp {level}", False)
                      for t, level in zip(parts, levels[n:m], strict=True))))
        n = m
