"""The bookkeeping of one sentence that the claim rules share, and their small judgements
(how a list is read, which figures are free, where a run of shares is cut)."""

from __future__ import annotations

import bisect
import itertools
import re

from danvan.text import _claim_patterns as pat
from danvan.text._claim_patterns import Draft
from danvan.text._claim_scan import Layout, Token
from danvan.values._numbers_words import LEVEL_WORDS
from danvan.values.numbers import Qualifier

__all__ = ["SentenceBase"]

_AND = re.compile(r"(?<![^\W_])và(?![^\W_])")
#: Words that open the results of what a ratio counts as done.
_RESULTS = re.compile(r"(?<![^\W_])kết quả(?![^\W_])")
#: Units that count cases: a petition and the case it raises are counted alike.
_CASE_UNITS = frozenset({"đơn", "đơn thư", "vụ việc", "vụ"})


def _cases(a: Token, b: Token) -> bool:
    """Whether both figures count petitions or cases ("22/56 đơn", "4 vụ việc")."""
    return bool(a.units) and bool(b.units) and {u.lower() for u in (*a.units, *b.units)} <= (
        _CASE_UNITS)


class SentenceBase:
    """The figures of one sentence (or a sentence and the "Trong đó" ones after it)."""

    def __init__(self, text: str, lowered: str, layout: Layout, tokens: list[Token],
                 bounds: tuple[int, int]) -> None:
        self.text = text
        self.lowered = lowered
        self.layout = layout
        self.tokens = tokens
        self.bounds = bounds
        low = bisect.bisect_left(layout.opens, bounds[0])
        high = bisect.bisect_left(layout.opens, bounds[1])
        #: Bracket pairs opening inside the sentence, with their index in the layout.
        self.parens = [(index, *layout.parens[index]) for index in range(low, high)]
        self.first_paren = low
        #: Starts, and running maximum of ends, of the figures: bisect finds neighbours.
        self.starts = [t.start for t in tokens]
        self.ends = list(itertools.accumulate((t.end for t in tokens), max))
        self.used: set[int] = set()
        #: Figures read as the change of a value ("giảm 59 lượt"), never a total.
        self.deltas: set[int] = set()
        #: The total of each figure already listed as a part.
        self.parts_of: dict[int, int] = {}
        self.drafts: list[Draft] = []
        #: Figures of the sentence before, for a base printed there.
        self.prior: list[Token] = []
        #: The implied base of each numerator read by :meth:`based`.
        self.based_on: dict[int, Token] = {}
        #: The base of every numerator so far in the text, by the numerator's start.
        self.bases: dict[int, Token] = {}
        #: The figures of earlier sentences that are no part of a list, oldest first.
        self.history: list[Token] = []
        #: Every figure of the earlier sentences, oldest first (the last :data:`pat.LOOKBACK`).
        self.earlier: list[Token] = []

    def between(self, i: int, j: int) -> str:
        return self.lowered[self.tokens[i].end:self.tokens[j].start]

    def linked(self, pattern: re.Pattern[str], i: int, j: int) -> bool:
        """Whether the gap between figures ``i`` and ``j`` is short and matches ``pattern``."""
        start, end = self.tokens[i].end, self.tokens[j].start
        return end - start <= pat.GAP and pattern.fullmatch(self.lowered, start, end) is not None

    def from_start(self, pos: int) -> int:
        """The index of the first figure starting at or after ``pos``."""
        return bisect.bisect_left(self.starts, pos)

    def ending_by(self, pos: int) -> int:
        """How many leading figures end at or before ``pos``."""
        return bisect.bisect_right(self.ends, pos)

    def back(self, i: int) -> range:
        """The figures before ``i``, nearest first, at most :data:`pat.LOOKBACK` of them."""
        return range(i - 1, max(-1, i - 1 - pat.LOOKBACK), -1)

    def add(self, kind: str, reading: str, figures: list[tuple[str, int, str, bool]]) -> None:
        self.drafts.append(Draft(kind, reading, tuple(
            (role, self.tokens[i], label, den) for role, i, label, den in figures)))
        self.used.update(i for _, i, _, _ in figures)

    def mean_before(self, token: Token) -> bool:
        """Whether "bình quân" or "trung bình" comes shortly before ``token`` in the sentence."""
        return bool(pat.MEAN.search(self.lowered, max(self.bounds[0], token.start - 60), token.start))

    def _hundred(self, percents: list[int]) -> bool:
        """Whether exact "chiếm" shares add up to exactly 100%."""
        tokens = [self.tokens[i] for i in percents]
        return all(t.qualifier is Qualifier.EXACT for t in tokens) and sum(
            t.value for t in tokens) == 100 and all(
            pat.SHARE_OF.search(self.lowered, max(0, t.start - 20), t.start) for t in tokens)

    def _reading(self, total: int, parts: list[int], labels: list[str], connector: str,
                 begin: int) -> str:
        """Whether the text says or implies that the parts make up the whole total."""
        if len(parts) == 1:
            return "subset"
        lowered = [label.lower() for label in labels]
        if connector in pat.COMPLETE_CONNECTORS:
            return "partition"
        named = [f"{label} {' '.join(self.tokens[p].units)}".lower()
                 for p, label in zip(parts, labels, strict=True)]
        if pat.names_a_partition(named):
            return "partition"
        if any(pat.REMAINDER_LABEL.search(label) for label in lowered):
            return "partition"
        levels = {w for label in lowered for w, pattern in pat.LEVELS if pattern.search(label)}
        if len(levels) >= 2 and any(w in lowered[0] for w in LEVEL_WORDS):
            return "partition"
        units = {u.lower() for u in self.tokens[total].units}
        if len(units) > 1 and units <= {u.lower() for p in parts for u in self.tokens[p].units}:
            return "partition"
        context = self.lowered[max(self.tokens[total].end, begin - 2 * pat.GAP):begin]
        for match in pat.CATEGORIES.finditer(context):
            if all(label.startswith(match.group(1)) for label in lowered):
                return "partition"
        if connector == "(" and all(
                ":" in self.text[self.tokens[p].start - 4:self.tokens[p].start] for p in parts):
            return "partition"
        return "list"

    def _segments(self, run: list[int]) -> list[list[int]]:
        """A run of shares cut at ";" when its items are separated otherwise and each piece
        keeps two or more ("18,2% đúng, 54,5% sai, 27,3% …; 10,5% đúng, …": two wholes)."""
        gaps = [";" in self.between(a, b) for a, b in itertools.pairwise(run)]
        if all(gaps) or not any(gaps):
            return [run]
        segments = [run[:1]]
        for j, cut in zip(run[1:], gaps, strict=True):
            if cut:
                segments.append([j])
            else:
                segments[-1].append(j)
        return segments if all(len(segment) >= 2 for segment in segments) else [run]

    def _changed(self, j: int) -> bool:
        """Whether a percentage is a change ("tăng 5%"), not a share."""
        start = self.tokens[j].start
        return bool(pat.CHANGE.search(self.lowered, max(self.bounds[0], start - 12), start))

    def _free(self, i: int) -> bool:
        token = self.tokens[i]
        return (i not in self.used and not token.percent and token.denominator is None
                and bool(token.units) and i not in self.deltas)

    def _listed(self, a: int, b: int) -> bool:
        """Whether figures ``a`` and ``b`` are items of one list: same unit, ",", ";" or "và"
        between."""
        if not pat.same_units(self.tokens[a], self.tokens[b]):
            return False
        gap = self.between(a, b)
        separated = ";" in gap or "," in gap or _AND.search(gap) is not None
        return (len(gap) <= pat.GAP and separated and not any(c in gap for c in "().")
                and not pat.CONNECTOR.search(gap) and not pat.STOP.search(gap))

    def _earlier_total(self, run: list[int]) -> None:
        """The nearest earlier figure of the run's unit, not a part of another list and not
        smaller than any item, as its total ("… tiếp 327 lượt/424 người. Nội dung: đất đai
        182 lượt; bồi thường 14 lượt; …"). Never fails: it may not be the total."""
        first = self.tokens[run[0]]
        biggest = max(self.tokens[j].value for j in run)
        earlier = [self.tokens[k] for k in self.back(run[0]) if k not in self.parts_of]
        for candidate in (earlier + self.history[::-1])[:pat.LOOKBACK]:
            if candidate.percent or not (pat.same_units(candidate, first) or (
                    candidate.denominator is not None and _cases(candidate, first))):
                continue
            # "Đã giải quyết được 22/56 đơn. Kết quả giải quyết, khiếu nại đúng 4 vụ việc;
            # …": the results of what was done, a ratio's numerator, in đơn or vụ việc alike
            if candidate.denominator is not None and not _RESULTS.search(
                    self.lowered, self.bounds[0], self.tokens[run[0]].start):
                continue
            if candidate.value < biggest:
                return
            labels = [pat.label_of(self.text[(self.tokens[j - 1].end if j else self.bounds[0]):
                                             self.tokens[j].start]) for j in run]
            self.drafts.append(Draft("parts", "implied_base", (
                ("total", candidate, "", False),
                *(("part", self.tokens[j], label, False)
                  for j, label in zip(run, labels, strict=True)))))
            self.used.update(run)
            self.parts_of.update((j, run[0]) for j in run)
            return
