"""The base of a rate printed after a count ("… 376 vụ việc KN, đạt 71,3%"), when the base
is printed elsewhere: earlier in the sentence, in the sentence before, or just after the rate.

* The base counts the same thing as the count and is not smaller than it. A count tagged
  with a kind ("vụ việc KN", "đơn tố cáo") takes the nearest earlier figure of the same
  tag ("527 vụ việc KN (…), 46 vụ việc TC … Đến nay, đã giải quyết xong 376 vụ việc KN,
  đạt 71,3%; 35 vụ việc TC, đạt 76%").
* The rate is checked in full (``plain``: it may fail) when the base is the figure just
  before the count in its clause, or when the base and the count are the objects of one
  act ("chỉ đạo giải quyết 226 vụ … Đến nay, 203 vụ đã được giải quyết xong, đạt 89,9%")
  and nothing pending follows. Otherwise the base is only likely (``implied_base``: the
  rate holds or is unverifiable, never fails).
* A figure of the same unit printed right after the rate ("19.255 hồ sơ (đạt 96,55%), hồ sơ
  đến hạn giải quyết 19.944 hồ sơ") may be the base instead: of the two, the one the rate
  fits is taken, and the rate is never more than likely.
"""

from __future__ import annotations

import re
from fractions import Fraction

from danvan.text import _claim_patterns as pat
from danvan.text._claim_scan import Token
from danvan.text._claim_sentence import SentenceBase
from danvan.values.numbers import Interval, Rounding, preimage

__all__ = ["base_of"]

#: A kind written right after a count's unit: an abbreviation ("KN", "TC") or a kind of đơn.
_TAG = re.compile(r"[ \u00a0]++(?:(?P<abbr>[A-ZĐ]{2,5})(?![^\W_])"
                  r"|(?P<kind>khiếu nại|tố cáo|kiến nghị|phản ánh)(?![^\W_]))")
#: The words just before a figure, back to a comma or a stop.
_PHRASE = re.compile(r"[^.,;:!?\n()]{0,60}+$")
#: The clause of a count, back to a stop or a ";".
_CLAUSE = re.compile(r"[^.;!?\n]{0,120}+$")
#: The acts whose object is both the base and the count done.
_ACTS = ("giải quyết", "trả lời", "xử lý")


def _tag(text: str, token: Token) -> str:
    match = _TAG.match(text, token.end)
    if match is None:
        return ""
    return match.group("abbr") or match.group("kind")


def _before(s: SentenceBase, j: int) -> Token | None:
    """The nearest earlier figure counting the same thing as figure ``j`` (of the same tag,
    when ``j`` has one) and not smaller."""
    part = s.tokens[j]
    tag = _tag(s.text, part)
    earlier = [s.tokens[k] for k in s.back(j)] + s.prior[::-1]
    for candidate in earlier[:pat.LOOKBACK]:
        if candidate.percent or not candidate.units or not pat.same_units(candidate, part):
            continue
        if tag and _tag(s.text, candidate) != tag:
            continue
        # "… 4.157 hồ sơ (đạt 99,71%) … 12 hồ sơ (chiếm 0,29%)": shares in a row
        # have the base of the first.
        candidate = s.bases.get(candidate.start, candidate)
        return candidate if candidate.value >= part.value else None
    return None


def _following(s: SentenceBase, i: int, part: Token) -> Token | None:
    """A figure of the same unit right after the rate ``i`` in the same clause."""
    k = i + 1
    if k >= len(s.tokens):
        return None
    after = s.tokens[k]
    gap = s.lowered[s.tokens[i].end:after.start]
    if (len(gap) <= pat.GAP and not any(c in gap for c in ";.")
            and not after.percent and pat.same_units(after, part)):
        return after
    return None


def _fits(part: Token, base: Token, rate: Token) -> bool:
    if base.value == 0 or base.scale != part.scale:
        return False
    computed = Interval.point(Fraction(part.value) / Fraction(base.value) * 100)
    return any(computed.issubset(preimage(rate.value, r)) for r in Rounding)


def _one_act(s: SentenceBase, base: Token, part: Token, rate: Token) -> bool:
    """Whether the base and the count are the objects of one act, named before the base
    and in the count's clause."""
    phrase = _PHRASE.search(s.lowered, max(0, base.start - 60), base.start)
    clause = _CLAUSE.search(s.lowered, max(0, part.start - 120), part.start)
    said = (clause.group() if clause else "") + s.lowered[part.end:rate.start]
    return phrase is not None and any(act in phrase.group() and act in said for act in _ACTS)


def _pending(s: SentenceBase, i: int, part: Token) -> bool:
    """Whether a figure of the count's unit follows the rate in the sentence."""
    return any(not t.percent and pat.same_units(t, part) for t in s.tokens[i + 1:])


def base_of(s: SentenceBase, i: int, j: int) -> tuple[Token, str] | None:
    """The base of the rate ``i`` on the count ``j``, and the reading of the rate."""
    part, rate = s.tokens[j], s.tokens[i]
    base = _before(s, j)
    if base is None:
        return None
    # "thụ lý 3.399 vụ việc, hòa giải thành 2.408 vụ việc, đạt 73,5%": the base is the
    # figure just before, in the same clause, so the rate is checked in full.
    adjacent = j > 0 and base is s.tokens[j - 1] and part.start - base.end <= 60
    gap = s.lowered[base.end:part.start] if adjacent else ";"
    if any(c in gap for c in ";()"):
        plain = _one_act(s, base, part, rate) and not _pending(s, i, part)
        return base, "plain" if plain else "implied_base"
    after = _following(s, i, part)
    if after is None:
        return base, "plain"
    # The base may be printed after the rate: the figure before it is not certainly the base.
    if not _fits(part, base, rate) and after.value >= part.value and _fits(part, after, rate):
        return after, "implied_base"
    return base, "implied_base"
