"""The time-limit rule model: stages, kinds of day, circumstances, rules, rule sets, rule books.

danvan's catalogue of the rules themselves is data, in
:mod:`danvan.law._time_limit_catalogue`; :mod:`danvan.law.deadlines` re-exports the
public names of both.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable, Iterator
from typing import Any, Final

import attrs
from attrs import field, frozen

from danvan import _validators as v
from danvan.errors import FieldError, RuleError
from danvan.records.document_numbers import DocumentNumber
from danvan.records.vocabulary import EventKind, PetitionKind, Term

__all__ = [
    "COMPLEX_COMPLAINT_CRITERIA_FROM",
    "AcceptanceReading",
    "Circumstance",
    "ComplexityCriterion",
    "DayKind",
    "LegalBasis",
    "Limit",
    "NoRuleInForceError",
    "RuleBook",
    "RuleSet",
    "Stage",
    "TimeLimitRule",
]


class Stage(Term):
    """A step of a petition that the law times (``starts_with`` is the event it counts from)."""

    FILING = "filing", "thời hiệu khiếu nại", "thời hiệu"
    ACCEPTANCE = "acceptance", "thụ lý", "xử lý ban đầu"
    FORWARDING = "forwarding", "chuyển đơn"
    RESPONSE = "response", "trả lời tại nơi tiếp công dân"
    NOTIFICATION = "notification", "thông báo thụ lý"
    RESOLUTION = "resolution", "giải quyết"
    APPEAL = "appeal", "thời hạn khiếu nại tiếp"
    REPORT_BACK = "report_back", "thông báo kết quả cho cơ quan chuyển đơn"

    @property
    def starts_with(self) -> EventKind | None:
        """The event that starts the period; ``None`` for :attr:`FILING` (the day the
        complainant learned of the decision, passed as ``known_on``)."""
        return _STARTS[self]

    @property
    def is_duty(self) -> bool:
        """Whether the body must act in time (not a window left to the citizen)."""
        return self not in (Stage.FILING, Stage.APPEAL)


_STARTS: Final = {
    Stage.FILING: None, Stage.ACCEPTANCE: EventKind.RECEIVED, Stage.FORWARDING: EventKind.RECEIVED,
    Stage.RESPONSE: EventKind.RECEIVED, Stage.NOTIFICATION: EventKind.ACCEPTED,
    Stage.RESOLUTION: EventKind.ACCEPTED, Stage.APPEAL: EventKind.RESOLVED,
    Stage.REPORT_BACK: EventKind.RECEIVED,
}


class DayKind(Term):
    """How a period's days are counted."""

    CALENDAR = "calendar", "ngày", "ngày lịch"
    WORKING = "working", "ngày làm việc"


class Circumstance(Term):
    """A fact about a petition that selects a rule or a longer variant of it."""

    COMPLEX = "complex", "vụ việc phức tạp"
    ESPECIALLY_COMPLEX = "especially_complex", "vụ việc đặc biệt phức tạp"
    REMOTE_AREA = "remote_area", "vùng sâu, vùng xa"
    SECOND_INSTANCE = "second_instance", "giải quyết lần hai"
    AT_RECEPTION = "at_reception", "nhận tại nơi tiếp công dân"
    OUT_OF_JURISDICTION = "out_of_jurisdiction", "không thuộc thẩm quyền"
    DISCIPLINE = "discipline", "khiếu nại quyết định kỷ luật cán bộ, công chức"
    MULTI_SITE = "multi_site", "xác minh tại nhiều địa điểm"
    DISMISSAL = "dismissal", "kỷ luật buộc thôi việc"
    FOLLOW_UP = "follow_up", "tố cáo tiếp"
    UNRESOLVED_IN_TIME = "unresolved_in_time", "quá thời hạn mà chưa được giải quyết"
    FORWARDED_BY_BODY = (
        "forwarded_by_body", "do cơ quan báo chí, cơ quan, tổ chức, cá nhân có thẩm quyền chuyển đến",
    )


class AcceptanceReading(Term):
    """How to count the "10 ngày" for accepting a complaint before 1 July 2026.

    The Law (Luật Khiếu nại 2011 Art. 27, 36, 50) says "Trong thời hạn 10 ngày";
    under BLDS 2015 Art. 145-148 that is 10 calendar days. Its implementing
    circular, Thông tư 07/2013/TT-TTCP Art. 5(1) (in force 16/12/2013, as amended
    by Thông tư 02/2016/TT-TTCP), says "Trong thời hạn 10 ngày làm việc" for
    first and second instance and discipline complaints alike: the guidance the
    inspectorates apply, danvan's default.
    """

    CIRCULAR = "circular", "10 ngày làm việc (Thông tư 07/2013/TT-TTCP Điều 5 khoản 1)"
    LAW = "law", "10 ngày (Luật Khiếu nại 2011 Điều 27, 36, 50)"


