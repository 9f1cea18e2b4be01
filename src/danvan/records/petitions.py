"""Citizen petitions (đơn thư) and their lifecycle.

A :class:`Petition` is received on ``received_on`` (the receipt is the start of
its lifecycle) and then goes through dated :class:`PetitionEvent` s. The
transitions allowed are:

======================  =====================================================
from                    to
======================  =====================================================
received                accepted, declined, transferred, withdrawn, guided,
                        filed
accepted                in progress, suspended, extended, resolved, withdrawn,
                        terminated
in progress             suspended, extended, resolved, withdrawn, terminated
extended                in progress, suspended, extended, resolved, withdrawn,
                        terminated
suspended               resumed, withdrawn, terminated
resumed                 suspended, extended, resolved, withdrawn, terminated
declined, resolved,     (nothing: the petition is closed)
transferred,
withdrawn, terminated,
guided, filed
======================  =====================================================

Guided (hướng dẫn: the citizen is sent to the competent body) and filed (lưu
đơn: anonymous or duplicate) close a petition at receipt; terminated (đình
chỉ) closes it during resolution.

An illegal transition, or an event dated before the one before it, raises
:class:`~danvan.errors.LifecycleError` naming the event.

>>> from datetime import date
>>> p = Petition("P1", PetitionKind.COMPLAINT, date(2024, 3, 1), "X1", events=(
...     PetitionEvent(EventKind.ACCEPTED, date(2024, 3, 8)),
...     PetitionEvent(EventKind.RESOLVED, date(2024, 4, 2)),
... ))
>>> p.state, p.state_on(date(2024, 3, 20))
(<EventKind.RESOLVED: 'resolved'>, <EventKind.ACCEPTED: 'accepted'>)
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from attrs import evolve, field, frozen

from danvan import _validators as v
from danvan.errors import FieldError, LifecycleError
from danvan.records.vocabulary import Channel, Complexity, EventKind, PetitionKind

__all__ = ["CLOSING_EVENTS", "TRANSITIONS", "Petition", "PetitionEvent"]

_E = EventKind
_RESOLVING = frozenset({_E.IN_PROGRESS, _E.SUSPENDED, _E.EXTENDED, _E.RESOLVED, _E.WITHDRAWN,
                        _E.TERMINATED})

#: Which event may follow which state.
TRANSITIONS: dict[EventKind, frozenset[EventKind]] = {
    _E.RECEIVED: frozenset({_E.ACCEPTED, _E.DECLINED, _E.TRANSFERRED, _E.WITHDRAWN, _E.GUIDED,
                            _E.FILED}),
    _E.ACCEPTED: _RESOLVING,
    _E.IN_PROGRESS: _RESOLVING - {_E.IN_PROGRESS},
    _E.EXTENDED: _RESOLVING,
    _E.SUSPENDED: frozenset({_E.RESUMED, _E.WITHDRAWN, _E.TERMINATED}),
    _E.RESUMED: _RESOLVING - {_E.IN_PROGRESS},
    _E.DECLINED: frozenset(),
    _E.RESOLVED: frozenset(),
    _E.TRANSFERRED: frozenset(),
    _E.WITHDRAWN: frozenset(),
    _E.TERMINATED: frozenset(),
    _E.GUIDED: frozenset(),
    _E.FILED: frozenset(),
}

#: Events after which nothing more can happen.
CLOSING_EVENTS = frozenset(kind for kind, nexts in TRANSITIONS.items() if not nexts)


@frozen
class PetitionEvent:
    """One dated step after receipt.

    ``days`` is the length of an extension (``EXTENDED``); ``to_unit`` the code
    of the unit a petition was transferred to (``TRANSFERRED``).
    """

    kind: EventKind = field(validator=v.member(EventKind))
    on: dt.date = field(validator=v.date)
    days: int | None = field(default=None, validator=v.optional(v.count))
    to_unit: str | None = field(default=None, validator=v.optional(v.code))
    note: str = field(default="", validator=v.typed(str, "text"))

    def __attrs_post_init__(self) -> None:
        if self.kind is EventKind.RECEIVED:
            raise FieldError("kind", self.kind.code, "expected a step after receipt")
        if self.days is not None and self.kind is not EventKind.EXTENDED:
            raise FieldError("days", self.days, "expected days only on an extension")
        if self.to_unit is not None and self.kind is not EventKind.TRANSFERRED:
            raise FieldError("to_unit", self.to_unit, "expected to_unit only on a transfer")


_EVENTS = v.tuple_of(v.typed(PetitionEvent))
_AFTER_RECEIPT = TRANSITIONS[EventKind.RECEIVED]
#: Members read once per petition: a module's name is found faster than an enum's member.
_COMPLAINT, _DENUNCIATION = PetitionKind.COMPLAINT, PetitionKind.DENUNCIATION


def _check_lifecycle(instance: Petition, attribute: Any, events: tuple[PetitionEvent, ...]) -> None:
    """Each event allowed after the one before it, and not dated before it (run after the
    type check of ``_EVENTS``: the reader of JSON, having built the events, skips that one)."""
    allowed, last = _AFTER_RECEIPT, instance.received_on
    for event in events:  # the first pass, without the index: it runs once per petition read
        if event.on < last or event.kind not in allowed:
            break
        allowed, last = TRANSITIONS[event.kind], event.on
    else:
        return
    state, last = EventKind.RECEIVED, instance.received_on
    for index, event in enumerate(events):
        if event.on < last:
            raise LifecycleError(f"events[{index}].on", event.on.isoformat(),
                                 f"expected a date on or after {last.isoformat()}")
        if event.kind not in TRANSITIONS[state]:
            raise LifecycleError(f"events[{index}].kind", event.kind.code,
                                 f"expected no '{event.kind.code}' after '{state.code}'")
        state, last = event.kind, event.on


@frozen
class Petition:
    """A complaint, denunciation, feedback (kiến nghị, phản ánh) or other petition and what became of it.

    ``crowd_size`` is set for a crowd delegation (đoàn đông người) and gives the
    number of people in it. ``complexity``, ``remote_area`` (vùng sâu, vùng xa),
    ``second_instance``, ``discipline`` (a complaint against a disciplinary
    decision on an official, Luật Khiếu nại 2011 Art. 50) and ``multi_site``
    (a denunciation needing verification at several places, Luật Tố cáo 2018
    Art. 24(1)) choose the legal time limit that applies; ``known_on`` is the
    day the complainant learned of the decision, from which the filing
    limitation runs (Luật Khiếu nại 2011 Art. 9).
    """

    id: str = field(validator=v.code)
    kind: PetitionKind = field(validator=v.member(PetitionKind))
    received_on: dt.date = field(validator=v.date)
    unit: str = field(validator=v.code)
    channel: Channel = field(default=Channel.MAIL, validator=v.member(Channel))
    in_jurisdiction: bool = field(default=True, validator=v.flag)
    crowd_size: int | None = field(default=None, validator=v.optional(v.count))
    complexity: Complexity = field(default=Complexity.ORDINARY, validator=v.member(Complexity))
    remote_area: bool = field(default=False, validator=v.flag)
    second_instance: bool = field(default=False, validator=v.flag)
    discipline: bool = field(default=False, validator=v.flag)
    multi_site: bool = field(default=False, validator=v.flag)
    known_on: dt.date | None = field(default=None, validator=v.optional(v.date))
    events: tuple[PetitionEvent, ...] = field(default=(), validator=[_EVENTS, _check_lifecycle])

    def __attrs_post_init__(self) -> None:
        if self.crowd_size is not None and self.crowd_size < 2:
            raise FieldError("crowd_size", self.crowd_size, "expected at least 2 people")
        if self.kind is not _COMPLAINT and (
                self.second_instance or self.discipline or self.known_on is not None):
            complaint_only = {"second_instance": self.second_instance,
                              "discipline": self.discipline, "known_on": self.known_on is not None}
            for name, is_set in complaint_only.items():
                if is_set:
                    raise FieldError(name, getattr(self, name), "expected it only on a complaint")
        if self.multi_site and self.kind is not _DENUNCIATION:
            raise FieldError("multi_site", True, "expected it only on a denunciation")
        if self.known_on is not None and self.known_on > self.received_on:
            raise FieldError("known_on", self.known_on.isoformat(),
                             f"expected a day on or before receipt ({self.received_on})")

    @property
    def state(self) -> EventKind:
        """The latest step (``RECEIVED`` when nothing happened yet)."""
        return self.events[-1].kind if self.events else EventKind.RECEIVED

    def state_on(self, day: dt.date) -> EventKind | None:
        """The step the petition was at on ``day``; ``None`` before it was received."""
        if day < self.received_on:
            return None
        state = EventKind.RECEIVED
        for event in self.events:
            if event.on > day:
                break
            state = event.kind
        return state

    def first(self, kind: EventKind) -> PetitionEvent | None:
        """The first event of ``kind``, if any."""
        return next((e for e in self.events if e.kind is kind), None)

    @property
    def accepted_on(self) -> dt.date | None:
        """The day it was accepted (thụ lý), if it was."""
        event = self.first(EventKind.ACCEPTED)
        return event.on if event else None

    @property
    def closed_on(self) -> dt.date | None:
        """The day of its closing event (resolved, declined, transferred, withdrawn)."""
        return self.events[-1].on if self.state in CLOSING_EVENTS else None

    @property
    def is_resolved(self) -> bool:
        """Whether it ended in a resolution (giải quyết xong)."""
        return self.state is EventKind.RESOLVED

    @property
    def is_crowd(self) -> bool:
        """Whether it was brought by a crowd delegation (đoàn đông người)."""
        return self.crowd_size is not None

    def with_event(self, kind: EventKind, on: dt.date, **extra: Any) -> Petition:
        """A copy with one more event; the lifecycle is checked again."""
        return evolve(self, events=(*self.events, PetitionEvent(kind, on, **extra)))
