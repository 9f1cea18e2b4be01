"""Tests for danvan.law.deadlines: counting days, the rule catalogue, petitions' due dates."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import pytest
from hypothesis import given, strategies as st

from danvan.errors import CalendarError, FieldError, LifecycleError, PeriodError, RuleError
from danvan.law.calendar import DEFAULT_CALENDAR
from danvan.law.deadlines import (
    DEFAULT_RULES,
    AcceptanceReading,
    Circumstance,
    ComplexityCriterion,
    DayKind,
    Limit,
    NoRuleInForceError,
    RuleBook,
    RuleSet,
    Stage,
    TimeLimitRule,
    Timeliness,
    due_date,
    elapsed,
    rule_book,
    stage_deadline,
)
from danvan.law.schedule import schedule
from danvan.records.petitions import Petition, PetitionEvent
from danvan.records.vocabulary import Channel, Complexity, EventKind, PetitionKind

D = dt.date
E = EventKind
CAL = DEFAULT_CALENDAR
#: The catalogue with complaint acceptance read as the Law words it (10 calendar days).
LAW_RULES = rule_book(AcceptanceReading.LAW)


def complaint(received: dt.date, *events: PetitionEvent, **fields: Any) -> Petition:
    return Petition("KN-1", PetitionKind.COMPLAINT, received, "X1", events=events, **fields)


def denunciation(received: dt.date, *events: PetitionEvent, **fields: Any) -> Petition:
    return Petition("TC-1", PetitionKind.DENUNCIATION, received, "X1", events=events, **fields)


# --- Counting (BLDS 2015 Art. 147, 148) -------------------------------------------------


def test_calendar_period_excludes_start_day() -> None:
    """A period of 10 days from Monday 2 March 2026 ends on Thursday 12 March (Art. 147)."""
    assert due_date(D(2026, 3, 2), 10) == D(2026, 3, 12)


def test_calendar_period_ending_in_tet_moves_to_next_working_day() -> None:
    """10 days from Wed 4/2/2026 end on Sat 14/2, in the Tết break: moved to Mon 23/2 (Art. 148(5))."""
    assert due_date(D(2026, 2, 4), 10) == D(2026, 2, 23)


def test_working_day_period_skips_tet() -> None:
    """10 working days from Fri 13/2/2026: 23–27/2 and 2–6/3 are the ten, so the period ends Fri 6/3."""
    assert due_date(D(2026, 2, 13), 10, DayKind.WORKING) == D(2026, 3, 6)


def test_due_date_rejects_bad_input() -> None:
    """A datetime, a negative number of days or a non-DayKind raise a FieldError naming the field."""
    with pytest.raises(FieldError, match="start"):
        due_date(dt.datetime(2026, 1, 1), 3)
    with pytest.raises(FieldError, match="days"):
        due_date(D(2026, 1, 1), -1)
    with pytest.raises(FieldError, match="day_kind"):
        due_date(D(2026, 1, 1), 1, "working")  # type: ignore[arg-type]


def test_elapsed_counts_calendar_and_working_days() -> None:
    """From 13/2 to 23/2/2026: 10 calendar days, 1 working day (the Tết break in between)."""
    spent = elapsed(D(2026, 2, 13), D(2026, 2, 23))
    assert (spent.calendar_days, spent.working_days) == (10, 1)
    with pytest.raises(PeriodError):
        elapsed(D(2026, 2, 23), D(2026, 2, 13))


days_2020s = st.dates(D(2020, 1, 1), D(2030, 12, 31))


@given(days_2020s, st.integers(0, 120), st.sampled_from(list(DayKind)))
def test_due_date_never_before_start(start: dt.date, days: int, kind: DayKind) -> None:
    """A due date is never before the start event, and after it for a period of 1 day or more."""
    due = due_date(start, days, kind)
    assert due >= start
    assert days == 0 or due > start


@given(days_2020s, st.integers(1, 60))
def test_working_day_limits_land_on_working_days(start: dt.date, days: int) -> None:
    """A period in working days ends on a working day, with exactly ``days`` working days after the start."""
    due = due_date(start, days, DayKind.WORKING)
    assert CAL.is_working_day(due)
    assert CAL.working_days_between(start, due) == days


@pytest.mark.parametrize(
    ("start", "days", "due"),
    [
        # Mon 2/3/2026 + 5: day 5 is Sat 7/3, a weekly rest day (so is Sun 8/3): Mon 9/3.
        (D(2026, 3, 2), 5, D(2026, 3, 9)),
        # Fri 6/2/2026 + 12: day 12 is Wed 18/2, mùng 2 Tết (break 14–22/2): Mon 23/2.
        (D(2026, 2, 6), 12, D(2026, 2, 23)),
        # Mon 5/1/2026 + 5: day 5 is Sat 10/1, worked in exchange for Fri 2/1: due that Saturday.
        (D(2026, 1, 5), 5, D(2026, 1, 10)),
        # Mon 17/8/2026 + 5: day 5 is Sat 22/8, worked in exchange for Mon 31/8: due that Saturday.
        (D(2026, 8, 17), 5, D(2026, 8, 22)),
        # Fri 26/12/2025 + 7: day 7 is Fri 2/1/2026, a swapped day off, then a weekend: Mon 5/1.
        (D(2025, 12, 26), 7, D(2026, 1, 5)),
        # Mon 2/3/2026 + 4: day 4 is Fri 6/3, a working day: due that day.
        (D(2026, 3, 2), 4, D(2026, 3, 6)),
    ],
)
def test_calendar_limit_on_day_off_moves_to_next_working_day(start: dt.date, days: int,
                                                             due: dt.date) -> None:
    """BLDS 2015 Art. 147 (start day not counted) and Art. 148(5) (a day off moves the end), by hand."""
    assert due_date(start, days) == due


@pytest.mark.parametrize(
    ("call", "error", "path"),
    [
        (lambda: elapsed("2026-01-01", D(2026, 1, 5)), FieldError, "start"),  # type: ignore[arg-type]
        (lambda: elapsed(None, D(2026, 1, 5)), FieldError, "start"),  # type: ignore[arg-type]
        (lambda: elapsed(D(2026, 1, 1), dt.datetime(2026, 1, 5, 9)), FieldError, "end"),
        (lambda: stage_deadline(complaint(D(2026, 3, 2)), Stage.ACCEPTANCE, as_of="2026-03-09"),  # type: ignore[arg-type]
         FieldError, "as_of"),
        (lambda: stage_deadline(complaint(D(2026, 3, 2)), Stage.FILING, known_on="2026-01-09"),  # type: ignore[arg-type]
         FieldError, "known_on"),
        (lambda: stage_deadline(complaint(D(2026, 3, 2)), Stage.ACCEPTANCE, circumstances=[[1]]),  # type: ignore[list-item]
         FieldError, "circumstances"),
        (lambda: schedule(complaint(D(2026, 3, 2)), circumstances=5),  # type: ignore[arg-type]
         FieldError, "circumstances"),
        (lambda: stage_deadline(complaint(D(2026, 3, 2)), Stage.ACCEPTANCE,
                                as_of=D(2026, 3, 9)).status(dt.datetime(2026, 3, 10, 9)),  # type: ignore[union-attr]
         FieldError, "on"),
        (lambda: due_date(D(9999, 12, 25), 10), CalendarError, "year"),
        (lambda: due_date(D(2199, 12, 25), 10**9), CalendarError, "year"),
    ],
)
def test_bad_arguments_raise_danvan_errors(call: Any, error: type[Exception], path: str) -> None:
    """Text, None, a datetime, a nested list or a day past 9999 are danvan errors, not TypeError."""
    with pytest.raises(error, match=path):
        call()


def test_extension_of_zero_days_is_refused() -> None:
    """A 0-day extension is outside "1 to 30 days": LifecycleError, or nothing added, with a note."""
    zero = denunciation(D(2026, 3, 2), PetitionEvent(E.ACCEPTED, D(2026, 3, 10)),
                        PetitionEvent(E.EXTENDED, D(2026, 4, 8), days=0), complexity=Complexity.COMPLEX)
    with pytest.raises(LifecycleError, match=r"events\[1\]\.days"):
        stage_deadline(zero, Stage.RESOLUTION)
    lenient = stage_deadline(zero, Stage.RESOLUTION, strict=False)
    assert lenient is not None
    assert lenient.extensions == ()  # nothing was added
    assert lenient.due == D(2026, 4, 9)  # Art. 30: 30 days from 10/3, nothing added
    assert any("counted as 0 days" in note for note in lenient.notes)


def test_rule_selection_cache_is_bounded_and_checks_the_day() -> None:
    """select keeps one entry per stage, kind, circumstances and set, not per day; in_force is per call."""
    book = RuleBook(DEFAULT_RULES.sets)
    held = frozenset({Circumstance.AT_RECEPTION})
    kind = PetitionKind.RECOMMENDATION
    for offset in range(2000):
        book.select(Stage.RESOLUTION, PetitionKind.COMPLAINT, frozenset(),
                    D(2019, 1, 1) + dt.timedelta(days=offset))
    assert len(book._cache) <= len(book.sets)
    assert book.select(Stage.RESPONSE, kind, held, D(2014, 7, 1)).id == "TCD2013.28"  # type: ignore[union-attr]
    with pytest.raises(NoRuleInForceError, match=r"TCD2013\.28"):
        book.select(Stage.RESPONSE, kind, held, D(2014, 6, 30))
    assert book.select(Stage.RESPONSE, kind, held, D(2014, 7, 1)).id == "TCD2013.28"  # type: ignore[union-attr]
    assert book.select(Stage.RESPONSE, kind, frozenset(), D(2014, 7, 1)) is None


# --- The worked example: a complaint received on the Friday before Tết 2026 ------------------


def test_complaint_received_friday_before_tet() -> None:
    """Complaint received Fri 13/2/2026, the day before the Tết break (14–22/2/2026).

    Acceptance, Luật Khiếu nại 2011 Art. 27: 10 days, the receipt day not counted
    (BLDS 2015 Art. 147): 14/2 is day 1 ... 23/2 is day 10, a Monday and a working
    day, so thụ lý is due 23/2 (the Tết days count: the Law says "ngày").
    Resolution, Art. 28: 30 days from acceptance on 23/2: 24/2 is day 1, 28/2
    day 5, 31/3 day 36 ... 25/3 is day 30, a Wednesday: due 25/3/2026.
    Complex case (Art. 28): 45 days, 9/4/2026 (Thursday); remote and complex:
    60 days, 24/4/2026 (Friday).
    """
    accepted = PetitionEvent(E.ACCEPTED, D(2026, 2, 23))
    plan = schedule(complaint(D(2026, 2, 13), accepted), as_of=D(2026, 3, 1), rules=LAW_RULES)
    assert plan[Stage.ACCEPTANCE].due == D(2026, 2, 23)
    assert plan[Stage.ACCEPTANCE].rule.basis.article == 27
    assert plan[Stage.ACCEPTANCE].met is True
    assert plan[Stage.RESOLUTION].due == D(2026, 3, 25)
    assert plan[Stage.RESOLUTION].rule.id == "KN2011.28"
    complex_case = complaint(D(2026, 2, 13), accepted, complexity=Complexity.COMPLEX)
    assert stage_deadline(complex_case, Stage.RESOLUTION).due == D(2026, 4, 9)  # type: ignore[union-attr]
    remote = complaint(D(2026, 2, 13), accepted, complexity=Complexity.COMPLEX, remote_area=True)
    assert stage_deadline(remote, Stage.RESOLUTION).due == D(2026, 4, 24)  # type: ignore[union-attr]


def test_complaint_acceptance_reading_before_july_2026() -> None:
    """Received Wed 4/2/2026: 10 working days (TT 07/2013 Art. 5(1), the default) give Wed 25/2;
    the Law's 10 days give Sat 14/2, in the Tết break, so Mon 23/2 (audit §2.3 case 1)."""
    p = complaint(D(2026, 2, 4))
    circular = stage_deadline(p, Stage.ACCEPTANCE)
    law = stage_deadline(p, Stage.ACCEPTANCE, rules=LAW_RULES)
    assert circular is not None
    assert law is not None
    assert (circular.rule.id, circular.due) == ("TT07.2013.5", D(2026, 2, 25))
    assert str(circular.rule.basis.document) == "07/2013/TT-TTCP"
    assert (law.rule.id, law.due) == ("KN2011.27", D(2026, 2, 23))
    assert "AcceptanceReading.LAW" in circular.rule.note
    # Second instance and discipline complaints: the same circular rule, or Art. 36 by the Law.
    second = attrs.evolve(p, second_instance=True, discipline=True)
    assert stage_deadline(second, Stage.ACCEPTANCE).rule.id == "TT07.2013.5"  # type: ignore[union-attr]
    assert stage_deadline(second, Stage.ACCEPTANCE, rules=LAW_RULES).rule.id == "KN2011.36"  # type: ignore[union-attr]
    # Before the circular (16/12/2013) the Law's calendar days apply whatever the reading.
    old = stage_deadline(complaint(D(2013, 12, 2)), Stage.ACCEPTANCE)
    assert old is not None
    assert (old.rule.id, old.due) == ("KN2011.27", D(2013, 12, 12))
    with pytest.raises(FieldError, match="acceptance"):
        rule_book("circular")  # type: ignore[arg-type]


