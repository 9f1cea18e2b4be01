"""Units written in a cell: by code or by name, found in a registry on the record's day.

Exports name the receiving body ("UBND xã Hiền Quan"), the area ("Xã Hiền
Quan") or the bare name ("Hiền Quan"). :class:`UnitNames` tries the text as a
code, then as a name (:func:`danvan.vietnam.find`, narrowed to a province and
the record's day), then without a leading body word (UBND, HĐND, Ủy ban nhân
dân, …) when the registry holds no body of that name. :func:`closure` picks
the units of the shipped registry a dataset needs.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from typing import Final

from danvan._text import fold
from danvan.errors import AmbiguousUnitError, UnknownUnitError
from danvan.records.units import Succession, Unit, UnitRegistry
from danvan.vietnam.units import find

__all__ = ["BODY_WORDS", "UnitNames", "closure"]

#: Words naming a body of an area, dropped when the name as written matches no unit.
BODY_WORDS: Final = tuple(sorted({fold(w) for w in (
    "UBND", "Ủy ban nhân dân", "Uỷ ban nhân dân", "HĐND", "Hội đồng nhân dân",
    "Ủy ban MTTQ", "Ủy ban Mặt trận Tổ quốc", "MTTQ", "Đảng ủy", "Đảng bộ", "Ban Dân vận",
    "Công an", "Chủ tịch UBND",
)}, key=len, reverse=True))


def _without_body(name: str) -> str | None:
    folded = fold(name)
    for word in BODY_WORDS:
        if folded.startswith(word + " "):
            return folded[len(word) + 1:]
    return None


class UnitNames:
    """Finds a unit's code from a cell: a code, or a name on the record's day, in ``units``."""

    def __init__(self, units: UnitRegistry, province: str | None = None) -> None:
        self.units = units
        self.province = province
        self._known: dict[str, str | None] = {}
        self._dated: dict[tuple[str, dt.date | None], str] = {}

    def _find(self, name: str, on: dt.date | None) -> str:
        try:
            return find(name, province=self.province, on=on, units=self.units).code
        except UnknownUnitError:
            bare = _without_body(name)
            if bare is None:
                raise
            return find(bare, province=self.province, on=on, units=self.units).code

    def __call__(self, text: str, on: dt.date | None) -> str:
        """The code of the unit ``text`` names on ``on``; Unknown/AmbiguousUnitError otherwise."""
        if text in self.units:
            return text
        known = self._known.get(text, "")
        if known:
            return known
        if known == "":
            try:
                found = self._find(text, None)
            except AmbiguousUnitError:
                self._known[text] = None
            else:
                self._known[text] = found
                return found
        key = (text, on)
        dated = self._dated.get(key)
        if dated is None:
            dated = self._dated[key] = self._find(text, on)
        return dated


def closure(units: UnitRegistry, codes: Iterable[str]) -> tuple[tuple[Unit, ...], tuple[Succession, ...]]:
    """Every version of the provinces ``codes`` lie in, with their areas, and the successions among them.

    A succession that reaches outside (provinces merged in 2025) brings the
    units it names and the units above them, so the registry stays whole.
    """
    below: dict[str, set[str]] = defaultdict(set)
    for unit in units:
        if unit.parent is not None:
            below[unit.parent].add(unit.code)
    wanted: set[str] = set()

    def with_parents(code: str) -> None:
        stack = [code]
        while stack:
            current = stack.pop()
            if current in wanted or current not in units:
                continue
            wanted.add(current)
            stack.extend(u.parent for u in units.versions(current) if u.parent is not None)

    roots: set[str] = set()
    for code in set(codes):
        if code not in units:
            continue
        for version in units.versions(code):
            day = version.valid_from
            if day is None and version.valid_to is not None:
                day = version.valid_to - dt.timedelta(days=1)
            chain = [version, *units.ancestors(code, day)]
            province = next((u for u in chain if u.level.depth == 1), chain[-1])
            roots.add(province.code)
    stack = list(roots)
    while stack:
        code = stack.pop()
        if code in wanted:
            continue
        with_parents(code)
        stack.extend(below.get(code, ()))
    successions = []
    for succession in units.successions:
        named = (*succession.predecessors, *succession.successors)
        if any(c in wanted for c in named):
            for c in named:
                with_parents(c)
            successions.append(succession)
    return tuple(u for u in units if u.code in wanted), tuple(successions)
