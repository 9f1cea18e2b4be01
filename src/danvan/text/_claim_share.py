"""A second look at the rates of one sentence (and the ones before it), once the rules ran.

* Rates on one base, and counts still pending after them ("đang giải quyết", "quá hạn",
  "còn"; a count, or the total of a list of its own), in the sentence or up to three
  sentences on, whose figures add up exactly to the base make it up: "… 4.157 hồ sơ (đạt
  99,71%). … chậm hạn … là 12 hồ sơ (chiếm 0,29%)" reads 4.169 = 4.157 + 12, and when every
  member is a rate their percentages are shares of one whole that add up to 100%
  ("22/27 … (đạt 81,5 %); 5/27 … (chiếm 18,5 %)"). Only figures that add up exactly are
  read so, and the shares are read ``Reading.LIST``, so rounding never makes them fail.
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
#: The words after a count, to the next mark.
_AFTER = re.compile(r"[^\d.,;:!?\n()%]{0,40}+")
_PENDING = re.compile(r"(?<![^\W_])(?:đang|chưa|quá hạn|chậm hạn|trễ hạn|còn lại|còn|không thành)"
                      r"(?![^\W_])")
#: The words before a count, back to a ";" or a stop (not a comma: "; đang tiến hành thẩm
#: tra, xác minh 76 đơn"; nor a figure: "còn lại … 17 đơn/13 vụ khiếu nại và 10 đơn").
_PENDING_CLAUSE = re.compile(r"[^.;:!?\n()%]{0,80}+$")
#: The most figures read into one base.
_MOST = 8
_VERBS = ("giải quyết", "trả lời", "xử lý", "tiếp nhận", "hòa giải", "chuyển")
#: The acts a rate and a count pending after it are of: the same, or none named
#: (settling a case is one act, whichever verb says it).
_ACTS = {"giải quyết": "settle", "xử lý": "settle", "trả lời": "settle", "thụ lý": "accept",
         "tiếp nhận": "receive", "hòa giải": "mediate", "chuyển": "forward"}


def _exact(token: Token) -> bool:
    return token.qualifier is Qualifier.EXACT


@frozen
class _Member:
    """A figure counted out of a base: a rate's numerator, or a count still pending."""

    token: Token
    value: Decimal
    base: Token | None
    slash: bool
    percent: Token | None
    current: bool


def _value(token: Token, slash: bool) -> Decimal:
    return token.denominator if slash and token.denominator is not None else token.value


def _members(lowered: str, found: Sequence[Draft], current: bool) -> list[_Member]:
    members = []
    for draft in found:
        # a count, or the total of a list of its own ("còn 7 vụ việc (khiếu nại 3 vụ, …)")
        role, token, _, flag = draft.figures[0]
        if (draft.kind == "count" or (draft.kind == "parts" and role == "total" and not flag)) and (
                _pending(lowered, token)):
            if _exact(token) and token.denominator is None:
                members.append(_Member(token, token.value, None, False, None, current))
            continue
        if draft.kind != "ratio" or draft.reading not in ("plain", "implied_base"):
            continue
        roles = {role: (token, den) for role, token, _, den in reversed(draft.figures)}
        if not {"numerator", "denominator"} <= roles.keys():
            continue
        (num, _), (den, slash) = roles["numerator"], roles["denominator"]
        percent = roles["percent"][0] if "percent" in roles else None
        if _exact(num) and _exact(den) and (percent is None or _exact(percent)):
            members.append(_Member(num, num.value, den, slash, percent, current))
    return members


def _catch_all(lowered: str, token: Token) -> bool:
    """Whether the words just before a figure name the rest ("các lĩnh vực khác 3/40 lượt")."""
    phrase = _PHRASE.search(lowered, max(0, token.start - 60), token.start)
    return phrase is not None and pat.REMAINDER_LABEL.search(phrase.group()) is not None


def _pending(lowered: str, token: Token) -> bool:
    """Whether the words around a count say it is still pending ("đang giải quyết",
    "quá hạn", "còn")."""
    phrase = _PENDING_CLAUSE.search(lowered, max(0, token.start - 80), token.start)
    after = _AFTER.match(lowered, token.end)
    return bool((phrase and _PENDING.search(phrase.group()))
                or (after and _PENDING.search(after.group())))


