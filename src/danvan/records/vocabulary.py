"""The controlled vocabulary of mass-mobilisation work.

Each enumeration has English member names, a stable code as its value (what
JSON carries) and the Vietnamese term as its ``label``. ``from_label`` finds a
member by its Vietnamese label or a common alias, with or without diacritics:

>>> PetitionKind.from_label("khieu nai")
<PetitionKind.COMPLAINT: 'complaint'>
>>> Field.from_label("Văn hóa - xã hội").label
'văn hóa – xã hội'
"""

from __future__ import annotations

import enum
from typing import Any, Self, cast

from danvan._text import fold
from danvan.errors import VocabularyError

__all__ = [
    "AdminType",
    "ChairRole",
    "Channel",
    "Complexity",
    "DialogueMode",
    "DocumentKind",
    "EventKind",
    "Field",
    "MediationOutcome",
    "ModelStatus",
    "OwnerKind",
    "PetitionKind",
    "RecognitionLevel",
    "Term",
    "UnitKind",
    "UnitLevel",
]

_INDEX: dict[type[Term], dict[str, Term]] = {}


class Term(enum.Enum):
    """Base of danvan's enumerations: a stable code, a Vietnamese label, aliases."""

    #: The stable code used on the wire (the enum value).
    code: str
    label: str
    aliases: tuple[str, ...]

    # Members are singletons compared by identity: hash them the same way, in C, rather
    # than through Enum's Python-level hash of the name (terms key many hot dicts and sets).
    __hash__ = object.__hash__

    def __new__(cls, code: str, label: str, *aliases: str) -> Self:
        member = object.__new__(cls)
        member._value_ = code
        member.code = code
        member.label = label
        member.aliases = aliases
        return member

    @classmethod
    def from_label(cls, text: str) -> Self:
        """The member whose label, alias or code matches ``text`` (diacritics optional)."""
        index = _INDEX.get(cls)
        if index is None:
            index = {}
            for member in cls:
                for key in (member.label, member.code, member.name, *member.aliases):
                    index.setdefault(fold(key), member)
            _INDEX[cls] = index
        if isinstance(text, str):
            found = index.get(fold(text))
            if found is not None:
                return found  # type: ignore[return-value]
        raise VocabularyError(cls.__name__, text, [m.label for m in cls])

    @classmethod
    def from_code(cls, code: Any) -> Self:
        """The member with this stable code; anything else is a :class:`VocabularyError`."""
        member = cls._value2member_map_.get(code) if isinstance(code, str) else None
        if member is not None:
            return cast(Self, member)
        raise VocabularyError(cls.__name__, code, [m.code for m in cls])

    def __str__(self) -> str:
        return self.label


class UnitLevel(Term):
    """Tier of the administrative and political system (cấp)."""

    CENTRAL = "central", "trung ương", "cấp trung ương", "TW"
    PROVINCE = "province", "tỉnh", "cấp tỉnh"
    DISTRICT = "district", "huyện", "cấp huyện"
    COMMUNE = "commune", "xã", "cấp xã", "cơ sở"
    RESIDENTIAL = (
        "residential",
        "thôn, ấp, bản, tổ dân phố, khu dân cư",
        "thôn", "ấp", "bản", "tổ dân phố", "khu dân cư", "khu", "xóm", "khóm",
    )

    @property
    def depth(self) -> int:
        """0 for the central level, 4 for residential areas."""
        return list(UnitLevel).index(self)


