"""The catalogue: every indicator danvan knows, by stable id, and how to add more.

Ids never change once published; names and definitions may be reworded.
Other modules (time limits, for instance) add theirs with :func:`register`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from danvan.errors import FieldError
from danvan.indicators import _timeliness, _units
from danvan.indicators.engine import Indicator, RecordRule, each
from danvan.law.cadence import Activity
from danvan.law.deadlines import Stage
from danvan.records.vocabulary import EventKind, MediationOutcome, UnitLevel
from danvan.values.periods import SPLITS, Period

__all__ = ["CATALOGUE", "catalogue", "get", "register"]

#: Every registered indicator by id, in the order reports list them.
CATALOGUE: dict[str, Indicator] = {}


def register(indicator: Indicator, *, replace: bool = False) -> Indicator:
    """Add ``indicator`` to the catalogue; an id already taken needs ``replace=True``."""
    if not isinstance(indicator, Indicator):
        raise FieldError("indicator", indicator, "expected an Indicator")
    if indicator.id in CATALOGUE and not replace:
        raise FieldError("indicator.id", indicator.id, "expected an id not registered yet")
    CATALOGUE[indicator.id] = indicator
    return indicator


def get(indicator_id: str) -> Indicator:
    """The indicator registered under ``indicator_id``."""
    try:
        return CATALOGUE[indicator_id]
    except (KeyError, TypeError):
        raise FieldError("indicator", indicator_id,
                         "expected a catalogued id such as 'petitions.resolution_rate'") from None


def catalogue() -> tuple[Indicator, ...]:
    """Every registered indicator, in report order."""
    return tuple(CATALOGUE.values())


# -- helpers for record rules -----------------------------------------------------------


def _attr(name: str) -> Any:
    def read(record: Any, _: Period) -> int:
        return int(getattr(record, name))

    return read


def _resolved(p: Any, period: Period) -> int:
    # the last event is the closing one (Petition.closed_on), read directly for speed
    last = p.events[-1] if p.in_jurisdiction and p.events else None
    return int(last is not None and last.kind is _RESOLVED and last.on < period.end)


_RESOLVED = EventKind.RESOLVED


def _mediated(c: Any, period: Period) -> int:
    return int(c.in_jurisdiction and c.mediated_on is not None and c.mediated_on < period.end)


def _first_recognition(m: Any) -> dt.date | None:
    return min((r.on for r in m.recognitions), default=None)


def _define(id: str, name_vi: str, name_en: str, definition: str, reads: tuple[str, ...],
            collection: str, when: Any, total: Any, part: Any = None, *,
            details: tuple[tuple[str, ...], ...] = (), extra: tuple[str, ...] = ()) -> None:
    register(Indicator(
        id, name_vi, name_en, definition, reads, "rate" if part else "count", True,
        RecordRule(collection, when, total, part),
        dimensions=("unit", "level", "kind", *extra, *SPLITS), details=details))


def _received(p: Any) -> dt.date:
    return p.received_on  # type: ignore[no-any-return]


def _held(d: Any) -> dt.date:
    return d.held_on  # type: ignore[no-any-return]


def _on(r: Any) -> dt.date:
    return r.on  # type: ignore[no-any-return]


def _registered(m: Any) -> dt.date:
    return m.registered_on  # type: ignore[no-any-return]


# -- petitions --------------------------------------------------------------------------

_define("petitions.received", "Số đơn thư tiếp nhận", "Petitions received",
        "Petitions received in the period.", ("petitions.received_on", "petitions.unit",
                                              "petitions.kind"),
        "petitions", _received, each, details=(("kind",), ("level",)))
_define("petitions.in_jurisdiction", "Số đơn thuộc thẩm quyền", "Petitions within jurisdiction",
        "Petitions received in the period that the receiving unit has jurisdiction to resolve.",
        ("petitions.received_on", "petitions.in_jurisdiction"),
        "petitions", _received, _attr("in_jurisdiction"))
_define("petitions.resolved", "Số đơn thuộc thẩm quyền đã giải quyết",
        "Petitions within jurisdiction resolved",
        "Petitions within jurisdiction received in the period and resolved before its end.",
        ("petitions.received_on", "petitions.in_jurisdiction", "petitions.events"),
        "petitions", _received, _resolved)
_define("petitions.resolution_rate", "Tỷ lệ giải quyết đơn thuộc thẩm quyền",
        "Resolution rate within jurisdiction",
        "Resolved petitions within jurisdiction over petitions within jurisdiction, "
        "both received in the period.",
        ("petitions.received_on", "petitions.in_jurisdiction", "petitions.events"),
        "petitions", _received, _attr("in_jurisdiction"), _resolved)
_define("petitions.crowd_delegations", "Số đoàn đông người (đơn thư)",
        "Crowd delegations (petitions)",
        "Petitions received in the period from a crowd delegation.",
        ("petitions.received_on", "petitions.crowd_size"),
        "petitions", _received, lambda p, _: int(p.crowd_size is not None))
_define("petitions.crowd_people", "Số người trong đoàn đông người (đơn thư)",
        "People in crowd delegations (petitions)",
        "People in the crowd delegations that brought petitions received in the period.",
        ("petitions.received_on", "petitions.crowd_size"),
        "petitions", _received, lambda p, _: p.crowd_size or 0)

# -- legal time limits of petitions (docs/time-limits.md) ---------------------------------

_ON_TIME_READS = ("petitions.received_on", "petitions.kind", "petitions.events",
                  "petitions.complexity", "petitions.remote_area", "petitions.second_instance",
                  "petitions.channel", "petitions.in_jurisdiction")
_OPEN = ("unit", "level", "kind")
_LIMITS = ("time_limits", "calendar", "strict")
register(Indicator(
    "petitions.acceptance_on_time_rate", "Tỷ lệ thụ lý đúng hạn", "Acceptance on-time rate",
    "Acceptance (thụ lý; xử lý ban đầu) time limits falling due in the period that were met, "
    "over those met or missed, from the events known on its last day; petitions with no time "
    "limit in force are listed in the notes, not counted.",
    _ON_TIME_READS, "rate", True, calculator=_timeliness.on_time(Stage.ACCEPTANCE),
    details=(("kind",),), params=_LIMITS))
register(Indicator(
    "petitions.resolution_on_time_rate", "Tỷ lệ giải quyết đúng hạn", "Resolution on-time rate",
    "Resolution (giải quyết) time limits, counted from acceptance with extensions and "
    "suspensions, falling due in the period that were met, over those met or missed.",
    _ON_TIME_READS, "rate", True, calculator=_timeliness.on_time(Stage.RESOLUTION),
    details=(("kind",),), params=_LIMITS))
register(Indicator(
    "petitions.overdue_backlog", "Số đơn quá hạn chưa giải quyết", "Overdue backlog",
    "Petitions open on the period's last day with the acceptance or resolution time limit "
    "past its due date.", _ON_TIME_READS, "count", True,
    calculator=_timeliness.stock("overdue"), dimensions=_OPEN, params=_LIMITS))
register(Indicator(
    "petitions.ageing", "Số đơn tồn theo thời gian", "Ageing of pending petitions",
    "Petitions open on the period's last day, by days since receipt: 1–10, 11–30, 31–45, "
    "46–60, 61–90, over 90.", ("petitions.received_on", "petitions.events"), "count", True,
    calculator=_timeliness.stock("ageing"), dimensions=(*_OPEN, "bucket"),
    details=(("bucket",),)))
register(Indicator(
    "petitions.oldest_pending", "Mười đơn tồn lâu nhất", "Ten oldest pending petitions",
    "The ten petitions open on the period's last day that were received first, with their "
    "age in days.", ("petitions.received_on", "petitions.events"), "ranking", False,
    calculator=_timeliness.stock("oldest"), dimensions=_OPEN))
register(Indicator(
    "petitions.processing_days", "Thời gian giải quyết (ngày)", "Processing time (days)",
    "Days from acceptance to resolution (parameter stage: from receipt to acceptance) for "
    "stages completed in the period: median, 90th percentile, mean, max.",
    ("petitions.received_on", "petitions.events"), "durations", False,
    calculator=_timeliness.processing(working=False), params=(*_LIMITS, "stage")))
register(Indicator(
    "petitions.processing_working_days", "Thời gian giải quyết (ngày làm việc)",
    "Processing time (working days)",
    "Working days from acceptance to resolution (parameter stage) for stages completed in the "
    "period: median, 90th percentile, mean, max.",
    ("petitions.received_on", "petitions.events"), "durations", False,
    calculator=_timeliness.processing(working=True), params=(*_LIMITS, "stage")))

# -- citizen reception ------------------------------------------------------------------

_define("receptions.sessions", "Số buổi tiếp công dân", "Citizen reception sessions",
        "Reception sessions held in the period.", ("receptions.on",),
        "receptions", _on, each)
_define("receptions.turns", "Số lượt tiếp công dân", "Citizen reception turns",
        "Turns (lượt) received at sessions held in the period.", ("receptions.on", "receptions.turns"),
        "receptions", _on, _attr("turns"))
_define("receptions.people", "Số người được tiếp", "People received",
        "People received at sessions held in the period.", ("receptions.on", "receptions.people"),
        "receptions", _on, _attr("people"))
_define("receptions.crowd_delegations", "Số đoàn đông người", "Crowd delegations received",
        "Crowd delegations received at sessions held in the period.",
        ("receptions.on", "receptions.crowd_delegations"),
        "receptions", _on, _attr("crowd_delegations"))
_define("receptions.crowd_people", "Số người trong đoàn đông người", "People in crowd delegations",
        "People in the crowd delegations received at sessions held in the period.",
        ("receptions.on", "receptions.crowd_people"),
        "receptions", _on, _attr("crowd_people"))

# -- dialogues ----------------------------------------------------------------------------

_define("dialogues.held", "Số hội nghị đối thoại trực tiếp", "Direct dialogues held",
        "Dialogues held in the period; kind is periodic (định kỳ) or ad hoc (đột xuất).",
        ("dialogues.held_on", "dialogues.mode"),
        "dialogues", _held, each, details=(("level", "kind"),))
_define("dialogues.participants", "Số lượt người dân tham gia đối thoại", "Dialogue participants",
        "People taking part in dialogues held in the period.",
        ("dialogues.held_on", "dialogues.participants"),
        "dialogues", _held, _attr("participants"))
_define("dialogues.opinions_raised", "Số lượt ý kiến tại đối thoại", "Opinions raised",
        "Opinions raised at dialogues held in the period.",
        ("dialogues.held_on", "dialogues.opinions_raised"),
        "dialogues", _held, _attr("opinions_raised"))
_define("dialogues.opinions_answered", "Số lượt ý kiến đã trả lời", "Opinions answered",
        "Opinions answered at the meeting or later by the agency they went to.",
        ("dialogues.held_on", "dialogues.answered_at_meeting", "dialogues.referred_answered"),
        "dialogues", _held, _attr("opinions_answered"))
_define("dialogues.answer_rate", "Tỷ lệ ý kiến được trả lời", "Opinion answer rate",
        "Opinions answered over opinions raised, at dialogues held in the period.",
        ("dialogues.held_on", "dialogues.opinions_raised", "dialogues.answered_at_meeting",
         "dialogues.referred_answered"),
        "dialogues", _held, _attr("opinions_raised"), _attr("opinions_answered"))

register(Indicator(
    "cadence.reception_compliance", "Tỷ lệ đơn vị tiếp công dân định kỳ đủ số ngày",
    "Reception cadence compliance",
    "Units in scope meeting, in every whole week or month of the period, the periodic "
    "reception rules in force for their level (Luật Tiếp công dân 2013 Art. 12, 13, 15), over "
    "the units a rule applied to; missed periods in the notes.",
    ("receptions.on", "receptions.host", "receptions.regular", "units.level"), "rate", True,
    calculator=_timeliness.cadence(Activity.RECEPTION), dimensions=("unit", "level"),
    params=("cadence_rules", "calendar")))
register(Indicator(
    "cadence.dialogue_compliance", "Tỷ lệ đơn vị đối thoại đủ số lần",
    "Dialogue cadence compliance",
    "Units in scope meeting the dialogue cadence rules for their level (none by default; "
    "parameter cadence_rules), over the units a rule applied to; missed periods in the notes.",
    ("dialogues.held_on", "dialogues.chair", "dialogues.mode", "units.level"), "rate", True,
    calculator=_timeliness.cadence(Activity.DIALOGUE), dimensions=("unit", "level"),
    params=("cadence_rules", "calendar")))

# -- "Dân vận khéo" models ----------------------------------------------------------------

_define("models.registered", "Số mô hình, điển hình đăng ký", "Models registered",
        "Models and exemplars registered in the period; kind is collective or individual.",
        ("models.registered_on", "models.owner", "models.field"),
        "models", _registered, each, details=(("kind",), ("field",)), extra=("field",))
_define("models.recognised", "Số mô hình, điển hình được công nhận", "Models recognised",
        "Models and exemplars first recognised (at any level) in the period.",
        ("models.recognitions", "models.owner", "models.field"),
        "models", _first_recognition, each, details=(("kind",), ("field",)), extra=("field",))
_define("models.recognition_rate", "Tỷ lệ mô hình được công nhận", "Model recognition rate",
        "Models registered in the period and recognised before its end, over models registered.",
        ("models.registered_on", "models.recognitions"),
        "models", _registered, each, lambda m, period: int(m.recognised_on(period.last)),
        extra=("field",))
register(Indicator(
    "models.replication_coverage", "Tỷ lệ xã có mô hình (xây dựng hoặc nhân rộng)",
    "Model replication coverage",
    "Units at a level (communes by default) where a model started or was replicated by the end "
    "of the period, over the units at that level in scope; parameters level, model.",
    ("models.unit", "models.replications", "units.level"),
    "rate", True, calculator=_units.replication_coverage, dimensions=("unit",),
    params=("level", "model")))

# -- directives -----------------------------------------------------------------------------

register(Indicator(
    "directives.coverage", "Tỷ lệ đơn vị ban hành kế hoạch thực hiện",
    "Directive implementation coverage",
    "Units at a level (the one below the scope's root by default) that issued a plan for the "
    "directive by the end of the period, over the units at that level; parameters level, "
    "directive (default: the one most units implemented).",
    ("implementations.directive", "implementations.unit", "implementations.issued_on",
     "directives.number", "units.level"),
    "rate", True, calculator=_units.coverage, dimensions=("unit", "directive"),
    params=("level", "directive")))
register(Indicator(
    "directives.days_to_plan", "Số ngày từ văn bản chỉ đạo đến kế hoạch thực hiện",
    "Days from directive to plan",
    "Days from a directive's date to each plan implementing it issued in the period.",
    ("implementations.issued_on", "implementations.directive", "directives.issued_on"),
    "summary", False, calculator=_units.days_to_plan, dimensions=("directive",)))

# -- grassroots mediation ---------------------------------------------------------------------

_define("mediation.cases", "Số vụ việc hòa giải thuộc thẩm quyền", "Mediation cases in remit",
        "Disputes received in the period within the mediation team's remit.",
        ("mediations.received_on", "mediations.in_jurisdiction"),
        "mediations", _received, _attr("in_jurisdiction"))
_define("mediation.mediated_rate", "Tỷ lệ vụ việc đưa ra hòa giải", "Share of cases mediated",
        "Cases in remit received in the period and brought to mediation before its end, over "
        "cases in remit.",
        ("mediations.received_on", "mediations.in_jurisdiction", "mediations.mediated_on"),
        "mediations", _received, _attr("in_jurisdiction"), _mediated)
_define("mediation.success_rate", "Tỷ lệ hòa giải thành", "Mediation success rate",
        "Cases in remit mediated successfully over cases in remit mediated, received in the "
        "period and mediated before its end.",
        ("mediations.received_on", "mediations.mediated_on", "mediations.outcome"),
        "mediations", _received, _mediated,
        lambda c, period: int(_mediated(c, period) and c.outcome is MediationOutcome.SUCCESSFUL))

# -- restructuring of units --------------------------------------------------------------------

register(Indicator(
    "restructuring.communes", "Sắp xếp đơn vị hành chính cấp xã", "Commune-level restructuring",
    "Commune-level areas in scope on the first day of the period and on the scope's date; "
    "the reduction is a share of the number before.",
    ("units.level", "units.valid_from", "units.valid_to", "successions.on"),
    "change", True, calculator=_units.restructuring(UnitLevel.COMMUNE), dimensions=("unit",)))
register(Indicator(
    "restructuring.residential_areas", "Sắp xếp thôn, tổ dân phố, khu dân cư",
    "Residential-area restructuring",
    "Residential areas (thôn, ấp, bản, tổ dân phố, khu dân cư) in scope on the first day of the "
    "period and on the scope's date; the reduction is a share of the number before.",
    ("units.level", "units.valid_from", "units.valid_to", "successions.on"),
    "change", True, calculator=_units.restructuring(UnitLevel.RESIDENTIAL), dimensions=("unit",)))
