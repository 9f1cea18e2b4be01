"""Calculators for the time-limit indicators of petitions and the cadence of reception and dialogue.

The petition indicators share one pass over the records: the first of them a
report computes reads every petition once, finds its acceptance and
resolution time limits (:mod:`danvan.law.deadlines`) as of the period's last day,
and keeps the few facts each indicator needs in the context's cache; the
others read those facts. Durations are kept raw, so the median of a unit is
computed from every record below it, never from its children's medians.

Extensions the rules do not allow are left out or capped, with a note naming
the petition (``strict=True`` raises :class:`~danvan.errors.LifecycleError`
instead). Parameters (``compute(..., **params)``): ``time_limits`` (a
:class:`~danvan.law.deadlines.RuleBook`), ``calendar`` (a
:class:`~danvan.law.calendar.WorkCalendar`), ``strict``, ``stage`` (the stage whose processing
time is measured; default resolution) and ``cadence_rules`` (the
:class:`~danvan.law.cadence.CadenceRule` s to check; default the national ones).
"""

from __future__ import annotations

import datetime as dt
import heapq
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, Final

from danvan._progress import ticker
from danvan.errors import FieldError
from danvan.indicators.engine import Context, Key, Tally, key_function
from danvan.indicators.scope import Placement, Scope
from danvan.indicators.timeliness import (
    UNASSESSED,
    AgeBand,
    deadline_or_unassessed,
    on_time_outcome,
    overdue_item,
    pending_on,
    stage_span,
)
from danvan.law.cadence import DEFAULT_CADENCE_RULES, Activity, CadenceRule, check_rules, compliance
from danvan.law.calendar import DEFAULT_CALENDAR, WorkCalendar
from danvan.law.deadlines import DEFAULT_RULES, RuleBook, Stage, StageDeadline
from danvan.records.petitions import Petition
from danvan.values.periods import Period

__all__ = ["OLDEST", "cadence", "cadence_compliance", "on_time", "processing", "stock"]

#: How many petitions ``petitions.oldest_pending`` lists.
OLDEST: Final = 10

_STAGES: Final = (Stage.ACCEPTANCE, Stage.RESOLUTION)
_CACHE: Final = "petitions.time_limits"

Calculation = tuple[Tally, dict[Key, Tally]]
Calculator = Callable[[Context, tuple[str, ...]], Calculation]


class _Fact:
    """What the time-limit indicators need to know about one petition in scope.

    The base facts (placement, age) come first; the time limits of a stage and
    the days a stage took are added by the first indicator that needs them.
    """

    __slots__ = ("age", "assumed", "id", "kind", "notes", "on_time", "overdue", "petition",
                 "placement", "received_on", "spans", "unassessed", "working")

    def __init__(self, petition: Petition, placement: Placement) -> None:
        self.petition = petition
        self.id, self.kind, self.received_on = petition.id, petition.kind, petition.received_on
        self.placement = placement
        self.on_time: dict[Stage, tuple[str, dt.date | None]] = {}
        self.spans: dict[Stage, tuple[dt.date, int, dt.date]] = {}
        self.working: dict[Stage, int] = {}
        self.notes: dict[Stage, tuple[str, ...]] = {}
        self.assumed: dict[Stage, tuple[str, ...]] = {}
        self.overdue = False
        self.unassessed = False
        self.age: int | None = None


def _option(context: Context, name: str, kind: type, default: Any) -> Any:
    value = context.params.get(name, default)
    if not isinstance(value, kind):
        raise FieldError(name, value, f"expected a {kind.__name__}")
    return value