class UnitKind(Term):
    """What kind of body or area a unit is."""

    ADMINISTRATIVE_AREA = "administrative_area", "đơn vị hành chính", "địa bàn"
    PARTY_COMMITTEE = "party_committee", "cấp ủy đảng", "cấp ủy", "đảng ủy", "huyện ủy", "tỉnh ủy"
    PEOPLES_COMMITTEE = "peoples_committee", "Ủy ban nhân dân", "UBND"
    PEOPLES_COUNCIL = "peoples_council", "Hội đồng nhân dân", "HĐND"
    FATHERLAND_FRONT = (
        "fatherland_front", "Ủy ban Mặt trận Tổ quốc Việt Nam", "MTTQ", "Ủy ban MTTQ",
        "Mặt trận Tổ quốc",
    )
    YOUTH_UNION = (
        "youth_union", "Đoàn Thanh niên Cộng sản Hồ Chí Minh", "Đoàn TNCS", "Đoàn TNCS Hồ Chí Minh",
        "Đoàn Thanh niên",
    )
    WOMENS_UNION = "womens_union", "Hội Liên hiệp Phụ nữ", "Hội LHPN", "Hội Phụ nữ"
    FARMERS_UNION = "farmers_union", "Hội Nông dân"
    VETERANS_ASSOCIATION = "veterans_association", "Hội Cựu chiến binh", "Hội CCB"
    TRADE_UNION = "trade_union", "Công đoàn", "Liên đoàn Lao động"
    MASS_MOBILISATION_COMMISSION = (
        "mass_mobilisation_commission", "Ban Dân vận", "Ban Tuyên giáo và Dân vận",
    )
    SPECIALISED_AGENCY = (
        "specialised_agency", "cơ quan chuyên môn", "sở", "phòng", "cơ quan chuyên môn, sở, phòng",
    )
    PUBLIC_SERVICE_UNIT = "public_service_unit", "đơn vị sự nghiệp", "đơn vị sự nghiệp công lập"


class AdminType(Term):
    """Legal type of an administrative unit (loại đơn vị hành chính)."""

    PROVINCE = "province", "tỉnh"
    CENTRAL_CITY = "central_city", "thành phố trực thuộc trung ương"
    URBAN_DISTRICT = "urban_district", "quận"
    RURAL_DISTRICT = "rural_district", "huyện"
    DISTRICT_TOWN = "district_town", "thị xã"
    PROVINCIAL_CITY = "provincial_city", "thành phố thuộc tỉnh", "thành phố"
    COMMUNE = "commune", "xã"
    WARD = "ward", "phường"
    TOWNSHIP = "township", "thị trấn"
    SPECIAL_ZONE = "special_zone", "đặc khu"


class Field(Term):
    """Field of work of a "Dân vận khéo" model (lĩnh vực)."""

    ECONOMY = "economy", "kinh tế"
    CULTURE_SOCIETY = "culture_society", "văn hóa – xã hội", "văn hoá - xã hội"
    DEFENCE_SECURITY = "defence_security", "quốc phòng – an ninh", "quốc phòng, an ninh"
    POLITICAL_SYSTEM = (
        "political_system", "xây dựng hệ thống chính trị",
        "xây dựng hệ thống chính trị, xây dựng nông thôn mới",
    )


class PetitionKind(Term):
    """Kind of citizen petition (loại đơn thư)."""

    COMPLAINT = "complaint", "khiếu nại", "đơn khiếu nại"
    DENUNCIATION = "denunciation", "tố cáo", "đơn tố cáo"
    RECOMMENDATION = (
        "recommendation", "kiến nghị, phản ánh", "kiến nghị", "phản ánh", "kiến nghị - phản ánh",
    )
    OTHER = "other", "khác", "loại khác", "đơn khác"


class Channel(Term):
    """How a petition reached the receiving unit."""

    CITIZEN_RECEPTION = "citizen_reception", "tiếp công dân", "trực tiếp"
    MAIL = "mail", "qua bưu chính", "bưu điện", "gửi đơn"
    ONLINE = "online", "trực tuyến", "qua mạng"
    DIALOGUE = "dialogue", "tại hội nghị đối thoại", "đối thoại"
    OTHER = "other", "khác"


class Complexity(Term):
    """How complex a case is, for time limits (vụ việc phức tạp)."""

    ORDINARY = "ordinary", "thông thường"
    COMPLEX = "complex", "phức tạp"
    ESPECIALLY_COMPLEX = "especially_complex", "đặc biệt phức tạp"


