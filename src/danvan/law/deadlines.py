"""Legal time limits for petitions, counted as the Civil Code counts days.

A :class:`TimeLimitRule` says how long a body has for one :class:`Stage` of a
petition (thụ lý, giải quyết, chuyển đơn ...), in calendar days or working days
(:class:`DayKind`), with its variants (complex case, vùng sâu vùng xa),
extensions and legal basis. Rules come in versioned :class:`RuleSet` s held by a
:class:`RuleBook`; the set in force on the day of the event that starts a
period is the one that counts it. :data:`DEFAULT_RULES` holds the catalogue
(``docs/time-limits.md``); replace a rule or add a set without forking danvan.

Days are counted as the Bộ luật Dân sự 2015 counts them: the day of the start
event is not counted (Art. 147); a period in calendar days whose last day is a
day off ends at the end of the next working day (Art. 148(5)); a period in
working days counts working days only.

>>> from danvan.records.petitions import Petition, PetitionEvent
>>> from danvan.records.vocabulary import EventKind, PetitionKind
>>> p = Petition("KN-1", PetitionKind.COMPLAINT, dt.date(2026, 2, 13), "X1",
...              events=(PetitionEvent(EventKind.ACCEPTED, dt.date(2026, 2, 23)),))
>>> d = stage_deadline(p, Stage.RESOLUTION, as_of=dt.date(2026, 3, 20))
>>> d.due
datetime.date(2026, 3, 25)
>>> print(d.status())
giải quyết: pending as of 2026-03-20, due 2026-03-25 (5 days, 3 working days left)

:func:`danvan.law.schedule.schedule` gives every timed stage at once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any, Final

from attrs import field, frozen

from danvan import _validators as v
from danvan.errors import CalendarError, FieldError, LifecycleError, PeriodError
from danvan.law._time_limit_catalogue import DEFAULT_RULES, rule_book
from danvan.law._time_limit_rules import (
    COMPLEX_COMPLAINT_CRITERIA_FROM,
    AcceptanceReading,
    Circumstance,
    ComplexityCriterion,
    DayKind,
    LegalBasis,
    Limit,
    NoRuleInForceError,
    RuleBook,
    RuleSet,
    Stage,
    TimeLimitRule,
)
from danvan.law.calendar import DEFAULT_CALENDAR, Holiday, WorkCalendar
from danvan.records.petitions import CLOSING_EVENTS, Petition, PetitionEvent
from danvan.records.vocabulary import Channel, Complexity, EventKind, Term

__all__ = [
    "COMPLEX_COMPLAINT_CRITERIA_FROM",
    "DEFAULT_RULES",
    "AcceptanceReading",
    "Circumstance",
    "ComplexityCriterion",
    "DayKind",
    "Elapsed",
    "Explanation",
    "LegalBasis",
    "Limit",
    "NoRuleInForceError",
    "RuleBook",
    "RuleSet",
    "Stage",
    "StageDeadline",
    "StageStatus",
    "TimeLimitRule",
    "Timeliness",
    "circumstances_of",
    "due_date",
    "elapsed",
    "past_due",
    "rule_book",
    "stage_deadline",
]

_DAY = dt.timedelta(days=1)


class Timeliness(Term):
    """Where a stage stands against its time limit on a day."""

    MET = "met", "đúng hạn"
    LATE = "late", "trễ hạn"
    PENDING = "pending", "trong hạn"
    OVERDUE = "overdue", "quá hạn"
    ELAPSED = "elapsed", "đã hết thời hạn"
    SUSPENDED = "suspended", "tạm đình chỉ"
    NOT_STARTED = "not_started", "chưa bắt đầu"
    ENDED = "ended", "kết thúc, không qua bước này"


# --- Counting ------------------------------------------------------------------


def _due(anchor: dt.date, days: int, day_kind: DayKind, calendar: WorkCalendar) -> dt.date:
    if day_kind is DayKind.WORKING:
        return calendar.add_working_days(anchor, days)
    try:
        last = anchor + dt.timedelta(days=days)
    except OverflowError:
        raise CalendarError(f"{anchor.isoformat()} + {days} days",
                            "year: the period ends after 9999, outside the working calendar") from None
    # Art. 148(5): the last day, or the next working day when it is a day off.
    return calendar.add_working_days(last, 0)


def due_date(start: dt.date, days: int, day_kind: DayKind = DayKind.CALENDAR,
             calendar: WorkCalendar = DEFAULT_CALENDAR) -> dt.date:
    """The last day of a period of ``days`` that starts with an event on ``start``.

    The start day is not counted (BLDS 2015 Art. 147). In calendar days, a
    last day that is a day off moves to the next working day (Art. 148(5)); in
    working days, only working days are counted.

    >>> due_date(dt.date(2026, 2, 4), 10)  # 14/2/2026 is in the Tết break
    datetime.date(2026, 2, 23)
    >>> due_date(dt.date(2026, 2, 13), 10, DayKind.WORKING)
    datetime.date(2026, 3, 6)
    """
    start = v.check_date(start, "start")
    days = v.check_count(days, "days")
    day_kind = v.check_member(day_kind, DayKind, "day_kind")
    return _due(start, days, day_kind, calendar)


@frozen
class Elapsed:
    """Days from a start event to a later day: calendar days and working days in ``(start, end]``."""

    calendar_days: int
    working_days: int

    def __str__(self) -> str:
        return f"{self.calendar_days} days ({self.working_days} working days)"


def elapsed(start: dt.date, end: dt.date, calendar: WorkCalendar = DEFAULT_CALENDAR) -> Elapsed:
    """How many days, and working days, ``end`` is after ``start`` (Art. 147: ``start`` not counted).

    >>> str(elapsed(dt.date(2026, 2, 13), dt.date(2026, 2, 23)))
    '10 days (1 working days)'
    """
    start, end = v.check_date(start, "start"), v.check_date(end, "end")
    if end < start:
        raise PeriodError(f"{start}..{end}", "expected the end on or after the start")
    return Elapsed((end - start).days, calendar.working_days_between(start, end))


# --- Petitions -----------------------------------------------------------------


def past_due(due: dt.date, done: dt.date | None, known_until: dt.date) -> bool:
    """Whether a stage due on ``due`` went past it: done (completed or ended) after it, or not
    done and still open after it on ``known_until``."""
    return known_until > due if done is None else done > due


def circumstances_of(petition: Petition, extra: Iterable[Circumstance] = ()
                     ) -> frozenset[Circumstance]:
    """The circumstances a petition's own fields show, plus ``extra`` (e.g. ``DISCIPLINE``).

    >>> from danvan.records.petitions import Petition
    >>> from danvan.records.vocabulary import PetitionKind
    >>> p = Petition("P", PetitionKind.COMPLAINT, dt.date(2025, 1, 2), "X", remote_area=True)
    >>> sorted(c.code for c in circumstances_of(p, [Circumstance.DISCIPLINE]))
    ['discipline', 'remote_area']
    """
    if extra == ():
        key = (petition.complexity, petition.remote_area, petition.second_instance,
               petition.channel, petition.in_jurisdiction, petition.discipline, petition.multi_site)
        held = _HELD.get(key)
        if held is None:
            held = _HELD[key] = _circumstances(petition, ())
        return held
    return _circumstances(petition, extra)


#: circumstances_of without extra, per the petition fields it reads (a few hundred at most).
_HELD: Final[dict[tuple[Any, ...], frozenset[Circumstance]]] = {}


def _circumstances(petition: Petition, extra: Iterable[Circumstance]) -> frozenset[Circumstance]:
    found = set(v.check_items(extra, Circumstance, "circumstances"))
    if petition.complexity is not Complexity.ORDINARY:
        found.add(Circumstance.COMPLEX)
    if petition.complexity is Complexity.ESPECIALLY_COMPLEX:
        found.add(Circumstance.ESPECIALLY_COMPLEX)
    if Circumstance.ESPECIALLY_COMPLEX in found:
        found.add(Circumstance.COMPLEX)
    if petition.remote_area:
        found.add(Circumstance.REMOTE_AREA)
    if petition.second_instance:
        found.add(Circumstance.SECOND_INSTANCE)
    if petition.channel is Channel.CITIZEN_RECEPTION:
        found.add(Circumstance.AT_RECEPTION)
    if petition.channel in (Channel.FORWARDED, Channel.PRESS):
        found.add(Circumstance.FORWARDED_BY_BODY)
    if not petition.in_jurisdiction:
        found.add(Circumstance.OUT_OF_JURISDICTION)
    if petition.discipline:
        found.add(Circumstance.DISCIPLINE)
    if petition.multi_site:
        found.add(Circumstance.MULTI_SITE)
    return frozenset(found)


@frozen
class StageStatus:
    """A stage on a day: its :class:`Timeliness` and the days left (negative: overdue)."""

    stage: Stage
    timeliness: Timeliness
    on: dt.date
    due: dt.date | None
    days_left: int | None
    working_days_left: int | None

    @property
    def overdue_by(self) -> int:
        """Calendar days past the due date (0 unless overdue)."""
        return max(0, -self.days_left) if self.timeliness is Timeliness.OVERDUE and (
            self.days_left is not None) else 0

    def due_within(self, days: int) -> bool:
        """Whether the stage is pending and due within ``days`` calendar days."""
        return self.timeliness is Timeliness.PENDING and self.days_left is not None and (
            self.days_left <= days)

    def __str__(self) -> str:
        head = f"{self.stage.label}: {self.timeliness.code} as of {self.on.isoformat()}"
        if self.due is None:
            return head
        if self.days_left is not None and self.days_left >= 0:
            return (f"{head}, due {self.due.isoformat()} ({self.days_left} days, "
                    f"{self.working_days_left} working days left)")
        if self.days_left is not None and self.timeliness is Timeliness.OVERDUE:
            return f"{head}, due {self.due.isoformat()} (overdue by {-self.days_left} days)"
        if self.days_left is not None:
            return f"{head}, due {self.due.isoformat()} ({-self.days_left} days ago)"
        return f"{head}, due {self.due.isoformat()}"


@frozen
class Explanation:
    """Why a stage is due when it is: the rule, its basis and the days counted."""

    petition_id: str
    rule: TimeLimitRule
    limit: Limit
    start: dt.date | None
    due: dt.date | None
    extensions: tuple[tuple[dt.date, int], ...]
    suspensions: tuple[tuple[dt.date, dt.date | None], ...]
    shifted_from: dt.date | None
    skipped: tuple[tuple[dt.date, str], ...]
    weekends: int
    notes: tuple[str, ...]

    def lines(self) -> list[str]:
        """The explanation, one fact a line."""
        rule, stage = self.rule, self.rule.stage
        trigger = (f"'{stage.starts_with.code}' ({stage.starts_with.label})" if stage.starts_with
                   else "the day the decision became known")
        out = [
            f"{self.petition_id}: {stage.label} ({stage.code}), rule {rule.id}",
            f"legal basis: {rule.basis} ({rule.basis.vi})"
            + ("" if rule.confirmed else " [unconfirmed]"),
            f"limit: {self.limit.days} {rule.day_kind.label} ({rule.day_kind.code}), "
            f"case: {' + '.join(sorted(c.label for c in self.limit.when)) or 'thông thường'}"
            + (f", up to {self.limit.extensions} extension(s) of {self.limit.extension_days} days"
               if self.limit.extensions else ""),
        ]
        if self.start is None:
            return [*out, f"not started: counts from {trigger}"]
        out.append(f"counts from {trigger} on {self.start.isoformat()}, that day not counted "
                   "(BLDS 2015 Art. 147)")
        out += [f"extended on {on.isoformat()} by {days} days" for on, days in self.extensions]
        for stop, go in self.suspensions:
            out.append(f"suspended on {stop.isoformat()}, " + (
                f"resumed on {go.isoformat()}: the clock restarts the day after"
                if go else "not resumed: the clock is stopped"))
        if self.weekends:
            out.append(f"{self.weekends} weekend days not counted")
        out += [f"day off not counted: {day.isoformat()} {name}" for day, name in self.skipped]
        if self.shifted_from is not None:
            out.append(f"last day {self.shifted_from.isoformat()} is a day off: the period ends "
                       "at the end of the next working day (BLDS 2015 Art. 148(5))")
        if self.due is not None:
            out.append(f"due: {self.due.isoformat()} (end of day)")
        out += [f"note: {note}" for note in self.notes]
        if rule.note:
            out.append(f"rule note: {rule.note}")
        return out

    def __str__(self) -> str:
        return "\n".join(self.lines())


@frozen
class StageDeadline:
    """One timed stage of one petition, from the events known ``as_of`` (``None``: all)."""

    petition_id: str
    stage: Stage
    rule: TimeLimitRule
    limit: Limit
    start: dt.date | None
    due: dt.date | None
    completed_on: dt.date | None
    ended_on: dt.date | None
    suspended_since: dt.date | None
    extensions: tuple[tuple[dt.date, int], ...]
    suspensions: tuple[tuple[dt.date, dt.date | None], ...]
    known_until: dt.date
    calendar: WorkCalendar = field(repr=False)
    counted_to: dt.date | None = None
    notes: tuple[str, ...] = ()

    def __repr__(self) -> str:
        """``<StageDeadline P1 resolution: from 2021-03-02, due 2021-04-13, completed 2021-03-20
        (met)>``; the rule, calendar and notes stay in the attributes."""
        parts = [f"from {_iso(self.start)}", f"due {_iso(self.due)}"]
        if self.completed_on is not None:
            parts.append(f"completed {_iso(self.completed_on)} ({'met' if self.met else 'late'})")
        elif self.ended_on is not None:
            parts.append(f"ended {_iso(self.ended_on)}")
        elif self.missed:
            parts.append(f"missed as of {_iso(self.known_until)}")
        return f"<StageDeadline {_cut(self.petition_id)} {self.stage.code}: {', '.join(parts)}>"

    @property
    def met(self) -> bool | None:
        """Whether the stage was completed by its due date (``None``: not completed)."""
        if self.completed_on is None or self.due is None:
            return None
        return self.completed_on <= self.due

    @property
    def missed(self) -> bool:
        """Whether the due date passed before the stage was completed or ended."""
        return self.due is not None and past_due(self.due, self.completed_on or self.ended_on,
                                                 self.known_until)

    @property
    def days_taken(self) -> Elapsed | None:
        """Days from the start event to completion (suspended time included)."""
        if self.start is None or self.completed_on is None:
            return None
        return elapsed(self.start, self.completed_on, self.calendar)

    def status(self, on: dt.date | None = None) -> StageStatus:
        """Where the stage stands on ``on`` (default: the ``as_of`` day it was computed for)."""
        day = self.known_until if on is None else v.check_date(on, "on")
        if day < self.known_until:
            raise PeriodError(day, f"expected a day on or after {self.known_until.isoformat()}, "
                                   "the last day the events are known; use schedule(as_of=day)")
        if self.start is None:
            return StageStatus(self.stage, Timeliness.NOT_STARTED, day, None, None, None)
        if self.completed_on is not None and self.due is not None:
            timeliness = Timeliness.MET if self.completed_on <= self.due else Timeliness.LATE
            return StageStatus(self.stage, timeliness, day, self.due, None, None)
        if self.ended_on is not None:
            return StageStatus(self.stage, Timeliness.ENDED, day, self.due, None, None)
        if self.due is None:
            return StageStatus(self.stage, Timeliness.SUSPENDED, day, None, None, None)
        left = (self.due - day).days
        working = self.calendar.working_days_between(day, self.due)
        if left >= 0:
            timeliness = Timeliness.PENDING
        else:
            timeliness = Timeliness.OVERDUE if self.rule.completed_by else Timeliness.ELAPSED
        return StageStatus(self.stage, timeliness, day, self.due, left, working)

    def assumptions(self) -> tuple[str, ...]:
        """The undecided breaks the due date depends on: assumed days off (Tết, 2/9) in the
        days counted, or within two days of the last one (a decision could move it).

        Empty when every day off it depends on is fixed by the law or a decision.
        """
        if self.start is None or self.due is None:
            return ()
        near = dt.timedelta(days=2)
        first = (self.counted_to - near if self.rule.day_kind is DayKind.CALENDAR
                 and self.counted_to is not None else self.start + _DAY)
        groups: dict[tuple[int, str], list[Holiday]] = {}
        for holiday in self.calendar.assumed_holidays(first, self.due + near):
            groups.setdefault((holiday.date.year, holiday.kind.code), []).append(holiday)
        return tuple(
            f"due date depends on days off not yet decided: {found[0].name} {year} "
            f"({', '.join(h.date.isoformat() for h in found)}) {found[0].assumption}"
            for (year, _), found in groups.items())

    def explain(self) -> Explanation:
        """The rule, basis, start event, extensions, suspensions and days off behind the due date.

        Its notes warn when the due date depends on a break not yet decided
        (:meth:`assumptions`).
        """
        skipped: list[tuple[dt.date, str]] = []
        weekends = 0
        shifted = None
        if self.start is not None and self.due is not None:
            names: dict[dt.date, str] = {}
            for year in range(self.start.year, self.due.year + 1):
                names.update((h.date, h.name) for h in self.calendar.holidays(year))
                names.update((d, names.get(d, "ngày nghỉ bù / theo quyết định"))
                             for d in self.calendar.days_off(year))
            if self.rule.day_kind is DayKind.WORKING:
                day = self.start + _DAY
                while day <= self.due:
                    if not self.calendar.is_working_day(day):
                        if day in names:
                            skipped.append((day, names[day]))
                        else:
                            weekends += 1
                    day += _DAY
            elif self.counted_to is not None and self.counted_to < self.due:
                shifted = day = self.counted_to
                while day < self.due:
                    skipped.append((day, names.get(day, "cuối tuần")))
                    day += _DAY
        return Explanation(self.petition_id, self.rule, self.limit, self.start, self.due,
                           self.extensions, self.suspensions, shifted, tuple(skipped), weekends,
                           (*self.notes, *self.assumptions()))


def _start_of(petition: Petition, stage: Stage, events: tuple[PetitionEvent, ...],
              known_on: dt.date | None) -> dt.date | None:
    kind = stage.starts_with
    if kind is None:
        return known_on
    if kind is EventKind.RECEIVED:
        return petition.received_on
    return next((e.on for e in events if e.kind is kind), None)


def _extension(rule: TimeLimitRule, limit: Limit, petition: Petition, index: int,
               event: PetitionEvent, count: int, strict: bool, notes: list[str]) -> int:
    path = f"{petition.id}.events[{index}]"
    if count > limit.extensions:
        reason = (f"expected at most {limit.extensions} extension(s) under {rule.id} "
                  f"for this case ({limit})")
        if strict:
            raise LifecycleError(path, event.on.isoformat(), reason)
        notes.append(f"extension of {event.on.isoformat()} not counted: {reason}")
        return 0
    if event.days is None or not 1 <= event.days <= limit.extension_days:
        reason = f"expected an extension of 1 to {limit.extension_days} days under {rule.id}"
        if strict:
            raise LifecycleError(f"{path}.days", event.days, reason)
        # Unknown length: the most the rule allows; too long: capped; zero: nothing.
        counted = limit.extension_days if event.days is None else min(event.days, limit.extension_days)
        notes.append(f"extension of {event.on.isoformat()} counted as {counted} days: {reason}")
        return counted
    return event.days


def stage_deadline(petition: Petition, stage: Stage, *, as_of: dt.date | None = None,
                   rules: RuleBook = DEFAULT_RULES, calendar: WorkCalendar = DEFAULT_CALENDAR,
                   circumstances: Iterable[Circumstance] = (), known_on: dt.date | None = None,
                   strict: bool = True) -> StageDeadline | None:
    """The time limit of one ``stage`` of ``petition``, from the events known ``as_of``.

    ``None`` when no rule covers that stage of the petition, or when the
    petition closed before the stage began. Extensions and suspensions
    (tạm đình chỉ) count for the resolution stage: the clock stops on the day
    of suspension and restarts from the decision to continue, when the rule
    allows suspension on that day (``TimeLimitRule.suspends_from``; for
    complaints, from 1 July 2026 only); otherwise a note says it was not counted. An extension the
    rule does not allow raises :class:`~danvan.errors.LifecycleError` unless
    ``strict`` is False (then it is left out or capped, with a note).
    """
    if as_of is not None and v.check_date(as_of, "as_of") < petition.received_on:
        raise PeriodError(as_of, f"expected as_of on or after receipt ({petition.received_on})")
    if known_on is None:
        known_on = petition.known_on
    elif v.check_date(known_on, "known_on") > petition.received_on:
        raise FieldError("known_on", known_on, "expected a day on or before receipt")
    events = petition.events if as_of is None else tuple(e for e in petition.events if e.on <= as_of)
    known_until = as_of or (events[-1].on if events else petition.received_on)
    held = circumstances_of(petition, circumstances)
    start = _start_of(petition, stage, events, known_on)
    closed = bool(events) and events[-1].kind in CLOSING_EVENTS
    if start is None:
        if closed or stage.starts_with is None:
            return None
        try:
            rule = rules.select(stage, petition.kind, held, petition.received_on)
        except NoRuleInForceError:
            return None
        if rule is None:
            return None
        return StageDeadline(petition.id, stage, rule, rule.limit_for(held), None, None, None,
                             None, None, (), (), known_until, calendar)
    rule = rules.select(stage, petition.kind, held, start)
    if rule is None:
        return None
    limit = rule.limit_for(held)
    if stage is Stage.FILING:
        completed: dt.date | None = petition.received_on
    else:
        completed = next((e.on for e in events if e.kind in rule.completed_by and e.on >= start),
                         None)
    ended = events[-1].on if closed and completed is None and stage.is_duty else None
    anchor, remaining = start, limit.days
    due: dt.date | None = _due(anchor, remaining, rule.day_kind, calendar)
    stopped: dt.date | None = None
    extensions: list[tuple[dt.date, int]] = []
    suspensions: list[tuple[dt.date, dt.date | None]] = []
    notes: list[str] = []
    if stage is Stage.RESOLUTION:
        for index, event in enumerate(events):
            if event.kind is EventKind.EXTENDED:
                days = _extension(rule, limit, petition, index, event, len(extensions) + 1,
                                  strict, notes)
                if days:
                    extensions.append((event.on, days))
                    remaining += days
                    if stopped is None:
                        due = _due(anchor, remaining, rule.day_kind, calendar)
            elif event.kind is EventKind.SUSPENDED and due is not None:
                if rule.suspends_from is None or event.on < rule.suspends_from:
                    since = (f" before {rule.suspends_from.isoformat()}" if rule.suspends_from
                             else "")
                    notes.append(f"suspension of {event.on.isoformat()} does not stop the clock: "
                                 f"no suspension under {rule.id}{since}")
                    continue
                if event.on > due:
                    notes.append(f"suspension of {event.on.isoformat()} came after the due "
                                 "date and does not extend it")
                    continue
                used = ((event.on - anchor).days if rule.day_kind is DayKind.CALENDAR
                        else calendar.working_days_between(anchor, event.on))
                remaining = max(0, remaining - used)
                stopped, due = event.on, None
                suspensions.append((event.on, None))
            elif event.kind is EventKind.RESUMED and stopped is not None:
                suspensions[-1] = (stopped, event.on)
                anchor, stopped = event.on, None
                due = _due(anchor, remaining, rule.day_kind, calendar)
    counted_to = (anchor + dt.timedelta(days=remaining)
                  if due is not None and rule.day_kind is DayKind.CALENDAR else None)
    return StageDeadline(petition.id, stage, rule, limit, start, due, completed, ended, stopped,
                         tuple(extensions), tuple(suspensions), known_until, calendar,
                         counted_to, tuple(notes))


def _iso(day: dt.date | None) -> str:
    return "?" if day is None else day.isoformat()


def _cut(text: str, width: int = 40) -> str:
    return text if len(text) <= width else text[:width - 1] + "…"
