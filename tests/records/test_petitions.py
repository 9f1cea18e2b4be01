"""Tests for danvan.records.petitions: petitions, their events and the lifecycle as a state machine."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import pytest
from hypothesis import given, strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from danvan.errors import DanvanError, FieldError, LifecycleError
from danvan.records.petitions import CLOSING_EVENTS, TRANSITIONS, Petition, PetitionEvent
from danvan.records.vocabulary import Channel, Complexity, EventKind, PetitionKind
from danvan.testing import petitions, unit_registries

D = dt.date
E = EventKind
START = D(2024, 3, 1)

#: The legal transitions, written from the table in the module docstring (not from TRANSITIONS).
LEGAL: dict[EventKind, frozenset[EventKind]] = {
    E.RECEIVED: frozenset({E.ACCEPTED, E.DECLINED, E.TRANSFERRED, E.WITHDRAWN, E.GUIDED, E.FILED}),
    E.ACCEPTED: frozenset({E.IN_PROGRESS, E.SUSPENDED, E.EXTENDED, E.RESOLVED, E.WITHDRAWN,
                           E.TERMINATED}),
    E.IN_PROGRESS: frozenset({E.SUSPENDED, E.EXTENDED, E.RESOLVED, E.WITHDRAWN, E.TERMINATED}),
    E.EXTENDED: frozenset({E.IN_PROGRESS, E.SUSPENDED, E.EXTENDED, E.RESOLVED, E.WITHDRAWN,
                           E.TERMINATED}),
    E.SUSPENDED: frozenset({E.RESUMED, E.WITHDRAWN, E.TERMINATED}),
    E.RESUMED: frozenset({E.SUSPENDED, E.EXTENDED, E.RESOLVED, E.WITHDRAWN, E.TERMINATED}),
    E.DECLINED: frozenset(),
    E.RESOLVED: frozenset(),
    E.TRANSFERRED: frozenset(),
    E.WITHDRAWN: frozenset(),
    E.TERMINATED: frozenset(),
    E.GUIDED: frozenset(),
    E.FILED: frozenset(),
}
CLOSED = frozenset({E.DECLINED, E.RESOLVED, E.TRANSFERRED, E.WITHDRAWN, E.TERMINATED, E.GUIDED,
                    E.FILED})

#: (events as (kind, day offset from receipt), path of the LifecycleError)
ILLEGAL: list[tuple[list[tuple[EventKind, int]], str]] = [
    # resolved straight after receipt, without being accepted
    ([(E.RESOLVED, 5)], "events[0].kind"),
    ([(E.IN_PROGRESS, 5)], "events[0].kind"),
    ([(E.RESUMED, 5)], "events[0].kind"),
    # nothing after a closing event
    ([(E.ACCEPTED, 1), (E.RESOLVED, 2), (E.IN_PROGRESS, 3)], "events[2].kind"),
    ([(E.DECLINED, 1), (E.ACCEPTED, 2)], "events[1].kind"),
    ([(E.WITHDRAWN, 1), (E.WITHDRAWN, 2)], "events[1].kind"),
    # a suspended case must resume before anything but withdrawal
    ([(E.ACCEPTED, 1), (E.SUSPENDED, 2), (E.RESOLVED, 3)], "events[2].kind"),
    # accepted twice; in progress twice in a row
    ([(E.ACCEPTED, 1), (E.ACCEPTED, 2)], "events[1].kind"),
    ([(E.ACCEPTED, 1), (E.IN_PROGRESS, 2), (E.IN_PROGRESS, 3)], "events[2].kind"),
    # dated before receipt, or before the previous event
    ([(E.ACCEPTED, -1)], "events[0].on"),
    ([(E.ACCEPTED, 10), (E.RESOLVED, 9)], "events[1].on"),
    # the date is checked before the transition
    ([(E.ACCEPTED, 10), (E.ACCEPTED, 9)], "events[1].on"),
]

#: Lifecycles the law allows.
LEGAL_HISTORIES: list[list[tuple[EventKind, int]]] = [
    [],
    [(E.ACCEPTED, 7), (E.RESOLVED, 30)],
    [(E.ACCEPTED, 0), (E.IN_PROGRESS, 0), (E.RESOLVED, 0)],  # all on the day of receipt
    [(E.ACCEPTED, 5), (E.SUSPENDED, 10), (E.RESUMED, 40), (E.EXTENDED, 50), (E.RESOLVED, 80)],
    [(E.ACCEPTED, 5), (E.EXTENDED, 40), (E.EXTENDED, 70), (E.IN_PROGRESS, 71)],
    [(E.DECLINED, 3)],
    [(E.TRANSFERRED, 3)],
    [(E.ACCEPTED, 3), (E.SUSPENDED, 4), (E.WITHDRAWN, 9)],
    [(E.GUIDED, 0)],
    [(E.FILED, 2)],
    [(E.ACCEPTED, 3), (E.SUSPENDED, 4), (E.TERMINATED, 9)],
]


def make(events: list[tuple[EventKind, int]], **extra: object) -> Petition:
    """A complaint received on START with the given events (days after receipt)."""
    built = tuple(PetitionEvent(kind, START + dt.timedelta(days=offset)) for kind, offset in events)
    return Petition("P1", PetitionKind.COMPLAINT, START, "X1", events=built,
                    **extra)  # type: ignore[arg-type]


def test_transitions_match_the_documented_table() -> None:
    """TRANSITIONS and CLOSING_EVENTS say what the module docstring's table says."""
    assert TRANSITIONS == LEGAL
    assert frozenset(CLOSING_EVENTS) == CLOSED


