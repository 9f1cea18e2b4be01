"""The time-limit and cadence indicators in the catalogue: values, provenance, breakdowns, report.

Dates are worked out by hand. Complaints: acceptance within 10 calendar days of
receipt (Luật Khiếu nại 2011 Art. 27), resolution within 30 days of acceptance
(Art. 28); the day of the event is not counted (BLDS 2015 Art. 147) and a last
day that is a day off moves to the next working day (Art. 148(5)). The Tết
break of 2026 runs from 14 to 22 February.
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import given, strategies as st

from danvan.errors import FieldError, LifecycleError
from danvan.indicators import CATALOGUE, compute, get, report
from danvan.indicators.timeliness import AgeBand
from danvan.law.cadence import DEFAULT_CADENCE_RULES, PROVINCIAL_CADENCE_EXAMPLES
from danvan.law.deadlines import AcceptanceReading, rule_book
from danvan.records.dataset import Dataset
from danvan.records.petitions import Petition, PetitionEvent
from danvan.records.receptions import Reception
from danvan.records.units import Unit
from danvan.records.vocabulary import (
    ChairRole,
    Complexity,
    EventKind,
    PetitionKind,
    UnitKind,
    UnitLevel,
)
from danvan.values import Durations, Ranking, Rate

D = dt.date
E = EventKind
#: Complaint acceptance read as the Law words it (10 calendar days), as these dates were worked.
LAW_RULES = rule_book(AcceptanceReading.LAW)
MARCH = "2026-03"
UNITS = (
    Unit("H", "Huyện H", UnitLevel.DISTRICT),
    Unit("HUB", "UBND huyện H", UnitLevel.DISTRICT, UnitKind.PEOPLES_COMMITTEE, parent="H"),
    Unit("X1", "Xã 1", UnitLevel.COMMUNE, parent="H"),
    Unit("X2", "Xã 2", UnitLevel.COMMUNE, parent="H"),
    Unit("K11", "Thôn 1", UnitLevel.RESIDENTIAL, parent="X1"),
)
NEW_IDS = ("petitions.acceptance_on_time_rate", "petitions.resolution_on_time_rate",
           "petitions.overdue_backlog", "petitions.ageing", "petitions.oldest_pending",
           "petitions.processing_days", "petitions.processing_working_days",
           "cadence.reception_compliance", "cadence.dialogue_compliance")


def complaint(pid: str, unit: str, received: dt.date, *events: tuple[EventKind, dt.date],
              kind: PetitionKind = PetitionKind.COMPLAINT, **fields: Any) -> Petition:
    return Petition(pid, kind, received, unit,
                    events=tuple(PetitionEvent(k, on, days=30 if k is E.EXTENDED else None)
                                 for k, on in events), **fields)


PETITIONS = (
    # received Mon 2/3, acceptance due Thu 12/3, accepted 10/3: met; resolution due 9/4
    complaint("P1", "X1", D(2026, 3, 2), (E.ACCEPTED, D(2026, 3, 10)), (E.RESOLVED, D(2026, 4, 1))),
    # received Tue 3/3, due Fri 13/3, accepted Mon 16/3: missed; resolution due 15/4
    complaint("P2", "X1", D(2026, 3, 3), (E.ACCEPTED, D(2026, 3, 16))),
    # received Thu 5/3, day 10 is Sun 15/3, so due Mon 16/3 (Art. 148(5)); never accepted:
    # missed, and on 31/3 overdue by 15 days
    complaint("P3", "X2", D(2026, 3, 5)),
    # received Wed 25/3, day 10 is Sat 4/4, due Mon 6/4: not due in March, 6 days old on 31/3
    complaint("P4", "X2", D(2026, 3, 25)),
    # accepted Tue 3/2, resolution due 3/2 + 30 = Thu 5/3, resolved 5/3: met;
    # 30 days, 17 working days (Tết break 14–22/2 not counted)
    complaint("P5", "X2", D(2026, 2, 2), (E.ACCEPTED, D(2026, 2, 3)), (E.RESOLVED, D(2026, 3, 5))),
    # accepted Wed 4/2, resolution due Fri 6/3, resolved Tue 10/3: missed; 34 days, 19 working
    complaint("P6", "K11", D(2026, 2, 2), (E.ACCEPTED, D(2026, 2, 4)),
              (E.RESOLVED, D(2026, 3, 10))),
    # a denunciation of 2018: no time limit of the catalogue in force (Luật Tố cáo 2018
    # applies from 1/1/2019); open, so it ages, but it is never counted as on time
    complaint("P7", "X1", D(2018, 3, 5), kind=PetitionKind.DENUNCIATION),
    # received Fri 2/1, accepted Mon 5/1; resolution due Wed 4/2/2026, open: overdue by 55 days
    complaint("P8", "HUB", D(2026, 1, 2), (E.ACCEPTED, D(2026, 1, 5))),
)
DATA = Dataset(units=UNITS, petitions=PETITIONS)


def test_new_indicators_are_registered() -> None:
    """Each id is catalogued with names, a definition, fields read and its value kind."""
    kinds = dict(zip(NEW_IDS, ("rate", "rate", "count", "count", "ranking", "durations",
                               "durations", "rate", "rate"), strict=True))
    for ident, kind in kinds.items():
        indicator = get(ident)
        assert ident in CATALOGUE
        assert indicator.name_vi
        assert indicator.name_en
        assert indicator.definition
        assert indicator.reads
        assert indicator.kind == kind
    assert not get("petitions.processing_days").additive
    assert not get("petitions.oldest_pending").additive
    assert get("petitions.overdue_backlog").additive


def test_acceptance_on_time_rate() -> None:
    """Acceptance due in March: P1 met, P2 and P3 missed; P7 listed as not assessed."""
    result = compute(DATA, "petitions.acceptance_on_time_rate", scope="H", period=MARCH,
                     time_limits=LAW_RULES)
    assert result.value == Rate(1, 3)
    assert result.numerator_ids == ("P1",)
    assert result.denominator_ids == ("P1", "P2", "P3")
    assert any("not assessed" in note and "P7" in note for note in result.notes)
    by_unit = compute(DATA, "petitions.acceptance_on_time_rate", scope="H", period=MARCH,
                      by="unit", time_limits=LAW_RULES)
    assert {k: r.value for k, r in by_unit.parts.items()} == {"X1": Rate(1, 2), "X2": Rate(0, 1)}


def test_resolution_on_time_rate() -> None:
    """Resolution due in March: P5 (due 5/3) met, P6 (due 6/3, resolved 10/3) missed."""
    result = compute(DATA, "petitions.resolution_on_time_rate", scope="H", period=MARCH)
    assert result.value == Rate(1, 2)
    assert (result.numerator_ids, result.denominator_ids) == (("P5",), ("P5", "P6"))
    assert compute(DATA, "petitions.resolution_on_time_rate", scope="X1",
                   period=MARCH).value == Rate(0, 1)
    february = compute(DATA, "petitions.resolution_on_time_rate", scope="H", period="2026-02")
    assert february.value == Rate(0, 1)  # P8, due 4/2, not resolved
    assert february.denominator_ids == ("P8",)


def test_overdue_backlog_as_of_the_last_day() -> None:
    """On 31/3: P3 (acceptance due 16/3) and P8 (resolution due 4/2) are overdue."""
    result = compute(DATA, "petitions.overdue_backlog", scope="H", period=MARCH,
                     time_limits=LAW_RULES)
    assert result.value == 2
    assert result.numerator_ids == ("P3", "P8")
    assert any("P7" in note for note in result.notes)
    mid = compute(DATA, "petitions.overdue_backlog", scope="H", period="2026-03-01..2026-03-16",
                  time_limits=LAW_RULES)
    # on 15/3, P3 (due 16/3) is not yet overdue, but P2 (due 13/3, accepted only on 16/3) is
    assert mid.numerator_ids == ("P2", "P8")


def test_ageing_by_band() -> None:
    """Open on 31/3: P4 6 days; P1 29, P2 28, P3 26; P8 88; P7 over 90."""
    result = compute(DATA, "petitions.ageing", scope="H", period=MARCH, by="bucket")
    assert result.value == 6
    assert {k.code: r.value for k, r in result.parts.items()} == {
        "1-10": 1, "11-30": 3, "31-45": 0, "46-60": 0, "61-90": 1, "over-90": 1}
    assert result.parts[AgeBand.DAYS_11_30].numerator_ids == ("P1", "P2", "P3")


def test_oldest_pending_lists_ids_with_ages() -> None:
    """The oldest open petitions, received first, with their ages in days on 31/3."""
    result = compute(DATA, "petitions.oldest_pending", scope="H", period=MARCH)
    assert isinstance(result.value, Ranking)
    old = (D(2026, 3, 31) - D(2018, 3, 5)).days
    assert result.value.items == (("P7", old), ("P8", 88), ("P1", 29), ("P2", 28), ("P3", 26),
                                  ("P4", 6))
    assert result.numerator_ids == ("P7", "P8", "P1", "P2", "P3", "P4")
    assert result.format().startswith(f"P7: {old:,} ngày; P8: 88 ngày".replace(",", "."))
    x2 = compute(DATA, "petitions.oldest_pending", scope="H", period=MARCH, by="unit")
    assert x2.parts["X2"].value.items == (("P3", 26), ("P4", 6))  # type: ignore[union-attr]


def test_processing_time_in_calendar_and_working_days() -> None:
    """Resolutions completed in March: P5 30 days (17 working), P6 34 days (19 working)."""
    days = compute(DATA, "petitions.processing_days", scope="H", period=MARCH)
    assert days.value == Durations.of([30, 34])
    assert days.numerator_ids == ("P5", "P6")
    assert days.format() == "2; trung vị 32; P90 34; trung bình 32,0; tối đa 34"
    working = compute(DATA, "petitions.processing_working_days", scope="H", period=MARCH)
    assert working.value == Durations.of([17, 19])
    accepted = compute(DATA, "petitions.processing_days", scope="H", period=MARCH,
                       stage="acceptance")
    assert accepted.value == Durations.of([8, 13])  # P1 2/3→10/3, P2 3/3→16/3
    with pytest.raises(FieldError):
        compute(DATA, "petitions.processing_days", scope="H", period=MARCH, stage="filing")


def test_parent_median_is_from_raw_durations() -> None:
    """X1 took 1, 2, 100 days (median 2), X2 50, 60 (median 55): H's median is 50, not 28.5."""
    took = {"X1": (1, 2, 100), "X2": (50, 60)}
    petitions = tuple(
        complaint(f"{unit}-{n}", unit, D(2025, 1, 2), (E.ACCEPTED, D(2025, 1, 3)),
                  (E.RESOLVED, D(2025, 1, 3) + dt.timedelta(days)))
        for unit, spans in took.items() for n, days in enumerate(spans))
    data = Dataset(units=UNITS, petitions=petitions)
    result = compute(data, "petitions.processing_days", scope="H", period="2025", by="unit")
    medians = [r.value.median for r in result.parts.values()]  # type: ignore[union-attr]
    assert medians == [2, 55]
    assert result.value.median == 50 != Fraction(2 + 55, 2)  # type: ignore[union-attr]
    assert result.value == Durations.of([1, 2, 100, 50, 60])


