"""Counts followed by the list of what they count: "6 xã gồm: Vĩnh Phúc, Quang Minh, …".

A report often gives a count and then names each thing counted: "4 đơn vị cấp huyện
(Thành phố Vinh, thị xã Thái Hòa, huyện Nam Đàn, huyện Yên Thành)", "có 2 đơn vị cấp
huyện đó là thị xã An Nhơn và huyện Hoài Nhơn", "tại 3 thôn Niếng, Măng, Thơi". Such a
list is a ``parts`` claim whose parts count 1 each, one per name.

What counts as a name is narrow on purpose: a few words ending in capitalised words,
with no digits, separated by commas or "và". A list read any other way is left out,
and so is a list whose length differs from the count: the names may be grouped
("07 nhóm vấn đề, bao gồm: …" lists 6 or 8 items depending on how one reads it), so
danvan does not claim such a list fails; it says nothing about it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from decimal import Decimal

from danvan.text._claim_patterns import Draft
from danvan.text._claim_scan import Token
from danvan.values.numbers import Qualifier

__all__ = ["item_lists_after", "name_lists"]

#: The longest stretch after a count that is read as its list of names.
_WINDOW = 400
#: The most names a count may have.
_MOST = 60
#: After the count's unit: a few words, then what opens the list ("(", ":", "gồm", "đó là", ",").
_OPENING = re.compile(r"(?P<words>(?:[ \u00a0]+[^\W\d_]++){0,4}?)[ \u00a0]*+"
                      r"(?P<open>\(|:|,|(?<=[ \u00a0])(?:bao[ \u00a0]+)?gồm(?![^\W_]):?"
                      r"|(?<=[ \u00a0])(?:đó[ \u00a0]+)?là(?![^\W_]):?)[ \u00a0]*+")
#: The names may follow the unit at once: "tại 3 thôn Niếng, Măng, Thơi".
_BARE = re.compile(r"[ \u00a0]+(?=[^\W\d_])")
#: Between two names.
_SEPARATOR = re.compile(r"[ \u00a0]*+,[ \u00a0]*+(?:và[ \u00a0]+)?|[ \u00a0]+và[ \u00a0]+")
_WORD = re.compile(r"[^\W\d_]++")
_SPACES = re.compile(r"[ \u00a0]++")
#: Where a list of names ends at the latest.
_END = re.compile(r"[.;:!?…\n()]")


def _name(text: str, pos: int, last: bool) -> int | None:
    """The end of the name starting at ``pos``: up to 6 words, the last ones capitalised.

    Within the list a name may mix cases ("Thành phố Vinh", "thị xã Thái Hòa"); the last
    name stops at its capitalised words ("huyện Hoài Nhơn được công nhận").
    """
    end = None
    capitals = False
    for count in range(6):
        if count:
            gap = _SPACES.match(text, pos)
            if gap is None:
                break
            pos = gap.end()
        word = _WORD.match(text, pos)
        if word is None:
            break
        if word.group()[0].isupper():
            capitals = True
            end = word.end()
        elif last and capitals:
            break
        pos = word.end()
    return end


def _names(text: str, start: int, closing: bool) -> list[tuple[int, int]] | None:
    """The spans of the names listed from ``start``, or None when the list is not all names."""
    limit = min(len(text), start + _WINDOW)
    stop = _END.search(text, start, limit)
    stop_at = stop.start() if stop else limit
    if closing and (stop is None or stop.group() != ")"):
        return None
    names: list[tuple[int, int]] = []
    pos = start
    while len(names) <= _MOST:
        end = _name(text, pos, last=not closing)
        if end is None or end > stop_at:
            return None
        names.append((pos, end))
        separator = _SEPARATOR.match(text, end, stop_at)
        if separator is None or separator.end() == stop_at:
            if closing and text[end:stop_at].strip():
                return None
            return names
        pos = separator.end()
    return None


def _counts(token: Token) -> bool:
    """Whether ``token`` is a small exact count of things, such as "6 xã"."""
    return (bool(token.units) and not token.percent and not token.money
            and token.denominator is None and token.qualifier is Qualifier.EXACT
            and token.value == token.value.to_integral_value() and 2 <= token.value <= _MOST)


def _ones(text: str, count: Token, spans: list[tuple[int, int]]) -> Draft:
    """The list of ``count``: one part of 1 for each span (a name, an item)."""
    return Draft("parts", "list", (("total", count, "", False), *(
        ("part", count.implied(s, e, Decimal(1)), text[s:e], False) for s, e in spans)))


def name_lists(text: str, tokens: Iterable[Token]) -> Iterator[Draft]:
    """A ``parts`` draft for each count followed by exactly as many names."""
    for token in tokens:
        if not _counts(token):
            continue
        names = None
        for pattern in (_BARE, _OPENING):
            opening = pattern.match(text, token.end)
            if opening is None:
                continue
            how = opening.group("open") if pattern is _OPENING else None
            if how is None and not text[opening.end():opening.end() + 1].isupper():
                continue
            names = _names(text, opening.end(), closing=how == "(")
            # Without a word that opens a list, a pair of names is too easily something else.
            fewest = 2 if how not in (None, ",") else 3
            if names is not None and len(names) == token.value and len(names) >= fewest:
                break
            names = None
        if names is None:
            continue
        yield _ones(text, token, names)


#: What opens a list of items after a count: "Cụ thể:", "cụ thể là:", "gồm:", "như sau:".
_ITEM_OPENING = re.compile(r"(?<![^\W_])(?:cụ[ \u00a0]+thể(?:[ \u00a0]+là)?|bao[ \u00a0]+gồm|gồm"
                           r"|như[ \u00a0]+sau)[ \u00a0]*+:[ \u00a0]*+")
#: The longest stretch between a count and what opens its items.
_ITEM_GAP = 200
#: The longest paragraph of items read.
_ITEM_WINDOW = 3000
#: What ends the last item: a full stop before the next sentence.
_ITEM_STOP = re.compile(r"\.(?:[ \u00a0]|$)")


def item_lists_after(text: str, lowered: str, tokens: Iterable[Token]) -> Iterator[Draft]:
    """"chuyển 04 đơn …. Cụ thể: đơn của bà A …; đơn của ông B …; …": a count followed by
    items that each open with the count's unit and "của" is a list whose parts count 1 each.

    The items run to the end of the paragraph, one per ";"; every one must open so, and
    they must be exactly as many as the count. ``lowered`` is ``text`` lower-cased with
    its length kept (:func:`~danvan.text._claim_scan.lower`).
    """
    for token in tokens:
        if not _counts(token) or " " in token.units[0]:
            continue
        gap_end = min(len(text), token.end + _ITEM_GAP)
        opening = _ITEM_OPENING.search(lowered, token.end, gap_end)
        if opening is None or any(c.isdigit() or c in ";\n" for c in text[token.end:opening.start()]):
            continue
        start = opening.end()
        newline = text.find("\n", start, start + _ITEM_WINDOW)
        if newline < 0:
            if len(text) > start + _ITEM_WINDOW:
                continue
            newline = len(text)
        head = token.units[0] + " của "
        spans: list[tuple[int, int]] = []
        pos = start
        while pos < newline and len(spans) <= _MOST:
            semicolon = text.find(";", pos, newline)
            end = semicolon if semicolon >= 0 else newline
            if semicolon < 0:
                stop = _ITEM_STOP.search(text, pos, newline)
                end = stop.start() if stop else newline
            item = lowered[pos:end].lstrip()
            lead = end - len(item)
            item = item.replace("\u00a0", " ")
            if not item.startswith(head):
                spans = []
                break
            comma = text.find(",", lead, end)
            spans.append((lead, comma if comma >= 0 else end))
            if semicolon < 0:
                break
            pos = semicolon + 1
        if len(spans) < 2 or len(spans) != token.value:
            continue
        yield _ones(text, token, spans)
