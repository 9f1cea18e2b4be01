"""Read records from tables into a validated :class:`~danvan.records.dataset.Dataset`.

Sources are CSV files (UTF-8 with or without BOM, ``,`` or ``;``), Excel
workbooks (``.xlsx``, one table a sheet; ``danvan[excel]``), Parquet files and
any Arrow-compatible table (pyarrow, pandas, polars, DuckDB, through
``__arrow_c_stream__``; ``danvan[arrow]``). Without a mapping, each file or
sheet is named after the danvan table it holds (``petitions.csv``,
``petition_events.csv``, as :mod:`danvan.tables.writers` writes them) and its
headers are danvan's columns; a :class:`~danvan.tables.mapping.Mapping` reads
an office's own export.

Every problem is reported at once, with its row as a spreadsheet numbers it:

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "units.csv").write_text("code;name;level;kind\\n"
...     "X1;Xã Hòa;commune;administrative_area\\n", encoding="utf-8")
>>> _ = (folder / "petitions.csv").write_text(
...     "id;kind;received_on;unit;channel;in_jurisdiction;complexity;remote_area;"
...     "second_instance;discipline;multi_site\\n"
...     "P1;khiếu nại;02/01/2024;X1;mail;true;ordinary;false;false;false;false\\n"
...     "P2;complaint;31/02/2024;X1;letter;true;ordinary;false;false;false;false\\n",
...     encoding="utf-8")
>>> try:
...     read_csv(folder)
... except TableError as error:
...     for problem in error.exceptions:
...         print(problem.source, problem.row, problem.column, repr(problem.value))
petitions.csv 3 received_on '31/02/2024'
petitions.csv 3 channel 'letter'
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping as AnyMapping
from pathlib import Path
from typing import Any

from attrs import frozen

from danvan.errors import RowError, TableError
from danvan.records.dataset import Dataset
from danvan.records.units import UnitRegistry
from danvan.tables._build import Columns, DefaultUsed, UnitResolver, build
from danvan.tables._sources import Sheet, arrow_sheet, sheets_of
from danvan.tables._units import UnitNames, closure
from danvan.tables.mapping import Mapping, columns_of, load_mapping
from danvan.tables.schema import TABLES

__all__ = ["Imported", "read", "read_arrow", "read_csv", "read_excel", "read_parquet"]

_UNIT_TABLES = ("units", "successions", "succession_predecessors", "succession_successors")

MappingLike = Mapping | AnyMapping[str, Any] | str | Path | None


@frozen
class Imported:
    """A dataset read from tables, with the defaults and assumptions the mapping supplied."""

    dataset: Dataset
    defaults: tuple[DefaultUsed, ...] = ()
    assumptions: tuple[str, ...] = ()

    @property
    def notes(self) -> tuple[str, ...]:
        """One line per default or assumption used, for a report to name."""
        return (*(str(d) for d in self.defaults), *self.assumptions)


def _mapping(mapping: MappingLike) -> Mapping | None:
    if mapping is None or isinstance(mapping, Mapping):
        return mapping
    return load_mapping(mapping)


def read(sources: Iterable[str | Path] = (), mapping: MappingLike = None, *,
         arrow: AnyMapping[str, Any] | None = None, units: UnitRegistry | None = None) -> Imported:
    """Read files (or folders of them) and Arrow-compatible tables into one dataset.

    ``arrow`` maps a table name (a danvan table, or a name the mapping's
    ``file`` patterns match) to an Arrow-compatible object. ``units`` is where
    unit codes and names are found when no units table is read (default: the
    shipped registry, :func:`danvan.vietnam.registry`); the dataset then holds
    the provinces its records lie in.
    """
    chosen = _mapping(mapping)
    sheets = [sheet for source in sources for sheet in sheets_of(source)]
    sheets += [arrow_sheet(data, name) for name, data in (arrow or {}).items()]
    plan: list[tuple[Sheet, Any]] = []
    problems: list[RowError] = []
    names = {t.name for t in TABLES}
    for sheet in sheets:
        section = chosen.section_for(sheet) if chosen is not None else None
        if section is None and sheet.name not in names:
            problems.append(RowError(sheet.source, None, "", sheet.name, "expected a file named after "
                                     "a danvan table, or a mapping section whose file matches it"))
            continue
        plan.append((sheet, section))
    if problems:
        raise TableError("rows that do not describe danvan records", problems)
    assumptions: list[str] = []
    parts: list[Columns] = []

    def add(sheet: Sheet, section: Any, resolver: UnitResolver | None) -> None:
        if section is None:
            parts.append(Columns(sheet.name, sheet.source, dict(zip(
                sheet.headers, sheet.columns, strict=True)), sheet.rows))
            return
        found, bad, notes = columns_of(sheet, section, resolver)
        parts.extend(found)
        problems.extend(bad)
        assumptions.extend(notes)

    unit_sheets = [(s, m) for s, m in plan if (m.table if m is not None else s.name) in _UNIT_TABLES]
    for sheet, section in unit_sheets:
        add(sheet, section, None)
    first = {id(s) for s, _ in unit_sheets}
    registry = units
    units_for = None
    if unit_sheets:
        registry = _registry(parts) if chosen is not None else None
    elif chosen is not None or units is not None:
        if registry is None:
            from danvan.vietnam.units import registry as shipped

            registry = shipped()
        held = registry
        units_for = lambda codes: closure(held, codes)  # noqa: E731
    resolver = UnitNames(registry, chosen.province if chosen else None) if (
        registry is not None and chosen is not None) else None
    for sheet, section in plan:
        if id(sheet) not in first:
            add(sheet, section, resolver)
    dataset, defaults = build(parts, problems_found=problems, units_for=units_for)
    return Imported(dataset, tuple(defaults), tuple(assumptions))


def _registry(parts: list[Columns]) -> UnitRegistry | None:
    """The registry of the units tables read, or ``None`` when they have problems (reported later)."""
    try:
        dataset, _ = build(parts)
    except TableError:
        return None
    return dataset.registry


def read_csv(*paths: str | Path, mapping: MappingLike = None) -> Dataset:
    """A dataset from CSV files or folders of them (see :func:`read`)."""
    return read(paths, mapping).dataset


def read_excel(*paths: str | Path, mapping: MappingLike = None) -> Dataset:
    """A dataset from ``.xlsx`` workbooks, one table a sheet (needs ``danvan[excel]``)."""
    return read(paths, mapping).dataset


def read_parquet(*paths: str | Path, mapping: MappingLike = None) -> Dataset:
    """A dataset from Parquet files or folders of them (needs ``danvan[arrow]``)."""
    return read(paths, mapping).dataset


def read_arrow(tables: AnyMapping[str, Any], mapping: MappingLike = None) -> Dataset:
    """A dataset from Arrow-compatible tables by name: ``{"petitions": df, ...}``."""
    return read((), mapping, arrow=tables).dataset
