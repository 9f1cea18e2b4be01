"""Registers danvan's strategies with ``st.from_type`` (hypothesis entry point)."""

from __future__ import annotations


def _hypothesis_setup_hook() -> None:
    """Called by hypothesis at start-up; imports nothing heavy until a type is asked for."""
    from danvan import testing

    testing.register_type_strategies()
