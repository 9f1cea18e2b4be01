"""A consistent collection of records: units and everything that refers to them.

Building a :class:`Dataset` checks referential integrity and reports every
broken reference at once, as an :class:`~danvan.errors.IntegrityError` (an
``ExceptionGroup``) whose lines name the record's path:

>>> from datetime import date
>>> from danvan.records.petitions import Petition
>>> from danvan.records.vocabulary import PetitionKind
>>> Dataset(petitions=(Petition("P1", PetitionKind.OTHER, date(2024, 1, 2), "NOWHERE"),))
Traceback (most recent call last):
...
danvan.errors.IntegrityError: broken references (1 problem(s)):
  petitions[0].unit: expected a unit that exists on 2024-01-02, got 'NOWHERE'
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from itertools import count
from operator import attrgetter
from typing import Any

from attrs import field, frozen

from danvan import _validators as v
from danvan.errors import DanvanError, FieldError, IntegrityError
from danvan.records.dialogues import Dialogue
from danvan.records.directives import Directive, Implementation
from danvan.records.document_numbers import DocumentNumber
from danvan.records.mediations import MediationCase
from danvan.records.models import Model
from danvan.records.petitions import Petition
from danvan.records.receptions import Reception
from danvan.records.units import Succession, Unit, UnitRegistry

__all__ = ["Dataset"]

#: Record collections that carry an ``id``, in the order JSON lists them.
RECORD_COLLECTIONS = ("implementations", "models", "dialogues", "petitions", "receptions",
                      "mediations")


#: Every collection, in the order a repr lists them.
_COLLECTIONS = ("units", "successions", "directives", "petitions", "dialogues", "receptions",
                "mediations", "models", "implementations")


def _records(cls: type) -> Any:
    return field(default=(), validator=v.tuple_of(v.typed(cls)))


@frozen
class Dataset:
    """Units, successions, directives and the records of mass-mobilisation work."""

    units: tuple[Unit, ...] = _records(Unit)
    successions: tuple[Succession, ...] = _records(Succession)
    directives: tuple[Directive, ...] = _records(Directive)
    implementations: tuple[Implementation, ...] = _records(Implementation)
    models: tuple[Model, ...] = _records(Model)
    dialogues: tuple[Dialogue, ...] = _records(Dialogue)
    petitions: tuple[Petition, ...] = _records(Petition)
    receptions: tuple[Reception, ...] = _records(Reception)
    mediations: tuple[MediationCase, ...] = _records(MediationCase)
    registry: UnitRegistry = field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "registry", UnitRegistry(self.units, self.successions))
        problems = list(_problems(self))
        if problems:
            raise IntegrityError("broken references", problems)

    @classmethod
    def with_units(cls, registry: UnitRegistry, **records: Any) -> Dataset:
        """A dataset over every unit and succession of ``registry`` (e.g. the shipped one)."""
        return cls(units=tuple(registry), successions=registry.successions, **records)

    @property
    def directive_numbers(self) -> frozenset[DocumentNumber]:
        """Numbers of every directive held."""
        return frozenset(d.number for d in self.directives)

    def __len__(self) -> int:
        """Number of records of every kind, units and directives included."""
        return sum(len(getattr(self, name)) for name in ("units", "directives", *RECORD_COLLECTIONS))

    def __repr__(self) -> str:
        """``Dataset(units=14.150, petitions=2.588, dialogues=199)``: the non-empty collections
        and their sizes (Vietnamese thousands separator); the records stay in the attributes."""
        sizes = [f"{name}={format(len(items), ',').replace(',', '.')}"
                 for name in _COLLECTIONS if (items := getattr(self, name))]
        return f"Dataset({', '.join(sizes)})"


def _problems(data: Dataset) -> Iterator[DanvanError]:
    registry = data.registry
    known = data.directive_numbers
    exists = registry.exists

    def unit(path: str, code: str, on: dt.date) -> FieldError:  # built only when missing
        return FieldError(path, code, f"expected a unit that exists on {on.isoformat()}")

    def directive(path: str, number: DocumentNumber) -> Iterator[DanvanError]:
        if number not in known:
            yield FieldError(path, str(number), "expected a directive held in the dataset")

    yield from _duplicates("directives", (str(d.number) for d in data.directives))
    for name in RECORD_COLLECTIONS:
        yield from _duplicates(name, map(_ID, getattr(data, name)))
    for i, d in enumerate(data.directives):
        for j, number in enumerate(d.implements):
            yield from directive(f"directives[{i}].implements[{j}]", number)
    for i, imp in enumerate(data.implementations):
        if not exists(imp.unit, imp.issued_on):
            yield unit(f"implementations[{i}].unit", imp.unit, imp.issued_on)
        yield from directive(f"implementations[{i}].directive", imp.directive)
    for i, m in enumerate(data.models):
        if not exists(m.unit, m.registered_on):
            yield unit(f"models[{i}].unit", m.unit, m.registered_on)
        for j, rep in enumerate(m.replications):
            if not exists(rep.unit, rep.on):
                yield unit(f"models[{i}].replications[{j}].unit", rep.unit, rep.on)
    for i, talk in enumerate(data.dialogues):
        if not exists(talk.unit, talk.held_on):
            yield unit(f"dialogues[{i}].unit", talk.unit, talk.held_on)
        if talk.basis is not None:
            yield from directive(f"dialogues[{i}].basis", talk.basis)
    for i in _petitions_to_check(data.petitions, registry):
        p = data.petitions[i]
        if not exists(p.unit, p.received_on):
            yield unit(f"petitions[{i}].unit", p.unit, p.received_on)
        # Only a transfer names a unit, and it closes the petition: only the last event can.
        if p.events and (last := p.events[-1]).to_unit is not None and not exists(
                last.to_unit, last.on):
            yield unit(f"petitions[{i}].events[{len(p.events) - 1}].to_unit", last.to_unit, last.on)
    for i, r in enumerate(data.receptions):
        if not exists(r.unit, r.on):
            yield unit(f"receptions[{i}].unit", r.unit, r.on)
    for i, c in enumerate(data.mediations):
        if not exists(c.unit, c.received_on):
            yield unit(f"mediations[{i}].unit", c.unit, c.received_on)


_ID, _UNIT, _RECEIVED = attrgetter("id"), attrgetter("unit"), attrgetter("received_on")
_EVENTS = attrgetter("events")


def _petitions_to_check(petitions: tuple[Petition, ...], registry: UnitRegistry) -> list[int]:
    """The indexes of the petitions whose references ``exists`` must check: every one but
    those received by a unit on a day within its versions (when they follow one another
    without a gap), with no transfer (loops in C for the most part: they run once per
    petition read)."""
    single = {code: (vs[0][0], vs[-1][1] or dt.date.max)
              for code, vs in registry._lifespans().items()
              if all(end == vs[k + 1][0] for k, (_, end) in enumerate(vs[:-1]))}
    spans = map(single.get, map(_UNIT, petitions))
    doubtful = [i for i, span, on in zip(count(), spans, map(_RECEIVED, petitions), strict=False)
                if span is None or not span[0] <= on < span[1]]
    transfers = [i for i, events in enumerate(map(_EVENTS, petitions))
                 if events and events[-1].to_unit is not None]
    return sorted({*doubtful, *transfers}) if transfers else doubtful


def _duplicates(name: str, ids: Iterable[str]) -> Iterator[DanvanError]:
    ids = list(ids)
    if len(set(ids)) == len(ids):
        return
    seen: set[str] = set()
    for index, identifier in enumerate(ids):
        if identifier in seen:
            yield FieldError(f"{name}[{index}]", identifier, "expected an id not used before")
        seen.add(identifier)

