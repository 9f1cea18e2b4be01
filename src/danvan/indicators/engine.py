"""The machinery behind every indicator: definitions, tallies, and the single pass.

An :class:`Indicator` is either a :class:`RecordRule` — how to read one
collection of records: the day that places a record in the period, what it
adds to the total (the denominator, or the count), what it adds to the part
(the numerator of a rate) — or a *calculator*, a function of the
:class:`Context` for indicators about units rather than records (coverage,
restructuring).

:func:`evaluate` runs many indicators at once: one pass per collection, each
record placed in the scope once (the scope caches placements per unit code)
and offered to every rule that reads that collection. The cost grows with the
number of records, never with records times units.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

import attrs
from attrs import field, frozen

from danvan._gc import paused_gc
from danvan._progress import Callback, ticker
from danvan.errors import FieldError
from danvan.indicators.scope import Placement, Scope
from danvan.indicators.tidy import Table, rows_of, table_of
from danvan.records.dataset import Dataset
from danvan.records.vocabulary import (
    ChairRole,
    DialogueMode,
    MediationOutcome,
    OwnerKind,
    PetitionKind,
    Term,
)
from danvan.values.exact import Change, Durations, Ranking, Rate, Summary
from danvan.values.numbers import Rounding, format_number
from danvan.values.periods import SPLITS, Period

__all__ = [
    "KINDS",
    "Context",
    "Indicator",
    "RecordRule",
    "Result",
    "Tally",
    "each",
    "evaluate",
    "key_function",
]

#: The kinds of value an indicator produces.
KINDS = ("count", "rate", "summary", "change", "durations", "ranking")

#: The vocabulary of the ``kind`` dimension of each collection (both engines, and reconciliation).
_KIND_TERMS: dict[str, type[Term]] = {
    "petitions": PetitionKind, "dialogues": DialogueMode, "models": OwnerKind,
    "receptions": ChairRole, "mediations": MediationOutcome,
}

#: What the ``kind`` dimension means for each collection.
_KIND_OF: dict[str, Callable[[Any], Any]] = {
    "petitions": lambda r: r.kind,
    "dialogues": lambda r: r.mode,
    "models": lambda r: r.owner.kind,
    "receptions": lambda r: r.host,
    "mediations": lambda r: r.outcome,
    "implementations": lambda r: r.kind,
}

_ID = re.compile(r"[a-z][a-z_]*(?:\.[a-z][a-z_]*)+")

Key = Any
Value = int | Rate | Summary | Change | Ranking
Calculator = Callable[["Context", tuple[str, ...]], tuple["Tally", dict[Key, "Tally"]]]


class Tally:
    """Running sums for one indicator (or one cell of a breakdown), with provenance.

    ``values`` holds the whole numbers of a summary or of durations; for a
    ranking, the number beside each id of ``total_ids``, in rank order.
    """

    __slots__ = ("notes", "part", "part_ids", "total", "total_ids", "values")

    def __init__(self) -> None:
        self.total = 0
        self.part = 0
        self.total_ids: list[str] = []
        self.part_ids: list[str] = []
        self.values: list[int] = []
        self.notes: dict[str, None] = {}

    def add(self, ident: str, total: int, part: int = 0, note: str = "") -> None:
        """Count one record: ``total`` towards the whole, ``part`` towards the numerator."""
        self.total += total
        self.total_ids.append(ident)
        if part:
            self.part += part
            self.part_ids.append(ident)
        if note:
            self.notes[note] = None


def each(_: Any, __: Period) -> int:
    """The ``total`` of a :class:`RecordRule` that counts every record placed in the period once."""
    return 1


@frozen
class RecordRule:
    """How an indicator reads records of one collection of a :class:`Dataset`.

    ``when(record)`` is the day that places the record in the period (``None``:
    never); ``total(record, period)`` what it adds to the count or denominator
    (0: not counted); ``part(record, period)`` what it adds to the numerator of
    a rate, at most ``total``.
    """

    collection: str = field()
    when: Callable[[Any], dt.date | None]
    total: Callable[[Any, Period], int]
    part: Callable[[Any, Period], int] | None = None

    @collection.validator
    def _check(self, _: object, value: str) -> None:
        # only collections whose records carry a unit can be placed in a scope
        if not isinstance(value, str) or value not in _KIND_OF:
            raise FieldError("collection", value, "expected a collection of records with a unit: "
                                                  + ", ".join(_KIND_OF))


def _check_params(_: object, __: object, value: tuple[str, ...]) -> None:
    if not isinstance(value, tuple) or not all(isinstance(name, str) for name in value):
        raise FieldError("params", value, "expected a tuple of parameter names")


def _check_id(_: object, __: object, value: str) -> None:
    if not isinstance(value, str) or not _ID.fullmatch(value):
        raise FieldError("id", value, "expected a dotted lower-case id such as 'petitions.received'")


@frozen
class Indicator:
    """A catalogued indicator: stable id, names, definition, fields read, and how to compute it.

    ``additive`` says the total at a unit equals the sum over its children
    (counts, and rates pooled by adding numerators and denominators).
    ``details`` lists the breakdowns a report shows under the total;
    ``params`` the parameters it reads (``compute(..., level=...)``): any other
    is refused.
    """

    id: str = field(validator=_check_id)
    name_vi: str
    name_en: str
    definition: str
    reads: tuple[str, ...]
    kind: str = field(default="count")
    additive: bool = True
    rule: RecordRule | None = None
    calculator: Calculator | None = None
    dimensions: tuple[str, ...] = ("unit", "level", "kind", *SPLITS)
    details: tuple[tuple[str, ...], ...] = ()
    params: tuple[str, ...] = field(default=(), validator=_check_params)

    def __attrs_post_init__(self) -> None:
        if self.kind not in KINDS:
            raise FieldError("kind", self.kind, f"expected one of {', '.join(KINDS)}")
        if (self.rule is None) == (self.calculator is None):
            raise FieldError("rule", self.id, "expected exactly one of rule or calculator")
        for dims in self.details:
            _check_dimensions(self, dims)

    @property
    def sources(self) -> tuple[str, ...]:
        """The dataset collections the indicator reads (``petitions``, ``units``)."""
        return tuple(dict.fromkeys(name.split(".")[0] for name in self.reads))


def _check_dimensions(indicator: Indicator, by: Sequence[str]) -> tuple[str, ...]:
    if isinstance(by, str):
        by = (by,)
    elif not isinstance(by, Sequence):
        raise FieldError("by", by, "expected a dimension such as 'unit', or a sequence of them")
    for dim in by:
        if dim not in indicator.dimensions:
            raise FieldError("by", dim, f"expected a breakdown of {indicator.id} among "
                                        f"{', '.join(indicator.dimensions) or '(none)'}")
    if sum(dim in SPLITS for dim in by) > 1:
        raise FieldError("by", tuple(by), "expected at most one sub-period split")
    return tuple(by)


@frozen
class Result:
    """The value of an indicator over a scope and period, and the records behind it.

    ``numerator_ids`` are the ids of the records counted (for a rate, those in
    the numerator; for a change, the units after; for a ranking, those listed,
    in rank order); ``denominator_ids`` those in the denominator of a rate (the
    units before, for a change), both in record order. ``parts`` holds the
    breakdown, keyed by the dimension's value (a tuple of values when broken
    down by several). ``scope`` and ``period`` are those it was computed over
    (``None`` for a result built by hand); a part has its whole's.

    Its repr is one line (id, value, unit, period); the provenance stays in
    the attributes.
    """

    indicator: Indicator
    value: Value
    numerator_ids: tuple[str, ...] = field(default=(), repr=False)
    denominator_ids: tuple[str, ...] = field(default=(), repr=False)
    notes: tuple[str, ...] = field(default=(), repr=False)
    by: tuple[str, ...] = ()
    parts: Mapping[Key, Result] = field(factory=dict, eq=False, repr=False)
    scope: Scope | None = field(default=None, kw_only=True, eq=False, repr=False)
    period: Period | None = field(default=None, kw_only=True, eq=False, repr=False)

    @property
    def id(self) -> str:
        """The indicator's id."""
        return self.indicator.id

    def __repr__(self) -> str:
        where = "" if self.scope is None else f", unit {self.scope.root}"
        when = "" if self.period is None else f", {self.period}"
        by = f" by {','.join(self.by)} ({len(self.parts)} parts)" if self.by else ""
        return f"<Result {self.id} = {_short(self.format())}{where}{when}{by}>"

    def to_table(self, *, style: str = "vi", places: int = 1,
                 rounding: Rounding = Rounding.TRUNCATE) -> Table:
        """The total and each cell of the breakdown, one row per value
        (see :mod:`danvan.indicators.tidy` for the columns)."""
        return table_of(rows_of(self, style=style, places=places, rounding=rounding))

    def to_pandas(self) -> Any:
        """:meth:`to_table` as a ``pandas.DataFrame`` (needs ``danvan[pandas]``)."""
        return self.to_table().to_pandas()

    def _danvan_json_(self) -> dict[str, Any]:
        """The JSON layout :func:`danvan.dumps` writes (``docs/indicators.md``)."""
        return {"indicator": self.id, "rows": self.to_table().json_records()}

    def _repr_html_(self) -> str:
        from danvan.indicators._html import result_html

        return result_html(self)

    def plot(self, ax: Any = None) -> Any:
        """A chart of the result on matplotlib ``ax`` (a new one when ``None``); returns the Axes.

        A breakdown by unit (or another dimension) gives sorted horizontal bars with the
        numerators and denominators written in; a sub-period split, a trend line;
        ``petitions.ageing`` by bucket, its histogram. Needs ``danvan[plot]``.
        """
        from danvan.indicators._plot import plot_result

        return plot_result(self, ax)

    def format(self, style: str = "vi", **rounding: Any) -> str:
        """The value as a report prints it: ``2.588``, ``2.453/2.484 (98,7%)``."""
        value = self.value
        if isinstance(value, int):
            return format_number(value, english=style == "en")
        if isinstance(value, Rate):
            return f"{value.format_ratio(style)} ({value.format(style=style, **rounding)})"
        if isinstance(value, Change):
            return value.format(style=style, **rounding)
        return value.format(style=style)

    def __str__(self) -> str:
        return f"{self.indicator.id} = {self.format()}"


