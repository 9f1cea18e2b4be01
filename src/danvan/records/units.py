"""Administrative and organisational units, their hierarchy and their changes over time.

A :class:`Unit` is one *version* of a unit: its code, name, level, kind and
parent over a validity interval ``[valid_from, valid_to)`` (``valid_to`` is the
first day the version no longer holds, i.e. the date of the change that ended
it; ``None`` means open). A code may have several versions, e.g. a commune that
kept its code but changed parent when districts were abolished on 1 July 2025.

A :class:`Succession` records that some units became others on a date under a
legal basis: a merger (``predecessors`` several, ``successors`` one) or a split
(``successors`` several; the first is the default successor).

>>> from datetime import date
>>> reg = UnitRegistry([
...     Unit("TN", "Huyện Tam Nông", UnitLevel.DISTRICT),
...     Unit("A", "Xã A", UnitLevel.COMMUNE, parent="TN", valid_to=date(2020, 1, 1)),
...     Unit("B", "Xã B", UnitLevel.COMMUNE, parent="TN", valid_to=date(2020, 1, 1)),
...     Unit("AB", "Xã AB", UnitLevel.COMMUNE, parent="TN", valid_from=date(2020, 1, 1)),
... ], [Succession(date(2020, 1, 1), ("A", "B"), ("AB",))])
>>> reg.resolve("A", date(2021, 1, 1))
('AB',)
>>> [u.code for u in reg.descendants("TN", date(2019, 6, 1))]
['A', 'B']
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import Any

from attrs import field, frozen

from danvan import _validators as v
from danvan._text import fold
from danvan.errors import (
    AmbiguousUnitError,
    DanvanError,
    DanvanErrorGroup,
    FieldError,
    UnknownUnitError,
)
from danvan.records.document_numbers import DocumentNumber
from danvan.records.vocabulary import AdminType, UnitKind, UnitLevel

__all__ = ["Succession", "Unit", "UnitRegistry", "UnitRegistryError"]


@frozen
class Unit:
    """One version of an administrative area or an organisation.

    ``parent`` is the code of the unit directly above (for a body such as a
    district Party committee, the area it belongs to), so that a scope rooted
    at an area takes in its bodies too.
    """

    code: str = field(validator=v.code)
    name: str = field(validator=v.text)
    level: UnitLevel = field(validator=v.member(UnitLevel))
    kind: UnitKind = field(default=UnitKind.ADMINISTRATIVE_AREA, validator=v.member(UnitKind))
    parent: str | None = field(default=None, validator=v.optional(v.code))
    valid_from: dt.date | None = field(default=None, validator=v.optional(v.date))
    valid_to: dt.date | None = field(default=None, validator=v.optional(v.date))
    admin_type: AdminType | None = field(default=None, validator=v.optional(v.member(AdminType)))
    short_name: str | None = field(default=None, validator=v.optional(v.text))

    def __attrs_post_init__(self) -> None:
        if self.parent == self.code:
            raise FieldError("parent", self.parent, "expected a unit other than itself")
        if self.valid_from and self.valid_to and self.valid_to <= self.valid_from:
            raise FieldError("valid_to", self.valid_to, f"expected a date after {self.valid_from}")

    def valid_on(self, day: dt.date | None) -> bool:
        """Whether this version holds on ``day`` (``None``: any day)."""
        if day is None:
            return True
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day < self.valid_to
        )


@frozen
class Succession:
    """Units that became other units on a date (merger, split, or both)."""

    on: dt.date = field(validator=v.date)
    predecessors: tuple[str, ...] = field(validator=v.tuple_of(v.code, unique=True, non_empty=True))
    successors: tuple[str, ...] = field(validator=v.tuple_of(v.code, unique=True, non_empty=True))
    basis: DocumentNumber | None = field(
        default=None, validator=v.optional(v.typed(DocumentNumber, "a DocumentNumber"))
    )

    @property
    def default(self) -> str:
        """The successor that takes a predecessor's records when it was split."""
        return self.successors[0]


#: Abbreviated kind words and what they stand for.
_ABBREVIATIONS = {"tp": "thanh pho", "tx": "thi xa", "tt": "thi tran"}

