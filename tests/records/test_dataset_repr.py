"""A dataset's repr: the sizes of its non-empty collections, never its records."""

from __future__ import annotations

from hypothesis import given, settings

from danvan.records.dataset import Dataset
from danvan.records.units import Unit
from danvan.records.vocabulary import UnitLevel
from danvan.testing import datasets


def test_repr_lists_non_empty_collections_with_vietnamese_thousands() -> None:
    """Dataset(units=1.203) for 1.203 units; empty collections are left out."""
    units = tuple(Unit(f"X{i}", f"Xã {i}", UnitLevel.COMMUNE) for i in range(1203))
    assert repr(Dataset(units=units)) == "Dataset(units=1.203)"
    assert repr(Dataset()) == "Dataset()"


@settings(max_examples=30, deadline=None)
@given(datasets(max_records=6))
def test_repr_is_short_and_counts_every_collection(data: Dataset) -> None:
    """At most one 'name=size' per collection (under 200 characters), with each size right."""
    shown = repr(data)
    assert len(shown) < 200
    for name in ("units", "petitions", "dialogues", "models", "receptions", "mediations"):
        size = len(getattr(data, name))
        assert (f"{name}={size}" in shown) == bool(size)
