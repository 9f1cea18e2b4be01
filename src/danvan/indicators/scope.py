"""The units a report covers: one unit and everything below it, as of a date.

A :class:`Scope` answers, for the unit code on a record, whether the record
belongs to the report and under which unit it is counted. Codes are first
carried forward to the unit that held them on the scope's date, so that a
five-year report across a merger counts each record once, under the merged
unit; a unit that was split hands its records to its default successor, and a
unit that ended without a recorded successor (the districts abolished on
1 July 2025) hands them to where its former parent went; in both cases the
placement carries a note saying so.

>>> from datetime import date
>>> from danvan.records.units import Succession, Unit, UnitRegistry
>>> from danvan.records.vocabulary import UnitLevel
>>> reg = UnitRegistry([
...     Unit("TN", "Huyện Tam Nông", UnitLevel.DISTRICT),
...     Unit("A", "Xã A", UnitLevel.COMMUNE, parent="TN", valid_to=date(2020, 1, 1)),
...     Unit("B", "Xã B", UnitLevel.COMMUNE, parent="TN", valid_to=date(2020, 1, 1)),
...     Unit("AB", "Xã AB", UnitLevel.COMMUNE, parent="TN", valid_from=date(2020, 1, 1)),
...     Unit("K1", "Khu 1", UnitLevel.RESIDENTIAL, parent="AB", valid_from=date(2020, 1, 1)),
... ], [Succession(date(2020, 1, 1), ("A", "B"), ("AB",))])
>>> scope = Scope(reg, "TN", date(2021, 6, 30))
>>> scope.place("A")
Placement(code='AB', branch='AB', level=<UnitLevel.COMMUNE: 'commune'>, note='')
>>> scope.place("K1").branch, scope.place("TN").branch
('AB', 'TN')
>>> Scope(reg, "AB", date(2021, 6, 30)).place("TN") is None
True
"""

from __future__ import annotations

import datetime as dt

from attrs import frozen

from danvan.errors import FieldError, UnknownUnitError
from danvan.records.units import Unit, UnitRegistry
from danvan.records.vocabulary import UnitKind, UnitLevel

__all__ = ["Placement", "Scope"]


@frozen
class Placement:
    """Where a record's unit is counted in a scope.

    ``code`` is the unit that holds the record on the scope's date, ``branch``
    the child of the scope's root it rolls up to (the root itself for the
    root's own records), ``level`` the level of ``code``, and ``note`` explains
    a split (empty otherwise).
    """

    code: str
    branch: str
    level: UnitLevel
    note: str = ""


class Scope:
    """A unit (the root) and every unit below it on ``on``, merged units included.

    Placements are computed once per distinct code and kept, so a pass over a
    million records asks the registry only as many times as there are units.
    """

    __slots__ = ("_areas", "_cache", "on", "registry", "root")

    def __init__(self, registry: UnitRegistry, root: str, on: dt.date) -> None:
        if not isinstance(registry, UnitRegistry):
            raise FieldError("registry", registry, "expected a UnitRegistry")
        if not isinstance(on, dt.date) or isinstance(on, dt.datetime):
            raise FieldError("on", on, "expected a date")
        if not registry.exists(root, on):
            raise UnknownUnitError(root, f"no unit of that code on {on.isoformat()}")
        self.registry = registry
        self.root = root
        self.on = on
        self._cache: dict[str, Placement | None] = {}
        self._areas: dict[tuple[str, UnitLevel | None], str | None] = {}

    def __repr__(self) -> str:
        return f"<Scope {self.root!r} on {self.on.isoformat()}>"

    @property
    def unit(self) -> Unit:
        """The root unit, as it stands on the scope's date."""
        return self.registry.get(self.root, self.on)

    def place(self, code: str) -> Placement | None:
        """Where records of unit ``code`` are counted, or ``None`` when outside the scope."""
        try:
            return self._cache[code]
        except KeyError:
            placement = self._cache[code] = self._place(code)
            return placement

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and self.place(code) is not None

    def _place(self, code: str) -> Placement | None:
        registry, on = self.registry, self.on
        note = ""
        if code not in registry:
            return None
        current = registry.resolve_default(code, on)
        holder = code
        while current is None:
            # Ended without a recorded successor (a district abolished on 1 July 2025):
            # its records go where its former parent went, and the placement says so.
            last = registry.versions(holder)[-1]
            if last.parent is None or last.valid_to is None or last.valid_to > on:
                return None  # not yet in existence on the scope's date, or at the top
            holder = last.parent
            current = registry.resolve_default(holder, on)
            note = (f"{code} ended without a recorded successor; its records are counted "
                    f"under {current}, where its former parent {holder} went")
        if current != code and not note:
            successors = registry.resolve(code, on)
            if len(successors) > 1:
                note = (f"{code} was split into {', '.join(successors)}; "
                        f"its records are counted under {current}")
        chain = [current]
        seen = {current}  # a set: deep chains of parents stay linear to walk
        while chain[-1] != self.root:
            parent = registry.get(chain[-1], on).parent
            if parent is None or not registry.exists(parent, on) or parent in seen:
                return None
            chain.append(parent)
            seen.add(parent)
        branch = chain[-2] if len(chain) > 1 else self.root
        return Placement(current, branch, registry.get(current, on).level, note)

    # -- the units themselves ----------------------------------------------------

    def children(self) -> tuple[str, ...]:
        """Codes of the units directly below the root, in registry order."""
        return tuple(u.code for u in self.registry.children(self.root, self.on))

    def units(self, level: UnitLevel | None = None, *,
              kind: UnitKind | None = UnitKind.ADMINISTRATIVE_AREA) -> tuple[Unit, ...]:
        """The root and the units below it on the scope's date, of ``level`` and ``kind``.

        ``None`` for either means any; by default only administrative areas
        count, so that a district and its People's Committee are one unit.
        """
        every = [self.unit, *self.registry.descendants(self.root, self.on)]
        return tuple(u for u in every if (level is None or u.level is level)
                     and (kind is None or u.kind is kind))

    def area(self, code: str, level: UnitLevel | None = None) -> str | None:
        """The administrative area at ``level`` that ``code`` (a unit or body) belongs to.

        A district People's Committee belongs to its district; ``None`` when
        ``code`` is outside the scope or above ``level``. Without ``level``,
        the nearest administrative area (the unit itself when it is one).
        Answers are computed once per code and level.
        """
        try:
            return self._areas[code, level]
        except KeyError:
            found = self._areas[code, level] = self._area(code, level)
            return found

    def _area(self, code: str, level: UnitLevel | None) -> str | None:
        placement = self.place(code)
        if placement is None:
            return None
        current: str | None = placement.code
        while current is not None and self.registry.exists(current, self.on):
            unit = self.registry.get(current, self.on)
            if unit.kind is UnitKind.ADMINISTRATIVE_AREA and (level is None or unit.level is level):
                return unit.code
            if (level is not None and unit.level.depth < level.depth) or current == self.root:
                return None
            current = unit.parent
        return None
