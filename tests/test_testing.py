"""Tests for danvan.testing: the strategies validate their options and build valid values."""

from __future__ import annotations

import datetime as dt
import itertools
import subprocess
import sys
from collections.abc import Callable
from typing import Any

import attrs
import pytest
from hypothesis import Phase, given, settings, strategies as st
from hypothesis.errors import InvalidArgument

from danvan import testing
from danvan.records.dataset import Dataset
from danvan.records.dialogues import Dialogue
from danvan.records.directives import Directive
from danvan.records.document_numbers import DocumentNumber
from danvan.records.mediations import MediationCase
from danvan.records.models import Model
from danvan.records.petitions import TRANSITIONS, Petition
from danvan.records.receptions import Reception
from danvan.records.units import Unit, UnitRegistry
from danvan.records.vocabulary import EventKind, UnitLevel
from danvan.testing import (
    datasets,
    dialogues,
    directives,
    document_numbers,
    identifiers,
    mediation_cases,
    models,
    petitions,
    receptions,
    unit_registries,
    vietnamese_text,
)

D = dt.date
LOW, HIGH = D(2015, 1, 1), D(2016, 12, 31)
REGISTRY = UnitRegistry([
    Unit("P", "Tỉnh Phú Thọ", UnitLevel.PROVINCE),
    Unit("D0", "Huyện Tam Nông", UnitLevel.DISTRICT, parent="P"),
    Unit("C0", "Thị trấn Hưng Hóa", UnitLevel.COMMUNE, parent="D0"),
])

#: Record strategies over a registry, by name.
RECORD_STRATEGIES: dict[str, Callable[..., st.SearchStrategy[Any]]] = {
    "petitions": petitions,
    "dialogues": dialogues,
    "models": models,
    "receptions": receptions,
    "mediation_cases": mediation_cases,
}

#: Options that must be refused as soon as the strategy is built.
BAD_OPTIONS_AT_ONCE: list[tuple[str, Callable[[], object]]] = [
    ("vietnamese_text(max_words=0)", lambda: vietnamese_text(max_words=0)),
    *((f"{name}(min_date > max_date)",
       (lambda f=f: f(REGISTRY, min_date=HIGH, max_date=LOW)))
      for name, f in RECORD_STRATEGIES.items()),
    *((f"{name}(max_date='2016-01-01')",
       (lambda f=f: f(REGISTRY, max_date="2016-01-01")))
      for name, f in RECORD_STRATEGIES.items()),
    ("directives(min_date > max_date)", lambda: directives(min_date=HIGH, max_date=LOW)),
    ("petitions(no unit exists)", lambda: petitions(UnitRegistry([]), min_date=LOW,
                                                    max_date=HIGH)),
]

#: Options refused when a value is drawn (composite strategies check them lazily).
BAD_OPTIONS_ON_DRAW: list[tuple[str, Callable[[], st.SearchStrategy[Any]]]] = [
    ("unit_registries(max_units=0)", lambda: unit_registries(max_units=0)),
    ("datasets(max_records=-1)", lambda: datasets(max_records=-1)),
    ("datasets(min_date > max_date)", lambda: datasets(min_date=HIGH, max_date=LOW)),
    ("petitions(max_events=-1)", lambda: petitions(REGISTRY, max_events=-1)),
]


def _draw(strategy: st.SearchStrategy[Any]) -> Any:
    """One value of ``strategy`` (no shrinking, no example database)."""
    found: list[Any] = []

    @settings(max_examples=1, database=None, phases=[Phase.generate])
    @given(strategy)
    def draw(value: Any) -> None:
        found.append(value)

    draw()
    return found[0]


def test_all_is_complete() -> None:
    """__all__ lists every public strategy the module defines."""
    public = {name for name, value in vars(testing).items()
              if callable(value) and not name.startswith("_")
              and getattr(value, "__module__", None) == testing.__name__}
    assert public <= set(testing.__all__)


@pytest.mark.parametrize(("label", "make"), BAD_OPTIONS_AT_ONCE, ids=[b[0] for b in
                                                                     BAD_OPTIONS_AT_ONCE])
def test_bad_options_refused_at_once(label: str, make: Callable[[], object]) -> None:
    """Invalid options raise InvalidArgument when the strategy is built."""
    with pytest.raises(InvalidArgument):
        make()


@pytest.mark.parametrize(("label", "make"), BAD_OPTIONS_ON_DRAW, ids=[b[0] for b in
                                                                     BAD_OPTIONS_ON_DRAW])
def test_bad_options_refused_by_draw(label: str,
                                     make: Callable[[], st.SearchStrategy[Any]]) -> None:
    """Invalid options raise InvalidArgument at the latest when a value is drawn."""
    with pytest.raises(InvalidArgument):
        _draw(make())


