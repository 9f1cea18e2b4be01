"""Tests for danvan.law.cadence: reception and dialogue cadence rules and compliance."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given, strategies as st

from danvan.errors import FieldError
from danvan.law.cadence import (
    AGENCY_CADENCE_RULES,
    DEFAULT_CADENCE_RULES,
    DIALOGUE_CADENCE_RULES,
    PARTY_CADENCE_RULES,
    PROVINCIAL_CADENCE_EXAMPLES,
    Activity,
    Counting,
    Frequency,
    compliance,
)
from danvan.records.dialogues import Dialogue
from danvan.records.receptions import Reception
from danvan.records.units import Unit
from danvan.records.vocabulary import ChairRole, DialogueMode, UnitLevel
from danvan.values import Rate
from danvan.values.periods import Period

D = dt.date
CHAIR = ChairRole.PEOPLES_COMMITTEE_CHAIR
UNITS = {"X1": UnitLevel.COMMUNE, "X2": UnitLevel.COMMUNE, "P1": UnitLevel.PROVINCE,
         "H1": UnitLevel.DISTRICT}
FEBRUARY = Period.parse("2026-02")

SESSIONS = (
    Reception("R1", "X1", D(2026, 2, 4), CHAIR),
    Reception("R2", "X1", D(2026, 2, 11), CHAIR),
    Reception("R3", "X2", D(2026, 2, 5), CHAIR),
    Reception("R4", "X2", D(2026, 2, 5), CHAIR),
    Reception("R5", "X2", D(2026, 2, 12), ChairRole.DEPUTY),
    Reception("R6", "P1", D(2026, 2, 10), CHAIR, regular=False),
)


def test_commune_and_province_reception_in_february_2026() -> None:
    """February 2026 by hand.

    Whole weeks inside the month: 2–8, 9–15 and 16–22/2, the last wholly off
    (Tết 16–20/2 and a weekend) and so exempt. X1's chairman received on 4/2
    and 11/2: compliant (Luật Tiếp công dân 2013 Art. 15). X2's chairman
    received on 5/2 (two sessions, one day); on 12/2 a deputy did: week 9–15
    missed. P1's only session was unscheduled: the month is missed (Art. 12).
    H1 is a district: Art. 13 ended with districts on 1/7/2025, so it is not assessed.
    """
    report = compliance(UNITS, FEBRUARY, receptions=SESSIONS)
    weekly = report.for_rule("TCD2013.15")
    assert [str(c.period) for c in weekly[0].checks] == [
        "2026-02-02..2026-02-09", "2026-02-09..2026-02-16", "2026-02-16..2026-02-23"]
    assert [c.exempt for c in weekly[0].checks] == [False, False, True]
    assert [c.held for c in weekly[1].checks] == [1, 0, 0]
    assert weekly[1].checks[0].session_ids == ("R3", "R4")
    assert report.compliant_units == ("X1",)
    assert report.rate == Rate(1, 3)
    assert report.rate_for("TCD2013.15") == Rate(1, 2)
    assert report.missed() == {"X2": ("TCD2013.15 2026-02-09..2026-02-16",),
                               "P1": ("TCD2013.12 2026-02",)}
    assert report.unassessed == ("H1",)


def test_without_calendar_no_period_is_exempt() -> None:
    """With ``calendar=None`` the Tết week counts, and X1 missed it."""
    report = compliance({"X1": UnitLevel.COMMUNE}, FEBRUARY, receptions=SESSIONS, calendar=None)
    assert report.missed() == {"X1": ("TCD2013.15 2026-02-16..2026-02-23",)}


def test_district_rule_before_july_2025() -> None:
    """Q1 2024, a district chairman: 2 days a month (Art. 13); 2 in January, 1 in February, 2 in March."""
    days = [D(2024, 1, 8), D(2024, 1, 22), D(2024, 2, 19), D(2024, 3, 4), D(2024, 3, 4),
            D(2024, 3, 18)]
    sessions = [Reception(f"H{i}", "H1", day, CHAIR) for i, day in enumerate(days)]
    report = compliance({"H1": UnitLevel.DISTRICT}, Period.parse("2024-Q1"), receptions=sessions)
    assert [c.held for c in report.results[0].checks] == [2, 1, 2]
    assert report.missed() == {"H1": ("TCD2013.13 2024-02",)}


def test_provincial_dialogue_rule() -> None:
    """Under 2242-QĐ/TU (one dialogue a year), a commune with no dialogue in 2025 misses the year."""
    rules = (*DEFAULT_CADENCE_RULES, *PROVINCIAL_CADENCE_EXAMPLES)
    dialogue = Dialogue("D1", "X1", D(2025, 6, 10), ChairRole.PARTY_SECRETARY, DialogueMode.AD_HOC)
    units = [Unit("X1", "Xã Một", UnitLevel.COMMUNE), Unit("X2", "Xã Hai", UnitLevel.COMMUNE)]
    report = compliance(units, Period.parse("2025"), dialogues=[dialogue], rules=rules)
    yearly = report.for_rule("2242-QD-TU.commune-dialogue")
    assert [(r.unit, r.compliant) for r in yearly] == [("X1", True), ("X2", False)]
    assert report.rate_for("2242-QD-TU.commune-dialogue") == Rate(1, 2)
    assert PROVINCIAL_CADENCE_EXAMPLES[0].activity is Activity.DIALOGUE
    assert PROVINCIAL_CADENCE_EXAMPLES[0].counting is Counting.SESSIONS


def test_user_rule_and_bad_input() -> None:
    """A province's own rule (deputies count) is data; bad units, rules and periods raise FieldError."""
    widened = DEFAULT_CADENCE_RULES[0].updated(hosts=[CHAIR, ChairRole.DEPUTY], id="MY.15")
    report = compliance({"X2": UnitLevel.COMMUNE}, FEBRUARY, receptions=SESSIONS, rules=[widened])
    assert report.rate == Rate(1, 1)
    with pytest.raises(FieldError, match="hosts"):
        widened.updated(hosts=[])
    with pytest.raises(FieldError, match="at_least"):
        widened.updated(at_least=0)
    with pytest.raises(FieldError, match="units"):
        compliance({"X1": "commune"}, FEBRUARY)  # type: ignore[arg-type]
    with pytest.raises(FieldError, match="rules"):
        compliance(UNITS, FEBRUARY, rules=["TCD2013.15"])  # type: ignore[list-item]
    with pytest.raises(FieldError, match="period"):
        compliance(UNITS, "2026-02")  # type: ignore[arg-type]


