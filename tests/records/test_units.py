"""Tests for danvan.records.units: unit versions, the registry's hierarchy, successions and names."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import given, strategies as st

from danvan._text import fold
from danvan.errors import (
    AmbiguousUnitError,
    DanvanError,
    DanvanErrorGroup,
    FieldError,
    UnknownUnitError,
    VocabularyError,
    flatten,
)
from danvan.records.document_numbers import DocumentNumber
from danvan.records.units import Succession, Unit, UnitRegistry, UnitRegistryError
from danvan.records.vocabulary import AdminType, PetitionKind, UnitKind, UnitLevel
from danvan.testing import unit_registries

D = dt.date
C, X, H, P = UnitLevel.CENTRAL, UnitLevel.COMMUNE, UnitLevel.DISTRICT, UnitLevel.PROVINCE
REFORM = D(2025, 7, 1)

#: (keyword arguments, field named by the error): Unit versions that cannot exist.
BAD_UNITS: list[tuple[dict[str, object], str]] = [
    # codes are identifiers
    ({"code": ""}, "code"),
    ({"code": "A B"}, "code"),
    ({"code": "A\tB"}, "code"),
    ({"code": 7}, "code"),
    # names are non-empty text
    ({"name": ""}, "name"),
    ({"name": "   "}, "name"),
    # level and kind are members
    ({"level": "commune"}, "level"),
    ({"kind": "UBND"}, "kind"),
    # a unit is not its own parent; parents are identifiers too
    ({"parent": "A"}, "parent"),
    ({"parent": "P Q"}, "parent"),
    # validity runs forward, in days
    ({"valid_from": D(2020, 1, 1), "valid_to": D(2020, 1, 1)}, "valid_to"),
    ({"valid_from": D(2020, 1, 2), "valid_to": D(2020, 1, 1)}, "valid_to"),
    ({"valid_from": dt.datetime(2020, 1, 1)}, "valid_from"),
    ({"valid_to": "2020-01-01"}, "valid_to"),
    ({"admin_type": "xã"}, "admin_type"),
    ({"short_name": ""}, "short_name"),
]


def unit(code: str, name: str, level: UnitLevel, parent: str | None = None,
         **extra: object) -> Unit:
    """A Unit with an admin type chosen from the name's first word(s)."""
    types = {"Tỉnh": AdminType.PROVINCE, "Huyện": AdminType.RURAL_DISTRICT, "Xã": AdminType.COMMUNE,
             "Thị": AdminType.TOWNSHIP}
    extra.setdefault("admin_type", types.get(name.split()[0]))
    return Unit(code, name, level, parent=parent, **extra)  # type: ignore[arg-type]


# -- the example of seed 000: Tam Nông (Phú Thọ) under 828/NQ-UBTVQH14 ---------------

MERGER = D(2020, 1, 1)
#: New commune -> the three old communes merged into it (synthetic codes).
MERGED: dict[str, tuple[str, ...]] = {
    f"N{n}": tuple(f"C{3 * n + i}" for i in range(3)) for n in range(4)
}


def tam_nong() -> UnitRegistry:
    """Tam Nông: 19 xã and 1 thị trấn until 2019; 12 xã merged into 4 on the merger date."""
    units = [
        unit("PT", "Tỉnh Phú Thọ", P),
        unit("TN", "Huyện Tam Nông", H, "PT"),
        unit("HH", "Thị trấn Hưng Hóa", X, "TN"),
        *(unit(f"U{i}", f"Xã Giữ {i}", X, "TN") for i in range(7)),
        *(unit(old, f"Xã Cũ {old}", X, "TN", valid_to=MERGER)
          for olds in MERGED.values() for old in olds),
        *(unit(new, f"Xã Mới {new}", X, "TN", valid_from=MERGER) for new in MERGED),
    ]
    basis = DocumentNumber.parse("828/NQ-UBTVQH14")
    return UnitRegistry(units, [Succession(MERGER, olds, (new,), basis)
                                for new, olds in MERGED.items()])


TAM_NONG = tam_nong()


def test_tam_nong_counts() -> None:
    """Seed 000: 20 communes (19 xã, 1 thị trấn) before the merger, 12 (11 xã, 1 thị trấn) after."""
    before = TAM_NONG.children("TN", D(2019, 12, 31))
    after = TAM_NONG.children("TN", MERGER)
    assert len(before) == 20
    assert len(after) == 12
    assert sum(u.admin_type is AdminType.COMMUNE for u in before) == 19
    assert sum(u.admin_type is AdminType.COMMUNE for u in after) == 11
    assert [u.code for u in after if u.admin_type is AdminType.TOWNSHIP] == ["HH"]
    assert len(before) - len(after) == 8  # "giảm 08 xã, tỷ lệ 40%"


