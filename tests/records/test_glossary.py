"""The glossary documents every term of the vocabulary."""

from __future__ import annotations

from pathlib import Path

import pytest

from danvan.records import vocabulary
from danvan.values.numbers import Rounding

GLOSSARY = (Path(__file__).parents[2] / "docs" / "glossary.md").read_text(encoding="utf-8")
ENUMS = [getattr(vocabulary, name) for name in vocabulary.__all__ if name != "Term"] + [Rounding]


@pytest.mark.parametrize("enum", ENUMS, ids=lambda e: e.__name__)
def test_every_member_is_in_the_glossary(enum: type[vocabulary.Term]) -> None:
    """Each member's English name, code and Vietnamese label appear in docs/glossary.md."""
    for member in enum:
        row = f"| `{member.name}` | `{member.code}` | {member.label} |"
        assert row in GLOSSARY, f"regenerate docs with scripts/make_glossary.py: {row}"
