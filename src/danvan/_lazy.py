"""Lazy public names for danvan's packages (PEP 562), as SciPy and lazy_loader do.

Each package lists its public names by the module that defines them; the
module is imported the first time one of its names is read, so ``import
danvan`` costs almost nothing and a feature's tables load only when used. The
same names are imported under ``TYPE_CHECKING`` in each ``__init__`` for type
checkers, and ``tests/test_architecture.py`` checks that the two lists agree.
"""

from __future__ import annotations

import importlib
import re
import sys
from collections.abc import Callable, Mapping, Sequence
from typing import Any

__all__ = ["attach"]


def _order(name: str) -> tuple[int, list[str | int]]:
    """ruff's ``__all__`` order (RUF022): CONSTANTS, then Classes, then the rest; natural within."""
    group = 0 if name.isupper() and len(name) > 1 else 1 if name[:1].isupper() else 2
    return group, [int(p) if p.isdigit() else p for p in re.split(r"([0-9]+)", name)]


def attach(package: str, exports: Mapping[str, Sequence[str]], submodules: Sequence[str] = (),
           present: Sequence[str] = (),
           ) -> tuple[Callable[[str], Any], Callable[[], list[str]], list[str]]:
    """``__getattr__``, ``__dir__`` and ``__all__`` for ``package``.

    ``exports`` maps a module (relative, ``".records.dataset"``) to the names it
    gives; ``submodules`` are subpackages reachable as attributes
    (``danvan.vietnam``) and imported on first use; ``present`` are names the
    package defines itself (``__version__``), listed in ``__all__`` too.
    """
    owner = {name: module for module, names in exports.items() for name in names}
    public = sorted([*owner, *present], key=_order)

    def __getattr__(name: str) -> Any:
        if name in owner:
            value = getattr(importlib.import_module(owner[name], package), name)
        elif name in submodules:
            value = importlib.import_module(f".{name}", package)
        else:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        setattr(sys.modules[package], name, value)  # read once: later reads skip this hook
        return value

    def __dir__() -> list[str]:
        return sorted({*public, *submodules, *vars(sys.modules[package])})

    return __getattr__, __dir__, public
