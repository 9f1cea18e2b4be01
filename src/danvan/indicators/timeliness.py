"""Timeliness indicators over many petitions: on-time rates, overdue backlog, ageing, processing time.

Every function reads the petitions once and keeps only what its answer needs,
so it runs over millions of records; each result carries the ids of the
petitions it counted (its provenance). Time limits come from
:mod:`danvan.law.deadlines`, so the same rules, calendar and options apply.

Statistics are exact. Durations are kept as a histogram of the raw values
(:class:`Durations`), so two scopes merge by adding histograms: the median of a
province is computed from every record of its communes, never from their
medians. The median of an even count is the mean of the two middle values; a
percentile is the *nearest rank*: the ``p``-th percentile of ``n`` sorted
values is the value of rank ``ceil(p/100 × n)``.

>>> from danvan.records.petitions import Petition, PetitionEvent
>>> from danvan.records.vocabulary import EventKind, PetitionKind
>>> from danvan.values.periods import Period
>>> ps = [Petition(f"P{i}", PetitionKind.COMPLAINT, dt.date(2025, 3, 3), "X1", events=(
...     PetitionEvent(EventKind.ACCEPTED, dt.date(2025, 3, 3 + i)),)) for i in range(1, 16, 7)]
>>> result = on_time_rate(ps, Stage.ACCEPTANCE, Period.parse("2025-03"))
>>> result.rate == Rate(2, 3), result.missed
(True, ('P15',))
>>> Durations.of([1, 8, 15, 40]).median, Durations.of([1, 8, 15, 40]).percentile(90)
(Fraction(23, 2), 40)
"""

from __future__ import annotations

import bisect
import datetime as dt
import heapq
from collections import Counter
from collections.abc import Callable, Collection, Iterable
from typing import Final, Literal

from attrs import frozen

from danvan.errors import FieldError
from danvan.law.calendar import DEFAULT_CALENDAR, WorkCalendar
from danvan.law.deadlines import (
    DEFAULT_RULES,
    Circumstance,
    NoRuleInForceError,
    RuleBook,
    Stage,
    StageDeadline,
    past_due,
    stage_deadline,
)
from danvan.records.petitions import CLOSING_EVENTS, Petition
from danvan.records.vocabulary import EventKind, Term
from danvan.values.exact import Durations, Rate
from danvan.values.periods import Period

__all__ = [
    "AGE_BOUNDS",
    "UNASSESSED",
    "AgeBand",
    "AgeBucket",
    "Ageing",
    "Backlog",
    "Durations",
    "OnTime",
    "OverdueItem",
    "PendingPetition",
    "ProcessingTime",
    "ageing",
    "deadline_or_unassessed",
    "oldest_pending",
    "on_time_outcome",
    "on_time_rate",
    "overdue_backlog",
    "overdue_item",
    "pending_on",
    "processing_time",
    "stage_days",
    "stage_span",
]

#: Upper bounds (days since receipt) of the ageing buckets 1–10, 11–30, 31–45,
#: 46–60, 61–90; a last bucket takes everything over 90.
AGE_BOUNDS: Final = (10, 30, 45, 60, 90)

CircumstancesOf = Callable[[Petition], Iterable[Circumstance]]


def _check_period(period: object) -> Period:
    if not isinstance(period, Period):
        raise FieldError("period", period, "expected a Period")
    return period


def _check_day(name: str, day: object) -> dt.date:
    if not isinstance(day, dt.date) or isinstance(day, dt.datetime):
        raise FieldError(name, day, "expected a date")
    return day


def pending_on(petition: Petition, day: dt.date) -> bool:
    """Whether ``petition`` was received by ``day`` and not closed on it."""
    state = petition.state_on(day)
    return state is not None and state not in CLOSING_EVENTS


# --- Processing time ----------------------------------------------------------


