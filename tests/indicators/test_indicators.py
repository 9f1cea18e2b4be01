"""The indicator engine and catalogue: values, provenance, breakdowns, additivity."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, strategies as st

from danvan.errors import FieldError
from danvan.indicators import (
    CATALOGUE,
    Indicator,
    RecordRule,
    Result,
    Tally,
    catalogue,
    compute,
    evaluate,
    get,
    register,
    report,
    resolve,
)
from danvan.records.dataset import Dataset
from danvan.records.dialogues import Dialogue
from danvan.records.directives import Directive, Implementation
from danvan.records.document_numbers import DocumentNumber
from danvan.records.mediations import MediationCase
from danvan.records.models import Model, Owner, Recognition, Replication
from danvan.records.petitions import Petition, PetitionEvent
from danvan.records.receptions import Reception
from danvan.records.units import Succession, Unit
from danvan.records.vocabulary import (
    ChairRole,
    DialogueMode,
    DocumentKind,
    EventKind,
    Field,
    MediationOutcome,
    OwnerKind,
    PetitionKind,
    RecognitionLevel,
    UnitKind,
    UnitLevel,
)
from danvan.values import Change, Rate, Summary
from danvan.values.numbers import Rounding

D = dt.date
C, R = UnitLevel.COMMUNE, UnitLevel.RESIDENTIAL
UNITS = (
    Unit("H", "Huyện H", UnitLevel.DISTRICT),
    Unit("HUB", "UBND huyện H", UnitLevel.DISTRICT, UnitKind.PEOPLES_COMMITTEE, parent="H"),
    Unit("X1", "Xã 1", C, parent="H"),
    Unit("X2", "Xã 2", C, parent="H"),
    Unit("X3", "Xã 3", C, parent="H"),
    Unit("K11", "Thôn 1", R, parent="X1"),
    Unit("K12", "Thôn 2", R, parent="X1"),
    Unit("K21", "Thôn 3", R, parent="X2"),
)
CODES = [u.code for u in UNITS]


def _petition(i: int, kind: PetitionKind, day: dt.date, unit: str, *, inside: bool = True,
              resolved_after: int | None = None, crowd: int | None = None) -> Petition:
    events: tuple[PetitionEvent, ...] = ()
    if resolved_after is not None:
        events = (PetitionEvent(EventKind.ACCEPTED, day),
                  PetitionEvent(EventKind.RESOLVED, day + dt.timedelta(days=resolved_after)))
    return Petition(f"P{i:03d}", kind, day, unit, in_jurisdiction=inside, crowd_size=crowd,
                    events=events)


# -- values --------------------------------------------------------------------------------


def test_empty_scope_gives_a_rate_not_defined() -> None:
    """With nothing to measure the engine returns 0/0, printed as 'not defined', never 0%."""
    data = Dataset(units=UNITS)
    result = compute(data, "petitions.resolution_rate", scope="H", period="2021")
    assert result.value == Rate(0, 0)
    assert "không xác định" in result.format()


# -- catalogue -------------------------------------------------------------------------------


def test_catalogue_entries_are_complete() -> None:
    """Every indicator has an id, two names, a definition and the fields it reads."""
    ids = [i.id for i in catalogue()]
    assert len(ids) == len(set(ids))
    for indicator in catalogue():
        assert indicator.name_vi
        assert indicator.name_en
        assert indicator.definition
        assert indicator.reads
        assert get(indicator.id) is indicator
    for needed in ["petitions.received", "petitions.in_jurisdiction", "petitions.resolved",
                   "petitions.resolution_rate", "petitions.crowd_delegations",
                   "receptions.turns", "receptions.people", "dialogues.held",
                   "dialogues.answer_rate", "models.recognised", "models.recognition_rate",
                   "models.replication_coverage", "directives.coverage",
                   "directives.days_to_plan", "mediation.mediated_rate",
                   "restructuring.communes", "restructuring.residential_areas"]:
        assert needed in CATALOGUE


def test_docs_list_every_indicator() -> None:
    """docs/indicators.md has a row for every catalogued id."""
    text = (Path(__file__).parents[2] / "docs" / "indicators.md").read_text(encoding="utf-8")
    missing = [i.id for i in catalogue() if f"`{i.id}`" not in text]
    assert not missing


def test_unknown_id_and_bad_definitions() -> None:
    """Unknown ids, duplicate registrations and malformed indicators are danvan errors."""
    with pytest.raises(FieldError, match=r"nothing\.here"):
        get("nothing.here")
    with pytest.raises(FieldError):
        register(get("petitions.received"))
    with pytest.raises(FieldError):
        register("petitions.received")  # type: ignore[arg-type]
    rule = RecordRule("petitions", lambda p: p.received_on, lambda p, _: 1)
    with pytest.raises(FieldError):
        Indicator("Bad Id", "x", "x", "x", ("petitions.id",), rule=rule)
    with pytest.raises(FieldError):
        Indicator("a.b", "x", "x", "x", ("petitions.id",), kind="mean", rule=rule)
    with pytest.raises(FieldError):
        Indicator("a.b", "x", "x", "x", ("petitions.id",))
    with pytest.raises(FieldError):
        RecordRule("units", lambda u: None, lambda u, _: 1)


def test_register_a_new_indicator(monkeypatch: pytest.MonkeyPatch) -> None:
    """Another module can plug an indicator into the catalogue and reports pick it up."""
    monkeypatch.setattr("danvan.indicators._catalogue.CATALOGUE", dict(CATALOGUE))
    from danvan.indicators import _catalogue

    extra = Indicator(
        "petitions.complaints", "Số đơn khiếu nại", "Complaints", "Complaints received.",
        ("petitions.kind",),
        rule=RecordRule("petitions", lambda p: p.received_on,
                        lambda p, _: int(p.kind is PetitionKind.COMPLAINT)))
    assert _catalogue.register(extra) is extra
    data = Dataset(units=UNITS, petitions=(
        _petition(1, PetitionKind.COMPLAINT, D(2021, 2, 1), "X1"),
        _petition(2, PetitionKind.OTHER, D(2021, 2, 1), "X1")))
    assert compute(data, "petitions.complaints", scope="H", period="2021").value == 1
    assert report(data, "H", "2021")["petitions.complaints"].value == 1


# -- record indicators ------------------------------------------------------------------------


def _petitions_dataset() -> Dataset:
    return Dataset(units=UNITS, petitions=(
        _petition(1, PetitionKind.COMPLAINT, D(2021, 1, 4), "HUB", resolved_after=20),
        _petition(2, PetitionKind.DENUNCIATION, D(2021, 2, 4), "X1", resolved_after=400),
        _petition(3, PetitionKind.OTHER, D(2021, 3, 4), "K11", inside=False),
        _petition(4, PetitionKind.OTHER, D(2021, 7, 4), "X2", resolved_after=3, crowd=12),
        _petition(5, PetitionKind.OTHER, D(2020, 12, 31), "X2", resolved_after=3),
        _petition(6, PetitionKind.OTHER, D(2021, 12, 31), "X3", crowd=7),
    ))


def test_petition_indicators_and_provenance() -> None:
    """Counts and the resolution rate, with the ids counted, in record order."""
    data = _petitions_dataset()
    result = report(data, "H", "2021", details=False)
    received = result["petitions.received"]
    assert received.value == 5
    assert received.numerator_ids == ("P001", "P002", "P003", "P004", "P006")
    assert received.denominator_ids == ()
    assert result["petitions.in_jurisdiction"].value == 4
    rate = result["petitions.resolution_rate"]
    assert rate.value == Rate(2, 4)  # P002 was resolved only in 2022
    assert rate.numerator_ids == ("P001", "P004")
    assert rate.denominator_ids == ("P001", "P002", "P004", "P006")
    assert result["petitions.resolved"].value == 2
    assert result["petitions.crowd_delegations"].value == 2
    assert result["petitions.crowd_people"].value == 19
    later = compute(data, "petitions.resolution_rate", scope="H", period="2021-2022")
    assert later.value == Rate(3, 4)


def test_breakdowns_by_kind_level_unit_and_sub_period() -> None:
    """Breakdowns are keyed by the dimension's value and add up to the total."""
    data = _petitions_dataset()
    by_kind = compute(data, "petitions.received", scope="H", period="2021", by="kind")
    assert {k: r.value for k, r in by_kind.parts.items()} == {
        PetitionKind.COMPLAINT: 1, PetitionKind.DENUNCIATION: 1, PetitionKind.OTHER: 3}
    by_level = compute(data, "petitions.received", scope="H", period="2021", by="level")
    assert {k: r.value for k, r in by_level.parts.items()} == {
        UnitLevel.DISTRICT: 1, UnitLevel.COMMUNE: 3, UnitLevel.RESIDENTIAL: 1}
    by_unit = compute(data, "petitions.received", scope="H", period="2021", by=("unit",))
    assert {k: r.value for k, r in by_unit.parts.items()} == {"HUB": 1, "X1": 2, "X2": 1,
                                                               "X3": 1}
    by_half = compute(data, "petitions.received", scope="H", period="2021", by="half")
    assert [(str(k), r.value) for k, r in by_half.parts.items()] == [("2021-H1", 3),
                                                                     ("2021-H2", 2)]
    two = compute(data, "petitions.received", scope="H", period="2021", by=("level", "kind"))
    assert two.parts[(UnitLevel.COMMUNE, PetitionKind.OTHER)].value == 2
    assert two.parts[(UnitLevel.COMMUNE, PetitionKind.OTHER)].numerator_ids == ("P004", "P006")