class ComplexityCriterion(Term):
    """What makes a complaint complex (vụ việc phức tạp) from 1 July 2026.

    Nghị định 124/2020/NĐ-CP Art. 3a(1), added by Nghị định 155/2026/NĐ-CP Art. 2:
    a case meeting *one* of these is complex, and "Việc xác định vụ việc phức tạp
    phải được thể hiện bằng văn bản" (Art. 3a(2)): record the written finding as
    ``Complexity.COMPLEX`` on the petition. Before 1 July 2026 no criteria were set.
    """

    SEVERAL_SITES = "several_sites", "phải xác minh từ 02 địa điểm trở lên"
    SEVERAL_CONTENTS = "several_contents", "có từ 02 nội dung phải xác minh trở lên"
    MANY_PEOPLE = (
        "many_people", "nhiều người khiếu nại về cùng một nội dung hoặc liên quan đến quyền và "
        "lợi ích của nhiều người",
    )
    FOREIGN_ELEMENT = (
        "foreign_element", "người khiếu nại ở nước ngoài hoặc là người nước ngoài; hành vi hoặc "
        "xác minh ở nước ngoài",
    )
    SEVERAL_AGENCIES = (
        "several_agencies", "liên quan đến trách nhiệm quản lý của nhiều cơ quan, tổ chức",
    )
    DIFFERING_OPINIONS = "differing_opinions", "các cơ quan, tổ chức có liên quan còn ý kiến khác nhau"
    CONTRADICTORY_EVIDENCE = (
        "contradictory_evidence", "có tài liệu, chứng cứ mâu thuẫn với nhau cần có thời gian kiểm "
        "tra, xác minh",
    )

    @classmethod
    def makes_complex(cls, criteria: Iterable[ComplexityCriterion], on: dt.date) -> bool:
        """Whether ``criteria`` make a complaint complex ``on`` that day (one suffices, from 1/7/2026).

        >>> ComplexityCriterion.makes_complex([ComplexityCriterion.SEVERAL_SITES], dt.date(2026, 7, 1))
        True
        """
        found = v.check_items(criteria, cls, "criteria")
        return bool(found) and v.check_date(on, "on") >= COMPLEX_COMPLAINT_CRITERIA_FROM


#: The day the complex-complaint criteria apply from (Nghị định 155/2026/NĐ-CP in force).
COMPLEX_COMPLAINT_CRITERIA_FROM: Final = dt.date(2026, 7, 1)


class NoRuleInForceError(RuleError):
    """Rules exist for a stage, but none was in force on the day its period starts."""


#: Entries kept in a RuleBook's memo before it is emptied (validated keys are few anyway).
_CACHE_LIMIT: Final = 4096
#: Chosen rules kept per book: every start day of several years, for each stage and kind.
_CHOSEN_LIMIT: Final = 1 << 17


def _frozen(value: Any) -> Any:
    if isinstance(value, list | tuple | set | frozenset):
        return frozenset(value)
    return value


def _sorted_sets(value: Any) -> Any:
    if isinstance(value, list | tuple) and all(isinstance(s, RuleSet) for s in value):
        return tuple(sorted(value, key=lambda s: s.valid_from))
    return v.as_tuple(value)


def _check_span(valid_from: dt.date | None, valid_to: dt.date | None) -> None:
    """Refuse a validity ``[valid_from, valid_to)`` that ends on or before it starts."""
    if valid_from is not None and valid_to is not None and valid_to <= valid_from:
        raise FieldError("valid_to", valid_to, f"expected a date after {valid_from}")


def _in_span(day: dt.date, valid_from: dt.date | None, valid_to: dt.date | None) -> bool:
    """Whether ``day`` is in ``[valid_from, valid_to)`` (``None``: open on that side)."""
    return (valid_from is None or valid_from <= day) and (valid_to is None or day < valid_to)


def _members(enum_type: type[Term]) -> v.Validator:
    def check(_: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, frozenset) or not all(isinstance(x, enum_type) for x in value):
            raise FieldError(attribute.name, value, f"expected a set of {enum_type.__name__}")

    return check


