"""A mapping from an office's export to danvan's tables, written once (TOML or a dict).

One section per danvan table (see :mod:`danvan.tables.schema`) says which file
or sheet feeds it (``file``, a pattern; optional when one section takes every
file), which header holds each column (``columns``), which of the export's
values mean which code (``values``), and the defaults the office states for
columns it does not have (``defaults``). A petitions export with one status
column turns the status into dated lifecycle steps (``status``): each step
takes its date from a column, or from an assumption the mapping states.

>>> m = Mapping.from_dict({
...     "province": "Phú Thọ",
...     "petitions": {
...         "columns": {"id": "Số đơn", "received_on": "Ngày nhận đơn", "kind": "Loại đơn",
...                     "unit": "Đơn vị tiếp nhận"},
...         "values": {"kind": {"Kiến nghị": "recommendation"}},
...         "defaults": {"channel": "mail", "in_jurisdiction": True},
...         "status": {"column": "Trạng thái", "date": "Ngày xử lý",
...                    "values": {"Đã giải quyết": ["accepted", "resolved"],
...                               "Chuyển đơn": "transferred"},
...                    "assume": {"accepted": "received_on"}}}})
>>> m.table("petitions").columns["kind"], m.table("petitions").defaults["channel"]
('Loại đơn', <Channel.MAIL: 'mail'>)

A default is never taken silently: a column the export lacks that feeds
indicators (a petition's ``channel``, ``in_jurisdiction``, …) must be mapped or
given in ``defaults``, and every default used is named in the result
(:attr:`danvan.tables.Imported.notes`).
"""

from __future__ import annotations

import datetime as dt
import fnmatch
import tomllib
from collections import Counter
from collections.abc import Mapping as AnyMapping, Sequence
from pathlib import Path
from typing import Any, Final

from attrs import field, frozen

from danvan._text import fold
from danvan.errors import DataError, RowError, StructureError
from danvan.records.vocabulary import EventKind
from danvan.tables._build import Columns, UnitResolver
from danvan.tables._cells import Bad, is_empty, parser
from danvan.tables._sources import Sheet, header_key
from danvan.tables.schema import TABLES, table

__all__ = ["Mapping", "Status", "TableMapping", "load_mapping", "template"]

#: What a step's date may be assumed to be, when no column gives it.
ASSUMPTIONS: Final = ("received_on", "date")

#: Lifecycle order, to place steps that fall on the same day.
_ORDER: Final = {kind: rank for rank, kind in enumerate((
    EventKind.ACCEPTED, EventKind.DECLINED, EventKind.IN_PROGRESS, EventKind.EXTENDED,
    EventKind.SUSPENDED, EventKind.RESUMED, EventKind.RESOLVED, EventKind.TRANSFERRED,
    EventKind.WITHDRAWN))}


class _Errors:
    def __init__(self) -> None:
        self.found: list[StructureError] = []

    def add(self, path: str, value: Any, expected: str) -> None:
        self.found.append(StructureError(path, value, expected))


def _keys(data: Any, path: str, allowed: Sequence[str], errors: _Errors) -> dict[str, Any]:
    if not isinstance(data, dict):
        errors.add(path, data, "expected a table of keys")
        return {}
    for key in data:
        if key not in allowed:
            errors.add(f"{path}.{key}", key, f"expected one of {', '.join(allowed)}")
    return {k: v for k, v in data.items() if k in allowed}


def _texts(data: Any, path: str, errors: _Errors, allowed: Sequence[str] | None = None,
           ) -> dict[str, str]:
    out: dict[str, str] = {}
    if not isinstance(data, dict):
        errors.add(path, data, "expected a table of names")
        return out
    for key, value in data.items():
        if allowed is not None and key not in allowed:
            errors.add(f"{path}.{key}", key, f"expected one of {', '.join(allowed)}")
        elif not isinstance(value, str) or not value.strip():
            errors.add(f"{path}.{key}", value, "expected a header as text")
        else:
            out[key] = value
    return out


def _code(value: Any) -> str | None:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str | int):
        return str(value)
    return None


