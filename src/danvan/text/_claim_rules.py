"""Rules that group the figures of one sentence into claims (drafts for :mod:`danvan.text._claim_drafts`).

Each rule reads a habit of report prose, never a particular report:

* ``a/b unit, đạt Z%``: a ratio with its printed percentage;
* ``tăng|giảm N …, tỷ lệ Z%``: a change, its base read from ``còn M``,
  ``từ A xuống B`` or ``A thành B`` nearby;
* ``T unit, trong đó|gồm … p1, p2 …`` and ``T unit (p1; p2)``: a total and
  its parts, with the signals that the list is meant to be complete
  (this rule and the other list rules live in :mod:`danvan.text._claim_lists`);
* ``T lượt/U người, trong đó a lượt/b người; …`` and ``X/Y đơn, trong đó x/y đơn …``:
  two lists, one per member of the pairs (:mod:`danvan.text._claim_pairs`);
* ``Trong (tổng) số T, có p1 …, p2 …``: a total and its parts;
* ``p1 …; p2 …; p3 …`` with no total in the sentence: the total printed before;
* ``… còn lại R``: a remainder;
* ``p unit, chiếm Z%`` after a part: the share of the part in its total;
* every other figure with a unit: a count, an amount of money or a lone
  percentage, kept for reconciliation with records.
"""

from __future__ import annotations

import itertools
import re

from danvan.text import _claim_patterns as pat
from danvan.text._claim_list_rest import RemainderRules
from danvan.text._claim_pairs import Pair, pair_lists, parallel_lists, shared_bases
from danvan.text._claim_patterns import Draft
from danvan.text._claim_share_base import base_of

__all__ = ["Draft", "Sentence"]

_REGISTERED = re.compile(r"(?<![^\W_])đăng ký(?![^\W_])")
_RECOGNISED = re.compile(r"(?<![^\W_])công nhận(?![^\W_])")