def test_bad_breakdowns_are_refused() -> None:
    """A breakdown the indicator does not have is a FieldError naming it."""
    data = _petitions_dataset()
    with pytest.raises(FieldError, match="field"):
        compute(data, "petitions.received", scope="H", period="2021", by="field")
    with pytest.raises(FieldError):
        compute(data, "petitions.received", scope="H", period="2021", by=("year", "month"))
    with pytest.raises(FieldError):
        compute(data, "restructuring.communes", scope="H", period="2021", by="kind")


def test_dialogue_reception_and_mediation_indicators() -> None:
    """Sums over records (participants, turns) and rates of sums (answers, mediation)."""
    dialogues = (
        Dialogue("D1", "H", D(2021, 3, 1), ChairRole.PARTY_SECRETARY, DialogueMode.PERIODIC,
                 participants=50, opinions_raised=10, answered_at_meeting=7, referred=3,
                 referred_answered=2),
        Dialogue("D2", "X1", D(2021, 4, 1), ChairRole.PEOPLES_COMMITTEE_CHAIR,
                 DialogueMode.AD_HOC, participants=20),
    )
    receptions = (
        Reception("R1", "HUB", D(2021, 1, 5), ChairRole.PEOPLES_COMMITTEE_CHAIR, turns=3,
                  people=9, crowd_delegations=1, crowd_people=6),
        Reception("R2", "X2", D(2021, 1, 6), ChairRole.PEOPLES_COMMITTEE_CHAIR, turns=2, people=2),
    )
    mediations = (
        MediationCase("M1", "X1", D(2021, 2, 1), mediated_on=D(2021, 2, 5),
                      outcome=MediationOutcome.SUCCESSFUL),
        MediationCase("M2", "X1", D(2021, 2, 1), mediated_on=D(2021, 2, 5),
                      outcome=MediationOutcome.UNSUCCESSFUL),
        MediationCase("M3", "X2", D(2021, 12, 30)),
        MediationCase("M4", "X2", D(2021, 3, 1), in_jurisdiction=False),
    )
    data = Dataset(units=UNITS, dialogues=dialogues, receptions=receptions, mediations=mediations)
    result = report(data, "H", "2021")
    assert result["dialogues.held"].value == 2
    assert result["dialogues.participants"].value == 70
    assert result["dialogues.answer_rate"].value == Rate(9, 10)
    assert result["dialogues.answer_rate"].denominator_ids == ("D1",)
    assert result["receptions.turns"].value == 5
    assert result["receptions.people"].value == 11
    assert result["receptions.crowd_delegations"].value == 1
    assert result["receptions.crowd_people"].value == 6
    assert result["mediation.cases"].value == 3
    assert result["mediation.mediated_rate"].value == Rate(2, 3)
    assert result["mediation.success_rate"].value == Rate(1, 2)
    assert result["mediation.success_rate"].numerator_ids == ("M1",)


