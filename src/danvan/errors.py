"""Every error danvan raises.

All of them subclass :class:`DanvanError`; each leaf also subclasses the builtin
it refines (``ValueError``, ``LookupError``), as ``packaging``'s
``InvalidVersion`` does, so callers can catch either. Messages have one shape:
``path: what was expected, got 'value'``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Self

__all__ = [
    "AmbiguousUnitError",
    "CalendarError",
    "DanvanError",
    "DanvanErrorGroup",
    "DataError",
    "DocumentNumberError",
    "FieldError",
    "IntegrityError",
    "LifecycleError",
    "NumberFormatError",
    "PeriodError",
    "RowError",
    "RuleError",
    "StructureError",
    "TableError",
    "UnknownUnitError",
    "VocabularyError",
    "flatten",
    "join_path",
    "shorten",
]


class DanvanError(Exception):
    """Root of every error raised by danvan."""


class FieldError(DanvanError, ValueError):
    """A value that a field of an entity does not accept.

    ``path`` names the field (``received_on``, or ``petitions[3].received_on``
    once the serializer has placed it), ``value`` is the offending value.
    """

    def __init__(self, path: str, value: object, expected: str) -> None:
        self.path = path
        self.value = value
        self.expected = expected
        super().__init__(f"{path}: {expected}, got {value!r}")

    def at(self, prefix: str) -> FieldError:
        """The same error with its path placed under ``prefix``."""
        return type(self)(join_path(prefix, self.path), self.value, self.expected)


class StructureError(FieldError):
    """Input data (a dict or JSON text) that does not describe a danvan entity."""


def shorten(value: object, limit: int = 80) -> object:
    """``value`` with text longer than ``limit`` characters cut, so a message stays readable.

    >>> shorten("x" * 100)[-5:], shorten(12)
    ('xx...', 12)
    """
    if isinstance(value, str) and len(value) > limit:
        return value[: limit - 3] + "..."
    return value


class RowError(FieldError):
    """A cell of a table (a CSV, a sheet, a DataFrame) that does not give a record's field.

    ``source`` names the file or sheet, ``row`` is the row as a spreadsheet
    numbers it (the header is row 1; ``None`` for a problem with a whole
    column), ``column`` is the header as the source writes it; ``value`` is the
    cell, cut to 80 characters in the message.
    """

    def __init__(self, source: str, row: int | None, column: str, value: object,
                 expected: str) -> None:
        self.source = source
        self.row = row
        self.column = column
        where = source if row is None else f"{source} row {row}"
        if column:
            where += f", column {column!r}"
        super().__init__(where, value, expected)
        got = "" if value is None else f", got {shorten(value)!r}"
        self.args = (f"{where}: {expected}{got}",)

    def __str__(self) -> str:
        return str(self.args[0])

    def at(self, prefix: str) -> FieldError:
        """The same error (a row error is already placed)."""
        return self


class VocabularyError(DanvanError, ValueError):
    """A code or Vietnamese label that names no member of a danvan enumeration."""

    def __init__(self, enum_name: str, value: object, candidates: Sequence[str] = ()) -> None:
        self.enum_name = enum_name
        self.value = value
        self.candidates = tuple(candidates)
        hint = f"; expected one of {', '.join(self.candidates)}" if self.candidates else ""
        super().__init__(f"{enum_name}: no member for {value!r}{hint}")


class DocumentNumberError(DanvanError, ValueError):
    """Text that is not a Vietnamese document number such as ``25-NQ/TW``."""

    def __init__(self, value: object, reason: str) -> None:
        self.value = value
        self.reason = reason
        super().__init__(f"document number: {reason}, got {value!r}")


class LifecycleError(DanvanError, ValueError):
    """A petition event that the lifecycle does not allow at that point."""

    def __init__(self, path: str, value: object, reason: str) -> None:
        self.path = path
        self.value = value
        self.reason = reason
        super().__init__(f"{path}: {reason}, got {value!r}")


class UnknownUnitError(DanvanError, LookupError):
    """A unit code or name that the registry does not hold."""

    def __init__(self, value: object, reason: str = "no such unit") -> None:
        self.value = value
        super().__init__(f"unit: {reason}, got {value!r}")


class AmbiguousUnitError(DanvanError, LookupError):
    """A unit name that matches several units; ``candidates`` lists their codes."""

    def __init__(self, value: object, candidates: Sequence[str]) -> None:
        self.value = value
        self.candidates = tuple(candidates)
        super().__init__(
            f"unit: {value!r} is ambiguous; candidates: {', '.join(self.candidates)}"
        )


class PeriodError(DanvanError, ValueError):
    """A period that is empty, reversed, or written in a form danvan does not read."""

    def __init__(self, value: object, reason: str) -> None:
        self.value = value
        self.reason = reason
        super().__init__(f"period: {reason}, got {value!r}")


class CalendarError(DanvanError, ValueError):
    """A date outside the supported range, or a lunar date that does not exist."""

    def __init__(self, value: object, reason: str) -> None:
        self.value = value
        self.reason = reason
        super().__init__(f"calendar: {reason}, got {value!r}")


class RuleError(DanvanError, ValueError):
    """A legal rule (time limit, cadence) that is missing, inconsistent or not applicable."""

    def __init__(self, value: object, reason: str) -> None:
        self.value = value
        self.reason = reason
        super().__init__(f"rule: {reason}, got {value!r}")


class NumberFormatError(DanvanError, ValueError):
    """Text that is not a number as Vietnamese reports print it.

    ``position`` is the offset of the first offending character in ``text``.
    """

    def __init__(self, text: str, position: int, reason: str) -> None:
        self.text = text
        self.position = position
        self.reason = reason
        super().__init__(f"number: {reason} at position {position}, got {text!r}")


class DanvanErrorGroup(ExceptionGroup[DanvanError], DanvanError):
    """Several problems found at once; each sub-exception is a :class:`DanvanError`.

    ``str()`` lists one problem per line; :func:`flatten` gives them as a list.
    """

    def __new__(cls, message: str, exceptions: Sequence[DanvanError]) -> Self:
        return super().__new__(cls, message, exceptions)

    def derive(self, excs: Sequence[DanvanError]) -> Self:  # type: ignore[override]
        return type(self)(self.message, excs)

    def __str__(self) -> str:
        lines = "\n".join(f"  {line}" for line in flatten(self))
        return f"{self.message} ({len(self.exceptions)} problem(s)):\n{lines}"


class DataError(DanvanErrorGroup):
    """Input data (dicts or JSON text) that does not describe danvan entities.

    Each sub-exception is a :class:`StructureError` naming the path of the bad value.
    """


class TableError(DanvanErrorGroup):
    """Tables whose rows do not describe danvan records; each problem is a :class:`RowError`.

    ``str()`` lists the first :attr:`SHOWN` problems and ends with "and N more";
    :func:`flatten` gives them all.
    """

    SHOWN = 20

    def __str__(self) -> str:
        lines = flatten(self)
        shown = "\n".join(f"  {line}" for line in lines[: self.SHOWN])
        more = f"\n  and {len(lines) - self.SHOWN} more" if len(lines) > self.SHOWN else ""
        return f"{self.message} ({len(lines)} problem(s)):\n{shown}{more}"


class IntegrityError(DanvanErrorGroup):
    """A dataset whose records reference units, directives or models it does not hold."""


def join_path(prefix: str, path: str) -> str:
    """``path`` under ``prefix``: ``petitions[3]`` + ``received_on``, ``units`` + ``[0]``; ``$`` for none.

    >>> join_path("petitions[3]", "received_on"), join_path("units", "[0]"), join_path("", "")
    ('petitions[3].received_on', 'units[0]', '$')
    """
    if not path:
        return prefix or "$"
    if not prefix:
        return path
    return f"{prefix}{path}" if path.startswith("[") else f"{prefix}.{path}"


def flatten(error: BaseException) -> list[str]:
    """One line per problem in ``error``, nested groups included (like cattrs' ``transform_error``)."""
    if isinstance(error, BaseExceptionGroup):
        lines: list[str] = []
        for sub in error.exceptions:
            lines.extend(flatten(sub))
        return lines
    return [str(error)]
