"""danvan's hypothesis plugin: ``st.from_type`` for danvan's records, at no import cost.

Hypothesis calls :func:`_hypothesis_setup_hook` (the ``hypothesis`` entry point)
while it is being imported, in every environment where danvan is installed.
This module lives outside the ``danvan`` package so that ``import hypothesis``
imports no danvan module. The strategies are registered once danvan's records
are in use: at once if :mod:`danvan.records` is already imported, otherwise
right after its first import (a one-shot import hook, as ``wrapt``'s
post-import hooks do). Each strategy itself is built on the first
``st.from_type`` call, from :func:`danvan.testing.strategy_for`.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import importlib.util
import sys
from types import ModuleType
from typing import Any

_TRIGGER = "danvan.records"


def _strategy(cls: type) -> Any:
    from danvan.testing import strategy_for

    return strategy_for(cls)


def _register() -> None:
    from hypothesis import strategies as st

    from danvan.records import (
        Dataset,
        Dialogue,
        Directive,
        DocumentNumber,
        MediationCase,
        Model,
        Petition,
        Reception,
        UnitRegistry,
    )

    for cls in (DocumentNumber, UnitRegistry, Dataset, Directive, Petition, Dialogue, Model,
                Reception, MediationCase):
        st.register_type_strategy(cls, _strategy)


class _AfterImport(importlib.abc.MetaPathFinder):
    """Registers the strategies right after ``danvan.records`` is first imported."""

    def find_spec(self, name: str, path: Any, target: ModuleType | None = None,
                  ) -> importlib.machinery.ModuleSpec | None:
        if name != _TRIGGER:
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(name)
        if spec is None or spec.loader is None:
            return spec
        loader, exec_module = spec.loader, spec.loader.exec_module

        def run_then_register(module: ModuleType) -> None:
            exec_module(module)
            _register()

        loader.exec_module = run_then_register  # type: ignore[method-assign]
        return spec


def _hypothesis_setup_hook() -> None:
    """Register danvan's strategies now, or as soon as danvan's records are imported."""
    if _TRIGGER in sys.modules:
        _register()
    elif not any(isinstance(finder, _AfterImport) for finder in sys.meta_path):
        sys.meta_path.insert(0, _AfterImport())
