"""Tests for danvan.records.serialization: exact round trips, strict input, every problem with its path."""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import json
import unicodedata
from typing import Any, Literal

import pytest
from hypothesis import given, strategies as st

from danvan.errors import DanvanError, DataError, StructureError, flatten
from danvan.records.dataset import Dataset
from danvan.records.dialogues import Dialogue
from danvan.records.directives import Directive, Implementation
from danvan.records.document_numbers import DocumentNumber
from danvan.records.mediations import MediationCase
from danvan.records.models import Model, Owner, Recognition, Replication
from danvan.records.petitions import Petition, PetitionEvent
from danvan.records.receptions import Reception
from danvan.records.serialization import (
    converter,
    dumps,
    loads,
    make_converter,
    structure,
    unstructure,
)
from danvan.records.units import Succession, Unit, UnitRegistry
from danvan.records.vocabulary import EventKind, PetitionKind, UnitLevel
from danvan.testing import (
    datasets,
    dialogues,
    directives,
    document_numbers,
    mediation_cases,
    models,
    petitions,
    receptions,
    unit_registries,
    vietnamese_text,
)

D = dt.date
UNIT = {"code": "X", "name": "Xã Hòa", "level": "commune"}
PETITION = {"id": "P1", "kind": "complaint", "received_on": "2024-01-02", "unit": "X"}
DIALOGUE = {"id": "D1", "unit": "X", "held_on": "2024-01-02", "chair": "party_secretary",
            "mode": "periodic"}

#: Every entity type the converter reads.
ENTITY_TYPES: list[type] = [Dataset, Unit, Succession, Petition, PetitionEvent, Dialogue, Model,
                            Owner, Recognition, Replication, Directive, Implementation,
                            Reception, MediationCase, DocumentNumber]

#: (field, bad value) for a unit: dates are YYYY-MM-DD text, nothing else.
BAD_DATES: list[object] = [
    "2024-2-3",  # no zero padding
    "20240203",  # basic format
    "2024-02-31",  # no such day
    "2024-13-01",
    "2024-02-03T00:00",  # a datetime
    "2024-02-03 ",
    "+2024-02-03",
    "２０２４-02-03",  # full-width digits
    "03/02/2024",  # Vietnamese day/month/year
    "",
    2024,  # a number
    20240203,
    ["2024", "02", "03"],
]

#: (record, field, value, path): values the converter must not coerce.
NO_COERCION: list[tuple[dict[str, Any], str, object, str]] = [
    # "3" is not an int, a float is not an int, True is not an int
    (PETITION, "crowd_size", "3", "crowd_size"),
    (PETITION, "crowd_size", 3.0, "crowd_size"),
    (PETITION, "crowd_size", 3.5, "crowd_size"),
    (PETITION, "crowd_size", True, "crowd_size"),
    (DIALOGUE, "participants", "60", "participants"),
    (DIALOGUE, "participants", 60.0, "participants"),
    # 1 is not true, "false" is not false
    (PETITION, "remote_area", 1, "remote_area"),
    (PETITION, "remote_area", 0, "remote_area"),
    (PETITION, "in_jurisdiction", "false", "in_jurisdiction"),
    (PETITION, "in_jurisdiction", None, "in_jurisdiction"),
    # a string is not a list
    (PETITION, "events", "ab", "events"),
    (PETITION, "events", {"kind": "accepted"}, "events"),
    # text is text
    (PETITION, "id", 1, "id"),
    (PETITION, "unit", ["X"], "unit"),
    (UNIT, "name", None, "name"),
    (UNIT, "parent", 3, "parent"),
    # enums travel by code, not label, name or index
    (PETITION, "kind", "khiếu nại", "kind"),
    (PETITION, "kind", "COMPLAINT", "kind"),
    (PETITION, "kind", 0, "kind"),
    (PETITION, "kind", None, "kind"),
    (UNIT, "level", "xã", "level"),
    # document numbers travel in canonical form only
    (DIALOGUE, "basis", "25 - NQ/TW", "basis"),
    (DIALOGUE, "basis", "NQ/TW", "basis"),
    (DIALOGUE, "basis", 25, "basis"),
]


