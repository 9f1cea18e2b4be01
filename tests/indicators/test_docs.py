"""The code blocks of docs/indicators.md run (they need the pandas-free extras: matplotlib)."""

from __future__ import annotations

import doctest
from pathlib import Path

import pytest

PAGE = Path(__file__).parents[2] / "docs" / "indicators.md"


def test_indicators_page_blocks_run() -> None:
    """Every >>> example of docs/indicators.md gives the output written under it."""
    pytest.importorskip("matplotlib")
    result = doctest.testfile(str(PAGE), module_relative=False, optionflags=doctest.ELLIPSIS,
                              encoding="utf-8")
    assert result.failed == 0
    assert result.attempted > 20
