"""What the time-limit indicators know about each petition in scope, computed once per evaluation.

The first of them a report computes reads every petition once (placement,
age on the period's last day); the time limits of a stage, the days a stage
took and those days in working days are added when an indicator first asks
for them, and kept in lists aligned with the petitions, so that the others
read them without reading the records again.

A time limit is found as :func:`~danvan.law.deadlines.stage_deadline` finds
it. Without extensions or suspensions, the rule, due date and undecided days
off of a stage depend on the petition's kind, circumstances and start day
only: they are worked out once per such key (by ``stage_deadline`` itself, on
the first petition with it) and the rest (completion, end, outcome) is read
from each petition's events. A petition not accepted has no resolution due
date, so nothing to count (its rule is still looked up, once per kind,
circumstances and day of receipt, so that the same errors are raised). A
petition with extensions or suspensions, or with no rule in force, goes
through ``stage_deadline`` whole.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable
from typing import Any, Final

from danvan._progress import ticker
from danvan.errors import FieldError
from danvan.indicators.engine import Context
from danvan.indicators.scope import Placement
from danvan.indicators.timeliness import (
    UNASSESSED,
    deadline_or_unassessed,
    due_outcome,
    on_time_outcome,
    overdue_item,
    pending_on,
    stage_span,
)
from danvan.law.calendar import DEFAULT_CALENDAR, WorkCalendar
from danvan.law.deadlines import (
    DEFAULT_RULES,
    Circumstance,
    RuleBook,
    Stage,
    StageDeadline,
    circumstances_of,
)
from danvan.records.petitions import CLOSING_EVENTS, Petition
from danvan.records.vocabulary import EventKind
from danvan.values.periods import Period

__all__ = ["Fact", "Facts", "Limits", "facts", "option"]

_CACHE: Final = "petitions.time_limits"
#: Events that move a resolution's due date: such petitions take the whole computation.
_CLOCK: Final = frozenset({EventKind.EXTENDED, EventKind.SUSPENDED, EventKind.RESUMED})
#: A plan still to be worked out, or one that needs the whole computation for every petition.
_WHOLE: Final = "whole"

Span = tuple[dt.date, int, dt.date]


class Fact:
    """One petition in scope received by the period's last day: its placement and, when it is
    open on that day, its age in days."""

    __slots__ = ("age", "held", "id", "petition", "placement")

    def __init__(self, petition: Petition, placement: Placement, age: int | None) -> None:
        self.petition, self.id, self.placement, self.age = petition, petition.id, placement, age
        #: its circumstances (:func:`~danvan.law.deadlines.circumstances_of`), once asked
        self.held: frozenset[Circumstance] | None = None


class Limits:
    """One stage's time limits, by index of the facts: the outcome and due date of those due
    in the period, notes and undecided days off, and the open petitions overdue or with no
    time limit in force."""

    __slots__ = ("assumed", "notes", "on_time", "overdue", "unassessed")

    def __init__(self, n: int) -> None:
        self.on_time: list[tuple[str, dt.date | None] | None] = [None] * n
        self.notes: dict[int, tuple[str, ...]] = {}
        self.assumed: dict[int, tuple[str, ...]] = {}
        self.overdue: set[int] = set()
        self.unassessed: set[int] = set()


class Facts:
    """The facts, with the time limits, spans (completion day, days, start day of the stages
    completed in the period) and working days of each stage asked so far."""

    __slots__ = ("facts", "limits", "spans", "working")

    def __init__(self, found: list[Fact]) -> None:
        self.facts = found
        self.limits: dict[Stage, Limits] = {}
        self.spans: dict[Stage, list[Span | None]] = {}
        self.working: dict[Stage, list[int | None]] = {}


def option(context: Context, name: str, kind: type, default: Any) -> Any:
    """The parameter ``name`` of the evaluation, checked to be a ``kind``."""
    value = context.params.get(name, default)
    if not isinstance(value, kind):
        raise FieldError(name, value, f"expected a {kind.__name__}")
    return value


def facts(context: Context, *, deadlines: Iterable[Stage] = (), spans: Iterable[Stage] = (),
          working: bool = False) -> Facts:
    """The facts of every petition in scope received by the period's last day, with the time
    limits of the ``deadlines`` stages and the days taken by the ``spans`` stages (in working
    days too, with ``working``): each computed once per evaluation, when first asked."""
    found: Facts | None = context.cache.get(_CACHE)
    if found is None:
        found = context.cache[_CACHE] = Facts(_base_facts(context))
    for stage in deadlines:
        if stage not in found.limits:
            found.limits[stage] = _limits(context, found.facts, stage)
    for stage in spans:
        if stage not in found.spans:
            found.spans[stage] = [_span(f.petition, stage, context.period) for f in found.facts]
        if working and stage not in found.working:
            calendar = option(context, "calendar", WorkCalendar, DEFAULT_CALENDAR)
            found.working[stage] = _working_days(calendar, found.spans[stage])
    return found


def _base_facts(context: Context) -> list[Fact]:
    place, day = context.scope.place, context.period.last
    found = []
    petitions = context.dataset.petitions
    tick = ticker(context.progress, len(petitions), "petitions: open on the last day")
    for index, petition in enumerate(petitions):
        if index == tick.next:
            tick(index)
        if petition.received_on > day:
            continue
        placement = place(petition.unit)
        if placement is None:
            continue
        events = petition.events
        if not events:
            open_ = True
        elif events[-1].on <= day:  # every event known on the day: no need to walk them
            open_ = events[-1].kind not in CLOSING_EVENTS
        else:
            open_ = pending_on(petition, day)
        found.append(Fact(petition, placement, (day - petition.received_on).days
                          if open_ else None))
    tick.end()
    return found


def _span(petition: Petition, stage: Stage, period: Period) -> Span | None:
    span = stage_span(petition, stage)
    if span is None or span[1] not in period:
        return None
    start, done = span
    return done, (done - start).days, start


def _working_days(calendar: WorkCalendar, spans: list[Span | None]) -> list[int | None]:
    """The working days of each span, from one table of working days counted by ordinal."""
    days = [s for s in spans if s is not None]
    if not days:
        return [None] * len(spans)
    first = min(s[2] for s in days)
    last = max(s[0] for s in days)
    base = first.toordinal()
    # counted[k]: working days in (first, first + k]
    counted = [0, *itertools.accumulate(
        int(calendar.is_working_day(dt.date.fromordinal(base + k)))
        for k in range(1, last.toordinal() - base + 1))]
    return [None if s is None else counted[s[0].toordinal() - base] - counted[s[2].toordinal() - base]
            for s in spans]


def _limits(context: Context, found: list[Fact], stage: Stage) -> Limits:
    rules = option(context, "time_limits", RuleBook, DEFAULT_RULES)
    calendar = option(context, "calendar", WorkCalendar, DEFAULT_CALENDAR)
    strict = option(context, "strict", bool, False)
    period = context.period
    day = period.last
    limits = Limits(len(found))
    on_time, overdue = limits.on_time, limits.overdue
    # per (kind, circumstances, start day): (completed_by, due, assumptions), () without a rule
    plans: dict[tuple[Any, ...], Any] = {}
    shared: dict[tuple[str, dt.date | None], tuple[str, dt.date | None]] = {}
    # only these two stages take the short way (any other: stage_deadline for every petition)
    resolution, acceptance = stage is Stage.RESOLUTION, stage is Stage.ACCEPTANCE
    accepted = EventKind.ACCEPTED
    tick = ticker(context.progress, len(found), f"petitions: time limits of the {stage.code}")
    for index, fact in enumerate(found):
        if index == tick.next:
            tick(index)
        petition = fact.petition
        events = petition.events
        if events and events[-1].on > day:
            events = tuple(e for e in events if e.on <= day)
        start, clocked = (petition.received_on if acceptance else None), False
        if resolution:  # the acceptance starts it; extensions and suspensions move its due date
            for event in events:
                if event.kind in _CLOCK:
                    clocked = True
                elif start is None and event.kind is accepted:
                    start = event.on
        if start is None and resolution and events and events[-1].kind in CLOSING_EVENTS:
            continue  # closed, never accepted: no rule to choose, nothing to count
        key: tuple[Any, ...] | None = None
        plan: Any = _WHOLE
        if (start is not None and not clocked) or (start is None and resolution):
            held = fact.held
            if held is None:
                held = fact.held = circumstances_of(petition)
            # not accepted: no due date, so nothing to count; the rule is chosen once per key
            key = (petition.kind, held, start) if start is not None else (
                petition.kind, held, None, petition.received_on)
            plan = plans.get(key, _WHOLE)
        if plan is _WHOLE:
            deadline = deadline_or_unassessed(petition, stage, day, rules=rules,
                                              calendar=calendar, strict=strict)
            _record(limits, index, fact, stage, deadline, context)
            if key is not None:
                # not started: never anything to count, whatever the rule
                plans[key] = () if start is None or deadline is None else (
                    _WHOLE if deadline == UNASSESSED else (
                        deadline.rule.completed_by, deadline.due, deadline.assumptions()))
            continue
        if not plan:
            continue
        completed_by, due, assumed = plan
        begun: dt.date = start  # type: ignore[assignment]  # a plan needs a start
        if assumed:
            limits.assumed[index] = assumed
        completed = None
        for event in events:
            if event.kind in completed_by and event.on >= begun:
                completed = event.on
                break
        ended = (events[-1].on if completed is None and events
                 and events[-1].kind in CLOSING_EVENTS else None)
        outcome = due_outcome(due, completed_by, completed, ended, day, period)
        if outcome is not None:
            pair = (outcome, due)
            on_time[index] = shared.setdefault(pair, pair)
        if fact.age is not None and completed is None and completed_by and due < day:
            overdue.add(index)
    tick.end()
    return limits


def _record(limits: Limits, index: int, fact: Fact, stage: Stage,
            deadline: StageDeadline | str | None, context: Context) -> None:
    """What one stage's whole :func:`~danvan.law.deadlines.stage_deadline` says of a petition."""
    petition, day = fact.petition, context.period.last
    if isinstance(deadline, StageDeadline):
        if deadline.notes:
            limits.notes[index] = tuple(f"{petition.id}: {n}" for n in deadline.notes)
        if assumed := deadline.assumptions():
            limits.assumed[index] = assumed
    outcome = on_time_outcome(deadline, context.period, petition=petition,  # type: ignore[arg-type]
                              stage=stage)
    if outcome is not None:
        limits.on_time[index] = (outcome, deadline.due if isinstance(deadline, StageDeadline)
                                 else None)
    if fact.age is not None:
        if deadline == UNASSESSED:
            limits.unassessed.add(index)
        elif overdue_item(petition, deadline, day) is not None:
            limits.overdue.add(index)