def test_tam_nong_resolve() -> None:
    """Each old commune resolves to the new one it was merged into, from the merger date."""
    for new, olds in MERGED.items():
        for old in olds:
            assert TAM_NONG.resolve(old, D(2019, 12, 31)) == (old,)
            assert TAM_NONG.resolve(old, MERGER) == (new,)
            assert TAM_NONG.resolve(old, D(2024, 6, 1)) == (new,)
            assert TAM_NONG.resolve_default(old, MERGER) == new
    assert TAM_NONG.resolve("U0", MERGER) == ("U0",)


def test_tam_nong_successions_cite_their_basis() -> None:
    """The successions keep the resolution they were made under."""
    assert len(TAM_NONG.successions) == 4
    assert {str(s.basis) for s in TAM_NONG.successions} == {"828/NQ-UBTVQH14"}
    assert TAM_NONG.successors("C0") == (TAM_NONG.successions[0],)
    assert TAM_NONG.successors("U0") == ()


# -- Unit ------------------------------------------------------------------------------


@pytest.mark.parametrize(("changes", "path"), BAD_UNITS, ids=repr)
def test_unit_validation(changes: dict[str, object], path: str) -> None:
    """A Unit that cannot exist raises FieldError whose path names the field."""
    fields: dict[str, object] = {"code": "A", "name": "Xã A", "level": X, **changes}
    with pytest.raises(FieldError) as info:
        Unit(**fields)  # type: ignore[arg-type]
    assert info.value.path == path
    assert isinstance(info.value, ValueError)
    assert str(info.value).startswith(f"{path}: ")


def test_unit_valid_on() -> None:
    """A version holds from valid_from (included) to valid_to (excluded)."""
    u = Unit("A", "Xã A", X, valid_from=D(2020, 1, 1), valid_to=D(2025, 7, 1))
    assert not u.valid_on(D(2019, 12, 31))
    assert u.valid_on(D(2020, 1, 1))
    assert u.valid_on(D(2025, 6, 30))
    assert not u.valid_on(D(2025, 7, 1))
    assert u.valid_on(None)
    assert Unit("B", "Xã B", X).valid_on(D(1900, 1, 1))


def test_unit_is_frozen_and_evolve_revalidates() -> None:
    """Units are frozen; attrs.evolve runs the validators again."""
    u = Unit("A", "Xã A", X, parent="P")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        u.code = "B"  # type: ignore[misc]
    with pytest.raises(FieldError) as info:
        attrs.evolve(u, code="P")
    assert info.value.path == "parent"
    assert attrs.evolve(u, kind=UnitKind.PEOPLES_COMMITTEE).kind is UnitKind.PEOPLES_COMMITTEE


@pytest.mark.parametrize(("args", "path"), [
    ((D(2020, 1, 1), (), ("A",)), "predecessors"),
    ((D(2020, 1, 1), ("A",), ()), "successors"),
    ((D(2020, 1, 1), ("A", "A"), ("B",)), "predecessors"),
    ((D(2020, 1, 1), ["A"], ("B",)), "predecessors"),
    ((D(2020, 1, 1), ("A",), ("B C",)), "successors[0]"),
    (("2020-01-01", ("A",), ("B",)), "on"),
])
def test_succession_validation(args: tuple[object, ...], path: str) -> None:
    """A Succession needs a date and non-empty tuples of distinct codes."""
    with pytest.raises(FieldError) as info:
        Succession(*args)  # type: ignore[arg-type]
    assert info.value.path == path


def test_succession_basis_must_be_a_document_number() -> None:
    """basis is a DocumentNumber, not text."""
    with pytest.raises(FieldError) as info:
        Succession(D(2020, 1, 1), ("A",), ("B",), "828/NQ-UBTVQH14")  # type: ignore[arg-type]
    assert info.value.path == "basis"


# -- a registry with versions: a commune moved from its district to the province --------


def reform() -> UnitRegistry:
    """A province with one district abolished on 1 July 2025; its communes move up."""
    return UnitRegistry([
        unit("VN", "Việt Nam", C, admin_type=None),
        unit("P", "Tỉnh Điện Biên", P, "VN"),
        unit("D", "Huyện Tủa Chùa", H, "P", valid_to=REFORM),
        unit("A", "Xã Mường Báng", X, "D", valid_to=REFORM),
        unit("A", "Xã Mường Báng", X, "P", valid_from=REFORM),
        unit("B", "Xã Sính Phình", X, "D", valid_to=REFORM),
        unit("B", "Xã Sính Phình", X, "P", valid_from=REFORM),
        unit("PU", "Đảng ủy xã Mường Báng", X, "A", kind=UnitKind.PARTY_COMMITTEE,
             admin_type=None),
    ])


