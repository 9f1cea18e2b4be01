"""The catalogue of reception and dialogue cadence rules, as plain data.

:mod:`danvan.law.cadence` turns each row into a checked
:class:`~danvan.law.cadence.CadenceRule`. Codes are those of ``Activity``,
``UnitLevel``, ``ChairRole``, ``Frequency`` and ``Counting``; ``basis`` is
``(document number, title, article, clause)``.

Only the chairman of the People's Committee counts as host: the Law on Citizen
Reception 2013 names him, and Luật 136/2025/QH15 forbids delegating reception
to deputies from 1 July 2026. Whether a deputy's session counted before that
is not settled here; widen ``hosts`` if your province counts it.

Party rules (Quy định 11-QĐi/TW of 18/2/2019, as amended by Kết luận
215-KL/TW of 23/11/2025) and the rule for heads of agencies (Luật Tiếp công
dân Art. 18(2)) are data too, applied only when passed (``PARTY_RULES``,
``AGENCY_RULES``): a unit code does not tell a Party committee's or an
agency's sessions from the People's Committee's.
"""

from __future__ import annotations

from typing import Any, Final

__all__ = ["AGENCY_RULES", "DIALOGUE_RULES", "NATIONAL_RULES", "PARTY_RULES", "PROVINCIAL_EXAMPLES"]

_TCD = ("42/2013/QH13", "Luật Tiếp công dân")
_THDC = ("10/2022/QH15", "Luật Thực hiện dân chủ ở cơ sở")
_QD11 = ("11-QĐi/TW", "Quy định của Bộ Chính trị về trách nhiệm của người đứng đầu cấp ủy trong "
         "việc tiếp dân, đối thoại trực tiếp với dân")
_KL215 = ("215-KL/TW", "Kết luận của Bộ Chính trị sửa đổi, bổ sung Quy định 11-QĐi/TW")
_KL215_DAY = "2025-11-23"

#: Rules of national law, applied by default.
NATIONAL_RULES: Final[tuple[dict[str, Any], ...]] = (
    {
        "id": "TCD2013.15", "activity": "reception", "level": "commune",
        "hosts": ("peoples_committee_chair",), "at_least": 1, "per": "week", "counting": "days",
        "regular_only": True, "basis": (*_TCD, 15, None), "valid_from": "2014-07-01",
        "title": "Chủ tịch UBND cấp xã tiếp công dân định kỳ ít nhất 01 ngày trong 01 tuần",
    },
    {
        "id": "TCD2013.13", "activity": "reception", "level": "district",
        "hosts": ("peoples_committee_chair",), "at_least": 2, "per": "month", "counting": "days",
        "regular_only": True, "basis": (*_TCD, 13, None), "valid_from": "2014-07-01",
        "valid_to": "2025-07-01",
        "title": "Chủ tịch UBND cấp huyện tiếp công dân định kỳ ít nhất 02 ngày trong 01 tháng",
        "note": "Districts were abolished on 1 July 2025 (Luật 72/2025/QH15 Art. 51(3)).",
    },
    {
        "id": "TCD2013.12", "activity": "reception", "level": "province",
        "hosts": ("peoples_committee_chair",), "at_least": 1, "per": "month", "counting": "days",
        "regular_only": True, "basis": (*_TCD, 12, None), "valid_from": "2014-07-01",
        "title": "Chủ tịch UBND cấp tỉnh tiếp công dân định kỳ ít nhất 01 ngày trong 01 tháng",
    },
)

#: The commune's yearly dialogue with the people (national law, not applied by default: the
#: dialogue indicator reads no dialogues unless rules are passed).
DIALOGUE_RULES: Final[tuple[dict[str, Any], ...]] = (
    {
        "id": "THDC2022.32", "activity": "dialogue", "level": "commune",
        "hosts": ("peoples_committee_chair", "front_chair"), "at_least": 1, "per": "year",
        "counting": "sessions", "regular_only": False, "basis": (*_THDC, 32, 1),
        "valid_from": "2023-07-01",
        "title": "Hằng năm, Ủy ban nhân dân cấp xã phối hợp với Ủy ban Mặt trận Tổ quốc Việt Nam "
                 "cùng cấp tổ chức ít nhất một lần hội nghị trao đổi, đối thoại với Nhân dân",
        "note": "Any dialogue chaired by the commune's People's Committee or Front chairman counts, "
                "periodic or called for a matter.",
    },
)

_QD11_NOTE = ("'Người đứng đầu cấp ủy tiếp dân định kỳ': the Party secretary's own receptions "
              "(ChairRole.PARTY_SECRETARY).")