@frozen
class ProcessingTime:
    """How long a stage took, for the petitions whose stage was completed in ``period``.

    Measured from the stage's start event (receipt for acceptance, acceptance
    for resolution) to its completion; suspended time is included.
    """

    stage: Stage
    period: Period
    calendar_days: Durations
    working_days: Durations
    ids: tuple[str, ...]

    def __add__(self, other: ProcessingTime) -> ProcessingTime:
        """Two scopes together (e.g. communes into their province), from the raw durations."""
        if not isinstance(other, ProcessingTime):
            return NotImplemented
        if (other.stage, other.period) != (self.stage, self.period):
            raise FieldError("other", (other.stage.code, str(other.period)),
                             f"expected the same stage and period ({self.stage.code}, {self.period})")
        return ProcessingTime(self.stage, self.period, self.calendar_days + other.calendar_days,
                              self.working_days + other.working_days, self.ids + other.ids)


_COMPLETING: Final = {
    Stage.ACCEPTANCE: (EventKind.RECEIVED, frozenset({EventKind.ACCEPTED, EventKind.DECLINED})),
    Stage.RESOLUTION: (EventKind.ACCEPTED, frozenset({EventKind.RESOLVED})),
}


def processing_time(petitions: Iterable[Petition], period: Period, *,
                    stage: Stage = Stage.RESOLUTION,
                    calendar: WorkCalendar = DEFAULT_CALENDAR) -> ProcessingTime:
    """Durations of ``stage`` (acceptance or resolution) completed in ``period``.

    Acceptance runs from receipt to the decision to accept or not; resolution
    from acceptance to the resolving decision.
    """
    period = _check_period(period)
    if stage not in _COMPLETING:
        raise FieldError("stage", stage, "expected Stage.ACCEPTANCE or Stage.RESOLUTION")
    calendar_days: Counter[int] = Counter()
    working_days: Counter[int] = Counter()
    ids: list[str] = []
    for petition in petitions:
        found = stage_days(petition, stage, period, calendar)
        if found is None:
            continue
        calendar_days[found[1]] += 1
        working_days[found[2]] += 1
        ids.append(petition.id)
    return ProcessingTime(stage, period, Durations._from_counts(calendar_days.items()),
                          Durations._from_counts(working_days.items()), tuple(ids))


def stage_span(petition: Petition, stage: Stage) -> tuple[dt.date, dt.date] | None:
    """The start and completion days of ``stage`` (acceptance or resolution), if completed.

    >>> from danvan.records.petitions import PetitionEvent
    >>> from danvan.records.vocabulary import PetitionKind
    >>> p = Petition("P", PetitionKind.COMPLAINT, dt.date(2025, 3, 3), "X", events=(
    ...     PetitionEvent(EventKind.ACCEPTED, dt.date(2025, 3, 5)),))
    >>> stage_span(p, Stage.ACCEPTANCE), stage_span(p, Stage.RESOLUTION)
    ((datetime.date(2025, 3, 3), datetime.date(2025, 3, 5)), None)
    """
    found = _COMPLETING.get(stage)
    if found is None:
        raise FieldError("stage", stage, "expected Stage.ACCEPTANCE or Stage.RESOLUTION")
    start_kind, done_kinds = found
    start = petition.received_on if start_kind is EventKind.RECEIVED else None
    for event in petition.events:
        if start is None and event.kind is start_kind:
            start = event.on
        elif start is not None and event.kind in done_kinds:
            return start, event.on
    return None


def stage_days(petition: Petition, stage: Stage, period: Period,
               calendar: WorkCalendar = DEFAULT_CALENDAR) -> tuple[dt.date, int, int] | None:
    """The completion day, calendar days and working days of ``stage`` (acceptance or
    resolution), if it was completed in ``period``; suspended time is included."""
    span = stage_span(petition, stage)
    if span is None or span[1] not in period:
        return None
    start, done = span
    return done, (done - start).days, calendar.working_days_between(start, done)


def _open_in(petition: Petition, stage: Stage, period: Period) -> bool:
    """Whether ``stage`` had begun by the end of ``period`` and not ended before it began."""
    starts_with = stage.starts_with
    start = petition.received_on if starts_with is EventKind.RECEIVED else next(
        (e.on for e in petition.events if e.kind is starts_with), None)
    if start is None or start >= period.end:
        return False
    span = stage_span(petition, stage) if stage in _COMPLETING else None
    ends = [day for day in (span[1] if span else None, petition.closed_on) if day is not None]
    return not ends or min(ends) >= period.start


