"""One cattrs converter for every danvan entity, to and from JSON.

Wire-format decisions (all made in :func:`configure_converter`):

* dates are ISO 8601 text, ``YYYY-MM-DD`` exactly;
* enumerations travel as their stable code (``"complaint"``), never the label;
* document numbers travel as their canonical text (``"16/CT-TTg"``);
* tuples travel as JSON arrays; fields equal to their default are left out;
* Vietnamese text is written as is (``ensure_ascii=False``), never re-normalised,
  so it round-trips byte for byte;
* nothing is coerced: ``"3"`` is not an int, ``1`` is not ``true``, a string is
  not a list, and unknown keys are rejected;
* each key comes once in an object, at any depth; text holds no lone surrogates
  (``"\\ud800"``); whole numbers are from -10^15 to 10^15; a UTF-8 byte order mark
  at the start of the text is allowed;
* every problem is reported at once, as a :class:`~danvan.errors.DataError`
  whose lines name the path of the bad value (``petitions[3].received_on``);
* an object of a higher layer writes itself: a class with a ``_danvan_json_()``
  method (a report, a result of an indicator) is written as what that method
  returns (JSON-compatible data), so this module needs to know none of them.
  Such objects are written, not read back.

>>> from danvan.records.document_numbers import DocumentNumber
>>> dumps(DocumentNumber.parse("25-NQ/TW"))
'"25-NQ/TW"'
>>> loads('{"units": [{"code": "X", "name": "Xã Hòa", "level": "commune", '
...       '"valid_from": "2024-02-31"}]}', Dataset)
Traceback (most recent call last):
...
danvan.errors.DataError: invalid data (1 problem(s)):
  units[0].valid_from: expected an ISO date (YYYY-MM-DD), got '2024-02-31'
"""

from __future__ import annotations

import datetime as dt
import json
import re
import typing
from collections import Counter
from collections.abc import Iterator
from typing import Any, Final, TypeVar

import attrs
from cattrs import Converter
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from danvan import _validators as v
from danvan._gc import paused_gc
from danvan.errors import DanvanError, DataError, FieldError, StructureError, join_path
from danvan.records._fast import hook
from danvan.records._structure import (
    BOUND,
    FALLBACK,
    MAX_INT,
    NUMBER_EXPECTED,
    Invalid,
    Problem,
    canonical_number,
    reader,
)
from danvan.records.dataset import Dataset
from danvan.records.document_numbers import DocumentNumber
from danvan.records.vocabulary import Term

__all__ = [
    "cattrs_problems",
    "configure_converter",
    "converter",
    "dumps",
    "loads",
    "make_converter",
    "structure",
    "unstructure",
]

T = TypeVar("T")
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
#: The JSON escape of a surrogate (``\\udc00``): then every text is checked.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_BOM = "\ufeff"


def _fail(value: Any, expected: str) -> typing.NoReturn:
    raise StructureError("", value, expected)


def _strict(kind: type, expected: str) -> Any:
    def hook(value: Any, _: Any) -> Any:
        if type(value) is not kind:
            _fail(value, expected)
        if isinstance(value, str) and v.has_surrogate(value):
            _fail(value, v.NO_SURROGATES)
        if type(value) is int and not -MAX_INT <= value <= MAX_INT:
            _fail(value, BOUND)
        return value

    return hook


def _structure_date(value: Any, _: Any) -> dt.date:
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    _fail(value, "expected an ISO date (YYYY-MM-DD)")


def _structure_term(value: Any, cls: type[Term]) -> Term:
    try:
        return cls.from_code(value)
    except DanvanError:
        _fail(value, f"expected one of {', '.join(m.code for m in cls)}")


def _structure_number(value: Any, _: Any) -> DocumentNumber:
    number = canonical_number(value)
    if number is None:
        _fail(value, NUMBER_EXPECTED)
    return number


def _is_tuple(cls: Any) -> bool:
    return typing.get_origin(cls) is tuple


def _tuple_hook(converter: Converter) -> Any:
    def factory(cls: Any) -> Any:
        (item_type, *_rest) = typing.get_args(cls)

        def hook(value: Any, _: Any) -> tuple[Any, ...]:
            if not isinstance(value, list | tuple):
                _fail(value, "expected an array")
            items, errors = [], []
            for index, item in enumerate(value):
                try:
                    items.append(converter.structure(item, item_type))
                except Exception as error:
                    note = IterableValidationNote(f"@ index {index}", index, item_type)
                    error.__notes__ = [*getattr(error, "__notes__", []), note]
                    errors.append(error)
            if errors:
                raise IterableValidationError(f"While structuring {cls!r}", errors, cls)
            return tuple(items)

        return hook

    return factory