def test_model_indicators() -> None:
    """Registration, first recognition in the period, recognition rate, replication coverage."""
    owner = Owner(OwnerKind.COLLECTIVE, "UBND xã 1")
    person = Owner(OwnerKind.INDIVIDUAL, "Nguyễn Văn A")
    models = (
        Model("M1", "Mô hình 1", owner, "X1", Field.ECONOMY, D(2020, 11, 1),
              recognitions=(Recognition(RecognitionLevel.DISTRICT, D(2021, 2, 1)),
                            Recognition(RecognitionLevel.PROVINCE, D(2021, 9, 1))),
              replications=(Replication("X2", D(2021, 5, 1)),)),
        Model("M2", "Mô hình 2", person, "K21", Field.CULTURE_SOCIETY, D(2021, 3, 1)),
        Model("M3", "Mô hình 3", owner, "H", Field.ECONOMY, D(2021, 3, 1),
              recognitions=(Recognition(RecognitionLevel.DISTRICT, D(2022, 2, 1)),)),
    )
    data = Dataset(units=UNITS, models=models)
    result = report(data, "H", "2021")
    assert result["models.registered"].value == 2
    assert result["models.recognised"].value == 1
    assert result["models.recognised"].numerator_ids == ("M1",)
    assert result["models.recognition_rate"].value == Rate(0, 2)
    coverage = result["models.replication_coverage"]
    assert coverage.value == Rate(2, 3)
    assert coverage.numerator_ids == ("X1", "X2")
    assert compute(data, "models.replication_coverage", scope="H", period="2021",
                   model="M2").value == Rate(1, 3)
    fields = compute(data, "models.registered", scope="H", period="2020-2021", by="field")
    assert {k: r.value for k, r in fields.parts.items()} == {Field.ECONOMY: 2,
                                                             Field.CULTURE_SOCIETY: 1}


