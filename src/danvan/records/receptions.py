"""Citizen reception sessions (tiếp công dân).

One :class:`Reception` is one session at which a head (or a deputy) received
citizens on a day: how many turns (lượt), people, cases, and crowd delegations
(đoàn đông người) came. Counting turns and people over sessions gives the
figures reports print ("tiếp 1.053 lượt, với 1.345 người, có 9 đoàn đông người
với 149 người"); the sessions themselves are what the reception cadence of the
Law on Citizen Reception 2013 (Art. 12, 13, 15) is measured against.

>>> from datetime import date
>>> r = Reception("R1", "X1", date(2022, 3, 7), ChairRole.PEOPLES_COMMITTEE_CHAIR, turns=3, people=5)
>>> r.turns, r.people, r.host.label
(3, 5, 'chủ tịch UBND')
"""

from __future__ import annotations

import datetime as dt

from attrs import field, frozen

from danvan import _validators as v
from danvan.errors import FieldError
from danvan.records.vocabulary import ChairRole

__all__ = ["Reception"]


@frozen
class Reception:
    """A citizen reception session; ``regular`` is False for an unscheduled one (đột xuất)."""

    id: str = field(validator=v.code)
    unit: str = field(validator=v.code)
    on: dt.date = field(validator=v.date)
    host: ChairRole = field(validator=v.member(ChairRole))
    turns: int = field(default=0, validator=v.count)
    people: int = field(default=0, validator=v.count)
    cases: int = field(default=0, validator=v.count)
    crowd_delegations: int = field(default=0, validator=v.count)
    crowd_people: int = field(default=0, validator=v.count)
    regular: bool = field(default=True, validator=v.flag)

    def __attrs_post_init__(self) -> None:
        if self.people < self.turns:
            raise FieldError("people", self.people, f"expected at least one person per turn ({self.turns})")
        if self.crowd_people > self.people:
            raise FieldError("crowd_people", self.crowd_people, f"expected at most people ({self.people})")
        if self.crowd_delegations > self.turns:
            raise FieldError("crowd_delegations", self.crowd_delegations,
                             f"expected at most turns ({self.turns})")
        if self.crowd_people < 2 * self.crowd_delegations:
            raise FieldError("crowd_people", self.crowd_people,
                             "expected at least 2 people per crowd delegation")