@pytest.mark.parametrize(("received", "due"), [
    (D(2026, 8, 3), D(2026, 8, 12)),   # Mon: 4, 5, 6, 7, 10, 11, 12/8
    (D(2027, 1, 26), D(2027, 2, 4)),   # Tue: 27, 28, 29/1, 1, 2, 3, 4/2 (audit §2.3 case 5)
    (D(2026, 7, 1), D(2026, 7, 10)),
])
def test_complaint_acceptance_from_july_2026(received: dt.date, due: dt.date) -> None:
    """NĐ 155/2026 Art. 10 (NĐ 124/2020 Art. 16(1)): 07 working days, both instances, discipline too."""
    for fields in ({}, {"second_instance": True}, {"discipline": True},
                   {"discipline": True, "second_instance": True}):
        for rules in (DEFAULT_RULES, LAW_RULES):
            found = stage_deadline(complaint(received, **fields), Stage.ACCEPTANCE, rules=rules)
            assert found is not None
            assert (found.rule.id, found.due, found.rule.confirmed) == ("ND155.2026.10", due, True)
            assert str(found.rule.basis) == ("Nghị định sửa đổi Nghị định 124/2020/NĐ-CP "
                                             "155/2026/NĐ-CP, Art. 10")


def test_due_date_on_an_undecided_break_warns() -> None:
    """A denunciation received Mon 1/2/2027 is due Wed 17/2 under the assumed Tết 2027: explain() says so."""
    found = stage_deadline(denunciation(D(2027, 2, 1)), Stage.ACCEPTANCE)
    assert found is not None
    assert found.due == D(2027, 2, 17)
    assert len(found.assumptions()) == 1
    assert "not yet decided: Tết Âm lịch 2027" in found.assumptions()[0]
    assert "29 tháng Chạp" in str(found.explain())
    near = stage_deadline(complaint(D(2027, 1, 26)), Stage.ACCEPTANCE)
    assert near is not None
    assert near.assumptions()  # due Thu 4/2, the day before the assumed break
    decided = stage_deadline(complaint(D(2026, 8, 3)), Stage.ACCEPTANCE)
    assert decided is not None
    assert decided.assumptions() == ()
    assert "not yet decided" not in str(decided.explain())


