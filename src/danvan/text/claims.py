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

from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal
from typing import Any

from attrs import field, frozen

from danvan import _validators as v
from danvan._progress import tracker
from danvan.errors import DanvanError, DanvanErrorGroup, FieldError
from danvan.text._claim_check import judge
from danvan.text._claim_drafts import drafts
from danvan.text._claim_model import Claim, ClaimKind, Figure, Finding, Reading, Role, Verdict
from danvan.text._claim_readings import QUALIFIER_READINGS, QualifierReading, Readings
from danvan.text._claim_rules import Draft
from danvan.text._claim_scan import Token
from danvan.values._offsets import nfc_with_offsets
from danvan.values.numbers import Qualifier, Quantity, Rounding

__all__ = [
    "QUALIFIER_READINGS",
    "Claim",
    "ClaimError",
    "ClaimKind",
    "Figure",
    "Finding",
    "Findings",
    "QualifierReading",
    "Reading",
    "Role",
    "Verdict",
    "annotate",
    "check",
    "extract",
    "validate",
]


class ClaimError(DanvanError, ValueError):
    """A claim of a report whose arithmetic fails."""

    def __init__(self, finding: Finding) -> None:
        self.finding = finding
        start, end = finding.claim.span
        super().__init__(f"[{start}:{end}] {finding.claim.quote!r}: {finding.explanation}")


def _figure(role: str, token: Token, label: str, denominator: bool, text: str,
            starts: list[int] | None) -> Figure:
    if denominator and token.denominator is not None and token.denominator_span is not None:
        value: Decimal = token.denominator
        span = (token.denominator_span[0], token.end)
        qualifier = Qualifier.EXACT
    else:
        value = token.value
        span = (token.start, token.number_end if token.denominator is not None else token.end)
        qualifier = token.qualifier
    quantity = Quantity(value, token.unit, qualifier, scale=token.scale)
    if starts is not None:
        span = (starts[span[0]], starts[span[1]])
    return Figure(Role.from_code(role), quantity, span, text[span[0]:span[1]], label)


def _claim(draft: Draft, text: str, starts: list[int] | None) -> Claim:
    figures = tuple(_figure(role, token, label, den, text, starts)
                    for role, token, label, den in draft.figures)
    start = min(f.span[0] for f in figures)
    end = max(f.span[1] for f in figures)
    return Claim(ClaimKind.from_code(draft.kind), (start, end), text[start:end], figures,
                 Reading.from_code(draft.reading))


def extract(text: str, *, progress: Any = None) -> tuple[Claim, ...]:
    """Every claim of ``text``, in the order of their spans.

    ``progress``: ``True`` draws a bar on stderr as a text of 100.000 characters or more
    is read, a callable is called as ``progress(done, total, what)`` with characters
    (see :mod:`danvan._progress`); ``None`` (default) or ``False`` stays silent.

    >>> [c.kind.code for c in extract("Tổ chức 173 cuộc (cấp huyện: 17 cuộc; cấp xã: 156 cuộc).")]
    ['parts']
    """
    if not isinstance(text, str):
        raise FieldError("text", text, "expected the text of a report")
    # The rules read the composed (NFC) text; spans and quotes index the caller's text.
    callback = tracker(progress)
    composed, starts = nfc_with_offsets(text)
    claims = [_claim(draft, text, starts) for draft in drafts(composed, callback)]
    claims.sort(key=lambda c: (c.span[0], c.span[1], c.kind.code))
    return tuple(claims)


def check(source: str | Iterable[Claim], *, progress: Any = None,
          readings: Readings = QUALIFIER_READINGS) -> tuple[Finding, ...]:
    """One finding per claim of ``source`` (a text, or claims from :func:`extract`, which
    ``progress`` follows as it reads a text).

    ``readings`` are the assumed readings of the qualifiers (``gần``, ``khoảng`` …) tried
    where a qualifier's bound leaves a claim open: :data:`QUALIFIER_READINGS` by default,
    any mapping of :class:`~danvan.values.numbers.Qualifier` to :class:`QualifierReading`,
    or ``{}`` for none (then only what the bounds alone settle is settled).

    >>> text = "Gần 7.000 tấn xi măng, trong đó hơn 6.000 tấn làm đường và 822 tấn làm kênh."
    >>> [f.verdict.code for f in check(text)], [f.verdict.code for f in check(text, readings={})]
    (['holds'], ['unverifiable'])
    """
    readings = _readings(readings)
    claims = extract(source, progress=progress) if isinstance(source, str) else tuple(source)
    findings = []
    for claim in claims:
        if not isinstance(claim, Claim):
            raise FieldError("claims", claim, "expected a Claim")
        verdict, explanation, roundings = judge(claim, readings)
        findings.append(Finding(claim, Verdict.from_code(verdict), explanation,
                                tuple(Rounding.from_code(r) for r in roundings)))
    return tuple(findings)


def _readings(readings: Any) -> Readings:
    if not isinstance(readings, Mapping):
        raise FieldError("readings", readings, "expected a mapping of Qualifier to QualifierReading")
    for key, reading in readings.items():
        if not isinstance(key, Qualifier) or not isinstance(reading, QualifierReading):
            raise FieldError(f"readings[{key!r}]", reading,
                             "expected a Qualifier mapped to a QualifierReading")
    return readings


def validate(source: str | Iterable[Claim], *, progress: Any = None,
             readings: Readings = QUALIFIER_READINGS) -> tuple[Finding, ...]:
    """Like :func:`check`, but raises a :class:`~danvan.errors.DanvanErrorGroup` of
    :class:`ClaimError` when any claim fails."""
    findings = check(source, progress=progress, readings=readings)
    failures = [ClaimError(f) for f in findings if f.verdict is Verdict.FAILS]
    if failures:
        raise DanvanErrorGroup("report figures that do not add up", failures)
    return findings


@frozen
class Findings:
    """The findings of one text, with the text: in a notebook, the text with each figure
    highlighted by its verdict (green holds, red fails, grey unverifiable) and the
    explanation on hover.

    >>> found = annotate("Đã giải quyết 110/120 đơn, đạt 91,6%.")
    >>> found
    <Findings 1 claim(s): 1 holds>
    >>> found[0].verdict.code, len(found)
    ('holds', 1)
    """

    text: str = field(validator=v.typed(str, "text"), repr=False)
    findings: tuple[Finding, ...] = field(validator=v.tuple_of(v.typed(Finding)))

    def __iter__(self) -> Iterator[Finding]:
        return iter(self.findings)

    def __len__(self) -> int:
        return len(self.findings)

    def __getitem__(self, index: int) -> Finding:
        return self.findings[index]

    def __repr__(self) -> str:
        counts = Counter(f.verdict for f in self.findings)
        tally = ", ".join(f"{counts[verdict]} {verdict.code}" for verdict in Verdict if counts[verdict])
        return f"<Findings {len(self.findings)} claim(s){': ' + tally if tally else ''}>"

    def _repr_html_(self) -> str:
        from danvan.text._claim_html import findings_html

        return findings_html(self.text, self.findings)


def annotate(text: str, *, progress: Any = None,
             readings: Readings = QUALIFIER_READINGS) -> Findings:
    """The findings of :func:`check` on ``text``, kept with the text for display."""
    return Findings(text, check(text, progress=progress, readings=readings))