def _facts(context: Context, *, deadlines: Iterable[Stage] = (), spans: Iterable[Stage] = (),
           working: bool = False) -> list[_Fact]:
    """The facts of every petition in scope received by the period's last day, with the time
    limits of the ``deadlines`` stages and the days taken by the ``spans`` stages (in working
    days too, with ``working``): each computed once per evaluation, when first asked."""
    found: list[_Fact] | None = context.cache.get(_CACHE)
    if found is None:
        found = context.cache[_CACHE] = _base_facts(context)
    done: set[tuple[str, Stage]] = context.cache.setdefault(f"{_CACHE}.done", set())
    for stage in deadlines:
        if ("deadline", stage) not in done:
            _add_deadlines(context, found, stage)
            done.add(("deadline", stage))
    for stage in spans:
        if ("span", stage) not in done:
            _add_spans(context, found, stage)
            done.add(("span", stage))
        if working and ("working", stage) not in done:
            calendar = _option(context, "calendar", WorkCalendar, DEFAULT_CALENDAR)
            between = calendar.working_days_between
            for fact in found:
                span = fact.spans.get(stage)
                if span is not None:
                    fact.working[stage] = between(span[2], span[0])
            done.add(("working", stage))
    return found


def _base_facts(context: Context) -> list[_Fact]:
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
        fact = _Fact(petition, placement)
        if pending_on(petition, day):
            fact.age = (day - petition.received_on).days
        found.append(fact)
    tick.end()
    return found


def _add_deadlines(context: Context, facts: list[_Fact], stage: Stage) -> None:
    rules = _option(context, "time_limits", RuleBook, DEFAULT_RULES)
    calendar = _option(context, "calendar", WorkCalendar, DEFAULT_CALENDAR)
    strict = _option(context, "strict", bool, False)
    period = context.period
    day = period.last
    tick = ticker(context.progress, len(facts), f"petitions: time limits of the {stage.code}")
    for index, fact in enumerate(facts):
        if index == tick.next:
            tick(index)
        petition = fact.petition
        deadline = deadline_or_unassessed(petition, stage, day, rules=rules,
                                          calendar=calendar, strict=strict)
        if isinstance(deadline, StageDeadline) and deadline.notes:
            fact.notes[stage] = tuple(f"{petition.id}: {n}" for n in deadline.notes)
        if isinstance(deadline, StageDeadline) and (assumed := deadline.assumptions()):
            fact.assumed[stage] = assumed
        outcome = on_time_outcome(deadline, period, petition=petition, stage=stage)
        if outcome is not None:
            due = deadline.due if isinstance(deadline, StageDeadline) else None
            fact.on_time[stage] = (outcome, due)
        if fact.age is not None:
            if deadline == UNASSESSED:
                fact.unassessed = True
            elif overdue_item(petition, deadline, day) is not None:
                fact.overdue = True
    tick.end()


def _add_spans(context: Context, facts: list[_Fact], stage: Stage) -> None:
    period = context.period
    for fact in facts:
        span = stage_span(fact.petition, stage)
        if span is not None and span[1] in period:
            start, done = span
            fact.spans[stage] = (done, (done - start).days, start)


_FACT_GETTERS: Final[dict[str, Any]] = {
    "kind": lambda fact, placement, day: fact.kind,
    "bucket": lambda fact, placement, day: AgeBand.of_age(fact.age or 0),
}


def _keys(context: Context, by: tuple[str, ...]) -> Callable[[_Fact, dt.date | None], Key] | None:
    """The breakdown key of a fact; ``day`` places it in a sub-period."""
    key_of = key_function(by, context.period, _FACT_GETTERS)
    if key_of is None:
        return None
    return lambda fact, day: key_of(fact, fact.placement, day)


def _listed(what: str, ids: list[str]) -> str:
    return f"{len(ids)} {what}: {', '.join(ids)}"


def _add(tally: Tally, fact: _Fact, total: int = 1, part: int = 0,
         stages: Iterable[Stage] = ()) -> None:
    tally.add(fact.id, total, part, fact.placement.note)
    for stage in stages:
        tally.notes.update(dict.fromkeys(fact.notes.get(stage, ())))


