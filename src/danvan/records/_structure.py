"""Structure and validate in one pass: a generated reader per attrs class.

The reader of a class checks each key of a JSON object against the field's
type (no coercion: ``"3"`` is not an int, ``1`` is not ``true``), collects
every problem with its path, builds the instance without calling ``__init__``
and then runs what ``__init__`` would run after setting the fields: the
converters, the validators the type check did not already make redundant
(:data:`danvan._validators.TYPE_ONLY`), and ``__attrs_post_init__``. So an
object read here is exactly the object ``cls(**fields)`` would build, at a
fraction of the cost. Types the readers do not know go to the cattrs
converter of :mod:`danvan.records.serialization`. The reader of a class is the full
reader of an object; :mod:`danvan.records._fast` puts in front of it one generated
function per shape of object, which hands it every object it has a doubt about.

A reader raises :class:`Invalid` with ``(path, value, expected)`` problems,
paths relative to the value read; ``ctx`` counts the keys of every object
read (``ctx[0]``, for the duplicate-key check of ``loads``) and says whether
text may hold lone surrogates (``ctx[1]``).
"""

from __future__ import annotations

import datetime as dt
import re
import typing
from collections.abc import Callable
from typing import Any, Final

import attrs

from danvan import _validators as v
from danvan.errors import DanvanError, FieldError, join_path
from danvan.records.document_numbers import DocumentNumber
from danvan.records.vocabulary import Term

__all__ = [
    "BOUND", "FALLBACK", "FAST", "MAX_INT", "Invalid", "Problem", "Reader", "exception_problems",
    "reader",
]

Problem = tuple[str, Any, str]
Reader = Callable[[Any, list[Any]], Any]

#: The largest whole number read from JSON (in absolute value): far beyond any count.
MAX_INT: Final = v.MAX_COUNT
#: What a bigger one is told.
BOUND: Final = "expected a whole number from -10^15 to 10^15"
_ISO_DATE: Final = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_MISSING: Final = object()


