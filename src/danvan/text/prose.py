"""Write a report's figures as the sentences reports print, in the grammar the checker reads.

>>> import danvan
>>> petitions = ", ".join(
...     f'{{"id": "P{i}", "kind": "{"complaint" if i < 3 else "denunciation"}", '
...     f'"received_on": "2024-01-0{i + 1}", "unit": "X"}}' for i in range(5))
>>> data = danvan.loads('{"units": [{"code": "X", "name": "Xã A", "level": "commune"}], '
...                     f'"petitions": [{petitions}]}}', danvan.Dataset)
>>> text = write(danvan.report(data, scope="X", period="2024"))
>>> print(text.split(". ")[0])
Tiếp nhận 5 đơn, trong đó: khiếu nại 3 đơn; tố cáo 2 đơn
>>> from danvan.text.claims import check
>>> sorted({f.verdict.code for f in check(text) if f.claim.kind.code not in ("count", "money")})
['holds']

Each figure danvan knows how to say is written with its unit; a breakdown is
listed after its total (``trong đó:``, parts joined by ``;``), a rate as
``X/Y đơn, đạt Z%`` and a restructuring as ``giảm từ A xuống còn B`` with the
reduction and its rate. The text is right by construction, and
:func:`~danvan.text.claims.check` finds every figure and finds that every
relation holds: a lone count (``tiếp 566 người``) is, as always, a figure with
nothing to check it against. Indicators with no phrase here (rankings,
durations, summaries), undefined rates (0/0), breakdowns whose parts do not add
up to the total, and parts named with digits (``1–10 ngày``) are left out.
"""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from typing import Any

from danvan.errors import FieldError
from danvan.indicators.reporting import Report
from danvan.records.vocabulary import Term
from danvan.values.exact import Change, Rate
from danvan.values.numbers import Rounding, format_number, format_percent

__all__ = ["PHRASES", "write"]

#: What each indicator's figure is, as report prose says it: (verb phrase, unit).
PHRASES: Mapping[str, tuple[str, str]] = {
    "petitions.received": ("tiếp nhận", "đơn"),
    "petitions.in_jurisdiction": ("thuộc thẩm quyền giải quyết có", "đơn"),
    "petitions.resolved": ("đã giải quyết", "đơn thuộc thẩm quyền"),
    "petitions.resolution_rate": ("đã xem xét, giải quyết", "đơn thuộc thẩm quyền"),
    "petitions.crowd_delegations": ("có", "đoàn đông người"),
    "petitions.crowd_people": ("đoàn đông người gồm", "người"),
    "petitions.acceptance_on_time_rate": ("thụ lý đúng hạn", "đơn"),
    "petitions.resolution_on_time_rate": ("giải quyết đúng hạn", "đơn"),
    "petitions.overdue_backlog": ("quá hạn chưa giải quyết", "đơn"),
    "receptions.sessions": ("tổ chức tiếp công dân", "buổi"),
    "receptions.turns": ("tiếp", "lượt công dân"),
    "receptions.people": ("tiếp", "người"),
    "receptions.crowd_delegations": ("tiếp", "đoàn đông người"),
    "receptions.crowd_people": ("đoàn đông người có", "người"),
    "cadence.reception_compliance": ("tiếp công dân định kỳ đủ số ngày tại", "đơn vị"),
    "models.registered": ("đăng ký", "mô hình"),
    "models.recognised": ("công nhận", "mô hình"),
    "models.recognition_rate": ("công nhận", "mô hình đăng ký"),
    "models.replication_coverage": ("có mô hình tại", "xã"),
    "directives.coverage": ("ban hành kế hoạch thực hiện tại", "đơn vị"),
    "mediation.cases": ("thụ lý hòa giải", "vụ việc"),
    "mediation.mediated_rate": ("đưa ra hòa giải", "vụ việc"),
    "mediation.success_rate": ("hòa giải thành", "vụ việc"),
    "restructuring.communes": ("số đơn vị hành chính cấp xã", "xã"),
    "restructuring.residential_areas": ("số thôn, tổ dân phố", "thôn, tổ dân phố"),
}
#: Labels of breakdown values that name a level: "cấp huyện", as reports write them.
_LEVELS = frozenset({"tỉnh", "huyện", "xã", "trung ương"})
_PLACES = frozenset({"xã", "đơn vị"})


