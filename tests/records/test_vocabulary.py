"""Tests for danvan.records.vocabulary: codes, Vietnamese labels, aliases and lookups."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

import pytest

from danvan._text import fold
from danvan.errors import DanvanError, VocabularyError
from danvan.records import vocabulary
from danvan.records.petitions import Petition, PetitionEvent
from danvan.records.serialization import dumps, loads
from danvan.records.vocabulary import (
    ChairRole,
    Channel,
    DocumentKind,
    EventKind,
    Field,
    PetitionKind,
    Term,
    UnitKind,
    UnitLevel,
)

#: Every enumeration the module exports (Term itself excluded).
ENUMS: list[type[Term]] = [
    obj
    for name in vocabulary.__all__
    if isinstance(obj := getattr(vocabulary, name), type) and issubclass(obj, Term)
    and obj is not Term
]
MEMBERS: list[Term] = [member for enum_type in ENUMS for member in enum_type]

#: (enum, text, member): lookups by Vietnamese label, alias, code or name.
LABEL_LOOKUPS: list[tuple[type[Term], str, Term]] = [
    # the label itself, with diacritics
    (PetitionKind, "khiếu nại", PetitionKind.COMPLAINT),
    (PetitionKind, "tố cáo", PetitionKind.DENUNCIATION),
    (EventKind, "thụ lý", EventKind.ACCEPTED),
    # without diacritics
    (PetitionKind, "khieu nai", PetitionKind.COMPLAINT),
    (PetitionKind, "to cao", PetitionKind.DENUNCIATION),
    (EventKind, "khong thu ly", EventKind.DECLINED),
    # upper case, with and without diacritics
    (PetitionKind, "KHIẾU NẠI", PetitionKind.COMPLAINT),
    (PetitionKind, "KHIEU NAI", PetitionKind.COMPLAINT),
    # đ / Đ fold to d
    (ChairRole, "bi thu dang uy", ChairRole.PARTY_SECRETARY),
    (UnitKind, "Đoàn TNCS", UnitKind.YOUTH_UNION),
    (UnitKind, "doan tncs", UnitKind.YOUTH_UNION),
    # aliases (abbreviations)
    (UnitKind, "UBND", UnitKind.PEOPLES_COMMITTEE),
    (UnitKind, "ubnd", UnitKind.PEOPLES_COMMITTEE),
    (UnitKind, "HĐND", UnitKind.PEOPLES_COUNCIL),
    (UnitKind, "HDND", UnitKind.PEOPLES_COUNCIL),
    (UnitKind, "MTTQ", UnitKind.FATHERLAND_FRONT),
    (UnitLevel, "TW", UnitLevel.CENTRAL),
    (UnitLevel, "xóm", UnitLevel.RESIDENTIAL),
    (DocumentKind, "NQ", DocumentKind.RESOLUTION),
    (DocumentKind, "QĐ", DocumentKind.DECISION),
    (DocumentKind, "QĐi", DocumentKind.REGULATION),
    # en dash and hyphen, with or without spaces around them
    (Field, "văn hóa – xã hội", Field.CULTURE_SOCIETY),
    (Field, "văn hóa - xã hội", Field.CULTURE_SOCIETY),
    (Field, "văn hoá-xã hội", Field.CULTURE_SOCIETY),
    (Field, "van hoa — xa hoi", Field.CULTURE_SOCIETY),
    (Field, "quốc phòng - an ninh", Field.DEFENCE_SECURITY),
    # extra white space
    (PetitionKind, "  khiếu   nại ", PetitionKind.COMPLAINT),
    # NFD input (decomposed diacritics)
    (PetitionKind, unicodedata.normalize("NFD", "khiếu nại"), PetitionKind.COMPLAINT),
    # the code and the English name
    (PetitionKind, "complaint", PetitionKind.COMPLAINT),
    (PetitionKind, "COMPLAINT", PetitionKind.COMPLAINT),
    (UnitKind, "peoples_committee", UnitKind.PEOPLES_COMMITTEE),
]

#: (enum, value): inputs that name no member.
UNKNOWN_LABELS: list[tuple[type[Term], object]] = [
    (PetitionKind, ""),
    (PetitionKind, "khiếu kiện"),
    (PetitionKind, "khieu"),
    (UnitKind, "UBMT"),
    (UnitLevel, "thành phố"),
    (DocumentKind, "XX"),
    # not text at all
    (PetitionKind, None),
    (PetitionKind, 3),
    (PetitionKind, PetitionKind.COMPLAINT),
]

#: (enum, value): inputs that are not a stable code.
UNKNOWN_CODES: list[tuple[type[Term], object]] = [
    (PetitionKind, "khiếu nại"),  # a label is not a code
    (PetitionKind, "COMPLAINT"),  # nor is the English name
    (PetitionKind, "Complaint"),
    (PetitionKind, ""),
    (PetitionKind, None),
    (PetitionKind, 1),
    (PetitionKind, PetitionKind.COMPLAINT),  # a member is not a code either
    (EventKind, "resolve"),
]

_CODE = re.compile(r"[a-z][a-z_]*")


def _id(value: object) -> str:
    return repr(value)


def test_enums_are_found() -> None:
    """The module exports at least the enumerations the entities use."""
    assert {PetitionKind, EventKind, UnitKind, UnitLevel, DocumentKind, Field} <= set(ENUMS)


@pytest.mark.parametrize("member", MEMBERS, ids=_id)
def test_member_has_name_code_and_label(member: Term) -> None:
    """Each member has an upper-case English name, a snake_case code and a Vietnamese label."""
    assert re.fullmatch(r"[A-Z][A-Z_]*", member.name)
    assert _CODE.fullmatch(member.code)
    assert member.code == member.value
    assert isinstance(member.label, str)
    assert member.label.strip() == member.label
    assert member.label
    assert unicodedata.is_normalized("NFC", member.label)
    assert str(member) == member.label
    assert all(isinstance(alias, str) and alias for alias in member.aliases)


@pytest.mark.parametrize("member", MEMBERS, ids=_id)
def test_member_round_trips_through_code_and_label(member: Term) -> None:
    """from_code(code) and from_label(label) give the member back."""
    enum_type = type(member)
    assert enum_type.from_code(member.code) is member
    assert enum_type.from_label(member.label) is member
    assert enum_type.from_label(fold(member.label)) is member
    assert enum_type.from_label(member.label.upper()) is member
    for alias in member.aliases:
        assert enum_type.from_label(alias) is member


@pytest.mark.parametrize("enum_type", ENUMS, ids=lambda e: e.__name__)
def test_codes_are_stable_and_unique(enum_type: type[Term]) -> None:
    """Codes are the lower-case English names' snake_case, one per member."""
    codes = [member.code for member in enum_type]
    assert len(set(codes)) == len(codes)
    assert all(member.code == member.name.lower() for member in enum_type)