def test_second_instance_limits() -> None:
    """Art. 37: second instance accepted 23/2/2026 is due in 45 days (9/4), remote + complex 70 (4/5)."""
    accepted = PetitionEvent(E.ACCEPTED, D(2026, 2, 23))
    plain = complaint(D(2026, 2, 13), accepted, second_instance=True)
    assert stage_deadline(plain, Stage.RESOLUTION).due == D(2026, 4, 9)  # type: ignore[union-attr]
    hard = complaint(D(2026, 2, 13), accepted, second_instance=True, remote_area=True,
                     complexity=Complexity.ESPECIALLY_COMPLEX)
    found = stage_deadline(hard, Stage.RESOLUTION)
    assert found is not None
    assert found.rule.id == "KN2011.37"
    assert found.due == D(2026, 5, 4)
    assert stage_deadline(plain, Stage.APPEAL) is None


def test_explanation_names_rule_basis_and_days_off() -> None:
    """The explanation cites the article, the start event, Art. 147 and the Tết days skipped by Art. 148."""
    found = stage_deadline(complaint(D(2026, 2, 4)), Stage.ACCEPTANCE, rules=LAW_RULES)
    text = str(found.explain())  # type: ignore[union-attr]
    assert "Luật Khiếu nại 02/2011/QH13, Art. 27" in text
    assert "2026-02-04" in text
    assert "Art. 147" in text
    assert "Art. 148(5)" in text
    assert "2026-02-16 Tết Âm lịch" in text
    assert "due: 2026-02-23" in text
    assert "not yet decided" not in text


