"""The shipped units of 2019–2025 (the statistics office's lists) and the corrected 2025 successions.

Counts of the lists are those their README gives (units listed at each date);
the successor sets of 2025 are checked against the clauses of each province's
resolution 1654–1687/NQ-UBTVQH15 as the law audit (§4.3) read them.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

import pytest

from danvan import Dataset, Petition, PetitionKind, compute
from danvan.errors import UnknownUnitError
from danvan.indicators.scope import Scope
from danvan.records.units import Unit
from danvan.records.vocabulary import UnitLevel
from danvan.vietnam import REFORM, find, registry

BEFORE = REFORM - dt.timedelta(days=1)
REG = registry()

#: Units listed at each date (the README of the statistics office's lists).
LISTED = {
    dt.date(2019, 9, 11): 11937, dt.date(2019, 12, 1): 11829, dt.date(2020, 1, 1): 11541,
    dt.date(2020, 3, 1): 11413, dt.date(2020, 6, 1): 11384, dt.date(2020, 11, 1): 11384,
    dt.date(2021, 2, 1): 11371, dt.date(2021, 7, 1): 11371, dt.date(2021, 11, 1): 11367,
    dt.date(2022, 4, 10): 11367, dt.date(2022, 10, 1): 11367, dt.date(2023, 4, 10): 11366,
    dt.date(2024, 2, 1): 11366, dt.date(2024, 5, 1): 11363, dt.date(2024, 9, 1): 11309,
    dt.date(2024, 11, 1): 11239, dt.date(2025, 1, 1): 10816, dt.date(2025, 3, 1): 10806,
}


@cache
def communes(on: dt.date) -> tuple[Unit, ...]:
    """The communes that hold on ``on``."""
    return tuple(u for u in REG.as_of(on) if u.level is UnitLevel.COMMUNE)


def province(code: str, on: dt.date) -> str:
    """The code of the province at or above ``code`` on ``on``."""
    chain = [REG.get(code, on), *REG.ancestors(code, on)]
    return next(u.code for u in chain if u.level is UnitLevel.PROVINCE)


# -- the lists -------------------------------------------------------------------------


@pytest.mark.parametrize(("day", "count"), sorted(LISTED.items()))
def test_every_listed_unit_holds_on_its_list_date(day: dt.date, count: int) -> None:
    """On each list's date the registry holds exactly as many units as the list (root aside)."""
    assert len(REG.as_of(day)) - 1 == count


@pytest.mark.parametrize(("day", "absent"), [(dt.date(2019, 12, 1), 1044),
                                             (dt.date(2023, 4, 10), 566)])
def test_communes_that_ended_before_2025_are_present(day: dt.date, absent: int) -> None:
    """1.044 communes of 1/12/2019 and 566 of 10/4/2023, gone by 30/6/2025, are known."""
    gone = [u for u in communes(day) if not REG.exists(u.code, BEFORE)]
    assert len(gone) == absent
    for unit in gone:
        (successor, *_) = REG.resolve(unit.code, BEFORE)
        assert province(successor, BEFORE) == province(unit.code, day)


def test_counts_of_30_june_2025_still_hold() -> None:
    """63 provinces, 696 districts and 10.035 communes on 30/6/2025; 34 and 3.321 after."""
    levels = [u.level for u in REG.as_of(BEFORE)]
    assert (levels.count(UnitLevel.PROVINCE), levels.count(UnitLevel.DISTRICT),
            levels.count(UnitLevel.COMMUNE)) == (63, 696, 10035)
    after = [u.level for u in REG.as_of(REFORM)]
    assert (after.count(UnitLevel.PROVINCE), after.count(UnitLevel.COMMUNE)) == (34, 3321)


def test_huong_nha_before_the_2020_merger() -> None:
    """Xã Hương Nha (Tam Nông) holds in 2019 and resolves to its successor of 1/1/2020."""
    unit = find("Xã Hương Nha", province="Phú Thọ", on=dt.date(2019, 6, 1))
    assert (unit.code, REG.parent(unit.code, dt.date(2019, 6, 1)).name) == ("08443", "Huyện Tam Nông")
    (merger,) = (s for s in REG.successors(unit.code) if s.on.year == 2020)
    assert (merger.on, str(merger.basis)) == (dt.date(2020, 1, 1), "828/NQ-UBTVQH14")
    (successor,) = REG.resolve(unit.code, dt.date(2020, 1, 1))
    assert REG.get(successor, dt.date(2020, 1, 1)).name == "Xã Bắc Sơn"
    assert REG.resolve_default(unit.code, REFORM) is not None


