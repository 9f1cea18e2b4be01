"""Tests for danvan.records.document_numbers: tables of valid and invalid numbers, then a property."""

from __future__ import annotations

import unicodedata

import attrs
import pytest
from hypothesis import given

from danvan.errors import DanvanError, DocumentNumberError
from danvan.records.document_numbers import DocumentNumber, Style
from danvan.records.vocabulary import DocumentKind
from danvan.testing import document_numbers

#: Canonical numbers, each must parse and print back exactly.
VALID: list[str] = [
    # Party documents: number-KIND/ISSUER (seed 000, 001, 002)
    "25-NQ/TW",
    "39-NQ/TW",
    "03-KL/TW",
    "114-KL/TW",
    "120-KL/TW",
    "290-QĐ/TW",
    "217-QĐ/TW",
    "04-CT/TU",
    "16-CT/TU",
    "2242-QĐ/TU",
    # district and grassroots committees (leading zeros kept)
    "05-NQ/HU",
    "19-NQ/HU",
    "13-CT/ĐU",
    # regulations (Quy định): QĐi
    "11-QĐi/TW",
    # seed 001's misprint of 11-QĐi/TW: still a number, kind unknown
    "11-QiĐ/TW",
    # State documents: number/KIND-ISSUER
    "16/CT-TTg",
    "828/NQ-UBTVQH14",
    # with a year (legal normative documents)
    "34/2007/PL-UBTVQH11",
    "124/2020/NĐ-CP",
    # laws: no kind abbreviation, the issuer is the National Assembly
    "02/2011/QH13",
    # official letters: no kind abbreviation
    "12729/VPCP-KGVX",
    # issuers made of several segments
    "25-NQ/BCS-TW",
    "01/2019/TT-BNV",
]

#: (raw, canonical): parsing normalises spacing and Unicode.
CANONICAL: list[tuple[str, str]] = [
    # spaces around '-' and '/'
    ("25 - NQ/TW", "25-NQ/TW"),
    ("25-NQ / TW", "25-NQ/TW"),
    ("25 -NQ/ TW", "25-NQ/TW"),
    ("16 / CT - TTg", "16/CT-TTg"),
    ("124 / 2020 / NĐ - CP", "124/2020/NĐ-CP"),
    ("25-NQ/BCS - TW", "25-NQ/BCS-TW"),
    # surrounding white space
    ("  25-NQ/TW\n", "25-NQ/TW"),
    ("\t16/CT-TTg ", "16/CT-TTg"),
    # NFD input becomes NFC
    (unicodedata.normalize("NFD", "2242-QĐ/TU"), "2242-QĐ/TU"),
    (unicodedata.normalize("NFD", "124/2020/NĐ-CP"), "124/2020/NĐ-CP"),
    (unicodedata.normalize("NFD", "13-CT/ĐU"), "13-CT/ĐU"),
]

#: Text that is not a document number.
INVALID: list[object] = [
    # empty or blank
    "",
    "   ",
    # parts missing
    "25/",
    "25-",
    "NQ/TW",
    "-NQ/TW",
    "25-NQ",
    "25-NQ/",
    "25/2020/",
    # trailing or doubled separators
    "25-NQ/TW/",
    "25-NQ/TW-",
    "25--NQ/TW",
    "25-NQ//TW",
    # Unicode digits: only ASCII digits are accepted
    "٢٥-NQ/TW",
    "２５-NQ/TW",
    "25-NQ/TW٢",
    # other letters and marks
    "25-NQ/T W",
    "25-NQ/TW.",
    "25–NQ/TW",  # en dash is not the separator
    "25-NẠ/TW",
    "Nghị quyết 25-NQ/TW",
    # not text at all
    None,
    25,
    b"25-NQ/TW",
]

#: (number, kind): what the abbreviation stands for.
KINDS: list[tuple[str, DocumentKind | None]] = [
    ("25-NQ/TW", DocumentKind.RESOLUTION),
    ("13-CT/ĐU", DocumentKind.DIRECTIVE),
    ("16/CT-TTg", DocumentKind.DIRECTIVE),
    ("03-KL/TW", DocumentKind.CONCLUSION),
    ("2242-QĐ/TU", None),  # a Party QĐ: Quyết định or Quy định
    ("290-QĐ/TW", DocumentKind.DECISION),  # listed in KNOWN_KINDS
    ("37-QĐ/TW", DocumentKind.REGULATION),
    ("188/1999/QĐ-TTg", DocumentKind.DECISION),  # a State QĐ is a Quyết định
    ("11-QĐi/TW", DocumentKind.REGULATION),
    ("34/2007/PL-UBTVQH11", DocumentKind.ORDINANCE),
    ("124/2020/NĐ-CP", DocumentKind.DECREE),
    ("01/2019/TT-BNV", DocumentKind.CIRCULAR),
    ("02/2011/QH13", DocumentKind.LAW),  # listed in KNOWN_KINDS
    # "QH" names the issuer: a resolution of the National Assembly is no law
    ("202/2025/QH15", DocumentKind.RESOLUTION),
    ("999/2025/QH15", None),
    # unknown abbreviations and none at all
    ("11-QiĐ/TW", None),
    ("12729/VPCP-KGVX", None),
    ("25-nq/tw", None),
]