def _directive(number: str, day: dt.date) -> Directive:
    return Directive(DocumentNumber.parse(number), DocumentKind.DIRECTIVE, "Ban Thường vụ", day)


def test_directive_coverage_and_days_to_plan() -> None:
    """Areas at a level that issued a plan, bodies counted under their area; days to each plan."""
    first, second = _directive("16/CT-TTg", D(2020, 12, 1)), _directive("05-CT/TU", D(2021, 3, 1))
    plans = (
        Implementation("I1", first.number, "X1", D(2021, 1, 10)),
        Implementation("I2", first.number, "X2", D(2021, 2, 1)),
        Implementation("I3", second.number, "X3", D(2021, 3, 11)),
        Implementation("I4", first.number, "HUB", D(2021, 1, 1)),
        Implementation("I5", first.number, "X3", D(2022, 1, 3)),
    )
    data = Dataset(units=UNITS, directives=(first, second), implementations=plans)
    coverage = compute(data, "directives.coverage", scope="H", period="2021")
    assert coverage.value == Rate(2, 3)
    assert coverage.numerator_ids == ("X1", "X2")
    assert "16/CT-TTg" in coverage.notes[0]
    assert compute(data, "directives.coverage", scope="H", period="2021",
                   directive="05-CT/TU").value == Rate(1, 3)
    assert compute(data, "directives.coverage", scope="H", period="2021",
                   level=UnitLevel.DISTRICT).value == Rate(1, 1)
    by = compute(data, "directives.coverage", scope="H", period="2021", by="directive")
    assert {k: r.value for k, r in by.parts.items()} == {"05-CT/TU": Rate(1, 3),
                                                          "16/CT-TTg": Rate(2, 3)}
    days = compute(data, "directives.days_to_plan", scope="H", period="2021")
    assert days.value == Summary((40, 62, 10, 31))
    assert days.numerator_ids == ("I1", "I2", "I3", "I4")
    with pytest.raises(FieldError):
        compute(data, "directives.coverage", scope="H", period="2021", directive="99/CT-TTg")


