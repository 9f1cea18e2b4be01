"""The fast path of ``loads`` (danvan.records._fast: objects built as json.loads parses them,
by one generated function per shape of object) agrees with the constructors and with the
full reader, on good and on bad input alike."""

from __future__ import annotations

import datetime as dt
import gc
import itertools
import json
from typing import Any

import pytest
from hypothesis import given, strategies as st

from danvan._gc import paused_gc
from danvan.errors import DanvanError, DataError, flatten
from danvan.records.dataset import Dataset
from danvan.records.petitions import Petition, PetitionEvent
from danvan.records.serialization import dumps, loads, structure
from danvan.records.vocabulary import EventKind, PetitionKind

UNIT = {"code": "X", "name": "Xã A", "level": "commune"}
#: Values the validators of text, identifiers and counts tell apart: white space of every kind,
#: characters that are not printable yet allowed (a zero-width joiner, a soft hyphen), huge numbers.
AWKWARD = st.one_of(
    st.none(), st.booleans(), st.integers(-3, 3), st.sampled_from([10**15, 10**15 + 1, -(10**16)]),
    st.floats(allow_nan=False), st.lists(st.integers(), max_size=1),
    st.text(alphabet=st.sampled_from(["P", "1", " ", "\t", "\u00a0", "\u200d", "\u00ad", "\u3000",
                                      "\x1f", "\u2028", "ễ", "/", ":"]), max_size=4),
)


def _constructed(record: dict[str, Any]) -> Petition | None:
    """The petition the constructors build from ``record`` (wire values turned into Python ones
    only where the wire format says so), or ``None`` if they refuse it."""
    try:
        events = tuple(PetitionEvent(EventKind(e["kind"]), dt.date.fromisoformat(e["on"]),
                                     **{k: v for k, v in e.items() if k not in ("kind", "on")})
                       for e in record.get("events", ()))
        rest = {k: v for k, v in record.items()
                if k not in ("id", "kind", "received_on", "unit", "events")}
        return Petition(record["id"], PetitionKind(record["kind"]),
                        dt.date.fromisoformat(record["received_on"]), record["unit"],
                        events=events, **rest)
    except DanvanError:
        return None


@given(AWKWARD, AWKWARD, AWKWARD, AWKWARD, AWKWARD, st.sampled_from(["extended", "transferred"]))
def test_fast_path_accepts_what_the_constructor_accepts(
        ident: Any, unit: Any, crowd: Any, days: Any, note: Any, kind: str) -> None:
    """Each value is accepted by loads exactly when the constructor accepts it, into an equal
    object; a refused one is a DataError naming its path."""
    event = {"kind": "accepted", "on": "2024-01-03"}
    last: dict[str, Any] = {"kind": kind, "on": "2024-01-04", "note": note}
    last["days" if kind == "extended" else "to_unit"] = days if kind == "extended" else unit
    record = {"id": ident, "kind": "complaint", "received_on": "2024-01-02", "unit": unit,
              "crowd_size": crowd, "events": [event, last]}
    expected = _constructed(record)
    text = json.dumps(record, ensure_ascii=False)
    if expected is None:
        with pytest.raises(DataError) as info:
            loads(text, Petition)
        assert all(line.split(":")[0] for line in flatten(info.value))
    else:
        assert loads(text, Petition) == expected == structure(record, Petition)


def test_an_object_of_another_class_in_place_is_reported_as_written() -> None:
    """A dict shaped like an event where text belongs: the problem shows the dict, not an event."""
    event = {"kind": "accepted", "on": "2024-01-03"}
    record = {"id": "P1", "kind": "complaint", "received_on": "2024-01-02", "unit": event}
    text = json.dumps({"units": [UNIT], "petitions": [record]})
    with pytest.raises(DataError) as info:
        loads(text, Dataset)
    assert flatten(info.value) == [f"petitions[0].unit: expected text, got {event!r}"]


def test_every_order_of_keys() -> None:
    """Objects whose keys come in many orders (more than the shapes given a fast function)."""
    record = {"id": "P1", "kind": "denunciation", "received_on": "2024-01-02", "unit": "X",
              "multi_site": True}
    petitions = [dict(zip(order, (record[key] for key in order), strict=True)) | {"id": f"P{i}"}
                 for i, order in enumerate(itertools.permutations(record))]
    read = loads(json.dumps({"units": [UNIT], "petitions": petitions}), Dataset)
    assert len(read.petitions) == 120
    assert {p.multi_site for p in read.petitions} == {True}
    assert read == loads(dumps(read), Dataset)


def test_paused_gc_leaves_frozen_objects_frozen() -> None:
    """paused_gc moves what it made to the oldest generation, unless objects are kept frozen."""
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with paused_gc():
            made = [[i] for i in range(1000)]
        assert gc.get_freeze_count() == frozen
        assert gc.isenabled()
    finally:
        gc.unfreeze()
    with paused_gc():
        made = [[i] for i in range(1000)]
    assert gc.get_freeze_count() == 0
    assert gc.isenabled()
    assert len(made) == 1000