# --- Denunciations (Luật Tố cáo 2018) -----------------------------------------------------


def test_denunciation_initial_processing_and_resolution_with_extensions() -> None:
    """Denunciation received Mon 2/3/2026, especially complex, accepted Tue 10/3, extended twice.

    Art. 24(1): 7 working days, 3–6/3 and 9–11/3: due Wed 11/3.
    Art. 30: 30 days from 10/3 (9/4) plus two extensions of 30 days: 90 days,
    10/3 + 90 = 8/6/2026, a Monday.
    """
    p = denunciation(D(2026, 3, 2), PetitionEvent(E.ACCEPTED, D(2026, 3, 10)),
                     PetitionEvent(E.EXTENDED, D(2026, 4, 8), days=30),
                     PetitionEvent(E.EXTENDED, D(2026, 5, 8), days=30),
                     complexity=Complexity.ESPECIALLY_COMPLEX)
    plan = schedule(p, as_of=D(2026, 5, 20))
    assert plan[Stage.ACCEPTANCE].due == D(2026, 3, 11)
    assert plan[Stage.RESOLUTION].due == D(2026, 6, 8)
    assert plan[Stage.RESOLUTION].extensions == ((D(2026, 4, 8), 30), (D(2026, 5, 8), 30))
    status = plan[Stage.RESOLUTION].status()
    assert status.timeliness is Timeliness.PENDING
    assert status.days_left == 19
    assert plan[Stage.NOTIFICATION].due == D(2026, 3, 17)


def test_one_extension_ending_on_saturday() -> None:
    """Complex denunciation accepted 10/3/2026, one 30-day extension: 60 days end Sat 9/5, so Mon 11/5."""
    p = denunciation(D(2026, 3, 2), PetitionEvent(E.ACCEPTED, D(2026, 3, 10)),
                     PetitionEvent(E.EXTENDED, D(2026, 4, 8), days=30), complexity=Complexity.COMPLEX)
    assert stage_deadline(p, Stage.RESOLUTION).due == D(2026, 5, 11)  # type: ignore[union-attr]


def test_extension_beyond_the_law_is_an_error_unless_lenient() -> None:
    """A second extension of a complex case, or one of 45 days, raises LifecycleError naming the event."""
    two = denunciation(D(2026, 3, 2), PetitionEvent(E.ACCEPTED, D(2026, 3, 10)),
                       PetitionEvent(E.EXTENDED, D(2026, 4, 8), days=30),
                       PetitionEvent(E.EXTENDED, D(2026, 5, 8), days=30), complexity=Complexity.COMPLEX)
    with pytest.raises(LifecycleError, match=r"TC-1\.events\[2\]"):
        stage_deadline(two, Stage.RESOLUTION)
    lenient = stage_deadline(two, Stage.RESOLUTION, strict=False)
    assert lenient is not None
    assert lenient.due == D(2026, 5, 11)
    assert lenient.notes
    long = denunciation(D(2026, 3, 2), PetitionEvent(E.ACCEPTED, D(2026, 3, 10)),
                        PetitionEvent(E.EXTENDED, D(2026, 4, 8), days=45), complexity=Complexity.COMPLEX)
    with pytest.raises(LifecycleError, match=r"events\[1\]\.days"):
        stage_deadline(long, Stage.RESOLUTION)
    ordinary = denunciation(D(2026, 3, 2), PetitionEvent(E.ACCEPTED, D(2026, 3, 10)),
                            PetitionEvent(E.EXTENDED, D(2026, 4, 8), days=10))
    with pytest.raises(LifecycleError, match="at most 0 extension"):
        stage_deadline(ordinary, Stage.RESOLUTION)


def test_forwarding_skips_hung_kings_and_may_day() -> None:
    """A denunciation outside jurisdiction received Fri 24/4/2026 must be forwarded in 5 working days.

    27/4 is the day off for Giỗ Tổ (Sunday 26/4), 30/4–3/5 are holidays and a
    weekend: 28/4, 29/4, 4/5, 5/5, 6/5 are the five, so due Wed 6/5/2026 (Art. 24(2)).
    """
    p = denunciation(D(2026, 4, 24), PetitionEvent(E.TRANSFERRED, D(2026, 5, 5), to_unit="X2"),
                     in_jurisdiction=False)
    plan = schedule(p)
    assert [s.stage for s in plan] == [Stage.FORWARDING]
    assert plan[Stage.FORWARDING].due == D(2026, 5, 6)
    assert plan[Stage.FORWARDING].met is True
    skipped = [day for day, _ in plan[Stage.FORWARDING].explain().skipped]
    assert D(2026, 4, 27) in skipped
    assert D(2026, 4, 30) in skipped
    assert D(2026, 5, 1) in skipped


def test_denunciation_before_2019_has_no_rule_in_force() -> None:
    """The catalogue's denunciation rules start on 1/1/2019: earlier ones raise NoRuleInForceError."""
    with pytest.raises(NoRuleInForceError, match=r"TC2018\.24\.1"):
        stage_deadline(denunciation(D(2018, 6, 1)), Stage.ACCEPTANCE)