def _structure_attrs(converter: Converter) -> Any:
    def factory(cls: Any) -> Any:
        inner = make_dict_structure_fn(cls, converter, _cattrs_forbid_extra_keys=True)

        def hook(value: Any, _: Any) -> Any:
            if not isinstance(value, dict):
                _fail(value, f"expected an object describing a {cls.__name__}")
            return inner(value, cls)

        return hook

    return factory


def configure_converter(converter: Converter) -> None:
    """Register danvan's hooks on ``converter`` (see the module docstring for the format)."""
    converter.register_structure_hook(int, _strict(int, "expected a whole number"))
    converter.register_structure_hook(str, _strict(str, "expected text"))
    converter.register_structure_hook(bool, _strict(bool, "expected true or false"))
    converter.register_structure_hook(dt.date, _structure_date)
    converter.register_unstructure_hook(dt.date, dt.date.isoformat)
    converter.register_structure_hook(DocumentNumber, _structure_number)
    converter.register_unstructure_hook(DocumentNumber, str)
    converter.register_structure_hook_func(
        lambda cls: isinstance(cls, type) and issubclass(cls, Term), _structure_term
    )
    converter.register_unstructure_hook_func(
        lambda cls: isinstance(cls, type) and issubclass(cls, Term), lambda member: member.value
    )
    converter.register_structure_hook_factory(_is_tuple, _tuple_hook(converter))
    converter.register_unstructure_hook_func(
        _is_tuple, lambda items: [converter.unstructure(item) for item in items]
    )
    converter.register_structure_hook_factory(attrs.has, _structure_attrs(converter))
    converter.register_unstructure_hook_func(
        lambda cls: callable(getattr(cls, "_danvan_json_", None)), lambda value: value._danvan_json_()
    )
    converter.register_unstructure_hook(
        Dataset,
        make_dict_unstructure_fn(Dataset, converter, _cattrs_omit_if_default=True,
                                 registry=override(omit=True)),
    )


def make_converter() -> Converter:
    """A new converter configured for danvan's entities."""
    converter = Converter(omit_if_default=True, forbid_extra_keys=True, detailed_validation=True)
    configure_converter(converter)
    return converter


#: The converter danvan uses; configure a copy with :func:`make_converter` to change it.
converter: Final = make_converter()


def _read(data: Any, cls: type[T], ctx: list[Any]) -> tuple[T | None, list[Problem]]:
    try:
        return reader(cls)(data, ctx), []
    except Invalid as error:
        return None, error.problems
    except RecursionError:
        return None, [("$", None, "expected less deeply nested data")]


def _data_error(problems: list[Problem]) -> DataError:
    return DataError("invalid data", [StructureError(path or "$", value, expected)
                                      for path, value, expected in problems])


def structure(data: Any, cls: type[T]) -> T:
    """``cls`` built from JSON-compatible ``data``; raises :class:`DataError` listing every problem.

    Types and validators are checked in one pass (see :mod:`danvan.records._structure`);
    the result is what the classes' constructors would build.
    """
    built, problems = _read(data, cls, [0, True, False])
    if problems:
        raise _data_error(problems)
    return built  # type: ignore[return-value]


def _by_cattrs(value: Any, kind: Any) -> Any:
    try:
        return converter.structure(value, kind)
    except Exception as error:
        raise Invalid(cattrs_problems(error)) from None


FALLBACK.append(_by_cattrs)


def unstructure(value: Any) -> Any:
    """``value`` as JSON-compatible dicts, lists and scalars."""
    return converter.unstructure(value)


def dumps(value: Any, *, indent: int | None = None) -> str:
    """``value`` as JSON text, Vietnamese written as is."""
    return json.dumps(unstructure(value), ensure_ascii=False, indent=indent, default=_unwritable)


def _unwritable(value: Any) -> Any:
    raise TypeError(f"cannot write a {type(value).__name__} as JSON: expected a danvan entity, "
                    "a Dataset, or an object with a _danvan_json_() method (a Report, a Result)")


def loads(text: str | bytes, cls: type[T]) -> T:
    """``cls`` read from JSON text (``str``, or ``bytes`` in UTF-8, -16 or -32); bad JSON is
    a :class:`DataError` too, and so is a key given twice in an object."""
    try:
        if isinstance(text, bytes | bytearray):
            raw = bytes(text)
            text = raw.decode(json.detect_encoding(raw))
        if not isinstance(text, str):
            raise TypeError(f"expected str or bytes, not {type(text).__name__}")
        if text.startswith(_BOM):
            text = text[1:]
        may_hold = _may_hold_surrogates(text)
        with paused_gc():
            built, ctx = (_AGAIN, []) if may_hold else _hooked(text, cls)
            if built is _AGAIN:  # lone surrogates, or a problem: parse, then read each object
                data = json.loads(text)
    except (ValueError, TypeError, RecursionError) as error:
        problem = StructureError("$", _short(text), f"expected JSON ({error})")
        raise DataError("invalid data", [problem]) from None
    problems: list[Problem] = []
    if built is _AGAIN:
        ctx = [0, may_hold, False]
        with paused_gc():
            built, problems = _read(data, cls, ctx)
    # Outside strings, JSON has one colon per key: when they add up to the keys read, no
    # object repeats a key. Otherwise (a colon in a text, or a problem) look for repeats.
    if problems or ctx[0] != text.count(":"):
        problems = [*_repeated_keys(text), *problems]
    if problems:
        raise _data_error(problems)
    return built  # type: ignore[return-value]


