"""The catalogue of reception and dialogue cadence rules, as plain data.

:mod:`danvan.law.cadence` turns each row into a checked
:class:`~danvan.law.cadence.CadenceRule`. Codes are those of ``Activity``,
``UnitLevel``, ``ChairRole``, ``Frequency`` and ``Counting``; ``basis`` is
``(document number, title, article, clause)``.

Only the chairman of the People's Committee counts as host: the Law on Citizen
Reception 2013 names him, and Luật 136/2025/QH15 forbids delegating reception
to deputies from 1 July 2026. Whether a deputy's session counted before that
is not settled here; widen ``hosts`` if your province counts it.

Quy định 11-QĐi/TW (18/02/2019) on the heads of Party committees receiving
citizens and holding direct dialogue is *not* encoded: its frequencies were not
confirmed against the text (see ``docs/cadence.md``).
"""

from __future__ import annotations

from typing import Any, Final

__all__ = ["NATIONAL_RULES", "PROVINCIAL_EXAMPLES"]

_TCD = ("42/2013/QH13", "Luật Tiếp công dân")

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
