"""Tests for the shipped registry of Vietnam's units (danvan.vietnam).

Counts are those of the source, ``vietnamadminunits`` 1.0.4 (see
``src/danvan/vietnam/_data/PROVENANCE.md``): after the reform they are the
official 34 provinces and 3.321 communes; before it the snapshot holds 63
provinces, 696 districts and 10.035 communes, and Tam Nông (Phú Thọ) has the
11 xã and 1 thị trấn that seed 000 reports after the 2019–2020 mergers.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from collections import Counter
from importlib import resources

import pytest
from hypothesis import given, strategies as st

from danvan.errors import AmbiguousUnitError, FieldError, UnknownUnitError
from danvan.records.document_numbers import DocumentNumber
from danvan.records.units import Succession, Unit, UnitRegistry
from danvan.records.vocabulary import AdminType, UnitKind, UnitLevel
from danvan.vietnam import REFORM, ROOT, find, registry

BEFORE = REFORM - dt.timedelta(days=1)
REG = registry()
OLD = REG.as_of(BEFORE)
NEW = REG.as_of(REFORM)
OLD_COMMUNES = sorted(u.code for u in OLD if u.level is UnitLevel.COMMUNE)


def province_of(reg: UnitRegistry, code: str, on: dt.date) -> Unit:
    """The province-level unit at or above ``code`` on ``on``."""
    chain = [reg.get(code, on), *reg.ancestors(code, on)]
    return next(u for u in chain if u.level is UnitLevel.PROVINCE)


# -- counts ----------------------------------------------------------------------


def test_counts_after_reform() -> None:
    """From 1 July 2025: 34 provinces (28 tỉnh, 6 cities), 3.321 communes, no district."""
    kinds = Counter(u.admin_type for u in NEW)
    assert Counter(u.level for u in NEW) == {
        UnitLevel.CENTRAL: 1, UnitLevel.PROVINCE: 34, UnitLevel.COMMUNE: 3321,
    }
    assert kinds[AdminType.PROVINCE] == 28
    assert kinds[AdminType.CENTRAL_CITY] == 6
    assert kinds[AdminType.COMMUNE] == 2621
    assert kinds[AdminType.WARD] == 687
    assert kinds[AdminType.SPECIAL_ZONE] == 13


def test_counts_before_reform() -> None:
    """Until 30 June 2025: 63 provinces, 696 districts and 10.035 communes (source snapshot)."""
    assert Counter(u.level for u in OLD) == {
        UnitLevel.CENTRAL: 1, UnitLevel.PROVINCE: 63, UnitLevel.DISTRICT: 696,
        UnitLevel.COMMUNE: 10035,
    }


def test_codes_unique_within_each_set() -> None:
    """No code names two units on the same day, before or after the reform."""
    for units in (OLD, NEW):
        codes = [u.code for u in units]
        assert len(codes) == len(set(codes))


def test_every_commune_has_a_province() -> None:
    """Every commune, before and after, lies in a province under the national root."""
    for day, units in ((BEFORE, OLD), (REFORM, NEW)):
        for unit in units:
            if unit.level is UnitLevel.COMMUNE:
                chain = REG.ancestors(unit.code, day)
                assert chain[-1].code == ROOT
                assert chain[-2].level is UnitLevel.PROVINCE


def test_every_old_province_and_commune_has_a_successor() -> None:
    """Each pre-reform province and commune resolves to units of its level on 1 July 2025."""
    for unit in OLD:
        if unit.level in (UnitLevel.PROVINCE, UnitLevel.COMMUNE):
            found = REG.resolve(unit.code, REFORM)
            assert found, unit
            assert {REG.get(code, REFORM).level for code in found} == {unit.level}


def test_districts_end_on_reform_day() -> None:
    """Every district of 30 June 2025 ends on 1 July 2025 (exclusive); none comes after."""
    districts = [u for u in REG if u.level is UnitLevel.DISTRICT]
    assert districts
    assert {u.valid_to for u in districts if u.valid_on(BEFORE)} == {REFORM}
    assert all(u.valid_to is not None and u.valid_to <= REFORM for u in districts)


def test_tam_nong_phu_tho_before_reform() -> None:
    """Huyện Tam Nông (Phú Thọ) has 11 xã and 1 thị trấn before the reform, as seed 000 says."""
    district = find("Huyện Tam Nông", province="Phú Thọ")
    kinds = Counter(u.admin_type for u in REG.children(district.code, BEFORE))
    assert kinds == {AdminType.COMMUNE: 11, AdminType.TOWNSHIP: 1}
    assert REG.parent(district.code, BEFORE) == REG.get("25", BEFORE)


# -- the reform ------------------------------------------------------------------


def test_code_kept_across_reform() -> None:
    """Code 91 names Kiên Giang until 30 June 2025 and the new An Giang from 1 July."""
    old, new = REG.versions("91")
    assert (old.name, old.valid_to) == ("Tỉnh Kiên Giang", REFORM)
    assert (new.name, new.valid_from) == ("Tỉnh An Giang", REFORM)
    assert REG.resolve("89", REFORM) == ("91",)


def test_province_successions_cite_resolution_202() -> None:
    """The 34 province successions cite 202/2025/QH15 and cover the 63 old provinces."""
    basis = DocumentNumber.parse("202/2025/QH15")
    provinces = {u.code for u in OLD if u.level is UnitLevel.PROVINCE}
    mine = [s for s in REG.successions if set(s.predecessors) <= provinces]
    assert len(mine) == 34
    assert {s.basis for s in mine} == {basis}
    assert sorted(c for s in mine for c in s.predecessors) == sorted(provinces)


def test_old_communes_stay_in_their_new_province() -> None:
    """Every successor of an old commune lies in the successor of its old province."""
    for code in OLD_COMMUNES:
        target = REG.resolve_default(province_of(REG, code, BEFORE).code, REFORM)
        for successor in REG.resolve(code, REFORM):
            assert province_of(REG, successor, REFORM).code == target


def test_kien_giang_rolls_up_to_an_giang() -> None:
    """Records of old Kiên Giang and old An Giang communes count under the new An Giang."""
    for province in ("89", "91"):
        communes = [u for u in REG.descendants(province, BEFORE) if u.level is UnitLevel.COMMUNE]
        assert communes
        for unit in communes:
            new = REG.resolve_default(unit.code, REFORM)
            assert new is not None
            assert REG.ancestors(new, REFORM)[0].name == "Tỉnh An Giang"


def test_split_commune_keeps_every_successor() -> None:
    """A divided commune resolves to all its successors, the default first."""
    splits = [s for s in REG.successions if len(s.successors) > 1]
    assert {s.on for s in splits} == {REFORM}
    assert len(splits) == 443  # 471 in the source; 28 of them passed whole (law audit §4.3)
    for succession in splits:
        (old,) = succession.predecessors
        assert REG.successors(old)[-1] == succession  # earlier ones: mergers before 2025
        assert REG.resolve_default(old, REFORM) == succession.default
        if old in succession.successors:
            # The code names the successor that kept it: resolve stops there.
            assert REG.resolve(old, REFORM) == (old,)
        else:
            # A code reused before 2025 also reaches its earlier holder's successors, after.
            found = REG.resolve(old, REFORM)
            assert found[:len(succession.successors)] == succession.successors


def test_kept_code_is_the_default_successor() -> None:
    """A divided commune whose code a successor kept defaults to that successor."""
    for succession in REG.successions:
        old = succession.predecessors[0]
        if len(succession.successors) > 1 and old in succession.successors:
            assert succession.default == old


def test_island_districts_become_special_zones() -> None:
    """The five island districts without communes resolve to the special zones they became."""
    islands = [u for u in OLD if u.level is UnitLevel.DISTRICT
               and not REG.children(u.code, BEFORE)]
    assert sorted(str(u.short_name) for u in islands) == [
        "Bạch Long Vĩ", "Côn Đảo", "Cồn Cỏ", "Hoàng Sa", "Lý Sơn",
    ]
    for unit in islands:
        (zone,) = REG.resolve(unit.code, REFORM)
        assert REG.get(zone, REFORM).admin_type is AdminType.SPECIAL_ZONE


def test_successions_never_cycle() -> None:
    """Each succession ends a version of every predecessor and starts one of every successor.

    A code kept across the reform (``91``) is its own successor, but from its
    old version to its new one: following successions moves to ever later
    versions, so they never cycle.
    """
    for succession in REG.successions:
        for code in succession.predecessors:
            assert any(v.valid_to == succession.on for v in REG.versions(code))
        for code in succession.successors:
            # A new version, or (a unit that took others unchanged, before 2025) one
            # that holds across the date.
            assert any(v.valid_from == succession.on or (
                v.valid_on(succession.on) and v.valid_on(succession.on - dt.timedelta(days=1)))
                for v in REG.versions(code))


# -- lookup ----------------------------------------------------------------------


def test_lookup_by_code_is_a_dict_lookup() -> None:
    """A code gives its version on a day; a code unknown or not yet valid is an error."""
    assert REG.get("236", BEFORE).name == "Huyện Tam Nông"
    with pytest.raises(UnknownUnitError):
        REG.get("236", REFORM)
    with pytest.raises(UnknownUnitError):
        REG.get("99999")


@pytest.mark.parametrize(
    "name",
    ["Huyện Tam Nông", "huyen tam nong", "Tam Nông", "TAM NONG"],
)
def test_ambiguous_name_lists_candidates(name: str) -> None:
    """A name shared by units of several provinces is an AmbiguousUnitError with their codes."""
    with pytest.raises(AmbiguousUnitError) as info:
        find(name, level=UnitLevel.DISTRICT)
    assert set(info.value.candidates) == {"236", "871"}


@pytest.mark.parametrize(
    ("name", "province", "code"),
    [
        ("Huyện Tam Nông", "Phú Thọ", "236"),
        ("tam nong", "dong thap", "871"),
        ("Huyện Tam Nông", "25", "236"),
        ("Tỉnh Kiên Giang", None, "91"),
    ],
)
def test_find_narrows_by_province(name: str, province: str | None, code: str) -> None:
    """``province`` (a name without diacritics or a code) picks one of several units."""
    assert find(name, province=province, level=UnitLevel.DISTRICT if province else None,
                on=BEFORE).code == code


def test_find_province_matches_the_version_in_force() -> None:
    """``province="Kiên Giang"`` finds old Kiên Giang communes, not those of the new An Giang."""
    assert find("Phường Vĩnh Thanh", province="Kiên Giang", on=BEFORE).parent == "899"
    with pytest.raises(UnknownUnitError):
        find("Mỹ Bình", province="Kiên Giang")
    assert find("Mỹ Bình", province="An Giang").code == "30280"


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"name": "Xã Không Có"}, UnknownUnitError),
        ({"name": "Tam Nông", "province": "Không Có"}, UnknownUnitError),
        ({"name": "Phúc Xá", "province": "Đồng Tháp"}, UnknownUnitError),
        ({"name": "Phúc Xá", "on": REFORM}, UnknownUnitError),
        ({"name": 12}, FieldError),
        ({"name": "  "}, FieldError),
        ({"name": "Tam Nông", "level": "district"}, FieldError),
        ({"name": "Tam Nông", "on": "2024-01-01"}, FieldError),
        ({"name": "Tam Nông", "units": {}}, FieldError),
    ],
)
def test_find_rejects_bad_input(kwargs: dict[str, object], error: type[Exception]) -> None:
    """Unknown names and ill-typed arguments are danvan errors naming the value."""
    with pytest.raises(error):
        find(**kwargs)  # type: ignore[arg-type]


# -- combining with the user's units -------------------------------------------


def test_combine_with_user_units_and_earlier_mergers() -> None:
    """User bodies, residential areas and a 2020 merger chain onto the shipped units."""
    hien_quan = find("Hiền Quan", province="Phú Thọ", on=BEFORE)
    # Synthetic communes standing in for those merged under 828/NQ-UBTVQH14.
    merged = Succession(dt.date(2020, 1, 1), ("OLD-1", "OLD-2"), (hien_quan.code,),
                        DocumentNumber.parse("828/NQ-UBTVQH14"))
    mine = REG.combine(
        [
            Unit("OLD-1", "Xã Cũ Một", UnitLevel.COMMUNE, parent="236",
                 valid_to=dt.date(2020, 1, 1)),
            Unit("OLD-2", "Xã Cũ Hai", UnitLevel.COMMUNE, parent="236",
                 valid_to=dt.date(2020, 1, 1)),
            Unit("HU-TN", "Huyện ủy Tam Nông", UnitLevel.DISTRICT, UnitKind.PARTY_COMMITTEE,
                 parent="236", valid_to=REFORM),
            Unit("KDC-1", "Khu 1", UnitLevel.RESIDENTIAL, parent=hien_quan.code,
                 valid_to=REFORM),
        ],
        [merged],
    )
    new_commune = mine.resolve_default(hien_quan.code, REFORM)
    assert new_commune is not None
    mine = mine.combine([Unit("KDC-1", "Khu 1", UnitLevel.RESIDENTIAL, parent=new_commune,
                              valid_from=REFORM)])
    assert len(mine) == len(REG) + 4
    assert [u.code for u in mine.ancestors("KDC-1", REFORM)] == [new_commune, "25", ROOT]
    assert mine.resolve("OLD-1", dt.date(2021, 1, 1)) == (hien_quan.code,)
    new = mine.resolve_default("OLD-1", REFORM)
    assert new is not None
    assert province_of(mine, new, REFORM).name == "Tỉnh Phú Thọ"
    assert [u.code for u in mine.ancestors("HU-TN", BEFORE)] == ["236", "25", ROOT]
    assert find("huyen uy tam nong", province="Phú Thọ", units=mine).code == "HU-TN"
    assert len(REG) == len(mine) - 4


def test_shipped_files_are_small_and_licensed() -> None:
    """The tables ship with their provenance and the source's MIT license, under 300 KB."""
    folder = resources.files("danvan.vietnam").joinpath("_data")
    names = {"units.csv.gz", "successions.csv.gz", "PROVENANCE.md", "LICENSE-vietnamadminunits.txt"}
    assert sum(len(folder.joinpath(n).read_bytes()) for n in names) < 300_000
    assert "MIT License" in folder.joinpath("LICENSE-vietnamadminunits.txt").read_text("utf-8")
    provenance = folder.joinpath("PROVENANCE.md").read_text("utf-8")
    assert "vietnamadminunits" in provenance
    assert "Tổng cục Thống kê" in provenance  # the lists of 2019–2025
    assert "daohoangson/dvhcvn" in provenance