REFORM_REG = reform()
BEFORE = D(2025, 6, 30)


def test_get_picks_the_version() -> None:
    """get returns the version valid on the day, the latest without a day."""
    assert REFORM_REG.get("A", BEFORE).parent == "D"
    assert REFORM_REG.get("A", REFORM).parent == "P"
    assert REFORM_REG.get("A").parent == "P"
    assert len(REFORM_REG.versions("A")) == 2
    assert [u.valid_from for u in REFORM_REG.versions("A")] == [None, REFORM]


def test_get_unknown_or_not_existing() -> None:
    """An unknown code, or a day the unit did not exist, raises UnknownUnitError (a LookupError)."""
    with pytest.raises(UnknownUnitError) as info:
        REFORM_REG.get("Z")
    assert isinstance(info.value, LookupError)
    assert info.value.value == "Z"
    with pytest.raises(UnknownUnitError, match="2025-07-01"):
        REFORM_REG.get("D", REFORM)
    with pytest.raises(UnknownUnitError):
        REFORM_REG.versions("Z")


def test_parent_and_ancestors_as_of() -> None:
    """parent and ancestors follow the versions valid on the day, nearest first."""
    assert REFORM_REG.parent("A", BEFORE) == REFORM_REG.get("D", BEFORE)
    assert REFORM_REG.parent("A", REFORM) == REFORM_REG.get("P")
    assert REFORM_REG.parent("VN") is None
    assert [u.code for u in REFORM_REG.ancestors("PU", BEFORE)] == ["A", "D", "P", "VN"]
    assert [u.code for u in REFORM_REG.ancestors("PU", REFORM)] == ["A", "P", "VN"]
    assert REFORM_REG.ancestors("VN") == []


def test_children_and_descendants_as_of() -> None:
    """children and descendants (depth first) take the versions valid on the day."""
    assert [u.code for u in REFORM_REG.children("P", BEFORE)] == ["D"]
    assert sorted(u.code for u in REFORM_REG.children("P", REFORM)) == ["A", "B"]
    # without a day: each code's latest version, validity ignored
    assert sorted(u.code for u in REFORM_REG.children("P")) == ["A", "B", "D"]
    assert REFORM_REG.children("D", REFORM) == []
    assert [u.code for u in REFORM_REG.descendants("P", BEFORE)] == ["D", "A", "PU", "B"]
    assert sorted(u.code for u in REFORM_REG.descendants("P", REFORM)) == ["A", "B", "PU"]
    assert len(REFORM_REG.descendants("VN", REFORM)) == 4
    with pytest.raises(UnknownUnitError):
        REFORM_REG.children("Z")


def test_as_of_and_exists() -> None:
    """as_of lists each unit existing on the day once; exists answers for one code."""
    assert sorted(u.code for u in REFORM_REG.as_of(BEFORE)) == ["A", "B", "D", "P", "PU", "VN"]
    assert sorted(u.code for u in REFORM_REG.as_of(REFORM)) == ["A", "B", "P", "PU", "VN"]
    assert REFORM_REG.exists("D", BEFORE)
    assert not REFORM_REG.exists("D", REFORM)
    assert REFORM_REG.exists("D")
    assert not REFORM_REG.exists("Z")


def test_membership_iteration_and_length() -> None:
    """len counts codes, iteration yields every version, `in` tests codes."""
    assert len(REFORM_REG) == 6
    assert len(list(REFORM_REG)) == 8
    assert "A" in REFORM_REG
    assert "Z" not in REFORM_REG
    assert repr(REFORM_REG) == "<UnitRegistry: 6 units>"


def test_registry_equality() -> None:
    """Registries built from the same units and successions are equal."""
    assert reform() == REFORM_REG
    assert REFORM_REG != TAM_NONG
    assert REFORM_REG.combine() == REFORM_REG


# -- inconsistent registries -------------------------------------------------------------