def test_disallowed_extension_is_noted_or_raised() -> None:
    """An extension of an ordinary complaint is left out with a note; strict=True raises."""
    late = complaint("P9", "X1", D(2026, 1, 2), (E.ACCEPTED, D(2026, 1, 5)),
                     (E.EXTENDED, D(2026, 1, 20)), (E.RESOLVED, D(2026, 2, 20)),
                     complexity=Complexity.ORDINARY)
    data = Dataset(units=UNITS, petitions=(late,))
    result = compute(data, "petitions.resolution_on_time_rate", scope="H", period="2026-02")
    assert result.value == Rate(0, 1)  # due 4/2 without the extension
    assert any(note.startswith("P9: extension") for note in result.notes)
    with pytest.raises(LifecycleError):
        compute(data, "petitions.resolution_on_time_rate", scope="H", period="2026-02",
                strict=True)


def _sessions(unit: str, days: tuple[int, ...]) -> tuple[Reception, ...]:
    return tuple(Reception(f"R-{unit}-{d}", unit, D(2026, 3, d),
                           ChairRole.PEOPLES_COMMITTEE_CHAIR) for d in days)


def test_reception_cadence_compliance() -> None:
    """March 2026 has four whole weeks (2/3–29/3); X1 received citizens in each, X2 in two."""
    data = Dataset(units=UNITS, receptions=(*_sessions("X1", (3, 10, 17, 24)),
                                            *_sessions("X2", (3, 10))))
    result = compute(data, "cadence.reception_compliance", scope="H", period=MARCH, by="unit")
    assert result.value == Rate(1, 2)
    assert (result.numerator_ids, result.denominator_ids) == (("X1",), ("X1", "X2"))
    assert any(note.startswith("X2 TCD2013.15: missed 2 of 4") for note in result.notes)
    assert {k: r.value for k, r in result.parts.items()} == {"X1": Rate(1, 1), "X2": Rate(0, 1)}
    # districts have no reception rule in force after 1/7/2025, so H is not checked
    assert "H" not in result.denominator_ids


