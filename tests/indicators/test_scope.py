"""Scopes: a unit and everything below it, merged and split units carried to their successors."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from danvan.errors import FieldError, UnknownUnitError
from danvan.indicators import compute
from danvan.indicators.scope import Placement, Scope
from danvan.records.dataset import Dataset
from danvan.records.petitions import Petition
from danvan.records.units import Succession, Unit, UnitRegistry
from danvan.records.vocabulary import PetitionKind, UnitKind, UnitLevel

D = dt.date
MERGER = D(2020, 1, 1)
SPLIT = D(2020, 6, 1)


def _units() -> list[Unit]:
    c, r = UnitLevel.COMMUNE, UnitLevel.RESIDENTIAL
    return [
        Unit("P", "Tỉnh P", UnitLevel.PROVINCE),
        Unit("H", "Huyện H", UnitLevel.DISTRICT, parent="P"),
        Unit("G", "Huyện G", UnitLevel.DISTRICT, parent="P"),
        Unit("HUB", "UBND huyện H", UnitLevel.DISTRICT, UnitKind.PEOPLES_COMMITTEE, parent="H"),
        Unit("A", "Xã A", c, parent="H", valid_to=MERGER),
        Unit("B", "Xã B", c, parent="H", valid_to=MERGER),
        Unit("AB", "Xã AB", c, parent="H", valid_from=MERGER),
        Unit("S", "Xã S", c, parent="H", valid_to=SPLIT),
        Unit("S1", "Xã S1", c, parent="H", valid_from=SPLIT),
        Unit("S2", "Xã S2", c, parent="G", valid_from=SPLIT),
        Unit("K1", "Khu 1", r, parent="A", valid_to=MERGER),
        Unit("K2", "Khu 2", r, parent="AB", valid_from=MERGER),
        Unit("GX", "Xã GX", c, parent="G"),
    ]


def _registry() -> UnitRegistry:
    return UnitRegistry(_units(), [
        Succession(MERGER, ("A", "B"), ("AB",)),
        Succession(MERGER, ("K1",), ("K2",)),
        Succession(SPLIT, ("S",), ("S1", "S2")),
    ])


def test_merged_units_count_under_their_successor() -> None:
    """Codes that ended in a merger are placed under the merged unit."""
    scope = Scope(_registry(), "H", D(2021, 6, 30))
    assert scope.place("A") == Placement("AB", "AB", UnitLevel.COMMUNE)
    assert scope.place("B") == Placement("AB", "AB", UnitLevel.COMMUNE)
    assert scope.place("K1") == Placement("K2", "AB", UnitLevel.RESIDENTIAL)
    assert scope.place("H") == Placement("H", "H", UnitLevel.DISTRICT)
    assert scope.place("HUB") == Placement("HUB", "HUB", UnitLevel.DISTRICT)


def test_split_unit_goes_to_default_successor_with_a_note() -> None:
    """A split unit's records go to the first successor, and the placement says why."""
    scope = Scope(_registry(), "H", D(2021, 6, 30))
    placement = scope.place("S")
    assert placement is not None
    assert (placement.code, placement.branch) == ("S1", "S1")
    assert "split into S1, S2" in placement.note
    assert "S" not in Scope(_registry(), "G", D(2021, 6, 30))


def test_outside_and_unknown_codes() -> None:
    """Units of another branch, units above the root and unknown codes are outside."""
    scope = Scope(_registry(), "H", D(2021, 6, 30))
    assert scope.place("GX") is None
    assert scope.place("P") is None
    assert scope.place("NOPE") is None
    assert "AB" in scope
    assert 3 not in scope


def test_scope_before_the_merger() -> None:
    """On a date before the merger, the old communes are themselves."""
    scope = Scope(_registry(), "H", D(2019, 6, 1))
    assert scope.place("A") == Placement("A", "A", UnitLevel.COMMUNE)
    assert scope.place("AB") is None  # did not exist yet, and nothing leads back to it