# --- On-time rates and overdue backlog -------------------------------------------


@frozen
class OnTime:
    """The on-time rate of a stage: met / due in ``period`` (decided as of ``as_of``).

    ``pending`` were due in the period but still within their last day on
    ``as_of``; ``unassessed`` had no time limit in force for their start day.
    A stage that ended without completion (withdrawn, transferred) counts as
    missed if its due date had passed, and is left out otherwise.
    """

    stage: Stage
    period: Period
    as_of: dt.date
    rate: Rate
    met: tuple[str, ...]
    missed: tuple[str, ...]
    pending: tuple[str, ...] = ()
    unassessed: tuple[str, ...] = ()


def on_time_rate(petitions: Iterable[Petition], stage: Stage, period: Period, *,
                 as_of: dt.date | None = None, rules: RuleBook = DEFAULT_RULES,
                 calendar: WorkCalendar = DEFAULT_CALENDAR,
                 circumstances: CircumstancesOf | None = None, strict: bool = True) -> OnTime:
    """Share of the ``stage`` time limits falling due in ``period`` that were met.

    ``as_of`` (default: the period's last day) is the day the events are known
    to; ``circumstances`` gives each petition's extra circumstances (e.g.
    ``DISCIPLINE``); ``strict=False`` tolerates extensions the rules do not
    allow (see :func:`~danvan.law.deadlines.stage_deadline`).
    """
    period = _check_period(period)
    if not isinstance(stage, Stage) or not stage.is_duty:
        raise FieldError("stage", stage, "expected a Stage the body must meet (a duty)")
    day = period.last if as_of is None else _check_day("as_of", as_of)
    found: dict[str, list[str]] = {"met": [], "missed": [], "pending": [], "unassessed": []}
    for petition in petitions:
        if petition.received_on > day:
            continue
        deadline = deadline_or_unassessed(
            petition, stage, day, rules=rules, calendar=calendar, strict=strict,
            circumstances=circumstances(petition) if circumstances else ())
        outcome = on_time_outcome(deadline, period, petition=petition, stage=stage)
        if outcome is not None:
            found[outcome].append(petition.id)
    met, missed = found["met"], found["missed"]
    return OnTime(stage, period, day, Rate(len(met), len(met) + len(missed)), tuple(met),
                  tuple(missed), tuple(found["pending"]), tuple(found["unassessed"]))


#: What :func:`deadline_or_unassessed` gives for a stage with no time limit in force.
UNASSESSED: Final = "unassessed"


def deadline_or_unassessed(petition: Petition, stage: Stage, as_of: dt.date, *,
                           rules: RuleBook = DEFAULT_RULES,
                           calendar: WorkCalendar = DEFAULT_CALENDAR,
                           circumstances: Iterable[Circumstance] = (), strict: bool = True,
                           ) -> StageDeadline | Literal["unassessed"] | None:
    """:func:`~danvan.law.deadlines.stage_deadline` as of ``as_of``, or :data:`UNASSESSED` when
    rules cover the stage but none was in force on its start day."""
    try:
        return stage_deadline(petition, stage, as_of=as_of, rules=rules, calendar=calendar,
                              circumstances=circumstances, strict=strict)
    except NoRuleInForceError:
        return UNASSESSED


Outcome = Literal["met", "missed", "pending", "unassessed"]


def on_time_outcome(deadline: StageDeadline | Literal["unassessed"] | None, period: Period, *,
                    petition: Petition | None = None, stage: Stage | None = None,
                    ) -> Outcome | None:
    """Where one stage stands for :func:`on_time_rate` over ``period``.

    ``None`` when the stage is not due in ``period`` (or has no time limit, or
    ended before its due date without being done). A stage with no time limit
    in force (:data:`UNASSESSED`) is ``"unassessed"`` when it was open at some
    time in ``period``, which needs its ``petition`` and ``stage``; without
    them, always.
    """
    if deadline == UNASSESSED:
        if petition is not None and stage is not None and not _open_in(petition, stage, period):
            return None
        return "unassessed"
    if not isinstance(deadline, StageDeadline):
        return None
    return due_outcome(deadline.due, deadline.rule.completed_by, deadline.completed_on,
                       deadline.ended_on, deadline.known_until, period)


