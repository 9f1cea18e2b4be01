"""Reading one cell of a table into a record's value, by the kind of its column.

A source gives cells as text (CSV), as Python values (Excel: ``datetime``,
``int``, ``float``; Arrow: ``date``, ``int``, ``bool``) or as nothing (``None``,
``""``, a NaN). Each parser takes one non-empty cell and returns the value or
raises :class:`Bad` with what was expected; results of text cells are cached,
since a column repeats few distinct values.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from typing import Any, Final

from danvan._text import fold
from danvan.errors import DanvanError
from danvan.records.document_numbers import DocumentNumber
from danvan.records.vocabulary import Term
from danvan.tables.schema import Column

__all__ = ["Bad", "is_empty", "parser"]

_DMY: Final = re.compile(r"([0-9]{1,2})[/.-]([0-9]{1,2})[/.-]([0-9]{4})")
_TRUE: Final = frozenset({"true", "1", "co"})
_FALSE: Final = frozenset({"false", "0", "khong"})
_DATE = "expected a date (dd/mm/yyyy or YYYY-MM-DD)"


class Bad(Exception):
    """A cell its column cannot take; ``expected`` says what it can."""

    def __init__(self, expected: str) -> None:
        super().__init__(expected)
        self.expected = expected


def is_empty(value: Any, *, text: bool = False) -> bool:
    """Whether a cell holds nothing: ``None``, a NaN, ``""`` (or blanks, except in a text column)."""
    if value is None:
        return True
    if isinstance(value, str):
        return value == "" if text else not value.strip()
    return isinstance(value, float) and value != value


def _date(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        if value.time() != dt.time(0) or value.tzinfo is not None:
            raise Bad(_DATE + " without a time of day")
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        text = value.strip()
        try:
            if len(text) == 10 and text[4] == "-":
                return dt.date.fromisoformat(text)
            match = _DMY.fullmatch(text)
            if match:
                day, month, year = (int(g) for g in match.groups())
                return dt.date(year, month, day)
        except ValueError:
            raise Bad(_DATE + " that exists") from None
    raise Bad(_DATE)


def _count(value: Any) -> int:
    if isinstance(value, bool):
        raise Bad("expected a whole number >= 0")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, str) and value.strip().isdigit() and value.strip().isascii():
        value = int(value.strip())
    if isinstance(value, int) and value >= 0:
        return value
    raise Bad("expected a whole number >= 0")


def _flag(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float) and value in (0, 1):
        return bool(value)
    if isinstance(value, str):
        key = fold(value)
        if key in _TRUE:
            return True
        if key in _FALSE:
            return False
    raise Bad("expected true or false (or có / không)")


def _id(value: Any) -> str:
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, str):
        return value.strip()
    raise Bad("expected an identifier")


def _text(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    raise Bad("expected text")


def _document(value: Any) -> DocumentNumber:
    if not isinstance(value, str):
        raise Bad("expected a document number such as '25-NQ/TW'")
    try:
        return DocumentNumber.parse(value.strip())
    except DanvanError:
        raise Bad("expected a document number such as '25-NQ/TW'") from None


def _term(terms: type[Term], values: Mapping[str, str]) -> Callable[[Any], Term]:
    codes = ", ".join(m.code for m in terms)

    def parse(value: Any) -> Term:
        if not isinstance(value, str):
            raise Bad(f"expected one of {codes}")
        mapped = values.get(fold(value))
        try:
            if mapped is not None:
                return terms.from_code(mapped)
            if value in terms._value2member_map_:
                return terms.from_code(value)
            return terms.from_label(value)
        except DanvanError:
            hint = " or a value mapped in the mapping" if values else " (or its Vietnamese label)"
            raise Bad(f"expected one of {codes}{hint}") from None

    return parse


_PARSERS: Final[dict[str, Callable[[Any], Any]]] = {
    "text": _text, "id": _id, "date": _date, "count": _count, "position": _count, "flag": _flag,
    "document": _document,
}


def parser(column: Column, values: Mapping[str, str] | None = None) -> Callable[[Any], Any]:
    """The parser of a non-empty cell of ``column``; ``values`` maps folded source values to codes.

    A value map applies before the column's own reading, so ``"Có" = "true"``
    or ``"Khiếu nại" = "complaint"`` work for any kind of column.
    """
    values = values or {}
    if column.terms is not None:
        return _term(column.terms, values)
    inner = _PARSERS[column.kind]
    if not values:
        return inner

    def mapped(value: Any) -> Any:
        code = values.get(fold(value)) if isinstance(value, str) else None
        return inner(code if code is not None else value)

    return mapped