def _percent(numerator: int, denominator: int, rounding: Rounding) -> str:
    return format_percent(Fraction(numerator, denominator), places=1, rounding=rounding)


def _label(key: Any) -> str:
    items = key if isinstance(key, tuple) else (key,)
    words = []
    for item in items:
        text = item.label if isinstance(item, Term) else str(item)
        words.append(f"cấp {text}" if text in _LEVELS else text)
    return " ".join(words)


def _count(verb: str, value: int, unit: str) -> str:
    return f"{verb} {format_number(value)} {unit}"


def _breakdown(total: int, parts: Mapping[Any, Any], unit: str) -> str | None:
    """``trong đó: a 3 đơn; b 2 đơn`` for int parts that add up to ``total``."""
    values = [(_label(key), cell.value) for key, cell in parts.items()]
    if (not values or any(not isinstance(v, int) or isinstance(v, bool) for _, v in values)
            or sum(v for _, v in values) != total):
        return None
    shown = [(label, v) for label, v in values if v]
    if len(shown) < 2 or any(not label or any(c.isdigit() for c in label)
                             for label, _ in shown):
        return None
    return "; ".join(f"{label} {format_number(v)} {unit}" for label, v in shown)


def _sentence(result: Any, verb: str, unit: str, rounding: Rounding) -> str | None:
    value = result.value
    if isinstance(value, Rate):
        if not value.defined:
            return None
        # "X/Y xã đạt Z%" would say what rate the places reach: places take "chiếm".
        link = "chiếm" if unit in _PLACES else "đạt"
        return (f"{verb} {format_number(value.numerator)}/{format_number(value.denominator)} "
                f"{unit}, {link} {_percent(value.numerator, value.denominator, rounding)}")
    if isinstance(value, Change):
        if value.before == value.after or value.before == 0:
            return None
        word = "giảm" if value.after < value.before else "tăng"
        delta = abs(value.after - value.before)
        return (f"{verb} {word} từ {format_number(value.before)} {unit} xuống còn "
                f"{format_number(value.after)} {unit} ({word} {format_number(delta)} {unit}, "
                f"tỷ lệ {_percent(delta, value.before, rounding)})") if word == "giảm" else (
            f"{verb} {word} từ {format_number(value.before)} {unit} lên "
            f"{format_number(value.after)} {unit}")
    if isinstance(value, int) and not isinstance(value, bool):
        return _count(verb, value, unit)
    return None


def write(report: Report, rounding: Rounding = Rounding.TRUNCATE) -> str:
    """The figures of ``report`` as a paragraph of report prose, one sentence per indicator.

    Percentages are printed with ``rounding``: by default truncated, as
    :meth:`Rate.format <danvan.values.exact.Rate.format>` and the report's table print them
    (``2.453/2.484`` is ``98,7%``).

    A total is followed by its first breakdown (``trong đó:``); each further
    breakdown of the same total is a sentence of its own (``Phân theo …, N đơn
    gồm: …``).
    """
    if not isinstance(report, Report):
        raise FieldError("report", report, "expected a danvan Report")
    if not isinstance(rounding, Rounding):
        raise FieldError("rounding", rounding, "expected a Rounding")
    sentences: list[str] = []
    totals: dict[str, Any] = {}
    breakdowns: dict[str, list[Any]] = {}
    for result in report.results:
        if result.by:
            breakdowns.setdefault(result.id, []).append(result)
        else:
            totals.setdefault(result.id, result)
    for ident, result in totals.items():
        if ident not in PHRASES:
            continue
        verb, unit = PHRASES[ident]
        text = _sentence(result, verb, unit, rounding)
        if text is None:
            continue
        first = True
        extra: list[str] = []
        for breakdown in breakdowns.get(ident, []):
            if not isinstance(result.value, int) or len(breakdown.by) != 1:
                continue
            listed = _breakdown(result.value, breakdown.parts, unit)
            if listed is None:
                continue
            if first:
                text += f", trong đó: {listed}"
                first = False
            else:
                extra.append(f"Phân theo {breakdown.by[0]}, {format_number(result.value)} "
                             f"{unit} gồm: {listed}")
        sentences.append(text[0].upper() + text[1:] + ".")
        sentences.extend(s + "." for s in extra)
    return " ".join(sentences)