def test_restructuring_counts_areas_before_and_after() -> None:
    """Communes and residential areas on the first day and on the scope's date."""
    merger = D(2020, 1, 1)
    units = (
        Unit("H", "Huyện H", UnitLevel.DISTRICT),
        Unit("A", "Xã A", C, parent="H", valid_to=merger),
        Unit("B", "Xã B", C, parent="H", valid_to=merger),
        Unit("AB", "Xã AB", C, parent="H", valid_from=merger),
        Unit("E", "Xã E", C, parent="H"),
        Unit("K1", "Khu 1", R, parent="A", valid_to=merger),
        Unit("K2", "Khu 2", R, parent="B", valid_to=merger),
        Unit("K3", "Khu 3", R, parent="E"),
        Unit("K12", "Khu 12", R, parent="AB", valid_from=merger),
    )
    successions = (Succession(merger, ("A", "B"), ("AB",)), Succession(merger, ("K1", "K2"), ("K12",)))
    data = Dataset(units=units, successions=successions)
    communes = compute(data, "restructuring.communes", scope="H", period="2016-07-01..2021-07-01")
    assert communes.value == Change(3, 2)
    assert communes.denominator_ids == ("A", "B", "E")
    assert communes.numerator_ids == ("AB", "E")
    assert communes.value.reduction_rate.format(places=0) == "33%"
    areas = compute(data, "restructuring.residential_areas", scope="H", period="2016-2021",
                    by="unit")
    assert areas.value == Change(3, 2)
    assert {k: r.value for k, r in areas.parts.items()} == {"AB": Change(2, 1), "E": Change(1, 1)}
    assert compute(data, "restructuring.communes", scope="H", period="2021").value == Change(2, 2)


def test_result_text() -> None:
    """A result prints its id and its value as a report would."""
    data = _petitions_dataset()
    result = compute(data, "petitions.resolution_rate", scope="H", period="2021")
    assert str(result) == "petitions.resolution_rate = 2/4 (50,0%)"
    assert result.format(style="en") == "2/4 (50.0%)"
    assert result.format(rounding=Rounding.HALF_UP, places=0) == "2/4 (50%)"
    assert isinstance(result, Result)
    assert result.id == "petitions.resolution_rate"


def test_coverage_breaks_down_by_unit_and_directive() -> None:
    """Coverage by unit and directive (either order) gives one cell per unit and directive."""
    first, second = _directive("16/CT-TTg", D(2020, 12, 1)), _directive("05-CT/TU", D(2021, 3, 1))
    plans = (Implementation("I1", first.number, "X1", D(2021, 1, 10)),
             Implementation("I2", first.number, "X2", D(2021, 2, 1)),
             Implementation("I3", second.number, "X3", D(2021, 3, 11)))
    data = Dataset(units=UNITS, directives=(first, second), implementations=plans)
    both = compute(data, "directives.coverage", scope="H", period="2021", by=("unit", "directive"))
    assert both.value == Rate(2, 3)
    expected = {(unit, number): Rate(int(hit), 1) for unit, number, hit in [
        ("X1", "16/CT-TTg", True), ("X2", "16/CT-TTg", True), ("X3", "16/CT-TTg", False),
        ("X1", "05-CT/TU", False), ("X2", "05-CT/TU", False), ("X3", "05-CT/TU", True)]}
    assert {k: r.value for k, r in both.parts.items()} == expected
    assert both.parts[("X3", "05-CT/TU")].numerator_ids == ("X3",)
    reverse = compute(data, "directives.coverage", scope="H", period="2021",
                      by=("directive", "unit"))
    assert {(u, n): r.value for (n, u), r in reverse.parts.items()} == expected
    by_unit = compute(data, "directives.coverage", scope="H", period="2021", by="unit")
    assert {k: r.value for k, r in by_unit.parts.items()} == {
        "X1": Rate(1, 1), "X2": Rate(1, 1), "X3": Rate(0, 1)}