spans = st.tuples(st.dates(D(2020, 1, 1), D(2030, 12, 31)), st.integers(1, 800)).map(
    lambda t: Period(t[0], t[0] + dt.timedelta(days=t[1])))


@given(spans, st.sampled_from(list(Frequency)))
def test_periods_are_whole_consecutive_and_inside(span: Period, per: Frequency) -> None:
    """Periods lie inside the span, follow each other without gaps, and are whole weeks, months ..."""
    parts = per.periods(span)
    for part in parts:
        assert span.start <= part.start
        assert part.end <= span.end
        if per is Frequency.WEEK:
            assert part.start.weekday() == 0
            assert part.days == 7
        else:
            months = {Frequency.MONTH: 1, Frequency.QUARTER: 3, Frequency.YEAR: 12}[per]
            assert part.start.day == 1
            assert (part.start.month - 1) % months == 0
            assert (part.end.year - part.start.year) * 12 + part.end.month - part.start.month == months
    for earlier, later in itertools.pairwise(parts):
        assert earlier.end == later.start
    # no whole period is left out at either edge: the gap is shorter than one period
    step = (relativedelta(weeks=1) if per is Frequency.WEEK else relativedelta(
        months={Frequency.MONTH: 1, Frequency.QUARTER: 3, Frequency.YEAR: 12}[per]))
    if parts:
        assert parts[0].start - step < span.start
        assert parts[-1].end + step > span.end
    else:
        first = next(p for p in per.periods(Period(span.start - step, span.end + step + step))
                     if p.start >= span.start)
        assert first.end > span.end
    if per is Frequency.WEEK and span.days >= 13:
        assert parts