def test_root_must_exist_on_the_date() -> None:
    """A root that does not exist on the scope's date is an UnknownUnitError."""
    with pytest.raises(UnknownUnitError):
        Scope(_registry(), "A", D(2021, 1, 1))
    with pytest.raises(UnknownUnitError):
        Scope(_registry(), "ZZ", D(2021, 1, 1))
    with pytest.raises(FieldError):
        Scope(_registry(), "H", dt.datetime(2021, 1, 1))
    with pytest.raises(FieldError):
        Scope([], "H", D(2021, 1, 1))  # type: ignore[arg-type]


def test_units_children_and_areas() -> None:
    """The scope lists its areas by level and finds the area a body belongs to."""
    scope = Scope(_registry(), "H", D(2021, 6, 30))
    assert [u.code for u in scope.units(UnitLevel.COMMUNE)] == ["AB", "S1"]
    assert [u.code for u in scope.units(UnitLevel.DISTRICT)] == ["H"]
    assert [u.code for u in scope.units(UnitLevel.DISTRICT, kind=None)] == ["H", "HUB"]
    assert set(scope.children()) == {"HUB", "AB", "S1"}
    assert scope.area("HUB", UnitLevel.DISTRICT) == "H"
    assert scope.area("K1", UnitLevel.COMMUNE) == "AB"
    assert scope.area("H", UnitLevel.COMMUNE) is None
    assert scope.area("GX", UnitLevel.COMMUNE) is None
    assert scope.unit.name == "Huyện H"
    assert repr(scope) == "<Scope 'H' on 2021-06-30>"


def test_nearest_area_is_cached(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without a level, the nearest administrative area; each answer is computed once."""
    scope = Scope(_registry(), "H", D(2021, 6, 30))
    assert scope.area("HUB") == "H"
    assert scope.area("K1") == "K2"
    assert scope.area("A") == "AB"
    assert scope.area("GX") is None
    assert scope.area("K1", UnitLevel.COMMUNE) == "AB"
    calls: list[str] = []
    original = UnitRegistry.get

    def counting(self: UnitRegistry, code: str, *args: Any, **kwargs: Any) -> Any:
        calls.append(code)
        return original(self, code, *args, **kwargs)

    monkeypatch.setattr(UnitRegistry, "get", counting)
    for _ in range(3):
        assert scope.area("HUB") == "H"
        assert scope.area("K1", UnitLevel.COMMUNE) == "AB"
    assert calls == []


def test_each_code_is_placed_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Placements are cached: the registry is asked once per distinct code."""
    scope = Scope(_registry(), "H", D(2021, 6, 30))
    calls: list[str] = []
    original = Scope._place

    def counting(self: Scope, code: str) -> Placement | None:
        calls.append(code)
        return original(self, code)

    monkeypatch.setattr(Scope, "_place", counting)
    for code in ["A", "B", "A", "A", "GX", "GX", "AB"]:
        scope.place(code)
    assert calls == ["A", "B", "GX", "AB"]


def test_five_year_report_across_a_merger_counts_each_record_once() -> None:
    """Petitions of the old communes and of the merged one are all counted, each once."""
    petitions = tuple(
        Petition(f"P{i}", PetitionKind.OTHER, day, code)
        for i, (day, code) in enumerate([
            (D(2017, 3, 1), "A"), (D(2018, 3, 1), "B"), (D(2019, 3, 1), "K1"),
            (D(2020, 3, 1), "AB"), (D(2020, 4, 1), "K2"), (D(2020, 5, 1), "S"),
            (D(2020, 7, 1), "S2"), (D(2020, 7, 2), "GX"), (D(2018, 1, 1), "H")]))
    data = Dataset(units=tuple(_units()), successions=tuple(_registry().successions),
                   petitions=petitions)
    result = compute(data, "petitions.received", scope="H", period="2016-07-01..2021-07-01",
                     by="unit")
    assert result.value == 7
    assert result.numerator_ids == ("P0", "P1", "P2", "P3", "P4", "P5", "P8")
    assert {k: r.value for k, r in result.parts.items()} == {"AB": 5, "S1": 1, "H": 1}
    assert any("split" in note for note in result.notes)
    assert compute(data, "petitions.received", scope="P", period="2016-2021").value == 9