@frozen
class Status:
    """A status column that stands for a petition's lifecycle steps.

    ``values`` maps each status (folded) to the steps it implies, oldest first;
    ``dates`` gives the column holding a step's date; the last step takes
    ``date`` when its own column is missing or empty; ``assume`` states the
    date of a step no column gives (``received_on``, or ``date``, the status
    date). A step in ``dates`` that the status does not imply (an extension)
    is added where its cell has a date.
    """

    column: str
    values: dict[str, tuple[EventKind, ...]]
    date: str | None = None
    names: tuple[str, ...] = ()
    dates: dict[EventKind, str] = field(factory=dict)
    assume: dict[EventKind, str] = field(factory=dict)
    days: str | None = None
    to_unit: str | None = None


@frozen
class TableMapping:
    """How one export feeds one danvan table: see the module docstring."""

    table: str
    file: str | None = None
    columns: dict[str, str] = field(factory=dict)
    values: dict[str, dict[str, str]] = field(factory=dict)
    defaults: dict[str, Any] = field(factory=dict)
    status: Status | None = None

    def takes(self, sheet: Sheet) -> bool:
        """Whether ``file`` matches the sheet's file name, stem or sheet title."""
        if self.file is None:
            return False
        pattern = self.file.casefold()
        names = {sheet.source.casefold(), sheet.name.casefold(),
                 sheet.source.split("[")[0].casefold()}
        return any(fnmatch.fnmatchcase(n, pattern) for n in names)


def _table_mapping(name: str, data: Any, errors: _Errors) -> TableMapping:
    path = f"mapping.{name}"
    t = table(name)
    data = _keys(data, path, ("file", "columns", "values", "defaults", "status"), errors)
    file = data.get("file")
    if file is not None and not isinstance(file, str):
        errors.add(f"{path}.file", file, "expected a file name or pattern")
        file = None
    columns = _texts(data.get("columns", {}), f"{path}.columns", errors, t.names)
    values: dict[str, dict[str, str]] = {}
    for column, given in _keys(data.get("values", {}), f"{path}.values", t.names, errors).items():
        if not isinstance(given, dict):
            errors.add(f"{path}.values.{column}", given, "expected a table of value = code")
            continue
        values[column] = {}
        for value, code in given.items():
            text = _code(code)
            if text is None:
                errors.add(f"{path}.values.{column}.{value}", code, "expected a code")
            else:
                values[column][fold(value)] = text
    defaults: dict[str, Any] = {}
    for column, value in _keys(data.get("defaults", {}), f"{path}.defaults", t.names,
                               errors).items():
        try:
            defaults[column] = parser(t.column(column))(value)
        except Bad as error:
            errors.add(f"{path}.defaults.{column}", value, error.expected)
    status = None
    if "status" in data:
        if name != "petitions":
            errors.add(f"{path}.status", "status", "expected status only for petitions")
        else:
            status = _status(data["status"], f"{path}.status", errors)
    return TableMapping(name, file, columns, values, defaults, status)


def _kind(value: Any, path: str, errors: _Errors) -> EventKind | None:
    try:
        return EventKind.from_code(value)
    except ValueError:
        errors.add(path, value, f"expected one of {', '.join(k.code for k in EventKind)}")
        return None