#: (text, number, kind_code, issuer, style, year): the parts stored.
PARTS: list[tuple[str, str, str | None, str, Style, int | None]] = [
    ("25-NQ/TW", "25", "NQ", "TW", Style.PARTY, None),
    ("05-NQ/HU", "05", "NQ", "HU", Style.PARTY, None),
    ("11-QiĐ/TW", "11", "QiĐ", "TW", Style.PARTY, None),
    ("16/CT-TTg", "16", "CT", "TTg", Style.STATE, None),
    ("828/NQ-UBTVQH14", "828", "NQ", "UBTVQH14", Style.STATE, None),
    ("124/2020/NĐ-CP", "124", "NĐ", "CP", Style.STATE, 2020),
    ("02/2011/QH13", "02", None, "QH13", Style.STATE, 2011),
    ("12729/VPCP-KGVX", "12729", None, "VPCP-KGVX", Style.STATE, None),
]

#: Constructor arguments that do not form a canonical number.
BAD_PARTS: list[tuple[object, ...]] = [
    ("25", None, "TW", Style.PARTY),  # a Party number needs a kind
    ("25", "NQ", "TW", Style.PARTY, 2020),  # and has no year
    (25, "NQ", "TW", Style.PARTY),  # the serial is text
    ("25", "XX", "TW", Style.STATE),  # unknown kind reads back as part of the issuer
    ("25", "NQ", "T W", Style.PARTY),  # white space
    ("25", "NQ", "TW", "party"),  # style must be a Style
    ("٢٥", "NQ", "TW", Style.PARTY),  # non-ASCII digits
]


@pytest.mark.parametrize("text", VALID)
def test_valid_round_trips(text: str) -> None:
    """A canonical number parses and prints back exactly."""
    number = DocumentNumber.parse(text)
    assert str(number) == text
    assert DocumentNumber.parse(str(number)) == number
    assert repr(number) == f"<DocumentNumber({text!r})>"


@pytest.mark.parametrize(("raw", "canonical"), CANONICAL, ids=repr)
def test_canonical_form(raw: str, canonical: str) -> None:
    """Spacing around separators is dropped and Unicode becomes NFC."""
    number = DocumentNumber.parse(raw)
    assert str(number) == canonical
    assert unicodedata.is_normalized("NFC", str(number))
    assert number == DocumentNumber.parse(canonical)
    assert hash(number) == hash(DocumentNumber.parse(canonical))


@pytest.mark.parametrize("value", INVALID, ids=repr)
def test_invalid(value: object) -> None:
    """Text that is no document number raises DocumentNumberError (a ValueError) naming it."""
    with pytest.raises(DocumentNumberError) as info:
        DocumentNumber.parse(value)  # type: ignore[arg-type]
    assert isinstance(info.value, ValueError)
    assert isinstance(info.value, DanvanError)
    assert info.value.value == value
    assert repr(value) in str(info.value)


@pytest.mark.parametrize(("text", "kind"), KINDS)
def test_kind(text: str, kind: DocumentKind | None) -> None:
    """kind maps the abbreviation, or the known-documents table, to a DocumentKind; None when unknown."""
    assert DocumentNumber.parse(text).kind is kind


@pytest.mark.parametrize(("text", "number", "kind_code", "issuer", "style", "year"), PARTS)
def test_parts(text: str, number: str, kind_code: str | None, issuer: str, style: Style,
               year: int | None) -> None:
    """Parsing stores the serial (leading zeros kept), kind code, issuer, style and year."""
    parsed = DocumentNumber.parse(text)
    assert (parsed.number, parsed.kind_code, parsed.issuer, parsed.style, parsed.year) == (
        number, kind_code, issuer, style, year,
    )
    assert DocumentNumber(number, kind_code, issuer, style, year) == parsed


@pytest.mark.parametrize("args", BAD_PARTS, ids=repr)
def test_constructor_rejects_non_canonical_parts(args: tuple[object, ...]) -> None:
    """Building from parts that do not read back as the same number raises DocumentNumberError."""
    with pytest.raises(DocumentNumberError):
        DocumentNumber(*args)  # type: ignore[arg-type]


def test_frozen() -> None:
    """A DocumentNumber cannot be changed after it is built."""
    number = DocumentNumber.parse("25-NQ/TW")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        number.issuer = "TU"  # type: ignore[misc]


def test_evolve_checks_parts() -> None:
    """attrs.evolve builds through the constructor, so bad parts are refused there too."""
    number = DocumentNumber.parse("25-NQ/TW")
    assert str(attrs.evolve(number, issuer="TU")) == "25-NQ/TU"
    with pytest.raises(DocumentNumberError):
        attrs.evolve(number, kind_code=None)


def test_equal_numbers_are_interchangeable() -> None:
    """Equal numbers hash alike, so they work as set members and dict keys."""
    assert {DocumentNumber.parse("25 - NQ/TW"), DocumentNumber.parse("25-NQ/TW")} == {
        DocumentNumber.parse("25-NQ/TW")
    }
    assert DocumentNumber.parse("25-NQ/TW") != DocumentNumber.parse("25-NQ/TU")
    assert DocumentNumber.parse("05-NQ/HU") != DocumentNumber.parse("5-NQ/HU")


@given(document_numbers())
def test_property_round_trip(number: DocumentNumber) -> None:
    """str(parse(str(x))) == str(x) for generated numbers, and the parts survive too."""
    text = str(number)
    again = DocumentNumber.parse(text)
    assert str(again) == text
    assert again == number
    assert unicodedata.is_normalized("NFC", text)


@given(document_numbers())
def test_property_spaces_are_insignificant(number: DocumentNumber) -> None:
    """Spaces around every separator do not change the number."""
    spaced = str(number).replace("-", " - ").replace("/", " / ")
    assert DocumentNumber.parse(spaced) == number