def test_calculator_breakdowns_with_two_dimensions() -> None:
    """Every unit calculator keys its cells by all the dimensions asked, in order."""
    owner = Owner(OwnerKind.COLLECTIVE, "UBND xã 1")
    data = Dataset(units=UNITS, models=(
        Model("M1", "Mô hình 1", owner, "X1", Field.ECONOMY, D(2021, 1, 1)),))
    result = compute(data, "models.replication_coverage", scope="H", period="2021",
                     by=("unit", "unit"))
    assert {k: r.value for k, r in result.parts.items()} == {
        ("X1", "X1"): Rate(1, 1), ("X2", "X2"): Rate(0, 1), ("X3", "X3"): Rate(0, 1)}
    areas = compute(data, "restructuring.communes", scope="H", period="2021", by=("unit", "unit"))
    assert set(areas.parts) == {("X1", "X1"), ("X2", "X2"), ("X3", "X3")}


def test_duplicate_ids_are_computed_once() -> None:
    """An indicator asked for twice gives its results once."""
    data = _petitions_dataset()
    result = report(data, "H", "2021", indicators=["petitions.received", get("petitions.received"),
                                                   "petitions.resolved"], details=False)
    assert [r.id for r in result] == ["petitions.received", "petitions.resolved"]
    found = evaluate(data, [get("petitions.received")] * 2, *resolve(data, "H", "2021"))
    assert [len(results) for results in found.values()] == [1]


def test_unknown_parameters_are_refused() -> None:
    """A parameter no chosen indicator takes, or an unknown model id, is a FieldError naming it."""
    data = _petitions_dataset()
    with pytest.raises(FieldError, match="levle"):
        compute(data, "directives.coverage", scope="H", period="2021", levle="x")
    with pytest.raises(FieldError, match="level"):
        compute(data, "petitions.received", scope="H", period="2021", level=C)
    with pytest.raises(FieldError, match="stage"):
        report(data, "H", "2021", indicators=["petitions.received"], stage="acceptance")
    # a parameter is fine when one of the chosen indicators takes it
    chosen = ["petitions.received", "petitions.processing_days"]
    assert len(report(data, "H", "2021", indicators=chosen, stage="acceptance",
                      details=False)) == 2
    assert get("petitions.processing_days").params == ("time_limits", "calendar", "strict",
                                                       "stage")
    owner = Owner(OwnerKind.COLLECTIVE, "UBND xã 1")
    models = Dataset(units=UNITS, models=(
        Model("M1", "Mô hình 1", owner, "X1", Field.ECONOMY, D(2021, 1, 1)),))
    with pytest.raises(FieldError, match="model"):
        compute(models, "models.replication_coverage", scope="H", period="2021", model="M9")
    with pytest.raises(FieldError, match="params"):
        Indicator("a.b", "x", "x", "x", ("petitions.id",), params=("level", 3),  # type: ignore[arg-type]
                  rule=RecordRule("petitions", lambda p: p.received_on, lambda p, _: 1))


def test_wrong_types_are_danvan_errors() -> None:
    """Wrong argument types raise FieldError, never TypeError or AttributeError."""
    data = _petitions_dataset()
    with pytest.raises(FieldError, match="by"):
        compute(data, "petitions.received", scope="H", period="2021", by=5)  # type: ignore[arg-type]
    with pytest.raises(FieldError, match="by"):
        compute(data, "petitions.received", scope="H", period="2021", by=("kind", 5))  # type: ignore[arg-type]
    with pytest.raises(FieldError, match="indicator"):
        compute(data, 42, scope="H", period="2021")  # type: ignore[arg-type]
    with pytest.raises(FieldError, match="indicator"):
        report(data, "H", "2021", indicators=[42])  # type: ignore[list-item]
    with pytest.raises(FieldError, match="cadence_rules"):
        compute(data, "cadence.reception_compliance", scope="H", period="2021", cadence_rules=5)
    with pytest.raises(FieldError, match="collection"):
        RecordRule("directives", lambda d: d.issued_on, lambda d, _: 1)