@pytest.mark.parametrize("enum_type", ENUMS, ids=lambda e: e.__name__)
def test_no_two_members_share_a_folded_key(enum_type: type[Term]) -> None:
    """No folded label, alias, code or name of one member matches another member's."""
    owners: dict[str, set[str]] = {}
    for member in enum_type:
        for key in (member.label, member.code, member.name, *member.aliases):
            owners.setdefault(fold(key), set()).add(member.name)
    collisions = {key: names for key, names in owners.items() if len(names) > 1}
    assert collisions == {}


def test_collision_check_catches_a_collision() -> None:
    """The collision check above would flag two members sharing an alias without diacritics."""

    class Clash(Term):
        A = "a", "khiếu nại"
        B = "b", "tố cáo", "KHIEU NAI"

    owners: dict[str, set[str]] = {}
    for member in Clash:
        for key in (member.label, member.code, member.name, *member.aliases):
            owners.setdefault(fold(key), set()).add(member.name)
    assert {k for k, names in owners.items() if len(names) > 1} == {"khieu nai"}


@pytest.mark.parametrize(("enum_type", "text", "member"), LABEL_LOOKUPS, ids=_id)
def test_from_label(enum_type: type[Term], text: str, member: Term) -> None:
    """from_label finds a member by label or alias, diacritics, case and dashes optional."""
    assert enum_type.from_label(text) is member


@pytest.mark.parametrize(("enum_type", "value"), UNKNOWN_LABELS, ids=_id)
def test_from_label_unknown(enum_type: type[Term], value: object) -> None:
    """An unknown label raises VocabularyError (a ValueError) naming the enum and the value."""
    with pytest.raises(VocabularyError) as info:
        enum_type.from_label(value)  # type: ignore[arg-type]
    error = info.value
    assert isinstance(error, ValueError)
    assert isinstance(error, DanvanError)
    assert error.value == value
    assert error.enum_name == enum_type.__name__
    assert repr(value) in str(error)
    assert enum_type.__name__ in str(error)
    assert error.candidates == tuple(m.label for m in enum_type)