def _status(data: Any, path: str, errors: _Errors) -> Status | None:
    data = _keys(data, path, ("column", "date", "values", "dates", "assume", "columns"), errors)
    column = data.get("column")
    if not isinstance(column, str):
        errors.add(f"{path}.column", column, "expected the header of the status column")
        return None
    values: dict[str, tuple[EventKind, ...]] = {}
    given = data.get("values", {})
    if not isinstance(given, dict) or not given:
        errors.add(f"{path}.values", given, "expected a table of status = step or [steps]")
        given = {}
    for status, steps in given.items():
        listed = [steps] if isinstance(steps, str) else steps
        if not isinstance(listed, list):
            errors.add(f"{path}.values.{status}", steps, "expected a step or a list of steps")
            continue
        kinds = [_kind(s, f"{path}.values.{status}", errors) for s in listed]
        values[fold(status)] = tuple(k for k in kinds if k is not None)
    dates = {kind: header for key, header in _texts(data.get("dates", {}), f"{path}.dates",
                                                   errors).items()
             if (kind := _kind(key, f"{path}.dates.{key}", errors)) is not None}
    assume: dict[EventKind, str] = {}
    for key, value in _keys(data.get("assume", {}), f"{path}.assume",
                            [k.code for k in EventKind], errors).items():
        kind = _kind(key, f"{path}.assume.{key}", errors)
        if value not in ASSUMPTIONS:
            errors.add(f"{path}.assume.{key}", value, f"expected one of {', '.join(ASSUMPTIONS)}")
        elif kind is not None:
            assume[kind] = value
    extra = _texts(data.get("columns", {}), f"{path}.columns", errors, ("days", "to_unit"))
    date = data.get("date")
    if date is not None and not isinstance(date, str):
        errors.add(f"{path}.date", date, "expected the header of the status date")
        date = None
    return Status(column, values, date, tuple(given), dates, assume, extra.get("days"),
                  extra.get("to_unit"))


@frozen
class Mapping:
    """Every table an export feeds; ``province`` narrows unit names (a name or code)."""

    tables: tuple[TableMapping, ...] = ()
    province: str | None = None

    @classmethod
    def from_dict(cls, data: AnyMapping[str, Any]) -> Mapping:
        """A mapping from a dict shaped like the TOML file; every problem is a DataError line."""
        errors = _Errors()
        names = [t.name for t in TABLES]
        if not isinstance(data, AnyMapping):
            raise DataError("invalid mapping", [StructureError("mapping", data, "expected a table")])
        province = data.get("province")
        if province is not None and not isinstance(province, str):
            errors.add("mapping.province", province, "expected a province name or code")
            province = None
        tables = []
        for key, value in data.items():
            if key == "province":
                continue
            if key not in names:
                errors.add(f"mapping.{key}", key, f"expected province or a table: {', '.join(names)}")
                continue
            tables.append(_table_mapping(key, value, errors))
        if errors.found:
            raise DataError("invalid mapping", errors.found)
        return cls(tuple(tables), province)

    def table(self, name: str) -> TableMapping:
        """The section for table ``name`` (an empty one when the mapping has none)."""
        return next((t for t in self.tables if t.table == name), TableMapping(name))

    def section_for(self, sheet: Sheet) -> TableMapping | None:
        """The section that takes ``sheet``: by ``file``, by the table's name, or the only one."""
        for t in self.tables:
            if t.takes(sheet):
                return t
        for t in self.tables:
            if t.file is None and header_key(t.table) == header_key(sheet.name):
                return t
        if sheet.name in {t.name for t in TABLES}:
            return self.table(sheet.name)
        loose = [t for t in self.tables if t.file is None]
        return loose[0] if len(loose) == 1 else None


def load_mapping(source: str | Path | AnyMapping[str, Any]) -> Mapping:
    """A mapping from a TOML file, TOML text or a dict."""
    if isinstance(source, AnyMapping):
        return Mapping.from_dict(source)
    text = source
    if isinstance(source, Path) or (isinstance(source, str) and "\n" not in source
                                    and source.endswith(".toml")):
        text = Path(source).read_text(encoding="utf-8")
    try:
        data = tomllib.loads(str(text))
    except tomllib.TOMLDecodeError as error:
        raise DataError("invalid mapping", [StructureError("mapping", str(source)[:80],
                                                           f"expected TOML ({error})")]) from None
    return Mapping.from_dict(data)


