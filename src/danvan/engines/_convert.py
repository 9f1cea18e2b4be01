"""A :class:`~danvan.records.dataset.Dataset` as Arrow tables, and the unit registry back from them.

One table per entity, long tables for repeated parts (``petition_events``,
``model_recognitions``, ``model_replications``); columns follow the entities'
field names, enumerations as their codes, days as Arrow dates. This is the
columnar engine's private layout until the shared tabular schema
(``danvan.tables``) lands; then it reads that schema instead.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from danvan.records.dataset import Dataset
from danvan.records.units import Succession, Unit, UnitRegistry
from danvan.records.vocabulary import Term, UnitKind, UnitLevel

__all__ = ["TABLES", "dataset_tables", "registry_from_tables"]

#: Every table and its columns, in order.
TABLES: dict[str, tuple[str, ...]] = {
    "units": ("code", "name", "level", "kind", "parent", "valid_from", "valid_to"),
    "successions": ("on", "predecessors", "successors"),
    "petitions": ("id", "kind", "received_on", "unit", "channel", "in_jurisdiction", "crowd_size",
                  "complexity", "remote_area", "second_instance", "discipline", "multi_site",
                  "known_on"),
    "petition_events": ("petition_id", "seq", "kind", "on", "days", "to_unit"),
    "dialogues": ("id", "unit", "held_on", "chair", "mode", "participants", "opinions_raised",
                  "answered_at_meeting", "referred", "referred_answered"),
    "receptions": ("id", "unit", "on", "host", "turns", "people", "cases", "crowd_delegations",
                   "crowd_people", "regular"),
    "models": ("id", "unit", "owner_kind", "field", "registered_on", "pilot", "discontinued_on"),
    "model_recognitions": ("model_id", "seq", "level", "on"),
    "model_replications": ("model_id", "seq", "unit", "on"),
    "mediations": ("id", "unit", "received_on", "in_jurisdiction", "mediated_on", "outcome"),
}

_TYPES = {
    "seq": "int64", "days": "int64", "crowd_size": "int64", "participants": "int64",
    "opinions_raised": "int64", "answered_at_meeting": "int64", "referred": "int64",
    "referred_answered": "int64", "turns": "int64", "people": "int64", "cases": "int64",
    "crowd_delegations": "int64", "crowd_people": "int64",
    "in_jurisdiction": "bool", "remote_area": "bool", "second_instance": "bool",
    "discipline": "bool", "multi_site": "bool", "regular": "bool", "pilot": "bool",
    "received_on": "date32", "known_on": "date32", "on": "date32", "held_on": "date32",
    "registered_on": "date32", "discontinued_on": "date32", "mediated_on": "date32",
    "valid_from": "date32", "valid_to": "date32",
    "predecessors": "list", "successors": "list",
}


def _code(value: Any) -> Any:
    return value.code if isinstance(value, Term) else value


def _rows(data: Dataset) -> dict[str, list[tuple[Any, ...]]]:
    rows: dict[str, list[tuple[Any, ...]]] = {name: [] for name in TABLES}
    for u in data.units:
        rows["units"].append((u.code, u.name, u.level.code, u.kind.code, u.parent, u.valid_from,
                              u.valid_to))
    for s in data.successions:
        rows["successions"].append((s.on, list(s.predecessors), list(s.successors)))
    for p in data.petitions:
        rows["petitions"].append((p.id, p.kind.code, p.received_on, p.unit, p.channel.code,
                                  p.in_jurisdiction, p.crowd_size, p.complexity.code, p.remote_area,
                                  p.second_instance, p.discipline, p.multi_site, p.known_on))
        rows["petition_events"] += [(p.id, n, e.kind.code, e.on, e.days, e.to_unit)
                                    for n, e in enumerate(p.events)]
    for d in data.dialogues:
        rows["dialogues"].append((d.id, d.unit, d.held_on, d.chair.code, d.mode.code,
                                  d.participants, d.opinions_raised, d.answered_at_meeting,
                                  d.referred, d.referred_answered))
    for r in data.receptions:
        rows["receptions"].append((r.id, r.unit, r.on, r.host.code, r.turns, r.people, r.cases,
                                   r.crowd_delegations, r.crowd_people, r.regular))
    for m in data.models:
        rows["models"].append((m.id, m.unit, m.owner.kind.code, m.field.code, m.registered_on,
                               m.pilot, m.discontinued_on))
        rows["model_recognitions"] += [(m.id, n, r.level.code, r.on)
                                       for n, r in enumerate(m.recognitions)]
        rows["model_replications"] += [(m.id, n, r.unit, r.on) for n, r in enumerate(m.replications)]
    for c in data.mediations:
        rows["mediations"].append((c.id, c.unit, c.received_on, c.in_jurisdiction, c.mediated_on,
                                   _code(c.outcome)))
    return rows


def dataset_tables(data: Dataset) -> dict[str, Any]:
    """Every collection of ``data`` as a ``pyarrow.Table`` (needs ``danvan[duckdb]`` or pyarrow)."""
    try:
        import pyarrow as pa
    except ImportError as error:
        raise ImportError("danvan's columnar engine needs pyarrow; install it with "
                          "pip install 'danvan[duckdb]'") from error
    types = {"int64": pa.int64(), "bool": pa.bool_(), "date32": pa.date32(),
             "list": pa.list_(pa.string())}
    out = {}
    for name, rows in _rows(data).items():
        columns = TABLES[name]
        schema = pa.schema([(c, types.get(_TYPES.get(c, ""), pa.string())) for c in columns])
        out[name] = pa.Table.from_pylist([dict(zip(columns, row, strict=True)) for row in rows],
                                         schema=schema)
    return out


def registry_from_tables(units: Iterable[Mapping[str, Any]],
                         successions: Iterable[Mapping[str, Any]] = ()) -> UnitRegistry:
    """The unit registry from rows of the ``units`` and ``successions`` tables."""
    return UnitRegistry(
        [Unit(u["code"], u["name"], UnitLevel(u["level"]), UnitKind(u["kind"]), u["parent"],
              u["valid_from"], u["valid_to"]) for u in units],
        [Succession(s["on"], tuple(s["predecessors"]), tuple(s["successors"])) for s in successions])