#: What :func:`_hooked` gives when ``loads`` must read the text again.
_AGAIN: Final = object()


def _hooked(text: str, cls: type[T]) -> tuple[Any, list[Any]]:
    """``cls`` read from ``text`` as ``json.loads`` parses it (:func:`danvan.records._fast.hook`),
    and the context of the reading; :data:`_AGAIN` at the first problem (bad JSON, a bad value),
    for :func:`loads` to read the text again and report every problem with its path."""
    ctx = [0, False, True]
    try:
        data = json.loads(text, object_hook=hook(cls, ctx))
    except Exception:
        return _AGAIN, ctx
    built, problems = _read(data, cls, ctx)
    return (_AGAIN if problems else built), ctx


def _may_hold_surrogates(text: str) -> bool:
    """Whether ``text`` holds a surrogate, or the JSON escape of one (then every text read is
    checked for lone ones). Text that encodes as UTF-8 holds none: that is a scan in C, some
    ten times quicker than a regular expression looking for them."""
    if _SURROGATE_ESCAPE.search(text) is not None:
        return True
    if text.isascii():
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


class _Pairs(dict[Any, Any]):
    """A JSON object with the keys it repeats."""

    repeated: list[str]


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found = dict(pairs)
    if len(found) == len(pairs):
        return found
    marked = _Pairs(found)
    marked.repeated = list(dict.fromkeys(k for k, n in Counter(k for k, _ in pairs).items()
                                         if n > 1))
    return marked


def _repeated_keys(text: str) -> list[Problem]:
    """A problem for each key repeated in an object of ``text``, with the path of the key."""
    try:
        data = json.loads(text, object_pairs_hook=_pairs)
    except (ValueError, RecursionError):
        return []
    found: list[Problem] = []
    stack: list[tuple[str, Any]] = [("", data)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, _Pairs):
            found += [(join_path(path, key), key, "expected each key once in an object")
                      for key in value.repeated]
        if isinstance(value, dict):
            stack += [(join_path(path, key), item) for key, item in reversed(value.items())]
        elif isinstance(value, list):
            stack += [(f"{path}[{i}]", item) for i, item in reversed(list(enumerate(value)))]
    return found


def cattrs_problems(error: BaseException, path: str = "") -> list[Problem]:
    """The problems a cattrs structuring error describes, with their paths."""
    return [(p.path, p.value, p.expected) for p in _problems(error, path)]


def _problems(error: BaseException, path: str) -> Iterator[FieldError]:
    if isinstance(error, ClassValidationError | IterableValidationError):
        with_notes, without = error.group_exceptions()
        for sub, note in with_notes:
            if isinstance(note, AttributeValidationNote):
                yield from _problems(sub, join_path(path, note.name))
            elif isinstance(note, IterableValidationNote):
                yield from _problems(sub, f"{path}[{note.index}]")
        for sub in without:
            yield from _problems(sub, path)
    elif isinstance(error, BaseExceptionGroup):
        for member in error.exceptions:
            yield from _problems(member, path)
    elif isinstance(error, ForbiddenExtraKeysError):
        extra = sorted(error.extra_fields, key=repr)
        yield StructureError(join_path(path, ""), extra, "expected no unknown keys")
    elif isinstance(error, FieldError):
        yield StructureError(join_path(path, error.path), error.value, error.expected)
    elif isinstance(error, KeyError):
        yield StructureError(join_path(path, ""), None, "required key is missing")
    elif isinstance(error, DanvanError):
        yield StructureError(join_path(path, getattr(error, "path", "")), getattr(error, "value", None),
                             getattr(error, "reason", str(error)))
    else:
        yield StructureError(join_path(path, ""), None, f"unreadable value ({error})")


def _short(text: object) -> str:
    if isinstance(text, bytes | bytearray):
        text = bytes(text[:80]).decode("utf-8", "replace")
    shown = text if isinstance(text, str) else repr(text)
    return shown if len(shown) <= 80 else shown[:77] + "..."
