"""Registers danvan's strategies with ``st.from_type`` (hypothesis entry point).

Hypothesis calls the hook while it is being imported, possibly from
``import danvan.testing`` itself, so the hook imports only danvan's entity
classes and defers ``danvan.testing`` until a strategy is first asked for.
"""

from __future__ import annotations

from typing import Any


def _deferred(cls: type) -> Any:
    def resolve(_: type) -> Any:
        from danvan.testing import strategy_for

        return strategy_for(cls)

    return resolve


def _hypothesis_setup_hook() -> None:
    """Register a deferred strategy for each danvan entity."""
    from hypothesis import strategies as st

    from danvan.dataset import Dataset
    from danvan.dialogues import Dialogue
    from danvan.directives import Directive
    from danvan.document_numbers import DocumentNumber
    from danvan.mediations import MediationCase
    from danvan.models import Model
    from danvan.petitions import Petition
    from danvan.receptions import Reception
    from danvan.units import UnitRegistry

    for cls in (DocumentNumber, UnitRegistry, Dataset, Directive, Petition, Dialogue, Model,
                Reception, MediationCase):
        st.register_type_strategy(cls, _deferred(cls))
