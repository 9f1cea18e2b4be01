"""attrs validators that raise :class:`~danvan.errors.FieldError` naming the field."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable
from typing import Any

from attrs import Attribute

from danvan.errors import FieldError

__all__ = [
    "code",
    "count",
    "date",
    "flag",
    "member",
    "optional",
    "text",
    "tuple_of",
    "typed",
]

Validator = Callable[[Any, "Attribute[Any]", Any], None]


def text(_: Any, attribute: Attribute[Any], value: Any) -> None:
    """Non-empty text."""
    if not isinstance(value, str) or not value.strip():
        raise FieldError(attribute.name, value, "expected non-empty text")


def code(_: Any, attribute: Attribute[Any], value: Any) -> None:
    """An identifier: non-empty text without white space."""
    if not isinstance(value, str) or not value or any(c.isspace() for c in value):
        raise FieldError(attribute.name, value, "expected an identifier without spaces")


def count(_: Any, attribute: Attribute[Any], value: Any) -> None:
    """A whole number >= 0 (a ``bool`` is not a number here)."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise FieldError(attribute.name, value, "expected a whole number >= 0")


def flag(_: Any, attribute: Attribute[Any], value: Any) -> None:
    """``True`` or ``False``, nothing truthy."""
    if not isinstance(value, bool):
        raise FieldError(attribute.name, value, "expected true or false")


def date(_: Any, attribute: Attribute[Any], value: Any) -> None:
    """A calendar date (a ``datetime`` is rejected: danvan records days)."""
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        raise FieldError(attribute.name, value, "expected a date")


def member(enum_type: type[enum.Enum]) -> Validator:
    """A member of ``enum_type``."""

    def check(_: Any, attribute: Attribute[Any], value: Any) -> None:
        if not isinstance(value, enum_type):
            raise FieldError(attribute.name, value, f"expected a {enum_type.__name__}")

    return check


def typed(cls: type, description: str | None = None) -> Validator:
    """An instance of ``cls``."""

    def check(_: Any, attribute: Attribute[Any], value: Any) -> None:
        if not isinstance(value, cls):
            raise FieldError(attribute.name, value, f"expected {description or cls.__name__}")

    return check


def optional(validator: Validator) -> Validator:
    """``None`` or what ``validator`` accepts."""

    def check(instance: Any, attribute: Attribute[Any], value: Any) -> None:
        if value is not None:
            validator(instance, attribute, value)

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

    return check
