"""Tests for the record entities: dialogues, models, directives, receptions, mediations."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import pytest
from hypothesis import given, strategies as st

from danvan.errors import FieldError
from danvan.records.dialogues import Dialogue
from danvan.records.directives import Directive, Implementation
from danvan.records.document_numbers import DocumentNumber
from danvan.records.mediations import MediationCase
from danvan.records.models import Model, Owner, Recognition, Replication
from danvan.records.receptions import Reception
from danvan.records.vocabulary import (
    ChairRole,
    DialogueMode,
    DocumentKind,
    Field,
    MediationOutcome,
    ModelStatus,
    OwnerKind,
    RecognitionLevel,
)
from danvan.testing import (
    dialogues,
    directives,
    mediation_cases,
    models,
    receptions,
    unit_registries,
)

D = dt.date
N = DocumentNumber.parse
REGISTERED = D(2018, 3, 1)

DIALOGUE = Dialogue("D1", "X1", D(2020, 5, 4), ChairRole.PARTY_SECRETARY, DialogueMode.PERIODIC,
                    participants=60, opinions_raised=12, answered_at_meeting=9, referred=3,
                    referred_answered=2, basis=N("11-QĐi/TW"))
RECEPTION = Reception("R1", "X1", D(2022, 3, 7), ChairRole.PEOPLES_COMMITTEE_CHAIR, turns=10,
                      people=30, cases=4, crowd_delegations=2, crowd_people=15)
MODEL = Model("M1", "Chính quyền thân thiện", Owner(OwnerKind.COLLECTIVE, "UBND xã A"), "A",
              Field.POLITICAL_SYSTEM, REGISTERED,
              recognitions=(Recognition(RecognitionLevel.DISTRICT, D(2018, 12, 1), "UBND huyện"),),
              replications=(Replication("B", D(2019, 6, 1)),))
MEDIATION = MediationCase("H1", "X1", D(2018, 4, 2), mediated_on=D(2018, 4, 9),
                          outcome=MediationOutcome.SUCCESSFUL)
DIRECTIVE = Directive(N("13-CT/ĐU"), DocumentKind.DIRECTIVE, "Đảng ủy xã", D(2014, 1, 6),
                      "Về thực hiện Nghị quyết 25", implements=(N("25-NQ/TW"),))
IMPLEMENTATION = Implementation("I1", N("25-NQ/TW"), "X1", D(2013, 9, 1),
                                document=N("13-CT/ĐU"))

#: (valid record, changes, path named by the FieldError)
INVALID: list[tuple[Any, dict[str, object], str]] = [
    # Dialogue: answered at the meeting + referred <= raised
    (DIALOGUE, {"answered_at_meeting": 10}, "referred"),
    (DIALOGUE, {"referred": 4}, "referred"),
    (DIALOGUE, {"opinions_raised": 11}, "referred"),
    # referred answered <= referred
    (DIALOGUE, {"referred_answered": 4}, "referred_answered"),
    (DIALOGUE, {"referred": 1, "answered_at_meeting": 9}, "referred_answered"),
    # counts are whole numbers >= 0, not bools
    (DIALOGUE, {"participants": -1}, "participants"),
    (DIALOGUE, {"participants": True}, "participants"),
    (DIALOGUE, {"opinions_raised": 12.0}, "opinions_raised"),
    (DIALOGUE, {"chair": "bí thư"}, "chair"),
    (DIALOGUE, {"mode": None}, "mode"),
    (DIALOGUE, {"basis": "11-QĐi/TW"}, "basis"),
    (DIALOGUE, {"held_on": "2020-05-04"}, "held_on"),
    (DIALOGUE, {"id": "D 1"}, "id"),
    # Reception: at least one person per turn
    (RECEPTION, {"people": 9}, "people"),
    # crowd people within people, crowd delegations within turns, 2+ people a delegation
    (RECEPTION, {"crowd_people": 31}, "crowd_people"),
    (RECEPTION, {"crowd_delegations": 11, "crowd_people": 30}, "crowd_delegations"),
    (RECEPTION, {"crowd_delegations": 2, "crowd_people": 3}, "crowd_people"),
    (RECEPTION, {"crowd_delegations": 1, "crowd_people": 0}, "crowd_people"),
    (RECEPTION, {"cases": -1}, "cases"),
    (RECEPTION, {"regular": "yes"}, "regular"),
    (RECEPTION, {"host": "chủ tịch UBND"}, "host"),
    # Model: dated history on or after registration
    (MODEL, {"recognitions": (Recognition(RecognitionLevel.GRASSROOTS, D(2018, 2, 28)),)},
     "recognitions"),
    (MODEL, {"replications": (Replication("B", D(2017, 1, 1)),)}, "replications"),
    (MODEL, {"discontinued_on": D(2018, 2, 28)}, "discontinued_on"),
    # each replicating unit once, and never the model's own unit
    (MODEL, {"replications": (Replication("B", D(2019, 1, 1)), Replication("B", D(2020, 1, 1)))},
     "replications"),
    (MODEL, {"replications": (Replication("A", D(2019, 1, 1)),)}, "replications"),
    (MODEL, {"recognitions": [Recognition(RecognitionLevel.GRASSROOTS, D(2019, 1, 1))]},
     "recognitions"),
    (MODEL, {"recognitions": ("công nhận",)}, "recognitions[0]"),
    (MODEL, {"owner": "UBND xã A"}, "owner"),
    (MODEL, {"field": "economy"}, "field"),
    (MODEL, {"title": " "}, "title"),
    (MODEL, {"pilot": 0}, "pilot"),
    # MediationCase: an outcome needs a mediation date, on or after receipt
    (MEDIATION, {"mediated_on": None}, "outcome"),
    (MEDIATION, {"mediated_on": D(2018, 4, 1)}, "mediated_on"),
    (MEDIATION, {"outcome": "successful"}, "outcome"),
    (MEDIATION, {"in_jurisdiction": None}, "in_jurisdiction"),
    # Directive: typed numbers, distinct, not itself
    (DIRECTIVE, {"implements": (N("13-CT/ĐU"),)}, "implements"),
    (DIRECTIVE, {"implements": (N("25-NQ/TW"), N("25-NQ/TW"))}, "implements"),
    (DIRECTIVE, {"implements": ("25-NQ/TW",)}, "implements[0]"),
    (DIRECTIVE, {"number": "13-CT/ĐU"}, "number"),
    (DIRECTIVE, {"issuer": ""}, "issuer"),
    (DIRECTIVE, {"kind": "directive"}, "kind"),
    (DIRECTIVE, {"title": None}, "title"),
    # Implementation
    (IMPLEMENTATION, {"directive": "25-NQ/TW"}, "directive"),
    (IMPLEMENTATION, {"document": "13-CT/ĐU"}, "document"),
    (IMPLEMENTATION, {"unit": "X 1"}, "unit"),
    (IMPLEMENTATION, {"issued_on": None}, "issued_on"),
]

#: Sub-records validated on their own.
INVALID_PARTS: list[tuple[Any, dict[str, object], str]] = [
    (Owner(OwnerKind.INDIVIDUAL, "Lò Văn Pọm"), {"name": ""}, "name"),
    (Owner(OwnerKind.INDIVIDUAL, "Lò Văn Pọm"), {"kind": "cá nhân"}, "kind"),
    (Recognition(RecognitionLevel.PROVINCE, REGISTERED), {"on": None}, "on"),
    (Recognition(RecognitionLevel.PROVINCE, REGISTERED), {"body": 3}, "body"),
    (Replication("B", REGISTERED), {"unit": ""}, "unit"),
]

RECORDS: list[Any] = [DIALOGUE, RECEPTION, MODEL, MEDIATION, DIRECTIVE, IMPLEMENTATION,
                      Owner(OwnerKind.INDIVIDUAL, "Lò Văn Pọm"),
                      Recognition(RecognitionLevel.PROVINCE, REGISTERED),
                      Replication("B", REGISTERED)]


def _id(value: object) -> str:
    return type(value).__name__ if attrs.has(type(value)) else repr(value)


@pytest.mark.parametrize(("record", "changes", "path"), INVALID + INVALID_PARTS, ids=_id)
def test_evolve_revalidates(record: Any, changes: dict[str, object], path: str) -> None:
    """attrs.evolve runs every validator again; the FieldError's path names the field."""
    with pytest.raises(FieldError) as info:
        attrs.evolve(record, **changes)
    assert info.value.path == path
    assert str(info.value).startswith(f"{path}: ")