@pytest.mark.parametrize("events", LEGAL_HISTORIES, ids=repr)
def test_legal_histories(events: list[tuple[EventKind, int]]) -> None:
    """A lifecycle the table allows builds, and its state is the last event."""
    petition = make(events)
    assert petition.state is (events[-1][0] if events else E.RECEIVED)


@pytest.mark.parametrize(("events", "path"), ILLEGAL, ids=repr)
def test_illegal_histories(events: list[tuple[EventKind, int]], path: str) -> None:
    """An illegal transition or a date going backwards raises LifecycleError naming the event."""
    with pytest.raises(LifecycleError) as info:
        make(events)
    assert info.value.path == path
    assert isinstance(info.value, ValueError)
    assert str(info.value).startswith(f"{path}: ")


def test_resolved_straight_after_receipt() -> None:
    """with_event refuses RESOLVED right after receipt, naming the kinds."""
    petition = make([])
    with pytest.raises(LifecycleError, match="expected no 'resolved' after 'received'") as info:
        petition.with_event(E.RESOLVED, START)
    assert info.value.value == "resolved"


def test_event_before_previous_one() -> None:
    """An event dated before the previous event raises LifecycleError with its date."""
    petition = make([(E.ACCEPTED, 10)])
    with pytest.raises(LifecycleError) as info:
        petition.with_event(E.RESOLVED, START + dt.timedelta(days=9))
    assert info.value.path == "events[1].on"
    assert info.value.value == "2024-03-10"
    assert "2024-03-11" in str(info.value)


def test_days_only_on_an_extension() -> None:
    """days belongs to EXTENDED; on any other event it is a FieldError naming days."""
    assert PetitionEvent(E.EXTENDED, START, days=30).days == 30
    assert PetitionEvent(E.EXTENDED, START).days is None
    with pytest.raises(FieldError) as info:
        PetitionEvent(E.ACCEPTED, START, days=30)
    assert info.value.path == "days"
    with pytest.raises(FieldError) as info:
        PetitionEvent(E.EXTENDED, START, days=-1)
    assert info.value.path == "days"


def test_to_unit_only_on_a_transfer() -> None:
    """to_unit belongs to TRANSFERRED; on any other event it is a FieldError naming to_unit."""
    assert PetitionEvent(E.TRANSFERRED, START, to_unit="H1").to_unit == "H1"
    with pytest.raises(FieldError) as info:
        PetitionEvent(E.RESOLVED, START, to_unit="H1")
    assert info.value.path == "to_unit"


def test_received_is_not_an_event() -> None:
    """Receipt is the start of the lifecycle, not an event: RECEIVED raises FieldError."""
    with pytest.raises(FieldError) as info:
        PetitionEvent(E.RECEIVED, START)
    assert info.value.path == "kind"
    with pytest.raises(FieldError):
        make([]).with_event(E.RECEIVED, START)


