"""Tables → Dataset: parse every cell, build every record, report every problem at once.

A source (a CSV file, a sheet, an Arrow table) arrives as :class:`Columns`:
one danvan table's cells by column, with the row numbers a spreadsheet shows
and the headers the source used, so each problem names the file, the row, the
column and the value (:class:`~danvan.errors.RowError`). Nothing is
half-loaded: any problem raises :class:`~danvan.errors.TableError` with all of
them.
"""

from __future__ import annotations

import datetime as dt
import operator
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any, Final

from attrs import define, field, frozen

from danvan.errors import (
    AmbiguousUnitError,
    DanvanError,
    DanvanErrorGroup,
    FieldError,
    LifecycleError,
    RowError,
    TableError,
    UnknownUnitError,
    VocabularyError,
    shorten,
)
from danvan.records.dataset import Dataset
from danvan.records.dialogues import Dialogue
from danvan.records.directives import Directive, Implementation
from danvan.records.mediations import MediationCase
from danvan.records.models import Model, Owner, Recognition, Replication
from danvan.records.petitions import Petition, PetitionEvent
from danvan.records.receptions import Reception
from danvan.records.units import Succession, Unit
from danvan.tables._cells import Bad, is_empty, parser
from danvan.tables.schema import TABLES, Column, Table, table

__all__ = ["Columns", "DefaultUsed", "UnitResolver", "UnitsFor", "build"]

#: Finds the code of a unit written in a cell (a code or a name) on the record's day.
UnitResolver = Callable[[str, "dt.date | None"], str]

_ENTITIES: Final[dict[str, Callable[..., Any]]] = {
    "units": Unit, "successions": Succession, "directives": Directive,
    "implementations": Implementation, "models": Model, "dialogues": Dialogue,
    "petitions": Petition, "receptions": Reception, "mediations": MediationCase,
}

#: Long table → (field of the parent, class of an item or None for a bare value, its columns).
_PARTS: Final[dict[str, tuple[str, Callable[..., Any] | None, tuple[str, ...]]]] = {
    "succession_predecessors": ("predecessors", None, ("unit",)),
    "succession_successors": ("successors", None, ("unit",)),
    "directive_implements": ("implements", None, ("implements",)),
    "model_recognitions": ("recognitions", Recognition, ("level", "on", "body")),
    "model_replications": ("replications", Replication, ("unit", "on")),
    "petition_events": ("events", PetitionEvent, ("kind", "on", "days", "to_unit", "note")),
}

#: Columns that are not a field of the record itself.
_NOT_FIELDS: Final = frozenset({"succession", "owner_kind", "owner_name"})


@frozen
class DefaultUsed:
    """A default the mapping stated, and how many rows of a source it filled."""

    table: str
    column: str
    value: Any
    rows: int
    source: str

    def __str__(self) -> str:
        value = self.value.code if hasattr(self.value, "code") else self.value
        shown = str(value).lower() if isinstance(value, bool) else repr(value)
        return (f"{self.table}.{self.column}: {shown} (stated in the mapping) for {self.rows} "
                f"row(s) of {self.source}")


@define
class Columns:
    """One source's cells for one danvan table, by column name.

    ``rows`` are the row numbers a spreadsheet shows (header = row 1, so the
    first record is row 2 by default); ``headers`` the source's name of each
    column; ``defaults`` values stated for empty or missing cells; ``values``
    folded source values → danvan codes, per column; ``units`` resolves unit
    names (codes pass through when it is ``None``).
    """

    table: str
    source: str
    cells: dict[str, Sequence[Any]]
    rows: Sequence[int] = field(default=None)
    headers: dict[str, str] = field(factory=dict)
    defaults: dict[str, Any] = field(factory=dict)
    values: dict[str, dict[str, str]] = field(factory=dict)
    units: UnitResolver | None = None

    def __attrs_post_init__(self) -> None:
        if self.rows is None:
            n = max((len(c) for c in self.cells.values()), default=0)
            self.rows = range(2, n + 2)

    def header(self, column: str) -> str:
        """The source's name for ``column``."""
        return self.headers.get(column, column)


@define
class _Parsed:
    part: Columns
    cells: dict[str, list[Any]]
    ok: list[bool]


class _Problems:
    def __init__(self) -> None:
        self.found: list[tuple[int, int, RowError]] = []
        self.order: dict[str, int] = {}

    def add(self, part: Columns, index: int | None, column: str, value: Any, expected: str) -> None:
        row = None if index is None else part.rows[index]
        rank = self.order.setdefault(part.source, len(self.order))
        self.found.append((rank, row or 0, RowError(part.source, row, part.header(column),
                                                    shorten(value), expected)))

    def extend(self, errors: Iterable[RowError]) -> None:
        for error in errors:
            rank = self.order.setdefault(error.source, len(self.order))
            self.found.append((rank, error.row or 0, error))

    def raise_any(self) -> None:
        if self.found:
            self.found.sort(key=lambda p: (p[0], p[1]))
            raise TableError("rows that do not describe danvan records", [p[2] for p in self.found])


