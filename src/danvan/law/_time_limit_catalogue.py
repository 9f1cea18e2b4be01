"""danvan's catalogue of legal time limits, as data, with the legal basis of every row.

The catalogue is plain data (rows of codes) turned into checked
:class:`~danvan.law._time_limit_rules.TimeLimitRule` objects at import;
:mod:`danvan.law.deadlines` re-exports the public names. Codes are those of the
enumerations (``Stage``, ``DayKind``, ``Circumstance``, ``PetitionKind``,
``EventKind``). A limit row is ``(days, when)`` or ``(days, when, extensions,
extension_days)``; ``when`` lists the circumstances a variant needs (the most
specific variant that holds applies).

Rows marked ``confirmed: False`` rest on a reading that was not checked against
a primary text (see ``docs/time-limits.md``); users override them with
:meth:`~danvan.law._time_limit_rules.RuleBook.replace`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Final

from danvan import _validators as v
from danvan.law._time_limit_rules import (
    AcceptanceReading,
    Circumstance,
    DayKind,
    LegalBasis,
    Limit,
    RuleBook,
    RuleSet,
    Stage,
    TimeLimitRule,
)
from danvan.records.document_numbers import DocumentNumber
from danvan.records.vocabulary import EventKind, PetitionKind

__all__ = ["DEFAULT_RULES", "RULE_SETS", "rule_book"]


_KN = ("02/2011/QH13", "Luật Khiếu nại")
_TC = ("25/2018/QH14", "Luật Tố cáo")
_TCD = ("42/2013/QH13", "Luật Tiếp công dân")
_TT07 = ("07/2013/TT-TTCP", "Thông tư quy định quy trình giải quyết khiếu nại hành chính")
_ND155 = ("155/2026/NĐ-CP", "Nghị định sửa đổi Nghị định 124/2020/NĐ-CP")

_ALL_DUTIES = ("accepted", "declined", "transferred", "resolved")

_COMPLAINT_SUSPENSION = (
    "Suspension (tạm đình chỉ) of a complaint exists only from 1 July 2026 (Luật Khiếu nại "
    "Art. 11a, added by Luật 136/2025/QH15; NĐ 124/2020/NĐ-CP Art. 28b(2) as added by "
    "NĐ 155/2026/NĐ-CP: 'Thời hạn giải quyết khiếu nại tiếp tục được tính từ ngày ban hành quyết "
    "định tiếp tục giải quyết khiếu nại'); NĐ 155/2026 Art. 15(1) applies it to complaints "
    "accepted before. An earlier suspension does not stop the clock."
)
_LAW_ACCEPTANCE = (
    "The Law's 'Trong thời hạn 10 ngày, kể từ ngày nhận được' read as calendar days (BLDS 2015 "
    "Art. 145-148): AcceptanceReading.LAW. Discipline complaints: Art. 50, the same 10 days, "
    "first and second instance."
)


def _law_acceptance(valid_to: str | None) -> tuple[dict[str, Any], ...]:
    """Acceptance as the Law words it (Art. 27 first instance, Art. 36 second; Art. 50 alike)."""
    span = {"valid_from": "2012-07-01", **({"valid_to": valid_to} if valid_to else {})}
    return (
        {
            "id": "KN2011.27", "stage": "acceptance", "kinds": ("complaint",),
            "day_kind": "calendar", "limits": ((10, ()),), "completed_by": ("accepted", "declined"),
            "excludes": ("second_instance", "out_of_jurisdiction"),
            "basis": (*_KN, 27, None), **span, "note": _LAW_ACCEPTANCE,
        },
        {
            "id": "KN2011.36", "stage": "acceptance", "kinds": ("complaint",),
            "day_kind": "calendar", "limits": ((10, ()),), "completed_by": ("accepted", "declined"),
            "requires": ("second_instance",), "excludes": ("out_of_jurisdiction",),
            "basis": (*_KN, 36, 1), **span, "note": _LAW_ACCEPTANCE,
        },
    )


#: Thông tư 07/2013/TT-TTCP Art. 5(1), as amended by Thông tư 02/2016/TT-TTCP (in force
#: 5/12/2016): "Trong thời hạn 10 ngày làm việc, kể từ ngày nhận được khiếu nại quyết định hành
#: chính, hành vi hành chính, quyết định kỷ luật cán bộ, công chức ... lần đầu hoặc lần hai".
_CIRCULAR_ACCEPTANCE: Final[dict[str, Any]] = {
    "id": "TT07.2013.5", "stage": "acceptance", "kinds": ("complaint",), "day_kind": "working",
    "limits": ((10, ()),), "completed_by": ("accepted", "declined"),
    "excludes": ("out_of_jurisdiction",), "basis": (*_TT07, 5, 1), "valid_from": "2013-12-16",
    "note": "First and second instance, discipline complaints included. The Law says '10 ngày' "
            "(Art. 27, 36, 50): pass AcceptanceReading.LAW to count calendar days. The wording "
            "read is the one amended by TT 02/2016/TT-TTCP; danvan applies it from the circular's "
            "entry into force (16/12/2013).",
}

#: NĐ 155/2026/NĐ-CP Art. 10, rewriting NĐ 124/2020/NĐ-CP Art. 16(1), in force 1/7/2026.
_DECREE_2026_ACCEPTANCE: Final[dict[str, Any]] = {
    "id": "ND155.2026.10", "stage": "acceptance", "kinds": ("complaint",), "day_kind": "working",
    "limits": ((7, ()),), "completed_by": ("accepted", "declined"),
    "excludes": ("out_of_jurisdiction",), "basis": (*_ND155, 10, None), "valid_from": "2026-07-01",
    "note": "'Trong thời hạn 07 ngày làm việc, kể từ ngày nhận được khiếu nại quyết định hành "
            "chính, hành vi hành chính, quyết định kỷ luật cán bộ, công chức ... người có thẩm "
            "quyền giải quyết khiếu nại lần đầu hoặc lần hai phải thụ lý giải quyết' (new text of "
            "NĐ 124/2020/NĐ-CP Art. 16(1)): first and second instance, discipline complaints too.",
}

#: The rules in force from 1 July 2012 (Luật Khiếu nại 2011), growing with the
#: Law on Citizen Reception (1 July 2014) and the Law on Denunciation 2018
#: (1 January 2019); complaint acceptance is added by :func:`rule_book`.
_RULES_2012: Final[tuple[dict[str, Any], ...]] = (
    {
        "id": "KN2011.9", "stage": "filing", "kinds": ("complaint",), "day_kind": "calendar",
        "limits": ((90, ()),), "completed_by": ("received",),
        "excludes": ("second_instance", "discipline"),
        "basis": (*_KN, 9, None), "valid_from": "2012-07-01",
        "note": "Time lost to objective obstacles (illness, natural disaster, ...) is not "
                "counted (Art. 9); danvan does not model it: pass a later known_on.",
    },
    {
        "id": "KN2011.48", "stage": "filing", "kinds": ("complaint",), "day_kind": "calendar",
        "limits": ((15, ()),), "completed_by": ("received",), "requires": ("discipline",),
        "excludes": ("second_instance",),
        "basis": (*_KN, 48, None), "valid_from": "2012-07-01",
        "note": "'Thời hiệu khiếu nại lần đầu là 15 ngày, kể từ ngày cán bộ, công chức nhận được "
                "quyết định kỷ luật'.",
    },
    {
        "id": "KN2011.48.2", "stage": "appeal", "kinds": ("complaint",), "day_kind": "calendar",
        "limits": ((10, ()), (30, ("dismissal",))), "completed_by": (),
        "requires": ("discipline",), "excludes": ("second_instance", "out_of_jurisdiction"),
        "basis": (*_KN, 48, None), "valid_from": "2012-07-01",
        "note": "'Thời hiệu khiếu nại lần hai là 10 ngày ...; đối với quyết định kỷ luật buộc thôi "
                "việc thì thời hiệu khiếu nại lần hai là 30 ngày, kể từ ngày cán bộ, công chức nhận "
                "được quyết định giải quyết khiếu nại lần đầu'. Counted from the first-instance "
                "decision (the RESOLVED event), not from its receipt.",
    },
    {
        "id": "KN2011.28", "stage": "resolution", "kinds": ("complaint",), "day_kind": "calendar",
        "limits": ((30, ()), (45, ("complex",)), (45, ("remote_area",)),
                   (60, ("complex", "remote_area"))),
        "completed_by": ("resolved",), "excludes": ("second_instance", "out_of_jurisdiction"),
        "basis": (*_KN, 28, None), "valid_from": "2012-07-01", "suspends_from": "2026-07-01",
        "note": _COMPLAINT_SUSPENSION,
    },
    {
        "id": "KN2011.37", "stage": "resolution", "kinds": ("complaint",), "day_kind": "calendar",
        "limits": ((45, ()), (60, ("complex",)), (60, ("remote_area",)),
                   (70, ("complex", "remote_area"))),
        "completed_by": ("resolved",), "requires": ("second_instance",),
        "excludes": ("out_of_jurisdiction", "discipline"),
        "basis": (*_KN, 37, None), "valid_from": "2012-07-01", "suspends_from": "2026-07-01",
        "note": _COMPLAINT_SUSPENSION,
    },
    {
        "id": "KN2011.50", "stage": "resolution", "kinds": ("complaint",), "day_kind": "calendar",
        "limits": ((30, ()), (45, ("complex",))),
        "completed_by": ("resolved",), "requires": ("discipline",),
        "excludes": ("out_of_jurisdiction",),
        "basis": (*_KN, 50, None), "valid_from": "2012-07-01", "suspends_from": "2026-07-01",
        "note": "'Thời hạn thụ lý và giải quyết khiếu nại lần đầu, lần hai như sau': 30 days from "
                "acceptance, 45 if complex, at first and second instance alike. "
                + _COMPLAINT_SUSPENSION,
    },
    {
        "id": "KN2011.33", "stage": "appeal", "kinds": ("complaint",), "day_kind": "calendar",
        "limits": ((30, ()), (45, ("remote_area",))), "completed_by": (),
        "excludes": ("second_instance", "discipline", "out_of_jurisdiction"),
        "basis": (*_KN, 33, None), "valid_from": "2012-07-01",
        "note": "Counted from the first-instance decision (the RESOLVED event); the Law counts "
                "from its receipt by the complainant, or from the end of the resolution period "
                "when no decision was made.",
    },
    {
        "id": "TCD2013.28", "stage": "response",
        "kinds": ("complaint", "denunciation", "feedback"), "day_kind": "working",
        "limits": ((10, ()),), "completed_by": (*_ALL_DUTIES, "guided"),
        "requires": ("at_reception",),
        "basis": (*_TCD, 28, 1), "valid_from": "2014-07-01",
        "note": "Petitions received at citizen reception: answer, or notify acceptance, "
                "refusal or forwarding. Completed by the first recorded decision.",
    },
    {
        "id": "TC2018.24.1", "stage": "acceptance", "kinds": ("denunciation",),
        "day_kind": "working", "limits": ((7, ()), (10, ("multi_site",))),
        "completed_by": ("accepted", "declined"), "excludes": ("out_of_jurisdiction",),
        "basis": (*_TC, 24, 1), "valid_from": "2019-01-01",
        "note": "Initial processing (vào sổ, phân loại, xử lý ban đầu) ending in the decision to "
                "accept or not; 10 working days when verification at several places is needed.",
    },
    {
        "id": "TC2018.24.2", "stage": "forwarding", "kinds": ("denunciation",),
        "day_kind": "working", "limits": ((5, ()),), "completed_by": ("transferred", "guided"),
        "requires": ("out_of_jurisdiction",),
        "basis": (*_TC, 24, 2), "valid_from": "2019-01-01",
        "note": "A denouncer who came in person is guided (hướng dẫn) to the competent body "
                "instead: the GUIDED event completes the stage too.",
    },
    {
        "id": "TC2018.29.3", "stage": "notification", "kinds": ("denunciation",),
        "day_kind": "working", "limits": ((5, ()),), "completed_by": (),
        "excludes": ("out_of_jurisdiction",),
        "basis": (*_TC, 29, 3), "valid_from": "2019-01-01",
        "note": "Notify the denouncer of the acceptance; petitions record no event for it, so "
                "danvan gives the due date only.",
    },
    {
        "id": "TC2018.30", "stage": "resolution", "kinds": ("denunciation",),
        "day_kind": "calendar",
        "limits": ((30, ()), (30, ("complex",), 1, 30),
                   (30, ("complex", "especially_complex"), 2, 30)),
        "completed_by": ("resolved",), "excludes": ("out_of_jurisdiction",),
        "basis": (*_TC, 30, None), "valid_from": "2019-01-01", "suspends_from": "2019-01-01",
        "note": "Complex: one extension of at most 30 days; especially complex (2 or more of "
                "the criteria of NĐ 31/2019/NĐ-CP Art. 3): two, at most 30 days each. "
                "Suspension stops the clock (Luật Tố cáo Art. 34).",
    },
    {
        "id": "TC2018.26.2", "stage": "report_back", "kinds": ("denunciation",),
        "day_kind": "calendar", "limits": ((20, ()),), "completed_by": (),
        "requires": ("forwarded_by_body",),
        "basis": (*_TC, 26, 2), "valid_from": "2019-01-01",
        "note": "A denunciation forwarded by the press or a competent body: 'Kết quả xử lý tố cáo "
                "... được thông báo bằng văn bản cho cơ quan báo chí, cơ quan, tổ chức, cá nhân có "
                "thẩm quyền đã chuyển tố cáo trong thời hạn 20 ngày kể từ ngày nhận được tố cáo'; "
                "petitions record no event for it, so danvan gives the due date only.",
    },
    {
        "id": "TC2018.37", "stage": "acceptance", "kinds": ("denunciation",),
        "day_kind": "calendar", "limits": ((20, ()),),
        "completed_by": ("accepted", "declined", "transferred"),
        "requires": ("follow_up",), "excludes": ("unresolved_in_time",),
        "basis": (*_TC, 37, 2), "valid_from": "2019-01-01",
        "note": "Tố cáo tiếp after a resolution held wrong: 'Trong thời hạn 20 ngày kể từ ngày nhận "
                "được tố cáo tiếp' the head of the body above reviews the file and decides: not to "
                "resolve again (declined), to resolve or forward it (accepted, transferred).",
    },
    {
        "id": "TC2018.38", "stage": "acceptance", "kinds": ("denunciation",),
        "day_kind": "working", "limits": ((5, ()),), "completed_by": (),
        "requires": ("follow_up", "unresolved_in_time"),
        "basis": (*_TC, 38, 2), "valid_from": "2019-01-01",
        "note": "Tố cáo tiếp of a denunciation not resolved within Art. 30: 'Trong thời hạn 05 ngày "
                "làm việc kể từ ngày nhận được tố cáo tiếp' the body above asks in writing for a "
                "report; petitions record no event for it, so danvan gives the due date only.",
    },
)

_AMENDED_NOTE = (
    "Luật 136/2025/QH15 amends the reception, complaint and denunciation laws from "
    "1 July 2026; its effect on this time limit is unconfirmed (NĐ 155/2026/NĐ-CP and "
    "NĐ 156/2026/NĐ-CP change no other number found). The number is carried over from the "
    "2012 set."
)


def _carried_over(row: dict[str, Any]) -> dict[str, Any]:
    note = f"{row['note']} {_AMENDED_NOTE}" if row.get("note") else _AMENDED_NOTE
    return {**row, "valid_from": "2026-07-01", "confirmed": False, "note": note}


_SetRow = tuple[str, str, str | None, str, tuple[dict[str, Any], ...]]


def _rule_sets(reading: AcceptanceReading) -> tuple[_SetRow, ...]:
    acceptance = (_law_acceptance(None) if reading is AcceptanceReading.LAW
                  else (*_law_acceptance("2013-12-16"), _CIRCULAR_ACCEPTANCE))
    return (
        ("vn-2012", "2012-07-01", "2026-07-01",
         "Luật Khiếu nại 2011, Luật Tiếp công dân 2013, Luật Tố cáo 2018; complaint acceptance "
         f"read as {reading.label}.", (*_RULES_2012[:3], *acceptance, *_RULES_2012[3:])),
        ("vn-2026", "2026-07-01", None,
         "After Luật 136/2025/QH15: complaint acceptance 07 working days (NĐ 155/2026/NĐ-CP "
         "Art. 10); other numbers carried over, unconfirmed.",
         (*(_carried_over(row) for row in _RULES_2012[:3]), _DECREE_2026_ACCEPTANCE,
          *(_carried_over(row) for row in _RULES_2012[3:]))),
    )


#: Versioned rule sets of the default reading: ``(name, valid_from, valid_to, notes, rules)``.
RULE_SETS: Final[tuple[_SetRow, ...]] = _rule_sets(AcceptanceReading.CIRCULAR)


def _date(row: dict[str, Any], key: str) -> dt.date | None:
    return dt.date.fromisoformat(row[key]) if row.get(key) else None


def _rule_from_row(row: dict[str, Any]) -> TimeLimitRule:
    number, title, article, clause = row["basis"]
    return TimeLimitRule(
        id=row["id"], stage=Stage.from_code(row["stage"]),
        kinds=[PetitionKind.from_code(k) for k in row["kinds"]],
        day_kind=DayKind.from_code(row["day_kind"]),
        limits=[Limit(lim[0], [Circumstance.from_code(c) for c in lim[1]], *lim[2:])
                for lim in row["limits"]],
        completed_by=[EventKind.from_code(e) for e in row["completed_by"]],
        basis=LegalBasis(DocumentNumber.parse(number), title, article, clause),
        requires=[Circumstance.from_code(c) for c in row.get("requires", ())],
        excludes=[Circumstance.from_code(c) for c in row.get("excludes", ())],
        valid_from=_date(row, "valid_from"), valid_to=_date(row, "valid_to"),
        confirmed=row.get("confirmed", True), note=row.get("note", ""),
        suspends_from=_date(row, "suspends_from"),
    )


def rule_book(acceptance: AcceptanceReading = AcceptanceReading.CIRCULAR) -> RuleBook:
    """The catalogue of ``docs/time-limits.md``, complaint acceptance before 1/7/2026 read as ``acceptance``.

    Set ``vn-2012`` counts periods starting 1 July 2012 to 30 June 2026, set
    ``vn-2026`` those from 1 July 2026.

    >>> rule_book(AcceptanceReading.LAW).rule("KN2011.27").day_kind.code
    'calendar'
    """
    acceptance = v.check_member(acceptance, AcceptanceReading, "acceptance")
    return RuleBook([
        RuleSet(name, dt.date.fromisoformat(start), dt.date.fromisoformat(end) if end else None,
                tuple(_rule_from_row(row) for row in rows), notes)
        for name, start, end, notes, rows in _rule_sets(acceptance)
    ])


#: :func:`rule_book` with the default reading (Thông tư 07/2013/TT-TTCP: working days).
DEFAULT_RULES: Final = rule_book()