class Invalid(Exception):
    """Problems found reading a value, with paths relative to it."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(problems)
        self.problems = problems

    def under(self, prefix: str) -> list[Problem]:
        """The problems with their paths placed under ``prefix``."""
        return [(join_path(prefix, path) if path != "$" else prefix, value, expected)
                for path, value, expected in self.problems]


def exception_problems(error: BaseException, path: str = "") -> list[Problem]:
    """The problems an exception raised while building an object describes."""
    if isinstance(error, BaseExceptionGroup):
        return [p for member in error.exceptions for p in exception_problems(member, path)]
    if isinstance(error, FieldError):
        return [(join_path(path, error.path), error.value, error.expected)]
    if isinstance(error, DanvanError):
        return [(join_path(path, getattr(error, "path", "")), getattr(error, "value", None),
                 getattr(error, "reason", str(error)))]
    return [(join_path(path, ""), None, f"unreadable value ({error})")]


# -- scalar readers --------------------------------------------------------------------------


def _fail(value: Any, expected: str) -> typing.NoReturn:
    raise Invalid([("", value, expected)])


def _read_str(value: Any, ctx: list[Any]) -> str:
    if type(value) is not str:
        _fail(value, "expected text")
    if ctx[1] and v.has_surrogate(value):
        _fail(value, v.NO_SURROGATES)
    return value


def _read_int(value: Any, _: list[Any]) -> int:
    if type(value) is not int:
        _fail(value, "expected a whole number")
    if not -MAX_INT <= value <= MAX_INT:
        _fail(value, BOUND)
    return value


def _read_bool(value: Any, _: list[Any]) -> bool:
    if type(value) is not bool:
        _fail(value, "expected true or false")
    return value


#: Dates read so far (records repeat a few thousand days), up to a bound.
_DATES: dict[str, dt.date] = {}
_DATES_KEPT: Final = 100_000


def _read_date(value: Any, _: list[Any]) -> dt.date:
    if type(value) is str:
        found = _DATES.get(value)
        if found is not None:
            return found
        if _ISO_DATE.fullmatch(value):
            try:
                day = dt.date.fromisoformat(value)
            except ValueError:
                pass
            else:
                if len(_DATES) < _DATES_KEPT:
                    _DATES[value] = day
                return day
    _fail(value, "expected an ISO date (YYYY-MM-DD)")


#: What a document number on the wire must be.
NUMBER_EXPECTED: Final = "expected a canonical document number such as '25-NQ/TW' or '16/CT-TTg'"


def canonical_number(value: Any) -> DocumentNumber | None:
    """``value`` as a document number if it is one written canonically, else ``None``."""
    if type(value) is str:
        try:
            number = DocumentNumber.parse(value)
        except DanvanError:
            return None
        if str(number) == value:
            return number
    return None


def _read_number(value: Any, _: list[Any]) -> DocumentNumber:
    number = canonical_number(value)
    if number is None:
        _fail(value, NUMBER_EXPECTED)
    return number


def _term_reader(cls: type[Term]) -> Reader:
    codes: dict[str, Term] = dict(cls.readable_codes())
    expected = f"expected one of {', '.join(member.code for member in cls)}"

    def read(value: Any, _: list[Any]) -> Term:
        member = codes.get(value) if type(value) is str else None
        if member is None:
            _fail(value, expected)
        return member

    return read


def _tuple_reader(item: Reader) -> Reader:
    def read(value: Any, ctx: list[Any]) -> tuple[Any, ...]:
        if type(value) is not list and type(value) is not tuple:
            _fail(value, "expected an array")
        mark = ctx[0]
        try:  # every item good: one comprehension; else again, one by one, for the problems
            return tuple([item(one, ctx) for one in value])
        except Invalid:
            ctx[0] = mark
        problems: list[Problem] | None = None
        items: list[Any] = []
        append = items.append
        for index, one in enumerate(value):
            try:
                append(item(one, ctx))
            except Invalid as error:
                problems = (problems or []) + error.under(f"[{index}]")
        if problems:
            raise Invalid(problems)
        return tuple(items)

    return read


def _optional_reader(inner: Reader) -> Reader:
    def read(value: Any, ctx: list[Any]) -> Any:
        return None if value is None else inner(value, ctx)

    return read


#: Structures a value of a type no reader knows, ``(value, kind)``, raising :class:`Invalid`:
#: set by :mod:`danvan.records.serialization` to its cattrs converter.
FALLBACK: list[Callable[[Any, Any], Any]] = []


#: Gives the reader of a class its fast path, ``(cls, full reader, leaf) -> reader``: set by
#: :mod:`danvan.records._fast` (imported by :mod:`danvan.records.serialization`).
FAST: list[Callable[[type, Reader, bool], Reader]] = []


def _fallback_reader(kind: Any) -> Reader:
    def read(value: Any, _: list[Any]) -> Any:
        return FALLBACK[0](value, kind)

    return read


# -- which validators the type check makes redundant -------------------------------------------

_SCALARS: Final[dict[Any, Reader]] = {
    str: _read_str, int: _read_int, bool: _read_bool, dt.date: _read_date,
    DocumentNumber: _read_number,
}
_READERS: dict[Any, Reader] = {}


def _implied(kind: Any, validator: Any) -> bool:
    """Whether every value the reader of ``kind`` returns passes ``validator``."""
    checks = v.TYPE_ONLY.get(validator, _MISSING)
    if checks is _MISSING:
        return False
    if kind is bool or kind is dt.date or kind is DocumentNumber or (
            isinstance(kind, type) and (issubclass(kind, Term) or attrs.has(kind))):
        return checks is kind
    origin, args = typing.get_origin(kind), typing.get_args(kind)
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        return isinstance(checks, tuple) and checks[0] == "tuple" and _implied_type(args[0],
                                                                                  checks[1])
    if args and type(None) in args and len(args) == 2:
        inner = args[0] if args[1] is type(None) else args[1]
        return isinstance(checks, tuple) and checks[0] == "optional" and _implied_type(
            inner, checks[1])
    return False


def _implied_type(kind: Any, checks: Any) -> bool:
    if kind in (bool, dt.date, DocumentNumber) or (
            isinstance(kind, type) and (issubclass(kind, Term) or attrs.has(kind))):
        return checks is kind
    return False


def reader(kind: Any) -> Reader:
    """The reader of values of ``kind`` (cached)."""
    found = _READERS.get(kind)
    if found is not None:
        return found
    found = _SCALARS.get(kind)
    if found is None:
        origin, args = typing.get_origin(kind), typing.get_args(kind)
        if isinstance(kind, type) and issubclass(kind, Term):
            found = _term_reader(kind)
        elif isinstance(kind, type) and attrs.has(kind):
            found = _class_reader(kind)
        elif origin is tuple and len(args) == 2 and args[1] is Ellipsis:
            found = _tuple_reader(reader(args[0]))
        elif args and type(None) in args and len(args) == 2:
            found = _optional_reader(reader(args[0] if args[1] is type(None) else args[1]))
        else:
            found = _fallback_reader(kind)
    _READERS[kind] = found
    return found


# -- the generated reader of an attrs class ---------------------------------------------------

_TEMPLATE_HEAD = """\
def read(value, ctx):
    if type(value) is not dict:
        _fail(value, _expected_object)
    ctx[0] += len(value)
    problems = None
    used = 0
    get = value.get
