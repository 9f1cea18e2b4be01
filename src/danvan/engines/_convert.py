"""A :class:`~danvan.records.dataset.Dataset` as Arrow tables, and the unit registry back from them.

One table per entity, long tables for repeated parts (``petition_events``,
``model_recognitions``, ``model_replications``); columns follow the entities'
field names, enumerations as their codes, days as Arrow dates: the schema of
:mod:`danvan.tables.schema`, of which the engine reads the tables below.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any, Final

from danvan.records.dataset import Dataset
from danvan.records.units import Succession, Unit, UnitRegistry
from danvan.records.vocabulary import AdminType, Term, UnitKind, UnitLevel
from danvan.tables.schema import arrow_schema

__all__ = ["TABLES", "dataset_tables", "registry_from_tables"]

#: The tables the columnar engine reads (names and columns from :mod:`danvan.tables.schema`).
TABLES: Final = ("units", "successions", "succession_predecessors", "succession_successors",
                 "models", "model_recognitions", "model_replications", "dialogues", "petitions",
                 "petition_events", "receptions", "mediations")


def _code(value: Any) -> Any:
    return value.code if isinstance(value, Term) else value


def _rows(data: Dataset) -> dict[str, list[dict[str, Any]]]:
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    for u in data.units:
        rows["units"].append({"code": u.code, "name": u.name, "level": u.level.code,
                              "kind": u.kind.code, "parent": u.parent, "valid_from": u.valid_from,
                              "valid_to": u.valid_to, "admin_type": _code(u.admin_type),
                              "short_name": u.short_name})
    for n, s in enumerate(data.successions, 1):
        rows["successions"].append({"succession": n, "on": s.on,
                                    "basis": None if s.basis is None else str(s.basis)})
        for side, codes in (("predecessors", s.predecessors), ("successors", s.successors)):
            rows[f"succession_{side}"] += [{"succession": n, "position": i, "unit": code}
                                           for i, code in enumerate(codes, 1)]
    for p in data.petitions:
        rows["petitions"].append({
            "id": p.id, "kind": p.kind.code, "received_on": p.received_on, "unit": p.unit,
            "channel": p.channel.code, "in_jurisdiction": p.in_jurisdiction,
            "crowd_size": p.crowd_size, "complexity": p.complexity.code,
            "remote_area": p.remote_area, "second_instance": p.second_instance,
            "discipline": p.discipline, "multi_site": p.multi_site, "known_on": p.known_on})
        rows["petition_events"] += [{"petition": p.id, "position": i, "kind": e.kind.code,
                                     "on": e.on, "days": e.days, "to_unit": e.to_unit,
                                     "note": e.note} for i, e in enumerate(p.events, 1)]
    for d in data.dialogues:
        rows["dialogues"].append({
            "id": d.id, "unit": d.unit, "held_on": d.held_on, "chair": d.chair.code,
            "mode": d.mode.code, "participants": d.participants,
            "opinions_raised": d.opinions_raised, "answered_at_meeting": d.answered_at_meeting,
            "referred": d.referred, "referred_answered": d.referred_answered,
            "basis": None if d.basis is None else str(d.basis)})
    for r in data.receptions:
        rows["receptions"].append({
            "id": r.id, "unit": r.unit, "on": r.on, "host": r.host.code, "turns": r.turns,
            "people": r.people, "cases": r.cases, "crowd_delegations": r.crowd_delegations,
            "crowd_people": r.crowd_people, "regular": r.regular})
    for m in data.models:
        rows["models"].append({
            "id": m.id, "title": m.title, "owner_kind": m.owner.kind.code,
            "owner_name": m.owner.name, "unit": m.unit, "field": m.field.code,
            "registered_on": m.registered_on, "pilot": m.pilot,
            "discontinued_on": m.discontinued_on})
        rows["model_recognitions"] += [{"model": m.id, "position": i, "level": r.level.code,
                                        "on": r.on, "body": r.body}
                                       for i, r in enumerate(m.recognitions, 1)]
        rows["model_replications"] += [{"model": m.id, "position": i, "unit": r.unit, "on": r.on}
                                       for i, r in enumerate(m.replications, 1)]
    for c in data.mediations:
        rows["mediations"].append({
            "id": c.id, "unit": c.unit, "received_on": c.received_on,
            "in_jurisdiction": c.in_jurisdiction, "mediated_on": c.mediated_on,
            "outcome": _code(c.outcome)})
    return rows


def dataset_tables(data: Dataset) -> dict[str, Any]:
    """The collections of ``data`` the columnar engine reads, as ``pyarrow.Table`` s of the
    shared schema (:func:`danvan.tables.schema.arrow_schema`; needs ``danvan[duckdb]``)."""
    try:
        import pyarrow as pa
    except ImportError as error:
        raise ImportError("danvan's columnar engine needs pyarrow; install it with "
                          "pip install 'danvan[duckdb]'") from error
    return {name: pa.Table.from_pylist(rows, schema=arrow_schema(name))
            for name, rows in _rows(data).items()}


def registry_from_tables(units: Iterable[Mapping[str, Any]],
                         successions: Iterable[Mapping[str, Any]] = (),
                         predecessors: Iterable[Mapping[str, Any]] = (),
                         successors: Iterable[Mapping[str, Any]] = ()) -> UnitRegistry:
    """The unit registry from rows of the ``units`` and succession tables."""
    sides: dict[str, dict[Any, list[tuple[int, str]]]] = {"p": defaultdict(list), "s": defaultdict(list)}
    for side, rows in (("p", predecessors), ("s", successors)):
        for row in rows:
            sides[side][row["succession"]].append((row["position"], row["unit"]))
    return UnitRegistry(
        [Unit(u["code"], u["name"], UnitLevel.from_code(u["level"]), UnitKind.from_code(u["kind"]),
              u["parent"],
              u["valid_from"], u["valid_to"],
              None if u.get("admin_type") is None else AdminType.from_code(u["admin_type"]),
              u.get("short_name")) for u in units],
        [Succession(s["on"], tuple(code for _, code in sorted(sides["p"][s["succession"]])),
                    tuple(code for _, code in sorted(sides["s"][s["succession"]])))
         for s in successions])