def _acts(lowered: str, token: Token) -> set[str]:
    clause = _PENDING_CLAUSE.search(lowered, max(0, token.start - 80), token.start)
    words = clause.group() if clause else ""
    return {act for verb, act in _ACTS.items() if verb in words}


def _other_act(lowered: str, rate: _Member, count: _Member) -> bool:
    """"Thụ lý đúng hạn 7/9 đơn. Quá hạn giải quyết 2 đơn": a count of another act."""
    mine, theirs = _acts(lowered, rate.token), _acts(lowered, count.token)
    return bool(mine and theirs and not mine & theirs)


def _same_base(base: _Member, member: _Member) -> bool:
    assert base.base is not None
    if not pat.compatible(base.base, member.token):
        return False
    return member.base is None or (
        _value(member.base, member.slash) == _value(base.base, base.slash)
        and pat.compatible(base.base, member.base))


def _bases(lowered: str, found: Sequence[Draft], before: Sequence[Draft]) -> Iterator[Draft]:
    """"… 4.157 hồ sơ (đạt 99,71%). … 12 hồ sơ (chiếm 0,29%)": rates on one base, and the
    counts still pending after them, whose figures add up to the base make it up.
    Read only when they add up exactly, so such a list always holds."""
    members = [*_members(lowered, before, False), *_members(lowered, found, True)]
    members.sort(key=lambda m: m.token.start)
    listed = {_key(d) for d in [*before, *found] if d.kind == "parts"}
    for k, first in enumerate(members):
        if first.base is None:
            continue
        total = _value(first.base, first.slash)
        run, added, skipped = [first], first.value, False
        window = members[k + 1:k + _MOST]
        for member in window:
            if added >= total:
                break
            if not _same_base(first, member) or (member.base is None and (
                    added + member.value > total or _other_act(lowered, first, member))):
                # a rate on another base, a count of another unit, the rest of another rate:
                # "khiếu nại 21/38 đơn và tố cáo 19/29 đơn … còn lại … 17 đơn/13 vụ khiếu nại
                # và 10 đơn/10 vụ tố cáo"
                skipped = True
                continue
            run.append(member)
            added += member.value
        closed = (not skipped and added != total and len(run) >= 2
                  and all(m.base is not None for m in run) and _catch_all(lowered, run[-1].token)
                  and not any(m.base is not None and _same_base(first, m)
                              for m in window[len(run) - 1:]))
        if (added != total and not closed) or len(run) < 2 or not any(m.current for m in run):
            continue
        key = (first.base.start, tuple(m.token.start for m in run))
        if key not in listed or closed:
            listed.add(key)
            # "đất đai 38/40 lượt …; các lĩnh vực khác 3/40 lượt": a list ending in a
            # catch-all is complete, so its sum must be the base.
            yield Draft("parts", "partition" if closed else "list", (
                ("total", first.base, "", first.slash),
                *(("part", m.token, "", False) for m in run)))
        shares = tuple(m.percent for m in run if m.percent is not None)
        if len(shares) == len(run) and (-1, tuple(t.start for t in shares)) not in listed:
            listed.add((-1, tuple(t.start for t in shares)))
            yield Draft("parts", "list", tuple(("part", t, "", False) for t in shares))


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
                before: Sequence[Draft]) -> list[Draft]:
    """The drafts of one sentence, with the rates read again (see the module docstring)."""
    revised = _hundred(lowered, _bracketed(lowered, found), earlier)
    bases = list(_bases(lowered, revised, before))
    # a list the rules left open that a catch-all closes is read once, as complete
    closed = {_key(d) for d in bases if d.reading == "partition"}
    return [*(d for d in revised if d.kind != "parts" or _key(d) not in closed), *bases]


def _key(draft: Draft) -> tuple[int, tuple[int, ...]]:
    """A parts draft's total and parts, by their starts."""
    return (draft.figures[0][1].start,
            tuple(t.start for r, t, _, _ in draft.figures if r == "part"))
