"""Direct dialogues between the heads of a Party committee or government and the people.

A :class:`Dialogue` (hội nghị đối thoại trực tiếp) records who chaired it,
whether it was periodic or called for a matter, how many people took part,
and what became of the opinions raised: answered at the meeting, or referred
to an agency and answered later (or not yet).

>>> from datetime import date
>>> d = Dialogue("D1", "X1", date(2020, 5, 4), ChairRole.PARTY_SECRETARY, DialogueMode.PERIODIC,
...              participants=60, opinions_raised=12, answered_at_meeting=9, referred=3,
...              referred_answered=2)
>>> d.opinions_answered, d.opinions_pending
(11, 1)
"""

from __future__ import annotations

import datetime as dt

from attrs import field, frozen

from danvan import _validators as v
from danvan.errors import FieldError
from danvan.records.document_numbers import DocumentNumber
from danvan.records.vocabulary import ChairRole, DialogueMode

__all__ = ["Dialogue"]


@frozen
class Dialogue:
    """One dialogue conference; ``basis`` is the rule or directive it was held under."""

    id: str = field(validator=v.code)
    unit: str = field(validator=v.code)
    held_on: dt.date = field(validator=v.date)
    chair: ChairRole = field(validator=v.member(ChairRole))
    mode: DialogueMode = field(validator=v.member(DialogueMode))
    participants: int = field(default=0, validator=v.count)
    opinions_raised: int = field(default=0, validator=v.count)
    answered_at_meeting: int = field(default=0, validator=v.count)
    referred: int = field(default=0, validator=v.count)
    referred_answered: int = field(default=0, validator=v.count)
    basis: DocumentNumber | None = field(
        default=None, validator=v.optional(v.typed(DocumentNumber, "a DocumentNumber"))
    )

    def __attrs_post_init__(self) -> None:
        if self.answered_at_meeting + self.referred > self.opinions_raised:
            raise FieldError(
                "referred", self.referred,
                f"expected answered_at_meeting + referred <= opinions_raised ({self.opinions_raised})",
            )
        if self.referred_answered > self.referred:
            raise FieldError("referred_answered", self.referred_answered,
                             f"expected at most referred ({self.referred})")

    @property
    def opinions_answered(self) -> int:
        """Opinions answered, at the meeting or later by the agency they went to."""
        return self.answered_at_meeting + self.referred_answered

    @property
    def opinions_pending(self) -> int:
        """Opinions raised that have no answer yet."""
        return self.opinions_raised - self.opinions_answered