_UNIT_COLUMNS: Final = {(t.name, name) for t in TABLES for name, ref, _ in t.references
                        if ref == "units"}


def _date_column(t: Table) -> str | None:
    return next((c.name for c in t.columns if c.kind == "date" and c.required), None)


def _parse(part: Columns, problems: _Problems, notes: list[DefaultUsed]) -> _Parsed:
    t = table(part.table)
    n = len(part.rows)
    ok = [True] * n
    out: dict[str, list[Any]] = {}
    for name, cells in part.cells.items():
        if name not in t.names:
            problems.add(part, None, name, name, f"expected a column of {t.name}: {', '.join(t.names)}")
        elif len(cells) != n:
            problems.add(part, None, name, len(cells), f"expected {n} cells")
    dated = _date_column(t)
    ordered = sorted(t.columns, key=lambda c: (t.name, c.name) in _UNIT_COLUMNS)
    for column in ordered:
        given = part.cells.get(column.name)
        stated = column.name in part.defaults
        if given is None:
            if column.required or (column.explicit and not stated):
                why = "expected this column" if column.required else (
                    "expected this column, or a default stated in the mapping (it feeds indicators)")
                problems.add(part, None, column.name, None, why)
                out[column.name] = [None] * n
                for i in range(n):
                    ok[i] = False
                continue
            value = part.defaults[column.name] if stated else column.default
            if stated and n:
                notes.append(DefaultUsed(t.name, column.name, value, n, part.source))
            out[column.name] = [value] * n
            continue
        is_unit = (t.name, column.name) in _UNIT_COLUMNS and part.units is not None
        days = out.get(dated) if dated is not None else None
        out[column.name] = _parse_column(part, column, given, ok, problems, notes,
                                         days if is_unit else None)
    return _Parsed(part, out, ok)


class _Empty:
    """What an empty cell becomes: the stated default, the record's default, or a problem."""


_EMPTY: Final = _Empty()


def _parse_column(part: Columns, column: Column, cells: Sequence[Any], ok: list[bool],
                  problems: _Problems, notes: list[DefaultUsed],
                  days: list[Any] | None) -> list[Any]:
    parse = parser(column, part.values.get(column.name))
    text = column.kind == "text"
    resolve = part.units if days is not None else None

    def one(cell: Any) -> Any:
        """The value of a cell, _EMPTY, or a Bad (returned, so that it can be cached)."""
        if is_empty(cell, text=text):
            return _EMPTY
        try:
            return parse(cell)
        except Bad as error:
            return error

    # Text cells repeat (codes, dates, flags) and are cached; identifiers and free text are not.
    cached = column.kind not in ("id", "text") or bool(part.values.get(column.name))
    cache: dict[str, Any] = {}
    out: list[Any] = []
    append = out.append
    ident = column.kind == "id" and not cached
    exact = _EXACT.get(column.kind) if column.name not in part.values else None
    counted = column.kind in ("count", "position")
    needs = resolve is not None
    for cell in cells:
        if cell.__class__ is str:
            if cached:
                value = cache.get(cell, _NOTHING)
                if value is _NOTHING:
                    value = cache[cell] = one(cell)
                append(value)
                continue
            if text and cell:
                append(cell)
                continue
            if ident:
                value = cell.strip() or _EMPTY
                needs = needs or value is _EMPTY
                append(value)
                continue
        if cell.__class__ is exact and (not counted or cell >= 0):  # type: ignore[operator]
            append(cell)  # already typed (Arrow, Excel): a date, a bool, a whole number
            continue
        if cell is None:
            needs = True
            append(_EMPTY)
            continue
        value = one(cell)
        needs = needs or value is _EMPTY or value.__class__ is Bad
        append(value)
    if needs or any(v is _EMPTY or v.__class__ is Bad for v in cache.values()):
        return _settle(part, column, cells, out, ok, problems, notes, days)
    return out


_NOTHING: Final = object()

#: The Python type a typed source gives for a kind of column, taken as it is.
_EXACT: Final[dict[str, type]] = {"date": dt.date, "flag": bool, "count": int, "position": int}


