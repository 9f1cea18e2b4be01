"""Tests for danvan.indicators.timeliness: on-time rates, backlog, ageing, processing time."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import given, strategies as st

from danvan.errors import FieldError, LifecycleError
from danvan.indicators.timeliness import (
    Durations,
    ageing,
    oldest_pending,
    on_time_rate,
    overdue_backlog,
    processing_time,
)
from danvan.law.deadlines import AcceptanceReading, Circumstance, Stage, rule_book
from danvan.records.petitions import Petition, PetitionEvent
from danvan.records.vocabulary import EventKind, PetitionKind
from danvan.values import Rate
from danvan.values.periods import Period

D = dt.date
E = EventKind
MARCH = Period.parse("2026-03")
#: Complaint acceptance read as the Law words it (10 calendar days), as these dates were worked.
LAW_RULES = rule_book(AcceptanceReading.LAW)


def complaint(pid: str, received: dt.date, *events: tuple[EventKind, dt.date], **fields: Any,
              ) -> Petition:
    return Petition(pid, PetitionKind.COMPLAINT, received, "X1",
                    events=tuple(PetitionEvent(kind, on) for kind, on in events), **fields)


#: Complaints; acceptance is due 10 calendar days after receipt (Luật Khiếu nại 2011 Art. 27),
#: moved to the next working day when that day is off (BLDS 2015 Art. 148(5)).
PETITIONS = (
    # received Mon 2/3, due Thu 12/3, accepted 10/3: met; resolution due 9/4, resolved 1/4: met
    complaint("P1", D(2026, 3, 2), (E.ACCEPTED, D(2026, 3, 10)), (E.RESOLVED, D(2026, 4, 1))),
    # received Tue 3/3, due Fri 13/3, accepted Mon 16/3: missed
    complaint("P2", D(2026, 3, 3), (E.ACCEPTED, D(2026, 3, 16))),
    # received Thu 5/3, due Sun 15/3 -> Mon 16/3, never accepted: missed
    complaint("P3", D(2026, 3, 5)),
    # received Wed 25/3, due Sat 4/4 -> Mon 6/4: not due in March
    complaint("P4", D(2026, 3, 25)),
    # received Wed 4/3, withdrawn 6/3 before its due date: not counted
    complaint("P5", D(2026, 3, 4), (E.WITHDRAWN, D(2026, 3, 6))),
    # received Sun 1/3, due Wed 11/3, withdrawn 20/3 after it: missed
    complaint("P6", D(2026, 3, 1), (E.WITHDRAWN, D(2026, 3, 20))),
    # received Fri 2/1, accepted Mon 5/1; resolution due Wed 4/2/2026, still open
    complaint("P8", D(2026, 1, 2), (E.ACCEPTED, D(2026, 1, 5))),
    # a denunciation of 2018: no time limit of the catalogue was in force
    Petition("P7", PetitionKind.DENUNCIATION, D(2018, 3, 5), "X1"),
)


def test_acceptance_on_time_rate_in_march() -> None:
    """Acceptance due in March 2026: P1 met; P2 late, P3 never accepted, P6 withdrawn after due: 1/4."""
    result = on_time_rate(PETITIONS, Stage.ACCEPTANCE, MARCH, rules=LAW_RULES)
    assert result.rate == Rate(1, 4)
    assert result.met == ("P1",)
    assert result.missed == ("P2", "P3", "P6")
    assert result.unassessed == ("P7",)
    assert result.as_of == D(2026, 3, 31)


def test_on_time_rate_as_of_a_day_leaves_the_last_day_pending() -> None:
    """On 13/3, P2's last day, P2 is still pending (a period ends at 24:00), as is P3; P6 missed."""
    result = on_time_rate(PETITIONS, Stage.ACCEPTANCE, MARCH, as_of=D(2026, 3, 13),
                          rules=LAW_RULES)
    assert (result.met, result.missed, result.pending) == (("P1",), ("P6",), ("P2", "P3"))


