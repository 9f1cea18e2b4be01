"""Timeliness indicators over many petitions: on-time rates, overdue backlog, ageing, processing time.

Every function reads the petitions once and keeps only what its answer needs,
so it runs over millions of records; each result carries the ids of the
petitions it counted (its provenance). Time limits come from
:mod:`danvan.deadlines`, so the same rules, calendar and options apply.

Statistics are exact. Durations are kept as a histogram of the raw values
(:class:`Durations`), so two scopes merge by adding histograms: the median of a
province is computed from every record of its communes, never from their
medians. The median of an even count is the mean of the two middle values; a
percentile is the *nearest rank*: the ``p``-th percentile of ``n`` sorted
values is the value of rank ``ceil(p/100 × n)``.

>>> from danvan.petitions import Petition, PetitionEvent
>>> from danvan.vocabulary import EventKind, PetitionKind
>>> from danvan.periods import Period
>>> ps = [Petition(f"P{i}", PetitionKind.COMPLAINT, dt.date(2025, 3, 3), "X1", events=(
...     PetitionEvent(EventKind.ACCEPTED, dt.date(2025, 3, 3 + i)),)) for i in range(1, 16, 7)]
>>> result = on_time_rate(ps, Stage.ACCEPTANCE, Period.parse("2025-03"))
>>> result.rate == Rate(2, 3), result.missed
(True, ('P15',))
>>> Durations.of([1, 8, 15, 40]).median, Durations.of([1, 8, 15, 40]).percentile(90)
(Fraction(23, 2), 40)
"""

from __future__ import annotations

import datetime as dt
import heapq
from collections import Counter
from collections.abc import Callable, Iterable
from fractions import Fraction
from typing import Final

from attrs import frozen

from danvan.calendar import DEFAULT_CALENDAR, WorkCalendar
from danvan.deadlines import (
    DEFAULT_RULES,
    Circumstance,
    NoRuleInForceError,
    RuleBook,
    Stage,
    stage_deadline,
)
from danvan.errors import FieldError
from danvan.periods import Period
from danvan.petitions import CLOSING_EVENTS, Petition
from danvan.values import Rate
from danvan.vocabulary import EventKind

