"""Tests for danvan.records.dataset: referential integrity, every broken reference reported at once."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import pytest
from attrs import evolve
from hypothesis import given

from danvan.errors import DanvanError, FieldError, IntegrityError, flatten
from danvan.records.dataset import Dataset
from danvan.records.dialogues import Dialogue
from danvan.records.directives import Directive, Implementation
from danvan.records.document_numbers import DocumentNumber
from danvan.records.mediations import MediationCase
from danvan.records.models import Model, Owner, Replication
from danvan.records.petitions import Petition, PetitionEvent
from danvan.records.receptions import Reception
from danvan.records.units import Succession, Unit, UnitRegistryError
from danvan.records.vocabulary import (
    ChairRole,
    DialogueMode,
    DocumentKind,
    EventKind,
    Field,
    OwnerKind,
    PetitionKind,
    UnitLevel,
)
from danvan.testing import datasets

D = dt.date
N = DocumentNumber.parse
MERGER = D(2020, 1, 1)

UNITS = (
    Unit("TN", "Huyện Tam Nông", UnitLevel.DISTRICT),
    Unit("A", "Xã A", UnitLevel.COMMUNE, parent="TN", valid_to=MERGER),
    Unit("B", "Xã B", UnitLevel.COMMUNE, parent="TN", valid_to=MERGER),
    Unit("AB", "Xã AB", UnitLevel.COMMUNE, parent="TN", valid_from=MERGER),
)
SUCCESSIONS = (Succession(MERGER, ("A", "B"), ("AB",), N("828/NQ-UBTVQH14")),)
DIRECTIVES = (
    Directive(N("25-NQ/TW"), DocumentKind.RESOLUTION, "Ban Chấp hành Trung ương", D(2013, 6, 3)),
    Directive(N("05-NQ/HU"), DocumentKind.RESOLUTION, "Ban Thường vụ Huyện ủy", D(2021, 2, 5),
              implements=(N("25-NQ/TW"),)),
)


def petition(pid: str, unit: str, on: dt.date, *events: PetitionEvent) -> Petition:
    """A complaint received by ``unit`` on ``on``."""
    return Petition(pid, PetitionKind.COMPLAINT, on, unit, events=events)


def good() -> Dataset:
    """A consistent dataset with one record of every kind."""
    return Dataset(
        units=UNITS, successions=SUCCESSIONS, directives=DIRECTIVES,
        implementations=(Implementation("I1", N("25-NQ/TW"), "A", D(2014, 1, 1)),),
        models=(Model("M1", "Dân vận khéo", Owner(OwnerKind.COLLECTIVE, "UBND xã A"), "A",
                      Field.ECONOMY, D(2018, 1, 1),
                      replications=(Replication("B", D(2019, 1, 1)),)),),
        dialogues=(Dialogue("D1", "AB", D(2021, 3, 1), ChairRole.PARTY_SECRETARY,
                            DialogueMode.PERIODIC, basis=N("05-NQ/HU")),),
        petitions=(petition("P0", "A", D(2019, 5, 1)),
                   petition("P1", "AB", D(2020, 5, 1),
                            PetitionEvent(EventKind.TRANSFERRED, D(2020, 5, 2), to_unit="TN"))),
        receptions=(Reception("R1", "TN", D(2019, 1, 7), ChairRole.PEOPLES_COMMITTEE_CHAIR),),
        mediations=(MediationCase("H1", "B", D(2018, 4, 2)),),
    )


GOOD = good()


def test_good_dataset() -> None:
    """A dataset whose references all hold builds, with its registry."""
    assert len(GOOD) == len(UNITS) + len(DIRECTIVES) + 7
    assert GOOD.registry.resolve("A", D(2021, 1, 1)) == ("AB",)
    assert GOOD.directive_numbers == frozenset({N("25-NQ/TW"), N("05-NQ/HU")})
    assert Dataset() == Dataset()
    assert len(Dataset()) == 0


def test_every_broken_reference_is_reported() -> None:
    """Every broken reference is one line of a single IntegrityError, with the record's path."""
    with pytest.raises(IntegrityError) as info:
        Dataset(
            units=UNITS, successions=SUCCESSIONS,
            directives=(*DIRECTIVES,
                        Directive(N("13-CT/ĐU"), DocumentKind.DIRECTIVE, "Đảng ủy",
                                  D(2014, 1, 6), implements=(N("25-NQ/TW"), N("99-NQ/TW"))),
                        DIRECTIVES[0]),
            implementations=(Implementation("I1", N("16/CT-TTg"), "A", D(2017, 1, 1)),
                             Implementation("I1", N("25-NQ/TW"), "AB", D(2019, 1, 1))),
            models=(Model("M1", "Dân vận khéo", Owner(OwnerKind.INDIVIDUAL, "Lò Văn Pọm"), "ZZ",
                          Field.ECONOMY, D(2018, 1, 1),
                          replications=(Replication("AB", D(2019, 1, 1)),)),),
            dialogues=(Dialogue("D1", "AB", D(2021, 3, 1), ChairRole.PARTY_SECRETARY,
                                DialogueMode.PERIODIC, basis=N("11-QĐi/TW")),),
            petitions=(petition("P0", "A", D(2019, 5, 1)),
                       petition("P1", "A", D(2019, 5, 1)),
                       petition("P2", "TN", D(2019, 5, 1)),
                       petition("P3", "A", D(2020, 1, 1)),  # A was merged that day
                       petition("P0", "AB", D(2020, 2, 1),
                                PetitionEvent(EventKind.TRANSFERRED, D(2020, 2, 2),
                                              to_unit="B"))),
            receptions=(Reception("R1", "NOWHERE", D(2019, 1, 7), ChairRole.OTHER),),
            mediations=(MediationCase("H1", "AB", D(2019, 12, 31)),),
        )
    error = info.value
    assert isinstance(error, ExceptionGroup)
    assert isinstance(error, DanvanError)
    assert all(isinstance(sub, FieldError) for sub in error.exceptions)
    lines = flatten(error)
    assert lines == [str(sub) for sub in error.exceptions]
    expected = {
        "directives[3]: expected an id not used before, got '25-NQ/TW'",
        "implementations[1]: expected an id not used before, got 'I1'",
        "petitions[4]: expected an id not used before, got 'P0'",
        "directives[2].implements[1]: expected a directive held in the dataset, got '99-NQ/TW'",
        "implementations[0].directive: expected a directive held in the dataset, got '16/CT-TTg'",
        "implementations[1].unit: expected a unit that exists on 2019-01-01, got 'AB'",
        "models[0].unit: expected a unit that exists on 2018-01-01, got 'ZZ'",
        "models[0].replications[0].unit: expected a unit that exists on 2019-01-01, got 'AB'",
        "dialogues[0].basis: expected a directive held in the dataset, got '11-QĐi/TW'",
        "petitions[3].unit: expected a unit that exists on 2020-01-01, got 'A'",
        "petitions[4].events[0].to_unit: expected a unit that exists on 2020-02-02, got 'B'",
        "receptions[0].unit: expected a unit that exists on 2019-01-07, got 'NOWHERE'",
        "mediations[0].unit: expected a unit that exists on 2019-12-31, got 'AB'",
    }
    assert set(lines) == expected
    assert len(lines) == len(expected)
    assert f"({len(expected)} problem(s))" in str(error)
    for line in expected:
        assert line in str(error)