def test_import_danvan_does_not_load_the_tables() -> None:
    """``import danvan`` neither imports danvan.vietnam nor reads the tables."""
    code = (
        "import sys, danvan, danvan.records.units; assert 'danvan.vietnam' not in sys.modules; "
        "import danvan.vietnam as v; assert v.registry.cache_info().currsize == 0"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


# -- properties ------------------------------------------------------------------

days = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2040, 12, 31))


@given(day=days)
def test_as_of_is_a_consistent_tree(day: dt.date) -> None:
    """On any day every unit but the root has a parent that holds that day."""
    units = REG.as_of(day)
    codes = {u.code for u in units}
    assert [u.code for u in units if u.parent is None] == [ROOT]
    assert all(u.parent in codes for u in units if u.parent is not None)


@given(code=st.sampled_from(sorted({u.code for u in REG})), day=days)
def test_resolve_terminates_on_units_that_hold(code: str, day: dt.date) -> None:
    """Resolving any code on any day ends on units that hold that day, default first."""
    found = REG.resolve(code, day)
    assert all(REG.exists(c, day) for c in found)
    assert REG.resolve_default(code, day) == (found[0] if found else None)


@given(counts=st.dictionaries(st.sampled_from(OLD_COMMUNES), st.integers(0, 1000), max_size=40))
def test_rolling_up_keeps_the_national_total(counts: dict[str, int]) -> None:
    """Counts rolled up to provinces before and after the reform have the same total."""
    before: Counter[str] = Counter()
    after: Counter[str] = Counter()
    for code, count in counts.items():
        before[province_of(REG, code, BEFORE).code] += count
        new = REG.resolve_default(code, REFORM)
        assert new is not None
        after[province_of(REG, new, REFORM).code] += count
    assert sum(before.values()) == sum(after.values()) == sum(counts.values())
    for province, count in before.items():
        assert after[str(REG.resolve_default(province, REFORM))] >= count