# --- Suspension (tạm đình chỉ) ---------------------------------------------------------------


def test_suspended_complaint_clock_stops_and_resumes() -> None:
    """Complaint accepted Mon 24/8/2026, suspended 1/9, resumed 11/9, resolved 9/10/2026.

    Art. 28: 30 days. 25/8–1/9 uses 8 days; 22 are left and count from the day
    after the decision to continue (11/9, NĐ 124/2020 Art. 28b(2)): 11/9 + 22 =
    Sat 3/10, so Mon 5/10 (Art. 148(5)). Resolved 9/10: late.
    """
    events = (PetitionEvent(E.ACCEPTED, D(2026, 8, 24)), PetitionEvent(E.SUSPENDED, D(2026, 9, 1)),
              PetitionEvent(E.RESUMED, D(2026, 9, 11)), PetitionEvent(E.RESOLVED, D(2026, 10, 9)))
    p = complaint(D(2026, 8, 14), *events)
    during = stage_deadline(p, Stage.RESOLUTION, as_of=D(2026, 9, 8))
    assert during is not None
    assert during.due is None
    assert during.status().timeliness is Timeliness.SUSPENDED
    final = stage_deadline(p, Stage.RESOLUTION)
    assert final is not None
    assert final.due == D(2026, 10, 5)
    assert final.met is False
    assert final.status(D(2026, 10, 9)).timeliness is Timeliness.LATE
    taken = final.days_taken
    assert taken is not None
    assert taken.calendar_days == 46
    assert "suspended on 2026-09-01, resumed on 2026-09-11" in str(final.explain())


def test_complaint_suspended_before_july_2026_keeps_its_clock() -> None:
    """Before 1/7/2026 a complaint's suspension has no legal basis: accepted 23/2/2026, due 25/3 still.

    A suspension on or after 1/7/2026 of a complaint accepted before stops the
    clock (NĐ 155/2026 Art. 15(1)); a denunciation's always does (Luật Tố cáo Art. 34).
    """
    early = complaint(D(2026, 2, 13), PetitionEvent(E.ACCEPTED, D(2026, 2, 23)),
                      PetitionEvent(E.SUSPENDED, D(2026, 3, 3)),
                      PetitionEvent(E.RESUMED, D(2026, 3, 13)))
    found = stage_deadline(early, Stage.RESOLUTION)
    assert found is not None
    assert found.due == D(2026, 3, 25)
    assert found.suspensions == ()
    assert "does not stop the clock" in found.notes[0]
    assert "does not stop the clock" in str(found.explain())
    late = complaint(D(2026, 5, 20), PetitionEvent(E.ACCEPTED, D(2026, 6, 25)),
                     PetitionEvent(E.SUSPENDED, D(2026, 7, 2)))
    stopped = stage_deadline(late, Stage.RESOLUTION)
    assert stopped is not None
    assert stopped.due is None
    assert stopped.rule.id == "KN2011.28"
    denounced = denunciation(D(2026, 2, 13), PetitionEvent(E.ACCEPTED, D(2026, 2, 23)),
                             PetitionEvent(E.SUSPENDED, D(2026, 3, 3)))
    paused = stage_deadline(denounced, Stage.RESOLUTION)
    assert paused is not None
    assert paused.due is None


@given(st.dates(D(2021, 1, 1), D(2029, 12, 31)), st.integers(0, 80), st.integers(0, 60),
       st.sampled_from([PetitionKind.COMPLAINT, PetitionKind.DENUNCIATION]))
def test_suspension_never_shortens_a_time_limit(accepted: dt.date, stop_after: int, pause: int,
                                                kind: PetitionKind) -> None:
    """Suspending and resuming never makes the resolution due date earlier."""
    base = Petition("P", kind, accepted, "X1", events=(PetitionEvent(E.ACCEPTED, accepted),))
    stop = accepted + dt.timedelta(days=stop_after)
    paused = base.with_event(E.SUSPENDED, stop).with_event(E.RESUMED, stop + dt.timedelta(days=pause))
    plain, later = stage_deadline(base, Stage.RESOLUTION), stage_deadline(paused, Stage.RESOLUTION)
    assert plain is not None
    assert later is not None
    assert plain.due
    assert later.due
    assert later.due >= plain.due >= accepted
    if stop > plain.due:
        assert later.due == plain.due


kinds = st.sampled_from(list(PetitionKind))


@st.composite
def petitions(draw: st.DrawFn) -> Petition:
    received = draw(st.dates(D(2019, 1, 1), D(2029, 12, 31)))
    kind = draw(kinds)
    events: list[PetitionEvent] = []
    day = received
    if draw(st.booleans()):
        day += dt.timedelta(days=draw(st.integers(0, 20)))
        events.append(PetitionEvent(E.ACCEPTED, day))
        if draw(st.booleans()):
            day += dt.timedelta(days=draw(st.integers(0, 40)))
            events.append(PetitionEvent(E.SUSPENDED, day))
            day += dt.timedelta(days=draw(st.integers(0, 40)))
            events.append(PetitionEvent(E.RESUMED, day))
        if draw(st.booleans()):
            day += dt.timedelta(days=draw(st.integers(0, 90)))
            events.append(PetitionEvent(E.RESOLVED, day))
    return Petition("P", kind, received, "X1", channel=draw(st.sampled_from(list(Channel))),
                    in_jurisdiction=draw(st.booleans()), complexity=draw(st.sampled_from(list(Complexity))),
                    remote_area=draw(st.booleans()), events=tuple(events))