#: Kind words that may open a unit's name ("Huyện Tam Nông"), longest first.
_PREFIXES = sorted({fold(t.label) for t in AdminType} | {*_ABBREVIATIONS, *_ABBREVIATIONS.values()},
                   key=len, reverse=True)


def _key(name: str, folded: str | None = None) -> str:
    """``name`` folded, with an abbreviated kind word spelt out: ``TP. Vinh`` → ``thanh pho vinh``.

    ``folded`` is ``fold(name)`` when the caller has it already.
    """
    folded = fold(name) if folded is None else folded
    head, _, rest = folded.partition(" ")
    full = _ABBREVIATIONS.get(head.rstrip("."))
    return f"{full} {rest}" if full and rest else folded


#: Bodies whose name opens with their area's ("UBND huyện Tam Nông"), folded,
#: with the kind word they imply ("Huyện ủy Tam Nông" is of a huyện), longest first.
_BODIES = (
    ("uy ban nhan dan", ""), ("hoi dong nhan dan", ""), ("ubnd", ""), ("hdnd", ""),
    ("dang uy", ""), ("dang bo", ""), ("huyen uy", "huyen"), ("tinh uy", "tinh"),
    ("thi uy", "thi xa"), ("thanh uy", "thanh pho"), ("quan uy", "quan"),
)


def _without_body(name: str) -> str | None:
    """The area's name inside a body's (folded), or ``None`` when ``name`` names no body.

    ``UBND huyện Tam Nông`` → ``huyen tam nong``; ``Ban Dân vận Huyện ủy Tam Nông`` →
    ``huyen tam nong``: a "Ban …" is cut at the first body or kind word after it.
    """
    text = fold(name)
    if text.startswith("ban "):
        markers = (*(body for body, _ in _BODIES), *_PREFIXES)
        words = text.split(" ")
        for i in range(2, min(len(words), 10)):  # a board's own name is a few words
            rest = " ".join(words[i:])
            if any(rest.startswith(marker + " ") for marker in markers):
                text = rest
                break
        else:
            return None
    for body, kind in _BODIES:
        if text.startswith(body + " "):
            rest = text[len(body) + 1:]
            return f"{kind} {rest}" if kind else rest
    return text if text != fold(name) else None


def _bare(name: str, folded: str | None = None) -> str:
    """``name`` folded, without a leading kind word: ``Huyện Tam Nông`` → ``tam nong``."""
    folded = fold(name) if folded is None else folded
    for prefix in _PREFIXES:
        if folded.startswith(prefix + ". "):
            return folded[len(prefix) + 2:]
        if folded.startswith(prefix + " "):
            return folded[len(prefix) + 1:]
    return folded


class UnitRegistryError(DanvanErrorGroup):
    """Units and successions that do not form a consistent history."""


