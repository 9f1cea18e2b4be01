"""Lazy public names for danvan's packages (PEP 562), as SciPy and lazy_loader do.

Each package lists its public names by the module that defines them; the
module is imported the first time one of its names is read, so ``import
danvan`` costs almost nothing and a feature's tables load only when used. The
same names are imported under ``TYPE_CHECKING`` in each ``__init__`` for type
checkers, and ``tests/test_architecture.py`` checks that the two lists agree.
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.machinery
import importlib.util
import re
import sys
from collections.abc import Callable, Mapping, Sequence
from types import ModuleType
from typing import Any

__all__ = ["alias_modules", "attach"]


def _order(name: str) -> tuple[int, list[str | int]]:
    """ruff's ``__all__`` order (RUF022): CONSTANTS, then Classes, then the rest; natural within."""
    group = 0 if name.isupper() and len(name) > 1 else 1 if name[:1].isupper() else 2
    return group, [int(p) if p.isdigit() else p for p in re.split(r"([0-9]+)", name)]


def attach(package: str, exports: Mapping[str, Sequence[str]], submodules: Sequence[str] = (),
           present: Sequence[str] = (), moved: Mapping[str, str] = {},
           ) -> tuple[Callable[[str], Any], Callable[[], list[str]], list[str]]:
    """``__getattr__``, ``__dir__`` and ``__all__`` for ``package``.

    ``exports`` maps a module (relative, ``".records.dataset"``) to the names it
    gives; ``submodules`` are subpackages reachable as attributes
    (``danvan.vietnam``) and imported on first use; ``present`` are names the
    package defines itself (``__version__``), listed in ``__all__`` too;
    ``moved`` maps a module's former name to its module now (see
    :func:`alias_modules`), reachable as an attribute but not listed.
    """
    owner = {name: module for module, names in exports.items() for name in names}
    public = sorted([*owner, *present], key=_order)

    def __getattr__(name: str) -> Any:
        if name in owner:
            value = getattr(importlib.import_module(owner[name], package), name)
        elif name in submodules:
            value = importlib.import_module(f".{name}", package)
        elif name in moved:
            value = importlib.import_module(moved[name])
        else:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        setattr(sys.modules[package], name, value)  # read once: later reads skip this hook
        return value

    def __dir__() -> list[str]:
        return sorted({*public, *submodules, *vars(sys.modules[package])})

    return __getattr__, __dir__, public


class _Aliases(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Finds a module under a former name and gives the module itself, not a copy."""

    def __init__(self, aliases: Mapping[str, str]) -> None:
        self.aliases = dict(aliases)

    def find_spec(self, name: str, path: Any, target: ModuleType | None = None,
                  ) -> importlib.machinery.ModuleSpec | None:
        return importlib.util.spec_from_loader(name, self) if name in self.aliases else None

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType:
        return importlib.import_module(self.aliases[spec.name])

    def exec_module(self, module: ModuleType) -> None:
        """Nothing to run: the module was imported under its own name."""


def alias_modules(aliases: Mapping[str, str]) -> None:
    """Make ``import old.name`` give the module now at ``aliases[old.name]`` (once per process).

    danvan's modules moved into subpackages (``danvan.claims`` is now
    ``danvan.text.claims``); scripts written against the flat layout keep working,
    and get the very same module objects.
    """
    if not any(isinstance(finder, _Aliases) for finder in sys.meta_path):
        sys.meta_path.append(_Aliases(aliases))
