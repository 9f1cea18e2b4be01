"""Reports over the shipped units count records across the reform of 1 July 2025."""

from __future__ import annotations

import datetime as dt
from functools import cache

from hypothesis import given, strategies as st

from danvan import Dataset, Petition, PetitionKind, compute
from danvan.records.vocabulary import UnitLevel
from danvan.vietnam import REFORM, registry

BEFORE = REFORM - dt.timedelta(days=1)
AFTER = dt.date(2025, 12, 31)


@cache
def communes(province: str, on: dt.date) -> tuple[str, ...]:
    """Commune codes of ``province`` on ``on`` (cached: the registry is large)."""
    return tuple(u.code for u in registry().descendants(province, on) if u.level is UnitLevel.COMMUNE)


def dataset(codes: list[tuple[str, dt.date]]) -> Dataset:
    """Petitions filed in the given units on the given days, over the shipped registry."""
    petitions = tuple(Petition(f"P{i}", PetitionKind.OTHER, day, code)
                      for i, (code, day) in enumerate(codes))
    return Dataset.with_units(registry(), petitions=petitions)


def test_old_kien_giang_and_an_giang_count_under_the_new_an_giang() -> None:
    """Records of both old provinces' communes count under the new An Giang (code 91)."""
    old = [(c, dt.date(2022, 3, 1)) for c in communes("89", BEFORE)[:20] + communes("91", BEFORE)[:20]]
    new = [(c, AFTER) for c in communes("91", AFTER)[:10]]
    data = dataset(old + new)
    result = compute(data, "petitions.received", scope="91", period="2021-2025")
    assert result.value == 50
    assert set(result.numerator_ids) == {f"P{i}" for i in range(50)}


def test_abolished_district_records_go_to_the_province_with_a_note() -> None:
    """A record of huyện Tam Nông (ended 1/7/2025, no successor) counts under Phú Thọ, noted."""
    data = dataset([("236", dt.date(2021, 5, 4)), (communes("25", AFTER)[0], AFTER)])
    result = compute(data, "petitions.received", scope="25", period="2021-2025")
    assert result.value == 2
    assert any("236 ended without a recorded successor" in note for note in result.notes)


@given(st.data())
def test_national_total_is_the_same_before_and_after_the_reform(data: st.DataObject) -> None:
    """Every record filed in some commune counts once in a national report, whatever its date."""
    days = data.draw(st.lists(st.sampled_from([dt.date(2021, 1, 4), BEFORE, REFORM, AFTER]),
                              min_size=1, max_size=8))
    codes = []
    for day in days:
        pool = communes("91", BEFORE) if day < REFORM else communes("91", AFTER)
        codes.append((data.draw(st.sampled_from(pool)), day))
    result = compute(dataset(codes), "petitions.received", scope="VN",
                     period="2021-2025")
    assert result.value == len(codes)