@pytest.mark.parametrize(("changes", "path"), [
    ({"crowd_size": 1}, "crowd_size"),  # a crowd is at least 2 people
    ({"crowd_size": 0}, "crowd_size"),
    ({"crowd_size": -3}, "crowd_size"),
    ({"crowd_size": True}, "crowd_size"),
    ({"kind": PetitionKind.DENUNCIATION, "second_instance": True}, "second_instance"),
    ({"kind": PetitionKind.RECOMMENDATION, "second_instance": True}, "second_instance"),
    ({"kind": PetitionKind.DENUNCIATION, "discipline": True}, "discipline"),  # Art. 50: complaints
    ({"multi_site": True}, "multi_site"),  # Luật Tố cáo Art. 24(1): denunciations only
    ({"known_on": dt.date(2099, 1, 1)}, "known_on"),  # learned of it after filing: impossible
    ({"kind": PetitionKind.OTHER, "known_on": dt.date(2020, 1, 1)}, "known_on"),
    ({"discipline": 1}, "discipline"),
    ({"kind": "complaint"}, "kind"),
    ({"id": "P 1"}, "id"),
    ({"unit": ""}, "unit"),
    ({"received_on": dt.datetime(2024, 3, 1)}, "received_on"),
    ({"channel": "mail"}, "channel"),
    ({"in_jurisdiction": 1}, "in_jurisdiction"),
    ({"remote_area": None}, "remote_area"),
    ({"complexity": "complex"}, "complexity"),
    ({"events": [PetitionEvent(E.ACCEPTED, START)]}, "events"),
    ({"events": (("accepted", START),)}, "events[0]"),
])
def test_petition_validation(changes: dict[str, Any], path: str) -> None:
    """A petition with a bad field raises FieldError whose path names the field."""
    with pytest.raises(FieldError) as info:
        attrs.evolve(make([]), **changes)
    assert info.value.path == path


def test_crowd_and_second_instance() -> None:
    """A crowd of 2 is a crowd; a complaint may be a second instance."""
    petition = make([], crowd_size=2, second_instance=True, complexity=Complexity.COMPLEX,
                    channel=Channel.CITIZEN_RECEPTION)
    assert petition.is_crowd
    assert not make([]).is_crowd
    assert petition.second_instance


def test_with_event_returns_a_copy() -> None:
    """with_event leaves the petition it was called on unchanged."""
    petition = make([])
    accepted = petition.with_event(E.ACCEPTED, START)
    assert petition.events == ()
    assert accepted.state is E.ACCEPTED
    assert accepted.accepted_on == START
    extended = accepted.with_event(E.EXTENDED, START, days=30)
    assert extended.events[-1].days == 30
    transferred = petition.with_event(E.TRANSFERRED, START, to_unit="H1")
    assert transferred.closed_on == START


def test_dates_and_state_on() -> None:
    """state_on answers for any day; accepted_on and closed_on come from the events."""
    petition = make([(E.ACCEPTED, 7), (E.SUSPENDED, 10), (E.RESUMED, 20), (E.RESOLVED, 30)])
    assert petition.state_on(START - dt.timedelta(days=1)) is None
    assert petition.state_on(START) is E.RECEIVED
    assert petition.state_on(D(2024, 3, 8)) is E.ACCEPTED
    assert petition.state_on(D(2024, 3, 15)) is E.SUSPENDED
    assert petition.state_on(D(2024, 3, 31)) is E.RESOLVED
    assert petition.accepted_on == D(2024, 3, 8)
    assert petition.closed_on == D(2024, 3, 31)
    assert petition.is_resolved
    assert petition.first(E.RESUMED) == PetitionEvent(E.RESUMED, D(2024, 3, 21))
    assert petition.first(E.EXTENDED) is None
    assert make([(E.ACCEPTED, 1)]).closed_on is None


def test_frozen() -> None:
    """Petitions and events are frozen."""
    petition = make([(E.ACCEPTED, 1)])
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        petition.unit = "X2"  # type: ignore[misc]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        petition.events[0].on = START  # type: ignore[misc]