def test_tam_nong_twelve_communes_became_four() -> None:
    """828/NQ-UBTVQH14: Tam Nông had 20 communes on 1/12/2019 and 12 on 1/1/2020."""
    def count(day: dt.date) -> int:
        return sum(1 for u in REG.children("236", day) if u.level is UnitLevel.COMMUNE)

    assert (count(dt.date(2019, 12, 1)), count(dt.date(2020, 1, 1))) == (20, 12)
    names = {u.short_name for u in REG.children("236", dt.date(2020, 1, 1))}
    assert {"Bắc Sơn", "Dân Quyền", "Lam Sơn", "Vạn Xuân"} <= names


def dataset(records: list[tuple[str, dt.date]]) -> Dataset:
    """Petitions filed in the given units on the given days, over the shipped registry."""
    return Dataset.with_units(REG, petitions=tuple(
        Petition(f"P{i}", PetitionKind.OTHER, day, code) for i, (code, day) in enumerate(records)))


def test_a_2022_record_of_a_commune_merged_in_2024_counts_under_its_successor() -> None:
    """A 2022 record of a commune that ended in 2024 counts under the 2024 successor."""
    day = dt.date(2024, 12, 31)
    ended = next(u for u in communes(dt.date(2022, 6, 1))
                 if u.valid_to is not None and u.valid_to.year == 2024)
    successor = REG.resolve_default(ended.code, day)
    assert successor is not None
    assert successor != ended.code
    data = dataset([(ended.code, dt.date(2022, 6, 1))])
    result = compute(data, "petitions.received", scope=successor, period="2022-2024")
    assert result.value == 1


def test_national_totals_hold_across_every_merger() -> None:
    """One record in every commune of every list counts once nationally, before and after 2025."""
    records = []
    for day in LISTED:
        records += [(u.code, day) for u in communes(day)[::7]]
    ended = {(u.code, u.valid_to - dt.timedelta(days=1)) for u in REG
             if u.level is UnitLevel.COMMUNE and u.valid_to and u.valid_to < REFORM}
    records += sorted(ended)
    data = dataset(records)
    for period in ("2019-09-11..2025-07-01", "2019-2025"):
        result = compute(data, "petitions.received", scope="VN", period=period)
        assert result.value == len(records)


# -- the 2025 successor sets against the resolutions (law audit §4.3) -------------------

#: Per province: old code -> the new communes that took it, by the resolution's clauses.
RESOLUTION_SUCCESSORS = {
    # 1656/NQ-UBTVQH15 khoản 107, 118-120: Văn Khê went in parts to Mê Linh, Yên Lãng,
    # Tiến Thắng and "một phần diện tích tự nhiên của xã Văn Khê ... xã Ô Diên".
    "Hà Nội": {"09013": {"08980", "08995", "09022", "09817"}},
    # 1672/NQ-UBTVQH15 khoản 10: "xã Hồng Phong (huyện Bình Gia) và xã Minh Khai thành
    # xã mới có tên gọi là xã Hồng Phong"; not Đồng Đăng (khoản 58: Hồng Phong of Cao Lộc).
    "Lạng Sơn": {"06079": {"06079"}},
    # 1669/NQ-UBTVQH15: "các xã Trấn Dương, Hòa Bình và Lý Học thành xã mới có tên gọi là
    # xã Nguyễn Bỉnh Khiêm" (Vĩnh Bảo); the Hòa Bình of Kim Thành is not part of it.
    "Hải Phòng": {"11890": {"11911"}, "10798": {"10804", "10843"}},
    # 1682/NQ-UBTVQH15: Phường 4 of Tây Ninh, Phường 4 of Tân An, thị trấn Thủ Thừa.
    "Tây Ninh": {"25462": {"25459"}, "27691": {"27694"}, "28036": {"28036"}},
    # 1663/NQ-UBTVQH15 khoản 95: "Phường 1, Phường 3, Phường 4 và Phường 6 (thành phố Cao
    # Lãnh) ... phường Cao Lãnh": not those of Mỹ Tho (khoản 84, 86), Cai Lậy or Sa Đéc.
    "Đồng Tháp": {"28252": {"28249"}, "28270": {"28270"}, "28437": {"28435"},
                  "28439": {"28439"}, "29902": {"29905"}, "29908": {"29905"}},
    # 1687/NQ-UBTVQH15: Mỹ An (Mang Thít), Hòa Lộc (Tam Bình).
    "Vĩnh Long": {"29623": {"29623"}, "29734": {"29734"}},
    # 1668/NQ-UBTVQH15: the same-named pairs of the new Cần Thơ, each into one new commune.
    "Cần Thơ": {"31246": {"31246"}, "31268": {"31288"}, "31378": {"31378"}, "31438": {"31408"},
                "31474": {"31473"}, "31480": {"31480"}, "31483": {"31495"}, "31582": {"31582"},
                "31606": {"31591"}, "31657": {"31654"}, "31666": {"31666"}, "31669": {"31639"},
                "31714": {"31726"}, "31741": {"31741"}, "31744": {"31741"}},
}