def test_sessions_of_a_body_count_for_its_area() -> None:
    """``units_of`` maps a record's code (a People's Committee) to the unit it counts for."""
    sessions = tuple(Reception(f"S{d}", "X1UB", D(2026, 2, d), CHAIR) for d in (2, 9, 23))
    plain = compliance({"X1": UnitLevel.COMMUNE}, FEBRUARY, receptions=sessions)
    assert plain.compliant_units == ()
    mapped = compliance({"X1": UnitLevel.COMMUNE}, FEBRUARY, receptions=sessions,
                        units_of={"X1UB": "X1"})
    assert mapped.compliant_units == ("X1",)
    assert mapped.results[0].checks[0].session_ids == ("S2",)
    with pytest.raises(FieldError, match="units_of"):
        compliance({"X1": UnitLevel.COMMUNE}, FEBRUARY, units_of=5)  # type: ignore[arg-type]


def test_party_secretaries_before_and_after_kl_215() -> None:
    """QĐi 11/2019: commune secretaries 2 days a month; KL 215 (23/11/2025) keeps 2, drops districts."""
    secretary = ChairRole.PARTY_SECRETARY
    rules = {r.id: r for r in PARTY_CADENCE_RULES}
    assert rules["QD11.2019.commune"].valid_to == D(2025, 11, 23)
    assert rules["KL215.2025.commune"].valid_from == D(2025, 11, 23)
    assert rules["QD11.2019.district"].valid_to == D(2025, 7, 1)
    assert not any(r.level is UnitLevel.DISTRICT and r.id.startswith("KL215") for r in rules.values())
    assert str(rules["QD11.2019.province"].basis.document) == "11-QĐi/TW"
    sessions = [Reception("S1", "X1", D(2026, 3, 5), secretary),
                Reception("S2", "X1", D(2026, 3, 19), secretary),
                Reception("S3", "X2", D(2026, 3, 5), secretary),
                Reception("S4", "X2", D(2026, 3, 12), CHAIR)]  # the chairman's: not the secretary's
    report = compliance({"X1": UnitLevel.COMMUNE, "X2": UnitLevel.COMMUNE}, Period.parse("2026-03"),
                        receptions=sessions, rules=PARTY_CADENCE_RULES)
    assert report.compliant_units == ("X1",)
    assert report.missed() == {"X2": ("KL215.2025.commune 2026-03",)}
    old = compliance({"H1": UnitLevel.DISTRICT}, Period.parse("2024-05"),
                     receptions=[Reception("S5", "H1", D(2024, 5, 6), secretary)],
                     rules=PARTY_CADENCE_RULES)
    assert old.compliant_units == ("H1",)
    assert compliance({"H1": UnitLevel.DISTRICT}, Period.parse("2026-01"),
                      rules=PARTY_CADENCE_RULES).unassessed == ("H1",)


def test_heads_of_agencies_and_the_commune_dialogue() -> None:
    """TCD Art. 18(2): heads of agencies 1 day a month; THDC 2022 Art. 32(1): 1 commune dialogue a year."""
    head = ChairRole.HEAD_OF_AGENCY
    agencies = compliance({"SO1": UnitLevel.PROVINCE, "SO2": UnitLevel.PROVINCE},
                          Period.parse("2026-03"), rules=AGENCY_CADENCE_RULES,
                          receptions=[Reception("A1", "SO1", D(2026, 3, 10), head)])
    assert agencies.compliant_units == ("SO1",)
    assert {r.basis.article for r in AGENCY_CADENCE_RULES} == {18}
    dialogue = DIALOGUE_CADENCE_RULES[0]
    assert (dialogue.id, dialogue.at_least, dialogue.per, dialogue.valid_from) == (
        "THDC2022.32", 1, Frequency.YEAR, D(2023, 7, 1))
    held = [Dialogue("D1", "X1", D(2024, 11, 20), ChairRole.FRONT_CHAIR, DialogueMode.AD_HOC)]
    year = compliance({"X1": UnitLevel.COMMUNE, "X2": UnitLevel.COMMUNE}, Period.parse("2024"),
                      dialogues=held, rules=DIALOGUE_CADENCE_RULES)
    assert year.compliant_units == ("X1",)
    assert compliance({"X1": UnitLevel.COMMUNE}, Period.parse("2022"),
                      rules=DIALOGUE_CADENCE_RULES).unassessed == ("X1",)