@given(petitions())
def test_every_stage_is_due_after_its_start(petition: Petition) -> None:
    """For any petition, every stage with a due date is due after its start event, on a working day."""
    for stage in schedule(petition):
        if stage.due is not None:
            assert stage.start is not None
            assert stage.due > stage.start
            assert CAL.is_working_day(stage.due)


# --- Recommendations at citizen reception ------------------------------------------------------


def test_recommendation_at_reception_answered_in_ten_working_days() -> None:
    """Recommendation received at reception Thu 12/2/2026: 13/2, 23–27/2, 2–5/3 are 10 working days: due 5/3.

    Luật Tiếp công dân 2013 Art. 28(1).
    """
    p = Petition("KN-2", PetitionKind.RECOMMENDATION, D(2026, 2, 12), "X1",
                 channel=Channel.CITIZEN_RECEPTION,
                 events=(PetitionEvent(E.ACCEPTED, D(2026, 3, 6)),))
    plan = schedule(p)
    assert [s.stage for s in plan] == [Stage.RESPONSE]
    response = plan[Stage.RESPONSE]
    assert response.due == D(2026, 3, 5)
    assert response.rule.basis.clause == 1
    assert response.met is False
    by_mail = attrs.evolve(p, channel=Channel.MAIL)
    assert len(schedule(by_mail)) == 0


# --- Status ------------------------------------------------------------------------------------


def test_status_as_of_a_day() -> None:
    """Pending with days left, due within N days, then overdue by N days; early days are refused."""
    p = complaint(D(2026, 3, 2))
    pending = stage_deadline(p, Stage.ACCEPTANCE, as_of=D(2026, 3, 9), rules=LAW_RULES)
    assert pending is not None
    assert pending.due == D(2026, 3, 12)
    status = pending.status()
    assert status.timeliness is Timeliness.PENDING
    assert status.days_left == 3
    assert status.working_days_left == 3
    assert status.due_within(3)
    assert not status.due_within(2)
    overdue = pending.status(D(2026, 3, 20))
    assert overdue.timeliness is Timeliness.OVERDUE
    assert overdue.overdue_by == 8
    assert "overdue by 8 days" in str(overdue)
    with pytest.raises(PeriodError):
        pending.status(D(2026, 3, 5))
    with pytest.raises(PeriodError):
        schedule(p, as_of=D(2026, 3, 1))


def test_withdrawn_petition_ends_its_stages() -> None:
    """A complaint withdrawn before acceptance: acceptance ENDED, no resolution stage."""
    p = complaint(D(2026, 3, 2), PetitionEvent(E.WITHDRAWN, D(2026, 3, 5)))
    plan = schedule(p)
    assert [s.stage for s in plan] == [Stage.ACCEPTANCE]
    assert plan[Stage.ACCEPTANCE].status().timeliness is Timeliness.ENDED
    with pytest.raises(RuleError):
        plan[Stage.RESOLUTION]


def test_not_started_resolution_shows_its_rule() -> None:
    """Before acceptance the resolution stage is listed, not started, with the rule that will apply."""
    found = stage_deadline(complaint(D(2026, 3, 2)), Stage.RESOLUTION)
    assert found is not None
    assert found.due is None
    assert found.rule.id == "KN2011.28"
    assert found.status(D(2026, 3, 3)).timeliness is Timeliness.NOT_STARTED


# --- Filing limitation, discipline complaints ------------------------------------------------------


def test_filing_limitation_from_known_on() -> None:
    """Art. 9: 90 days from learning of the decision (1/12/2025): 1/3/2026 is a Sunday, so Mon 2/3/2026."""
    p = complaint(D(2026, 3, 2))
    found = stage_deadline(p, Stage.FILING, known_on=D(2025, 12, 1))
    assert found is not None
    assert found.due == D(2026, 3, 2)
    assert found.met is True
    assert stage_deadline(p, Stage.FILING) is None
    with pytest.raises(FieldError, match="known_on"):
        stage_deadline(p, Stage.FILING, known_on=D(2026, 3, 3))


def test_discipline_complaint_rules() -> None:
    """Art. 50 resolves a discipline complaint in 30 days, 45 if complex, at first and second instance."""
    p = complaint(D(2026, 3, 2), PetitionEvent(E.ACCEPTED, D(2026, 3, 2)), complexity=Complexity.COMPLEX)
    found = stage_deadline(p, Stage.RESOLUTION, circumstances=[Circumstance.DISCIPLINE])
    assert found is not None
    assert found.rule.id == "KN2011.50"
    assert found.due == D(2026, 4, 16)
    second = attrs.evolve(p, second_instance=True)
    again = stage_deadline(second, Stage.RESOLUTION, circumstances=[Circumstance.DISCIPLINE])
    assert again is not None
    assert again.rule.id == "KN2011.50"
    assert again.due == D(2026, 4, 16)
    plain = stage_deadline(attrs.evolve(second, complexity=Complexity.ORDINARY), Stage.RESOLUTION,
                           circumstances=[Circumstance.DISCIPLINE])
    assert plain is not None
    assert plain.due == D(2026, 4, 1)
    with pytest.raises(FieldError, match="circumstances"):
        stage_deadline(p, Stage.RESOLUTION, circumstances=["discipline"])  # type: ignore[list-item]


