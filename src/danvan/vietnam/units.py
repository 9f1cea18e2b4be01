"""Vietnam's provinces, districts and communes since 11 September 2019 (shipped data).

:func:`registry` loads the official units with their national codes (Quyết định
124/2004/QĐ-TTg before the reform, 19/2025/QĐ-TTg after it) under a national
root ``VN``: their versions at the statistics office's lists of 2019–2025 and
the mergers between them, and the 2025 successions: which old provinces (Nghị
quyết 202/2025/QH15) and communes (1654–1687/NQ-UBTVQH15) became which new
ones. Units of 30 June 2025 end on :data:`REFORM` (``valid_to``, exclusive);
the 34 provinces and 3.321 communes of the two-tier system start on it. A code
kept across the reform has two versions: ``91`` was Kiên Giang and is now An
Giang.

>>> reg = registry()
>>> reg.get("91", dt.date(2025, 6, 30)).name, reg.get("91", REFORM).name
('Tỉnh Kiên Giang', 'Tỉnh An Giang')
>>> reg.resolve("89", REFORM)
('91',)

Records of an old commune roll up to its new commune and province:

>>> old = find("Mỹ Bình", province="An Giang", on=dt.date(2024, 1, 1))
>>> old.name, reg.parent(old.code, dt.date(2024, 1, 1)).name
('Phường Mỹ Bình', 'Thành phố Long Xuyên')
>>> new = reg.resolve_default(old.code, REFORM)
>>> [u.name for u in (reg.get(new, REFORM), *reg.ancestors(new, REFORM))]
['Phường Long Xuyên', 'Tỉnh An Giang', 'Việt Nam']

The data come from the statistics office's lists of 2019–2025 and the
MIT-licensed ``vietnamadminunits`` package; see
``danvan/vietnam/_data/PROVENANCE.md`` for their dates and versions, what they
lack and the corrections applied. The tables are read on the first call to :func:`registry`,
never at ``import danvan``.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import gzip
import io
from importlib import resources
from typing import Final

from danvan import _validators as v
from danvan.errors import AmbiguousUnitError, FieldError, UnknownUnitError  # noqa: F401 (doctest)
from danvan.records.document_numbers import DocumentNumber
from danvan.records.units import Succession, Unit, UnitRegistry
from danvan.records.vocabulary import AdminType, UnitLevel

__all__ = ["REFORM", "ROOT", "find", "registry"]

#: The day the two-tier system took effect (Luật 72/2025/QH15; Nghị quyết 202/2025/QH15).
REFORM: Final = dt.date(2025, 7, 1)

#: Code of the national root unit above the provinces.
ROOT: Final = "VN"

_DATA: Final = ("_data",)

# Level of each kind, and the type word that opens its full name: a row whose
# ``name`` is empty is called "<word> <short_name>" (see scripts/build_vietnam_units.py).
_KINDS: Final[dict[AdminType, tuple[UnitLevel, str]]] = {
    AdminType.PROVINCE: (UnitLevel.PROVINCE, "Tỉnh"),
    AdminType.CENTRAL_CITY: (UnitLevel.PROVINCE, "Thành phố"),
    AdminType.RURAL_DISTRICT: (UnitLevel.DISTRICT, "Huyện"),
    AdminType.URBAN_DISTRICT: (UnitLevel.DISTRICT, "Quận"),
    AdminType.DISTRICT_TOWN: (UnitLevel.DISTRICT, "Thị xã"),
    AdminType.PROVINCIAL_CITY: (UnitLevel.DISTRICT, "Thành phố"),
    AdminType.COMMUNE: (UnitLevel.COMMUNE, "Xã"),
    AdminType.WARD: (UnitLevel.COMMUNE, "Phường"),
    AdminType.TOWNSHIP: (UnitLevel.COMMUNE, "Thị trấn"),
    AdminType.SPECIAL_ZONE: (UnitLevel.COMMUNE, "Đặc khu"),
}


def _rows(filename: str) -> list[list[str]]:
    """The rows of a shipped gzip-compressed CSV table, header dropped."""
    folder = resources.files("danvan.vietnam")
    for part in _DATA:
        folder = folder.joinpath(part)
    raw = folder.joinpath(filename).read_bytes()
    text = gzip.decompress(raw).decode("utf-8")
    return list(csv.reader(io.StringIO(text)))[1:]


def _day(text: str) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def _units() -> list[Unit]:
    units = [Unit(ROOT, "Việt Nam", UnitLevel.CENTRAL, short_name="Việt Nam")]
    kinds = {kind.code: kind for kind in _KINDS}
    for code, parent, kind_code, name, short, valid_from, valid_to in _rows("units.csv.gz"):
        kind = kinds[kind_code]
        level, word = _KINDS[kind]
        units.append(Unit(code, name or f"{word} {short}", level, parent=parent,
                          valid_from=_day(valid_from), valid_to=_day(valid_to), admin_type=kind,
                          short_name=short))
    return units


def _successions() -> list[Succession]:
    bases: dict[str, DocumentNumber | None] = {"": None}
    found = []
    for on, basis, predecessors, successors in _rows("successions.csv.gz"):
        if basis not in bases:
            bases[basis] = DocumentNumber.parse(basis)
        found.append(Succession(dt.date.fromisoformat(on), tuple(predecessors.split()),
                                tuple(successors.split()), bases[basis]))
    return found


@functools.cache
def registry() -> UnitRegistry:
    """The shipped registry of Vietnam's units since 2019 and their successions (loaded once).

    Combine it with your own units (Party committees, residential areas,
    changes before 2019) through :meth:`UnitRegistry.combine`.
    """
    return UnitRegistry(_units(), _successions())


def _text(path: str, value: object) -> str:
    if not isinstance(value, str) or not value.strip():
        raise FieldError(path, value, "expected a unit name or code")
    return value


def _versions(units: UnitRegistry, name: str, level: UnitLevel | None,
              on: dt.date | None) -> list[Unit]:
    """Every version called ``name`` (or coded so), of ``level``, that holds on ``on``."""
    found = [u for u in units.versions(name) if u.valid_on(on)] if name in units else (
        units.named(name, on))
    return [unit for unit in found if level is None or unit.level is level]


def _province_of(units: UnitRegistry, unit: Unit) -> Unit | None:
    """The province-level unit above ``unit`` (or itself) on a day ``unit`` holds."""
    day = unit.valid_from or (unit.valid_to - dt.timedelta(days=1) if unit.valid_to else None)
    chain = [unit, *units.ancestors(unit.code, day)]
    return next((u for u in chain if u.level is UnitLevel.PROVINCE), None)


def find(name: str, *, province: str | None = None, level: UnitLevel | None = None,
         on: dt.date | None = None, units: UnitRegistry | None = None) -> Unit:
    """The unit called ``name``, narrowed by province, level and date.

    ``name`` and ``province`` are names (diacritics and the type words optional)
    or codes. ``province`` matches the version in force when the unit held, so
    ``province="Kiên Giang"`` finds communes of the old Kiên Giang, not of the
    An Giang that took its code. With ``on=None`` units of every period match,
    and a code whose versions both match gives its latest. ``units`` (default:
    :func:`registry`) may be a registry combined with your own units.

    A body's name is read as its area's ("UBND huyện Tam Nông", "Đảng ủy xã …").

    Raises :class:`UnknownUnitError` when nothing matches and
    :class:`AmbiguousUnitError` when several units do: its ``candidates`` are
    the codes, and its message names each with level, province and dates.
    The first lookup by name builds an index of every name (about 0,5 s for the
    shipped registry, once per registry).

    >>> try:
    ...     find("Tam Nông")
    ... except AmbiguousUnitError as error:
    ...     [find(code).name for code in error.candidates]
    ['Huyện Tam Nông', 'Huyện Tam Nông', 'Xã Tam Nông', 'Xã Tam Nông']
    >>> find("huyen tam nong", province="Phu Tho").code
    '236'
    """
    name = _text("name", name)
    if level is not None:
        v.check_member(level, UnitLevel, "level")
    if on is not None:
        v.check_date(on, "on")
    units = registry() if units is None else units
    if not isinstance(units, UnitRegistry):
        raise FieldError("units", units, "expected a UnitRegistry")
    found = _versions(units, name, level, on)
    if province is not None:
        wanted = _versions(units, _text("province", province), UnitLevel.PROVINCE, None)
        if not wanted:
            raise UnknownUnitError(province, "no province of that name")
        found = [u for u in found if _province_of(units, u) in wanted]
    codes = list(dict.fromkeys(u.code for u in found))
    if not codes:
        raise UnknownUnitError(name, "no unit of that name" + (
            f" in {province}" if province else "") + (f" on {on.isoformat()}" if on else ""))
    if len(codes) > 1:
        raise units.ambiguous(name, found)
    return found[-1]