__all__ = [
    "AGE_BOUNDS",
    "AgeBucket",
    "Ageing",
    "Backlog",
    "Durations",
    "OnTime",
    "OverdueItem",
    "PendingPetition",
    "ProcessingTime",
    "ageing",
    "oldest_pending",
    "on_time_rate",
    "overdue_backlog",
    "processing_time",
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


def _pending_on(petition: Petition, day: dt.date) -> bool:
    state = petition.state_on(day)
    return state is not None and state not in CLOSING_EVENTS


# --- Durations -----------------------------------------------------------------


@frozen
class Durations:
    """Whole-day durations kept as ``(days, how many)`` pairs, sorted; exact statistics.

    >>> d = Durations.of([3, 1, 2, 2]) + Durations.of([10])
    >>> d.count, d.mean, d.median, d.percentile(90), d.max
    (5, Fraction(18, 5), Fraction(2, 1), 10, 10)
    """

    counts: tuple[tuple[int, int], ...] = ()

    @classmethod
    def of(cls, values: Iterable[int]) -> Durations:
        """The histogram of ``values`` (whole numbers of days >= 0)."""
        found = Counter(values)
        for value in found:
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise FieldError("values", value, "expected a whole number of days >= 0")
        return cls(tuple(sorted(found.items())))

    @property
    def count(self) -> int:
        """How many durations."""
        return sum(n for _, n in self.counts)

    @property
    def total(self) -> int:
        """Their sum."""
        return sum(days * n for days, n in self.counts)

    @property
    def mean(self) -> Fraction | None:
        """The exact mean (``None`` when empty)."""
        count = self.count
        return Fraction(self.total, count) if count else None

    @property
    def max(self) -> int | None:
        """The longest (``None`` when empty)."""
        return self.counts[-1][0] if self.counts else None

    def _rank(self, rank: int) -> int:
        """The value of 1-based ``rank`` in sorted order."""
        seen = 0
        for days, n in self.counts:
            seen += n
            if seen >= rank:
                return days
        raise FieldError("rank", rank, f"expected at most {self.count}")

    @property
    def median(self) -> Fraction | None:
        """The middle value, or the mean of the two middle values (``None`` when empty)."""
        count = self.count
        if not count:
            return None
        low, high = self._rank((count + 1) // 2), self._rank(count // 2 + 1)
        return Fraction(low + high, 2)

    def percentile(self, p: int | Fraction) -> int | None:
        """The nearest-rank ``p``-th percentile, ``0 < p <= 100`` (``None`` when empty)."""
        if isinstance(p, bool) or not isinstance(p, int | Fraction) or not 0 < p <= 100:
            raise FieldError("p", p, "expected a percentile in (0, 100]")
        count = self.count
        if not count:
            return None
        scaled = Fraction(p) * count / 100
        return self._rank(-(-scaled.numerator // scaled.denominator))

    def __add__(self, other: Durations) -> Durations:
        """The durations of both scopes (histograms added: exact for any statistic)."""
        if not isinstance(other, Durations):
            return NotImplemented
        merged = Counter(dict(self.counts))
        merged.update(dict(other.counts))
        return Durations(tuple(sorted(merged.items())))


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
    start_kind, done_kinds = _COMPLETING[stage]
    calendar_days: Counter[int] = Counter()
    working_days: Counter[int] = Counter()
    ids: list[str] = []
    for petition in petitions:
        start = petition.received_on if start_kind is EventKind.RECEIVED else None
        done = None
        for event in petition.events:
            if start is None and event.kind is start_kind:
                start = event.on
            elif start is not None and event.kind in done_kinds:
                done = event.on
                break
        if start is None or done is None or done not in period:
            continue
        calendar_days[(done - start).days] += 1
        working_days[calendar.working_days_between(start, done)] += 1
        ids.append(petition.id)
    return ProcessingTime(stage, period, Durations(tuple(sorted(calendar_days.items()))),
                          Durations(tuple(sorted(working_days.items()))), tuple(ids))


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
    allow (see :func:`~danvan.deadlines.stage_deadline`).
    """
    period = _check_period(period)
    if not isinstance(stage, Stage) or not stage.is_duty:
        raise FieldError("stage", stage, "expected a Stage the body must meet (a duty)")
    day = period.last if as_of is None else _check_day("as_of", as_of)
    met: list[str] = []
    missed: list[str] = []
    pending: list[str] = []
    unassessed: list[str] = []
    for petition in petitions:
        if petition.received_on > day:
            continue
        try:
            found = stage_deadline(petition, stage, as_of=day, rules=rules, calendar=calendar,
                                   circumstances=circumstances(petition) if circumstances else (),
                                   strict=strict)
        except NoRuleInForceError:
            unassessed.append(petition.id)
            continue
        if found is None or found.due is None or found.due not in period:
            continue
        if not found.rule.completed_by:
            unassessed.append(petition.id)
        elif found.met is not None:
            (met if found.met else missed).append(petition.id)
        elif found.missed:
            missed.append(petition.id)
        elif found.ended_on is None:
            pending.append(petition.id)
    return OnTime(stage, period, day, Rate(len(met), len(met) + len(missed)), tuple(met),
                  tuple(missed), tuple(pending), tuple(unassessed))


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
        if not _pending_on(petition, day):
            continue
        extra = tuple(circumstances(petition)) if circumstances else ()
        for stage in wanted:
            try:
                found = stage_deadline(petition, stage, as_of=day, rules=rules, calendar=calendar,
                                       circumstances=extra, strict=strict)
            except NoRuleInForceError:
                unassessed.append(petition.id)
                continue
            if (found is not None and found.due is not None and found.completed_on is None
                    and found.rule.completed_by and found.due < day):
                items.append(OverdueItem(petition.id, petition.unit, stage, found.due,
                                         (day - found.due).days))
    items.sort(key=lambda item: (-item.days_overdue, item.petition_id, item.stage.code))
    return Backlog(day, tuple(items), tuple(dict.fromkeys(unassessed)))


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


def ageing(petitions: Iterable[Petition], as_of: dt.date, *,
           bounds: Iterable[int] = AGE_BOUNDS) -> Ageing:
    """Petitions received by ``as_of`` and not closed on it, by age in buckets.

    >>> from danvan.petitions import Petition
    >>> from danvan.vocabulary import PetitionKind
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
        if not _pending_on(petition, day):
            continue
        age = (day - petition.received_on).days
        index = next((i for i, high in enumerate(highs) if age <= high), len(highs))
        found[index].append(petition.id)
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
    oldest = heapq.nsmallest(n, (p for p in petitions if _pending_on(p, day)),
                             key=lambda p: (p.received_on, p.id))
    return tuple(PendingPetition(p.id, p.unit, p.received_on, (day - p.received_on).days)
                 for p in oldest)
