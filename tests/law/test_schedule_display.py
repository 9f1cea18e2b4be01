"""Deadlines in a notebook: short reprs of stages and schedules, and the timeline HTML."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings, strategies as st

from danvan.errors import DanvanError
from danvan.law.schedule import Schedule, schedule
from danvan.records.petitions import Petition, PetitionEvent
from danvan.records.units import UnitRegistry
from danvan.records.vocabulary import EventKind, PetitionKind
from danvan.testing import petitions, unit_registries

D = dt.date


def _plan() -> Schedule:
    p = Petition("KN-<1>", PetitionKind.COMPLAINT, D(2026, 2, 13), "X1",
                 events=(PetitionEvent(EventKind.ACCEPTED, D(2026, 2, 23)),))
    return schedule(p, as_of=D(2026, 3, 1))


def test_stage_and_schedule_reprs() -> None:
    """A stage shows petition, stage, start, due and outcome; a schedule each stage's due date."""
    plan = _plan()
    accepted = repr(next(iter(plan)))
    assert accepted == ("<StageDeadline KN-<1> acceptance: from 2026-02-13, due 2026-03-06, "
                        "completed 2026-02-23 (met)>")
    assert repr(plan).startswith("<Schedule KN-<1>: acceptance due 2026-03-06")


def test_timeline_html_escapes_and_marks_days_off() -> None:
    """The timeline has one row per stage, a cell per day, Tết named on hover, text escaped."""
    page = _plan()._repr_html_()
    assert "KN-&lt;1&gt;" in page
    assert "KN-<1>" not in page
    assert page.count("<tr>") >= len(_plan()) + 1
    assert "Tết" in page  # 14–20 February 2026 are the Tết days off
    assert "title=\"23/02/2026: hoàn thành\"" in page


@st.composite
def _petitions(draw: st.DrawFn) -> Petition:
    registry: UnitRegistry = draw(unit_registries(max_units=4))
    return draw(petitions(registry))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_petitions())
def test_reprs_stay_short(petition: Petition) -> None:
    """Any stage's repr fits on a line (at most 160 characters), a schedule's in 400."""
    try:
        plan = schedule(petition, strict=False)
    except DanvanError:
        return
    assert len(repr(plan)) <= 400
    for stage in plan:
        assert len(repr(stage)) <= 160
        assert repr(stage).startswith(f"<StageDeadline {petition.id[:39]}")
    assert plan._repr_html_().startswith("<table>")