def _settle(part: Columns, column: Column, cells: Sequence[Any], out: list[Any], ok: list[bool],
            problems: _Problems, notes: list[DefaultUsed], days: list[Any] | None) -> list[Any]:
    """Empty cells given their default or reported, bad cells reported, unit names resolved."""
    stated = column.name in part.defaults
    needed = column.required or column.explicit
    resolve = part.units if days is not None else None
    filled = 0
    for i, value in enumerate(out):
        if value is _EMPTY:
            if stated:
                filled += 1
                out[i] = part.defaults[column.name]
            elif needed:
                problems.add(part, i, column.name, cells[i], "expected a value" + (
                    "" if column.required else ", or a default stated in the mapping"))
                ok[i] = False
                out[i] = None
            else:
                out[i] = column.default
        elif value.__class__ is Bad:
            problems.add(part, i, column.name, cells[i], value.expected)
            ok[i] = False
            out[i] = None
        elif resolve is not None and days is not None:
            if days[i] is None and not ok[i]:
                out[i] = None  # the record's date is bad: its unit cannot be looked up on it
                continue
            try:
                out[i] = resolve(value, days[i])
            except (UnknownUnitError, AmbiguousUnitError, FieldError) as error:
                problems.add(part, i, column.name, cells[i], _unit_problem(error))
                ok[i] = False
                out[i] = None
    if filled:
        notes.append(DefaultUsed(part.table, column.name, part.defaults[column.name], filled,
                                 part.source))
    return out


def _unit_problem(error: DanvanError) -> str:
    if isinstance(error, AmbiguousUnitError):
        return f"expected one unit, the name fits {', '.join(error.candidates)} (write the code)"
    if isinstance(error, FieldError):
        return error.expected
    return "expected a unit code, or the name of a unit on the record's day"


@define
class _Built:
    """Records of one table, and where each came from: (source, row index)."""

    records: list[Any] = field(factory=list)
    where: list[tuple[Columns, int]] = field(factory=list)
    parts: list[list[tuple[str, Sequence[tuple[Any, int, Columns, int, Any]]]]] = field(
        factory=list)


def _rows(parsed: list[_Parsed], names: Sequence[str],
          ) -> Iterator[tuple[Columns, int, tuple[Any, ...]]]:
    """The good rows: source, index, and the values of ``names`` (two or more) in order."""
    for p in parsed:
        columns = list(p.cells)
        pick = operator.itemgetter(*(columns.index(n) for n in names))
        ok = p.ok
        for i, values in enumerate(zip(*p.cells.values(), strict=True)):
            if ok[i]:
                yield p.part, i, pick(values)


def _children(name: str, parsed: list[_Parsed], problems: _Problems,
              ) -> dict[Any, list[tuple[Any, int, Columns, int, Any]]]:
    """Long table rows grouped by their parent's key: (position, order, source, index, item)."""
    t = table(name)
    key_column = t.columns[0].name
    _, make, names = _PARTS[name]
    groups: dict[Any, list[tuple[Any, int, Columns, int, Any]]] = defaultdict(list)
    for order, (part, i, values) in enumerate(_rows(parsed, (key_column, "position", *names))):
        try:
            item = values[2] if make is None else make(*values[2:])
        except (FieldError, LifecycleError, VocabularyError) as error:
            problems.add(part, i, _column_of(t, error), getattr(error, "value", None),
                         _expected(error))
            continue
        position = values[1]
        groups[values[0]].append((_LAST if position is None else position, order, part, i, item))
    for items in groups.values():
        if len(items) > 1:
            items.sort(key=_first_two)
    return groups


_LAST: Final = 1 << 62


def _first_two(entry: tuple[Any, ...]) -> tuple[Any, Any]:
    return entry[0], entry[1]


def _column_of(t: Table, error: DanvanError) -> str:
    path = str(getattr(error, "path", ""))
    root = re.split(r"[.\[]", path, maxsplit=1)[0]
    return root if root in t.names else ""


def _expected(error: DanvanError) -> str:
    return str(getattr(error, "expected", getattr(error, "reason", error)))


def _records(name: str, parsed: list[_Parsed], problems: _Problems,
             children: Mapping[str, dict[Any, list[tuple[Any, int, Columns, int, Any]]]]) -> _Built:
    t = table(name)
    make = _ENTITIES[name]
    fields = tuple(c.name for c in t.columns if c.name not in _NOT_FIELDS)
    own = [(child, _PARTS[child][0], groups) for child, groups in children.items()]
    built = _Built()
    used: dict[str, set[Any]] = {child: set() for child in children}
    key = t.key[0]
    owner = ("owner_kind", "owner_name") if name == "models" else ()
    n = len(fields)
    for part, i, values in _rows(parsed, (*fields, key, *owner)):
        kwargs = dict(zip(fields, values[:n], strict=True))
        placed: list[tuple[str, Sequence[tuple[Any, int, Columns, int, Any]]]] = []
        for child, attr, groups in own:
            items = groups.get(values[n], ())
            used[child].add(values[n])
            kwargs[attr] = tuple(x[4] for x in items)
            placed.append((child, items))
        try:
            if owner:
                kwargs["owner"] = Owner(*values[n + 1:])
            record = make(**kwargs)
        except (FieldError, LifecycleError, VocabularyError) as error:
            _place(t, error, part, i, placed, problems, name == "models")
            continue
        built.records.append(record)
        built.where.append((part, i))
        built.parts.append(placed)
    present = {k for p in parsed for k in p.cells.get(key, ())}
    for child, groups in children.items():
        for k, items in groups.items():
            if k not in used[child] and k not in present:
                for *_, part, i, _item in items:
                    problems.add(part, i, table(child).columns[0].name, k,
                                 f"expected the {key} of a row of {name}")
    return built