@frozen
class LegalBasis:
    """The document, article and clause a rule comes from (``article=None``: the whole document).

    >>> b = LegalBasis(DocumentNumber.parse("25/2018/QH14"), "Luật Tố cáo", 24, 1)
    >>> str(b), b.vi
    ('Luật Tố cáo 25/2018/QH14, Art. 24(1)', 'khoản 1 Điều 24 Luật Tố cáo số 25/2018/QH14')
    """

    document: DocumentNumber = field(validator=v.typed(DocumentNumber, "a DocumentNumber"))
    title: str = field(validator=v.text)
    article: int | None = field(default=None, validator=v.optional(v.count))
    clause: int | None = field(default=None, validator=v.optional(v.count))

    @property
    def vi(self) -> str:
        """The citation as Vietnamese texts write it."""
        if self.article is None:
            return f"{self.title} số {self.document}"
        clause = f"khoản {self.clause} " if self.clause else ""
        return f"{clause}Điều {self.article} {self.title} số {self.document}"

    def __str__(self) -> str:
        if self.article is None:
            return f"{self.title} {self.document}"
        clause = f"({self.clause})" if self.clause else ""
        return f"{self.title} {self.document}, Art. {self.article}{clause}"


@frozen
class Limit:
    """``days`` when every circumstance of ``when`` holds; up to ``extensions`` extensions
    of at most ``extension_days`` each (gia hạn)."""

    days: int = field(validator=v.count)
    when: frozenset[Circumstance] = field(default=frozenset(), converter=_frozen,
                                          validator=_members(Circumstance))
    extensions: int = field(default=0, validator=v.count)
    extension_days: int = field(default=0, validator=v.count)

    def __attrs_post_init__(self) -> None:
        if self.days < 1:
            raise FieldError("days", self.days, "expected at least 1 day")
        if self.extensions and self.extension_days < 1:
            raise FieldError("extension_days", self.extension_days,
                             "expected at least 1 day per extension")

    def __str__(self) -> str:
        when = " + ".join(sorted(c.label for c in self.when)) or "thông thường"
        more = f", {self.extensions} × {self.extension_days} more" if self.extensions else ""
        return f"{self.days}{more} ({when})"


def _check_limits(rule: TimeLimitRule, _: Any, limits: Any) -> None:
    v.tuple_of(v.typed(Limit), non_empty=True)(rule, _, limits)
    whens = [limit.when for limit in limits]
    if len(set(whens)) != len(whens) or frozenset() not in whens:
        raise FieldError("limits", limits, "expected one limit per set of circumstances, "
                                           "one of them for the ordinary case")
    for a in whens:
        for b in whens:
            if a | b not in whens:
                raise FieldError("limits", sorted(c.code for c in a | b),
                                 "expected a limit for every combination of variants")


@frozen
class TimeLimitRule:
    """How long a body (or a citizen) has for one stage of some kinds of petition.

    The rule applies when every circumstance of ``requires`` and none of
    ``excludes`` holds; among the rules that apply the most specific wins.
    ``completed_by`` lists the events that end the stage in time (none: the
    petition records no event for it). ``confirmed`` is False for a reading
    not checked against a primary text; ``note`` says why. A suspension
    (tạm đình chỉ) dated on or after ``suspends_from`` stops the clock of the
    resolution stage; with ``None`` (no legal basis for it), it never does.
    """

    id: str = field(validator=v.code)
    stage: Stage = field(validator=v.member(Stage))
    kinds: frozenset[PetitionKind] = field(converter=_frozen, validator=_members(PetitionKind))
    day_kind: DayKind = field(validator=v.member(DayKind))
    limits: tuple[Limit, ...] = field(converter=v.as_tuple, validator=_check_limits)
    completed_by: frozenset[EventKind] = field(converter=_frozen, validator=_members(EventKind))
    basis: LegalBasis = field(validator=v.typed(LegalBasis))
    requires: frozenset[Circumstance] = field(default=frozenset(), converter=_frozen,
                                              validator=_members(Circumstance))
    excludes: frozenset[Circumstance] = field(default=frozenset(), converter=_frozen,
                                              validator=_members(Circumstance))
    valid_from: dt.date | None = field(default=None, validator=v.optional(v.date))
    valid_to: dt.date | None = field(default=None, validator=v.optional(v.date))
    confirmed: bool = field(default=True, validator=v.flag)
    note: str = field(default="", validator=v.typed(str, "text"))
    suspends_from: dt.date | None = field(default=None, validator=v.optional(v.date))

    def __attrs_post_init__(self) -> None:
        if not self.kinds:
            raise FieldError("kinds", self.kinds, "expected at least one kind of petition")
        if self.requires & self.excludes:
            raise FieldError("excludes", sorted(c.code for c in self.excludes),
                             "expected no circumstance both required and excluded")
        _check_span(self.valid_from, self.valid_to)

    def applies(self, kind: PetitionKind, circumstances: frozenset[Circumstance]) -> bool:
        """Whether the rule covers a petition of ``kind`` in ``circumstances``."""
        return (kind in self.kinds and self.requires <= circumstances
                and not self.excludes & circumstances)

    def in_force(self, day: dt.date) -> bool:
        """Whether the rule is in force on ``day`` (``[valid_from, valid_to)``)."""
        return _in_span(day, self.valid_from, self.valid_to)

    def limit_for(self, circumstances: Iterable[Circumstance] = ()) -> Limit:
        """The most specific limit whose circumstances all hold."""
        held = frozenset(circumstances)
        return max((lim for lim in self.limits if lim.when <= held), key=lambda lim: len(lim.when))

    def updated(self, **changes: Any) -> TimeLimitRule:
        """A copy with ``changes`` (e.g. ``day_kind=DayKind.WORKING``), checked again."""
        return attrs.evolve(self, **changes)