"""

_TEMPLATE_FIELD = """\
    x = get({key!r}, _MISSING)
    if x is _MISSING:
{absent}
    else:
        used += 1
{fast}        try:
            f_{i} = r_{i}(x, ctx)
        except Invalid as error:
            problems = (problems or []) + error.under({key!r})
"""

# Inline shortcuts for the commonest values (the reader is called for the rest, and to report
# a bad value): ``{lookup}`` maps good text to its value.
_FAST_TEXT = """\
        if type(x) is str and not ctx[1]:
            f_{i} = x
        else:
"""
_FAST_LOOKUP = """\
        f_{i} = t_{i}.get(x) if type(x) is str else None
        if f_{i} is None:
"""

_TEMPLATE_TAIL = """\
    if used != len(value):
        problems = (problems or []) + [("", _extra(value), "expected no unknown keys")]
    if problems:
        raise Invalid(problems)
    obj = _new(cls)
{sets}
    try:
{checks}
        pass
    except Exception as error:
        raise Invalid(_exception_problems(error)) from None
    return obj
"""


def _default_passes(f: attrs.Attribute[Any]) -> bool:
    """Whether ``f`` has a constant default that its value-only validator accepts."""
    if (f.validator not in v.VALUE_ONLY or f.converter is not None or f.default is attrs.NOTHING
            or isinstance(f.default, attrs.Factory)):  # type: ignore[arg-type]
        return False
    try:
        f.validator(None, f, f.default)
    except Exception:
        return False
    return True


def _leaf(cls: type, hints: dict[str, Any]) -> bool:
    """Whether every field of ``cls`` holds a scalar (text, number, flag, date, term)."""
    scalars = (str, int, bool, dt.date, DocumentNumber)
    for f in attrs.fields(cls):
        kind = hints.get(f.name)
        args = typing.get_args(kind)
        if args and len(args) == 2 and type(None) in args:
            kind = args[0] if args[1] is type(None) else args[1]
        if not (kind in scalars or (isinstance(kind, type) and issubclass(kind, Term))):
            return False
    return True


#: How many distinct objects of a leaf class (one of scalars only) a reader shares.
SHARED: Final = 50_000


def _shared(cls: type, read: Reader) -> Reader:
    """``read``, giving equal objects of a frozen leaf class as one shared instance.

    The key holds each value's type, so that ``1`` and ``true`` (equal in Python) never meet.
    """
    kept: dict[Any, Any] = {}

    def shared(value: Any, ctx: list[Any]) -> Any:
        if type(value) is dict:
            try:
                key = (*value.items(), *map(type, value.values()))
                found = kept.get(key)
            except TypeError:  # an unhashable value: read it, to report it
                return read(value, ctx)
            if found is not None:
                ctx[0] += len(value)
                return found
            found = read(value, ctx)
            if len(kept) < SHARED:
                kept[key] = found
            return found
        return read(value, ctx)

    return shared


def _class_reader(cls: type) -> Reader:
    hints = typing.get_type_hints(cls)
    fields = [f for f in attrs.fields(cls) if f.init]
    known = frozenset(f.name for f in fields)
    namespace: dict[str, Any] = {
        "_MISSING": _MISSING, "Invalid": Invalid, "_fail": _fail, "_new": object.__new__,
        "cls": cls, "_set": object.__setattr__, "_exception_problems": exception_problems,
        "_expected_object": f"expected an object describing a {cls.__name__}",
        "_extra": lambda value: sorted((key for key in value if key not in known), key=repr),
        "_Factory": attrs.Factory,
    }
    parts, sets, checks = [_TEMPLATE_HEAD], [], []
    _READERS[cls] = lambda value, ctx: namespace["read"](value, ctx)  # while recursing
    for i, f in enumerate(fields):
        kind = hints.get(f.name, Any)
        key = f.name
        namespace[f"r_{i}"] = reader(kind)
        if f.default is attrs.NOTHING:
            absent = (f"        problems = (problems or []) + [({key!r}, None, "
                      "'required key is missing')]")
        elif isinstance(f.default, attrs.Factory):  # type: ignore[arg-type]
            if f.default.takes_self:
                return _fallback_reader(cls)
            namespace[f"d_{i}"] = f.default.factory
            absent = f"        f_{i} = d_{i}()"
        else:
            namespace[f"d_{i}"] = f.default
            absent = f"        f_{i} = d_{i}"
        fast = ""
        if kind is str:
            fast = _FAST_TEXT.format(i=i)
        elif kind is dt.date:
            namespace[f"t_{i}"], fast = _DATES, _FAST_LOOKUP.format(i=i)
        elif isinstance(kind, type) and issubclass(kind, Term):
            namespace[f"t_{i}"] = {m.code: m for m in kind}
            fast = _FAST_LOOKUP.format(i=i)
        if fast:  # the reader's call, one level deeper
            template = _TEMPLATE_FIELD.replace("        try:", "            try:").replace(
                "            f_{i} = r_{i}", "                f_{i} = r_{i}").replace(
                "        except Invalid", "            except Invalid").replace(
                "            problems = (problems or []) + error.under",
                "                problems = (problems or []) + error.under")
        else:
            template = _TEMPLATE_FIELD
        parts.append(template.format(key=key, i=i, absent=absent, fast=fast))
        if f.converter is not None:
            namespace[f"c_{i}"] = f.converter
            sets.append(f"    f_{i} = c_{i}(f_{i})")
        sets.append(f"    _set(obj, {f.name!r}, f_{i})")
        validator = f.validator
        if validator is not None and not _implied(kind, validator):
            inner = v.OPTIONAL_OF.get(validator)
            namespace[f"v_{i}"], namespace[f"a_{i}"] = inner or validator, f
            tests = [f"f_{i} is not None"] if inner else []
            if _default_passes(f):
                # absent, the field holds its constant default, already checked
                namespace[f"d_{i}"] = f.default
                tests.append(f"f_{i} is not d_{i}")
            test = f"if {' and '.join(tests)}: " if tests else ""
            checks.append(f"        {test}v_{i}(obj, a_{i}, f_{i})")
    for f in attrs.fields(cls):
        if not f.init and f.default is not attrs.NOTHING:
            return _fallback_reader(cls)
    if getattr(cls, "__attrs_post_init__", None) is not None:
        checks.append("        obj.__attrs_post_init__()")
    if getattr(cls, "__attrs_pre_init__", None) is not None:
        return _fallback_reader(cls)
    parts.append(_TEMPLATE_TAIL.format(sets="\n".join(sets) or "    pass",
                                       checks="\n".join(checks) or "        pass"))
    source = "".join(parts)
    exec(compile(source, f"<danvan reader of {cls.__qualname__}>", "exec"), namespace)
    read: Reader = namespace["read"]
    leaf = _leaf(cls, hints) and getattr(cls.__setattr__, "__name__", "") == "_frozen_setattrs"
    if leaf:
        read = _shared(cls, read)
    if FAST:
        read = FAST[0](cls, read, leaf)
    _READERS[cls] = read
    return read