def columns_of(sheet: Sheet, section: TableMapping, units: UnitResolver | None,
               ) -> tuple[list[Columns], list[RowError], list[str]]:
    """The danvan tables one sheet feeds under ``section``, the problems found, the assumptions used."""
    t = table(section.table)
    problems: list[RowError] = []
    cells: dict[str, Sequence[Any]] = {}
    headers: dict[str, str] = {}
    for column in t.columns:
        header = section.columns.get(column.name)
        found = sheet.column(header or column.name)
        if found is None and header is not None:
            problems.append(RowError(sheet.source, None, header, header,
                                     f"expected this column (the mapping's {t.name}.{column.name}); "
                                     f"the file has {', '.join(sheet.headers)}"))
        elif found is not None:
            cells[column.name] = found
            headers[column.name] = header or column.name
    parts = [Columns(t.name, sheet.source, cells, sheet.rows, headers, dict(section.defaults),
                     dict(section.values), units)]
    notes: list[str] = []
    if section.status is not None:
        events, found, notes = _events(sheet, section, section.status, units)
        problems.extend(found)
        if events is not None:
            parts.append(events)
    return parts, problems, notes


def _events(sheet: Sheet, section: TableMapping, status: Status, units: UnitResolver | None,
            ) -> tuple[Columns | None, list[RowError], list[str]]:
    """petition_events rows from the status column, its dates and the stated assumptions."""
    problems: list[RowError] = []
    ids = sheet.column(section.columns.get("id", "id"))
    received = sheet.column(section.columns.get("received_on", "received_on"))
    named = {"status": status.column, "date": status.date, "days": status.days,
             "to_unit": status.to_unit, **{k.code: h for k, h in status.dates.items()}}
    found: dict[str, Sequence[Any] | None] = {}
    for key, header in named.items():
        if header is not None:
            found[key] = sheet.column(header)
            if found[key] is None:
                problems.append(RowError(sheet.source, None, header, header,
                                         f"expected this column (the mapping's status {key})"))
    if problems or ids is None or received is None or found.get("status") is None:
        return None, problems, []
    day = parser(table("petition_events").column("on"))
    out: dict[str, list[Any]] = {n: [] for n in ("petition", "position", "kind", "on", "days",
                                                 "to_unit", "note")}
    rows: list[int] = []
    assumed: Counter[EventKind] = Counter()

    def date_of(key: str, i: int) -> Any:
        cells = found.get(key)
        if cells is None or is_empty(cells[i]):
            return None
        try:
            return day(cells[i])
        except Bad as error:
            problems.append(RowError(sheet.source, sheet.rows[i], named[key] or key, cells[i],
                                     error.expected))
            return False

    statuses = found["status"]
    assert statuses is not None
    for i, value in enumerate(statuses):
        row = sheet.rows[i]
        if is_empty(value):
            problems.append(RowError(sheet.source, row, status.column, value, "expected a status"))
            continue
        steps = status.values.get(fold(str(value)))
        if steps is None:
            problems.append(RowError(sheet.source, row, status.column, value, "expected a status "
                                     f"the mapping names: {', '.join(status.names)}"))
            continue
        try:
            on_receipt = day(received[i]) if not is_empty(received[i]) else None
        except Bad:
            continue  # the petitions table reports the bad receipt date
        dated: list[tuple[dt.date, int, EventKind]] = []
        extra = [k for k in status.dates if k not in steps]
        for position, kind in enumerate((*steps, *extra)):
            on = date_of(kind.code, i)
            if on is None and kind in steps and position == len(steps) - 1:
                on = date_of("date", i)
            if on is None and kind in steps:
                rule = status.assume.get(kind)
                on = on_receipt if rule == "received_on" else date_of("date", i) if rule else None
                if on:
                    assumed[kind] += 1
                if on is None:
                    header = status.dates.get(kind) or status.date or status.column
                    problems.append(RowError(sheet.source, row, header, None, f"expected a date for "
                                             f"'{kind.code}' (status {value!r}): map a column in "
                                             f"status.dates or state status.assume"))
                    on = False
            if on is False:
                dated = []
                break
            if on is not None:
                dated.append((on, _ORDER.get(kind, 0), kind))
        dated.sort(key=lambda d: (d[0], d[1]))
        for position, (on, _, kind) in enumerate(dated, start=1):
            rows.append(row)
            out["petition"].append(ids[i])
            out["position"].append(position)
            out["kind"].append(kind.code)
            out["on"].append(on)
            days = found.get("days")
            to_unit = found.get("to_unit")
            out["days"].append(days[i] if days is not None and kind is EventKind.EXTENDED else None)
            out["to_unit"].append(to_unit[i] if to_unit is not None
                                  and kind is EventKind.TRANSFERRED else None)
            out["note"].append("")
    headers = {"petition": section.columns.get("id", "id"), "kind": status.column,
               "on": status.date or status.column, "days": status.days or "days",
               "to_unit": status.to_unit or "to_unit"}
    notes = [f"petitions.status: '{kind.code}' assumed on the {status.assume[kind]} day (stated in "
             f"the mapping) for {n} row(s) of {sheet.source}" for kind, n in assumed.items()]
    cells: dict[str, Sequence[Any]] = dict(out)
    return Columns("petition_events", sheet.source, cells, rows, headers, units=units), problems, notes