def test_every_problem_is_reported_at_once() -> None:
    """Overlapping versions, unknown parents, cycles and unknown succession codes: all reported."""
    units = [
        unit("P", "Tỉnh P", P),
        unit("A", "Xã A", X, "P"),
        unit("A", "Xã A mới", X, "P", valid_from=D(2020, 1, 1)),  # overlaps the open version
        unit("B", "Xã B", X, "NOPE"),  # unknown parent
        unit("C", "Xã C", X, "E"),  # C -> E -> C
        unit("E", "Xã E", X, "C"),
    ]
    successions = [Succession(D(2020, 1, 1), ("A",), ("ZZ",)),
                   Succession(D(2021, 1, 1), ("YY",), ("A",))]
    with pytest.raises(UnitRegistryError) as info:
        UnitRegistry(units, successions)
    error = info.value
    assert isinstance(error, ExceptionGroup)
    assert isinstance(error, DanvanErrorGroup)
    assert isinstance(error, DanvanError)
    assert all(isinstance(sub, FieldError) for sub in error.exceptions)
    paths = sorted(sub.path for sub in error.exceptions if isinstance(sub, FieldError))
    assert paths == ["successions[0]", "successions[1]", "units['A']", "units['B'].parent",
                     "units['C'].parent", "units['E'].parent"]
    lines = flatten(error)
    assert len(lines) == 6
    assert "units['B'].parent: expected a known unit, got 'NOPE'" in lines
    assert "successions[0]: expected a known unit, got 'ZZ'" in lines
    assert "6 problem(s)" in str(error)


def test_overlap_of_two_closed_versions() -> None:
    """Versions [2010, 2021) and [2020, …) overlap; [2010, 2020) and [2020, …) do not."""
    ok = [unit("A", "Xã A", X, valid_from=D(2010, 1, 1), valid_to=D(2020, 1, 1)),
          unit("A", "Xã A", X, valid_from=D(2020, 1, 1))]
    assert len(UnitRegistry(ok).versions("A")) == 2
    bad = [unit("A", "Xã A", X, valid_from=D(2010, 1, 1), valid_to=D(2021, 1, 1)),
           unit("A", "Xã A", X, valid_from=D(2020, 1, 1))]
    with pytest.raises(UnitRegistryError):
        UnitRegistry(bad)


def test_registry_accepts_only_units() -> None:
    """Anything but a Unit among the units is a FieldError."""
    with pytest.raises(FieldError):
        UnitRegistry(["A"])  # type: ignore[list-item]


# -- successions: merger, split, chains -----------------------------------------------------


def history() -> UnitRegistry:
    """S split into S1 (default) and S2 in 2015; S2 and T merged into ST in 2020; ST into Z in 2025."""
    return UnitRegistry([
        unit("P", "Tỉnh P", P),
        unit("S", "Xã S", X, "P", valid_to=D(2015, 1, 1)),
        unit("S1", "Xã S Một", X, "P", valid_from=D(2015, 1, 1)),
        unit("S2", "Xã S Hai", X, "P", valid_from=D(2015, 1, 1), valid_to=D(2020, 1, 1)),
        unit("T", "Xã T", X, "P", valid_to=D(2020, 1, 1)),
        unit("ST", "Xã ST", X, "P", valid_from=D(2020, 1, 1), valid_to=REFORM),
        unit("Z", "Xã Z", X, "P", valid_from=REFORM),
    ], [
        Succession(D(2015, 1, 1), ("S",), ("S1", "S2")),
        Succession(D(2020, 1, 1), ("S2", "T"), ("ST",)),
        Succession(REFORM, ("ST",), ("Z",)),
    ])


HISTORY = history()

#: (code, day, resolve, resolve_default)
RESOLUTIONS: list[tuple[str, dt.date, tuple[str, ...], str | None]] = [
    # a unit resolves to itself while it exists
    ("S", D(2014, 12, 31), ("S",), "S"),
    ("T", D(2019, 12, 31), ("T",), "T"),
    # a split yields every successor, the default first
    ("S", D(2015, 1, 1), ("S1", "S2"), "S1"),
    # a merger after a split: S2's share went on to ST
    ("S", D(2020, 1, 1), ("S1", "ST"), "S1"),
    ("S2", D(2020, 1, 1), ("ST",), "ST"),
    ("T", D(2020, 1, 1), ("ST",), "ST"),
    # chains of successions
    ("T", REFORM, ("Z",), "Z"),
    ("S", REFORM, ("S1", "Z"), "S1"),
    ("S2", D(2030, 1, 1), ("Z",), "Z"),
    # before a unit existed, nothing
    ("ST", D(2019, 1, 1), (), None),
    ("Z", D(2024, 1, 1), (), None),
]