def _dataset_with(**collections: object) -> dict[str, object]:
    return {"units": [UNIT], **collections}


def _lines(data: object, cls: type = Dataset) -> list[str]:
    with pytest.raises(DataError) as info:
        structure(data, cls)
    assert all(isinstance(sub, StructureError) for sub in info.value.exceptions)
    return flatten(info.value)


# -- round trips -------------------------------------------------------------------------------


def _round_trip(value: object) -> None:
    text = dumps(value)
    assert loads(text, type(value)) == value
    assert structure(unstructure(value), type(value)) == value
    assert dumps(loads(text, type(value))) == text


@given(datasets())
def test_dataset_round_trip(data: Dataset) -> None:
    """object -> JSON -> object is the identity for a whole Dataset."""
    _round_trip(data)


@given(unit_registries().flatmap(lambda reg: st.one_of(
    petitions(reg), dialogues(reg), models(reg), receptions(reg), mediation_cases(reg))))
def test_record_round_trip(record: object) -> None:
    """object -> JSON -> object is the identity for every record type."""
    _round_trip(record)


@given(st.one_of(directives(), document_numbers()))
def test_directive_and_number_round_trip(value: object) -> None:
    """Directives and document numbers round-trip; numbers travel as their canonical text."""
    _round_trip(value)
    if isinstance(value, DocumentNumber):
        assert unstructure(value) == str(value)


@given(unit_registries())
def test_unit_and_succession_round_trip(registry: UnitRegistry) -> None:
    """Every unit version and succession round-trips on its own."""
    for unit in registry:
        _round_trip(unit)
    for succession in registry.successions:
        _round_trip(succession)


@given(vietnamese_text(), st.sampled_from(["NFC", "NFD"]))
def test_text_round_trips_byte_for_byte(name: str, form: Literal["NFC", "NFD"]) -> None:
    """Vietnamese text (diacritics, Đ, NFD too) is written as is and read back unchanged."""
    text = unicodedata.normalize(form, name)
    unit = Unit("X", text, UnitLevel.COMMUNE, short_name=text) if text.strip() else None
    if unit is None:
        return
    out = dumps(unit)
    assert json.dumps(text, ensure_ascii=False) in out
    back = loads(out, Unit)
    assert back.name.encode("utf-8") == text.encode("utf-8")
    assert back.short_name == text


def test_vietnamese_written_as_is() -> None:
    """dumps writes the characters, not \\u escapes, and keeps NFD text decomposed."""
    nfd = unicodedata.normalize("NFD", "Xã Hưng Hóa")
    unit = Unit("ĐB", "Đảng bộ xã Đồng Lương", UnitLevel.COMMUNE, short_name=nfd)
    out = dumps(unit)
    assert "Đảng bộ xã Đồng Lương" in out
    assert nfd in out
    assert "\\u" not in out
    assert loads(out.encode("utf-8"), Unit) == unit
    assert loads(out, Unit).short_name == nfd != unicodedata.normalize("NFC", nfd)


def test_wire_format() -> None:
    """Enums travel by code, dates as YYYY-MM-DD, numbers as text; defaults are left out."""
    petition = Petition("P1", PetitionKind.COMPLAINT, D(2024, 1, 2), "X",
                        events=(PetitionEvent(EventKind.ACCEPTED, D(2024, 1, 9)),))
    assert unstructure(petition) == {
        "id": "P1", "kind": "complaint", "received_on": "2024-01-02", "unit": "X",
        "events": [{"kind": "accepted", "on": "2024-01-09"}],
    }
    dialogue = structure(dict(DIALOGUE, basis="11-QĐi/TW"), Dialogue)
    assert unstructure(dialogue)["basis"] == "11-QĐi/TW"
    assert "registry" not in unstructure(Dataset(units=(structure(UNIT, Unit),)))
    assert unstructure(Dataset()) == {}


def test_converter_instances() -> None:
    """make_converter builds a converter that behaves like the shared one."""
    unit = structure(UNIT, Unit)
    fresh = make_converter()
    assert fresh is not converter
    assert fresh.unstructure(unit) == unstructure(unit)
    assert fresh.structure(UNIT, Unit) == unit


# -- strict input ------------------------------------------------------------------------------


