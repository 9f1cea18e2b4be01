"""Calculators for indicators about units rather than records: coverage and restructuring.

Each takes the :class:`~danvan.indicators.engine.Context` and the breakdown
asked for, and returns the total :class:`~danvan.indicators.engine.Tally` and
one tally per breakdown cell. Their provenance lists unit codes.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Collection, Mapping
from typing import Any

from danvan.errors import FieldError
from danvan.indicators.engine import Context, Key, Tally, key_function
from danvan.indicators.scope import Placement, Scope
from danvan.records.directives import Directive
from danvan.records.document_numbers import DocumentNumber
from danvan.records.units import Unit
from danvan.records.vocabulary import UnitKind, UnitLevel

__all__ = ["coverage", "days_to_plan", "level_of", "replication_coverage", "restructuring"]

KeyOf = Callable[[Any, Placement, Any], Key]


def level_of(scope: Scope, params: Mapping[str, Any], default: UnitLevel | None = None,
             ) -> UnitLevel | None:
    """The ``level`` parameter, else ``default``, else the highest level below the scope's
    root (``None`` when it has none)."""
    level = params.get("level", default)
    if level is None:
        below = [u.level for u in scope.units() if u.code != scope.root]
        if not below:
            return None
        level = min(below, key=lambda lv: lv.depth)
    if isinstance(level, str):
        level = UnitLevel.from_label(level)
    if not isinstance(level, UnitLevel):
        raise FieldError("level", level, "expected a UnitLevel")
    return level


def _level(context: Context, default: UnitLevel | None = None) -> UnitLevel | None:
    return level_of(context.scope, context.params, default)


def _placement(scope: Scope, code: str) -> Placement:
    placement = scope.place(code)
    assert placement is not None, code  # a unit listed by the scope is in it
    return placement


def _tally(units: tuple[Unit, ...], reached: Collection[str], scope: Scope,
           key_of: KeyOf | None) -> tuple[Tally, dict[Key, Tally]]:
    """Each unit in the denominator, in the numerator when ``reached``; cells by ``key_of``."""
    total, cells = Tally(), defaultdict[Key, Tally](Tally)
    for unit in units:
        hit = int(unit.code in reached)
        total.add(unit.code, 1, hit)
        if key_of is not None:
            cells[key_of(unit, _placement(scope, unit.code), None)].add(unit.code, 1, hit)
    return total, cells


def _directive(context: Context, plans: dict[DocumentNumber, set[str]]) -> DocumentNumber | None:
    wanted: DocumentNumber | str | None = context.params.get("directive")
    if isinstance(wanted, str):
        wanted = DocumentNumber.parse(wanted)
    if wanted is not None:
        if wanted not in context.dataset.directive_numbers:
            raise FieldError("directive", str(wanted), "expected a directive held in the dataset")
        return wanted
    if not plans:
        return None
    issued = {d.number: d.issued_on for d in context.dataset.directives}
    return max(plans, key=lambda n: (len(plans[n]), issued[n], str(n)))


def coverage(context: Context, by: tuple[str, ...]) -> tuple[Tally, dict[Key, Tally]]:
    """Units at a level that issued a plan for the directive, over all units at that level.

    By ``directive``: one cell per directive with a plan in scope; by ``unit``
    (alone): the chosen directive in each branch; by both: one cell per branch
    and directive.
    """
    scope, level = context.scope, _level(context)
    if level is None:  # a unit with none below it: no denominator, so the rate is not defined
        total = Tally()
        total.notes[f"no units below {scope.root}"] = None
        return total, defaultdict[Key, Tally](Tally)
    end = context.period.end
    plans: dict[DocumentNumber, set[str]] = defaultdict(set)
    for plan in context.dataset.implementations:
        if plan.issued_on < end:
            area = scope.area(plan.unit, level)
            if area is not None:
                plans[plan.directive].add(area)
    units = scope.units(level)
    chosen = _directive(context, plans)
    total, _ = _tally(units, plans.get(chosen, set()) if chosen is not None else (), scope, None)
    total.notes[f"directive {chosen or '(none)'}, units at level {level.label}"] = None
    cells = defaultdict[Key, Tally](Tally)
    key_of = key_function(by, context.period, {"directive": lambda item, p, d: str(item[1])})
    if key_of is None:
        return total, cells
    numbers = sorted(plans, key=str) if "directive" in by else [chosen]
    for number in numbers:
        reached = plans.get(number, set()) if number is not None else set()
        note = f"directive {number}, units at level {level.label}"
        for unit in units:
            cell = cells[key_of((unit, number), _placement(scope, unit.code), None)]
            cell.add(unit.code, 1, int(unit.code in reached))
            if "directive" in by:
                cell.notes[note] = None
    return total, cells


def days_to_plan(context: Context, by: tuple[str, ...]) -> tuple[Tally, dict[Key, Tally]]:
    """Days from each directive to each plan implementing it, for plans issued in the period."""
    issued: dict[DocumentNumber, Directive] = {d.number: d for d in context.dataset.directives}
    total, cells = Tally(), defaultdict[Key, Tally](Tally)
    key_of = key_function(by, context.period, {"directive": lambda plan, p, d: str(plan.directive)})
    for plan in context.dataset.implementations:
        placement = context.scope.place(plan.unit) if plan.issued_on in context.period else None
        if placement is not None:
            days = (plan.issued_on - issued[plan.directive].issued_on).days
            tallies = [total]
            if key_of is not None:
                tallies.append(cells[key_of(plan, placement, plan.issued_on)])
            for tally in tallies:
                tally.add(plan.id, 1)
                tally.values.append(days)
    return total, cells


def replication_coverage(context: Context, by: tuple[str, ...]) -> tuple[Tally, dict[Key, Tally]]:
    """Units at a level (communes by default) where a model started or was replicated."""
    scope, level = context.scope, _level(context, UnitLevel.COMMUNE)
    end, only = context.period.end, context.params.get("model")
    if only is not None and only not in {m.id for m in context.dataset.models}:
        raise FieldError("model", only, "expected the id of a model held in the dataset")
    reached: dict[str, None] = {}
    for model in context.dataset.models:
        if model.registered_on >= end or (only is not None and model.id != only):
            continue
        for code in (model.unit, *(r.unit for r in model.replications if r.on < end)):
            area = scope.area(code, level)
            if area is not None:
                reached[area] = None
    return _tally(scope.units(level), reached, scope, key_function(by, context.period))


def restructuring(level: UnitLevel) -> Any:
    """A calculator of the change in the number of areas at ``level`` over the period.

    Before: the areas that existed on the first day and roll up into the scope;
    after: the areas in the scope on its date.
    """

    def calculate(context: Context, by: tuple[str, ...]) -> tuple[Tally, dict[Key, Tally]]:
        scope, start = context.scope, context.period.start
        total, cells = Tally(), defaultdict[Key, Tally](Tally)
        key_of = key_function(by, context.period)

        def tallies(unit: Unit, placement: Placement) -> list[Tally]:
            return [total] if key_of is None else [total, cells[key_of(unit, placement, None)]]

        for unit in context.dataset.registry.as_of(start):
            if unit.level is level and unit.kind is UnitKind.ADMINISTRATIVE_AREA:
                placement = scope.place(unit.code)
                for tally in tallies(unit, placement) if placement is not None else ():
                    tally.total += 1
                    tally.total_ids.append(unit.code)
        for unit in scope.units(level):
            for tally in tallies(unit, _placement(scope, unit.code)):
                tally.part += 1
                tally.part_ids.append(unit.code)
        total.notes[f"{level.label}: {total.total} on {start.isoformat()}, "
                    f"{total.part} on {scope.on.isoformat()}"] = None
        return total, cells

    return calculate