@pytest.mark.parametrize(("code", "day", "codes", "default"), RESOLUTIONS, ids=repr)
def test_resolve(code: str, day: dt.date, codes: tuple[str, ...], default: str | None) -> None:
    """resolve follows mergers, splits (default first) and chains; resolve_default the defaults."""
    assert HISTORY.resolve(code, day) == codes
    assert HISTORY.resolve_default(code, day) == default


def test_resolve_unknown_code() -> None:
    """Resolving a code the registry does not hold raises UnknownUnitError."""
    with pytest.raises(UnknownUnitError):
        HISTORY.resolve("Q", D(2020, 1, 1))
    with pytest.raises(UnknownUnitError):
        HISTORY.resolve_default("Q", D(2020, 1, 1))


def test_ended_without_successor() -> None:
    """A unit that ended with no recorded succession resolves to nothing."""
    reg = UnitRegistry([unit("P", "Tỉnh P", P), unit("A", "Xã A", X, "P", valid_to=D(2020, 1, 1))])
    assert reg.resolve("A", D(2021, 1, 1)) == ()
    assert reg.resolve_default("A", D(2021, 1, 1)) is None


# -- names -------------------------------------------------------------------------------------


def names() -> UnitRegistry:
    """Tam Nông is a district in Phú Thọ and (for this test) a commune too."""
    return UnitRegistry([
        unit("PT", "Tỉnh Phú Thọ", P),
        unit("TN", "Huyện Tam Nông", H, "PT"),
        unit("XTN", "Xã Tam Nông", X, "TN", valid_to=D(2020, 1, 1)),
        unit("HH", "Thị trấn Hưng Hóa", X, "TN"),
        unit("DV", "Ban Dân vận Huyện ủy Tam Nông", H, "TN", admin_type=None,
             kind=UnitKind.MASS_MOBILISATION_COMMISSION, short_name="BDV Tam Nông"),
    ])


NAMES = names()

#: (name, day, code)
FOUND: list[tuple[str, dt.date | None, str]] = [
    # the full name, with or without diacritics and case
    ("Huyện Tam Nông", None, "TN"),
    ("huyen tam nong", None, "TN"),
    ("HUYỆN TAM NÔNG", None, "TN"),
    ("Xã Tam Nông", None, "XTN"),
    # without the kind prefix, once the commune no longer exists
    ("Tam Nông", D(2020, 1, 1), "TN"),
    ("tam nong", D(2024, 1, 1), "TN"),
    # a two-word prefix
    ("Thị trấn Hưng Hóa", None, "HH"),
    ("Hưng Hóa", None, "HH"),
    ("hung hoa", None, "HH"),
    ("Phú Thọ", None, "PT"),
    # a body, by its name or short name
    ("Ban Dân vận Huyện ủy Tam Nông", None, "DV"),
    ("bdv tam nong", None, "DV"),
]


@pytest.mark.parametrize(("name", "day", "code"), FOUND, ids=repr)
def test_find(name: str, day: dt.date | None, code: str) -> None:
    """find matches names with or without diacritics and the kind prefix."""
    assert NAMES.find(name, day).code == code


def test_find_ambiguous() -> None:
    """A name several units share raises AmbiguousUnitError listing the candidates."""
    with pytest.raises(AmbiguousUnitError) as info:
        NAMES.find("Tam Nông")
    assert info.value.candidates == ("TN", "XTN")
    assert isinstance(info.value, LookupError)
    assert "candidates: TN Huyện Tam Nông (district" in str(info.value)
    assert "; XTN Xã Tam Nông (commune" in str(info.value)
    with pytest.raises(AmbiguousUnitError):
        NAMES.find("tam nong", D(2019, 12, 31))


def test_find_unknown() -> None:
    """An unknown name raises UnknownUnitError."""
    with pytest.raises(UnknownUnitError):
        NAMES.find("Tam Dương")


@pytest.mark.parametrize(("name", "day"), [
    ("Xã Tam Nông", D(2020, 1, 1)),  # the commune is gone; the district is no Xã
    ("Huyện Hưng Hóa", None),  # Hưng Hóa is a thị trấn
])
def test_find_prefix_of_another_kind(name: str, day: dt.date | None) -> None:
    """A name with an explicit kind prefix does not find a unit of another kind."""
    with pytest.raises(UnknownUnitError):
        NAMES.find(name, day)


