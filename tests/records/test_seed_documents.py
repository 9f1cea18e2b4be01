"""The document numbers cited in the seed texts (``tests/seeds/``) parse and round-trip.

A regular expression finds every token that looks like a document number; each must
parse, print back exactly, and the set found per seed is listed below so that a change
to the texts or to the pattern shows up as a reviewable diff.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from danvan.records.document_numbers import DocumentNumber, Style
from danvan.records.vocabulary import DocumentKind

SEEDS = Path(__file__).parents[1] / "seeds"

#: A document-number-like token: a serial, then '-KIND/ISSUER' (Party) or
#: '/[year/]KIND-ISSUER' (State). Kind and issuer start with a capital letter, which
#: leaves out slugs such as "1-hoi-nghi-dan-van-kheo.jpg"; the look-behind leaves out
#: "9001:2008/ISO" (a standard's year).
TOKEN = re.compile(
    r"""
    (?<![\w:./-])
    [0-9]+ (?: - [A-ZĐ][A-Za-zĐđ]* / | / (?:[0-9]{4}/)? )
    [A-ZĐ][A-Za-zĐđ0-9]* (?: - [A-ZĐ][A-Za-zĐđ0-9]* )*
    (?![\w/-])
    """,
    re.VERBOSE,
)

#: Seed file name prefix -> the document numbers it cites.
EXPECTED: dict[str, set[str]] = {
    "000": {
        "03-KL/TW", "04-CT/TU", "05-NQ/HU", "114-KL/TW", "120-KL/TW", "16/CT-TTg", "19-NQ/HU",
        "25-NQ/TW", "290-QĐ/TW", "34/2007/PL-UBTVQH11", "39-NQ/TW", "828/NQ-UBTVQH14",
    },
    # "11-QiĐ/TW" is the seed's misprint of 11-QĐi/TW: it parses, with an unknown kind
    "001": {"11-QiĐ/TW"},
    "002": {"13-CT/ĐU", "16-CT/TU", "217-QĐ/TW", "2242-QĐ/TU", "25-NQ/TW"},
    "003": set(),
    "004": set(),
}

#: Kinds of the numbers cited (None: abbreviation unknown).
KINDS: dict[str, DocumentKind | None] = {
    "25-NQ/TW": DocumentKind.RESOLUTION, "39-NQ/TW": DocumentKind.RESOLUTION,
    "05-NQ/HU": DocumentKind.RESOLUTION, "19-NQ/HU": DocumentKind.RESOLUTION,
    "828/NQ-UBTVQH14": DocumentKind.RESOLUTION,
    "03-KL/TW": DocumentKind.CONCLUSION, "114-KL/TW": DocumentKind.CONCLUSION,
    "120-KL/TW": DocumentKind.CONCLUSION,
    "04-CT/TU": DocumentKind.DIRECTIVE, "16-CT/TU": DocumentKind.DIRECTIVE,
    "13-CT/ĐU": DocumentKind.DIRECTIVE, "16/CT-TTg": DocumentKind.DIRECTIVE,
    "290-QĐ/TW": DocumentKind.DECISION, "217-QĐ/TW": DocumentKind.DECISION,
    "2242-QĐ/TU": None,  # a Party QĐ: Quyết định or Quy định, the number alone does not tell
    "34/2007/PL-UBTVQH11": DocumentKind.ORDINANCE,
    "11-QiĐ/TW": None,
}


def _seed_files() -> list[Path]:
    return sorted(SEEDS.glob("*.txt"))


def _text(path: Path) -> str:
    return unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))


def test_seeds_are_present() -> None:
    """The five seed texts are in tests/seeds/, one per expected prefix."""
    assert sorted(p.name[:3] for p in _seed_files()) == sorted(EXPECTED)


def test_pattern_skips_look_alikes() -> None:
    """The token pattern ignores URL slugs, standard years and dates."""
    text = "1-hoi-nghi-dan-van-kheo.jpg ISO 9001:2008/ISO 9001:2015, ngày 14/5/2019, 02/2011/QH13"
    assert TOKEN.findall(text) == ["02/2011/QH13"]


@pytest.mark.parametrize("path", _seed_files(), ids=lambda p: p.name)
def test_seed_numbers(path: Path) -> None:
    """Every document number a seed cites parses and round-trips; the set is the listed one."""
    found = TOKEN.findall(_text(path))
    assert set(found) == EXPECTED[path.name[:3]]
    for token in found:
        number = DocumentNumber.parse(token)
        assert str(number) == token
        assert DocumentNumber.parse(str(number)) == number


@pytest.mark.parametrize("token", sorted(KINDS))
def test_seed_number_kinds(token: str) -> None:
    """The numbers the seeds cite have the kind their abbreviation names."""
    number = DocumentNumber.parse(token)
    assert number.kind is KINDS[token]
    assert number.style is (Style.STATE if "/" in token.split("-")[0] else Style.PARTY)


def test_every_cited_number_has_a_kind_listed() -> None:
    """The kind table covers every number found in the seeds."""
    assert set().union(*EXPECTED.values()) == set(KINDS)