@pytest.mark.parametrize(("record", "changes", "path"), INVALID + INVALID_PARTS, ids=_id)
def test_constructor_validates(record: Any, changes: dict[str, object], path: str) -> None:
    """Building the record afresh with the bad values raises the same FieldError."""
    fields = {a.name: getattr(record, a.name) for a in attrs.fields(type(record)) if a.init}
    with pytest.raises(FieldError) as info:
        type(record)(**{**fields, **changes})
    assert info.value.path == path


@pytest.mark.parametrize("record", RECORDS, ids=_id)
def test_frozen(record: Any) -> None:
    """Every entity is frozen: assigning a field raises FrozenInstanceError."""
    name = attrs.fields(type(record))[0].name
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        setattr(record, name, getattr(record, name))


@pytest.mark.parametrize("record", RECORDS, ids=_id)
def test_evolve_without_changes_is_equal(record: Any) -> None:
    """evolve with no changes gives an equal, equally hashed record."""
    again = attrs.evolve(record)
    assert again == record
    assert hash(again) == hash(record)


def test_dialogue_answers() -> None:
    """Answered opinions add those answered at the meeting and the referred ones answered later."""
    assert DIALOGUE.opinions_answered == 11
    assert DIALOGUE.opinions_pending == 1
    full = attrs.evolve(DIALOGUE, referred_answered=3)
    assert full.opinions_pending == 0
    # seed 000: 1.015/1.015 opinions answered
    seed = Dialogue("D2", "TN", D(2021, 6, 1), ChairRole.PARTY_SECRETARY, DialogueMode.AD_HOC,
                    participants=9685, opinions_raised=1015, answered_at_meeting=1000,
                    referred=15, referred_answered=15)
    assert seed.opinions_answered == seed.opinions_raised


