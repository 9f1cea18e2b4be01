"""docs/at-national-scale.md: its examples run (with the duckdb extra)."""

from __future__ import annotations

import doctest
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def test_national_scale_page_runs() -> None:
    """The page's >>> examples give what they show."""
    pytest.importorskip("duckdb")
    pytest.importorskip("narwhals")
    here = Path.cwd()
    os.chdir(ROOT)
    try:
        failed, _ = doctest.testfile(str(ROOT / "docs" / "at-national-scale.md"),
                                     module_relative=False, optionflags=doctest.ELLIPSIS)
    finally:
        os.chdir(here)
    assert failed == 0