def on_time(stage: Stage) -> Calculator:
    """Stages due in the period that were met, over those met or missed."""

    def calculate(context: Context, by: tuple[str, ...]) -> Calculation:
        total, cells = Tally(), defaultdict[Key, Tally](Tally)
        key_of = _keys(context, by)
        aside: dict[str, list[str]] = {"pending": [], "unassessed": []}
        assumed: dict[str, list[str]] = defaultdict(list)
        for fact in _facts(context, deadlines=(stage,)):
            found = fact.on_time.get(stage)
            if found is None:
                continue
            for note in fact.assumed.get(stage, ()):
                assumed[note].append(fact.id)
            outcome, due = found
            if outcome in aside:
                aside[outcome].append(fact.id)
                continue
            met = int(outcome == "met")
            _add(total, fact, 1, met, (stage,))
            if key_of is not None:
                _add(cells[key_of(fact, due)], fact, 1, met, (stage,))
        day = context.period.last.isoformat()
        if aside["pending"]:
            total.notes[_listed(f"due on {day} and still within the limit", aside["pending"])] = None
        if aside["unassessed"]:
            total.notes[_listed(f"not assessed: no time limit of the {stage.code} in force",
                                aside["unassessed"])] = None
        for note, ids in assumed.items():
            total.notes[_listed(f"petitions whose {note}", ids)] = None
        return total, cells

    return calculate


def stock(what: str) -> Calculator:
    """Petitions open on the period's last day: ``overdue`` (a stage past due), ``ageing``
    (all, by age band) or ``oldest`` (the :data:`OLDEST` received first, by age)."""
    if what not in ("overdue", "ageing", "oldest"):
        raise FieldError("what", what, "expected 'overdue', 'ageing' or 'oldest'")

    def calculate(context: Context, by: tuple[str, ...]) -> Calculation:
        key_of = _keys(context, by)
        chosen = _STAGES if what == "overdue" else ()
        open_facts = [f for f in _facts(context, deadlines=chosen) if f.age is not None]
        if what == "oldest":
            return _oldest(open_facts, key_of)
        total, cells = Tally(), defaultdict[Key, Tally](Tally)
        if by == ("bucket",):
            for band in AgeBand:
                cells[band] = Tally()
        unassessed = []
        for fact in open_facts:
            if what == "overdue" and not fact.overdue:
                if fact.unassessed:
                    unassessed.append(fact.id)
                continue
            stages = _STAGES if what == "overdue" else ()
            _add(total, fact, stages=stages)
            if key_of is not None:
                _add(cells[key_of(fact, None)], fact, stages=stages)
        if unassessed:
            total.notes[_listed("open petitions not assessed: no time limit in force",
                                unassessed)] = None
        return total, cells

    return calculate


def _oldest(facts: list[_Fact], key_of: Callable[[_Fact, Any], Key] | None) -> Calculation:
    def ranked(group: Iterable[_Fact]) -> Tally:
        tally = Tally()
        for fact in heapq.nsmallest(OLDEST, group, key=lambda f: (f.received_on, f.id)):
            _add(tally, fact)
            tally.values.append(fact.age or 0)
        return tally

    groups: dict[Key, list[_Fact]] = defaultdict(list)
    if key_of is not None:
        for fact in facts:
            groups[key_of(fact, None)].append(fact)
    return ranked(facts), {key: ranked(group) for key, group in groups.items()}


def processing(working: bool) -> Calculator:
    """Days (``working``: working days) taken by the stage, for stages completed in the period."""

    def calculate(context: Context, by: tuple[str, ...]) -> Calculation:
        stage = context.params.get("stage", Stage.RESOLUTION)
        if isinstance(stage, str):
            stage = Stage.from_label(stage)
        if stage not in _STAGES:
            raise FieldError("stage", stage, "expected the acceptance or resolution stage")
        total, cells = Tally(), defaultdict[Key, Tally](Tally)
        key_of = _keys(context, by)
        for fact in _facts(context, spans=(stage,), working=working):
            span = fact.spans.get(stage)
            if span is None:
                continue
            days = fact.working[stage] if working else span[1]
            _add(total, fact)
            total.values.append(days)
            if key_of is not None:
                cell = cells[key_of(fact, span[0])]
                _add(cell, fact)
                cell.values.append(days)
        total.notes[f"{stage.label} ({stage.code}), completed in the period"] = None
        return total, cells

    return calculate


