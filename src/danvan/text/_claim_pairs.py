"""Lists of paired counts: visits and the people who came, side by side.

Reports of tiếp công dân print each figure as a pair, "259 lượt công dân/316 người",
"2.383 lượt với 1.855 người", "161/201 người", and break a pair down into pairs:
"… 259 lượt/316 người. Trong đó, tiếp thường xuyên 161/201 người; tiếp định kỳ 98
lượt/115 người". Such a list is two lists, one of visits and one of people, each with
its own total. A ratio broken down into ratios ("40/67 đơn, trong đó khiếu nại 21/38
đơn và tố cáo 19/29 đơn") is read the same way, and ratios over one base in a row
("18/93 ý kiến …; 37/93 ý kiến …") are parts of that base. This module finds them;
:mod:`danvan.text._claim_rules` emits the claims.
"""

from __future__ import annotations

import re

from attrs import frozen

from danvan.text import _claim_patterns as pat
from danvan.text._claim_scan import Token

__all__ = ["Pair", "PairList", "pair_lists", "parallel_lists", "shared_bases"]

#: Between the two members of a pair: a few words, then "/" or "với" ("lượt công dân/",
#: "lượt đoàn với"), or a bracket ("10 lượt đoàn (366 người)").
_JOIN = re.compile(r"[^\W\d_]*+(?:[ \u00a0][^\W\d_]++){0,2}?[ \u00a0]*+(?:/|với(?![^\W_])|\()"
                   r"[ \u00a0]*+")


#: A sentence that opens with the connector, in the last stretch before a pair.
_OPENING = re.compile(r"(?:[.!?…][ \u00a0]++|\n[ \t\u00a0]*+)(?=(?:trong đó|trong số đó)(?![^\W_]))")


@frozen
class Pair:
    """One pair: figure ``first`` counts visits; ``second`` (or the slash's denominator) people."""

    first: int
    second: int

    @property
    def slash(self) -> bool:
        """Whether both members are one figure ``a/b``."""
        return self.first == self.second


@frozen
class PairList:
    """A pair and the pairs that break it down, with the connector that opens the list."""

    #: ``first == second`` and no slash: a count of visits alone, heading visits only.
    head: Pair
    members: tuple[Pair, ...]
    #: The pairs are ratios ``a/b unit``, not visits and people.
    ratios: bool
    connector: str
    begin: int


def _people(token: Token, lowered: str) -> bool:
    if token.unit in pat.PEOPLE:
        return True
    # "1.461 công dân": the scanner stops at "công".
    return token.unit == "công" and lowered.startswith(" dân", token.end)


def _visits(token: Token) -> bool:
    return bool(token.units) and pat.VISITS.match(token.units[0]) is not None


def _pairs(tokens: list[Token], lowered: str) -> list[Pair]:
    found: list[Pair] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.percent:
            i += 1
            continue
        if token.denominator is not None:
            # "161/201 người" among visits: the visits' unit is left out; "21/38 đơn": a
            # ratio, whose numerators and denominators may each make a list.
            if token.units and not token.oversized:
                found.append(Pair(i, i))
            i += 1
            continue
        nxt = i + 1
        if (nxt < len(tokens) and _visits(token) and tokens[nxt].denominator is None
                and _people(tokens[nxt], lowered) and tokens[nxt].start - token.end <= 40
                and _JOIN.fullmatch(lowered, token.end, tokens[nxt].start)):
            found.append(Pair(i, nxt))
            i += 2
            continue
        i += 1
    return found


def _next(tokens: list[Token], pair: Pair, after: Pair) -> bool:
    """Whether ``after`` follows ``pair`` with no figure but percentages between them."""
    return after.first > pair.second and all(
        tokens[k].percent for k in range(pair.second + 1, after.first))


def _kind(tokens: list[Token], lowered: str, pair: Pair, visits: bool) -> str:
    """"people" for visits and people, else the ratio's unit."""
    token = tokens[pair.second]
    if _people(token, lowered) and (visits or not pair.slash):
        return "people"
    return token.units[0].lower()


def _link(tokens: list[Token], lowered: str, before: int, after: int,
          connector: bool) -> tuple[str, int] | None:
    """The connector between figures ``before`` and ``after`` and where the list begins
    (with ``connector`` false: a short gap without one), None when they are not linked."""
    start, end = tokens[before].end, tokens[after].start
    if end - start > pat.GAP:
        # "… 1.158 lượt/1.461 công dân. Nội dung … . Trong đó, … 736 lượt/863 người": a
        # sentence opening with the connector goes on from the pair before it
        opening = _OPENING.search(lowered, end - pat.GAP, end) if connector else None
        if opening is None:
            return None
        start = opening.start()
    # "(… so với cùng kỳ)" is an aside: blanked, keeping offsets
    gap = pat.NESTED.sub(lambda m: " " * len(m.group()), lowered[start:end])
    found = pat.CONNECTOR.search(gap)
    if pat.STOP.search(gap) or (found is None) == connector:
        return None
    return (found.group(1), start + found.end()) if found else ("", start)


def _lone_head(tokens: list[Token], pair: Pair) -> int | None:
    """A count of visits just before a pair of visits and people ("1.647 lượt …, trong
    đó, … 1.147 lượt/1.325 người"): the head of a list of visits only."""
    j = pair.first - 1
    while j >= 0 and tokens[j].percent:
        j -= 1
    if j < 0 or tokens[j].denominator is not None or not _visits(tokens[j]):
        return None
    return j