@pytest.mark.parametrize("value", BAD_DATES, ids=repr)
def test_dates_are_iso_only(value: object) -> None:
    """Only YYYY-MM-DD text is a date; the line names the path and the value."""
    lines = _lines(_dataset_with(units=[dict(UNIT, valid_from=value)]))
    assert lines == [f"units[0].valid_from: expected an ISO date (YYYY-MM-DD), got {value!r}"]


@pytest.mark.parametrize(("record", "key", "value", "path"), NO_COERCION, ids=repr)
def test_no_coercion(record: dict[str, Any], key: str, value: object, path: str) -> None:
    """Values of the wrong JSON type are refused, not converted."""
    collection = {id(PETITION): "petitions", id(DIALOGUE): "dialogues", id(UNIT): "units"}[
        id(record)]
    data: dict[str, Any] = {"units": [UNIT]}
    data[collection] = [*data.get(collection, []), dict(record, **{key: value})]
    index = len(data[collection]) - 1
    lines = _lines(data)
    assert len(lines) == 1
    assert lines[0].startswith(f"{collection}[{index}].{path}: ")
    assert lines[0].endswith(f"got {value!r}")


@pytest.mark.parametrize(("data", "cls", "line"), [
    ({"units": [UNIT], "extra": 1}, Dataset, "$: expected no unknown keys, got ['extra']"),
    (_dataset_with(petitions=[dict(PETITION, note="x")]), Dataset,
     "petitions[0]: expected no unknown keys, got ['note']"),
    (_dataset_with(petitions=[dict(PETITION, events=[{"kind": "accepted", "on": "2024-01-03",
                                                       "by": "A"}])]), Dataset,
     "petitions[0].events[0]: expected no unknown keys, got ['by']"),
    (dict(UNIT, Code="Y"), Unit, "$: expected no unknown keys, got ['Code']"),
])
def test_unknown_keys(data: object, cls: type, line: str) -> None:
    """Unknown keys are refused at any depth."""
    assert line in _lines(data, cls)


def test_missing_key() -> None:
    """A missing required key is reported at its path."""
    data = _dataset_with(petitions=[{k: v for k, v in PETITION.items() if k != "unit"}])
    assert _lines(data) == ["petitions[0].unit: required key is missing, got None"]


@pytest.mark.parametrize(("data", "cls"), [
    ([], Dataset), (None, Dataset), ("units", Dataset), (3, Dataset), (True, Dataset),
    ([UNIT], Unit), ("25-NQ/TW", Petition), ({"units": {"X": UNIT}}, Dataset),
    ({"units": None}, Dataset),
])
def test_wrong_shape(data: object, cls: type) -> None:
    """A value of the wrong shape, at the top or below, is a DataError too."""
    lines = _lines(data, cls)
    assert len(lines) == 1


def test_every_problem_with_its_path() -> None:
    """All problems come at once, one line each, paths like petitions[3].received_on."""
    data = _dataset_with(petitions=[
        PETITION,
        dict(PETITION, id="P2", crowd_size=1),
        dict(PETITION, id="P3", kind="khiếu nại", remote_area=1),
        dict(PETITION, id="P4", received_on="31/02/2024"),
        dict(PETITION, id="P5", events=[{"kind": "resolved", "on": "2024-01-03"}]),
    ], dialogues=[dict(DIALOGUE, referred=1)])
    with pytest.raises(DataError) as info:
        structure(data, Dataset)
    error = info.value
    assert isinstance(error, ExceptionGroup)
    assert isinstance(error, DanvanError)
    lines = flatten(error)
    assert sorted(lines) == sorted([
        "petitions[1].crowd_size: expected at least 2 people, got 1",
        "petitions[2].kind: expected one of complaint, denunciation, feedback, other, "
        "got 'khiếu nại'",
        "petitions[2].remote_area: expected true or false, got 1",
        "petitions[3].received_on: expected an ISO date (YYYY-MM-DD), got '31/02/2024'",
        "petitions[4].events[0].kind: expected no 'resolved' after 'received', got 'resolved'",
        "dialogues[0].referred: expected answered_at_meeting + referred <= opinions_raised (0), "
        "got 1",
    ])
    paths = {sub.path for sub in error.exceptions if isinstance(sub, StructureError)}
    assert "petitions[3].received_on" in paths
    assert "(6 problem(s))" in str(error)


