"""A petition's whole timetable: the deadline of every stage that a rule times.

>>> import datetime as dt
>>> from danvan.records.petitions import Petition, PetitionEvent
>>> from danvan.records.vocabulary import EventKind, PetitionKind
>>> from danvan.law.deadlines import Stage
>>> p = Petition("KN-1", PetitionKind.COMPLAINT, dt.date(2026, 2, 13), "X1",
...              events=(PetitionEvent(EventKind.ACCEPTED, dt.date(2026, 2, 23)),))
>>> s = schedule(p, as_of=dt.date(2026, 3, 20))
>>> s[Stage.ACCEPTANCE].due, s[Stage.RESOLUTION].due
(datetime.date(2026, 3, 6), datetime.date(2026, 3, 25))
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

from attrs import frozen

from danvan import _validators as v
from danvan.errors import RuleError
from danvan.law.calendar import DEFAULT_CALENDAR, WorkCalendar
from danvan.law.deadlines import (
    DEFAULT_RULES,
    Circumstance,
    NoRuleInForceError,
    RuleBook,
    Stage,
    StageDeadline,
    StageStatus,
    _cut,
    _iso,
    stage_deadline,
)
from danvan.records.petitions import Petition

__all__ = ["Schedule", "schedule"]


@frozen
class Schedule:
    """Every timed stage of a petition, in the order of :class:`Stage`.

    ``unavailable`` lists the stages that rules cover but none was in force
    for (with the reason), e.g. the reception answer of a petition of 2013.
    """

    petition_id: str
    stages: tuple[StageDeadline, ...]
    unavailable: tuple[tuple[Stage, str], ...] = ()

    def get(self, stage: Stage) -> StageDeadline | None:
        """The deadline of ``stage``, if a rule times it for this petition."""
        return next((s for s in self.stages if s.stage is stage), None)

    def __getitem__(self, stage: Stage) -> StageDeadline:
        found = self.get(stage)
        if found is None:
            raise RuleError(getattr(stage, "code", stage),
                            f"no time limit for this stage of petition {self.petition_id}")
        return found

    def __iter__(self) -> Iterator[StageDeadline]:
        return iter(self.stages)

    def __len__(self) -> int:
        return len(self.stages)

    def status(self, on: dt.date | None = None) -> dict[Stage, StageStatus]:
        """Each stage's status on ``on`` (default: the ``as_of`` day)."""
        return {s.stage: s.status(on) for s in self.stages}

    def __repr__(self) -> str:
        due = ", ".join(f"{s.stage.code} due {_iso(s.due)}" for s in self.stages) or "no timed stage"
        return f"<Schedule {_cut(self.petition_id)}: {due}>"

    def _repr_html_(self) -> str:
        """A timeline: each stage's days from its start, days off shaded, dates on hover."""
        from danvan.law._html import schedule_html

        return schedule_html(self)


def schedule(petition: Petition, *, as_of: dt.date | None = None,
             rules: RuleBook = DEFAULT_RULES, calendar: WorkCalendar = DEFAULT_CALENDAR,
             circumstances: Iterable[Circumstance] = (), known_on: dt.date | None = None,
             strict: bool = True) -> Schedule:
    """Every timed stage of ``petition`` (see :func:`stage_deadline` for the options).

    A stage with no rule in force on its start day is left out and listed in
    :attr:`Schedule.unavailable`; other errors are raised.
    """
    extra = v.check_items(circumstances, Circumstance, "circumstances")
    found: list[StageDeadline] = []
    unavailable: list[tuple[Stage, str]] = []
    for stage in Stage:
        try:
            deadline = stage_deadline(petition, stage, as_of=as_of, rules=rules,
                                      calendar=calendar, circumstances=extra, known_on=known_on,
                                      strict=strict)
        except NoRuleInForceError as error:
            unavailable.append((stage, error.reason))
            continue
        if deadline is not None:
            found.append(deadline)
    return Schedule(petition.id, tuple(found), tuple(unavailable))
