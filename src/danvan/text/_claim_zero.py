"""Zero parts written in words after a list: "…; Quảng Ninh 3.575 triệu đồng (riêng Đồng
Hới và Minh Hóa không có nguồn đóng góp của người dân)".

A list of places or fields may end with the ones that had none, in words rather than
"0": "không có …", "không phát sinh". Such a tail is one more part, of 0 in the list's
unit. It changes no sum, so it never changes a verdict; it only makes the list whole.

The tail is read narrowly: it opens with "(", ";" or "," right after the last part, it
holds no figure, and the words come before the sentence or the bracket ends.
"""

from __future__ import annotations

import re
from decimal import Decimal

from danvan.text._claim_patterns import Draft

__all__ = ["zero_tail"]

#: The longest tail read after the last part.
_WINDOW = 160
#: The tail: a separator, then words with no figure, then "không có" or "không phát sinh".
_TAIL = re.compile(r"[ \u00a0]*+(?P<sep>[(;,])[ \u00a0]*+(?P<words>[^\d().;:\n!?…]{0,120}?)"
                   r"(?<![^\W_])không[ \u00a0]+(?:có|phát[ \u00a0]+sinh)(?![^\W_])"
                   r"(?P<rest>[^\d().;:\n!?…]{0,80}?)(?P<end>\)|\.|;|\n|$)")


def zero_tail(text: str, lowered: str, draft: Draft) -> Draft:
    """``draft`` with a part of 0 for a tail in words after its last part, if it has one."""
    if draft.kind != "parts" or draft.reading == "list":
        return draft
    parts = [token for role, token, _, _ in draft.figures if role == "part"]
    if len(parts) < 2:
        return draft
    last = max(parts, key=lambda token: token.end)
    if any(token.end > last.end for _, token, _, _ in draft.figures):
        return draft
    tail = _TAIL.match(lowered, last.end, min(len(lowered), last.end + _WINDOW))
    if tail is None or (tail.group("sep") == "(") != (tail.group("end") == ")"):
        return draft
    start, end = tail.start("words"), tail.start("end")
    zero = last.implied(start, end, Decimal(0))
    return Draft(draft.kind, draft.reading,
                 (*draft.figures, ("part", zero, text[start:end], False)))
