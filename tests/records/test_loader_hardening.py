"""Regression tests for the loader's hardening (reliability findings F5, F7, F8; UTF-8 BOM) and
for the one-pass reader agreeing with the classes' constructors."""

from __future__ import annotations

import datetime as dt
import gc
import json
from typing import Any

import pytest
from hypothesis import given

from danvan.errors import DataError, FieldError, flatten
from danvan.records.dataset import Dataset
from danvan.records.dialogues import Dialogue
from danvan.records.petitions import Petition, PetitionEvent
from danvan.records.serialization import converter, dumps, loads, structure, unstructure
from danvan.records.units import Unit
from danvan.records.vocabulary import ChairRole, DialogueMode, EventKind, PetitionKind, UnitLevel
from danvan.testing import datasets

UNIT = '{"code": "X", "name": "Xã A", "level": "commune"}'
PET = '{"id": "P1", "kind": "complaint", "received_on": "2024-01-02", "unit": "X"}'


def _lines(text: str | bytes, cls: type = Dataset) -> list[str]:
    with pytest.raises(DataError) as info:
        loads(text, cls)
    return flatten(info.value)


# -- F5: repeated keys -------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "line"), [
    (f'{{"units": [{UNIT}], "petitions": [{PET}], "petitions": []}}',
     "petitions: expected each key once in an object, got 'petitions'"),
    (f'{{"units": [{UNIT}], "petitions": [{{"id": "P1", "kind": "complaint", '
     '"kind": "denunciation", "received_on": "2024-01-02", "unit": "X"}]}',
     "petitions[0].kind: expected each key once in an object, got 'kind'"),
    (f'{{"units": [{UNIT}], "petitions": [{{"id": "P1", "kind": "complaint", "received_on": '
     '"2024-01-02", "unit": "X", "events": [{"kind": "accepted", "on": "2024-01-03", '
     '"on": "2024-01-04"}]}]}',
     "petitions[0].events[0].on: expected each key once in an object, got 'on'"),
])
def test_repeated_keys_refused(text: str, line: str) -> None:
    """F5: a key given twice in an object, at any depth, is a DataError naming its path."""
    assert line in _lines(text)


def test_repeated_key_with_colons_in_text() -> None:
    """A colon inside a text does not hide a repeated key, nor make one up."""
    fine = '{"code": "X", "name": "Xã A: B", "level": "commune"}'
    assert loads(fine, Unit).name == "Xã A: B"
    twice = '{"code": "X", "name": "Xã A: B", "name": "C", "level": "commune"}'
    assert _lines(twice, Unit) == ["name: expected each key once in an object, got 'name'"]


@given(datasets())
def test_round_trip_has_no_repeated_keys(data: Dataset) -> None:
    """Text written by dumps always loads back: the repeated-key check never misfires."""
    assert loads(dumps(data), Dataset) == data


# -- F8: lone surrogates -----------------------------------------------------------------------


@pytest.mark.parametrize(("text", "path"), [
    ('{"units": [{"code": "X", "name": "Xã \\ud800", "level": "commune"}]}', "units[0].name"),
    ('{"units": [{"code": "X\\udfff", "name": "Xã", "level": "commune"}]}', "units[0].code"),
    (f'{{"units": [{UNIT}], "petitions": [{{"id": "P1", "kind": "complaint", "received_on": '
     '"2024-01-02", "unit": "X", "events": [{"kind": "accepted", "on": "2024-01-03", '
     '"note": "\\ud83d"}]}]}', "petitions[0].events[0].note"),
])
def test_lone_surrogates_refused_at_load(text: str, path: str) -> None:
    """F8: a lone surrogate in any text field is refused with its path."""
    lines = _lines(text)
    assert len(lines) == 1
    assert lines[0].startswith(f"{path}: expected ")
    assert "surrogate" in lines[0]


def test_surrogate_pair_accepted() -> None:
    """A surrogate pair escaped in JSON is one character, and is accepted."""
    unit = loads('{"code": "X", "name": "Xã \\ud83d\\ude00", "level": "commune"}', Unit)
    assert unit.name == "Xã \U0001f600"
    dumps(unit).encode("utf-8")


@pytest.mark.parametrize("build", [
    lambda: Unit("X", "Xã \ud800", UnitLevel.COMMUNE),
    lambda: Unit("X\udc00", "Xã", UnitLevel.COMMUNE),
    lambda: PetitionEvent(EventKind.ACCEPTED, dt.date(2024, 1, 3), note="\ud800"),
])
def test_lone_surrogates_refused_at_construction(build: Any) -> None:
    """F8: constructors refuse lone surrogates too, naming the field."""
    with pytest.raises(FieldError, match="surrogate"):
        build()