@pytest.mark.parametrize("new_province", sorted(RESOLUTION_SUCCESSORS))
def test_successor_sets_follow_the_resolution(new_province: str) -> None:
    """Each corrected commune's 2025 successors are those its province's resolution names."""
    wanted = find(new_province, level=UnitLevel.PROVINCE, on=REFORM).code
    for old, successors in RESOLUTION_SUCCESSORS[new_province].items():
        (reform,) = (s for s in REG.successors(old) if s.on == REFORM)
        assert set(reform.successors) == successors, old
        assert {province(c, REFORM) for c in successors} == {wanted}


def test_the_30_corrected_successor_sets() -> None:
    """29 spurious parts are gone and Văn Khê's missing part is there: 30 communes in all."""
    assert sum(len(v) for v in RESOLUTION_SUCCESSORS.values()) == 30


def test_ia_mo_has_the_code_of_cong_van_1027() -> None:
    """The new Xã Ia Mơ is 23737 (1027/CTK-CSCL); the old Ia Mơ Nông of that code went to Ia Ly."""
    new = find("Xã Ia Mơ", province="Gia Lai", on=REFORM)
    assert new.code == "23737"
    assert REG.resolve_default("23938", REFORM) == "23737"
    ia_ly = find("Xã Ia Ly", province="Gia Lai", on=REFORM).code
    assert REG.get("23737", BEFORE).name == "Xã Ia Mơ Nông"
    assert REG.resolve_default("23737", REFORM) == ia_ly


def test_a_body_name_finds_its_area() -> None:
    """find("UBND huyện Tam Nông", province="Phú Thọ") is the district of Tam Nông."""
    assert find("UBND huyện Tam Nông", province="Phú Thọ").code == "236"
    assert find("Huyện ủy Tam Nông", province="Phú Thọ").code == "236"
    assert find("Đảng ủy xã Hiền Quan", province="Phú Thọ", on=BEFORE).code == "08440"


@pytest.mark.parametrize("day", [dt.date(2022, 12, 31), dt.date(2025, 12, 31)])
def test_a_national_scope_places_every_code_that_existed(day: dt.date) -> None:
    """No record of a real unit is dropped: every code that existed by ``day`` has a place."""
    scope = Scope(REG, "VN", day)
    codes = {u.code for u in REG if (u.valid_from or dt.date.min) <= day}
    assert [code for code in sorted(codes) if scope.place(code) is None] == []


def test_find_with_a_100_kb_run_of_spaces() -> None:
    """F12: a name padded with 100 KB of spaces is looked up at once (and not found)."""
    with pytest.raises(UnknownUnitError):
        find("Huyện" + " " * 100_000 + "x")
    assert find("Huyện" + " " * 100_000 + "Tam Nông", province="Phú Thọ").code == "236"