def test_discipline_second_instance_filing_window() -> None:
    """Art. 48: a second discipline complaint within 10 days of the first decision, 30 for a dismissal.

    First decision Fri 6/3/2026: 10 days end Mon 16/3; 30 days end Sun 5/4, so Mon 6/4.
    """
    p = complaint(D(2026, 2, 2), PetitionEvent(E.ACCEPTED, D(2026, 2, 3)),
                  PetitionEvent(E.RESOLVED, D(2026, 3, 6)), discipline=True)
    window = stage_deadline(p, Stage.APPEAL)
    assert window is not None
    assert (window.rule.id, window.due) == ("KN2011.48.2", D(2026, 3, 16))
    dismissal = stage_deadline(p, Stage.APPEAL, circumstances=[Circumstance.DISMISSAL])
    assert dismissal is not None
    assert dismissal.due == D(2026, 4, 6)
    assert stage_deadline(attrs.evolve(p, discipline=False), Stage.APPEAL).rule.id == "KN2011.33"  # type: ignore[union-attr]


def test_follow_up_denunciations() -> None:
    """Tố cáo tiếp received Mon 2/3/2026: 20 days (Art. 37(2)) end Sun 22/3, so Mon 23/3;
    when the first was not resolved in time, 05 working days (Art. 38(2)): Mon 9/3."""
    p = denunciation(D(2026, 3, 2))
    follow = stage_deadline(p, Stage.ACCEPTANCE, circumstances=[Circumstance.FOLLOW_UP])
    assert follow is not None
    assert (follow.rule.id, follow.due) == ("TC2018.37", D(2026, 3, 23))
    overdue = stage_deadline(p, Stage.ACCEPTANCE, circumstances=[
        Circumstance.FOLLOW_UP, Circumstance.UNRESOLVED_IN_TIME])
    assert overdue is not None
    assert (overdue.rule.id, overdue.due) == ("TC2018.38", D(2026, 3, 9))
    assert stage_deadline(p, Stage.ACCEPTANCE).rule.id == "TC2018.24.1"  # type: ignore[union-attr]


def test_guiding_the_denouncer_completes_the_forwarding() -> None:
    """Art. 24(2): a denouncer outside jurisdiction who came in person is guided (hướng dẫn), in time."""
    p = denunciation(D(2026, 3, 2), PetitionEvent(E.GUIDED, D(2026, 3, 2)), in_jurisdiction=False)
    found = stage_deadline(p, Stage.FORWARDING)
    assert found is not None
    assert found.met is True


def test_select_validates_its_arguments_and_bounds_its_memo() -> None:
    """RuleBook.select refuses junk stages, kinds, circumstances and days; its memo stays small (F18)."""
    book = RuleBook(DEFAULT_RULES.sets)
    day = D(2026, 3, 2)
    with pytest.raises(FieldError, match="circumstances"):
        book.select(Stage.RESOLUTION, PetitionKind.COMPLAINT, frozenset({"junk"}), day)  # type: ignore[arg-type]
    with pytest.raises(FieldError, match="stage"):
        book.select("resolution", PetitionKind.COMPLAINT, frozenset(), day)  # type: ignore[arg-type]
    with pytest.raises(FieldError, match="kind"):
        book.select(Stage.RESOLUTION, "complaint", frozenset(), day)  # type: ignore[arg-type]
    with pytest.raises(FieldError, match="on"):
        book.select(Stage.RESOLUTION, PetitionKind.COMPLAINT, frozenset(), "2026-03-02")  # type: ignore[arg-type]
    for offset in range(2000):
        book.select(Stage.RESOLUTION, PetitionKind.COMPLAINT, frozenset(), day + dt.timedelta(offset))
    assert len(book._cache) <= 2


# --- Rule sets -------------------------------------------------------------------------------------


def test_rule_set_selected_by_start_event() -> None:
    """Accepted 30/6/2026: set vn-2012 (confirmed); accepted 1/7/2026: vn-2026 (carried over, unconfirmed)."""
    before = stage_deadline(complaint(D(2026, 6, 20), PetitionEvent(E.ACCEPTED, D(2026, 6, 30))),
                            Stage.RESOLUTION)
    after = stage_deadline(complaint(D(2026, 6, 20), PetitionEvent(E.ACCEPTED, D(2026, 7, 1))),
                           Stage.RESOLUTION)
    assert before is not None
    assert after is not None
    assert before.rule.confirmed
    assert not after.rule.confirmed
    assert "136/2025/QH15" in after.rule.note
    assert DEFAULT_RULES.set_on(D(2026, 7, 1)).name == "vn-2026"  # type: ignore[union-attr]


def test_register_a_new_rule_set() -> None:
    """A user's set for a 2026 decree replaces vn-2026; an overlapping new set is refused."""
    vn2026 = DEFAULT_RULES.set_on(D(2026, 7, 1))
    assert vn2026 is not None
    rule = DEFAULT_RULES.rule("ND155.2026.10", D(2026, 7, 1)).updated(
        day_kind=DayKind.CALENDAR, note="a reading of my own")
    mine = attrs.evolve(vn2026, rules=(*[r for r in vn2026.rules if r.id != rule.id], rule))
    book = DEFAULT_RULES.with_set(mine)
    found = stage_deadline(complaint(D(2026, 7, 1)), Stage.ACCEPTANCE, rules=book)
    assert found is not None
    assert found.rule.day_kind is DayKind.CALENDAR
    with pytest.raises(FieldError, match="overlap"):
        DEFAULT_RULES.with_set(RuleSet("other", D(2027, 1, 1), None, ()))
    with pytest.raises(RuleError):
        DEFAULT_RULES.replace(rule.updated(id="NEW"))
    added = DEFAULT_RULES.replace(rule.updated(id="NEW"), sets=["vn-2026"])
    assert added.rule("NEW").id == "NEW"


