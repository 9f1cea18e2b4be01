"""Cells of the columnar engine: small aggregated rows rolled up into the catalogue's results.

The backend groups records by the raw unit code and the other dimensions; the
rows it returns are few (units × kinds × months at most). Here each row is
placed in the scope, exactly as the record engine places each record, and
added to the total and to the breakdown cells, which then become the same
:class:`~danvan.indicators.engine.Result` s the record engine gives.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import attrs

# The record engine's order of breakdown cells, shared so that both engines list them alike.
from danvan.indicators.engine import _KIND_TERMS, Indicator, Key, Result, Value, _sort_key
from danvan.indicators.scope import Placement, Scope
from danvan.records.vocabulary import (
    Field,
    UnitLevel,
)
from danvan.values.exact import Change, Durations, Ranking, Rate
from danvan.values.periods import SPLITS, Period

__all__ = ["Cell", "Roll", "results"]



class Cell:
    """Sums for one indicator (or one cell of a breakdown): total, part, durations, notes."""

    __slots__ = ("counts", "notes", "part", "ranked", "total")

    def __init__(self) -> None:
        self.total = 0
        self.part = 0
        self.counts: Counter[int] = Counter()
        self.notes: dict[str, None] = {}
        self.ranked: list[tuple[str, int]] = []

    def add(self, total: int, part: int = 0, note: str = "", value: int | None = None) -> None:
        """Add ``total`` (and ``part``); ``value`` is a duration seen ``total`` times."""
        self.total += total
        self.part += part
        if value is not None:
            self.counts[value] += total
        if note:
            self.notes[note] = None


def _value(indicator: Indicator, cell: Cell) -> Value:
    kind = indicator.kind
    if kind == "count":
        return cell.total
    if kind == "rate":
        return Rate(cell.part, cell.total)
    if kind == "durations":
        return Durations._from_counts(cell.counts.items())
    if kind == "ranking":
        return Ranking(cell.ranked)
    return Change(cell.total, cell.part)


def _result(indicator: Indicator, cell: Cell) -> Result:
    # Rows come back from a parallel group-by in no fixed order: sorted, the notes are the
    # same from one run to the next.
    return Result(indicator, _value(indicator, cell), notes=tuple(sorted(cell.notes)))


def results(indicator: Indicator, total: Cell,
            breakdowns: Iterable[tuple[tuple[str, ...], Mapping[Key, Cell]]]) -> list[Result]:
    """The total, then the same total with each breakdown's cells (as the record engine orders them)."""
    first = _result(indicator, total)
    out = [first]
    for dims, cells in breakdowns:
        parts = {key: _result(indicator, c)
                 for key, c in sorted(cells.items(), key=lambda item: _sort_key(item[0]))}
        out.append(attrs.evolve(first, by=dims, parts=parts))
    return out


KeyOf = Callable[[Mapping[str, Any], Placement], Key]


class Roll:
    """Places aggregated rows in a scope and builds the breakdown keys of a collection's rows.

    A row has ``unit``, and may have ``_kind``, ``field``, ``_bucket`` and the
    day ``_y``/``_m`` (year and month) that places it in a sub-period.
    """

    def __init__(self, scope: Scope, period: Period, collection: str) -> None:
        self.scope, self.period = scope, period
        self.kinds = _KIND_TERMS.get(collection)
        self._splits: dict[str, tuple[list[dt.date], tuple[Period, ...]]] = {}
        self._placed: dict[tuple[str, str, str], Placement] = {}

    def place(self, row: Mapping[str, Any]) -> Placement | None:
        """Where the row's unit is counted (``None``: outside the scope); a row grouped by
        placement already (``_branch``, ``_level``, ``_note``) says so itself."""
        if "_branch" not in row:
            return self.scope.place(row["unit"])
        key = (row["_branch"], row["_level"], row["_note"])
        found = self._placed.get(key)
        if found is None:
            found = self._placed[key] = Placement(key[0], key[0], UnitLevel.from_code(key[1]),
                                                  key[2] or "")
        return found

    def _split(self, size: str, row: Mapping[str, Any]) -> Period:
        if size not in self._splits:
            parts = self.period.split(size)
            self._splits[size] = ([q.start for q in parts], parts)
        starts, parts = self._splits[size]
        day = max(dt.date(int(row["_y"]), int(row["_m"]), 1), self.period.start)
        return parts[bisect.bisect_right(starts, day) - 1]

    def _one(self, dim: str) -> Callable[[Mapping[str, Any], Placement], Any]:
        if dim == "unit":
            return lambda row, placement: placement.branch
        if dim == "level":
            return lambda row, placement: placement.level
        if dim == "kind":
            kinds = self.kinds
            assert kinds is not None
            return lambda row, placement: None if row["_kind"] is None else kinds.from_code(row["_kind"])
        if dim == "field":
            return lambda row, placement: Field.from_code(row["field"])
        if dim == "bucket":
            return lambda row, placement: row["_bucket"]
        assert dim in SPLITS
        return lambda row, placement: self._split(dim, row)

    def key_of(self, dims: tuple[str, ...]) -> KeyOf:
        """The breakdown key of a row for ``dims``: one value, or a tuple of values."""
        getters = [self._one(dim) for dim in dims]
        if len(getters) == 1:
            return getters[0]
        return lambda row, placement: tuple(g(row, placement) for g in getters)