def test_resolution_on_time_rate() -> None:
    """Resolution due in April 2026: P1 (due 9/4, resolved 1/4) met; P2 (accepted 16/3, due 15/4) missed."""
    result = on_time_rate(PETITIONS, Stage.RESOLUTION, Period.parse("2026-04"))
    assert (result.met, result.missed) == (("P1",), ("P2",))
    with pytest.raises(FieldError, match="stage"):
        on_time_rate(PETITIONS, Stage.APPEAL, MARCH)
    with pytest.raises(FieldError, match="period"):
        on_time_rate(PETITIONS, Stage.ACCEPTANCE, "2026-03")  # type: ignore[arg-type]


def test_circumstances_per_petition() -> None:
    """A remote-area complaint resolved 10/4: on time under Art. 28 (45 days, 16/4), late as a
    discipline complaint under Art. 50 (30 days, 1/4), a circumstance given per petition."""
    p = complaint("D1", D(2026, 3, 2), (E.ACCEPTED, D(2026, 3, 2)), (E.RESOLVED, D(2026, 4, 10)),
                  remote_area=True)
    april = Period.parse("2026-04")
    assert on_time_rate([p], Stage.RESOLUTION, april).met == ("D1",)
    discipline = on_time_rate([p], Stage.RESOLUTION, april,
                              circumstances=lambda _: [Circumstance.DISCIPLINE])
    assert discipline.missed == ("D1",)


def test_overdue_backlog() -> None:
    """On 20/3/2026, P8's resolution is 44 days overdue (due 4/2) and P3's acceptance 4 days (due 16/3)."""
    backlog = overdue_backlog(PETITIONS, D(2026, 3, 20), rules=LAW_RULES)
    assert backlog.ids == ("P8", "P3")
    assert [(i.stage, i.due, i.days_overdue) for i in backlog.items] == [
        (Stage.RESOLUTION, D(2026, 2, 4), 44), (Stage.ACCEPTANCE, D(2026, 3, 16), 4)]
    assert backlog.count == 2
    assert backlog.unassessed == ("P7",)


def test_ageing_and_oldest_pending() -> None:
    """On 31/3/2026 P7 (2018), P8 (88 days), P1 (29), P2 (28), P3 (26), P4 (6) are open; P5, P6 closed."""
    result = ageing(PETITIONS, D(2026, 3, 31))
    assert result.counts() == {"1–10": 1, "11–30": 3, "31–45": 0, "46–60": 0, "61–90": 1,
                               "over 90": 1}
    assert result.buckets[0].ids == ("P4",)
    assert result.buckets[-1].ids == ("P7",)
    oldest = oldest_pending(PETITIONS, D(2026, 3, 31), n=3)
    assert [(p.petition_id, p.age) for p in oldest] == [("P7", 2948), ("P8", 88), ("P1", 29)]
    with pytest.raises(FieldError, match="bounds"):
        ageing(PETITIONS, D(2026, 3, 31), bounds=(30, 10))
    with pytest.raises(FieldError, match="n"):
        oldest_pending(PETITIONS, D(2026, 3, 31), n=0)


def test_processing_time_of_resolution() -> None:
    """Resolutions in 2026: P1 took 22 days (10/3 to 1/4), 16 working days; the scope merges exactly."""
    result = processing_time(PETITIONS, Period.parse("2026"))
    assert result.ids == ("P1",)
    assert result.calendar_days.counts == ((22, 1),)
    assert result.working_days.counts == ((16, 1),)
    other = processing_time([complaint("Q", D(2026, 5, 4), (E.ACCEPTED, D(2026, 5, 4)),
                                       (E.RESOLVED, D(2026, 5, 14)))], Period.parse("2026"))
    both = result + other
    assert both.ids == ("P1", "Q")
    assert both.calendar_days.median == Fraction(16)
    acceptance = processing_time(PETITIONS, MARCH, stage=Stage.ACCEPTANCE)
    assert acceptance.ids == ("P1", "P2")
    assert acceptance.calendar_days.max == 13
    with pytest.raises(FieldError, match="stage"):
        processing_time(PETITIONS, MARCH, stage=Stage.APPEAL)