@pytest.mark.parametrize(("changes", "line"), [
    ({"petitions": (petition("P1", "NOWHERE", D(2024, 1, 2)),)},
     "petitions[0].unit: expected a unit that exists on 2024-01-02, got 'NOWHERE'"),
    ({"receptions": (Reception("R", "AB", D(2019, 1, 1), ChairRole.OTHER),)},
     "receptions[0].unit: expected a unit that exists on 2019-01-01, got 'AB'"),
    ({"directives": DIRECTIVES[1:]},
     "directives[0].implements[0]: expected a directive held in the dataset, got '25-NQ/TW'"),
])
def test_replace_rechecks(changes: dict[str, Any], line: str) -> None:
    """replace (and attrs.evolve) check the references again."""
    with pytest.raises(IntegrityError) as info:
        evolve(GOOD, **changes)
    assert line in flatten(info.value)
    with pytest.raises(IntegrityError):
        attrs.evolve(GOOD, **changes)


def test_inconsistent_units() -> None:
    """An inconsistent unit history is a UnitRegistryError raised when the dataset is built."""
    with pytest.raises(UnitRegistryError):
        Dataset(units=(*UNITS, Unit("C", "Xã C", UnitLevel.COMMUNE, parent="NOPE")))


def test_collections_are_typed() -> None:
    """Collections are tuples of the right entity; the FieldError names the item."""
    with pytest.raises(FieldError) as info:
        Dataset(units=list(UNITS))  # type: ignore[arg-type]
    assert info.value.path == "units"
    with pytest.raises(FieldError) as info:
        Dataset(units=UNITS, petitions=(GOOD.receptions[0],))  # type: ignore[arg-type]
    assert info.value.path == "petitions[0]"


def test_frozen_and_registry_not_in_equality() -> None:
    """A dataset is frozen; its registry is derived and left out of equality."""
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        GOOD.units = ()  # type: ignore[misc]
    assert good() == GOOD
    assert "registry" not in repr(GOOD)


def test_with_units() -> None:
    """with_units takes every unit and succession of a registry."""
    registry = GOOD.registry
    data = Dataset.with_units(registry, petitions=GOOD.petitions)
    assert data.registry == registry
    assert data.petitions == GOOD.petitions


@given(datasets())
def test_generated_datasets_hold(data: Dataset) -> None:
    """Generated datasets are consistent: rebuilding them raises nothing and gives them back."""
    assert attrs.evolve(data) == data
    for name in ("implementations", "models", "dialogues", "petitions", "receptions",
                 "mediations"):
        ids = [record.id for record in getattr(data, name)]
        assert len(ids) == len(set(ids))


@given(datasets())
def test_dangling_unit_reported(data: Dataset) -> None:
    """Dropping every unit leaves one line per record that names a unit."""
    named = sum(len(getattr(data, name)) for name in ("implementations", "dialogues",
                                                      "petitions", "receptions", "mediations"))
    named += sum(1 + len(m.replications) for m in data.models)
    named += sum(1 for p in data.petitions for e in p.events if e.to_unit is not None)
    if named == 0:
        assert evolve(data, units=(), successions=()).units == ()
        return
    with pytest.raises(IntegrityError) as info:
        evolve(data, units=(), successions=())
    assert len(flatten(info.value)) == named