def _check_rules(rule_set: RuleSet, _: Any, rules: Any) -> None:
    v.tuple_of(v.typed(TimeLimitRule))(rule_set, _, rules)
    ids = [rule.id for rule in rules]
    if len(set(ids)) != len(ids):
        raise FieldError("rules", ids, "expected each rule id once")


@frozen
class RuleSet:
    """A version of the catalogue, in force for periods starting in ``[valid_from, valid_to)``."""

    name: str = field(validator=v.code)
    valid_from: dt.date = field(validator=v.date)
    valid_to: dt.date | None = field(validator=v.optional(v.date))
    rules: tuple[TimeLimitRule, ...] = field(converter=v.as_tuple, validator=_check_rules)
    notes: str = field(default="", validator=v.typed(str, "text"))

    def __attrs_post_init__(self) -> None:
        _check_span(self.valid_from, self.valid_to)

    def in_force(self, day: dt.date) -> bool:
        """Whether periods starting on ``day`` are counted by this set."""
        return _in_span(day, self.valid_from, self.valid_to)


def _check_sets(book: RuleBook, _: Any, sets: Any) -> None:
    v.tuple_of(v.typed(RuleSet), unique=True)(book, _, sets)
    for earlier, later in itertools.pairwise(sets):
        if earlier.valid_to is None or later.valid_from < earlier.valid_to:
            raise FieldError("sets", (earlier.name, later.name), "expected rule sets not to overlap")
    names = [s.name for s in sets]
    if len(set(names)) != len(names):
        raise FieldError("sets", names, "expected each rule set name once")