_TEMPLATES: Final[dict[str, str]] = {
    "petitions": '''\
# danvan mapping for a petitions export (đơn thư). Edit the headers on the right to
# match your file; delete what your export does not have.
province = "Phú Thọ"              # narrows unit names; a name or a code

[petitions]
# file = "don_thu*.csv"           # which files or sheets feed this table (optional)

[petitions.columns]               # danvan column = "your header"
id = "Số đơn"
received_on = "Ngày nhận đơn"     # dd/mm/yyyy or YYYY-MM-DD
kind = "Loại đơn"
unit = "Đơn vị tiếp nhận"         # a code, or a name: "UBND xã Hiền Quan", "Hiền Quan"
channel = "Hình thức tiếp nhận"
in_jurisdiction = "Thuộc thẩm quyền"

[petitions.values.kind]           # "your value" = danvan code (labels work without this)
"Khiếu nại" = "complaint"
"Tố cáo" = "denunciation"
"Kiến nghị, phản ánh" = "recommendation"
"Khác" = "other"

[petitions.values.in_jurisdiction]
"Có" = true
"Không" = false

# Columns that feed indicators may not be left out silently. If your export has
# no such column, state the default here; the report names every default used.
[petitions.defaults]
# channel = "mail"                # citizen_reception, mail, online, dialogue, other
# in_jurisdiction = true
complexity = "ordinary"
remote_area = false
second_instance = false
discipline = false
multi_site = false

# A status column stands for the lifecycle steps; each step needs a date.
[petitions.status]
column = "Trạng thái"
date = "Ngày xử lý"               # the day of the last step the status names

[petitions.status.values]
"Đã giải quyết" = ["accepted", "resolved"]
"Đang giải quyết" = ["accepted", "in_progress"]
"Chuyển đơn" = "transferred"
"Không thụ lý" = "declined"
"Rút đơn" = "withdrawn"
"Chưa xử lý" = []

[petitions.status.dates]          # columns giving the date of a step
accepted = "Ngày thụ lý"
# extended = "Ngày gia hạn"

# [petitions.status.assume]       # or state an assumption instead of a column
# accepted = "received_on"        # received_on, or date (the status date)

# [petitions.status.columns]
# days = "Số ngày gia hạn"
# to_unit = "Chuyển đến"
''',
}


def template(name: str = "petitions") -> str:
    """A starting mapping for table ``name`` (``danvan mapping --template NAME``)."""
    if name in _TEMPLATES:
        return _TEMPLATES[name]
    t = table(name)
    lines = [f"# danvan mapping for the {t.name} table: danvan column = \"your header\"",
             "", f"[{t.name}]", "", f"[{t.name}.columns]"]
    lines += [f'{c.name} = "{c.name}"' + ("" if c.required else "  # optional")
              for c in t.columns]
    explicit = [c for c in t.columns if c.explicit]
    if explicit:
        lines += ["", "# Defaults for columns your export lacks (they feed indicators).",
                  f"[{t.name}.defaults]"]
        lines += [f"# {c.name} = {_toml(c.default_cell())}" for c in explicit]
    return "\n".join(lines) + "\n"


def _toml(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value) if isinstance(value, int) else f'"{value}"'