def test_durations_statistics_by_hand() -> None:
    """Durations 2, 5, 5, 9, 30, 41: median 7, mean 46/3, nearest-rank p90 = rank 6 = 41, p50 = rank 3 = 5."""
    d = Durations.of([41, 5, 2, 9, 5, 30])
    assert (d.count, d.median, d.mean, d.max) == (6, Fraction(7), Fraction(46, 3), 41)
    assert d.percentile(90) == 41
    assert d.percentile(50) == 5
    assert Durations().median is None
    assert Durations().percentile(90) is None
    with pytest.raises(FieldError, match="p"):
        d.percentile(0)
    with pytest.raises(FieldError, match="values"):
        Durations.of([-1])


values = st.lists(st.integers(0, 400), max_size=40)


@given(values, values)
def test_parent_statistics_come_from_raw_durations(a: list[int], b: list[int]) -> None:
    """Merging two scopes gives the median, mean and percentile of all their raw durations together."""
    merged, raw = Durations.of(a) + Durations.of(b), sorted(a + b)
    assert merged == Durations.of(raw)
    if raw:
        n = len(raw)
        assert merged.median == Fraction(raw[(n - 1) // 2] + raw[n // 2], 2)
        assert merged.mean == Fraction(sum(raw), n)
        assert merged.percentile(90) == raw[-(-9 * n // 10) - 1]


@given(st.lists(st.tuples(st.dates(D(2025, 1, 1), D(2026, 12, 31)), st.booleans()), max_size=30),
       st.dates(D(2025, 1, 1), D(2026, 12, 31)))
def test_ageing_partitions_pending_petitions(rows: list[tuple[dt.date, bool]], as_of: dt.date) -> None:
    """Every petition open on a day is in exactly one ageing bucket."""
    ps = [complaint(f"P{i}", day, *([(E.WITHDRAWN, day)] if closed else []))
          for i, (day, closed) in enumerate(rows)]
    result = ageing(ps, as_of)
    open_ids = sorted(p.id for p in ps if p.received_on <= as_of and not (
        p.closed_on and p.closed_on <= as_of))
    assert sorted(i for b in result.buckets for i in b.ids) == open_ids
    assert result.total == len(open_ids)


def test_unlawful_extension_raises_unless_lenient() -> None:
    """An extension of a complaint (Luật Khiếu nại has none) raises; with strict=False it is left out."""
    p = complaint("X", D(2026, 3, 2), (E.ACCEPTED, D(2026, 3, 2)), (E.EXTENDED, D(2026, 3, 20)),
                  (E.RESOLVED, D(2026, 4, 10)))
    april = Period.parse("2026-04")
    with pytest.raises(LifecycleError, match=r"X\.events\[1\]"):
        on_time_rate([p], Stage.RESOLUTION, april)
    assert on_time_rate([p], Stage.RESOLUTION, april, strict=False).missed == ("X",)


def test_on_time_rate_leaves_out_stages_ended_before_the_period() -> None:
    """An unassessed stage counts only if it was still open at some time in the period."""
    old = Petition("OLD", PetitionKind.DENUNCIATION, dt.date(2015, 3, 5), "X1", events=(
        PetitionEvent(EventKind.ACCEPTED, dt.date(2015, 3, 9)),
        PetitionEvent(EventKind.RESOLVED, dt.date(2015, 4, 1))))
    march = on_time_rate([old], Stage.RESOLUTION, Period.parse("2026-03"))
    assert march.unassessed == ()
    assert on_time_rate([old], Stage.RESOLUTION, Period.parse("2015")).unassessed == ("OLD",)