def test_combine() -> None:
    """combine adds units and successions to a new registry and checks it again."""
    merged = NAMES.combine(
        [unit("M", "Xã Mới", X, "TN", valid_from=D(2020, 1, 1))],
        [Succession(D(2020, 1, 1), ("XTN",), ("M",))],
    )
    assert len(merged) == len(NAMES) + 1
    assert merged.resolve("XTN", D(2021, 1, 1)) == ("M",)
    assert "M" not in NAMES
    assert merged.find("Xã Mới").code == "M"
    with pytest.raises(UnitRegistryError):
        NAMES.combine([unit("Y", "Xã Y", X, "NOPE")])
    with pytest.raises(UnitRegistryError):
        NAMES.combine([unit("HH", "Thị trấn Hưng Hóa", X, "TN")])


# -- properties over generated registries ----------------------------------------------------

DAYS = st.dates(D(2008, 1, 1), D(2032, 1, 1))


@given(unit_registries(), DAYS)
def test_property_descendants_are_units_valid_below(reg: UnitRegistry, day: dt.date) -> None:
    """Descendants of the province on a day are exactly the units valid that day below it."""
    valid = {u.code: u for u in reg.as_of(day)}

    def below_province(code: str) -> bool:
        parent = valid[code].parent
        while parent is not None:
            if parent == "P":
                return True
            if parent not in valid:
                return False
            parent = valid[parent].parent
        return False

    expected = {code for code in valid if below_province(code)}
    found = [u.code for u in reg.descendants("P", day)]
    assert len(found) == len(set(found))
    assert set(found) == expected
    assert all(u.valid_on(day) for u in reg.descendants("P", day))


@given(unit_registries(), DAYS)
def test_property_resolve_exists(reg: UnitRegistry, day: dt.date) -> None:
    """resolve never returns a unit that does not exist on the day; the default comes first."""
    for code in sorted({u.code for u in reg}):
        codes = reg.resolve(code, day)
        assert all(reg.exists(c, day) for c in codes)
        assert len(set(codes)) == len(codes)
        default = reg.resolve_default(code, day)
        assert default == (codes[0] if codes else None)
        if reg.exists(code, day):
            assert codes == (code,)


@given(unit_registries(with_merger=True), DAYS)
def test_property_merged_communes_resolve_to_m0(reg: UnitRegistry, day: dt.date) -> None:
    """In a generated merger every predecessor resolves to M0 once the merger took effect."""
    for succession in reg.successions:
        for code in succession.predecessors:
            expected = ("M0",) if day >= succession.on else (code,)
            assert reg.resolve(code, day) == expected


@given(unit_registries(), DAYS)
def test_property_as_of_one_version_per_code(reg: UnitRegistry, day: dt.date) -> None:
    """as_of gives at most one version per code, each valid on the day and found by get."""
    units = reg.as_of(day)
    assert len({u.code for u in units}) == len(units)
    for u in units:
        assert reg.get(u.code, day) == u


def test_resolve_default_passes_over_a_dead_default_chain() -> None:
    """A split unit whose default successor ended without a successor goes to the next one."""
    reg = UnitRegistry([
        Unit("P", "Tỉnh P", UnitLevel.PROVINCE),
        Unit("S", "Xã S", UnitLevel.COMMUNE, parent="P", valid_to=D(2020, 1, 1)),
        Unit("S1", "Xã S1", UnitLevel.COMMUNE, parent="P", valid_from=D(2020, 1, 1),
             valid_to=D(2022, 1, 1)),
        Unit("S2", "Xã S2", UnitLevel.COMMUNE, parent="P", valid_from=D(2020, 1, 1)),
    ], [Succession(D(2020, 1, 1), ("S",), ("S1", "S2"))])
    assert reg.resolve_default("S", D(2021, 1, 1)) == "S1"
    assert reg.resolve_default("S", D(2023, 1, 1)) == "S2"
    assert reg.resolve_default("S1", D(2023, 1, 1)) is None


def test_a_loop_of_older_parents_is_an_error_not_a_hang() -> None:
    """Parents that loop only in older versions raise UnitRegistryError when walked."""
    change = D(2020, 1, 1)
    reg = UnitRegistry([
        Unit("R", "Tỉnh R", UnitLevel.PROVINCE),
        Unit("A", "Xã A", UnitLevel.COMMUNE, parent="B", valid_to=change),
        Unit("A", "Xã A", UnitLevel.COMMUNE, parent="R", valid_from=change),
        Unit("B", "Xã B", UnitLevel.COMMUNE, parent="A", valid_to=change),
        Unit("B", "Xã B", UnitLevel.COMMUNE, parent="R", valid_from=change),
    ])
    assert [u.code for u in reg.ancestors("A", D(2021, 1, 1))] == ["R"]
    with pytest.raises(UnitRegistryError):
        reg.ancestors("A", D(2019, 1, 1))