class UnitRegistry:
    """Every unit version and succession, with the questions a report asks of them.

    Methods that take ``on`` answer for that day; with ``on=None`` they use each
    code's latest version and ignore validity.
    """

    __slots__ = ("_by_name", "_children", "_successions", "_successors", "_versions")

    def __init__(self, units: Iterable[Unit] = (), successions: Iterable[Succession] = ()) -> None:
        versions: dict[str, list[Unit]] = defaultdict(list)
        for unit in units:
            if not isinstance(unit, Unit):
                raise FieldError("units", unit, "expected a Unit")
            versions[unit.code].append(unit)
        self._versions = {
            code: tuple(sorted(vs, key=lambda u: u.valid_from or dt.date.min))
            for code, vs in versions.items()
        }
        given = tuple(successions)
        for succession in given:
            if not isinstance(succession, Succession):
                raise FieldError("successions", succession, "expected a Succession")
        self._successions = tuple(sorted(dict.fromkeys(given), key=lambda s: s.on))
        self._successors: dict[str, list[Succession]] = defaultdict(list)
        for succession in self._successions:
            for code in succession.predecessors:
                self._successors[code].append(succession)
        self._children: dict[str, list[Unit]] = defaultdict(list)
        for vs in self._versions.values():
            for unit in vs:
                if unit.parent is not None:
                    self._children[unit.parent].append(unit)
        self._by_name: dict[str, list[Unit]] | None = None
        problems = list(self._problems(given))
        if problems:
            raise UnitRegistryError("inconsistent units", problems)

    def _problems(self, successions: tuple[Succession, ...]) -> Iterator[DanvanError]:
        cyclic = self._cyclic()
        for code, vs in self._versions.items():
            for earlier, later in itertools.pairwise(vs):
                if earlier.valid_to is None or later.valid_from is None or (
                    later.valid_from < earlier.valid_to
                ):
                    yield FieldError(f"units[{code!r}]", later, "expected versions not to overlap")
            for unit in vs:
                if unit.parent is not None and unit.parent not in self._versions:
                    yield FieldError(f"units[{code!r}].parent", unit.parent, "expected a known unit")
            if code in cyclic:
                yield FieldError(f"units[{code!r}].parent", vs[-1].parent, "expected no cycle")
        for index, succession in enumerate(successions):
            for code in (*succession.predecessors, *succession.successors):
                if code not in self._versions:
                    yield FieldError(f"successions[{index}]", code, "expected a known unit")

    def _cyclic(self) -> set[str]:
        """The codes whose chain of latest parents runs into a loop, in one linear pass.

        Each code is walked up once: a walk stops at a code already settled by an
        earlier walk, and settles every code it passed.
        """
        settled: dict[str, bool] = {}
        for start in self._versions:
            path: list[str] = []
            on_path: set[str] = set()
            code: str | None = start
            while code is not None and code in self._versions and code not in settled:
                if code in on_path:
                    break
                path.append(code)
                on_path.add(code)
                code = self._versions[code][-1].parent
            looped = code is not None and (code in on_path or settled.get(code, False))
            for passed in path:
                settled[passed] = looped
        return {code for code, looped in settled.items() if looped}

    # -- membership ------------------------------------------------------------

    def __contains__(self, code: object) -> bool:
        return code in self._versions

    def __iter__(self) -> Iterator[Unit]:
        """Every version of every unit."""
        for vs in self._versions.values():
            yield from vs

    def __len__(self) -> int:
        """Number of distinct codes."""
        return len(self._versions)

    def __repr__(self) -> str:
        return f"<UnitRegistry: {len(self)} units>"

    @property
    def successions(self) -> tuple[Succession, ...]:
        """Every succession, oldest first."""
        return self._successions

    def versions(self, code: str) -> tuple[Unit, ...]:
        """Every version of ``code``, oldest first."""
        try:
            return self._versions[code]
        except KeyError:
            raise UnknownUnitError(code) from None

    def get(self, code: str, on: dt.date | None = None) -> Unit:
        """The version of ``code`` that holds on ``on`` (the latest with ``on=None``)."""
        vs = self.versions(code)
        if on is None:
            return vs[-1]
        for unit in vs:
            if unit.valid_on(on):
                return unit
        raise UnknownUnitError(code, f"unit does not exist on {on.isoformat()}")

    def _lifespans(self) -> dict[str, tuple[tuple[dt.date, dt.date | None], ...]]:
        """Each code's versions as ``(first day, day after the last or None)`` pairs: ``code``
        exists on ``day`` when ``first <= day and (end is None or day < end)`` for one."""
        return {code: tuple((u.valid_from or dt.date.min, u.valid_to) for u in vs)
                for code, vs in self._versions.items()}

    def exists(self, code: str, on: dt.date | None = None) -> bool:
        """Whether ``code`` names a unit that holds on ``on``."""
        return any(u.valid_on(on) for u in self._versions.get(code, ()))

    def as_of(self, on: dt.date) -> tuple[Unit, ...]:
        """Every unit that exists on ``on``, one version each."""
        return tuple(u for vs in self._versions.values() for u in vs if u.valid_on(on))

    # -- hierarchy -------------------------------------------------------------

    def parent(self, code: str, on: dt.date | None = None) -> Unit | None:
        """The unit directly above ``code`` on ``on``, or ``None`` at the top."""
        parent = self.get(code, on).parent
        return None if parent is None else self.get(parent, on)

    def ancestors(self, code: str, on: dt.date | None = None) -> list[Unit]:
        """The units above ``code``, nearest first."""
        found: list[Unit] = []
        seen = {code}
        current = self.parent(code, on)
        while current is not None:
            if current.code in seen:
                # Each version's parent is checked for existence, not for cycles
                # on every day: a loop of older versions shows up here.
                raise UnitRegistryError("inconsistent units", [FieldError(
                    f"units[{current.code!r}].parent", current.parent,
                    f"expected no cycle on {on.isoformat() if on else 'the latest versions'}")])
            found.append(current)
            seen.add(current.code)
            current = self.parent(current.code, on)
        return found

    def children(self, code: str, on: dt.date | None = None) -> list[Unit]:
        """The units directly below ``code`` on ``on``."""
        self.versions(code)
        return [
            u for u in self._children.get(code, ())
            if u.valid_on(on) and (on is not None or u is self._versions[u.code][-1])
        ]

    def descendants(self, code: str, on: dt.date | None = None) -> list[Unit]:
        """Every unit below ``code`` on ``on``, depth first."""
        found: list[Unit] = []
        stack = list(reversed(self.children(code, on)))
        while stack:
            unit = stack.pop()
            found.append(unit)
            stack.extend(reversed(self.children(unit.code, on)))
        return found

    # -- change over time ----------------------------------------------------

    def successors(self, code: str) -> tuple[Succession, ...]:
        """The successions in which ``code`` was a predecessor, oldest first."""
        self.versions(code)
        return tuple(self._successors.get(code, ()))

    def resolve(self, code: str, on: dt.date) -> tuple[str, ...]:
        """The codes that ``code`` had become by ``on``: itself while it exists.

        A code that ended in a succession and was later given to another unit
        (a version starting on or after that succession) is followed through
        the succession, not taken for the new unit. When a code that no longer
        exists was in several successions, the latest is followed first (the
        code's last holder): a code reused by a second unit resolves, by
        default, as that unit's.

        A split yields every successor, the default first; an empty tuple means
        the unit ended without a recorded successor.
        """
        self.versions(code)
        found: list[str] = []
        seen: set[tuple[str, dt.date | None]] = set()
        # Depth first with an explicit stack (a chain of thousands of successions
        # must not exhaust the interpreter's recursion limit), defaults first. A
        # code is visited once per date it is reached from: a code reused later
        # (renumbered back) may be reached again through a later succession.
        stack: list[tuple[str, dt.date | None]] = [(code, None)]
        while stack:
            current, since = stack.pop()
            if (current, since) in seen:
                continue
            seen.add((current, since))
            followed = [s for s in self._successors.get(current, ())
                        if s.on <= on and (since is None or s.on >= since)]
            if self.exists(current, on) and not self._reused(current, on, since, followed):
                if current not in found:
                    found.append(current)
                continue
            # The latest succession first: a code given to a second unit and then
            # changed again is read as that later unit's (a record does not say which).
            for succession in followed:
                stack.extend((successor, succession.on)
                             for successor in reversed(succession.successors))
        return tuple(found)

    def _reused(self, code: str, on: dt.date, since: dt.date | None,
                followed: list[Succession]) -> bool:
        """Whether the version of ``code`` on ``on`` is another unit than the one reached
        (on ``since``, through a succession naming it): the last succession after ``since``
        and before that version began ended ``code`` instead of keeping it."""
        start = self.get(code, on).valid_from
        before = [s for s in followed
                  if start is not None and s.on <= start and (since is None or s.on > since)]
        return bool(before) and code not in before[-1].successors

    def resolve_default(self, code: str, on: dt.date) -> str | None:
        """The single code that takes ``code``'s records on ``on``: the first of :meth:`resolve`.

        :meth:`resolve` follows default successors first, so this is the end of
        the default chain when that chain reaches a unit existing on ``on``, else
        the first other successor that does; ``None`` when none does (the unit
        ended without a recorded successor).
        """
        found = self.resolve(code, on)
        return found[0] if found else None

    # -- names -------------------------------------------------------------------

    def named(self, name: str, on: dt.date | None = None) -> list[Unit]:
        """Every version called ``name`` that holds on ``on``, oldest first.

        The name matches with or without diacritics, and with or without its kind
        word ("Huyện Tam Nông", "Tam Nông", "TP. Vinh"); a name with a kind word
        matches only units of that kind. A body's name that matches no unit is
        read as its area's: "UBND huyện Tam Nông", "HĐND xã …", "Ủy ban nhân dân …",
        "Đảng ủy xã …", "Ban Dân vận Huyện ủy Tam Nông" (a huyện).
        """
        if self._by_name is None:
            index: dict[str, list[Unit]] = defaultdict(list)
            folds: dict[str, str] = {}  # many versions share a name: fold each name once
            labels = {t: fold(t.label) for t in AdminType}

            def folded(text: str) -> str:
                if text not in folds:
                    folds[text] = fold(text)
                return folds[text]

            for vs in self._versions.values():
                for unit in vs:
                    short = unit.short_name or unit.name
                    bare = _bare(unit.name, folded(unit.name))
                    keys = {_key(unit.name, folded(unit.name)), bare, _key(short, folded(short))}
                    if unit.admin_type is not None:
                        keys.add(f"{labels[unit.admin_type]} {bare}")
                    for key in keys:
                        index[key].append(unit)
            self._by_name = index
        found = self._by_name.get(_key(name))
        if found is None:
            inner = _without_body(name)
            found = self._by_name.get(_key(inner), []) if inner else []
        return [u for u in found if u.valid_on(on)]

    def find(self, name: str, on: dt.date | None = None) -> Unit:
        """The unit called ``name`` (see :meth:`named`); the latest matching version.

        Raises :class:`AmbiguousUnitError` listing the candidates when several
        units share the name.
        """
        found = self.named(name, on)
        codes = list(dict.fromkeys(u.code for u in found))
        if not codes:
            raise UnknownUnitError(name, "no unit of that name")
        if len(codes) > 1:
            raise self.ambiguous(name, found)
        return found[-1]

    def describe(self, unit: Unit) -> str:
        """``unit`` in a line: code, name, level, province and validity.

        >>> reg = UnitRegistry([Unit("P", "Tỉnh P", UnitLevel.PROVINCE),
        ...                     Unit("D", "Huyện D", UnitLevel.DISTRICT, parent="P",
        ...                          valid_to=dt.date(2025, 7, 1))])
        >>> reg.describe(reg.get("D"))
        'D Huyện D (district, Tỉnh P, until 30/06/2025)'
        """
        day = unit.valid_from or (unit.valid_to - dt.timedelta(days=1) if unit.valid_to else None)
        try:
            above = self.ancestors(unit.code, day)
        except (UnknownUnitError, UnitRegistryError):  # a unit not (or not consistently) here
            above = []
        province = next((u.name for u in above if u.level is UnitLevel.PROVINCE), None)
        last = unit.valid_to - dt.timedelta(days=1) if unit.valid_to else None
        valid = (f"{unit.valid_from:%d/%m/%Y}–{last:%d/%m/%Y}" if unit.valid_from and last
                 else f"from {unit.valid_from:%d/%m/%Y}" if unit.valid_from
                 else f"until {last:%d/%m/%Y}" if last else "all dates")
        return f"{unit.code} {unit.name} ({', '.join(filter(None, (unit.level.value, province, valid)))})"

    def ambiguous(self, name: str, found: Iterable[Unit]) -> AmbiguousUnitError:
        """The error for ``name`` matching several units: ``candidates`` holds their codes,
        and the message describes each version found (:meth:`describe`)."""
        found = list(found)
        error = AmbiguousUnitError(name, list(dict.fromkeys(u.code for u in found)))
        error.args = (f"unit: {name!r} is ambiguous; candidates: "
                      + "; ".join(self.describe(u) for u in found),)
        return error

    def combine(self, units: Iterable[Unit] = (), successions: Iterable[Succession] = (),
                ) -> UnitRegistry:
        """A new registry with this one's units and successions plus the given ones."""
        return UnitRegistry([*self, *units], [*self.successions, *successions])

    def __eq__(self, other: Any) -> bool:
        if not isinstance(other, UnitRegistry):
            return NotImplemented
        return self._versions == other._versions and self.successions == other.successions

    __hash__ = None  # type: ignore[assignment]