def test_surrogates_in_python_data() -> None:
    """structure() of Python data checks every text for lone surrogates as well."""
    with pytest.raises(DataError) as info:
        structure({"code": "X", "name": "Xã", "level": "commune", "short_name": "\ud800"}, Unit)
    assert flatten(info.value)[0].startswith("short_name: expected text (no lone surrogates)")


# -- F7: huge integers -------------------------------------------------------------------------


@pytest.mark.parametrize("value", [10**15 + 1, int("9" * 4000), -(10**16)])
def test_huge_integers_refused_at_load(value: int) -> None:
    """F7: a whole number beyond any real count is refused where it enters, with its path."""
    doc = {"units": [json.loads(UNIT)], "dialogues": [
        {"id": "D1", "unit": "X", "held_on": "2024-01-02", "chair": "party_secretary",
         "mode": "periodic", "participants": value}]}
    lines = _lines(json.dumps(doc))
    assert len(lines) == 1
    assert lines[0].startswith("dialogues[0].participants: expected a whole number")


def test_json_over_the_digit_limit_is_a_data_error() -> None:
    """Digits beyond Python's int limit are bad JSON, a DataError at $."""
    assert _lines('{"units": [], "x": ' + "9" * 5000 + "}")[0].startswith("$: expected JSON")


def test_huge_counts_refused_at_construction() -> None:
    """F7: a count over 10^15 is refused by the constructor too."""
    with pytest.raises(FieldError, match="10\\^15"):
        Dialogue("D1", "X", dt.date(2024, 1, 2), ChairRole.PARTY_SECRETARY,
                 DialogueMode.PERIODIC, participants=10**15 + 1)


# -- item 10: UTF-8 byte order mark ------------------------------------------------------------


@pytest.mark.parametrize("text", ["\ufeff" + UNIT, ("\ufeff" + UNIT).encode("utf-8"),
                                  UNIT.encode("utf-16"), UNIT.encode("utf-8")])
def test_byte_order_mark_accepted(text: str | bytes) -> None:
    """A BOM at the start (as Windows editors write it) is accepted, as text or bytes."""
    assert loads(text, Unit) == Unit("X", "Xã A", UnitLevel.COMMUNE)


def test_byte_order_mark_only_at_the_start() -> None:
    """A BOM anywhere else is not white space: the text is not JSON."""
    assert _lines(" \ufeff" + UNIT, Unit)[0].startswith("$: expected JSON")


# -- the one-pass reader builds what the constructors build ------------------------------------


@given(datasets())
def test_reader_agrees_with_cattrs(data: Dataset) -> None:
    """The one-pass reader and cattrs with the attrs constructors give the same objects."""
    raw = unstructure(data)
    assert structure(raw, Dataset) == converter.structure(raw, Dataset) == data


def test_shared_events_are_equal_not_confused() -> None:
    """Equal events may be one object; a bool is never taken for a number of days."""
    text = (f'{{"units": [{UNIT}], "petitions": [{PET}, ' + PET.replace("P1", "P2")[:-1]
            + ', "events": [{"kind": "accepted", "on": "2024-01-03"}, '
            '{"kind": "extended", "on": "2024-01-04", "days": 1}]}]}')
    assert loads(text, Dataset).petitions[1].events[1].days == 1
    bad = text.replace('"days": 1', '"days": true')
    assert _lines(bad) == ["petitions[1].events[1].days: expected a whole number, got True"]


def test_petition_read_once_equals_constructed() -> None:
    """A petition read from JSON equals the one its constructor builds."""
    text = ('{"id": "P1", "kind": "complaint", "received_on": "2024-01-02", "unit": "X", '
            '"events": [{"kind": "accepted", "on": "2024-01-03"}]}')
    assert loads(text, Petition) == Petition(
        "P1", PetitionKind.COMPLAINT, dt.date(2024, 1, 2), "X",
        events=(PetitionEvent(EventKind.ACCEPTED, dt.date(2024, 1, 3)),))


def test_loads_restores_the_garbage_collector() -> None:
    """loads pauses the cyclic collector while building and turns it back on, even on bad input."""
    assert gc.isenabled()
    with pytest.raises(DataError):
        loads('{"petitions": [{"id": 1}]}', Dataset)
    assert gc.isenabled()
    gc.disable()
    try:
        loads('{"petitions": []}', Dataset)
        assert not gc.isenabled()
    finally:
        gc.enable()
