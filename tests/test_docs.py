"""The docs pages' own shape: what lets every code block run (issue 16, item 5).

The blocks themselves run through Sybil (conftest.py collects README.md and docs/*.md).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PAGES = sorted([ROOT / "README.md", *(ROOT / "docs").glob("*.md")])
_BLOCK = re.compile(r"^```(\w*)[ \t]*\n(.*?)^```[ \t]*$", re.MULTILINE | re.DOTALL)


@pytest.mark.parametrize("page", PAGES, ids=[p.name for p in PAGES])
def test_doctest_blocks_end_with_a_blank_line(page: Path) -> None:
    """A ``>>>`` block ends with a blank line, so ``python -m doctest`` does not take the fence as output."""
    text = page.read_text(encoding="utf-8")
    bad = [
        text.count("\n", 0, match.start()) + 1
        for match in _BLOCK.finditer(text)
        if ">>>" in match.group(2) and match.group(2).rstrip(" \t").splitlines()[-1].strip()
    ]
    assert bad == [], f"{page.name}: add a blank line before the closing fence of the blocks at lines {bad}"


def test_sybil_is_installed() -> None:
    """Sybil, which runs the pages' blocks, is installed (the test extra), so no page is skipped silently."""
    import sybil

    assert sybil.Sybil


@pytest.mark.parametrize("page", PAGES, ids=[p.name for p in PAGES])
def test_doctests_are_in_python_blocks(page: Path) -> None:
    """Every ``>>>`` example sits in a ```python block, where Sybil finds and runs it."""
    text = page.read_text(encoding="utf-8")
    outside = [line for line in _BLOCK.sub("", text).splitlines() if line.lstrip().startswith(">>>")]
    other = [m.group(1) or "(no language)" for m in _BLOCK.finditer(text)
             if m.group(1) != "python" and ">>>" in m.group(2)]
    assert (outside, other) == ([], []), f"{page.name}: put these examples in ```python blocks"