def test_breakdowns_share_the_total(monkeypatch: pytest.MonkeyPatch) -> None:
    """The total is counted once for all breakdowns; a calculator runs once per breakdown."""
    monkeypatch.setattr("danvan.indicators._catalogue.CATALOGUE", dict(CATALOGUE))
    calls: list[tuple[str, ...]] = []
    counted: list[str] = []

    def calculate(context: Any, by: tuple[str, ...]) -> Any:
        calls.append(by)
        return Tally(), {}

    def total(p: Any, _: Any) -> int:
        counted.append(p.id)
        return 1

    register(Indicator("units.test", "x", "x", "x", ("units.level",), calculator=calculate,
                       dimensions=("unit", "level"), details=(("unit",), ("level",))))
    register(Indicator("petitions.test", "x", "x", "x", ("petitions.received_on",),
                       rule=RecordRule("petitions", lambda p: p.received_on, total)))
    data = _petitions_dataset()
    compute(data, "units.test", scope="H", period="2021", by="level")
    assert calls == [("level",)]
    compute(data, "units.test", scope="H", period="2021")
    assert calls == [("level",), ()]
    calls.clear()
    report(data, "H", "2021", indicators=["units.test"])
    assert calls == [("unit",), ("level",)]
    result = compute(data, "petitions.test", scope="H", period="2021", by="kind")
    assert sorted(counted) == sorted(result.numerator_ids) == ["P001", "P002", "P003", "P004",
                                                               "P006"]


def test_restructuring_is_reported_without_successions() -> None:
    """A commune that simply ended is a restructuring even with no succession recorded."""
    units = (*UNITS[:4], Unit("X3", "Xã 3", C, parent="H", valid_to=D(2021, 6, 1)))
    data = Dataset(units=units, petitions=(_petition(1, PetitionKind.OTHER, D(2021, 2, 1), "X1"),))
    result = report(data, "H", "2021")
    assert result["restructuring.communes"].value == Change(3, 2)


class _Counted(tuple):  # type: ignore[type-arg]
    """A tuple that counts how many times it is iterated."""

    passes = 0

    def __iter__(self) -> Any:
        type(self).passes += 1
        return super().__iter__()


def test_one_pass_per_collection(monkeypatch: pytest.MonkeyPatch) -> None:
    """A whole report reads each collection of records once, however many indicators and
    breakdowns read it (the time-limit indicators share one more pass over petitions)."""
    petitions = tuple(_petition(i, PetitionKind.OTHER, D(2021, 1, 1 + i % 28), CODES[i % 5])
                      for i in range(30))
    mediations = tuple(MediationCase(f"M{i}", "X1", D(2021, 3, 1 + i)) for i in range(3))
    dialogues = tuple(Dialogue(f"D{i}", "X2", D(2021, 4, 1 + i), ChairRole.OTHER,
                               DialogueMode.PERIODIC) for i in range(3))
    data = Dataset(units=UNITS, petitions=petitions, mediations=mediations, dialogues=dialogues)
    counters = {}
    for name in ("petitions", "mediations", "dialogues"):
        counted = type(f"Counted_{name}", (_Counted,), {"passes": 0})
        counters[name] = counted
        object.__setattr__(data, name, counted(getattr(data, name)))
    report(data, "H", "2021")
    assert {n: c.passes for n, c in counters.items()} == {
        "petitions": 2, "mediations": 1, "dialogues": 1}
    for counted in counters.values():
        counted.passes = 0
    rules = [i for i in catalogue() if i.rule is not None]
    report(data, "H", "2021", indicators=rules)
    assert {n: c.passes for n, c in counters.items()} == {
        "petitions": 1, "mediations": 1, "dialogues": 1}


def test_one_pass_places_each_unit_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """A report over many records asks the registry once per distinct unit code."""
    from danvan.indicators.scope import Scope

    calls: list[str] = []
    original = Scope._place

    def counting(self: Scope, code: str) -> Any:
        calls.append(code)
        return original(self, code)

    monkeypatch.setattr(Scope, "_place", counting)
    petitions = tuple(_petition(i, PetitionKind.OTHER, D(2021, 1, 1 + i % 28), CODES[i % 5])
                      for i in range(300))
    data = Dataset(units=UNITS, petitions=petitions)
    report(data, "H", "2021", indicators=[i for i in catalogue() if i.sources == ("petitions",)])
    assert sorted(calls) == sorted(CODES[:5])
    # the whole report also counts areas for restructuring: still each code once
    calls.clear()
    report(data, "H", "2021")
    assert sorted(calls) == sorted(CODES)


# -- additivity ------------------------------------------------------------------------------

