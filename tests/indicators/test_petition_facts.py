"""The facts the time-limit indicators share: the short way (one plan per kind, circumstances and
start day) gives what :func:`~danvan.law.deadlines.stage_deadline` gives petition by petition.

Petitions follow random lifecycles (extensions, suspensions and all), many sharing their
start day, so that plans are reused; the record engine's on-time rates and overdue backlog
must equal those of :mod:`danvan.indicators.timeliness`, which runs ``stage_deadline`` whole.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import example, given, settings, strategies as st

from danvan.indicators import compute
from danvan.indicators.timeliness import deadline_or_unassessed, on_time_rate, overdue_backlog
from danvan.law.deadlines import Stage, StageDeadline
from danvan.records.dataset import Dataset
from danvan.records.petitions import TRANSITIONS, Petition, PetitionEvent
from danvan.records.units import Unit
from danvan.records.vocabulary import Complexity, EventKind, PetitionKind, UnitLevel
from danvan.values import Rate

UNITS = (Unit("H", "Huyện H", UnitLevel.DISTRICT), Unit("X1", "Xã 1", UnitLevel.COMMUNE, parent="H"))
#: Start days around rule changes (Luật Tố cáo 2018 from 2019) and the end of the period.
DAYS = (dt.date(2018, 12, 20), dt.date(2019, 1, 2), dt.date(2025, 11, 3), dt.date(2025, 12, 1),
        dt.date(2025, 12, 24))

#: (which next event, by code: 0 is acceptance after receipt, an extension after it; days after
#: the last event, few, so that starts coincide; days of an extension)
steps = st.lists(st.tuples(st.sampled_from([0, 0, 0, 1, 2, 3, 4, 5]), st.sampled_from([0, 2, 9, 30]),
                           st.integers(0, 60)), max_size=5)
petitions = st.lists(st.tuples(st.sampled_from(DAYS), st.sampled_from(list(PetitionKind)),
                               st.sampled_from([Complexity.ORDINARY, Complexity.COMPLEX]),
                               st.booleans(), steps), min_size=1, max_size=60)


def _petition(i: int, received: dt.date, kind: PetitionKind, complexity: Complexity,
              within: bool, walk: list[tuple[int, int, int]]) -> Petition:
    events, state, on = [], EventKind.RECEIVED, received
    for choice, gap, days in walk:
        nexts = sorted(TRANSITIONS[state], key=lambda k: k.code)
        if not nexts:
            break
        state = nexts[choice % len(nexts)]
        on += dt.timedelta(days=gap)
        events.append(PetitionEvent(state, on, days=days if state is EventKind.EXTENDED else None))
    return Petition(f"P{i}", kind, received, "X1", complexity=complexity, in_jurisdiction=within,
                    events=tuple(events))


def _dataset(rows: list[Any]) -> Dataset:
    return Dataset(units=UNITS, petitions=tuple(_petition(i, *row) for i, row in enumerate(rows)))


#: Two denunciations accepted the same day, the second extended: they share no due date.
TWINS = [(DAYS[2], PetitionKind.DENUNCIATION, Complexity.COMPLEX, True, walk)
         for walk in ([(0, 2, 0)], [(0, 2, 0), (0, 0, 30), (2, 40, 0)])]


@settings(max_examples=100, deadline=None)
@given(petitions, st.sampled_from(["2025-12", "2025", "2019-01"]))
@example(TWINS, "2025")
@example(TWINS[::-1], "2025")
def test_short_way_gives_what_stage_deadline_gives(rows: list[Any], period: str) -> None:
    data = _dataset(rows)
    for stage, ident in ((Stage.ACCEPTANCE, "petitions.acceptance_on_time_rate"),
                         (Stage.RESOLUTION, "petitions.resolution_on_time_rate")):
        result = compute(data, ident, scope="H", period=period)
        assert result.period is not None
        whole = on_time_rate(data.petitions, stage, result.period, strict=False)
        assert result.value == whole.rate == Rate(len(whole.met), len(whole.met) + len(whole.missed))
        assert result.numerator_ids == whole.met
        assert set(result.denominator_ids) == {*whole.met, *whole.missed}
        for ids in (whole.pending, whole.unassessed):
            assert all(any(i in note for note in result.notes) for i in ids)
        counted = {*whole.met, *whole.missed}
        for petition in data.petitions:
            if petition.id not in counted:
                continue
            deadline = deadline_or_unassessed(petition, stage, result.period.last, strict=False)
            if isinstance(deadline, StageDeadline):
                assert {f"{petition.id}: {n}" for n in deadline.notes} <= set(result.notes)
    overdue = compute(data, "petitions.overdue_backlog", scope="H", period=period)
    assert overdue.period is not None
    backlog = overdue_backlog(data.petitions, overdue.period.last, strict=False)
    assert set(overdue.numerator_ids) == set(backlog.ids)
    assert overdue.value == backlog.count
