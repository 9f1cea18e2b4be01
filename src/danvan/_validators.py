"""attrs validators that raise :class:`~danvan.errors.FieldError` naming the field.

The ``check_*`` functions do the same checks on plain function arguments: each
returns the value it accepts and raises ``error(name, value, expected)``, a
:class:`~danvan.errors.FieldError` unless the module documents another class
(the calendar raises :class:`~danvan.errors.CalendarError`).
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from attrs import Attribute

from danvan.errors import FieldError

__all__ = [
    "MAX_COUNT",
    "NO_SURROGATES",
    "OPTIONAL_OF",
    "TYPE_ONLY",
    "VALUE_ONLY",
    "ErrorFactory",
    "as_tuple",
    "check_count",
    "check_date",
    "check_items",
    "check_member",
    "check_year",
    "code",
    "count",
    "date",
    "flag",
    "has_surrogate",
    "member",
    "optional",
    "text",
    "tuple_of",
    "typed",
]

Validator = Callable[[Any, "Attribute[Any]", Any], None]
#: Makes the error of a ``check_*`` function from the argument's name, its value and what was expected.
ErrorFactory = Callable[[str, Any, str], Exception]

_E = TypeVar("_E", bound=enum.Enum)
_T = TypeVar("_T")

#: The largest count a record may hold: far beyond any real count, small enough that sums
#: of millions of them stay exact and printable (Python refuses ``str()`` of ints over 4.300 digits).
MAX_COUNT = 10**15

#: What a text field with a lone surrogate (e.g. JSON ``"\\ud800"``) is told.
NO_SURROGATES = "expected text (no lone surrogates)"

#: Validators that check only the type of the value (``flag``: a bool; ``member(E)``: an ``E``),
#: with that type; ``("optional", t)`` and ``("tuple", t)`` for ``optional`` and ``tuple_of``
#: of such a validator. A reader that already guarantees the type may skip them.
TYPE_ONLY: dict[Callable[..., None], object] = {}

#: Validators whose verdict depends on the value alone (not on the instance): a reader may
#: check a field's constant default once rather than on every record.
VALUE_ONLY: set[Callable[..., None]] = set()

#: The validator each :func:`optional` validator applies to a value that is not ``None``.
OPTIONAL_OF: dict[Callable[..., None], Callable[..., None]] = {}

_DATE = "expected a date (not a datetime)"
_COUNT = "expected a whole number >= 0"
_TOO_BIG = "expected a whole number of at most 10^15 (a count beyond any real one)"
_SURROGATE = re.compile("[\ud800-\udfff]")
_SPACE_OR_SURROGATE = re.compile("[\\s\ud800-\udfff]")


def _is_date(value: Any) -> bool:
    return isinstance(value, dt.date) and not isinstance(value, dt.datetime)


def _is_count(value: Any) -> bool:
    return not isinstance(value, bool) and isinstance(value, int) and 0 <= value <= MAX_COUNT


def has_surrogate(value: str) -> bool:
    """Whether ``value`` holds a lone surrogate (text that cannot be written as UTF-8)."""
    return _SURROGATE.search(value) is not None


def text(_: Any, attribute: Attribute[Any], value: Any) -> None:
    """Non-empty text (without lone surrogates)."""
    if not isinstance(value, str) or not value.strip():
        raise FieldError(attribute.name, value, "expected non-empty text")
    if _SURROGATE.search(value):
        raise FieldError(attribute.name, value, NO_SURROGATES)


def code(_: Any, attribute: Attribute[Any], value: Any) -> None:
    """An identifier: non-empty text without white space (or lone surrogates)."""
    if not isinstance(value, str) or not value or _SPACE_OR_SURROGATE.search(value):
        if isinstance(value, str) and _SURROGATE.search(value):
            raise FieldError(attribute.name, value, NO_SURROGATES)
        raise FieldError(attribute.name, value, "expected an identifier without spaces")


def _count_problem(value: Any) -> str:
    return _TOO_BIG if isinstance(value, int) and value > MAX_COUNT else _COUNT


def count(_: Any, attribute: Attribute[Any], value: Any) -> None:
    """A whole number >= 0, at most :data:`MAX_COUNT` (a ``bool`` is not a number here)."""
    if not _is_count(value):
        raise FieldError(attribute.name, value, _count_problem(value))


def flag(_: Any, attribute: Attribute[Any], value: Any) -> None:
    """``True`` or ``False``, nothing truthy."""
    if not isinstance(value, bool):
        raise FieldError(attribute.name, value, "expected true or false")


def date(_: Any, attribute: Attribute[Any], value: Any) -> None:
    """A calendar date (a ``datetime`` is rejected: danvan records days)."""
    if not _is_date(value):
        raise FieldError(attribute.name, value, "expected a date")


def member(enum_type: type[enum.Enum]) -> Validator:
    """A member of ``enum_type``."""

    def check(_: Any, attribute: Attribute[Any], value: Any) -> None:
        if not isinstance(value, enum_type):
            raise FieldError(attribute.name, value, f"expected a {enum_type.__name__}")

    TYPE_ONLY[check] = enum_type
    VALUE_ONLY.add(check)
    return check


def typed(cls: type, description: str | None = None) -> Validator:
    """An instance of ``cls`` (text without lone surrogates, when ``cls`` is ``str``)."""

    def check(_: Any, attribute: Attribute[Any], value: Any) -> None:
        if not isinstance(value, cls):
            raise FieldError(attribute.name, value, f"expected {description or cls.__name__}")
        if cls is str and isinstance(value, str) and _SURROGATE.search(value):
            raise FieldError(attribute.name, value, NO_SURROGATES)

    if cls is not str:
        TYPE_ONLY[check] = cls
    VALUE_ONLY.add(check)
    return check


def optional(validator: Validator) -> Validator:
    """``None`` or what ``validator`` accepts."""

    def check(instance: Any, attribute: Attribute[Any], value: Any) -> None:
        if value is not None:
            validator(instance, attribute, value)

    if validator in TYPE_ONLY:
        TYPE_ONLY[check] = ("optional", TYPE_ONLY[validator])
    OPTIONAL_OF[check] = validator
    if validator in VALUE_ONLY:
        VALUE_ONLY.add(check)
    return check


def tuple_of(validator: Validator, *, unique: bool = False, non_empty: bool = False) -> Validator:
    """A tuple whose items ``validator`` accepts; the error names the item's index."""

    def check(instance: Any, attribute: Attribute[Any], value: Any) -> None:
        if not isinstance(value, tuple):
            raise FieldError(attribute.name, value, "expected a tuple")
        if non_empty and not value:
            raise FieldError(attribute.name, value, "expected at least one item")
        for index, item in enumerate(value):
            try:
                validator(instance, attribute, item)
            except FieldError as error:
                raise FieldError(f"{attribute.name}[{index}]", item, error.expected) from None
        if unique and len(set(value)) != len(value):
            raise FieldError(attribute.name, value, "expected no repeated items")

    if validator in TYPE_ONLY and not unique and not non_empty:
        TYPE_ONLY[check] = ("tuple", TYPE_ONLY[validator])
    if validator in VALUE_ONLY:
        VALUE_ONLY.add(check)
    return check