def test_dialogue_cadence_needs_rules() -> None:
    """No national dialogue rule: not defined, said so; a provincial rule can be passed."""
    result = compute(Dataset(units=UNITS), "cadence.dialogue_compliance", scope="H",
                     period="2025")
    assert result.value == Rate(0, 0)
    assert any("cadence_rules" in note for note in result.notes)
    rules = (*DEFAULT_CADENCE_RULES, *PROVINCIAL_CADENCE_EXAMPLES)
    given_rules = compute(Dataset(units=UNITS), "cadence.dialogue_compliance", scope="H",
                          period="2025", cadence_rules=rules)
    assert given_rules.value == Rate(0, 2)


def test_report_rows_include_the_new_indicators() -> None:
    """A report lists every new petition indicator; a ranking prints one line per record."""
    result = report(DATA, "H", MARCH)
    ids = {row["id"] for row in result.rows()}
    assert set(NEW_IDS[:7]) <= ids
    rows = [row for row in result.rows() if row["id"] == "petitions.oldest_pending"]
    assert (rows[0]["value"], rows[0]["numerator"]) == ("6", 6)
    assert rows[2] == {**rows[0], "breakdown": "2. P8", "value": "88 ngày", "numerator": 88}
    text = str(result)
    assert "· 2. P8" in text
    assert "· 11–30 ngày" in text
    assert result["petitions.processing_days"].format(style="en").startswith("2; median 32")