def test_rule_validation() -> None:
    """A rule needs an ordinary limit and a limit for every combination of variants."""
    basis = DEFAULT_RULES.rule("KN2011.28").basis
    make: dict[str, Any] = {"id": "X", "stage": Stage.RESOLUTION, "kinds": [PetitionKind.COMPLAINT],
            "day_kind": DayKind.CALENDAR, "completed_by": [E.RESOLVED], "basis": basis}
    with pytest.raises(FieldError, match="ordinary"):
        TimeLimitRule(limits=[Limit(30, [Circumstance.COMPLEX])], **make)
    with pytest.raises(FieldError, match="combination"):
        TimeLimitRule(limits=[Limit(30), Limit(45, [Circumstance.COMPLEX]),
                              Limit(45, [Circumstance.REMOTE_AREA])], **make)
    with pytest.raises(FieldError, match="days"):
        Limit(0)
    assert {r.id for s in DEFAULT_RULES for r in s.rules} >= {
        "KN2011.9", "KN2011.27", "KN2011.28", "KN2011.33", "KN2011.36", "KN2011.37", "KN2011.50",
        "TC2018.24.1", "TC2018.24.2", "TC2018.29.3", "TC2018.30", "TCD2013.28"}


def test_schedule_lists_stages_without_a_rule_in_force() -> None:
    """A complaint received at reception on Mon 6/5/2013, before the Law on Citizen Reception (1/7/2014).

    Acceptance (Art. 27) is due 16/5/2013; the reception answer has no rule in force: listed unavailable.
    """
    p = complaint(D(2013, 5, 6), channel=Channel.CITIZEN_RECEPTION)
    plan = schedule(p)
    assert [s.stage for s in plan] == [Stage.ACCEPTANCE, Stage.RESOLUTION, Stage.APPEAL]
    assert plan[Stage.ACCEPTANCE].due == D(2013, 5, 16)
    assert [stage for stage, _ in plan.unavailable] == [Stage.RESPONSE]
    assert "TCD2013.28" in plan.unavailable[0][1]


# --- Circumstances recorded on the petition itself ---------------------------------------


def test_petition_fields_drive_the_rules() -> None:
    """discipline, multi_site and known_on on the record give the same limits as passing them."""
    accepted = PetitionEvent(E.ACCEPTED, D(2026, 3, 2))
    flagged = complaint(D(2026, 3, 2), accepted, complexity=Complexity.COMPLEX, discipline=True)
    by_field = stage_deadline(flagged, Stage.RESOLUTION)
    assert by_field is not None
    assert by_field.rule.id == "KN2011.50"
    assert by_field.due == D(2026, 4, 16)
    learned = complaint(D(2026, 3, 2), known_on=D(2025, 12, 1))
    filing = stage_deadline(learned, Stage.FILING)
    assert filing is not None
    assert filing.due == D(2026, 3, 2)
    plain = denunciation(D(2026, 3, 2))
    wide = denunciation(D(2026, 3, 2), multi_site=True)
    short, long = stage_deadline(plain, Stage.ACCEPTANCE), stage_deadline(wide, Stage.ACCEPTANCE)
    assert short is not None
    assert long is not None
    assert long.due > short.due


def test_complex_complaint_criteria_from_july_2026() -> None:
    """NĐ 124/2020 Art. 3a (NĐ 155/2026 Art. 2): seven criteria, one suffices, from 1/7/2026 only."""
    assert len(ComplexityCriterion) == 7
    assert ComplexityCriterion.makes_complex([ComplexityCriterion.MANY_PEOPLE], D(2026, 7, 1))
    assert not ComplexityCriterion.makes_complex([ComplexityCriterion.MANY_PEOPLE], D(2026, 6, 30))
    assert not ComplexityCriterion.makes_complex([], D(2027, 1, 1))
    with pytest.raises(FieldError, match="criteria"):
        ComplexityCriterion.makes_complex(["many_people"], D(2027, 1, 1))  # type: ignore[list-item]


def test_forwarded_denunciation_reports_back_in_20_days() -> None:
    """Luật Tố cáo Art. 26(2): forwarded by the press on Mon 2/3/2026, the result is notified by
    Sun 22/3, so Mon 23/3; a denunciation sent by mail has no such stage."""
    pressed = denunciation(D(2026, 3, 2), channel=Channel.PRESS)
    found = stage_deadline(pressed, Stage.REPORT_BACK)
    assert found is not None
    assert (found.rule.id, found.due) == ("TC2018.26.2", D(2026, 3, 23))
    assert Stage.REPORT_BACK in [s.stage for s in schedule(attrs.evolve(pressed, channel=Channel.FORWARDED))]
    assert stage_deadline(denunciation(D(2026, 3, 2), channel=Channel.MAIL), Stage.REPORT_BACK) is None


def test_chosen_rule_cache_keeps_the_checks() -> None:
    """A cached choice answers only exact members and dates: codes and datetimes are still checked."""
    book = RuleBook(DEFAULT_RULES.sets)
    day = D(2024, 3, 4)
    first = book.select(Stage.RESOLUTION, PetitionKind.COMPLAINT, frozenset(), day)
    assert book.select(Stage.RESOLUTION, PetitionKind.COMPLAINT, frozenset(), day) is first
    with pytest.raises(FieldError):
        book.select(Stage.RESOLUTION, "complaint", frozenset(), day)  # type: ignore[arg-type]
    with pytest.raises(FieldError):
        book.select(Stage.RESOLUTION, PetitionKind.COMPLAINT, frozenset(),
                    dt.datetime(2024, 3, 4))  # type: ignore[arg-type]
