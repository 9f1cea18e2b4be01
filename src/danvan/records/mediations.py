"""Grassroots mediation cases (hòa giải ở cơ sở).

Reports count the cases within a mediation team's remit, how many were brought
to mediation, and how many succeeded ("tổng số thuộc thẩm quyền là 77 vụ
việc, đưa ra hòa giải 72/77 đạt 93,5%").

>>> from datetime import date
>>> MediationCase("H1", "X1", date(2018, 4, 2), mediated_on=date(2018, 4, 9),
...               outcome=MediationOutcome.SUCCESSFUL).mediated
True
"""

from __future__ import annotations

import datetime as dt

from attrs import field, frozen

from danvan import _validators as v
from danvan.errors import FieldError
from danvan.records.vocabulary import MediationOutcome

__all__ = ["MediationCase"]


@frozen
class MediationCase:
    """A dispute received by a unit's mediation team, and whether it was mediated."""

    id: str = field(validator=v.code)
    unit: str = field(validator=v.code)
    received_on: dt.date = field(validator=v.date)
    in_jurisdiction: bool = field(default=True, validator=v.flag)
    mediated_on: dt.date | None = field(default=None, validator=v.optional(v.date))
    outcome: MediationOutcome | None = field(default=None, validator=v.optional(v.member(MediationOutcome)))

    def __attrs_post_init__(self) -> None:
        if self.mediated_on is not None and self.mediated_on < self.received_on:
            raise FieldError("mediated_on", self.mediated_on.isoformat(),
                             f"expected a date on or after {self.received_on}")
        if self.outcome is not None and self.mediated_on is None:
            raise FieldError("outcome", self.outcome.code, "expected an outcome only once mediated")

    @property
    def mediated(self) -> bool:
        """Whether it was brought to mediation (đưa ra hòa giải)."""
        return self.mediated_on is not None
