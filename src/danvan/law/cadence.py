"""How often heads must receive citizens and hold dialogues, and who did.

A :class:`CadenceRule` says "at least N days (or sessions) per week, month,
quarter or year" for the head of a kind of unit: the chairman of a commune
People's Committee receives citizens at least one day a week (Luật Tiếp công dân
2013 Art. 15), of a province at least one day a month (Art. 12). Periods are
calendar weeks (Monday to Sunday), months, quarters and years, generated with
``dateutil.rrule``. :func:`compliance` checks units against the rules over a
reporting period and gives, for each unit and rule, the periods met and
missed, and the share of units compliant (a :class:`~danvan.values.Rate`).

Only whole weeks (months ...) inside the reporting period and inside the
rule's dates in force are checked. A period without a single working day (the
Tết week) is exempt: no one can be required to receive citizens in it.

>>> from danvan.values.periods import Period
>>> from danvan.records.receptions import Reception
>>> from danvan.records.vocabulary import ChairRole, UnitLevel
>>> chair = ChairRole.PEOPLES_COMMITTEE_CHAIR
>>> sessions = [Reception(f"R{d}", "X1", dt.date(2025, 3, d), chair) for d in (4, 18, 26)]
>>> report = compliance({"X1": UnitLevel.COMMUNE, "X2": UnitLevel.COMMUNE},
...                     Period.parse("2025-03"), receptions=sessions)
>>> report.compliant_units, report.missed()["X1"]
((), ('TCD2013.15 2025-03-10..2025-03-17',))
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from typing import Any, Final, Literal

import attrs
from attrs import field, frozen
from dateutil.relativedelta import relativedelta
from dateutil.rrule import MONTHLY, WEEKLY, YEARLY, rrule

from danvan import _validators as v
from danvan.errors import FieldError
from danvan.law._cadence_rules import (
    AGENCY_RULES,
    DIALOGUE_RULES,
    NATIONAL_RULES,
    PARTY_RULES,
    PROVINCIAL_EXAMPLES,
)
from danvan.law.calendar import DEFAULT_CALENDAR, WorkCalendar
from danvan.law.deadlines import LegalBasis
from danvan.records.dialogues import Dialogue
from danvan.records.document_numbers import DocumentNumber
from danvan.records.receptions import Reception
from danvan.records.units import Unit
from danvan.records.vocabulary import ChairRole, DialogueMode, Term, UnitLevel
from danvan.values.exact import Rate
from danvan.values.periods import Period

__all__ = [
    "AGENCY_CADENCE_RULES",
    "DEFAULT_CADENCE_RULES",
    "DIALOGUE_CADENCE_RULES",
    "PARTY_CADENCE_RULES",
    "PROVINCIAL_CADENCE_EXAMPLES",
    "Activity",
    "CadenceReport",
    "CadenceRule",
    "Counting",
    "Frequency",
    "PeriodCheck",
    "UnitCompliance",
    "compliance",
]


class Activity(Term):
    """What a cadence rule asks for."""

    RECEPTION = "reception", "tiếp công dân định kỳ", "tiếp công dân"
    DIALOGUE = "dialogue", "đối thoại trực tiếp với Nhân dân", "đối thoại"


class Counting(Term):
    """Whether a rule counts days with a session or the sessions themselves."""

    DAYS = "days", "ngày"
    SESSIONS = "sessions", "lần", "cuộc", "hội nghị"


class Frequency(Term):
    """The period of a rule: "per week", "per month" ... (``dateutil.rrule`` frequencies)."""

    WEEK = "week", "tuần"
    MONTH = "month", "tháng"
    QUARTER = "quarter", "quý"
    YEAR = "year", "năm"

    def periods(self, span: Period) -> tuple[Period, ...]:
        """The whole periods of this frequency inside ``span`` (weeks start on Monday).

        >>> [str(p) for p in Frequency.QUARTER.periods(Period.parse("2024-02-15..2025-01-01"))]
        ['2024-Q2', '2024-Q3', '2024-Q4']
        """
        freq, interval = _RRULE[self]
        first = span.start
        if self is Frequency.WEEK:
            first -= dt.timedelta(days=first.weekday())
        elif self is Frequency.YEAR:
            first = first.replace(month=1, day=1)
        else:
            first = first.replace(month=(first.month - 1) // interval * interval + 1, day=1)
        end = span.end + relativedelta(months=interval) if self is not Frequency.WEEK else (
            span.end + dt.timedelta(days=7))
        starts = [d.date() for d in rrule(freq, dtstart=_midnight(first), interval=interval,
                                          until=_midnight(end))]
        return tuple(Period(a, b) for a, b in itertools.pairwise(starts)
                     if a >= span.start and b <= span.end)


_Freq = Literal[0, 1, 2, 3, 4, 5, 6]
_RRULE: Final[dict[Frequency, tuple[_Freq, int]]] = {
    Frequency.WEEK: (WEEKLY, 1), Frequency.MONTH: (MONTHLY, 1),
    Frequency.QUARTER: (MONTHLY, 3), Frequency.YEAR: (YEARLY, 1),
}


def _midnight(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time())


def _roles(value: Any) -> Any:
    return frozenset(value) if isinstance(value, list | tuple | set | frozenset) else value


def _check_hosts(_: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, frozenset) or not value or not all(
            isinstance(x, ChairRole) for x in value):
        raise FieldError(attribute.name, value, "expected a non-empty set of ChairRole")


@frozen
class CadenceRule:
    """At least ``at_least`` days or sessions of ``activity`` ``per`` period, for the head
    (``hosts``) of each unit of ``level``, while the rule is in force.

    ``regular_only`` counts scheduled sessions only (a periodic reception,
    a periodic dialogue), not those called for a matter (đột xuất).
    """

    id: str = field(validator=v.code)
    activity: Activity = field(validator=v.member(Activity))
    level: UnitLevel = field(validator=v.member(UnitLevel))
    hosts: frozenset[ChairRole] = field(converter=_roles, validator=_check_hosts)
    at_least: int = field(validator=v.count)
    per: Frequency = field(validator=v.member(Frequency))
    counting: Counting = field(validator=v.member(Counting))
    basis: LegalBasis = field(validator=v.typed(LegalBasis))
    title: str = field(default="", validator=v.typed(str, "text"))
    regular_only: bool = field(default=False, validator=v.flag)
    valid_from: dt.date | None = field(default=None, validator=v.optional(v.date))
    valid_to: dt.date | None = field(default=None, validator=v.optional(v.date))
    confirmed: bool = field(default=True, validator=v.flag)
    note: str = field(default="", validator=v.typed(str, "text"))

    def __attrs_post_init__(self) -> None:
        if self.at_least < 1:
            raise FieldError("at_least", self.at_least, "expected at least 1")
        if self.valid_from and self.valid_to and self.valid_to <= self.valid_from:
            raise FieldError("valid_to", self.valid_to, f"expected a date after {self.valid_from}")

    def in_force_throughout(self, period: Period) -> bool:
        """Whether the rule is in force on every day of ``period``."""
        return (self.valid_from is None or self.valid_from <= period.start) and (
            self.valid_to is None or period.end <= self.valid_to)

    def periods(self, span: Period) -> tuple[Period, ...]:
        """The periods of the rule to check inside ``span``."""
        return tuple(p for p in self.per.periods(span) if self.in_force_throughout(p))

    def updated(self, **changes: Any) -> CadenceRule:
        """A copy with ``changes`` (e.g. more ``hosts``), checked again."""
        return attrs.evolve(self, **changes)

    def __str__(self) -> str:
        unit = "days" if self.counting is Counting.DAYS else "sessions"
        return (f"{self.id}: at least {self.at_least} {unit} of {self.activity.code} per "
                f"{self.per.code} ({self.level.code}; {self.basis})")


def _rule_from_row(row: dict[str, Any]) -> CadenceRule:
    number, title, article, clause = row["basis"]
    return CadenceRule(
        id=row["id"], activity=Activity.from_code(row["activity"]),
        level=UnitLevel.from_code(row["level"]),
        hosts=[ChairRole.from_code(h) for h in row["hosts"]], at_least=row["at_least"],
        per=Frequency.from_code(row["per"]), counting=Counting.from_code(row["counting"]),
        basis=LegalBasis(DocumentNumber.parse(number), title, article, clause),
        title=row.get("title", ""), regular_only=row.get("regular_only", False),
        valid_from=dt.date.fromisoformat(row["valid_from"]) if row.get("valid_from") else None,
        valid_to=dt.date.fromisoformat(row["valid_to"]) if row.get("valid_to") else None,
        confirmed=row.get("confirmed", True), note=row.get("note", ""),
    )


#: Applied by default: reception by People's Committee chairmen (Luật Tiếp công dân 2013
#: Art. 12, 13, 15).
DEFAULT_CADENCE_RULES: Final = tuple(_rule_from_row(row) for row in NATIONAL_RULES)

#: The commune's yearly dialogue with the people (Luật Thực hiện dân chủ ở cơ sở 2022
#: Art. 32(1), from 1/7/2023); national law, but not applied by default: pass it.
DIALOGUE_CADENCE_RULES: Final = tuple(_rule_from_row(row) for row in DIALOGUE_RULES)

#: Heads of Party committees (Quy định 11-QĐi/TW; Kết luận 215-KL/TW); not applied by default.
PARTY_CADENCE_RULES: Final = tuple(_rule_from_row(row) for row in PARTY_RULES)

#: Heads of agencies (Luật Tiếp công dân Art. 18(2)); not applied by default.
AGENCY_CADENCE_RULES: Final = tuple(_rule_from_row(row) for row in AGENCY_RULES)

#: Rules provinces adopted (e.g. a commune dialogue a year, 2242-QĐ/TU); not applied by default.
PROVINCIAL_CADENCE_EXAMPLES: Final = tuple(_rule_from_row(row) for row in PROVINCIAL_EXAMPLES)


@frozen
class PeriodCheck:
    """One period of one rule at one unit: what was required, what was held."""

    period: Period
    required: int
    held: int
    exempt: bool
    session_ids: tuple[str, ...]

    @property
    def met(self) -> bool:
        """Whether enough was held (an exempt period is met)."""
        return self.exempt or self.held >= self.required


@frozen
class UnitCompliance:
    """A unit against one rule, period by period."""

    unit: str
    rule: CadenceRule
    checks: tuple[PeriodCheck, ...]

    @property
    def compliant(self) -> bool:
        """Whether every period was met."""
        return all(check.met for check in self.checks)

    @property
    def missed(self) -> tuple[Period, ...]:
        """The periods not met."""
        return tuple(check.period for check in self.checks if not check.met)


@frozen
class CadenceReport:
    """Units checked against cadence rules over ``period``.

    ``unassessed`` lists the units no rule applied to (no rule for their
    level, or no whole period of a rule in force).
    """

    period: Period
    results: tuple[UnitCompliance, ...]
    unassessed: tuple[str, ...] = ()

    @property
    def units(self) -> tuple[str, ...]:
        """Units checked against at least one rule."""
        return tuple(dict.fromkeys(r.unit for r in self.results))

    @property
    def compliant_units(self) -> tuple[str, ...]:
        """Units that met every period of every rule that applied to them."""
        failing = {r.unit for r in self.results if not r.compliant}
        return tuple(u for u in self.units if u not in failing)

    @property
    def rate(self) -> Rate:
        """Share of checked units that were compliant."""
        return Rate(len(self.compliant_units), len(self.units))

    def for_rule(self, rule_id: str) -> tuple[UnitCompliance, ...]:
        """The results of one rule."""
        return tuple(r for r in self.results if r.rule.id == rule_id)

    def rate_for(self, rule_id: str) -> Rate:
        """Share of units compliant with one rule."""
        results = self.for_rule(rule_id)
        return Rate(sum(r.compliant for r in results), len(results))

    def missed(self) -> dict[str, tuple[str, ...]]:
        """Unit to the periods it missed, as ``'rule-id period'`` texts."""
        found: dict[str, list[str]] = defaultdict(list)
        for result in self.results:
            found[result.unit] += [f"{result.rule.id} {p}" for p in result.missed]
        return {unit: tuple(items) for unit, items in found.items() if items}


def _levels(units: Mapping[str, UnitLevel] | Iterable[Unit]) -> dict[str, UnitLevel]:
    pairs = units.items() if isinstance(units, Mapping) else (
        (u.code, u.level) if isinstance(u, Unit) else (u, None) for u in units)
    levels: dict[str, UnitLevel] = {}
    for code, level in pairs:
        if not isinstance(code, str) or not isinstance(level, UnitLevel):
            raise FieldError(f"units[{code!r}]", level, "expected a unit code with its UnitLevel")
        if levels.setdefault(code, level) is not level:
            raise FieldError(f"units[{code!r}]", level, f"expected one level ({levels[code].code})")
    return levels


_Session = tuple[dt.date, str, ChairRole, bool, Activity, int]
#: Sessions counted elsewhere: unit code, day, host, regular or not, activity, how many.
Counted = tuple[str, dt.date, ChairRole, bool, Activity, int]


def check_rules(rules: object, name: str = "rules") -> tuple[CadenceRule, ...]:
    """``rules`` as a tuple, each checked to be a :class:`CadenceRule` (errors name ``name``)."""
    if isinstance(rules, str | bytes) or not isinstance(rules, Iterable):
        raise FieldError(name, rules, "expected CadenceRule s (a tuple or list)")
    found = tuple(rules)
    for index, rule in enumerate(found):
        if not isinstance(rule, CadenceRule):
            raise FieldError(f"{name}[{index}]", rule, "expected a CadenceRule")
    return found


def compliance(units: Mapping[str, UnitLevel] | Iterable[Unit], period: Period, *,
               receptions: Iterable[Reception] = (), dialogues: Iterable[Dialogue] = (),
               rules: Iterable[CadenceRule] = DEFAULT_CADENCE_RULES,
               calendar: WorkCalendar | None = DEFAULT_CALENDAR,
               units_of: Mapping[str, str] | None = None,
               counts: Iterable[Counted] = ()) -> CadenceReport:
    """Check each unit (code to level) against the rules for its level over ``period``.

    Reception sessions and dialogues count for the unit they were held at when
    their host (chair) is one of the rule's ``hosts``. ``counts`` gives
    sessions already counted instead, as ``(unit code, day, host, regular,
    activity, how many)`` (what a columnar engine groups them into; their ids
    are then unknown). With ``calendar=None`` no period is exempt for lack of
    working days. ``units_of`` maps the unit
    code on a record to the unit it counts for (a People's Committee's
    sessions count for its area); a code it does not map is left out.
    """
    if not isinstance(period, Period):
        raise FieldError("period", period, "expected a Period")
    if units_of is not None and not isinstance(units_of, Mapping):
        raise FieldError("units_of", units_of, "expected a mapping of record unit code to unit")
    levels = _levels(units)
    all_rules = check_rules(rules)
    unit_of: Callable[[str], str | None] = (lambda code: code) if units_of is None else (
        units_of.get)
    sessions: dict[str, list[_Session]] = defaultdict(list)
    start, end = period.start, period.end
    for r in receptions:
        if start <= r.on < end and (unit := unit_of(r.unit)) in levels:
            sessions[unit].append((r.on, r.id, r.host, r.regular, Activity.RECEPTION, 1))
    for d in dialogues:
        if start <= d.held_on < end and (unit := unit_of(d.unit)) in levels:
            sessions[unit].append((d.held_on, d.id, d.chair, d.mode is DialogueMode.PERIODIC,
                                   Activity.DIALOGUE, 1))
    for code, on, host, regular, activity, count in counts:
        if start <= on < end and (unit := unit_of(code)) in levels:
            sessions[unit].append((on, "", host, regular, activity, count))
    for found in sessions.values():
        found.sort(key=lambda s: (s[0], s[1]))
    exempt: dict[Period, bool] = {}
    results: list[UnitCompliance] = []
    for code, level in levels.items():
        days = [s[0] for s in sessions.get(code, ())]
        for rule in all_rules:
            if rule.level is not level:
                continue
            checks = []
            for part in rule.periods(period):
                if part not in exempt:
                    exempt[part] = calendar is not None and not calendar.working_days_between(
                        part.start - dt.timedelta(days=1), part.last)
                low, high = bisect.bisect_left(days, part.start), bisect.bisect_left(days, part.end)
                counted = [s for s in sessions[code][low:high] if s[4] is rule.activity
                           and s[2] in rule.hosts and (s[3] or not rule.regular_only)]
                held = len({s[0] for s in counted}) if rule.counting is Counting.DAYS else sum(
                    s[5] for s in counted)
                checks.append(PeriodCheck(part, rule.at_least, held, exempt[part],
                                          tuple(s[1] for s in counted if s[1])))
            if checks:
                results.append(UnitCompliance(code, rule, tuple(checks)))
    assessed = {r.unit for r in results}
    return CadenceReport(period, tuple(results), tuple(c for c in levels if c not in assessed))
