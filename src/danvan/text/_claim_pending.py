"""A rate whose base leaves out the cases still pending, printed right after it.

"tiếp nhận 4.596 vụ việc …, hòa giải thành công 3.615 vụ việc, đạt tỷ lệ 82,7%, 226 vụ
việc đang tiến hành hòa giải": 3.615/4.596 is 78,7%, but 3.615/(4.596 − 226) is 82,7%.
Offices often count a rate of what was settled over what could have been, leaving out
what is still under way (``corpus/README.md``, item 43). The figure of pending cases is
kept with the rate as ``excluded``; the checker tries that base only when the printed
base does not give the rate, and says so.

The figure is read narrowly: right after the percentage, after a comma or ";", a whole
number in the denominator's unit, followed by "đang" or "chưa".
"""

from __future__ import annotations

import re
from decimal import Decimal

from danvan.text._claim_patterns import Draft

__all__ = ["pending_base"]

#: The longest stretch after the percentage that is read.
_WINDOW = 120
_PENDING = re.compile(r"[ \u00a0]*+[,;][ \u00a0]*+(?:còn[ \u00a0]+)?(?P<n>\d{1,3}(?:\.\d{3})++|\d{1,12})"
                      r"[ \u00a0]++(?P<unit>[^\W\d_]+(?:[ \u00a0][^\W\d_]+)?)[ \u00a0]++"
                      r"(?:đang|chưa)(?![^\W_])")


def pending_base(lowered: str, draft: Draft) -> Draft:
    """``draft`` with an ``excluded`` figure when pending cases follow its rate, else as is."""
    if draft.kind != "ratio":
        return draft
    roles = {role: token for role, token, _, _ in draft.figures}
    percent, denominator = roles.get("percent"), roles.get("denominator")
    if percent is None or denominator is None or "numerator" not in roles or not denominator.units:
        return draft
    found = _PENDING.match(lowered, percent.end, min(len(lowered), percent.end + _WINDOW))
    if found is None:
        return draft
    unit = found.group("unit").replace("\u00a0", " ")
    if unit != denominator.units[0].lower() and not unit.startswith(denominator.units[0].lower() + " "):
        return draft
    value = Decimal(found.group("n").replace(".", ""))
    if not 0 < value < denominator.value or denominator.scale:
        return draft
    start, end = found.start("n"), found.end("unit")
    excluded = denominator.implied(start, end, value, found.end("n"))
    return Draft(draft.kind, draft.reading, (*draft.figures, ("excluded", excluded, "", False)))
