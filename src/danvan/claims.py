"""Read the figures of a Vietnamese report and check them against each other.

A :class:`Claim` is one checkable statement found in a text, with the exact
character span it came from: a total and its parts (``parts``), a numerator,
denominator and printed percentage (``ratio``), a reduction or increase with
its rate (``change``), or a lone figure kept for reconciliation with records
(``count``, ``money``). :func:`extract` finds them; :func:`check` gives one
:class:`Finding` per claim: ``holds``, ``fails`` (with the arithmetic that
fails) or ``unverifiable`` (with the reason). A ratio that holds names every
rounding under which the printed percentage is right.

>>> text = ("Năm 2023 nhận 120 đơn, trong đó: khiếu nại 20 đơn, tố cáo 15 đơn, "
...         "loại khác 80 đơn; đã giải quyết 110/120 đơn, đạt 91,6%.")
>>> for finding in check(text):
...     print(finding.claim.kind.code, finding.verdict.code, finding.explanation)
parts fails 20 + 15 + 80 = 115 ≠ 120
ratio holds 110/120 = 91,666…% → 91,6% (truncate)

The checker never says ``holds`` for arithmetic it did not do; what it does
not understand is listed in ``docs/claims.md``.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from attrs import field, frozen

from danvan import _validators as v
from danvan._claim_check import judge
from danvan._claim_rules import Draft, drafts
from danvan._claim_scan import Token
from danvan.errors import DanvanError, DanvanErrorGroup, FieldError
from danvan.numbers import Qualifier, Quantity, Rounding
from danvan.reconcile import reconcile
from danvan.vocabulary import Term

__all__ = [
    "Claim",
    "ClaimError",
    "ClaimKind",
    "Figure",
    "Finding",
    "Reading",
    "Role",
    "Verdict",
    "check",
    "extract",
    "reconcile",
    "validate",
]


class ClaimKind(Term):
    """What a claim states."""

    PARTS = "parts", "tổng và các thành phần"
    RATIO = "ratio", "tỷ lệ"
    CHANGE = "change", "tăng, giảm"
    COUNT = "count", "số lượng"
    MONEY = "money", "số tiền"


class Verdict(Term):
    """The outcome of checking a claim."""

    HOLDS = "holds", "đúng"
    FAILS = "fails", "sai"
    UNVERIFIABLE = "unverifiable", "không kiểm tra được"


class Role(Term):
    """The part a figure plays in its claim."""

    TOTAL = "total", "tổng số"
    ALTERNATIVE_TOTAL = "alternative_total", "tổng số khác có thể"
    PART = "part", "thành phần"
    NUMERATOR = "numerator", "tử số"
    DENOMINATOR = "denominator", "mẫu số"
    PERCENT = "percent", "tỷ lệ phần trăm"
    DELTA = "delta", "mức tăng, giảm"
    BEFORE = "before", "trước"
    AFTER = "after", "sau"
    FROM = "from", "từ (số được sáp nhập)"
    TO = "to", "thành"
    CURRENT = "current", "kỳ này"
    PREVIOUS = "previous", "kỳ trước"
    VALUE = "value", "giá trị"


class Reading(Term):
    """How the text asks a claim to be read; it decides what a mismatch means."""

    PLAIN = "plain", "thông thường"
    PARTITION = "partition", "chia hết tổng số"
    LIST = "list", "liệt kê, có thể chưa đủ"
    SUBSET = "subset", "một phần của tổng số"
    MEAN_OF_RATES = "mean_of_rates", "tỷ lệ bình quân"
    CURRENT_OVER_PREVIOUS = "current_over_previous", "so với cùng kỳ"
    DECREASE = "decrease", "giảm"
    INCREASE = "increase", "tăng"


def _span(_: Any, attribute: Any, value: Any) -> None:
    if (not isinstance(value, tuple) or len(value) != 2
            or not all(isinstance(x, int) and not isinstance(x, bool) for x in value)
            or not 0 <= value[0] <= value[1]):
        raise FieldError(attribute.name, value, "expected a span (start, end) with 0 <= start <= end")


@frozen
class Figure:
    """One printed figure of a claim: its role, value, span and the words naming it.

    ``label`` is the text before a part (``khiếu nại``, ``cấp huyện``); it is
    what reconciliation matches against indicator names.
    """

    role: Role = field(validator=v.member(Role))
    quantity: Quantity = field(validator=v.typed(Quantity))
    span: tuple[int, int] = field(validator=_span)
    text: str = field(validator=v.text)
    label: str = ""


@frozen
class Claim:
    """A checkable statement: its kind, reading, figures and the span it was read from."""

    kind: ClaimKind = field(validator=v.member(ClaimKind))
    span: tuple[int, int] = field(validator=_span)
    quote: str = field(validator=v.text)
    figures: tuple[Figure, ...] = field(validator=v.tuple_of(v.typed(Figure), non_empty=True))
    reading: Reading = field(default=Reading.PLAIN, validator=v.member(Reading))

    @property
    def key(self) -> str:
        """A stable identifier within one text: ``parts@4937-5021``."""
        return f"{self.kind.code}@{self.span[0]}-{self.span[1]}"

    def role(self, role: Role) -> tuple[Figure, ...]:
        """The figures playing ``role``, in text order."""
        return tuple(f for f in self.figures if f.role is role)

    def first(self, role: Role) -> Figure | None:
        """The first figure playing ``role``, if any."""
        return next((f for f in self.figures if f.role is role), None)


@frozen
class Finding:
    """The result of checking one claim."""

    claim: Claim = field(validator=v.typed(Claim))
    verdict: Verdict = field(validator=v.member(Verdict))
    explanation: str = field(validator=v.text)
    roundings: tuple[Rounding, ...] = field(default=(), validator=v.tuple_of(v.member(Rounding)))

    def to_dict(self) -> dict[str, Any]:
        """The finding as JSON-ready data (the ``--format json`` record)."""
        claim = self.claim
        return {
            "kind": claim.kind.code,
            "quote": claim.quote,
            "span": list(claim.span),
            "verdict": self.verdict.code,
            "roundings": [r.code for r in self.roundings],
            "explanation": self.explanation,
            "reading": claim.reading.code,
            "figures": [
                {"role": f.role.code, "text": f.text, "span": list(f.span),
                 "value": str(f.quantity.value), "unit": f.quantity.unit,
                 "scale": f.quantity.scale, "qualifier": f.quantity.qualifier.code,
                 "label": f.label}
                for f in claim.figures
            ],
        }


class ClaimError(DanvanError, ValueError):
    """A claim of a report whose arithmetic fails."""

    def __init__(self, finding: Finding) -> None:
        self.finding = finding
        start, end = finding.claim.span
        super().__init__(f"[{start}:{end}] {finding.claim.quote!r}: {finding.explanation}")


def _figure(role: str, token: Token, label: str, denominator: bool, text: str) -> Figure:
    if denominator and token.denominator is not None and token.denominator_span is not None:
        value: Decimal = token.denominator
        span = (token.denominator_span[0], token.end)
        qualifier = Qualifier.EXACT
    else:
        value = token.value
        span = (token.start, token.number_end if token.denominator is not None else token.end)
        qualifier = token.qualifier
    quantity = Quantity(value, token.unit, qualifier, scale=token.scale)
    return Figure(Role.from_code(role), quantity, span, text[span[0]:span[1]], label)


def _claim(draft: Draft, text: str) -> Claim:
    figures = tuple(_figure(role, token, label, den, text)
                    for role, token, label, den in draft.figures)
    start = min(f.span[0] for f in figures)
    end = max(f.span[1] for f in figures)
    return Claim(ClaimKind.from_code(draft.kind), (start, end), text[start:end], figures,
                 Reading.from_code(draft.reading))


def extract(text: str) -> tuple[Claim, ...]:
    """Every claim of ``text``, in the order of their spans.

    >>> [c.kind.code for c in extract("Tổ chức 173 cuộc (cấp huyện: 17 cuộc; cấp xã: 156 cuộc).")]
    ['parts']
    """
    if not isinstance(text, str):
        raise FieldError("text", text, "expected the text of a report")
    claims = [_claim(draft, text) for draft in drafts(text)]
    claims.sort(key=lambda c: (c.span[0], c.span[1], c.kind.code))
    return tuple(claims)


def check(source: str | Iterable[Claim]) -> tuple[Finding, ...]:
    """One finding per claim of ``source`` (a text, or claims from :func:`extract`)."""
    claims = extract(source) if isinstance(source, str) else tuple(source)
    findings = []
    for claim in claims:
        if not isinstance(claim, Claim):
            raise FieldError("claims", claim, "expected a Claim")
        verdict, explanation, roundings = judge(claim)
        findings.append(Finding(claim, Verdict.from_code(verdict), explanation,
                                tuple(Rounding.from_code(r) for r in roundings)))
    return tuple(findings)


def validate(source: str | Iterable[Claim]) -> tuple[Finding, ...]:
    """Like :func:`check`, but raises a :class:`~danvan.errors.DanvanErrorGroup` of
    :class:`ClaimError` when any claim fails."""
    findings = check(source)
    failures = [ClaimError(f) for f in findings if f.verdict is Verdict.FAILS]
    if failures:
        raise DanvanErrorGroup("report figures that do not add up", failures)
    return findings