@frozen
class RuleBook:
    """Rule sets that do not overlap in time; the one in force on a start day counts it.

    Immutable: :meth:`with_set` and :meth:`replace` return a new book.
    """

    sets: tuple[RuleSet, ...] = field(converter=_sorted_sets, validator=_check_sets)
    # Candidates per (stage, kind, circumstances, set name), all validated; at most _CACHE_LIMIT.
    _cache: dict[tuple[Any, ...], tuple[TimeLimitRule, ...]] = field(
        init=False, factory=dict, eq=False, hash=False, repr=False)
    # The rule chosen per (stage, kind, circumstances, start day), keys of checked types only.
    _chosen: dict[tuple[Any, ...], TimeLimitRule | None] = field(
        init=False, factory=dict, eq=False, hash=False, repr=False)

    def set_on(self, day: dt.date) -> RuleSet | None:
        """The set that counts periods starting on ``day``."""
        return next((s for s in self.sets if s.in_force(day)), None)

    def rule(self, rule_id: str, on: dt.date | None = None) -> TimeLimitRule:
        """The rule ``rule_id`` of the set in force ``on`` (default: the first set holding it)."""
        sets = self.sets if on is None else [s for s in self.sets if s.in_force(on)]
        for rule_set in sets:
            for rule in rule_set.rules:
                if rule.id == rule_id:
                    return rule
        raise RuleError(rule_id, "no rule with this id" + (f" in force on {on}" if on else ""))

    def select(self, stage: Stage, kind: PetitionKind, circumstances: frozenset[Circumstance],
               on: dt.date) -> TimeLimitRule | None:
        """The most specific rule for ``stage`` of a petition of ``kind`` whose period starts ``on``.

        ``None`` when no rule covers the petition; :class:`NoRuleInForceError`
        when rules cover it but none is in force on ``on``; :class:`RuleError`
        when several equally specific rules apply.
        """
        # Only arguments of exactly the checked types reach the cache: a code string equal
        # to a member, or a datetime, still goes through the checks below.
        if (type(stage) is Stage and type(kind) is PetitionKind and type(on) is dt.date
                and type(circumstances) is frozenset
                and all(type(c) is Circumstance for c in circumstances)):
            key = (stage, kind, circumstances, on)
            try:
                return self._chosen[key]
            except KeyError:
                pass
            chosen = self._select(stage, kind, circumstances, on)
            if len(self._chosen) >= _CHOSEN_LIMIT:
                self._chosen.clear()
            self._chosen[key] = chosen
            return chosen
        return self._select(stage, kind, circumstances, on)

    def _select(self, stage: Stage, kind: PetitionKind, circumstances: frozenset[Circumstance],
                on: dt.date) -> TimeLimitRule | None:
        stage = v.check_member(stage, Stage, "stage")
        kind = v.check_member(kind, PetitionKind, "kind")
        circumstances = frozenset(v.check_items(circumstances, Circumstance, "circumstances"))
        on = v.check_date(on, "on")
        rule_set = self.set_on(on)
        found = [] if rule_set is None else [
            r for r in self._candidates(stage, kind, circumstances, rule_set) if r.in_force(on)]
        if not found:
            covering = [r for s in self.sets for r in self._candidates(stage, kind, circumstances, s)]
            if covering:
                raise NoRuleInForceError(
                    f"{stage.code}/{kind.code}@{on.isoformat()}",
                    f"no time limit in force for the {stage.code} of a {kind.code} starting on "
                    f"that day (rules {', '.join(sorted({r.id for r in covering}))} are not)")
            return None
        best = [r for r in found if not any(r.requires < other.requires for other in found)]
        if len(best) > 1:
            raise RuleError(sorted(r.id for r in best),
                            f"several rules apply equally to the {stage.code} of a {kind.code} "
                            f"({', '.join(sorted(c.code for c in circumstances))}); "
                            "replace one or add a more specific rule")
        return best[0]

    def _candidates(self, stage: Stage, kind: PetitionKind, circumstances: frozenset[Circumstance],
                    rule_set: RuleSet) -> tuple[TimeLimitRule, ...]:
        """The rules of ``rule_set`` for ``stage`` that apply to the petition, whatever the day."""
        key = (stage, kind, circumstances, rule_set.name)
        found = self._cache.get(key)
        if found is None:
            if len(self._cache) >= _CACHE_LIMIT:
                self._cache.clear()
            found = self._cache[key] = tuple(
                r for r in rule_set.rules if r.stage is stage and r.applies(kind, circumstances))
        return found

    def with_set(self, rule_set: RuleSet) -> RuleBook:
        """A book with ``rule_set`` added, or replacing the set of the same name."""
        if not isinstance(rule_set, RuleSet):
            raise FieldError("rule_set", rule_set, "expected a RuleSet")
        return RuleBook([s for s in self.sets if s.name != rule_set.name] + [rule_set])

    def replace(self, rule: TimeLimitRule, *, sets: Iterable[str] | None = None) -> RuleBook:
        """A book where ``rule`` replaces the rule of the same id.

        With ``sets`` (names), the rule is put in those sets, replacing or
        added; without, it replaces the rule in every set that has its id.
        """
        if not isinstance(rule, TimeLimitRule):
            raise FieldError("rule", rule, "expected a TimeLimitRule")
        names = None if sets is None else set(sets)
        unknown = (names or set()) - {s.name for s in self.sets}
        if unknown:
            raise RuleError(sorted(unknown), "no rule set with this name")
        changed = False
        new_sets = []
        for rule_set in self.sets:
            held = any(r.id == rule.id for r in rule_set.rules)
            if (names is None and held) or (names is not None and rule_set.name in names):
                rules = [r for r in rule_set.rules if r.id != rule.id] + [rule]
                rule_set = attrs.evolve(rule_set, rules=tuple(rules))
                changed = True
            new_sets.append(rule_set)
        if not changed:
            raise RuleError(rule.id, "no rule with this id to replace; name the sets to add it to")
        return RuleBook(new_sets)

    def __iter__(self) -> Iterator[RuleSet]:
        return iter(self.sets)
