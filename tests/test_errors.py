"""Error messages: bounded in size whatever the bad value, with the value kept whole (F14, issue 15)."""

from __future__ import annotations

import pytest

from danvan.errors import (
    DocumentNumberError,
    FieldError,
    NumberFormatError,
    PeriodError,
    UnknownUnitError,
    VocabularyError,
)
from danvan.values.periods import Period

BIG = "x" * 1_000_000


def _deep(depth: int) -> list[object]:
    value: list[object] = []
    for _ in range(depth):
        value = [value]
    return value


@pytest.mark.parametrize(
    "make",
    [
        lambda v: FieldError("petitions[3].kind", v, "expected a kind"),
        lambda v: VocabularyError("PetitionKind", v),
        lambda v: DocumentNumberError(v, "expected a number"),
        lambda v: UnknownUnitError(v),
        lambda v: PeriodError(v, "expected a period"),
        lambda v: NumberFormatError(v, 0, "expected a digit") if isinstance(v, str) else PeriodError(v, "x"),
    ],
)
@pytest.mark.parametrize("value", [BIG, BIG.encode(), list(range(100_000)), _deep(5000), 10**5000],
                         ids=["text", "bytes", "list", "deep", "huge-int"])
def test_messages_are_bounded(make: object, value: object) -> None:
    """A huge, deep or unprintable value gives a message of at most a few hundred characters."""
    error = make(value)  # type: ignore[operator]
    assert len(str(error)) < 300
    assert getattr(error, "value", getattr(error, "text", None)) is value


def test_long_text_says_how_long_it_was() -> None:
    """The cut value says how many characters the whole one has."""
    assert "(1000000 characters)" in str(FieldError("name", BIG, "expected a name"))


def test_short_values_are_shown_whole() -> None:
    """Short values appear as their repr, as before."""
    assert str(FieldError("kind", "bogus", "expected a kind")) == "kind: expected a kind, got 'bogus'"


def test_period_parse_of_a_huge_text_is_short() -> None:
    """``Period.parse`` of 1 MB of text raises a PeriodError with a short message."""
    with pytest.raises(PeriodError) as info:
        Period.parse(BIG)
    assert len(str(info.value)) < 300
    assert info.value.value is BIG