@pytest.mark.parametrize(("label", "make"), BAD_OPTIONS_ON_DRAW[:2], ids=[b[0] for b in
                                                                         BAD_OPTIONS_ON_DRAW[:2]])
def test_composite_options_refused_at_once(label: str,
                                           make: Callable[[], st.SearchStrategy[Any]]) -> None:
    """The module docstring promises options 'checked at once', composites included."""
    with pytest.raises(InvalidArgument):
        make()


def test_identifiers_prefix_validated() -> None:
    """A prefix with white space would make invalid ids, so it is refused."""
    with pytest.raises(InvalidArgument):
        _draw(identifiers("P 1"))


@given(identifiers("P-"))
def test_identifiers(value: str) -> None:
    """Identifiers carry the prefix and no white space."""
    assert value.startswith("P-")
    assert not any(c.isspace() for c in value)


@given(vietnamese_text(max_words=2))
def test_vietnamese_text(value: str) -> None:
    """Generated names are non-blank text."""
    assert isinstance(value, str)
    assert value.strip()


@given(document_numbers())
def test_document_numbers_are_canonical(number: DocumentNumber) -> None:
    """Generated document numbers are canonical: they print and parse back unchanged."""
    assert DocumentNumber.parse(str(number)) == number


@given(unit_registries(max_units=7))
def test_unit_registries(registry: UnitRegistry) -> None:
    """Registries have one province P, districts below it and communes below those."""
    assert registry.get("P").level is UnitLevel.PROVINCE
    assert registry.parent("P") is None
    assert len(registry) <= 7 + 1  # the merged commune M0 comes on top
    for unit in registry:
        assert unit.code == "P" or unit.code[0] in "DCM"
        if unit.code.startswith("D"):
            assert unit.parent == "P"
            assert unit.level is UnitLevel.DISTRICT
        if unit.code[0] in "CM":
            assert unit.level is UnitLevel.COMMUNE


@given(unit_registries(with_merger=False))
def test_unit_registries_without_merger(registry: UnitRegistry) -> None:
    """with_merger=False gives no successions and no M0."""
    assert registry.successions == ()
    assert "M0" not in registry


@given(unit_registries(with_merger=True, max_units=12))
def test_unit_registries_with_merger(registry: UnitRegistry) -> None:
    """A generated merger retires its predecessors the day M0 starts."""
    for succession in registry.successions:
        assert succession.successors == ("M0",)
        assert registry.get("M0").valid_from == succession.on
        for code in succession.predecessors:
            assert registry.get(code).valid_to == succession.on


@given(st.data(), st.sampled_from(sorted(RECORD_STRATEGIES)))
def test_records_within_dates_and_units(data: st.DataObject, name: str) -> None:
    """Records fall between min_date and max_date, at a unit existing on the record's date."""
    registry = data.draw(unit_registries())
    record = data.draw(RECORD_STRATEGIES[name](registry, min_date=LOW, max_date=HIGH))
    day = {Petition: "received_on", Dialogue: "held_on", Model: "registered_on",
           Reception: "on", MediationCase: "received_on"}[type(record)]
    assert LOW <= getattr(record, day) <= HIGH
    assert registry.exists(record.unit, getattr(record, day))
    assert attrs.evolve(record) == record


@given(unit_registries().flatmap(lambda r: petitions(r, max_events=3)))
def test_petitions_follow_transitions(petition: Petition) -> None:
    """Generated petitions have at most max_events events, each allowed after the one before."""
    assert len(petition.events) <= 3
    kinds = [EventKind.RECEIVED, *(event.kind for event in petition.events)]
    for before, after in itertools.pairwise(kinds):
        assert after in TRANSITIONS[before]


@given(directives(min_date=LOW, max_date=HIGH))
def test_directives(directive: Directive) -> None:
    """Generated directives are dated within the bounds and implement nothing."""
    assert LOW <= directive.issued_on <= HIGH
    assert directive.implements == ()


@given(datasets(max_records=2))
def test_datasets(data: Dataset) -> None:
    """Generated datasets respect max_records and reference only what they hold."""
    for name in ("implementations", "models", "dialogues", "petitions", "receptions",
                 "mediations"):
        assert len(getattr(data, name)) <= 2
    assert attrs.evolve(data) == data


@pytest.mark.parametrize("cls", [DocumentNumber, UnitRegistry, Dataset, Directive, Petition,
                                 Dialogue, Model, Reception, MediationCase])
def test_from_type(cls: type) -> None:
    """st.from_type finds danvan's strategies through the hypothesis entry point."""
    assert isinstance(_draw(st.from_type(cls)), cls)


def test_import_testing_first() -> None:
    """A fresh interpreter can import danvan.testing before anything imported hypothesis."""
    result = subprocess.run([sys.executable, "-c", "import danvan.testing"],
                            capture_output=True, text=True, check=False, timeout=60)
    assert result.returncode == 0, result.stderr
