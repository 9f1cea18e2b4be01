"""A :class:`~danvan.records.dataset.Dataset` as Arrow tables, and the unit registry back from them.

One table per entity, long tables for repeated parts (``petition_events``,
``model_recognitions``, ``model_replications``); columns follow the entities'
field names, enumerations as their codes, days as Arrow dates: the schema of
:mod:`danvan.tables.schema`, written by :func:`danvan.tables.to_arrow`, of which the engine
reads the tables below.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from typing import Any, Final

from danvan.records.dataset import Dataset
from danvan.records.units import Succession, Unit, UnitRegistry
from danvan.records.vocabulary import AdminType, UnitKind, UnitLevel
from danvan.tables.schema import arrow_schema
from danvan.tables.writers import to_arrow

__all__ = ["TABLES", "dataset_tables", "registry_from_columns"]

#: The tables the columnar engine reads (names and columns from :mod:`danvan.tables.schema`).
TABLES: Final = ("units", "successions", "succession_predecessors", "succession_successors",
                 "directives", "directive_implements", "implementations", "models", "model_recognitions",
                 "model_replications", "dialogues", "petitions",
                 "petition_events", "receptions", "mediations")


def dataset_tables(data: Dataset) -> dict[str, Any]:
    """The collections of ``data`` the columnar engine reads, as ``pyarrow.Table`` s of the
    shared schema (:func:`danvan.tables.to_arrow`, empty tables included; needs ``danvan[duckdb]``)."""
    try:
        import pyarrow as pa
    except ImportError as error:
        raise ImportError("danvan's columnar engine needs pyarrow; install it with "
                          "pip install 'danvan[duckdb]'") from error
    found = to_arrow(data)
    return {name: found.get(name, pa.table({f.name: pa.array([], f.type) for f in arrow_schema(name)},
                                           schema=arrow_schema(name)))
            for name in TABLES}


def registry_from_columns(units: Mapping[str, list[Any]],
                          successions: Mapping[str, list[Any]] | None = None,
                          predecessors: Mapping[str, list[Any]] | None = None,
                          successors: Mapping[str, list[Any]] | None = None) -> UnitRegistry:
    """The unit registry from the columns (name to values, as ``pyarrow.Table.to_pydict``
    gives them) of the ``units`` and succession tables: no dict a row."""
    sides: dict[str, dict[Any, list[tuple[int, str]]]] = {"p": defaultdict(list), "s": defaultdict(list)}
    for side, columns in (("p", predecessors), ("s", successors)):
        if columns:
            for succession, position, unit in zip(columns["succession"], columns["position"],
                                                  columns["unit"], strict=True):
                sides[side][succession].append((position, unit))
    count = len(units["code"])
    admin_types = units.get("admin_type") or [None] * count
    short_names = units.get("short_name") or [None] * count
    levels, kinds, admins = UnitLevel.from_code, UnitKind.from_code, AdminType.from_code
    built = [Unit(code, name, levels(level), kinds(kind), parent, valid_from, valid_to,
                  None if admin is None else admins(admin), short)
             for code, name, level, kind, parent, valid_from, valid_to, admin, short in zip(
                 units["code"], units["name"], units["level"], units["kind"], units["parent"],
                 units["valid_from"], units["valid_to"], admin_types, short_names, strict=True)]
    changes = [] if not successions else [
        Succession(on, tuple(code for _, code in sorted(sides["p"][ident])),
                   tuple(code for _, code in sorted(sides["s"][ident])))
        for ident, on in zip(successions["succession"], successions["on"], strict=True)]
    return UnitRegistry(built, changes)