def due_outcome(due: dt.date | None, completed_by: Collection[EventKind],
                completed_on: dt.date | None, ended_on: dt.date | None, known_until: dt.date,
                period: Period) -> Outcome | None:
    """:func:`on_time_outcome` of a stage with a time limit, from the facts of its
    :class:`~danvan.law.deadlines.StageDeadline`: ``met`` when completed by ``due``, ``missed``
    when completed or ended after it, or open past it on ``known_until``."""
    if due is None or not period.start <= due < period.end:
        return None
    if not completed_by:
        return "unassessed"
    if completed_on is not None:
        return "met" if completed_on <= due else "missed"
    if past_due(due, ended_on, known_until):
        return "missed"
    return "pending" if ended_on is None else None


@frozen
class OverdueItem:
    """A stage past its due date and not completed."""

    petition_id: str
    unit: str
    stage: Stage
    due: dt.date
    days_overdue: int


@frozen
class Backlog:
    """Petitions with a stage overdue on ``as_of``, most overdue first."""

    as_of: dt.date
    items: tuple[OverdueItem, ...]
    unassessed: tuple[str, ...] = ()

    @property
    def ids(self) -> tuple[str, ...]:
        """Each overdue petition once, most overdue first."""
        return tuple(dict.fromkeys(item.petition_id for item in self.items))

    @property
    def count(self) -> int:
        """How many petitions are overdue."""
        return len(self.ids)


def overdue_backlog(petitions: Iterable[Petition], as_of: dt.date, *,
                    stages: Iterable[Stage] = (Stage.ACCEPTANCE, Stage.RESOLUTION),
                    rules: RuleBook = DEFAULT_RULES, calendar: WorkCalendar = DEFAULT_CALENDAR,
                    circumstances: CircumstancesOf | None = None, strict: bool = True) -> Backlog:
    """The petitions still open on ``as_of`` with one of ``stages`` past its due date.

    Options as for :func:`on_time_rate`.
    """
    day = _check_day("as_of", as_of)
    wanted = tuple(stages)
    items: list[OverdueItem] = []
    unassessed: list[str] = []
    for petition in petitions:
        if not pending_on(petition, day):
            continue
        extra = tuple(circumstances(petition)) if circumstances else ()
        for stage in wanted:
            deadline = deadline_or_unassessed(petition, stage, day, rules=rules,
                                              calendar=calendar, circumstances=extra,
                                              strict=strict)
            if deadline == UNASSESSED:
                unassessed.append(petition.id)
                continue
            item = overdue_item(petition, deadline, day)
            if item is not None:
                items.append(item)
    items.sort(key=lambda item: (-item.days_overdue, item.petition_id, item.stage.code))
    return Backlog(day, tuple(items), tuple(dict.fromkeys(unassessed)))


def overdue_item(petition: Petition, deadline: StageDeadline | str | None, as_of: dt.date,
                 ) -> OverdueItem | None:
    """The stage as an :class:`OverdueItem` if it is past due and not done on ``as_of``."""
    if (isinstance(deadline, StageDeadline) and deadline.due is not None
            and deadline.completed_on is None and deadline.rule.completed_by
            and deadline.due < as_of):
        return OverdueItem(petition.id, petition.unit, deadline.stage, deadline.due,
                           (as_of - deadline.due).days)
    return None


# --- Ageing --------------------------------------------------------------------------


@frozen
class AgeBucket:
    """Pending petitions aged ``low`` to ``high`` days since receipt (``high=None``: no limit)."""

    low: int
    high: int | None
    ids: tuple[str, ...]

    @property
    def label(self) -> str:
        """``1–10``, ``11–30`` ... ``over 90``."""
        return f"{self.low}–{self.high}" if self.high is not None else f"over {self.low - 1}"

    @property
    def count(self) -> int:
        """How many petitions."""
        return len(self.ids)