def test_dialogue_edges() -> None:
    """Exactly as many answered and referred as raised is allowed; all zero too."""
    assert attrs.evolve(DIALOGUE, answered_at_meeting=9, referred=3).referred == 3
    assert Dialogue("D0", "X1", D(2020, 1, 1), ChairRole.OTHER, DialogueMode.PERIODIC).referred == 0


def test_reception_edges() -> None:
    """One person per turn and two people per crowd delegation are the lower bounds."""
    r = Reception("R2", "X1", D(2022, 1, 3), ChairRole.DEPUTY, turns=3, people=3,
                  crowd_delegations=1, crowd_people=2)
    assert r.crowd_people == 2
    assert Reception("R3", "X1", D(2022, 1, 3), ChairRole.OTHER).people == 0


def test_model_status_over_time() -> None:
    """status_on follows the dated history: registered, recognised, replicated, discontinued."""
    assert MODEL.status_on(D(2018, 2, 28)) is None
    assert MODEL.status_on(REGISTERED) is ModelStatus.REGISTERED
    assert MODEL.status_on(D(2018, 11, 30)) is ModelStatus.REGISTERED
    assert MODEL.status_on(D(2018, 12, 1)) is ModelStatus.RECOGNISED
    assert MODEL.status_on(D(2019, 6, 1)) is ModelStatus.REPLICATED
    assert MODEL.status is ModelStatus.REPLICATED
    stopped = attrs.evolve(MODEL, discontinued_on=D(2021, 1, 1))
    assert stopped.status_on(D(2020, 12, 31)) is ModelStatus.REPLICATED
    assert stopped.status_on(D(2021, 1, 1)) is ModelStatus.DISCONTINUED
    assert stopped.status is ModelStatus.DISCONTINUED
    bare = attrs.evolve(MODEL, recognitions=(), replications=())
    assert bare.status is ModelStatus.REGISTERED
    assert not bare.recognised_on(D(2030, 1, 1))
    assert MODEL.recognised_on(D(2018, 12, 1))
    assert not MODEL.recognised_on(D(2018, 11, 30))


def test_model_history_on_registration_day() -> None:
    """Recognition, replication and discontinuation may fall on the registration day itself."""
    same_day = attrs.evolve(MODEL, recognitions=(Recognition(RecognitionLevel.GRASSROOTS,
                                                             REGISTERED),),
                            replications=(Replication("B", REGISTERED),),
                            discontinued_on=REGISTERED)
    assert same_day.status_on(REGISTERED) is ModelStatus.DISCONTINUED


def test_mediation() -> None:
    """A case is mediated once it has a mediation date; the outcome may follow later."""
    assert MEDIATION.mediated
    pending = attrs.evolve(MEDIATION, outcome=None)
    assert pending.mediated
    assert pending.outcome is None
    unmediated = MediationCase("H2", "X1", D(2018, 4, 2))
    assert not unmediated.mediated
    assert attrs.evolve(MEDIATION, mediated_on=MEDIATION.received_on).mediated


def test_directive() -> None:
    """A directive keeps its number, kind and what it implements."""
    assert str(DIRECTIVE.number) == "13-CT/ĐU"
    assert DIRECTIVE.kind.label == "Chỉ thị"
    assert DIRECTIVE.implements == (N("25-NQ/TW"),)
    assert IMPLEMENTATION.kind is DocumentKind.PLAN


@given(unit_registries().flatmap(
    lambda reg: st.tuples(dialogues(reg), models(reg), receptions(reg), mediation_cases(reg),
                          directives())))
def test_generated_records_revalidate(records: tuple[Any, ...]) -> None:
    """Generated records are valid: rebuilding each through its constructor gives it back."""
    for record in records:
        assert attrs.evolve(record) == record


@given(unit_registries().flatmap(dialogues))
def test_generated_dialogue_counts(dialogue: Dialogue) -> None:
    """Generated dialogues never answer more opinions than were raised."""
    assert 0 <= dialogue.opinions_pending <= dialogue.opinions_raised
    assert dialogue.opinions_answered <= dialogue.opinions_raised


@given(unit_registries().flatmap(models))
def test_generated_model_status(model: Model) -> None:
    """A generated model's status never goes back from replicated to recognised before it ends."""
    days = sorted({model.registered_on, *(r.on for r in model.recognitions),
                   *(r.on for r in model.replications)})
    order = [ModelStatus.REGISTERED, ModelStatus.RECOGNISED, ModelStatus.REPLICATED,
             ModelStatus.DISCONTINUED]
    ranks = [order.index(s) for day in days if (s := model.status_on(day)) is not None]
    assert ranks == sorted(ranks)