def pair_lists(tokens: list[Token], lowered: str, bounds: tuple[int, int]) -> list[PairList]:
    """The lists of pairs in one sentence (or a sentence and the "Trong đó" one after it)."""
    found = _pairs(tokens, lowered)
    visits = pat.VISITS.search(lowered, bounds[0], bounds[1]) is not None
    kinds = [_kind(tokens, lowered, pair, visits) for pair in found]
    lists: list[PairList] = []
    k = 0
    while k < len(found):
        head: tuple[Pair, tuple[str, int] | None] | None = None
        if (k + 1 < len(found) and kinds[k] == kinds[k + 1]
                and _next(tokens, found[k], found[k + 1])):
            head = found[k], _link(tokens, lowered, found[k].second, found[k + 1].first, True)
            k += head[1] is not None
        if (head is None or head[1] is None) and kinds[k] == "people" and (
                lone := _lone_head(tokens, found[k])) is not None:
            head = Pair(lone, lone), _link(tokens, lowered, lone, found[k].first, True)
        if head is None or head[1] is None:
            k += 1
            continue
        m = k + 1
        while (m < len(found) and kinds[m] == kinds[k] and _next(tokens, found[m - 1], found[m])
               and _link(tokens, lowered, found[m - 1].second, found[m].first, False)):
            m += 1
        if m - k >= 2:
            lists.append(PairList(head[0], tuple(found[k:m]), kinds[k] != "people", *head[1]))
        k = m
    return lists


def _aside_free(lowered: str, start: int, end: int) -> int:
    """The length of ``lowered[start:end]`` without its bracketed asides ("38/40 lượt
    chiếm 92,5% (khiếu nại về đền bù, …), các lĩnh vực khác 3/40 lượt"); a long gap
    counts as long."""
    if end - start > 4 * pat.GAP:
        return end - start
    return len(pat.NESTED.sub("", lowered[start:end]))


def shared_bases(tokens: list[Token], lowered: str) -> list[list[int]]:
    """Runs of ratios over one base: "18/93 ý kiến đã giải quyết; 37/93 ý kiến đang
    giải quyết; 38/93 ý kiến …" counts parts of 93 (whether all of them, the text may not say)."""
    runs: list[list[int]] = []
    run: list[int] = []
    for i, token in enumerate(tokens):
        if token.percent:
            continue
        if token.denominator is not None and token.units and not token.oversized:
            previous = tokens[run[-1]] if run else None
            if (previous is not None and previous.denominator == token.denominator
                    and previous.units[0].lower() == token.units[0].lower()
                    and _aside_free(lowered, previous.end, token.start) <= pat.GAP
                    and not pat.STOP.search(lowered, previous.end, token.start)):
                run.append(i)
                continue
            if len(run) >= 2:
                runs.append(run)
            run = [i]
            continue
        if len(run) >= 2:
            runs.append(run)
        run = []
    if len(run) >= 2:
        runs.append(run)
    return runs


_KEY = re.compile(r"[ \u00a0]*+([^\W\d_]++)")


def _key(tokens: list[Token], lowered: str, k: int) -> str:
    """The word just after a figure and its unit ("7 vụ KN" → "kn")."""
    match = _KEY.match(lowered, tokens[k].end)
    return match.group(1) if match else ""


_OPENS = re.compile(r"(?<![^\W_])(?:trong đó|trong số đó|gồm|cụ thể)(?![^\W_])|:")


def parallel_lists(tokens: list[Token], lowered: str) -> list[tuple[list[int], list[list[int]]]]:
    """Interleaved lists: "32/52 vụ việc KN, 63/78 vụ việc TC. Trong đó, có 7 vụ KN, 12 vụ
    TC đúng; 19 vụ KN, 37 vụ TC sai; …": rows of one figure per column, each column
    named by the word after its figures, the head naming the same columns in order."""
    found: list[tuple[list[int], list[list[int]]]] = []
    groups: list[list[int]] = []  # runs of figures between ";", connectors and sentence ends
    current: list[int] = []
    for k, token in enumerate(tokens):
        if token.percent:
            continue
        if current:
            gap = lowered[tokens[current[-1]].end:token.start]
            if ";" in gap or "." in gap or pat.CONNECTOR.search(gap) or len(gap) > pat.GAP:
                groups.append(current)
                current = []
        current.append(k)
    if current:
        groups.append(current)
    g = 0
    while g < len(groups):
        head = groups[g]
        keys = [_key(tokens, lowered, k) for k in head]
        rows: list[list[int]] = []
        while (len(keys) >= 2 and len(set(keys)) == len(keys) and all(keys)
               and g + 1 + len(rows) < len(groups)):
            row = groups[g + 1 + len(rows)]
            if [_key(tokens, lowered, k) for k in row] != keys:
                break
            rows.append(row)
        # the head names the totals the rows break down ("… TC. Trong đó, có 5 vụ KN …"); a
        # row labelled like the others ("3 vụ KN, 2 vụ TC đúng; 89 vụ KN, 16 vụ TC sai; …")
        # is one of them, not their head
        opens = bool(rows) and _OPENS.search(
            lowered, tokens[head[-1]].end, tokens[rows[0][0]].start) is not None
        if len(rows) >= 2 and opens:
            found.append((head, rows))
            g += 1 + len(rows)
        else:
            g += 1
    return found
