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

from danvan.errors import FieldError
from danvan.indicators._petition_facts import Fact, Facts, facts
from danvan.indicators.engine import Context, Key, Tally, key_function
from danvan.indicators.scope import Scope
from danvan.indicators.timeliness import AgeBand
from danvan.law.cadence import DEFAULT_CADENCE_RULES, Activity, CadenceRule, check_rules, compliance
from danvan.law.calendar import DEFAULT_CALENDAR, WorkCalendar
from danvan.law.deadlines import Stage
from danvan.values.periods import Period

__all__ = ["OLDEST", "cadence", "cadence_compliance", "on_time", "processing", "stock"]

#: How many petitions ``petitions.oldest_pending`` lists.
OLDEST: Final = 10

_STAGES: Final = (Stage.ACCEPTANCE, Stage.RESOLUTION)

Calculation = tuple[Tally, dict[Key, Tally]]
Calculator = Callable[[Context, tuple[str, ...]], Calculation]

_FACT_GETTERS: Final[dict[str, Any]] = {
    "kind": lambda fact, placement, day: fact.petition.kind,
    "bucket": lambda fact, placement, day: AgeBand.of_age(fact.age or 0),
}


def _keys(context: Context, by: tuple[str, ...]) -> Callable[[Fact, dt.date | None], Key] | None:
    """The breakdown key of a fact; ``day`` places it in a sub-period."""
    key_of = key_function(by, context.period, _FACT_GETTERS)
    if key_of is None:
        return None
    return lambda fact, day: key_of(fact, fact.placement, day)


def _listed(what: str, ids: list[str]) -> str:
    return f"{len(ids)} {what}: {', '.join(ids)}"


def _add(tally: Tally, fact: Fact, total: int = 1, part: int = 0,
         notes: Iterable[str] = ()) -> None:
    tally.add(fact.id, total, part, fact.placement.note)
    if notes:
        tally.notes.update(dict.fromkeys(notes))


def _notes(found: Facts, stages: Iterable[Stage], index: int) -> tuple[str, ...]:
    """The notes the time limits of ``stages`` have about the fact at ``index``."""
    return tuple(n for stage in stages for n in found.limits[stage].notes.get(index, ()))


def on_time(stage: Stage) -> Calculator:
    """Stages due in the period that were met, over those met or missed."""

    def calculate(context: Context, by: tuple[str, ...]) -> Calculation:
        total, cells = Tally(), defaultdict[Key, Tally](Tally)
        key_of = _keys(context, by)
        aside: dict[str, list[str]] = {"pending": [], "unassessed": []}
        assumed: dict[str, list[str]] = defaultdict(list)
        found = facts(context, deadlines=(stage,))
        limits = found.limits[stage]
        notes, assumptions = limits.notes, limits.assumed
        for index, (fact, seen) in enumerate(zip(found.facts, limits.on_time, strict=True)):
            if seen is None:
                continue
            for note in assumptions.get(index, ()):
                assumed[note].append(fact.id)
            outcome, due = seen
            if outcome in aside:
                aside[outcome].append(fact.id)
                continue
            met = int(outcome == "met")
            noted = notes.get(index, ())
            _add(total, fact, 1, met, noted)
            if key_of is not None:
                _add(cells[key_of(fact, due)], fact, 1, met, noted)
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
        found = facts(context, deadlines=chosen)
        if what == "oldest":
            return _oldest([f for f in found.facts if f.age is not None], key_of)
        total, cells = Tally(), defaultdict[Key, Tally](Tally)
        if by == ("bucket",):
            for band in AgeBand:
                cells[band] = Tally()
        overdue = set().union(*(found.limits[s].overdue for s in chosen))
        unassessed_at = set().union(*(found.limits[s].unassessed for s in chosen))
        unassessed = []
        for index, fact in enumerate(found.facts):
            if fact.age is None:
                continue
            noted: tuple[str, ...] = ()
            if what == "overdue":
                if index not in overdue:
                    if index in unassessed_at:
                        unassessed.append(fact.id)
                    continue
                noted = _notes(found, chosen, index)
            _add(total, fact, notes=noted)
            if key_of is not None:
                _add(cells[key_of(fact, None)], fact, notes=noted)
        if unassessed:
            total.notes[_listed("open petitions not assessed: no time limit in force",
                                unassessed)] = None
        return total, cells

    return calculate


def _oldest(open_facts: list[Fact], key_of: Callable[[Fact, Any], Key] | None) -> Calculation:
    def ranked(group: Iterable[Fact]) -> Tally:
        tally = Tally()
        for fact in heapq.nsmallest(OLDEST, group, key=lambda f: (f.petition.received_on, f.id)):
            _add(tally, fact)
            tally.values.append(fact.age or 0)
        return tally

    groups: dict[Key, list[Fact]] = defaultdict(list)
    if key_of is not None:
        for fact in open_facts:
            groups[key_of(fact, None)].append(fact)
    return ranked(open_facts), {key: ranked(group) for key, group in groups.items()}


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
        found = facts(context, spans=(stage,), working=working)
        counted = found.working[stage] if working else None
        for index, (fact, span) in enumerate(zip(found.facts, found.spans[stage], strict=True)):
            if span is None:
                continue
            days = counted[index] if counted is not None else span[1]
            _add(total, fact)
            total.values.append(days)  # type: ignore[arg-type]
            if key_of is not None:
                cell = cells[key_of(fact, span[0])]
                _add(cell, fact)
                cell.values.append(days)  # type: ignore[arg-type]
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