def test_integrity_problems_become_data_errors() -> None:
    """Broken references found while reading come back as paths too."""
    data = _dataset_with(petitions=[dict(PETITION, unit="NOWHERE")])
    assert _lines(data) == [
        "petitions[0].unit: expected a unit that exists on 2024-01-02, got 'NOWHERE'"
    ]


@pytest.mark.parametrize("text", ["", "{", "[1,]", "nul", b"\xff\xfe", "{\"units\": [}"],
                         ids=repr)
def test_bad_json(text: str | bytes) -> None:
    """Text that is not JSON is a DataError at path $."""
    with pytest.raises(DataError) as info:
        loads(text, Dataset)
    assert flatten(info.value)[0].startswith("$: expected JSON")


# -- any input: only danvan errors --------------------------------------------------------------

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False)
    | st.text(max_size=10) | st.sampled_from(["2024-01-02", "complaint", "commune", "X", "P"])
    | st.fixed_dictionaries({"kind": st.just("accepted"), "on": st.just("2024-01-03")}),
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.sampled_from(["units", "petitions", "code", "name", "level", "id",
                                       "kind", "unit", "events", "on", "x"]) | st.text(max_size=5),
                      children, max_size=5),
    max_leaves=20,
)


def _only_danvan_errors(data: object, cls: type) -> None:
    with contextlib.suppress(DanvanError):
        structure(data, cls)


@given(JSON, st.sampled_from(ENTITY_TYPES))
def test_any_json_value(data: object, cls: type) -> None:
    """structure of any JSON value returns or raises a DanvanError, nothing else."""
    _only_danvan_errors(data, cls)
    with contextlib.suppress(DanvanError):
        loads(json.dumps(data), cls)


def _paths(value: object, prefix: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    """Every path to a dict key or list item inside ``value``."""
    found: list[tuple[object, ...]] = []
    if isinstance(value, dict):
        for key, item in value.items():
            found.append((*prefix, key))
            found.extend(_paths(item, (*prefix, key)))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found.append((*prefix, index))
            found.extend(_paths(item, (*prefix, index)))
    return found


@given(datasets(), st.data())
def test_mutated_dataset(data: Dataset, draw: st.DataObject) -> None:
    """Deleting or replacing any key or item of a valid dataset's dict raises only danvan errors."""
    raw = unstructure(data)
    paths = _paths(raw)
    if not paths:
        return
    mutated = copy.deepcopy(raw)
    for _ in range(draw.draw(st.integers(1, 3))):
        paths = _paths(mutated)
        if not paths:
            break
        *parents, last = draw.draw(st.sampled_from(paths))
        container: Any = mutated
        for step in parents:
            container = container[step]
        if draw.draw(st.booleans()):
            del container[last]
        else:
            container[last] = draw.draw(JSON)
    _only_danvan_errors(mutated, Dataset)
    # loads builds objects as json.loads parses the text (danvan.records._fast): it gives what
    # the full reader gives, object by object: equal objects, or the same problems and paths
    text = json.dumps(mutated, ensure_ascii=False)
    assert _outcome(lambda: loads(text, Dataset)) == _outcome(lambda: structure(mutated, Dataset))


def _outcome(read: Any) -> Any:
    try:
        return read()
    except DataError as error:
        return flatten(error)


# -- regressions: bugs found by these tests, since fixed -----------------------------------------


def test_deeply_nested_json() -> None:
    """JSON nested deeper than the recursion limit is a DataError, not a RecursionError."""
    with pytest.raises(DataError):
        loads('{"units": [' + "[" * 5000 + "]" * 5000 + "]}", Dataset)


def test_loads_non_text() -> None:
    """loads of something that is neither str nor bytes is a DataError."""
    with pytest.raises(DataError):
        loads(3, Dataset)  # type: ignore[arg-type]


def test_unknown_keys_of_mixed_types() -> None:
    """Unknown keys that are not all text are still reported as a DataError."""
    with pytest.raises(DataError):
        structure({1: 1, "a": 2}, Dataset)