@given(unit_registries().flatmap(petitions))
def test_generated_petitions_follow_the_table(petition: Petition) -> None:
    """danvan.testing.petitions only builds lifecycles the documented table allows."""
    state, last = E.RECEIVED, petition.received_on
    for event in petition.events:
        assert event.kind in LEGAL[state]
        assert event.on >= last
        state, last = event.kind, event.on
    assert petition.state is state


class PetitionLifecycle(RuleBasedStateMachine):
    """Adds any event on any day to a petition; a model predicts success or the error."""

    def __init__(self) -> None:
        super().__init__()
        self.petition = make([])
        self.state = E.RECEIVED
        self.last = START
        self.history: list[tuple[EventKind, dt.date]] = []

    @initialize(kind=st.sampled_from(list(PetitionKind)),
                received=st.dates(D(2000, 1, 1), D(2035, 12, 31)))
    def receive(self, kind: PetitionKind, received: dt.date) -> None:
        """Start from a petition of any kind received on any day."""
        self.petition = Petition("P1", kind, received, "X1")
        self.last = received

    @rule(kind=st.sampled_from(list(EventKind)), offset=st.integers(-20, 90),
          days=st.none() | st.integers(0, 60), to_unit=st.none() | st.just("H1"))
    def add_event(self, kind: EventKind, offset: int, days: int | None,
                  to_unit: str | None) -> None:
        """Add an event; it succeeds exactly when the model says it may."""
        day = self.last + dt.timedelta(days=offset)
        index = len(self.history)
        extra = {"days": days, "to_unit": to_unit}
        if kind is E.RECEIVED:
            expected: tuple[type[DanvanError], str] | None = (FieldError, "kind")
        elif days is not None and kind is not E.EXTENDED:
            expected = (FieldError, "days")
        elif to_unit is not None and kind is not E.TRANSFERRED:
            expected = (FieldError, "to_unit")
        elif day < self.last:
            expected = (LifecycleError, f"events[{index}].on")
        elif kind not in LEGAL[self.state]:
            expected = (LifecycleError, f"events[{index}].kind")
        else:
            expected = None
        if expected is None:
            self.petition = self.petition.with_event(kind, day, **extra)
            self.state, self.last = kind, day
            self.history.append((kind, day))
        else:
            error_type, path = expected
            with pytest.raises(error_type) as info:
                self.petition.with_event(kind, day, **extra)
            assert type(info.value) is error_type
            assert info.value.path == path  # type: ignore[attr-defined]

    @rule(data=st.data())
    def add_legal_event(self, data: st.DataObject) -> None:
        """Add an event the model allows (keeps long lifecycles reachable)."""
        options = sorted(LEGAL[self.state], key=lambda k: k.code)
        if not options:
            return
        kind = data.draw(st.sampled_from(options))
        day = self.last + dt.timedelta(days=data.draw(st.integers(0, 30)))
        self.petition = self.petition.with_event(kind, day)
        self.state, self.last = kind, day
        self.history.append((kind, day))

    @invariant()
    def state_is_last_event(self) -> None:
        """state is the last event's kind (RECEIVED before any)."""
        assert self.petition.state is self.state
        assert [(e.kind, e.on) for e in self.petition.events] == self.history

    @invariant()
    def state_on_is_consistent(self) -> None:
        """state_on is None before receipt, the model's state from the last event on."""
        received = self.petition.received_on
        assert self.petition.state_on(received - dt.timedelta(days=1)) is None
        assert self.petition.state_on(self.last) is self.state
        assert self.petition.state_on(D.max) is self.state
        for kind, day in self.history:
            same_day = [k for k, d in self.history if d == day]
            assert self.petition.state_on(day) is same_day[-1]
            assert kind in same_day

    @invariant()
    def closed_iff_closing_event(self) -> None:
        """closed_on is set exactly when the petition is closed, to the closing event's day."""
        if self.state in CLOSED:
            assert self.petition.closed_on == self.last
        else:
            assert self.petition.closed_on is None
        assert self.petition.is_resolved == (self.state is E.RESOLVED)


TestPetitionLifecycle = PetitionLifecycle.TestCase