def test_find_matches_the_version_that_bore_the_name() -> None:
    """A renamed unit is found by each of its names, as the version that bore it."""
    change = D(2020, 1, 1)
    reg = UnitRegistry([
        Unit("X", "Xã Hương Nha", UnitLevel.COMMUNE, valid_to=change),
        Unit("X", "Xã Bắc Sơn", UnitLevel.COMMUNE, valid_from=change),
    ])
    assert reg.find("Hương Nha").name == "Xã Hương Nha"
    assert reg.find("bac son").valid_from == change
    with pytest.raises(UnknownUnitError):
        reg.find("Hương Nha", D(2021, 1, 1))


# -- sizes of the reliability findings (F11, F12, F13) and reused codes ----------------


def test_a_chain_of_1500_successions_resolves() -> None:
    """F11: a unit that became another 1.500 times resolves to the last, without recursion."""
    start = dt.date(2000, 1, 1)
    days = [start + dt.timedelta(days=i) for i in range(1501)]
    units = [unit(f"U{i}", f"Xã {i}", UnitLevel.COMMUNE,
                  valid_from=days[i] if i else None, valid_to=days[i + 1] if i < 1500 else None)
             for i in range(1501)]
    reg = UnitRegistry(units, [Succession(days[i + 1], (f"U{i}",), (f"U{i + 1}",))
                               for i in range(1500)])
    assert reg.resolve("U0", days[-1]) == ("U1500",)
    assert reg.resolve_default("U0", days[-1]) == "U1500"
    assert reg.resolve("U0", days[700]) == ("U700",)


def test_an_8000_deep_parent_chain_loads_and_walks() -> None:
    """F13: an 8.000-deep chain of parents loads, and ancestors() walks it whole."""
    units = [unit("N0", "Gốc", UnitLevel.CENTRAL)]
    units += [unit(f"N{i}", f"Khu {i}", UnitLevel.RESIDENTIAL, parent=f"N{i - 1}")
              for i in range(1, 8000)]
    reg = UnitRegistry(units)
    chain = reg.ancestors("N7999")
    assert len(chain) == 7999
    assert [u.code for u in chain[:2]] == ["N7998", "N7997"]
    assert chain[-1].code == "N0"


def test_a_loop_at_the_end_of_a_long_chain_is_reported_for_every_code_above_it() -> None:
    """The linear cycle check flags the codes of a loop and those leading into it."""
    units = [unit("L0", "Khu 0", UnitLevel.RESIDENTIAL, parent="L2"),
             unit("L1", "Khu 1", UnitLevel.RESIDENTIAL, parent="L0"),
             unit("L2", "Khu 2", UnitLevel.RESIDENTIAL, parent="L1"),
             unit("T", "Khu T", UnitLevel.RESIDENTIAL, parent="L0"),
             unit("R", "Gốc", UnitLevel.CENTRAL),
             unit("S", "Khu S", UnitLevel.RESIDENTIAL, parent="R")]
    with pytest.raises(UnitRegistryError) as caught:
        UnitRegistry(units)
    flagged = {e.path for e in caught.value.exceptions}  # type: ignore[attr-defined]
    assert flagged == {f"units[{c!r}].parent" for c in ("L0", "L1", "L2", "T")}


def test_fold_is_linear_in_runs_of_white_space() -> None:
    """F12: 100 KB of spaces before a name fold at once, to the same key."""
    assert fold(" " * 100_000 + "Huyện  –\t Tam Nông") == "huyen - tam nong"
    assert fold("a" + " " * 100_000 + "-" + " " * 100_000 + "b") == "a - b"
    with pytest.raises(VocabularyError):
        PetitionKind.from_label(" " * 100_000 + "x")
    assert PetitionKind.from_label(" " * 100_000 + "khiếu   nại ") is PetitionKind.COMPLAINT


def test_a_reused_code_is_followed_through_its_succession() -> None:
    """A code that ended in a merger and was later given to another unit resolves as merged."""
    reg = UnitRegistry([
        unit("A", "Xã A", UnitLevel.COMMUNE, valid_to=dt.date(2025, 7, 1)),
        unit("A", "Xã Mới", UnitLevel.COMMUNE, valid_from=dt.date(2025, 7, 1)),
        unit("B", "Xã B", UnitLevel.COMMUNE, valid_to=dt.date(2025, 7, 1)),
        unit("C", "Xã C", UnitLevel.COMMUNE, valid_from=dt.date(2025, 7, 1)),
    ], [Succession(dt.date(2025, 7, 1), ("A",), ("C",)),
        Succession(dt.date(2025, 7, 1), ("B",), ("A",))])
    assert reg.resolve("A", dt.date(2025, 8, 1)) == ("C",)
    assert reg.resolve("B", dt.date(2025, 8, 1)) == ("A",)
    assert reg.resolve("A", dt.date(2025, 6, 1)) == ("A",)


