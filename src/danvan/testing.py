"""Hypothesis strategies for danvan's entities (placeholder, filled in below)."""

from __future__ import annotations


def register_type_strategies() -> None:
    """Register every strategy with ``st.from_type``."""
