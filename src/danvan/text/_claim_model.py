"""The claims' data: kinds, verdicts, roles, readings, figures, claims and findings.

A module of its own so that :mod:`danvan.text.claims` (extraction) and
:mod:`danvan.text._claim_check` (the arithmetic) both import it, neither the other.
"""

from __future__ import annotations

from typing import Any

from attrs import field, frozen

from danvan import _validators as v
from danvan.errors import FieldError
from danvan.records.vocabulary import Term
from danvan.values.numbers import Quantity, Rounding

__all__ = ["Claim", "ClaimKind", "Figure", "Finding", "Reading", "Role", "Verdict"]


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
    EXCLUDED = "excluded", "không tính vào mẫu số (đang giải quyết)"


class Reading(Term):
    """How the text asks a claim to be read; it decides what a mismatch means."""

    PLAIN = "plain", "thông thường"
    PARTITION = "partition", "chia hết tổng số"
    LIST = "list", "liệt kê, có thể chưa đủ"
    SUBSET = "subset", "một phần của tổng số"
    MEAN_OF_RATES = "mean_of_rates", "tỷ lệ bình quân"
    IMPLIED_BASE = "implied_base", "mẫu số là số liệu in trước đó"
    OTHER_UNIT = "other_unit", "các phần đếm bằng đơn vị khác"
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

    def __repr__(self) -> str:
        """``<Finding ratio holds [8:31] '110/120 đơn, đạt 91,6%': 110/120 = …>``, cut short;
        the claim and its figures stay in the attributes."""
        claim = self.claim
        return (f"<Finding {claim.kind.code} {self.verdict.code} [{claim.span[0]}:{claim.span[1]}] "
                f"{_cut(claim.quote, 40)!r}: {_cut(self.explanation, 80)}>")

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


def _cut(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[:width - 1] + "…"