@pytest.mark.parametrize(("enum_type", "value"), UNKNOWN_CODES, ids=_id)
def test_from_code_unknown(enum_type: type[Term], value: object) -> None:
    """from_code accepts only a stable code; anything else is a VocabularyError naming it."""
    with pytest.raises(VocabularyError) as info:
        enum_type.from_code(value)
    assert info.value.value == value
    assert repr(value) in str(info.value)
    assert info.value.candidates == tuple(m.code for m in enum_type)


def test_from_code_known() -> None:
    """from_code maps each code to its member."""
    assert PetitionKind.from_code("denunciation") is PetitionKind.DENUNCIATION
    assert UnitKind.from_code("peoples_committee") is UnitKind.PEOPLES_COMMITTEE


def test_lookup_stays_within_one_enum() -> None:
    """A label of another enumeration is not found: 'cơ sở' is a UnitLevel, not a PetitionKind."""
    assert UnitLevel.from_label("cơ sở") is UnitLevel.COMMUNE
    with pytest.raises(VocabularyError):
        PetitionKind.from_label("cơ sở")


def test_unit_level_depth() -> None:
    """UnitLevel.depth runs from 0 (central) to 4 (residential) in order."""
    assert [level.depth for level in UnitLevel] == [0, 1, 2, 3, 4]
    assert UnitLevel.CENTRAL.depth == 0
    assert UnitLevel.RESIDENTIAL.depth == 4


def test_fold() -> None:
    """fold strips diacritics, maps đ to d, case-folds and unifies dashes and spaces."""
    assert fold("Văn hóa – Xã hội") == fold("van hoa - xa hoi") == "van hoa - xa hoi"
    assert fold("ĐOÀN  TNCS") == "doan tncs"
    assert fold(unicodedata.normalize("NFD", "Hưng Hóa")) == "hung hoa"


def test_feedback_reads_its_former_code() -> None:
    """PetitionKind.FEEDBACK ("phản ánh" is feedback, not a recommendation) reads its former code."""
    assert PetitionKind.from_code("feedback") is PetitionKind.FEEDBACK
    assert PetitionKind.from_code("recommendation") is PetitionKind.FEEDBACK
    assert PetitionKind.RECOMMENDATION is PetitionKind.FEEDBACK
    assert PetitionKind.from_label("phản ánh") is PetitionKind.FEEDBACK
    assert [m.code for m in PetitionKind] == ["complaint", "denunciation", "feedback", "other"]
    with pytest.raises(VocabularyError):
        EventKind.from_code("recommendation")


@pytest.mark.parametrize(("enum_type", "text", "member"), [
    (EventKind, "đình chỉ", EventKind.TERMINATED),
    (EventKind, "tạm đình chỉ", EventKind.SUSPENDED),
    (EventKind, "hướng dẫn", EventKind.GUIDED),
    (EventKind, "lưu đơn", EventKind.FILED),
    (Channel, "báo chí chuyển đến", Channel.PRESS),
    (Channel, "Đoàn ĐBQH chuyển đến", Channel.NATIONAL_ASSEMBLY_DEPUTIES),
    (Channel, "chuyển đến", Channel.FORWARDED),
    (Channel, "tiếp công dân trực tuyến", Channel.ONLINE_RECEPTION),
    (Channel, "trực tuyến", Channel.ONLINE),
    (Field, "xây dựng nông thôn mới", Field.NEW_RURAL_AREAS),
    (Field, "xây dựng hệ thống chính trị", Field.POLITICAL_SYSTEM),
    (Field, "xây dựng hệ thống chính trị, xây dựng nông thôn mới",
     Field.POLITICAL_SYSTEM_AND_NEW_RURAL_AREAS),
    (DocumentKind, "Bộ luật", DocumentKind.LAW),
])
def test_terms_offices_record(enum_type: type[Term], text: str, member: Term) -> None:
    """Outcomes, channels and fields of the law audit §5 are members of their own."""
    assert enum_type.from_label(text) is member


def test_qh_is_not_a_kind() -> None:
    """'QH' names the National Assembly, the issuer: it is no label of DocumentKind.LAW."""
    with pytest.raises(VocabularyError):
        DocumentKind.from_label("QH")


def test_new_members_round_trip_through_json() -> None:
    """The new members serialise by code and read back, and the former code loads as FEEDBACK."""
    p = Petition("P1", PetitionKind.FEEDBACK, dt.date(2026, 8, 3), "X1", channel=Channel.PRESS,
                 events=(PetitionEvent(EventKind.GUIDED, dt.date(2026, 8, 4)),))
    text = dumps(p)
    assert '"feedback"' in text
    assert '"press"' in text
    assert '"guided"' in text
    assert loads(text, Petition) == p
    assert loads(text.replace('"feedback"', '"recommendation"'), Petition) == p