# -- additivity ------------------------------------------------------------------------------

ADDITIVE = NEW_IDS[:4]
rows = st.lists(st.tuples(
    st.sampled_from(["H", "HUB", "X1", "X2", "K11"]),
    st.sampled_from([PetitionKind.COMPLAINT, PetitionKind.DENUNCIATION]),
    st.integers(0, 200), st.one_of(st.none(), st.integers(0, 20)),
    st.one_of(st.none(), st.integers(0, 60))), max_size=30)


def _dataset(found: list[Any]) -> Dataset:
    start = D(2025, 10, 1)
    petitions = []
    for i, (unit, kind, day, accept, resolve) in enumerate(found):
        received = start + dt.timedelta(day)
        events = []
        if accept is not None:
            accepted = received + dt.timedelta(accept)
            events.append((E.ACCEPTED, accepted))
            if resolve is not None:
                events.append((E.RESOLVED, accepted + dt.timedelta(resolve)))
        petitions.append(complaint(f"Q{i}", unit, received, *events, kind=kind))
    return Dataset(units=UNITS, petitions=tuple(petitions))


@given(rows)
def test_additive_over_children(found: list[Any]) -> None:
    """Counts and on-time rates at H are sums over its children; durations merge exactly."""
    data = _dataset(found)
    zero = {"count": 0, "rate": Rate(0, 0)}
    for ident in ADDITIVE:
        kind = get(ident).kind
        total = compute(data, ident, scope="H", period="2026-Q1", by="unit")
        summed = zero[kind]
        for part in total.parts.values():
            summed = summed + part.value
        assert summed == total.value
        children = [compute(data, ident, scope=c, period="2026-Q1").value
                    for c in ("HUB", "X1", "X2")]
        own = total.parts.get("H")
        assert sum(children, start=zero[kind]) + (own.value if own else zero[kind]) == total.value
    days = compute(data, "petitions.processing_days", scope="H", period="2026-Q1", by="unit")
    merged = Durations()
    for part in days.parts.values():
        merged = merged + part.value  # type: ignore[operator]
    assert merged == days.value
    raw = sorted(v for part in days.parts.values() for v in part.value.values)  # type: ignore[union-attr]
    assert days.value.median == (Durations.of(raw).median)  # type: ignore[union-attr]


def test_stages_ended_before_the_period_are_not_unassessed() -> None:
    """A denunciation resolved years before the period is not listed as unassessed in it."""
    old = complaint("P9", "X1", D(2015, 3, 5), (E.ACCEPTED, D(2015, 3, 9)),
                    (E.RESOLVED, D(2015, 4, 1)), kind=PetitionKind.DENUNCIATION)
    data = Dataset(units=UNITS, petitions=(*PETITIONS, old))
    for ident in ("petitions.acceptance_on_time_rate", "petitions.resolution_on_time_rate"):
        result = compute(data, ident, scope="H", period=MARCH)
        assert not any("P9" in note for note in result.notes), ident
    notes = compute(data, "petitions.acceptance_on_time_rate", scope="H", period=MARCH).notes
    assert any("P7" in note for note in notes)
    in_2015 = compute(data, "petitions.resolution_on_time_rate", scope="H", period="2015")
    assert any("P9" in note for note in in_2015.notes)


def test_notes_name_due_dates_resting_on_assumed_days_off() -> None:
    """A denunciation received 1/2/2027 is due 17/2 under the assumed Tết 2027: the result's notes say so."""
    data = Dataset(units=UNITS, petitions=(
        complaint("T1", "X1", D(2027, 2, 1), (E.ACCEPTED, D(2027, 2, 10)),
                  kind=PetitionKind.DENUNCIATION),))
    result = compute(data, "petitions.acceptance_on_time_rate", scope="H", period="2027-02")
    assert result.numerator_ids == ("T1",)
    assert any("not yet decided: Tết Âm lịch 2027" in note and "T1" in note
               for note in result.notes)
