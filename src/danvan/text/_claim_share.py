"""A second look at the rates of one sentence, once its rules have run.

* Rates on one base whose numerators make up the base ("22/27 ý kiến (đạt 81,5%); …
  5/27 ý kiến (chiếm 18,5%)") are shares of one whole: their percentages add up to 100%.
  The list is read ``Reading.LIST``, so rounding never makes it fail.
* A bare X/Y and the percentage closing its bracket after a comma are one rate
  ("(chiếm 38/40 lượt tiếp công dân trong tháng, 95%)").
* "100% <noun>" with no base beside it ("Đến nay, 100% kiến nghị đã được giải quyết")
  is all of the nearest earlier figure counting that noun: the rate T/T. It is read
  ``Reading.IMPLIED_BASE`` and only when the figure is no count of the same act
  ("đã giải quyết 48 đơn … giải quyết 100% đơn" would say 48 is all of a base the
  text does not give).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from decimal import Decimal

from attrs import frozen

from danvan.text import _claim_patterns as pat
from danvan.text._claim_patterns import Draft
from danvan.text._claim_scan import Token
from danvan.values.numbers import Qualifier

__all__ = ["second_look"]

#: The noun right after "100%": "100% đơn kiến nghị", "100% các ý kiến".
_NOUN_AFTER = re.compile(r"[ \u00a0]*+(?:(?:số|các|những)[ \u00a0]++)?([^\W\d_]++(?:[ \u00a0]++[^\W\d_]++)?)")
#: The words a clause opens with, back to a stop, a ";" or a ":".
_CLAUSE = re.compile(r"[^.;:!?\n]{0,80}+$")
#: The words just before a figure, back to a comma or a stop.
_PHRASE = re.compile(r"[^.,;:!?\n()]{0,60}+$")
#: From a bare X/Y to a percentage after a comma, in words only: "… lượt tiếp công dân, ".
_LAST_WORDS = re.compile(r"[^\d%();.,]{0,60}+,[ \u00a0]*+")
_CLOSES = re.compile(r"[ \u00a0]*+\)")
_VERBS = ("giải quyết", "trả lời", "xử lý", "tiếp nhận", "hòa giải", "chuyển")


def _exact(token: Token) -> bool:
    return token.qualifier is Qualifier.EXACT


@frozen
class _Rate:
    numerator: Decimal
    base: Decimal
    unit_token: Token
    percent: Token
    end: int


def _rates(found: Sequence[Draft]) -> list[_Rate]:
    rates = []
    for draft in found:
        if draft.kind != "ratio" or draft.reading != "plain":
            continue
        roles = {role: (token, den) for role, token, _, den in reversed(draft.figures)}
        if not {"numerator", "denominator", "percent"} <= roles.keys():
            continue
        (num, _), (den, slash), (percent, _) = (roles[r] for r in ("numerator", "denominator",
                                                                   "percent"))
        base = den.denominator if slash and den.denominator is not None else den.value
        if _exact(num) and _exact(den) and _exact(percent):
            rates.append(_Rate(num.value, base, den, percent, max(num.end, den.end)))
    return sorted(rates, key=lambda r: r.percent.start)


def _whole(found: Sequence[Draft]) -> Iterator[Draft]:
    """Shares of one whole from rates on one base whose numerators add up to it."""
    listed = {tuple(t.start for _, t, _, _ in d.figures) for d in found if d.kind == "parts"}
    run: list[_Rate] = []
    for rate in [*_rates(found), None]:
        if rate is not None and run and run[-1].base == rate.base and pat.compatible(
                run[-1].unit_token, rate.unit_token) and run[-1].percent.end <= rate.end:
            run.append(rate)
            continue
        if len(run) >= 2 and sum(r.numerator for r in run) == run[0].base:
            shares = tuple(r.percent for r in run)
            if tuple(t.start for t in shares) not in listed:
                yield Draft("parts", "list", tuple(("part", t, "", False) for t in shares))
        run = [rate] if rate is not None else []


def _hundred(lowered: str, found: list[Draft], earlier: Sequence[Token],
             ) -> list[Draft]:
    """Lone "100% <noun>" rates given the base they speak of."""
    result: list[Draft] = []
    starts = [t.start for t in earlier]
    for draft in found:
        lone = draft.figures[0][1] if len(draft.figures) == 1 else None
        if (draft.kind != "ratio" or lone is None or not lone.percent or lone.value != 100
                or not _exact(lone) or draft.reading != "plain"):
            result.append(draft)
            continue
        base = _base_of_all(lowered, lone, earlier, starts)
        if base is None:
            result.append(draft)
            continue
        result.append(Draft("ratio", "implied_base", (
            ("numerator", base, "", False), ("denominator", base, "", False),
            ("percent", lone, "", False))))
    return result


def _base_of_all(lowered: str, lone: Token, earlier: Sequence[Token], starts: list[int],
                 ) -> Token | None:
    noun = _NOUN_AFTER.match(lowered, lone.end)
    if noun is None:
        return None
    words = noun.group(1)
    clause = _CLAUSE.search(lowered, max(0, lone.start - 80), lone.start)
    after = lowered[lone.end:lone.end + 60]
    before = clause.group() if clause else ""
    verbs = {v for v in _VERBS if v in before or v in after}
    first = bisect.bisect_left(starts, lone.start)
    for token in (earlier[k] for k in range(first - 1, max(-1, first - 1 - pat.LOOKBACK), -1)):
        if token.end > lone.start or token.percent or not token.units:
            continue
        if not any(words == u.lower() or words.startswith(u.lower() + " ")
                   for u in token.units):
            continue
        if token.denominator is not None or not _exact(token):
            return None
        opening = _PHRASE.search(lowered, max(0, token.start - 60), token.start)
        words_before = opening.group() if opening else ""
        if any(v in words_before for v in verbs):
            return None  # a count of the same act: the part, not the base
        return token
    return None


def _bracketed(lowered: str, found: list[Draft]) -> list[Draft]:
    """"(chiếm 38/40 lượt tiếp công dân trong tháng, 95%)": a bare X/Y and the percentage
    that closes its bracket, after a comma, are one rate."""
    lone = {d.figures[0][1].start: d for d in found if d.kind == "ratio" and len(d.figures) == 1
            and d.figures[0][1].percent}
    merged: dict[int, Draft] = {}
    for draft in found:
        slash = draft.figures[0][1]
        if (draft.kind != "ratio" or len(draft.figures) != 2 or slash.denominator is None
                or slash.paren < 0):
            continue
        gap = _LAST_WORDS.match(lowered, slash.end)
        rate = lone.get(gap.end()) if gap else None
        if (rate is None or rate.figures[0][1].paren != slash.paren
                or not _CLOSES.match(lowered, rate.figures[0][1].end)):
            continue
        merged[id(rate)] = merged[id(draft)] = Draft("ratio", draft.reading, (
            *draft.figures, rate.figures[0]))
    result, seen = [], set()
    for draft in found:
        replacement = merged.get(id(draft), draft)
        if id(replacement) not in seen:
            seen.add(id(replacement))
            result.append(replacement)
    return result


def second_look(lowered: str, found: list[Draft], earlier: Sequence[Token],
                ) -> list[Draft]:
    """The drafts of one sentence, with the rates read again (see the module docstring)."""
    revised = _hundred(lowered, _bracketed(lowered, found), earlier)
    return [*revised, *_whole(revised)]
