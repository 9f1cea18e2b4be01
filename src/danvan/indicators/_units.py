"""Calculators for indicators about units rather than records: coverage and restructuring.

Each takes the :class:`~danvan.indicators.engine.Context` and the breakdown
asked for, and returns the total :class:`~danvan.indicators.engine.Tally` and
one tally per breakdown cell. Their provenance lists unit codes.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from danvan.directives import Directive
from danvan.document_numbers import DocumentNumber
from danvan.errors import FieldError
from danvan.indicators.engine import Context, Key, Tally
from danvan.scope import Scope
from danvan.units import Unit
from danvan.vocabulary import UnitKind, UnitLevel

__all__ = ["coverage", "days_to_plan", "replication_coverage", "restructuring"]


def _level(context: Context, default: UnitLevel | None = None) -> UnitLevel:
    level = context.params.get("level", default)
    if level is None:
        below = [u.level for u in context.scope.units() if u.code != context.scope.root]
        if not below:
            raise FieldError("level", None, f"expected units below {context.scope.root}")
        level = min(below, key=lambda lv: lv.depth)
    if isinstance(level, str):
        level = UnitLevel.from_label(level)
    if not isinstance(level, UnitLevel):
        raise FieldError("level", level, "expected a UnitLevel")
    return level


class _Areas:
    """The area at a level that each code belongs to, computed once per code."""

    def __init__(self, scope: Scope, level: UnitLevel) -> None:
        self.scope, self.level = scope, level
        self.cache: dict[str, str | None] = {}

    def __call__(self, code: str) -> str | None:
        try:
            return self.cache[code]
        except KeyError:
            found = self.cache[code] = self.scope.area(code, self.level)
            return found


def _branch(scope: Scope, code: str) -> str:
    placement = scope.place(code)
    return placement.branch if placement is not None else code


def _denominator(units: tuple[Unit, ...], reached: dict[str, Any], scope: Scope,
                 by: tuple[str, ...], key_of: Any) -> tuple[Tally, dict[Key, Tally]]:
    total, cells = Tally(), defaultdict[Key, Tally](Tally)
    for unit in units:
        hit = int(unit.code in reached)
        total.add(unit.code, 1, hit)
        if by:
            for key in key_of(unit):
                cells[key].add(unit.code, 1, hit)
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
    """Units at a level that issued a plan for the directive, over all units at that level."""
    scope, level = context.scope, _level(context)
    areas = _Areas(scope, level)
    end = context.period.end
    plans: dict[DocumentNumber, set[str]] = defaultdict(set)
    for plan in context.dataset.implementations:
        if plan.issued_on < end:
            area = areas(plan.unit)
            if area is not None:
                plans[plan.directive].add(area)
    units = scope.units(level)
    chosen = _directive(context, plans)
    reached = dict.fromkeys(plans.get(chosen, set())) if chosen is not None else {}
    total, cells = _denominator(units, reached, scope, by, lambda u: [_branch(scope, u.code)])
    total.notes[f"directive {chosen or '(none)'}, units at level {level.label}"] = None
    if "directive" in by:
        cells = {}
        for number in sorted(plans, key=str):
            cell, _ = _denominator(units, dict.fromkeys(plans[number]), scope, (), None)
            cell.notes[f"directive {number}, units at level {level.label}"] = None
            cells[str(number)] = cell
    return total, cells


def days_to_plan(context: Context, by: tuple[str, ...]) -> tuple[Tally, dict[Key, Tally]]:
    """Days from each directive to each plan implementing it, for plans issued in the period."""
    issued: dict[DocumentNumber, Directive] = {d.number: d for d in context.dataset.directives}
    total, cells = Tally(), defaultdict[Key, Tally](Tally)
    for plan in context.dataset.implementations:
        if plan.issued_on in context.period and context.scope.place(plan.unit) is not None:
            days = (plan.issued_on - issued[plan.directive].issued_on).days
            for tally in (total, cells[str(plan.directive)] if by else None):
                if tally is not None:
                    tally.add(plan.id, 1)
                    tally.values.append(days)
    return total, cells


def replication_coverage(context: Context, by: tuple[str, ...]) -> tuple[Tally, dict[Key, Tally]]:
    """Units at a level (communes by default) where a model started or was replicated."""
    scope, level = context.scope, _level(context, UnitLevel.COMMUNE)
    areas = _Areas(scope, level)
    end, only = context.period.end, context.params.get("model")
    reached: dict[str, None] = {}
    for model in context.dataset.models:
        if model.registered_on >= end or (only is not None and model.id != only):
            continue
        for code in (model.unit, *(r.unit for r in model.replications if r.on < end)):
            area = areas(code)
            if area is not None:
                reached[area] = None
    return _denominator(scope.units(level), reached, scope, by,
                        lambda u: [_branch(scope, u.code)])


def restructuring(level: UnitLevel) -> Any:
    """A calculator of the change in the number of areas at ``level`` over the period.

    Before: the areas that existed on the first day and roll up into the scope;
    after: the areas in the scope on its date.
    """

    def calculate(context: Context, by: tuple[str, ...]) -> tuple[Tally, dict[Key, Tally]]:
        scope, start = context.scope, context.period.start
        registry = context.dataset.registry
        total, cells = Tally(), defaultdict[Key, Tally](Tally)
        for unit in registry.as_of(start):
            if unit.level is level and unit.kind is UnitKind.ADMINISTRATIVE_AREA:
                placement = scope.place(unit.code)
                if placement is not None:
                    total.total += 1
                    total.total_ids.append(unit.code)
                    if by:
                        cells[placement.branch].total += 1
                        cells[placement.branch].total_ids.append(unit.code)
        for unit in scope.units(level):
            total.part += 1
            total.part_ids.append(unit.code)
            if by:
                branch = _branch(scope, unit.code)
                cells[branch].part += 1
                cells[branch].part_ids.append(unit.code)
        counts = Counter(u.level for u in scope.units(level))
        total.notes[f"{level.label}: {total.total} on {start.isoformat()}, "
                    f"{counts[level]} on {scope.on.isoformat()}"] = None
        return total, cells

    return calculate
