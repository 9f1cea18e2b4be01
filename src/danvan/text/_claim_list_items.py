"""Lists whose items are lines or paragraphs: a total, then its parts one per bullet.

Reports often end a line on the connector and give one part per line after it::

    … có tổng số 27 ý kiến, kiến nghị, trong đó:
    - Lĩnh vực giao thông có 07 kiến nghị.
    - Lĩnh vực đất đai có 06 kiến nghị.

or open the next paragraph with "Cụ thể," / "Theo đó," and list the parts in its
sentences: "… tiếp 10 lượt với 47 người. ¶ Cụ thể, Chủ tịch UBND tỉnh tiếp 1 lượt với
5 người. Lãnh đạo các sở tiếp 3 lượt với 3 người. …".

After a connector ending a line, the items are the lines that follow and open like the
first one (the same first word or bullet mark), each giving its first figure of the
total's unit. After an opening "Cụ thể," or "Theo đó,", the items are every figure of
the total's unit in that paragraph, outside brackets; when they come in rows of the same
labels ("năm 2014, thụ lý 3.399 vụ việc, hòa giải thành 2.408 vụ việc; năm 2015, …"),
each label is a column whose total is the figure so labelled before. A count of visits paired with
people ("1 lượt với 5 người") makes a second list, of people, when the total has its
people too. Changes ("tăng 16 lượt") are never items.

Such a list is complete when its labels name a partition or two levels
(:func:`danvan.text._claim_patterns.names_a_partition`); otherwise it holds when it adds
up and is unverifiable when not: read across lines, it may name only some of the total.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence

from danvan.text import _claim_patterns as pat
from danvan.text._claim_patterns import Draft
from danvan.text._claim_scan import Token

__all__ = ["Lines", "clause_label", "item_lists", "top"]

_LINE = re.compile(r"[^\n]+")
#: A line that ends on the connector that opens a list.
_TAIL = re.compile(r"(?<![^\W_])(?:trong đó|trong số đó|cụ thể|bao gồm|gồm có|gồm|như sau)"
                   r"[ \t\u00a0]*+:?[ \t\u00a0]*+$")
#: A paragraph that opens by detailing the one before.
_HEAD = re.compile(r"[ \t\u00a0\-–•+*]*+(?:cụ thể|theo đó)[ \t\u00a0]*+[,:]")
_KEY = re.compile(r"[ \t\u00a0]*+([\-–•+*]|[^\W\d_]++)")
#: Between a count of visits and its people: "1 lượt với 5 người", "3 lượt, 3 người".
_WITH = re.compile(r"[ \t\u00a0]*+(?:với|,)[ \t\u00a0]*+$")
_CHANGED = re.compile(r"(?<![^\W_])(?:tăng|giảm)(?: (?:thêm|được|đi|lên|xuống))?[ \t\u00a0]*+$")
#: The most items of one list, and how far back a total is looked for.
_MOST = 30
_BACK = 12


def top(tokens: Sequence[Token], lowered: str) -> list[Token]:
    """The figures that may be a total or an item: typed counts outside brackets, no
    percentage, slash or change."""
    return [t for t in tokens if t.paren < 0 and not t.percent and t.denominator is None
            and pat.is_typed(t) and not _CHANGED.search(lowered, max(0, t.start - 16), t.start)]


def _people(lowered: str, tokens: Sequence[Token], starts: list[int], token: Token,
            ) -> Token | None:
    """The count of people paired with the count ``token`` ("… lượt với 5 người", "40 lượt
    (38 định kỳ, 02 đột xuất) với 65 người"): the next figure outside brackets."""
    k = bisect.bisect_right(starts, token.start)
    for after in tokens[k:k + 8]:
        if after.paren >= 0 and after.paren != token.paren:
            continue
        gap = pat.NESTED.sub("", lowered[token.end:min(after.start, token.end + 200)])
        if after.unit in pat.PEOPLE and len(gap) <= 40 and _WITH.search(gap):
            return after
        return None
    return None


def _reading(labels: list[str]) -> str:
    lowered = [label.lower() for label in labels]
    if pat.names_a_partition(lowered):
        return "partition"
    levels = {w for label in lowered for w, pattern in pat.LEVELS if pattern.search(label)}
    if len(levels) >= 2 and any(pattern.search(lowered[0]) for _, pattern in pat.LEVELS):
        return "partition"
    return "implied_base"


class Lines:
    """The non-blank lines of a text and the figures of each."""

    def __init__(self, text: str, tokens: Sequence[Token]) -> None:
        self.spans = [m.span() for m in _LINE.finditer(text) if m.group().strip()]
        starts = [t.start for t in tokens]
        #: The figures of each line.
        self.tokens = [list(tokens[bisect.bisect_left(starts, a):bisect.bisect_left(starts, b)])
                       for a, b in self.spans]


def item_lists(text: str, lowered: str, tokens: Sequence[Token]) -> Iterator[Draft]:
    """A ``parts`` draft for each total whose parts are listed line by line after it."""
    lines = Lines(text, tokens)
    starts = [t.start for t in tokens]
    for n, (start, end) in enumerate(lines.spans):
        if _TAIL.search(lowered, max(start, end - 30), end):
            head = lines.tokens[n] or (lines.tokens[n - 1] if n else [])
            items = _first_of_lines(lowered, lines, n + 1)
        elif n and (opening := _HEAD.match(lowered, start, end)):
            # the paragraph before, past a caption without figures
            head = lines.tokens[n - 1] or (lines.tokens[n - 2] if n > 1 else [])
            # a list of its own inside the paragraph ends its items
            inner = pat.CONNECTOR.search(lowered, opening.end(), end)
            items = [t for t in top(lines.tokens[n], lowered)
                     if inner is None or t.start < inner.start()]
            columns = _columns(lowered, tokens, starts, items)
            if columns:
                yield from _column_drafts(lowered, tokens, starts, head, columns)
                continue
        else:
            continue
        yield from _drafts(text, lowered, head, items, (tokens, starts))


def _first_of_lines(lowered: str, lines: Lines, n: int) -> list[Token]:
    """The first figure of each line from ``n`` on that opens like line ``n``."""
    items: list[Token] = []
    key = ""
    for m in range(n, min(len(lines.spans), n + _MOST)):
        start, end = lines.spans[m]
        found = _KEY.match(lowered, start, end)
        word = found.group(1) if found else ""
        first = top(lines.tokens[m], lowered)
        if not first or (items and (word != key or not pat.same_units(first[0], items[0]))):
            break
        key = key or word
        items.append(first[0])
    return items


def _drafts(text: str, lowered: str, head: Sequence[Token], items: list[Token],
            every: tuple[Sequence[Token], list[int]]) -> Iterator[Draft]:
    if len(items) < 2:
        return
    unit = items[0]
    items = [t for t in items if pat.same_units(t, unit)]
    total = next((t for t in reversed(top(head, lowered)[-_BACK:])
                  if pat.same_units(t, unit)), None)
    if total is None or len(items) < 2 or any(t.start < total.end or t.value == total.value
                                              for t in items):
        return  # "Cụ thể, nguồn vốn 3 tỷ đồng …, trong đó …": the total again, with its list
    labels = [pat.label_of(text[max(total.end, t.start - 80):t.start]) for t in items]
    reading = _reading(labels)
    yield Draft("parts", reading, (("total", total, "", False),
                                   *(("part", t, label, False)
                                     for t, label in zip(items, labels, strict=True))))
    people = [_people(lowered, *every, t) for t in items]
    head_people = _people(lowered, *every, total)
    if head_people is not None and all(p is not None for p in people):
        yield Draft("parts", reading, (("total", head_people, "", False),
                                       *(("part", p, label, False)
                                         for p, label in zip(people, labels, strict=True)
                                         if p is not None)))


def clause_label(lowered: str, tokens: Sequence[Token], starts: list[int], token: Token) -> str:
    """The words of the clause before ``token``, back to the figure before it or the last
    ",", ";" or ":" ("năm 2014, thụ lý hòa giải 3.399 vụ việc" → "thụ lý hòa giải"); none
    when they follow a figure of the same unit with no break between."""
    k = bisect.bisect_left(starts, token.start)
    floor = tokens[k - 1].end if k else 0
    words = lowered[max(floor, token.start - 80):token.start]
    if k and pat.same_units(tokens[k - 1], token) and not any(m in words for m in ",;:\n"):
        return ""  # "5.950 hồ sơ chưa đến hạn và 1.222 …": the words of the figure before
    for mark in ",;:":
        words = words.rsplit(mark, 1)[-1]
    return pat.label_of(words)


def _columns(lowered: str, tokens: Sequence[Token], starts: list[int], items: list[Token],
             ) -> list[tuple[str, list[Token]]]:
    """Rows of the same labels in turn ("năm 2014, thụ lý 3.399 vụ việc, hòa giải thành
    2.408 vụ việc; năm 2015, thụ lý …"): one column of items per label."""
    labels = [clause_label(lowered, tokens, starts, t) for t in items]
    for k in (2, 3, 4):
        if (len(labels) >= 2 * k and len(set(labels[:k])) == k and all(labels[:k])
                and all(label == labels[i % k] for i, label in enumerate(labels))):
            return [(labels[c], items[c::k]) for c in range(k)]
    return []


def _column_drafts(lowered: str, tokens: Sequence[Token], starts: list[int],
                   head: Sequence[Token], columns: list[tuple[str, list[Token]]],
                   ) -> Iterator[Draft]:
    """Each column's total is the figure of the paragraph before labelled like it ("thụ lý
    hòa giải 12.896 vụ việc, trong đó hòa giải thành 9.201 vụ việc")."""
    figures = top(head, lowered)
    for label, items in columns:
        total = next((t for t in figures if pat.same_units(t, items[0])
                      and clause_label(lowered, tokens, starts, t).endswith(label)), None)
        if total is not None:
            yield Draft("parts", "implied_base", (("total", total, "", False),
                                                  *(("part", t, label, False) for t in items)))