def as_tuple(value: Any, *, sets: bool = False) -> Any:
    """Converter for a tuple field: a list or tuple (with ``sets``, a set or frozenset too)
    becomes a tuple, sorted when it holds only dates; anything else is left for the validator.

    >>> as_tuple([3, 1]), as_tuple({1}), as_tuple({dt.date(2026, 1, 2), dt.date(2026, 1, 1)}, sets=True)
    ((3, 1), {1}, (datetime.date(2026, 1, 1), datetime.date(2026, 1, 2)))
    """
    if not (isinstance(value, list | tuple) or (sets and isinstance(value, set | frozenset))):
        return value
    items: tuple[Any, ...] = tuple(value)
    return tuple(sorted(items)) if all(_is_date(item) for item in items) else items


def check_date(value: Any, name: str, error: ErrorFactory = FieldError) -> dt.date:
    """``value`` if it is a date; a ``datetime`` is refused (danvan counts whole days)."""
    if not _is_date(value):
        raise error(name, value, _DATE)
    return value  # type: ignore[no-any-return]


def check_count(value: Any, name: str, error: ErrorFactory = FieldError) -> int:
    """``value`` if it is a whole number >= 0, at most :data:`MAX_COUNT` (not a ``bool``)."""
    if not _is_count(value):
        raise error(name, value, _count_problem(value))
    return value  # type: ignore[no-any-return]


def check_year(value: Any, name: str, first: int, last: int,
               error: ErrorFactory = FieldError) -> int:
    """``value`` if it is a whole number from ``first`` to ``last`` (not a ``bool``, not ``2026.0``)."""
    if isinstance(value, bool) or not isinstance(value, int) or not first <= value <= last:
        raise error(name, value, f"expected a year in the supported range {first}-{last}")
    return value


def check_member(value: Any, enum_type: type[_E], name: str,
                 error: ErrorFactory = FieldError) -> _E:
    """``value`` if it is a member of ``enum_type``."""
    if not isinstance(value, enum_type):
        raise error(name, value, f"expected a {enum_type.__name__}")
    return value


def check_items(value: Any, cls: type[_T], name: str,
                error: ErrorFactory = FieldError) -> tuple[_T, ...]:
    """The items of ``value``, an iterable (not text) of ``cls``; the error names the item's index."""
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        raise error(name, value, f"expected a collection of {cls.__name__}")
    items = tuple(value)
    for index, item in enumerate(items):
        if not isinstance(item, cls):
            raise error(f"{name}[{index}]", item, f"expected a {cls.__name__}")
    return items


TYPE_ONLY.update({flag: bool, date: dt.date})
VALUE_ONLY.update((text, code, count, flag, date))