class _AreaOf(Mapping[str, str]):
    """Unit code on a record to the nearest administrative area in scope (a People's
    Committee to its area); computed on demand, cached by the scope."""

    def __init__(self, scope: Scope) -> None:
        self.scope = scope

    def __getitem__(self, code: str) -> str:
        area = self.scope.area(code)
        if area is None:
            raise KeyError(code)
        return area

    def __iter__(self) -> Iterator[str]:
        codes = dict.fromkeys(u.code for u in self.scope.registry)
        return (code for code in codes if self.scope.area(code) is not None)

    def __len__(self) -> int:
        return sum(1 for _ in self)


def _missed_note(unit: str, rule: CadenceRule, missed: tuple[Any, ...], checked: int) -> str:
    shown = ", ".join(str(p) for p in missed[:5]) + (", …" if len(missed) > 5 else "")
    return f"{unit} {rule.id}: missed {len(missed)} of {checked} periods: {shown}"


def cadence(activity: Activity) -> Calculator:
    """Units in scope compliant with every cadence rule of ``activity`` for their level."""
    reception = activity is Activity.RECEPTION

    def calculate(context: Context, by: tuple[str, ...]) -> Calculation:
        records = context.dataset.receptions if reception else context.dataset.dialogues
        return cadence_compliance(
            activity, context.scope, context.period, context.params, by,
            lambda: {"receptions": records} if reception else {"dialogues": records})

    return calculate


def cadence_compliance(activity: Activity, scope: Scope, period: Period, params: Mapping[str, Any],
                       by: tuple[str, ...], sessions: Callable[[], Mapping[str, Any]]) -> Calculation:
    """Units in scope compliant with every cadence rule of ``activity`` for their level;
    ``sessions()`` gives the sessions as keyword arguments of :func:`~danvan.law.cadence.compliance`
    (read only when a rule applies)."""
    rules = check_rules(params.get("cadence_rules", DEFAULT_CADENCE_RULES), "cadence_rules")
    calendar = params.get("calendar", DEFAULT_CALENDAR)
    if not isinstance(calendar, WorkCalendar):
        raise FieldError("calendar", calendar, "expected a WorkCalendar")
    chosen = [r for r in rules if r.activity is activity]
    ruled = {r.level for r in chosen}
    levels = {u.code: u.level for u in scope.units() if u.level in ruled}
    # without a rule (no dialogue rule by default) there is nothing to read
    found = compliance(levels, period, rules=chosen, calendar=calendar, units_of=_AreaOf(scope),
                       **(sessions() if chosen else {}))
    total, cells = Tally(), defaultdict[Key, Tally](Tally)
    if not chosen:
        total.notes[f"no {activity.code} cadence rule to check (parameter cadence_rules)"] = None
    key_of = key_function(by, period, {"level": lambda unit, p, d: levels[unit]})
    compliant = set(found.compliant_units)
    for unit in found.units:
        hit = int(unit in compliant)
        total.add(unit, 1, hit)
        if key_of is not None:
            placement = scope.place(unit)
            assert placement is not None  # a unit of the scope
            cells[key_of(unit, placement, None)].add(unit, 1, hit)
    for result in found.results:
        if result.missed:
            note = _missed_note(result.unit, result.rule, result.missed, len(result.checks))
            total.notes[note] = None
    if found.unassessed:
        total.notes[_listed(f"units not assessed: no {activity.code} rule for their level "
                            "in force for a whole period", list(found.unassessed))] = None
    return total, cells