@frozen
class Ageing:
    """Pending petitions on ``as_of`` by days since receipt.

    A petition's age is the number of days after its receipt day (BLDS 2015
    Art. 147), so one received on ``as_of`` is 0 days old; it falls in the
    first bucket.
    """

    as_of: dt.date
    buckets: tuple[AgeBucket, ...]

    @property
    def total(self) -> int:
        """Pending petitions in all buckets."""
        return sum(b.count for b in self.buckets)

    def counts(self) -> dict[str, int]:
        """Bucket label to count, in order."""
        return {b.label: b.count for b in self.buckets}


class AgeBand(Term):
    """The default ageing buckets (:data:`AGE_BOUNDS`), as keys of a breakdown.

    >>> [AgeBand.of_age(age).label for age in (0, 10, 11, 90, 91)]
    ['1–10 ngày', '1–10 ngày', '11–30 ngày', '61–90 ngày', 'trên 90 ngày']
    """

    DAYS_1_10 = "1-10", "1–10 ngày"
    DAYS_11_30 = "11-30", "11–30 ngày"
    DAYS_31_45 = "31-45", "31–45 ngày"
    DAYS_46_60 = "46-60", "46–60 ngày"
    DAYS_61_90 = "61-90", "61–90 ngày"
    OVER_90 = "over-90", "trên 90 ngày"

    @classmethod
    def of_age(cls, age: int) -> AgeBand:
        """The band of a petition ``age`` days old (0 days: the first band)."""
        return _BANDS[_band(AGE_BOUNDS, age)]


_BANDS: Final = tuple(AgeBand)


def _band(highs: tuple[int, ...], age: int) -> int:
    """The index of the bucket of ``age``: the first upper bound it does not exceed."""
    return bisect.bisect_left(highs, age)


def ageing(petitions: Iterable[Petition], as_of: dt.date, *,
           bounds: Iterable[int] = AGE_BOUNDS) -> Ageing:
    """Petitions received by ``as_of`` and not closed on it, by age in buckets.

    >>> from danvan.records.petitions import Petition
    >>> from danvan.records.vocabulary import PetitionKind
    >>> ps = [Petition(f"P{d}", PetitionKind.OTHER, dt.date(2025, 1, d), "X") for d in (1, 20, 31)]
    >>> ageing(ps, dt.date(2025, 3, 1)).counts()
    {'1–10': 0, '11–30': 1, '31–45': 1, '46–60': 1, '61–90': 0, 'over 90': 0}
    """
    day = _check_day("as_of", as_of)
    highs = tuple(bounds)
    if not highs or any(isinstance(b, bool) or not isinstance(b, int) for b in highs) or (
            list(highs) != sorted(set(highs))) or highs[0] < 1:
        raise FieldError("bounds", highs, "expected increasing whole numbers >= 1")
    lows = (1, *(h + 1 for h in highs))
    found: list[list[str]] = [[] for _ in lows]
    for petition in petitions:
        if not pending_on(petition, day):
            continue
        found[_band(highs, (day - petition.received_on).days)].append(petition.id)
    buckets = tuple(AgeBucket(low, high, tuple(ids))
                    for low, high, ids in zip(lows, (*highs, None), found, strict=True))
    return Ageing(day, buckets)


@frozen
class PendingPetition:
    """A petition still open, with its age in days since receipt."""

    petition_id: str
    unit: str
    received_on: dt.date
    age: int


def oldest_pending(petitions: Iterable[Petition], as_of: dt.date, n: int = 10,
                   ) -> tuple[PendingPetition, ...]:
    """The ``n`` petitions open on ``as_of`` that were received first (ties: by id)."""
    day = _check_day("as_of", as_of)
    if isinstance(n, bool) or not isinstance(n, int) or n < 1:
        raise FieldError("n", n, "expected a whole number >= 1")
    oldest = heapq.nsmallest(n, (p for p in petitions if pending_on(p, day)),
                             key=lambda p: (p.received_on, p.id))
    return tuple(PendingPetition(p.id, p.unit, p.received_on, (day - p.received_on).days)
                 for p in oldest)