#: Heads of Party committees (Quy định 11-QĐi/TW Art. 4(1); Kết luận 215-KL/TW drops the
#: district level); add them with ``rules=(*DEFAULT_CADENCE_RULES, *PARTY_CADENCE_RULES)``.
PARTY_RULES: Final[tuple[dict[str, Any], ...]] = (
    {
        "id": "QD11.2019.province", "activity": "reception", "level": "province",
        "hosts": ("party_secretary",), "at_least": 1, "per": "month", "counting": "days",
        "regular_only": True, "basis": (*_QD11, 4, 1), "valid_from": "2019-02-18",
        "valid_to": _KL215_DAY,
        "title": "Người đứng đầu cấp uỷ cấp tỉnh tiếp dân ít nhất 1 ngày trong 1 tháng",
        "note": _QD11_NOTE,
    },
    {
        "id": "QD11.2019.district", "activity": "reception", "level": "district",
        "hosts": ("party_secretary",), "at_least": 1, "per": "month", "counting": "days",
        "regular_only": True, "basis": (*_QD11, 4, 1), "valid_from": "2019-02-18",
        "valid_to": "2025-07-01",
        "title": "Người đứng đầu cấp uỷ cấp huyện tiếp dân ít nhất 1 ngày trong 1 tháng",
        "note": _QD11_NOTE + " Districts were abolished on 1 July 2025; Kết luận 215-KL/TW "
                "(23/11/2025) drops the level.",
    },
    {
        "id": "QD11.2019.commune", "activity": "reception", "level": "commune",
        "hosts": ("party_secretary",), "at_least": 2, "per": "month", "counting": "days",
        "regular_only": True, "basis": (*_QD11, 4, 1), "valid_from": "2019-02-18",
        "valid_to": _KL215_DAY,
        "title": "Người đứng đầu cấp uỷ cấp xã tiếp dân ít nhất 2 ngày trong 1 tháng",
        "note": _QD11_NOTE,
    },
    {
        "id": "KL215.2025.province", "activity": "reception", "level": "province",
        "hosts": ("party_secretary",), "at_least": 1, "per": "month", "counting": "days",
        "regular_only": True, "basis": (*_KL215, None, None), "valid_from": _KL215_DAY,
        "title": "Người đứng đầu cấp ủy cấp tỉnh tiếp dân định kỳ ít nhất 1 ngày trong 1 tháng",
        "note": _QD11_NOTE + " New text of Quy định 11-QĐi/TW Art. 4(1), applying to the heads "
                "of province and commune Party committees only.",
    },
    {
        "id": "KL215.2025.commune", "activity": "reception", "level": "commune",
        "hosts": ("party_secretary",), "at_least": 2, "per": "month", "counting": "days",
        "regular_only": True, "basis": (*_KL215, None, None), "valid_from": _KL215_DAY,
        "title": "Người đứng đầu cấp ủy cấp xã tiếp dân định kỳ ít nhất 2 ngày trong 1 tháng",
        "note": _QD11_NOTE + " New text of Quy định 11-QĐi/TW Art. 4(1).",
    },
)

#: Heads of agencies (Luật Tiếp công dân Art. 18(2)): pass the agencies as units of their level.
AGENCY_RULES: Final[tuple[dict[str, Any], ...]] = tuple(
    {
        "id": f"TCD2013.18.{level}", "activity": "reception", "level": level,
        "hosts": ("head_of_agency",), "at_least": 1, "per": "month", "counting": "days",
        "regular_only": True, "basis": (*_TCD, 18, 2), "valid_from": "2014-07-01",
        "title": "Người đứng đầu cơ quan trực tiếp thực hiện việc tiếp công dân ít nhất 01 ngày "
                 "trong 01 tháng tại địa điểm tiếp công dân của cơ quan mình",
        "note": "Check agencies (sở, phòng, đơn vị sự nghiệp: NĐ 154/2026/NĐ-CP Art. 10(2) says "
                "the same of public service units) as units of this level, not the area they "
                "serve.",
    }
    for level in ("province", "commune")
)

#: Rules a province adopted for itself; add them with ``rules=(*DEFAULT_CADENCE_RULES, ...)``.
PROVINCIAL_EXAMPLES: Final[tuple[dict[str, Any], ...]] = (
    {
        "id": "2242-QD-TU.commune-dialogue", "activity": "dialogue", "level": "commune",
        "hosts": ("party_secretary", "peoples_committee_chair"), "at_least": 1, "per": "year",
        "counting": "sessions", "regular_only": False,
        "basis": ("2242-QĐ/TU", "Quyết định của Tỉnh ủy", None, None),
        "title": "Người đứng đầu cấp ủy, chính quyền cấp xã đối thoại trực tiếp với Nhân dân "
                 "ít nhất 01 lần mỗi năm",
        "confirmed": False,
        "note": "Cited by a provincial report (seed 002); the decision's date and text were not "
                "checked.",
    },
)