@pytest.mark.parametrize("name", [
    "UBND huyện Tam Nông", "Ủy ban nhân dân huyện Tam Nông", "HĐND huyện Tam Nông",
    "Hội đồng nhân dân Huyện Tam Nông", "Huyện ủy Tam Nông", "Ban Dân vận Huyện ủy Tam Nông",
    "Ban Tuyên giáo và Dân vận huyện ủy Tam Nông",
])
def test_find_reads_a_body_name_as_its_area(name: str) -> None:
    """A body's name (UBND, HĐND, Huyện ủy, Ban …) finds the area it belongs to."""
    reg = UnitRegistry([unit("TN", "Huyện Tam Nông", UnitLevel.DISTRICT),
                        unit("X", "Xã Tam Nông", UnitLevel.COMMUNE, parent="TN")])
    assert reg.find(name).code == "TN"
    assert reg.find("Đảng ủy xã Tam Nông").code == "X"


def test_ambiguity_names_level_province_and_dates() -> None:
    """An ambiguous name's message describes each candidate; candidates stay codes."""
    reg = UnitRegistry([
        unit("P1", "Tỉnh Một", UnitLevel.PROVINCE), unit("P2", "Tỉnh Hai", UnitLevel.PROVINCE),
        unit("D1", "Huyện Tam Nông", UnitLevel.DISTRICT, parent="P1", valid_to=dt.date(2025, 7, 1)),
        unit("D2", "Huyện Tam Nông", UnitLevel.DISTRICT, parent="P2",
             valid_from=dt.date(2020, 1, 1), valid_to=dt.date(2025, 7, 1)),
    ])
    with pytest.raises(AmbiguousUnitError) as caught:
        reg.find("Tam Nông")
    assert caught.value.candidates == ("D1", "D2")
    assert str(caught.value) == (
        "unit: 'Tam Nông' is ambiguous; candidates: "
        "D1 Huyện Tam Nông (district, Tỉnh Một, until 30/06/2025); "
        "D2 Huyện Tam Nông (district, Tỉnh Hai, 01/01/2020–30/06/2025)")


@given(st.lists(st.integers(1, 30), min_size=1, max_size=120), st.data())
def test_property_a_chain_resolves_to_the_unit_of_the_day(gaps: list[int], data: st.DataObject,
                                                          ) -> None:
    """In a chain U0 → U1 → … of successions, resolve gives the one unit valid on the day."""
    days = [dt.date(2000, 1, 1)]
    for gap in gaps:
        days.append(days[-1] + dt.timedelta(days=gap))
    n = len(gaps)
    reg = UnitRegistry(
        [unit(f"U{i}", f"Xã {i}", UnitLevel.COMMUNE, valid_from=days[i] if i else None,
              valid_to=days[i + 1] if i < n else None) for i in range(n + 1)],
        [Succession(days[i + 1], (f"U{i}",), (f"U{i + 1}",)) for i in range(n)])
    index = data.draw(st.integers(0, n))
    start = data.draw(st.integers(0, index))
    assert reg.resolve(f"U{start}", days[index]) == (f"U{index}",)


@given(st.dictionaries(st.integers(0, 30), st.integers(0, 31), max_size=30))
def test_property_cycle_check_matches_a_walk_from_each_code(parents: dict[int, int]) -> None:
    """The one-pass cycle check flags exactly the codes whose walk up revisits a code."""
    codes = set(parents) | {0}
    units = [unit(f"K{c}", f"Khu {c}", UnitLevel.RESIDENTIAL,
                  parent=f"K{parents[c]}" if parents.get(c, c) != c and parents[c] in codes else None)
             for c in sorted(codes)]

    def loops(code: str) -> bool:
        seen = set()
        current: str | None = code
        while current is not None:
            if current in seen:
                return True
            seen.add(current)
            current = next(u.parent for u in units if u.code == current)
        return False

    expected = {f"units[{u.code!r}].parent" for u in units if loops(u.code)}
    if not expected:
        UnitRegistry(units)
        return
    with pytest.raises(UnitRegistryError) as caught:
        UnitRegistry(units)
    assert {e.path for e in caught.value.exceptions} == expected  # type: ignore[attr-defined]
