"""The fast path of a class reader: one generated function per shape of JSON object.

The records of a dataset come in a few *shapes*: the same keys in the same order (a
petition with ``id, kind, received_on, unit, events``). For each shape met, the reader of a
class generates a function that unpacks the object's values in that order, checks each as
the field's reader and validator would (the exact type, then the condition of danvan's own
validators written inline: an identifier, a count, non-empty text), builds the object by
setting its slots, calls the validators it could not write inline (each once, none twice)
and ``__attrs_post_init__``, as ``__init__`` would.

The fast path decides nothing on its own: at the first doubt (a value of another type, an
unknown key, a character its inline conditions do not know, any error raised) it hands the
whole object to the full reader of :mod:`danvan.records._structure`, which reports every
problem with its path. So it accepts only what the full reader accepts and builds what the
constructor builds (``tests/records/test_fast_reader.py`` checks both); it only ever runs
on text known to hold no lone surrogate (``ctx[1]`` false), which its conditions rely on.

A frozen class of scalars only (an event: ``kind, on``) keeps the objects it built by their
values, per shape, and gives equal records one shared object.
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from typing import Any, Final

import attrs

from danvan import _validators as v
from danvan.records import _structure as s
from danvan.records.vocabulary import Term

__all__ = ["SHAPES", "fast_reader", "hook"]

#: How many shapes of object a class gets a fast function for (the others take the full reader).
SHAPES: Final = 64

#: Conditions on a value ``x`` already known to be text (in text without lone surrogates):
#: each implies the validator accepts it (``x.isprintable()`` is false for every white space
#: but the ASCII space, and for surrogates).
_TEXT_CHECKS: Final[dict[Any, str]] = {
    v.code: "{x} and ' ' not in {x} and {x}.isprintable()",
    v.text: "{x} and not {x}.isspace()",
}
_COUNT_CHECKS: Final[dict[Any, str]] = {v.count: "0 <= {x} <= _MAX_COUNT"}
#: The module's validators that depend on the value alone, beside those of v.VALUE_ONLY.
_VALUE_ONLY: Final = frozenset({v.code, v.text, v.count, v.flag, v.date})


class _NotFast(Exception):
    """A value the fast path leaves to the full reader."""


def _parts(validator: Any) -> tuple[Any, ...]:
    """The validators ``validator`` runs one after the other (attrs' ``and_`` of a list)."""
    if validator is None:
        return ()
    inner = getattr(validator, "_validators", None)
    if isinstance(validator, type(attrs.validators.and_())) and inner is not None:
        return tuple(inner)
    return (validator,)


def _optional_of(kind: Any) -> Any:
    """The type ``kind`` makes optional (``X | None`` gives ``X``), else ``None``."""
    args = typing.get_args(kind)
    if args and len(args) == 2 and type(None) in args:
        return args[0] if args[1] is type(None) else args[1]
    return None


class _Gen:
    """The source of one shape's function, and the names it uses."""

    def __init__(self, namespace: dict[str, Any]) -> None:
        self.ns = namespace
        self.lines: list[str] = []
        self.nested = False

    def name(self, prefix: str, value: Any) -> str:
        key = f"{prefix}{len(self.ns)}"
        self.ns[key] = value
        return key

    def read(self, kind: Any, x: str, f: str, validators: list[Any], pad: str) -> None:
        """Lines setting ``f`` from the wire value ``x``; removes the validators they imply."""
        inner = _optional_of(kind)
        if inner is not None:
            self.lines.append(f"{pad}if {x} is None:\n{pad}    {f} = None\n{pad}else:")
            unwrapped = [v.OPTIONAL_OF.get(one, one) for one in validators]
            before = list(unwrapped)
            self.read(inner, x, f, unwrapped, pad + "    ")
            for one, bare in zip(list(validators), before, strict=True):
                if bare not in unwrapped:
                    validators.remove(one)
            return
        checks = _TEXT_CHECKS if kind is str else _COUNT_CHECKS if kind is int else {}
        done = [one for one in validators if one in checks or s._implied(kind, one)]
        conditions = [checks[one].format(x=x) for one in done if one in checks]
        for one in done:
            validators.remove(one)
        if kind is str or kind is bool:
            test = " and ".join([f"type({x}) is {kind.__name__}", *conditions])
            self.lines.append(f"{pad}if not ({test}):\n{pad}    raise _NotFast\n{pad}{f} = {x}")
        elif kind is int:
            test = " and ".join([f"type({x}) is int", f"-_MAX_INT <= {x} <= _MAX_INT",
                                 *conditions])
            self.lines.append(f"{pad}if not ({test}):\n{pad}    raise _NotFast\n{pad}{f} = {x}")
        elif kind is dt.date or (isinstance(kind, type) and issubclass(kind, Term)):
            table: dict[str, Any] = (s._DATES if kind is dt.date
                                     else kind.readable_codes())  # type: ignore[union-attr]
            known, slow = self.name("t_", table), self.name("r_", s.reader(kind))
            self.lines.append(f"{pad}if type({x}) is not str:\n{pad}    raise _NotFast\n"
                              f"{pad}{f} = {known}.get({x}) or {slow}({x}, ctx)")
        else:
            item = typing.get_args(kind)[0] if typing.get_origin(kind) is tuple else None
            if (item is not None and typing.get_args(kind)[1:] == (Ellipsis,)
                    and isinstance(item, type) and attrs.has(item)):
                each, cls = self.name("r_", s.reader(item)), self.name("c_", item)
                # the items built already by the hook of json.loads, or read now
                self.lines.append(f"{pad}if type({x}) is not list:\n{pad}    raise _NotFast\n"
                                  f"{pad}{f} = tuple([e if type(e) is {cls} else {each}(e, ctx) "
                                  f"for e in {x}])")
            else:
                self.lines.append(f"{pad}{f} = {self.name('r_', s.reader(kind))}({x}, ctx)")
            self.nested = True


def _wire_type(kind: Any, x: str) -> str:
    """A test that ``x`` has the one JSON type a scalar of ``kind`` travels as."""
    inner = _optional_of(kind)
    if inner is not None:
        return f"({x} is None or {_wire_type(inner, x)})"
    name = kind.__name__ if kind in (int, bool) else "str"
    return f"type({x}) is {name}"


def _setter(cls: type, name: str) -> Any:
    for klass in cls.__mro__:
        found = klass.__dict__.get(name)
        if found is not None:
            return found.__set__ if isinstance(found, types.MemberDescriptorType) else None
    return None


def _shape_function(cls: type, shape: tuple[str, ...], slow: s.Reader, leaf: bool) -> s.Reader:
    """The fast function for objects of ``cls`` with exactly the keys ``shape``, in order."""
    hints = typing.get_type_hints(cls)
    fields = {f.name: f for f in attrs.fields(cls) if f.init}
    ns: dict[str, Any] = {"_NotFast": _NotFast, "_new": object.__new__, "cls": cls,
                          "slow": slow, "_MAX_INT": s.MAX_INT, "_MAX_COUNT": v.MAX_COUNT,
                          "_set": object.__setattr__}
    gen = _Gen(ns)
    index = {name: i for i, name in enumerate(shape)}
    gen.lines.append("    " + ", ".join(f"x{i}" for i in range(len(shape)))
                     + ("," if len(shape) == 1 else "") + " = value.values()")
    if leaf:
        kept: dict[Any, Any] = {}
        ns["kept"], ns["_SHARED"] = kept, s.SHARED
        key = "(" + "".join(f"x{i}, " for i in range(len(shape))) + ")"
        test = " and ".join(_wire_type(hints[name], f"x{i}") for name, i in index.items())
        gen.lines.append(f"    if {test or 'True'}:\n        found = kept.get({key})\n"
                         f"        if found is not None:\n            ctx[0] += {len(shape)}\n"
                         "            return found")
    sets, checks = [], []
    for name, f in fields.items():
        validators = list(_parts(f.validator))
        slot = _setter(cls, name)
        if name in index:
            i = index[name]
            gen.read(hints.get(name, Any), f"x{i}", f"f{i}", validators, "    ")
            value = f"f{i}"
        elif isinstance(f.default, attrs.Factory):  # type: ignore[arg-type]
            value = gen.name("g_", None)
            gen.lines.append(f"    {value} = {gen.name('d_', f.default.factory)}()")
        else:
            value = gen.name("d_", f.default)
            validators = [one for one in validators if not _passes(one, f)]
        if slot is None:
            sets.append(f"    _set(obj, {name!r}, {value})")
        else:
            sets.append(f"    {gen.name('s_', slot)}(obj, {value})")
        field_ = gen.name("a_", f)
        for one in validators:
            target = value if name not in index else f"f{index[name]}"
            checks.append(f"    {gen.name('v_', one)}(obj, {field_}, {target})")
    if getattr(cls, "__attrs_post_init__", None) is not None:
        checks.append("    obj.__attrs_post_init__()")
    body = [*gen.lines, "    obj = _new(cls)", *sets, *checks]
    if leaf:
        body.append(f"    if len(kept) < _SHARED:\n        kept[{key}] = obj")
    mark = ["    mark = ctx[0]"] if gen.nested else []
    restore = "        ctx[0] = mark\n" if gen.nested else ""
    source = ("def read(value, ctx):\n" + "\n".join(mark) + ("\n" if mark else "") + "    try:\n"
              + "\n".join("    " + line.replace("\n", "\n    ") for line in body) + "\n"
              + f"    except Exception:\n{restore}        return slow(value, ctx)\n"
              + f"    ctx[0] += {len(shape)}\n    return obj\n")
    exec(compile(source, f"<danvan fast reader of {cls.__qualname__} {shape}>", "exec"), ns)
    return ns["read"]  # type: ignore[no-any-return]


def _passes(validator: Any, f: attrs.Attribute[Any]) -> bool:
    """Whether ``validator`` depends on the value alone and accepts ``f``'s constant default."""
    if validator not in v.VALUE_ONLY and validator not in _VALUE_ONLY:
        return False
    try:
        validator(None, f, f.default)
    except Exception:
        return False
    return True


def fast_reader(cls: type, slow: s.Reader, leaf: bool) -> s.Reader:
    """The reader of ``cls``: by the fast function of the object's shape, else by ``slow``."""
    if any(f.converter is not None or not f.init
           or (isinstance(f.default, attrs.Factory) and f.default.takes_self)  # type: ignore[arg-type]
           for f in attrs.fields(cls)) or getattr(cls, "__attrs_pre_init__", None) is not None:
        return slow
    required = frozenset(f.name for f in attrs.fields(cls) if f.init and f.default is attrs.NOTHING)
    known = frozenset(f.name for f in attrs.fields(cls) if f.init)
    shapes: dict[tuple[str, ...], s.Reader] = {}

    def new_shape(shape: tuple[str, ...]) -> s.Reader:
        if len(shapes) >= SHAPES:
            return slow
        found = slow
        if _fits(shape, known, required):
            found = _shape_function(cls, shape, slow, leaf)
        shapes[shape] = found
        return found

    get = shapes.get

    def read(value: Any, ctx: list[Any]) -> Any:
        if type(value) is not dict or ctx[1]:
            if ctx[2] and type(value) is cls:  # built by the hook
                return value
            return slow(value, ctx)
        shape = tuple(value)
        return (get(shape) or new_shape(shape))(value, ctx)

    _FAST[cls] = (known, required, lambda shape: get(shape) or new_shape(shape), slow)
    return read


def _fits(shape: tuple[str, ...], known: frozenset[str], required: frozenset[str]) -> bool:
    keys = frozenset(shape)
    return keys <= known and required <= keys and all(type(key) is str for key in shape)


#: For each class with a fast path: its keys, its required keys, its function for a shape
#: (the fast one, or the full reader) and its full reader.
_FAST: Final[dict[type, tuple[frozenset[str], frozenset[str], Any, s.Reader]]] = {}


def _classes(kind: Any, found: set[type]) -> set[type]:
    """The classes with a fast path whose objects ``kind`` may hold, at any depth."""
    if isinstance(kind, type) and attrs.has(kind):
        if kind in found:
            return found
        if kind in _FAST:
            found.add(kind)
        hints = typing.get_type_hints(kind)
        for f in attrs.fields(kind):
            _classes(hints.get(f.name), found)
    for arg in typing.get_args(kind):
        _classes(arg, found)
    return found


def hook(cls: type, ctx: list[Any]) -> Any:
    """An ``object_hook`` for ``json.loads`` building each object of a class ``cls`` may hold
    as it is parsed (while it is in the processor's cache), when its keys fit that one class
    only (others are left as they are, for the reader). A bad object raises
    :class:`~danvan.records._structure.Invalid` out of ``json.loads``."""
    s.reader(cls)
    claims = _Claims(_classes(cls, set()))

    def build(value: dict[str, Any]) -> Any:
        return claims[tuple(value)](value, ctx)

    return build


def _as_is(value: Any, _: list[Any]) -> Any:
    return value


class _Claims(dict[tuple[str, ...], s.Reader]):
    """The function that builds an object of each shape: of the one class it fits, else none."""

    def __init__(self, classes: set[type]) -> None:
        super().__init__()
        self.classes = classes

    def __missing__(self, shape: tuple[str, ...]) -> s.Reader:
        fitting = [c for c in self.classes if _fits(shape, *_FAST[c][:2])]
        found: s.Reader = _FAST[fitting[0]][2](shape) if len(fitting) == 1 else _as_is
        if len(self) < SHAPES * 4:
            self[shape] = found
        return found


s.FAST.append(fast_reader)