class EventKind(Term):
    """A step in a petition's lifecycle."""

    RECEIVED = "received", "tiếp nhận"
    ACCEPTED = "accepted", "thụ lý"
    DECLINED = "declined", "không thụ lý"
    IN_PROGRESS = "in_progress", "đang giải quyết"
    SUSPENDED = "suspended", "tạm đình chỉ"
    RESUMED = "resumed", "tiếp tục giải quyết"
    EXTENDED = "extended", "gia hạn"
    RESOLVED = "resolved", "đã giải quyết"
    TRANSFERRED = "transferred", "chuyển đơn"
    WITHDRAWN = "withdrawn", "rút đơn"


class ChairRole(Term):
    """Who chairs a dialogue or receives citizens."""

    PARTY_SECRETARY = "party_secretary", "bí thư cấp ủy", "bí thư", "bí thư đảng ủy"
    PEOPLES_COMMITTEE_CHAIR = "peoples_committee_chair", "chủ tịch UBND", "chủ tịch Ủy ban nhân dân"
    PEOPLES_COUNCIL_CHAIR = "peoples_council_chair", "chủ tịch HĐND", "chủ tịch Hội đồng nhân dân"
    FRONT_CHAIR = "front_chair", "chủ tịch Ủy ban MTTQ", "chủ tịch MTTQ"
    DEPUTY = "deputy", "cấp phó", "phó chủ tịch", "phó bí thư"
    HEAD_OF_AGENCY = "head_of_agency", "thủ trưởng cơ quan", "người đứng đầu cơ quan"
    OTHER = "other", "khác"


class DialogueMode(Term):
    """Whether a dialogue was scheduled or called for a matter (định kỳ / đột xuất)."""

    PERIODIC = "periodic", "định kỳ"
    AD_HOC = "ad_hoc", "đột xuất", "chuyên đề"


class OwnerKind(Term):
    """Whether a "Dân vận khéo" entry is a collective model or an individual exemplar."""

    COLLECTIVE = "collective", "tập thể", "mô hình"
    INDIVIDUAL = "individual", "cá nhân", "điển hình"


class RecognitionLevel(Term):
    """The tier that recognised a model (công nhận cấp ...)."""

    GRASSROOTS = "grassroots", "cơ sở", "cấp cơ sở", "xã"
    DISTRICT = "district", "huyện", "cấp huyện"
    PROVINCE = "province", "tỉnh", "cấp tỉnh"
    CENTRAL = "central", "trung ương", "cấp trung ương"


class ModelStatus(Term):
    """Where a "Dân vận khéo" model stands; derived from its dated history."""

    REGISTERED = "registered", "đăng ký"
    RECOGNISED = "recognised", "được công nhận"
    REPLICATED = "replicated", "được nhân rộng"
    DISCONTINUED = "discontinued", "ngừng hoạt động"


class MediationOutcome(Term):
    """Result of a grassroots mediation (hòa giải ở cơ sở)."""

    SUCCESSFUL = "successful", "hòa giải thành"
    UNSUCCESSFUL = "unsuccessful", "hòa giải không thành"


class DocumentKind(Term):
    """Kind of a Party or State document; the value is its usual abbreviation's code."""

    RESOLUTION = "resolution", "Nghị quyết", "NQ"
    DIRECTIVE = "directive", "Chỉ thị", "CT"
    CONCLUSION = "conclusion", "Kết luận", "KL"
    DECISION = "decision", "Quyết định", "QĐ"
    REGULATION = "regulation", "Quy định", "QĐi"
    GUIDANCE = "guidance", "Hướng dẫn", "HD"
    PLAN = "plan", "Kế hoạch", "KH"
    ACTION_PROGRAMME = "action_programme", "Chương trình hành động", "CTr", "Chương trình"
    ORDINANCE = "ordinance", "Pháp lệnh", "PL"
    DECREE = "decree", "Nghị định", "NĐ"
    LAW = "law", "Luật", "QH"
    CIRCULAR = "circular", "Thông tư", "TT"
    OFFICIAL_LETTER = "official_letter", "Công văn", "CV"