ADDITIVE = [i for i in catalogue() if i.additive and i.rule is not None
            and i.rule.collection in ("petitions", "dialogues")]

petition_rows = st.lists(st.tuples(
    st.sampled_from(CODES), st.sampled_from(list(PetitionKind)), st.integers(0, 364),
    st.booleans(), st.one_of(st.none(), st.integers(0, 400)),
    st.one_of(st.none(), st.integers(2, 60))), max_size=40)
dialogue_rows = st.lists(st.tuples(
    st.sampled_from(CODES), st.sampled_from(list(DialogueMode)), st.integers(0, 364),
    st.integers(0, 90), st.integers(0, 12), st.integers(0, 12)), max_size=15)


def _build(petitions: list[Any], dialogues: list[Any]) -> Dataset:
    start = D(2021, 1, 1)
    return Dataset(units=UNITS, petitions=tuple(
        _petition(i, kind, start + dt.timedelta(days), code, inside=inside,
                  resolved_after=after, crowd=crowd)
        for i, (code, kind, days, inside, after, crowd) in enumerate(petitions)),
        dialogues=tuple(
            Dialogue(f"D{i}", code, start + dt.timedelta(days), ChairRole.OTHER, mode,
                     participants=people, opinions_raised=raised,
                     answered_at_meeting=min(answered, raised))
            for i, (code, mode, days, people, raised, answered) in enumerate(dialogues)))


def _add(values: list[Any]) -> Any:
    total = values[0]
    for value in values[1:]:
        total = total + value
    return total


@given(petition_rows, dialogue_rows)
def test_totals_are_sums_over_children(petitions: list[Any], dialogues: list[Any]) -> None:
    """For additive indicators the total at a unit is the sum over its children and sub-periods."""
    data = _build(petitions, dialogues)
    zero = {"count": 0, "rate": Rate(0, 0)}
    whole = report(data, "H", "2021", indicators=ADDITIVE, details=False)
    children = {code: report(data, code, "2021", indicators=ADDITIVE, details=False)
                for code in ("X1", "X2", "X3", "HUB")}
    for indicator in ADDITIVE:
        total = whole[indicator.id]
        by_unit = compute(data, indicator, scope="H", period="2021", by="unit")
        by_quarter = compute(data, indicator, scope="H", period="2021", by="quarter")
        assert by_unit.value == total.value
        for parts in (by_unit.parts, by_quarter.parts):
            assert _add([zero[indicator.kind], *(r.value for r in parts.values())]) == total.value
        own = by_unit.parts.get("H", None)
        from_children = [children[c][indicator.id].value for c in children]
        assert _add([zero[indicator.kind], own.value if own else zero[indicator.kind],
                     *from_children]) == total.value
        assert sorted(total.numerator_ids) == sorted(
            i for r in by_unit.parts.values() for i in r.numerator_ids)


@given(petition_rows)
def test_resolution_rate_matches_a_plain_loop(petitions: list[Any]) -> None:
    """The engine's numbers equal a hand-written loop over the same records."""
    data = _build(petitions, [])
    period_end = D(2022, 1, 1)
    inside = [p for p in data.petitions if p.in_jurisdiction]
    resolved = [p for p in inside if p.is_resolved and p.closed_on and p.closed_on < period_end]
    result = compute(data, "petitions.resolution_rate", scope="H", period="2021")
    assert result.value == Rate(len(resolved), len(inside))
    assert result.numerator_ids == tuple(p.id for p in resolved)


def test_directive_coverage_of_a_unit_with_none_below_is_not_defined() -> None:
    """A province with no units below it: directive coverage is 0/0 with a note, not an error."""
    number = DocumentNumber.parse("1-CT/TW")
    data = Dataset(
        units=(Unit("P", "Tỉnh P", UnitLevel.PROVINCE),),
        directives=(Directive(number, DocumentKind.RESOLUTION, "0", dt.date(2000, 1, 1), "0"),),
        implementations=(Implementation("I0", number, "P", dt.date(2000, 1, 1)),))
    result = compute(data, "directives.coverage", period="2000")
    assert result.value == Rate(0, 0)
    assert "no units below P" in result.notes
    assert report(data, period="2000")["directives.coverage"].value == Rate(0, 0)