def _place(t: Table, error: DanvanError, part: Columns, i: int,
           placed: list[tuple[str, Sequence[tuple[Any, int, Columns, int, Any]]]],
           problems: _Problems, owner: bool) -> None:
    """Report an error of a record at its row, or at the row of the repeated part it names."""
    path = str(getattr(error, "path", ""))
    match = re.match(r"(\w+)\[(\d+)\]\.?(\w*)", path)
    if match:
        for child, rows in placed:
            if _PARTS[child][0] == match.group(1) and int(match.group(2)) < len(rows):
                _, _, cpart, ci, _ = rows[int(match.group(2))]
                problems.add(cpart, ci, match.group(3), getattr(error, "value", None),
                              _expected(error))
                return
    column = _column_of(t, error)
    if owner and path in ("kind", "name"):
        column = f"owner_{path}"
    problems.add(part, i, column, getattr(error, "value", None), _expected(error))


#: Gives the units and successions a dataset needs, from the codes its records use.
UnitsFor = Callable[[set[str]], tuple[tuple[Unit, ...], tuple[Succession, ...]]]


def build(parts: Sequence[Columns], *, problems_found: Iterable[RowError] = (),
          units_for: UnitsFor | None = None) -> tuple[Dataset, list[DefaultUsed]]:
    """The dataset the tables describe, and the stated defaults it used; or a TableError.

    ``problems_found`` are problems met before (in a mapping's status column);
    ``units_for`` supplies the units when no units table is given.
    """
    problems = _Problems()
    problems.extend(problems_found)
    notes: list[DefaultUsed] = []
    parsed: dict[str, list[_Parsed]] = defaultdict(list)
    for part in parts:
        if part.table not in {t.name for t in TABLES}:
            problems.add(part, None, "", part.table, "expected a danvan table")
            continue
        parsed[part.table].append(_parse(part, problems, notes))
    built: dict[str, _Built] = {}
    for t in TABLES:
        if t.parent is not None:
            continue
        children = {c.name: _children(c.name, parsed[c.name], problems) for c in t.children}
        built[t.name] = _records(t.name, parsed[t.name], problems, children)
    problems.raise_any()
    collections = {name: tuple(b.records) for name, b in built.items()}
    if units_for is not None and not collections["units"]:
        used = {code for name, ps in parsed.items() for p in ps for column, cells in p.cells.items()
                if (name, column) in _UNIT_COLUMNS for code in cells if code is not None}
        collections["units"], collections["successions"] = units_for(used)
    try:
        dataset = Dataset(**collections)
    except DanvanErrorGroup as error:
        for sub in error.exceptions:
            _integrity(sub, built, problems)
        problems.raise_any()
        raise
    return dataset, notes


def _integrity(error: BaseException, built: Mapping[str, _Built], problems: _Problems) -> None:
    """Place a dataset's integrity problem (``petitions[3].events[0].to_unit``) at its row."""
    path = str(getattr(error, "path", ""))
    value = getattr(error, "value", None)
    expected = _expected(error) if isinstance(error, DanvanError) else str(error)
    match = re.match(r"(\w+)\[(?:'([^']*)'|(\d+))\]\.?(\w*)(?:\[(\d+)\]\.?(\w*))?", path)
    if match:
        name, code, index, column, sub, sub_column = match.groups()
        b = built.get(name)
        if b is not None and code is not None:
            index = next((str(k) for k, r in enumerate(b.records) if getattr(r, "code", None) == code),
                         None)
        if b is not None and index is not None and int(index) < len(b.where):
            k = int(index)
            if sub is not None:
                for child, rows in b.parts[k]:
                    if _PARTS[child][0] == column and int(sub) < len(rows):
                        _, _, part, i, _ = rows[int(sub)]
                        problems.add(part, i, sub_column, value, expected)
                        return
            part, i = b.where[k]
            t = table(name)
            problems.add(part, i, column if column in t.names else (
                t.columns[0].name if not column else ""), value, expected)
            return
    source = Columns("dataset", "dataset", {})
    problems.add(source, None, "", value, f"{path}: {expected}")