def _short(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[:width - 1] + "…"


@attrs.define
class Context:
    """What a calculator sees: the dataset, scope, period and any parameters.

    ``cache`` is shared by the calculators of one :func:`evaluate`, so that
    indicators reading the same facts about records (the time limits of each
    petition) read the records once. ``progress`` is the callback of long
    passes (:mod:`danvan._progress`), if any.
    """

    dataset: Dataset
    scope: Scope
    period: Period
    params: Mapping[str, Any] = attrs.field(factory=dict)
    cache: dict[str, Any] = attrs.field(factory=dict)
    progress: Callback | None = None


Getter = Callable[[Any, Placement, Any], Any]

_PLACED: Mapping[str, Getter] = {
    "unit": lambda item, placement, day: placement.branch,
    "level": lambda item, placement, day: placement.level,
}


def key_function(by: tuple[str, ...], period: Period,
                 getters: Mapping[str, Getter] | None = None) -> Callable[[Any, Placement, Any], Key] | None:
    """The breakdown key of an item placed in a scope, as ``key(item, placement, day)``.

    ``unit`` (the branch) and ``level`` come from the placement, a sub-period
    (``year`` ... ``month``) from ``day``, any other dimension from
    ``getters`` (which may also replace the first two). ``None`` without ``by``;
    one value for one dimension, a tuple of values for several.
    """
    if not by:
        return None
    known = {**_PLACED, **(getters or {})}
    chosen: list[Getter] = []
    for dim in by:
        if dim in SPLITS:
            parts = period.split(dim)
            starts = [q.start for q in parts]
            chosen.append(lambda item, placement, day, s=starts, q=parts:  # type: ignore[misc]
                          q[bisect.bisect_right(s, day) - 1])
        elif dim in known:
            chosen.append(known[dim])
        else:
            raise FieldError("by", dim, f"expected one of {', '.join([*known, *SPLITS])}")
    if len(chosen) == 1:
        return chosen[0]
    return lambda item, placement, day: tuple(g(item, placement, day) for g in chosen)


def _record_getters(collection: str) -> dict[str, Getter]:
    kind_of = _KIND_OF[collection]
    kind: Getter = ((lambda r, p, d: r.kind) if kind_of is _KIND_OF["petitions"]
                    else lambda r, p, d: kind_of(r))
    return {"kind": kind, "field": lambda r, p, d: r.field}


def _result(indicator: Indicator, tally: Tally, by: tuple[str, ...] = (),
            parts: Mapping[Key, Tally] | None = None) -> Result:
    kind = indicator.kind
    value: Value
    numerator: tuple[str, ...] = tuple(tally.total_ids)
    denominator: tuple[str, ...] = ()
    if kind == "count":
        value = tally.total
    elif kind == "rate":
        value = Rate(tally.part, tally.total)
        numerator, denominator = tuple(tally.part_ids), tuple(tally.total_ids)
    elif kind == "summary":
        value = Summary(tally.values)
    elif kind == "durations":
        value = Durations(tally.values)
    elif kind == "ranking":
        value = Ranking(zip(tally.total_ids, tally.values, strict=True))
    else:
        value = Change(tally.total, tally.part)
        numerator, denominator = tuple(tally.part_ids), tuple(tally.total_ids)
    return Result(indicator, value, numerator, denominator, tuple(tally.notes), by,
                  _parts(indicator, parts or {}))


def _parts(indicator: Indicator, cells: Mapping[Key, Tally]) -> dict[Key, Result]:
    return {key: _result(indicator, t)
            for key, t in sorted(cells.items(), key=lambda item: _sort_key(item[0]))}


def _results(indicator: Indicator, tally: Tally,
             breakdowns: Iterable[tuple[tuple[str, ...], Mapping[Key, Tally]]]) -> list[Result]:
    """The total, then the same total with each breakdown's cells."""
    total = _result(indicator, tally)
    return [total, *(attrs.evolve(total, by=dims, parts=_parts(indicator, cells))
                     for dims, cells in breakdowns)]


def _sort_key(key: Key) -> tuple[Any, ...]:
    items = key if isinstance(key, tuple) else (key,)
    out: list[Any] = []
    for item in items:
        if isinstance(item, Term):
            out.append((0, list(type(item)).index(item), ""))
        elif isinstance(item, Period):
            out.append((1, item.start.toordinal(), ""))
        else:
            out.append((2, 0, "" if item is None else str(item)))
    return tuple(out)


Job = tuple[Indicator, Tally, list[tuple[tuple[str, ...], Any, dict[Key, Tally]]]]



def _prepare(indicators: Iterable[Indicator], by: Mapping[str, Sequence[tuple[str, ...]]] | None,
             params: Mapping[str, Any] | None,
             ) -> tuple[dict[str, Indicator], dict[str, Any], dict[str, list[tuple[str, ...]]]]:
    """The indicators once each, the parameters (each taken by one of them) and their breakdowns.

    Shared by this engine and the columnar one, so both refuse the same arguments.
    """
    wanted: dict[str, Indicator] = {}
    for index, indicator in enumerate(indicators):
        if not isinstance(indicator, Indicator):
            raise FieldError(f"indicators[{index}]", indicator, "expected an Indicator")
        wanted.setdefault(indicator.id, indicator)
    given = dict(params or {})
    accepted = dict.fromkeys(name for i in wanted.values() for name in i.params)
    for name, value in given.items():
        if name not in accepted:
            raise FieldError(name, value, "expected a parameter of the indicators computed ("
                                          f"{', '.join(accepted) or 'they take none'})")
    breakdowns = {ident: list(dict.fromkeys(
        dims for dims in (_check_dimensions(i, b) for b in (by or {}).get(ident, ())) if dims))
        for ident, i in wanted.items()}
    return wanted, given, breakdowns


@paused_gc()
def evaluate(dataset: Dataset, indicators: Iterable[Indicator], scope: Scope, period: Period,
             by: Mapping[str, Sequence[tuple[str, ...]]] | None = None,
             params: Mapping[str, Any] | None = None,
             progress: Callback | None = None) -> dict[str, list[Result]]:
    """Compute each indicator: its total, then one :class:`Result` per breakdown asked.

    ``by`` maps an indicator id to the breakdowns wanted (each a tuple of
    dimensions). An indicator given twice is computed once. Indicators reading
    the same collection share one pass, and the breakdowns of an indicator
    share its total; a calculator runs once per breakdown (once when there is
    none). ``params`` go to the indicators that take them; a parameter none of
    them takes is a :class:`~danvan.errors.FieldError`. ``progress`` is called as
    each pass over 100.000 records or more goes (:mod:`danvan._progress`).
    """
    wanted, given, breakdowns = _prepare(indicators, by, params)
    out: dict[str, list[Result]] = {}
    jobs: dict[str, list[Job]] = defaultdict(list)
    context = Context(dataset, scope, period, given, progress=progress)
    for ident, indicator in wanted.items():
        if indicator.rule is None:
            assert indicator.calculator is not None
            runs = [(dims, *indicator.calculator(context, dims))
                    for dims in breakdowns[ident] or [()]]
            out[ident] = _results(indicator, runs[0][1],
                                  [(dims, cells) for dims, _, cells in runs if dims])
            continue
        collection = indicator.rule.collection
        getters = _record_getters(collection)
        jobs[collection].append((indicator, Tally(), [
            (dims, key_function(dims, period, getters), defaultdict(Tally))
            for dims in breakdowns[ident]]))
    for collection, collection_jobs in jobs.items():
        _one_pass(getattr(dataset, collection), scope, period, collection_jobs,
                  progress, collection)
        for indicator, tally, keyed in collection_jobs:
            out[indicator.id] = _results(indicator, tally,
                                         [(dims, cells) for dims, _, cells in keyed])
    return {ident: [_placed(r, scope, period) for r in out[ident]] for ident in wanted}


def _placed(result: Result, scope: Scope, period: Period) -> Result:
    """The result with the scope and period it was computed over, and its parts too."""
    parts = {key: attrs.evolve(part, scope=scope, period=period)
             for key, part in result.parts.items()}
    return attrs.evolve(result, parts=parts, scope=scope, period=period)


def _one_pass(records: Sequence[Any], scope: Scope, period: Period, jobs: list[Job],
              progress: Callback | None = None, what: str = "records") -> None:
    # Rules that place records by the same day share that work; each rule's total
    # is counted once for all its breakdowns. The tallies are updated inline, as
    # this loop runs once per record and rule.
    start, end = period.start, period.end
    place = scope.place
    groups: dict[Any, list[tuple[Any, ...]]] = defaultdict(list)
    for indicator, tally, keyed in jobs:
        rule = indicator.rule
        assert rule is not None
        groups[rule.when].append((rule.total, rule.part, tally,
                                  [(key_of, cells) for _, key_of, cells in keyed]))
    prepared = list(groups.items())
    tick = ticker(progress, len(records), what)
    for index, record in enumerate(records):
        if index == tick.next:
            tick(index)
        placement = place(record.unit)
        if placement is None:
            continue
        note = placement.note
        ident = record.id
        for when, group in prepared:
            day = when(record)
            if day is None or not start <= day < end:
                continue
            for total_of, part_of, tally, keyed in group:
                total = 1 if total_of is each else total_of(record, period)
                if not total:
                    continue
                part = part_of(record, period) if part_of is not None else 0
                if note:
                    tally.add(ident, total, part, note)
                else:  # Tally.add, inline: it runs once per record and rule
                    tally.total += total
                    tally.total_ids.append(ident)
                    if part:
                        tally.part += part
                        tally.part_ids.append(ident)
                for key_of, cells in keyed:
                    cells[key_of(record, placement, day)].add(ident, total, part, note)
    tick.end()
