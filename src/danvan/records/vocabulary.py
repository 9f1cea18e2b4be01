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
    def readable_codes(cls) -> dict[str, Self]:
        """Every code read as a member: the members' codes, then the codes they had before."""
        former = cast(dict[str, Self], _FORMER_CODES.get(cls, {}))
        return {**{member.code: member for member in cls}, **former}

    @classmethod
    def from_code(cls, code: Any) -> Self:
        """The member with this stable code (or a code it had before); else a :class:`VocabularyError`."""
        if isinstance(code, str):
            member = cls._value2member_map_.get(code) or _FORMER_CODES.get(cls, {}).get(code)
            if member is not None:
                return cast(Self, member)
        raise VocabularyError(cls.__name__, code, [m.code for m in cls])

    def __str__(self) -> str:
        return self.label


#: Codes members had before, still read by :meth:`Term.from_code` (old data).
_FORMER_CODES: dict[type[Term], dict[str, Term]] = {}


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
    POLITICAL_SYSTEM = "political_system", "xây dựng hệ thống chính trị"
    #: Reports list nông thôn mới on its own or with the economy, not as political-system work.
    NEW_RURAL_AREAS = (
        "new_rural_areas", "xây dựng nông thôn mới", "nông thôn mới", "xây dựng NTM", "NTM",
    )
    #: The combined heading some reports use ("lĩnh vực xây dựng hệ thống chính trị, xây dựng
    #: nông thôn mới có 14 mô hình"): a count over both fields, kept as the report gives it.
    POLITICAL_SYSTEM_AND_NEW_RURAL_AREAS = (
        "political_system_and_new_rural_areas",
        "xây dựng hệ thống chính trị, xây dựng nông thôn mới",
        "xây dựng hệ thống chính trị và xây dựng nông thôn mới",
    )


class PetitionKind(Term):
    """Kind of citizen petition (loại đơn thư)."""

    COMPLAINT = "complaint", "khiếu nại", "đơn khiếu nại"
    DENUNCIATION = "denunciation", "tố cáo", "đơn tố cáo"
    #: "Kiến nghị, phản ánh là việc công dân cung cấp thông tin, trình bày ý kiến, nguyện vọng,
    #: đề xuất giải pháp ..." (Luật Tiếp công dân Art. 2(2)): feedback or a report. Code
    #: ``recommendation`` (before 0.2) is still read.
    FEEDBACK = (
        "feedback", "kiến nghị, phản ánh", "kiến nghị", "phản ánh", "kiến nghị - phản ánh",
    )
    #: Former name of :attr:`FEEDBACK` (an alias: the same member).
    RECOMMENDATION = FEEDBACK
    OTHER = "other", "khác", "loại khác", "đơn khác"


class Channel(Term):
    """How a petition reached the receiving unit."""

    CITIZEN_RECEPTION = "citizen_reception", "tiếp công dân", "trực tiếp"
    MAIL = "mail", "qua bưu chính", "bưu điện", "gửi đơn"
    ONLINE = "online", "trực tuyến", "qua mạng", "gửi đơn trực tuyến"
    #: Tiếp công dân trực tuyến (Nghị định 154/2026/NĐ-CP, from 1/7/2026): a reception session
    #: held online, not a petition sent online (:attr:`ONLINE`).
    ONLINE_RECEPTION = "online_reception", "tiếp công dân trực tuyến"
    DIALOGUE = "dialogue", "tại hội nghị đối thoại", "đối thoại"
    #: Forwarded by a competent body, organisation or person: a denunciation's result is
    #: notified to it within 20 days of receipt (Luật Tố cáo Art. 26(2)).
    FORWARDED = (
        "forwarded", "do cơ quan, tổ chức, cá nhân có thẩm quyền chuyển đến", "chuyển đến",
        "cơ quan khác chuyển đến",
    )
    #: Forwarded by a National Assembly deputy or delegation: the result is notified to them
    #: within 07 working days of the resolution (Luật Tiếp công dân Art. 27(2)).
    NATIONAL_ASSEMBLY_DEPUTIES = (
        "national_assembly_deputies", "do Đoàn đại biểu Quốc hội, đại biểu Quốc hội chuyển đến",
        "Đoàn ĐBQH chuyển đến", "đại biểu Quốc hội chuyển đến",
    )
    #: Forwarded by a press agency (Luật Tố cáo Art. 26).
    PRESS = "press", "do cơ quan báo chí chuyển đến", "báo chí chuyển đến", "báo chí"
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
    #: Đình chỉ giải quyết: the case is ended without a decision on the merits (Luật Khiếu nại
    #: Art. 11a from 1/7/2026; Luật Tố cáo Art. 34).
    TERMINATED = "terminated", "đình chỉ", "đình chỉ giải quyết"
    #: Hướng dẫn: the citizen is guided to the competent body instead of the petition being
    #: forwarded (Luật Tố cáo Art. 24(2); Luật Tiếp công dân Art. 28).
    GUIDED = "guided", "hướng dẫn", "hướng dẫn đến cơ quan có thẩm quyền"
    #: Lưu đơn: filed without action (an anonymous petition, a duplicate of one being handled).
    FILED = "filed", "lưu đơn", "lưu đơn, không xử lý"


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
    #: Party regulations are numbered ``QĐi`` (11-QĐi/TW) and also ``QĐ`` (37-QĐ/TW).
    REGULATION = "regulation", "Quy định", "QĐi"
    GUIDANCE = "guidance", "Hướng dẫn", "HD"
    PLAN = "plan", "Kế hoạch", "KH"
    ACTION_PROGRAMME = "action_programme", "Chương trình hành động", "CTr", "Chương trình"
    ORDINANCE = "ordinance", "Pháp lệnh", "PL"
    DECREE = "decree", "Nghị định", "NĐ"
    #: "QH" in a number names the National Assembly (the issuer), not this kind.
    LAW = "law", "Luật", "Bộ luật"
    CIRCULAR = "circular", "Thông tư", "TT"
    OFFICIAL_LETTER = "official_letter", "Công văn", "CV"


_FORMER_CODES[PetitionKind] = {"recommendation": PetitionKind.FEEDBACK}
