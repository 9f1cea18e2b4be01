"""Rules that group the figures of one sentence into claims (drafts for :mod:`danvan.text.claims`).

Each rule reads a habit of report prose, never a particular report:

* ``a/b unit, đạt Z%``: a ratio with its printed percentage;
* ``tăng|giảm N …, tỷ lệ Z%``: a change, its base read from ``còn M``,
  ``từ A xuống B`` or ``A thành B`` nearby;
* ``T unit, trong đó|gồm … p1, p2 …`` and ``T unit (p1; p2)``: a total and
  its parts, with the signals that the list is meant to be complete;
* ``… còn lại R``: a remainder;
* ``p unit, chiếm Z%`` after a part: the share of the part in its total;
* every other figure with a unit: a count, an amount of money or a lone
  percentage, kept for reconciliation with records.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator

from attrs import frozen

from danvan.text._claim_scan import Enclosing, Layout, Token, lower, scan
from danvan.values._numbers_words import LEVEL_WORDS, PARTITIONS, REMAINDER_WORDS

__all__ = ["Draft", "drafts"]

_CONNECTOR = re.compile(
    r"(?<![^\W_])(trong đó|trong số đó|bao gồm|gồm có|gồm|chia ra|phân ra|cụ thể là|cụ thể)"
    r"(?![^\W_])[\s:]*"
)
_COMPLETE_CONNECTORS = frozenset({"bao gồm", "gồm có", "gồm", "chia ra", "phân ra"})
# White space is matched possessively (``*+``) and gaps are capped (:data:`_GAP`):
# adjacent quantifiers over the same spaces backtrack in n³ or worse otherwise.
_LINK = re.compile(
    r"[\s,;]*+(?:\([^()]{0,80}\)[\s,;]*+)?(?:[^\d%();.]{0,80}?)?\(?\s*+"
    r"(?<![^\W_])(?:đạt|chiếm|bằng|là|tương ứng|tương đương|tỷ lệ|tỉ lệ|=)(?![^\W_])"
    r"[\s:]*+(?:(?:tỷ lệ|tỉ lệ|là)(?![^\W_])[\s:]*+)?\(?\s*+"
    r"|\s*+\(\s*+"
)
_SHARE = re.compile(
    r"[\s,;]*+(?:[^\d%();.]{0,60}?[\s,;]++)?\(?\s*+(?:chiếm|đạt|bằng|=)(?![^\W_])\s*+"
    r"(?:(?:tỷ lệ|tỉ lệ)\s*+)?:?\s*+")
_CHANGE = re.compile(
    r"(?<![^\W_])(giảm|tăng)(?: (?:thêm|được|đi|lên|xuống))?\s*+$"
)
_RATE = re.compile(
    r"[\s,;]*+\(?\s*+(?:(?:tỷ lệ|tỉ lệ|tương ứng|tương đương|bằng|đạt|là|=)(?![^\W_])\s*+)*+"
    r"(?:(?:giảm|tăng)\s*+)?(?::\s*+)?"
)
#: The longest gap between two figures that a link regex is tried on.
_GAP = 200
#: How many figures back the rules look for a total, a base or a current value.
_LOOKBACK = 40
_AFTER = re.compile(r"(?<![^\W_])(?:xuống còn|giảm còn|chỉ còn|còn|tăng lên|lên)\s++")
_FROM_TO = re.compile(r"\s++(?:xuống còn|giảm xuống|tăng lên|xuống|còn|lên|đến)\s++")
_INTO = re.compile(r"\s++(?:[^\W\d_]++\s++){0,4}?thành\s++")
_JOIN = re.compile(r"\s*+(?:,|và)\s*+")
_PREVIOUS = re.compile(r"\s*+(?:[^\d;.()]{0,40}?)so với(?![^\W_])")
_EQUALS = re.compile(r"(?<![^\W_])(?:bằng|đạt)\s*+$")
_MEAN = re.compile(r"(?<![^\W_])(?:bình quân|trung bình)(?![^\W_])")
_REMAINDER = re.compile(r"(?<![^\W_])(?:còn lại|(?<!xuống )(?<!giảm )còn)\s*+:?\s*+(?:là\s*+)?$")
_REMAINDER_AFTER = re.compile(r"\s*+còn lại(?![^\W_])")
#: Slash pairs of visits and people ("161/201 người" beside "98 lượt/115 người"): not ratios.
_PEOPLE = frozenset({"người", "lượt người"})
_VISITS = re.compile(r"(?<![^\W_])lượt(?![^\W_])")
_BLANK = re.compile(r"\s*+")
_NESTED = re.compile(r"\([^()]*\)")
_STOP = re.compile(r"(?<![^\W_])(?:tổng|so với|bình quân)(?![^\W_])")
_TOTAL_WORD = re.compile(r"(?<![^\W_])tổng(?![^\W_])")
_LABEL_NOISE = re.compile(r"(?<![^\W_])(?:trong đó|bao gồm|gồm|và)(?![^\W_])")
_FROM = re.compile(r"(?<![^\W_])từ\s++$")
_FIRST_WORD = re.compile(r"[^\W\d_]+")
_CATEGORIES = re.compile(r"(?<![^\W_])các ([^\W\d_]+ [^\W\d_]+)")


def _word(word: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![^\W_]){re.escape(word)}(?![^\W_])")


_REMAINDER_LABEL = re.compile(r"(?<![^\W_])(?:" + "|".join(re.escape(w) for w in REMAINDER_WORDS)
                              + r")(?![^\W_])")
_LEVELS = tuple((word, _word(word)) for word in LEVEL_WORDS)
#: Each partition's members as (member index, alias pattern), longest alias first.
_PARTITIONS = tuple(
    sorted(((m, _word(alias)) for m, aliases in enumerate(members) for alias in aliases),
           key=lambda pair: -len(pair[1].pattern))
    for members in PARTITIONS)
#: Words naming a member of a known partition: a part may be counted by its kind.
_KINDS = frozenset(alias for members in PARTITIONS for aliases in members for alias in aliases)
#: Words that count events of any kind ("36 hội nghị (cấp huyện: 6 cuộc …)").
_COUNTERS = frozenset({"cuộc", "buổi", "lần", "đợt", "trường hợp", "việc"})
#: "(năm trước: 95 đơn)" after a change: the value before it.
_EARLIER = re.compile(r"\s*+\(\s*+(?:năm trước|cùng kỳ|kỳ trước|cùng kỳ năm trước)\s*+:?\s*+")
_PAIRED = re.compile(r"(?<![^\W_])với\s*+$")
_SHARE_GAP = re.compile(r"[^\d.!?()%]{0,80}")
_THEN = re.compile(r"\)\s*+,?\s*+(?:còn|xuống còn|lên|thành)\s++")
#: A sentence that opens with one of these goes on listing the figures of the one before.
_OPENING = re.compile(r"[\s\-–•+*]*+(?:trong đó|trong số đó)(?![^\W_])")
_PUNCT = " ,;:.–-\t\n\u00a0"


@frozen
class Draft:
    """A claim before it becomes public: figures are ``(role, token, label, denominator)``."""

    kind: str
    reading: str
    figures: tuple[tuple[str, Token, str, bool], ...]


def _compatible(a: Token, b: Token) -> bool:
    if a.percent or b.percent:
        return a.percent and b.percent
    if a.money or b.money:
        return a.money and b.money
    if not a.units or not b.units:
        return True
    left = {u.lower() for u in a.units}
    right = {u.lower() for u in b.units}
    if left <= _KINDS or right <= _KINDS or left <= _COUNTERS or right <= _COUNTERS:
        return True  # "55 mô hình (29 tập thể, 26 cá nhân)": parts counted by their kind
    return bool(left & right) or any(x.startswith(y) or y.startswith(x)
                                      for x in left for y in right)


def _same_units(a: Token, b: Token) -> bool:
    """Whether two figures name the same unit ("đơn" and "đơn thư" do, "lượt" and "người" not)."""
    left = {u.lower() for u in a.units}
    right = {u.lower() for u in b.units}
    return bool(left & right) or any(x.startswith(y + " ") or y.startswith(x + " ")
                                      for x in left for y in right)


def _typed(token: Token) -> bool:
    """Whether the figure says what it counts (a unit, money or per cent)."""
    return bool(token.units) or token.money or token.percent


def _label(gap: str) -> str:
    text = _NESTED.sub(" ", gap)
    text = _LABEL_NOISE.sub(" ", text)
    return " ".join(text.split()).strip(_PUNCT)


def _names_a_partition(labels: list[str]) -> bool:
    """Whether the labels name every member of one known partition, each once, and
    nothing else but a remainder ("khác")."""
    for members, aliases in zip(PARTITIONS, _PARTITIONS, strict=True):
        seen: list[int] = []
        for label in labels:
            member = next((m for m, pattern in aliases if pattern.search(label)), None)
            if member is None and not _REMAINDER_LABEL.search(label):
                break
            if member is not None:
                seen.append(member)
        else:
            if sorted(seen) == list(range(len(members))):
                return True
    return False


def _first_word(text: str) -> str:
    match = _FIRST_WORD.search(text)
    return match.group() if match else ""


class _Sentence:
    """The figures of one sentence and the bookkeeping shared by the rules."""

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

    def between(self, i: int, j: int) -> str:
        return self.lowered[self.tokens[i].end:self.tokens[j].start]

    def linked(self, pattern: re.Pattern[str], i: int, j: int) -> bool:
        """Whether the gap between figures ``i`` and ``j`` is short and matches ``pattern``."""
        start, end = self.tokens[i].end, self.tokens[j].start
        return end - start <= _GAP and pattern.fullmatch(self.lowered, start, end) is not None

    def from_start(self, pos: int) -> int:
        """The index of the first figure starting at or after ``pos``."""
        return bisect.bisect_left(self.starts, pos)

    def ending_by(self, pos: int) -> int:
        """How many leading figures end at or before ``pos``."""
        return bisect.bisect_right(self.ends, pos)

    def back(self, i: int) -> range:
        """The figures before ``i``, nearest first, at most :data:`_LOOKBACK` of them."""
        return range(i - 1, max(-1, i - 1 - _LOOKBACK), -1)

    def add(self, kind: str, reading: str, figures: list[tuple[str, int, str, bool]]) -> None:
        self.drafts.append(Draft(kind, reading, tuple(
            (role, self.tokens[i], label, den) for role, i, label, den in figures)))
        self.used.update(i for _, i, _, _ in figures)

    def mean_before(self, token: Token) -> bool:
        """Whether "bình quân" or "trung bình" comes shortly before ``token`` in the sentence."""
        return bool(_MEAN.search(self.lowered, max(self.bounds[0], token.start - 60), token.start))

    def run(self) -> list[Draft]:
        self.ratios()
        self.changes()
        self.lists()
        self.breakdowns()
        self.versus()
        self.based()
        self.whole()
        self.remainders()
        self.leftovers()
        return self.drafts

    # a/b unit, đạt Z%
    def ratios(self) -> None:
        for i, token in enumerate(self.tokens):
            if token.denominator is None:
                self._slash_after_bracket(i)
                continue
            reading = "mean_of_rates" if self.mean_before(token) else "plain"
            figures = [("numerator", i, "", False), ("denominator", i, "", True)]
            nxt = i + 1
            if nxt < len(self.tokens) and self.tokens[nxt].percent and self.linked(_LINK, i, nxt):
                figures.append(("percent", nxt, "", False))
            elif not token.units or (
                    token.unit in _PEOPLE
                    and _VISITS.search(self.lowered, self.bounds[0], self.bounds[1])):
                # "(13/1)" or "10/10" with no unit and no percentage: a date as often as a
                # ratio; "161/201 người" among visits: a pair of counts (lượt/người).
                self.used.add(i)
                continue
            self.add("ratio", reading, figures)

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
        if j < 0 or opening - self.tokens[j].end > 2 or not _same_units(self.tokens[j], token):
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
            trigger = _CHANGE.search(self.lowered, max(floor, token.start - 20), token.start)
            if not trigger:
                continue
            reading = "decrease" if trigger.group(1) == "giảm" else "increase"
            figures = [("delta", i, "", False)]
            nxt = i + 1
            if (not token.percent and nxt < len(self.tokens) and self.tokens[nxt].percent
                    and nxt not in self.used and self.linked(_RATE, i, nxt)):
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
        if (before >= len(tokens) or not self.linked(_EARLIER, i, before)
                or not _compatible(tokens[before], tokens[i]) or tokens[before].percent):
            return []
        found = [("before", before, "", False)]
        if (after < len(tokens) and self.linked(_THEN, before, after)
                and _compatible(tokens[after], tokens[i]) and not tokens[after].percent):
            found.append(("after", after, "", False))
        return found

    def _base(self, i: int, floor: int, reading: str) -> list[tuple[str, int, str, bool]]:
        token = self.tokens[i]
        found: list[tuple[str, int, str, bool]] = []
        earlier = [j for j in reversed(self.back(i)) if self.tokens[j].start >= floor
                   and j not in self.used and not self.tokens[j].percent
                   and _compatible(self.tokens[j], token)]
        for a, b in itertools.pairwise(earlier):
            if _FROM.search(self.lowered, max(floor, self.tokens[a].start - 20),
                            self.tokens[a].start) and self.linked(_FROM_TO, a, b):
                return [("before", a, "", False), ("after", b, "", False)]
            if reading == "decrease" and self.linked(_INTO, a, b):
                found = [("from", a, "", False), ("to", b, "", False)]
        after = None
        for match in _AFTER.finditer(self.lowered, max(floor, token.start - _GAP), token.start):
            after = match
        if after is not None:
            listed = [j for j in range(self.from_start(after.end()), i)
                      if not self.tokens[j].percent and j not in self.used]
            chain: list[int] = []
            for j in listed:
                if not chain and self.tokens[j].start != after.end():
                    break
                if chain and not self.linked(_JOIN, chain[-1], j):
                    break
                chain.append(j)
            found.extend(("after", j, "", False) for j in chain)
        return found

    def _previous(self, i: int, trigger: int) -> list[tuple[str, int, str, bool]]:
        """Current and previous values around "… tăng Z% so với … (M)"."""
        token = self.tokens[i]
        current = next((j for j in self.back(i) if not self.tokens[j].percent
                        and self.tokens[j].end <= trigger and j not in self.used), None)
        link = _PREVIOUS.match(self.lowered, token.end)
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
                    and _compatible(self.tokens[j], self.tokens[current])):
                return j
        return None

    # T unit, trong đó: p1, p2 …
    def lists(self) -> None:
        start, end = self.bounds
        enclosing = Enclosing(self.layout.parens, self.first_paren)
        for match in _CONNECTOR.finditer(self.lowered, start, end):
            paren = enclosing.at(match.start())
            if paren >= 0:
                opening, closing = self.layout.parens[paren]
                scope, anchor = closing, opening
            else:
                scope, anchor = end, match.start()
            candidates = [i for i in self.back(self.ending_by(anchor))
                          if not self.tokens[i].percent and i not in self.deltas][:3][::-1]
            first = self._first_part(match.end(), scope, paren)
            if first is None:
                continue
            total = next((i for i in reversed(candidates)
                          if _compatible(self.tokens[i], first) and _typed(self.tokens[i])), None)
            if total is None:
                continue
            parts, shares = self._collect(match.end(), scope, paren, self.tokens[total])
            if parts:
                self._emit(total, parts, shares, match.group(1), match.end(), None)

    # T unit (p1; p2)
    def breakdowns(self) -> None:
        for index, opening, closing in self.parens:
            head = self.lowered[opening + 1:min(closing, opening + 9)]
            inside = _BLANK.match(self.lowered, opening + 1, closing)
            start = inside.end() if inside else opening + 1
            if (_CONNECTOR.match(self.lowered, start, closing) or "giảm" in head
                    or "tăng" in head):
                continue
            total = self.ending_by(opening) - 1
            if total < 0:
                continue
            before = self.tokens[total]
            if opening - before.end > 80 or not _typed(before) or before.percent:
                continue
            parts, shares = self._collect(opening + 1, closing, index, self.tokens[total])
            if len(parts) < 2 or not all(_compatible(self.tokens[total], self.tokens[p])
                                         for p in parts):
                continue
            self._emit(total, parts, shares, "(", opening + 1, self.parts_of.get(total))

    def _first_part(self, begin: int, scope: int, paren: int) -> Token | None:
        """The first typed figure from ``begin`` to ``scope`` at bracket depth ``paren``."""
        for j in range(self.from_start(begin), len(self.tokens)):
            t = self.tokens[j]
            if t.start >= scope or t.start - begin > 2 * _GAP:
                return None
            if t.paren == paren and not t.percent and _typed(t):
                return t
        return None

    def _collect(self, begin: int, scope: int, paren: int, total: Token,
                 ) -> tuple[list[int], dict[int, int]]:
        parts: list[int] = []
        shares: dict[int, int] = {}
        last = begin
        # Outside brackets, ";" ends a list whose items are separated otherwise
        # ("," or "và"), unless the item after it is labelled like the first one
        # ("cấp huyện … và …; cấp xã … và …"). A list separated by ";" goes on.
        semicolons: bool | None = None
        first = ""
        for i in range(self.from_start(begin), len(self.tokens)):
            token = self.tokens[i]
            if token.start >= scope:
                break
            if token.paren != paren:
                if (token.percent and parts and i not in self.used and parts[-1] not in shares
                        and token.start - last <= _GAP
                        and _SHARE.fullmatch(self.lowered, last, token.start)):
                    shares[parts[-1]] = i  # "1.276 vụ việc (đạt tỷ lệ 84%)"
                continue
            if token.start - last > 2 * _GAP:
                break
            gap = self.lowered[last:token.start]
            clean = _NESTED.sub(" ", gap)
            if parts and paren < 0:
                if semicolons is None:
                    semicolons = ";" in clean
                elif ";" in clean and not semicolons and _first_word(
                        clean.rsplit(";", 1)[1]) != first:
                    break
            if token.percent:
                if parts and i not in self.used and len(gap) <= _GAP and _SHARE.fullmatch(gap):
                    shares[parts[-1]] = i
                    last = token.end
                    continue
                break
            if i in self.used or token.denominator is not None or len(clean) > 160:
                break
            if parts and (_CONNECTOR.search(clean) or _STOP.search(clean)):
                break
            if _typed(token) and not _compatible(total, token):
                if parts and _PAIRED.search(gap):
                    last = token.end  # "80 lượt … với 95 người": a paired count, not a part
                    continue
                break
            label = _label(gap).lower()
            if parts and any(label.startswith(u.lower() + " ") for u in total.units):
                break
            if not parts:
                first = _first_word(label)
            parts.append(i)
            last = token.end
        while parts and not _typed(self.tokens[parts[-1]]):
            parts.pop()
        return parts, shares

    def _emit(self, total: int, parts: list[int], shares: dict[int, int], connector: str,
              begin: int, alternative: int | None) -> None:
        tokens = self.tokens
        if not all(_compatible(tokens[total], tokens[p]) for p in parts):
            return
        labels: list[str] = []
        last = begin
        for p in parts:
            labels.append(_label(self.text[last:tokens[p].start]))
            last = tokens[p].end
        reading = self._reading(total, parts, labels, connector, begin)
        figures: list[tuple[str, int, str, bool]] = [("total", total, "", False)]
        if alternative is not None:
            figures.append(("alternative_total", alternative, "", False))
        figures.extend(("part", p, label, False) for p, label in zip(parts, labels, strict=True))
        self.add("parts", reading, figures)
        for p in parts:
            self.parts_of[p] = total
            self.bases.setdefault(tokens[p].start, tokens[total])
        for p, share in shares.items():
            self.bases[tokens[p].start] = tokens[total]
            self.add("ratio", "plain", [("numerator", p, "", False),
                                        ("denominator", total, "", False),
                                        ("percent", share, "", False)])

    def _reading(self, total: int, parts: list[int], labels: list[str], connector: str,
                 begin: int) -> str:
        """Whether the text says or implies that the parts make up the whole total."""
        if len(parts) == 1:
            return "subset"
        lowered = [label.lower() for label in labels]
        if connector in _COMPLETE_CONNECTORS:
            return "partition"
        named = [f"{label} {' '.join(self.tokens[p].units)}".lower()
                 for p, label in zip(parts, labels, strict=True)]
        if _names_a_partition(named):
            return "partition"
        if any(_REMAINDER_LABEL.search(label) for label in lowered):
            return "partition"
        levels = {w for label in lowered for w, pattern in _LEVELS if pattern.search(label)}
        if len(levels) >= 2 and any(w in lowered[0] for w in LEVEL_WORDS):
            return "partition"
        units = {u.lower() for u in self.tokens[total].units}
        if len(units) > 1 and units <= {u.lower() for p in parts for u in self.tokens[p].units}:
            return "partition"
        context = self.lowered[max(self.tokens[total].end, begin - 2 * _GAP):begin]
        for match in _CATEGORIES.finditer(context):
            if all(label.startswith(match.group(1)) for label in lowered):
                return "partition"
        if connector == "(" and all(
                ":" in self.text[self.tokens[p].start - 4:self.tokens[p].start] for p in parts):
            return "partition"
        return "list"

    # M unit, đạt Z% with the base T printed before: in the sentence or the one before it
    def based(self) -> None:
        for i, token in enumerate(self.tokens):
            j = i - 1
            if (i in self.used or not token.percent or j < 0 or j in self.used
                    or self.mean_before(token)):
                continue
            part = self.tokens[j]
            if (part.percent or part.denominator is not None or not part.units
                    or not self.linked(_LINK, j, i)):
                continue
            base = self._base_before(j)
            if base is None:
                continue
            # "thụ lý 3.399 vụ việc, hòa giải thành 2.408 vụ việc, đạt 73,5%": the base is
            # the figure just before, in the same clause, so the rate is checked in full.
            adjacent = j > 0 and base is self.tokens[j - 1] and part.start - base.end <= 60
            gap = self.lowered[base.end:part.start] if adjacent else ";"
            reading = "implied_base" if any(c in gap for c in ";()") else "plain"
            self.drafts.append(Draft("ratio", reading, (
                ("numerator", part, "", False), ("denominator", base, "", False),
                ("percent", token, "", False))))
            self.used.update((i, j))
            self.based_on[j] = base
            self.bases[part.start] = base

    def _base_before(self, j: int) -> Token | None:
        """The nearest earlier figure counting the same thing as figure ``j`` and not smaller."""
        part = self.tokens[j]
        earlier = [self.tokens[k] for k in self.back(j)] + self.prior[::-1]
        for candidate in earlier[:_LOOKBACK]:
            if candidate.percent or not candidate.units or not _same_units(candidate, part):
                continue
            # "… 4.157 hồ sơ (đạt 99,71%) … 12 hồ sơ (chiếm 0,29%)": shares in a row
            # have the base of the first.
            candidate = self.bases.get(candidate.start, candidate)
            return candidate if candidate.value >= part.value else None
        return None

    # a: 91,4%; b: 5,2% và khác: 3,4%: shares of one whole, so they add up to 100%
    def whole(self) -> None:
        run: list[int] = []
        for i, token in enumerate([*self.tokens, None]):
            if token is not None and token.percent and i not in self.used and (
                    not run or self.linked(_SHARE_GAP, run[-1], i)):
                run.append(i)
                continue
            if len(run) >= 2 and _REMAINDER_LABEL.search(self.between(run[-2], run[-1])):
                labels = [""] + [_label(self.text[self.tokens[a].end:self.tokens[b].start])
                                 for a, b in itertools.pairwise(run)]
                # "list": a run read from its middle must not fail; only a sum of 100 holds.
                self.add("parts", "list",
                         [("part", j, label, False) for j, label in zip(run, labels, strict=True)])
            run = [i] if token is not None and token.percent and i not in self.used else []

    # … còn lại R, còn R
    def remainders(self) -> None:
        for i, token in enumerate(self.tokens):
            if i in self.used or token.percent or not (_REMAINDER.search(
                    self.lowered, max(self.bounds[0], token.start - 12), token.start)
                    or _REMAINDER_AFTER.match(self.lowered, token.end)):
                continue
            earlier = [j for j in reversed(self.back(i)) if _compatible(self.tokens[j], token)
                       and not self.tokens[j].percent and _typed(self.tokens[j])]
            based = next((j for j in reversed(earlier) if j in self.based_on), None)
            if based is not None and based == (earlier[-1] if earlier else None):
                self.drafts.append(Draft("parts", "implied_base", (
                    ("total", self.based_on[based], "", False),
                    ("part", self.tokens[based], "", False),
                    ("part", token, "còn lại", False))))
                self.used.add(i)
                continue
            ratio = next((j for j in reversed(earlier) if self.tokens[j].denominator is not None),
                         None)
            if ratio is not None:
                self.add("parts", "partition", [("total", ratio, "", True),
                                                ("part", ratio, "", False),
                                                ("part", i, "còn lại", False)])
                continue
            # Figures claimed by no other rule; the total is the one the text calls
            # "tổng", or the first of exactly two ("nhận T, giải quyết A, còn lại R").
            # With one figure ("giải quyết A, còn lại R") the total is not printed.
            free = [j for j in earlier if j not in self.used]
            named = [j for j in free if self._named_total(j)]
            if named:
                total, parts = named[-1], [j for j in free if j > named[-1]]
            elif len(free) == 2:
                total, parts = free[0], free[1:]
            else:
                continue
            if parts:
                self._emit(total, [*parts, i], {}, "còn lại", self.tokens[total].end, None)

    def _named_total(self, j: int) -> bool:
        """Whether the words just before figure ``j`` call it a total ("tổng số … là 50 đơn")."""
        floor = self.tokens[j - 1].end if j else self.bounds[0]
        start = self.tokens[j].start
        return bool(_TOTAL_WORD.search(self.lowered, max(floor, start - 60), start))

    # X, bằng Z% so với cùng kỳ (Y)
    def versus(self) -> None:
        for i, token in enumerate(self.tokens):
            if i in self.used or not token.percent or not _EQUALS.search(
                    self.lowered, max(self.bounds[0], token.start - 12), token.start):
                continue
            link = _PREVIOUS.match(self.lowered, token.end)
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

    def leftovers(self) -> None:
        for i, token in enumerate(self.tokens):
            if i in self.used:
                continue
            if token.percent:
                self.add("ratio", "mean_of_rates" if self.mean_before(token) else "plain",
                         [("percent", i, "", False)])
            elif _typed(token):
                self.add("money" if token.money else "count", "plain", [("value", i, "", False)])


def drafts(text: str) -> Iterator[Draft]:
    """The draft claims of ``text``, sentence by sentence."""
    tokens, layout = scan(text)
    by_sentence: dict[int, list[Token]] = {}
    for token in tokens:
        if token.oversized:
            yield Draft("count", "plain", (("value", token, "", False),))
        else:
            by_sentence.setdefault(token.sentence, []).append(token)
    lowered = lower(text)
    groups: list[tuple[tuple[int, int], list[Token]]] = []
    for sentence, group in by_sentence.items():
        bounds = layout.sentences[sentence]
        if groups and _OPENING.match(lowered, bounds[0], bounds[1]):
            # "… 1.770 đơn. Trong đó, có 479 đơn …": the list goes on from the sentence before.
            (start, _), earlier = groups[-1]
            groups[-1] = ((start, bounds[1]), earlier + group)
        else:
            groups.append((bounds, group))
    prior: list[Token] = []
    bases: dict[int, Token] = {}
    for bounds, group in groups:
        rules = _Sentence(text, lowered, layout, group, bounds)
        rules.prior = prior[-_LOOKBACK:]
        rules.bases = bases
        yield from rules.run()
        prior = group