class Sentence(RemainderRules):
    """The figures of one sentence and the rules that group them into claims."""

    def run(self) -> list[Draft]:
        self.pairs()
        self.ratios()
        self.changes()
        self.lists()
        self.breakdowns()
        self.among()
        self.versus()
        self.based()
        self.whole()
        self.remainders()
        self.complements()
        self.other_member()
        self.headless()
        self.partition_in_other_unit()
        self.funnel()
        self.leftovers()
        return self.drafts

    # T lượt/U người, trong đó: a lượt/b người; c lượt/d người: two lists
    def pairs(self) -> None:
        for found in pair_lists(self.tokens, self.lowered, self.bounds):
            lone = self.tokens[found.head.first].denominator is None and found.head.slash
            for second in (False,) if lone else (False, True):
                def member(pair: Pair, second: bool = second) -> tuple[int, bool]:
                    return (pair.second, pair.slash) if second else (pair.first, False)
                total, total_den = member(found.head)
                parts = [member(pair) for pair in found.members]
                labels, last = [], found.begin
                for pair in found.members:
                    labels.append(pat.label_of(self.text[last:self.tokens[pair.first].start]))
                    last = self.tokens[pair.second].end
                reading = self._reading(total, [p for p, _ in parts], labels, found.connector,
                                        found.begin)
                figures = [("total", total, "", total_den)] + [
                    ("part", p, label, den) for (p, den), label in zip(parts, labels, strict=True)]
                if found.ratios:
                    # "40/67 đơn, trong đó khiếu nại 21/38 đơn và tố cáo 19/29 đơn": the
                    # ratios stay ratios; their numerators and denominators make two lists.
                    self.drafts.append(Draft("parts", reading, tuple(
                        (role, self.tokens[i], label, den) for role, i, label, den in figures)))
                else:
                    self.add("parts", reading, figures)

        # "… 32/52 vụ việc KN, 63/78 vụ việc TC. Trong đó, có 7 vụ KN, 12 vụ TC đúng; 19 vụ
        # KN, 37 vụ TC sai; …": one list per column
        for head, rows in parallel_lists(self.tokens, self.lowered):
            if any(k in self.used for row in rows for k in row):
                continue
            for column, total in enumerate(head):
                self.drafts.append(Draft("parts", "list", (
                    ("total", self.tokens[total], "", False),
                    *(("part", self.tokens[row[column]], "", False) for row in rows))))
            self.used.update(k for row in rows for k in row)

        # "18/93 ý kiến …; 37/93 ý kiến …; 38/93 ý kiến …": parts of one base (labels
        # may follow the figures, so none is given)
        for run in shared_bases(self.tokens, self.lowered):
            # "… 38/40 lượt …, các lĩnh vực khác 3/40 lượt": a rest makes the run whole
            rest = any(pat.REMAINDER_LABEL.search(pat.NESTED.sub("", self.between(a, b)))
                       for a, b in itertools.pairwise(run))
            self.drafts.append(Draft("parts", "partition" if rest else "list", (
                ("total", self.tokens[run[0]], "", True),
                *(("part", self.tokens[i], "", False) for i in run))))

    # a/b unit, đạt Z%
    def ratios(self) -> None:
        for i, token in enumerate(self.tokens):
            if i in self.used:
                continue
            if token.denominator is None:
                self._slash_after_bracket(i)
                self._out_of(i)
                continue
            reading = "mean_of_rates" if self.mean_before(token) else "plain"
            figures = [("numerator", i, "", False), ("denominator", i, "", True)]
            nxt = i + 1
            if (nxt < len(self.tokens) and self.tokens[nxt].percent
                    and self.linked(pat.LINK, i, nxt) and not self._places_reach(i, nxt)):
                figures.append(("percent", nxt, "", False))
            elif not token.units or (
                    token.unit in pat.PEOPLE
                    and pat.VISITS.search(self.lowered, self.bounds[0], self.bounds[1])):
                # "(13/1)" or "10/10" with no unit and no percentage: a date as often as a
                # ratio; "161/201 người" among visits: a pair of counts (lượt/người).
                self.used.add(i)
                continue
            self.add("ratio", reading, figures)

    def _out_of(self, i: int) -> None:
        """"Tỉnh có 185 trong tổng số 220 xã": 185 of 220, a bare ratio."""
        j = i + 1
        if i in self.used or j >= len(self.tokens):
            return
        token, whole = self.tokens[i], self.tokens[j]
        if (whole.percent or whole.denominator is not None or not whole.units or token.percent
                or (token.units and not pat.same_units(token, whole))
                or not pat.OUT_OF.fullmatch(self.lowered, token.end, whole.start)):
            return
        self.add("ratio", "plain", [("numerator", i, "", False), ("denominator", j, "", False)])

    def _places_reach(self, i: int, nxt: int) -> bool:
        """"9/9 huyện đạt tỷ lệ dưới 10%": places that reach a rate, not the ratio's rate."""
        token = self.tokens[i]
        start, end = token.end, self.tokens[nxt].start
        # "90/116 xã đạt chuẩn …, chiếm 77,5%": a share of the places after all
        return bool(token.units) and token.units[0].lower() in pat.PLACES and bool(
            pat.REACH.search(self.lowered, start, end)) and not pat.SHARE_OF.search(
            self.lowered, start, end)

    def _slash_after_bracket(self, i: int) -> None:
        """"đã giải quyết 143 đơn (120 khiếu nại, 23 tố cáo)/190 đơn": 143 of 190."""
        token = self.tokens[i]
        if token.start < 2 or self.text[token.start - 2:token.start] != ")/" or not token.units:
            return
        closing = token.start - 2
        opening = next((o for _, o, c in self.parens if c == closing), None)
        if opening is None:
            return
        j = self.ending_by(opening) - 1
        if j < 0 or opening - self.tokens[j].end > 2 or not pat.same_units(self.tokens[j], token):
            return
        self.drafts.append(Draft("ratio", "plain", (("numerator", self.tokens[j], "", False),
                                                   ("denominator", token, "", False))))
        self.used.add(i)

    # tăng|giảm N, tỷ lệ Z%
    def changes(self) -> None:
        floor = self.bounds[0]
        for i, token in enumerate(self.tokens):
            if i in self.used or token.denominator is not None:
                continue
            trigger = pat.CHANGE.search(self.lowered, max(floor, token.start - 20), token.start)
            if not trigger:
                continue
            reading = "decrease" if trigger.group(1) == "giảm" else "increase"
            figures = [("delta", i, "", False)]
            nxt = i + 1
            if (not token.percent and nxt < len(self.tokens) and self.tokens[nxt].percent
                    and nxt not in self.used and self.linked(pat.RATE, i, nxt)):
                figures.append(("percent", nxt, "", False))
            figures.extend(self._base(i, floor, reading) or self._earlier(i))
            if token.percent:
                figures.extend(self._previous(i, trigger.start()))
            self.add("change", reading, figures)
            self.deltas.add(i)
            floor = max(self.tokens[j].end for _, j, _, _ in figures)

    def _earlier(self, i: int) -> list[tuple[str, int, str, bool]]:
        """"giảm 15 đơn (năm trước: 95 đơn), còn 80 đơn": the value before, and after."""
        before, after = i + 1, i + 2
        tokens = self.tokens
        if (before >= len(tokens) or not self.linked(pat.EARLIER, i, before)
                or not pat.compatible(tokens[before], tokens[i]) or tokens[before].percent):
            return []
        found = [("before", before, "", False)]
        if (after < len(tokens) and self.linked(pat.THEN, before, after)
                and pat.compatible(tokens[after], tokens[i]) and not tokens[after].percent):
            found.append(("after", after, "", False))
        return found

    def _base(self, i: int, floor: int, reading: str) -> list[tuple[str, int, str, bool]]:
        token = self.tokens[i]
        found: list[tuple[str, int, str, bool]] = []
        earlier = [j for j in reversed(self.back(i)) if self.tokens[j].start >= floor
                   and j not in self.used and not self.tokens[j].percent
                   and pat.compatible(self.tokens[j], token)]
        for a, b in itertools.pairwise(earlier):
            if pat.FROM.search(self.lowered, max(floor, self.tokens[a].start - 20),
                            self.tokens[a].start) and self.linked(pat.FROM_TO, a, b):
                return [("before", a, "", False), ("after", b, "", False)]
            if reading == "decrease" and self.linked(pat.INTO, a, b):
                found = [("from", a, "", False), ("to", b, "", False)]
        after = None
        for match in pat.AFTER.finditer(self.lowered, max(floor, token.start - pat.GAP), token.start):
            after = match
        if after is not None:
            listed = [j for j in range(self.from_start(after.end()), i)
                      if not self.tokens[j].percent and j not in self.used]
            chain: list[int] = []
            for j in listed:
                if not chain and self.tokens[j].start != after.end():
                    break
                if chain and not self.linked(pat.JOIN, chain[-1], j):
                    break
                chain.append(j)
            found.extend(("after", j, "", False) for j in chain)
        return found

    def _previous(self, i: int, trigger: int) -> list[tuple[str, int, str, bool]]:
        """Current and previous values around "… tăng Z% so với … (M)"."""
        token = self.tokens[i]
        current = next((j for j in self.back(i) if not self.tokens[j].percent
                        and self.tokens[j].end <= trigger and j not in self.used), None)
        link = pat.PREVIOUS.match(self.lowered, token.end)
        if current is None or link is None:
            return []
        previous = self._compared_with(i, current, link.end(), typed=False)
        if previous is None or self.tokens[current].end < trigger - 40:
            return []
        return [("current", current, "", False), ("previous", previous, "", False)]

    def _compared_with(self, i: int, current: int, after: int, *, typed: bool) -> int | None:
        """The figure after "so với" (starting within 60 characters of ``after``) comparable
        with ``current``; with ``typed``, only one with a unit."""
        for j in range(i + 1, len(self.tokens)):
            if self.tokens[j].start - after > 60:
                return None
            if (not self.tokens[j].percent and (self.tokens[j].units or not typed)
                    and pat.compatible(self.tokens[j], self.tokens[current])):
                return j
        return None

    # M unit, đạt Z% with the base T printed before: in the sentence or the one before it
    def based(self) -> None:
        for i, token in enumerate(self.tokens):
            j = i - 1
            if (i in self.used or not token.percent or j < 0 or j in self.used
                    or self.mean_before(token)):
                continue
            part = self.tokens[j]
            if (part.percent or part.denominator is not None or not part.units
                    or not self.linked(pat.LINK, j, i)):
                continue
            chosen = base_of(self, i, j)  # danvan.text._claim_share_base
            if chosen is None:
                continue
            base, reading = chosen
            self.drafts.append(Draft("ratio", reading, (
                ("numerator", part, "", False), ("denominator", base, "", False),
                ("percent", token, "", False))))
            self.used.update((i, j))
            self.based_on[j] = base
            self.bases[part.start] = base

    # a: 91,4%; b: 5,2% và khác: 3,4%: shares of one whole, so they add up to 100%
    def whole(self) -> None:
        run: list[int] = []
        for i, token in enumerate([*self.tokens, None]):
            if token is not None and token.percent and i not in self.used and (
                    not run or self.linked(pat.SHARE_GAP, run[-1], i)):
                run.append(i)
                continue
            for segment in self._segments(run):
                if len(segment) >= 2 and (
                        pat.REMAINDER_LABEL.search(self.between(segment[-2], segment[-1]))
                        or pat.REMAINDER_TAIL.match(self.lowered, self.tokens[segment[-1]].end)
                        or (len(segment) >= 3 and not any(self._changed(j) for j in segment))):
                    labels = [""] + [pat.label_of(self.text[self.tokens[a].end:self.tokens[b].start])
                                     for a, b in itertools.pairwise(segment)]
                    # "list": a run read from its middle must not fail; only a sum of 100 holds.
                    self.add("parts", "list", [("part", j, label, False)
                                               for j, label in zip(segment, labels, strict=True)])
            run = [i] if token is not None and token.percent and i not in self.used else []

    # X, bằng Z% so với cùng kỳ (Y)
    def versus(self) -> None:
        for i, token in enumerate(self.tokens):
            if i in self.used or not token.percent or not pat.EQUALS.search(
                    self.lowered, max(self.bounds[0], token.start - 12), token.start):
                continue
            link = pat.PREVIOUS.match(self.lowered, token.end)
            if link is None:
                continue
            figures: list[tuple[str, int, str, bool]] = [("percent", i, "", False)]
            current = next((j for j in self.back(i) if not self.tokens[j].percent
                            and token.start - self.tokens[j].end <= 80), None)
            if current is not None:
                previous = self._compared_with(i, current, link.end(), typed=True)
                if previous is not None:
                    figures = [("current", current, "", False),
                               ("previous", previous, "", False), *figures]
            self.add("ratio", "current_over_previous", figures)

    # đăng ký T …; công nhận được p …
    def funnel(self) -> None:
        """"đăng ký … 332 mô hình …; công nhận được 266 mô hình": what is recognised is of
        what was registered, 266 ≤ 332; an inferred base, so it holds or is unverifiable."""
        tokens = self.tokens
        for i, token in enumerate(tokens):
            floor = max(tokens[i - 1].end if i else self.bounds[0], token.start - 80)
            if token.percent or not token.units or token.denominator is not None or not (
                    _REGISTERED.search(self.lowered, floor, token.start)):
                continue
            for j in range(i + 1, len(tokens)):
                other = tokens[j]
                words = (tokens[j - 1].end, other.start)
                if _REGISTERED.search(self.lowered, *words):
                    break
                if (not other.percent and other.denominator is None
                        and pat.same_units(token, other)
                        and _RECOGNISED.search(self.lowered, *words)):
                    self.drafts.append(Draft("ratio", "implied_base", (
                        ("numerator", other, "", False), ("denominator", token, "", False))))
                    break

    def leftovers(self) -> None:
        for i, token in enumerate(self.tokens):
            if i in self.used:
                continue
            if token.percent:
                self.add("ratio", "mean_of_rates" if self.mean_before(token) else "plain",
                         [("percent", i, "", False)])
            elif pat.is_typed(token):
                self.add("money" if token.money else "count", "plain", [("value", i, "", False)])

