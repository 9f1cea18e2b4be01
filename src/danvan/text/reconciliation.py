"""Reconcile a report's figures with the indicators computed from records.

A :class:`Binding` ties one printed figure to one catalogued indicator: how to
find the figure (a ``phrase``, a regular expression that occurs once, after
which the ``nth`` figure of a ``role`` in the same sentence is taken; or a
claim ``key`` such as ``parts@4937-5010``), which indicator it reports, which
cell of a breakdown (``{"kind": "complaint"}``) and which number of the value
(``measure``: the count, a rate's numerator, denominator or percentage, a
change's numbers). Bindings are data: nothing is guessed.

:func:`reconcile` gives one :class:`Reconciliation` per binding: the printed
figure, the computed value printed the same way, a verdict (``agrees``,
``differs``, ``unbound``, ``not_found``, ``ambiguous``), the difference and the
ids of the records behind the computed value.

>>> from datetime import date
>>> from danvan.records.dataset import Dataset
>>> from danvan.records.petitions import Petition
>>> from danvan.records.units import Unit
>>> from danvan.records.vocabulary import PetitionKind, UnitLevel
>>> data = Dataset(units=(Unit("H", "Huyện H", UnitLevel.DISTRICT),), petitions=(
...     Petition("P1", PetitionKind.COMPLAINT, date(2021, 1, 5), "H"),
...     Petition("P2", PetitionKind.OTHER, date(2021, 3, 9), "H")))
>>> text = "Năm 2021 toàn huyện nhận 3 đơn, trong đó khiếu nại 1 đơn."
>>> bindings = [Binding("petitions.received", phrase="toàn huyện nhận"),
...             Binding("petitions.received", phrase="toàn huyện nhận", role="part",
...                     label="khiếu nại", breakdown={"kind": "complaint"})]
>>> for r in reconcile(text, data, scope="H", period="2021", bindings=bindings):
...     print(r.verdict.code, r.printed, "|", r.computed, "|", r.explanation)
differs 3 đơn | 2 đơn | petitions.received = 2, printed 3 (1 fewer in the records)
agrees 1 đơn | 1 đơn | petitions.received[kind=complaint] = 1, printed 1
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Mapping, Sequence
from fractions import Fraction
from typing import Any

from attrs import field, frozen

from danvan import _validators as v
from danvan.errors import FieldError
from danvan.indicators import Result, evaluate, get, resolve
from danvan.indicators.engine import _KIND_TERMS
from danvan.indicators.scope import Scope
from danvan.records.dataset import Dataset
from danvan.records.vocabulary import (
    Field,
    Term,
    UnitLevel,
)
from danvan.text._claim_model import Claim, Figure, Role
from danvan.text._claim_scan import sentence_bounds
from danvan.text.claims import extract
from danvan.values.exact import Change, Rate, Summary
from danvan.values.numbers import (
    Qualifier,
    Quantity,
    Rounding,
    decimal_places,
    format_exact,
    format_number,
    preimage,
    round_fraction,
)
from danvan.values.periods import SPLITS, Period

__all__ = [
    "Agreement",
    "Binding",
    "Measure",
    "Reconciliation",
    "load_bindings",
    "reconcile",
    "seed_bindings",
]

#: The vocabulary of each breakdown dimension, for cells with no records (a count of 0).
_DIMENSION_TERMS: dict[str, type[Term]] = {"level": UnitLevel, "field": Field}
_ID = re.compile(r"[a-z][a-z_]*(?:\.[a-z][a-z_]*)+")


class Agreement(Term):
    """How a printed figure compares with the records."""

    AGREES = "agrees", "khớp với số liệu"
    DIFFERS = "differs", "không khớp với số liệu"
    UNBOUND = "unbound", "không so sánh được"
    NOT_FOUND = "not_found", "không tìm thấy trong văn bản"
    AMBIGUOUS = "ambiguous", "tìm thấy nhiều hơn một"


class Measure(Term):
    """Which number of an indicator's value a figure reports."""

    VALUE = "value", "giá trị"
    NUMERATOR = "numerator", "tử số"
    DENOMINATOR = "denominator", "mẫu số"
    PERCENT = "percent", "tỷ lệ phần trăm"
    BEFORE = "before", "trước"
    AFTER = "after", "sau"
    DIFFERENCE = "difference", "mức tăng, giảm"


#: The measure a figure's role implies; ``from`` and ``to`` (12 xã thành 04 xã) name none.
_DEFAULT_MEASURE = {
    "total": Measure.VALUE, "alternative_total": Measure.VALUE, "part": Measure.VALUE,
    "value": Measure.VALUE, "current": Measure.VALUE, "previous": Measure.VALUE,
    "numerator": Measure.NUMERATOR, "denominator": Measure.DENOMINATOR,
    "percent": Measure.PERCENT, "delta": Measure.DIFFERENCE, "before": Measure.BEFORE,
    "after": Measure.AFTER}
_MEASURES = {
    "count": (Measure.VALUE,), "summary": (Measure.VALUE,),
    "rate": (Measure.NUMERATOR, Measure.DENOMINATOR, Measure.PERCENT),
    "change": (Measure.BEFORE, Measure.AFTER, Measure.DIFFERENCE, Measure.PERCENT)}
Judgement = tuple[Agreement, str, str, Fraction | None, Fraction | None, tuple[Rounding, ...]]


def _like(exact: Fraction, q: Quantity, rounding: Rounding) -> str:
    """``exact`` printed as the figure ``q`` is: same places, scale word and unit."""
    value = round_fraction(exact / 10**q.scale, decimal_places(q.value), rounding)
    return Quantity(value, q.unit, scale=q.scale).format()


def _value(measure: Measure, value: Any) -> tuple[Fraction | None, str]:
    """The exact number ``measure`` picks from an indicator's value, and how it was computed."""
    if isinstance(value, Rate):
        ratio = value.format_ratio()
        if measure is Measure.NUMERATOR:
            return Fraction(value.numerator), ""
        if measure is Measure.DENOMINATOR:
            return Fraction(value.denominator), ""
        rate = value.value
        return (None if rate is None else rate * 100), ratio
    if isinstance(value, Change):
        size = abs(value.difference)
        if measure is Measure.BEFORE:
            return Fraction(value.before), ""
        if measure is Measure.AFTER:
            return Fraction(value.after), ""
        if measure is Measure.DIFFERENCE:
            # "172 → 148", the head of Change.format before its "(giảm …)"
            return Fraction(size), value.format().partition(" (")[0]
        shown = f"{format_number(size)}/{format_number(value.before)}"
        return (Fraction(size * 100, value.before) if value.before else None), shown
    if isinstance(value, Summary):
        return Fraction(value.count), ""
    return Fraction(value), ""


def _records_of(measure: Measure, numerator: tuple[str, ...], denominator: tuple[str, ...],
               ) -> tuple[str, ...]:
    """The ids behind ``measure``: the counted records, a numerator's, a denominator's, or both."""
    if measure in (Measure.DENOMINATOR, Measure.BEFORE):
        return denominator
    if measure in (Measure.PERCENT, Measure.DIFFERENCE):
        return tuple(dict.fromkeys(denominator + numerator))
    return numerator


def _judge(cell: str, measure: Measure, value: Any, q: Quantity, reading: str,
          roundings: tuple[Rounding, ...]) -> Judgement:
    """``(verdict, explanation, computed as printed, exact, difference, roundings)``."""
    kind = ("rate" if isinstance(value, Rate) else "change" if isinstance(value, Change)
            else "summary" if isinstance(value, Summary) else "count")
    if measure not in _MEASURES[kind]:
        raise FieldError("measure", measure.code, f"expected one of "
                         f"{', '.join(m.code for m in _MEASURES[kind])} for a {kind} indicator")
    if (measure is Measure.PERCENT) != (q.unit == "%"):
        raise FieldError("role", str(q), "expected a percentage for the measure percent, and "
                                         "only for it")
    name = cell if measure is Measure.VALUE else f"{cell} {measure.code}"
    exact, how = _value(measure, value)
    printed = q.format(unit=False)
    if exact is None:
        return (Agreement.UNBOUND, f"{name} is not defined (the denominator is 0): nothing to "
                f"compare with {printed}", "", None, None, ())
    shown = format_exact(exact, places=3)
    lhs = f"{name} = {how} = {shown}" if how else f"{name} = {shown}"
    if measure is Measure.PERCENT:
        lhs += "%"
    if isinstance(value, Change) and measure in (Measure.DIFFERENCE, Measure.PERCENT):
        grew = value.difference > 0
        if value.difference and reading in ("decrease", "increase") and grew != (
                reading == "increase"):
            said = "a decrease" if reading == "decrease" else "an increase"
            found = "an increase" if grew else "a decrease"
            return (Agreement.DIFFERS, f"{lhs}: the records show {found}, the text {said}",
                    _like(exact, q, roundings[0]), exact, exact - q.base_value, ())
    difference = exact - q.base_value
    if q.qualifier is Qualifier.ABOUT:
        return (Agreement.UNBOUND, f"{lhs}; {printed} sets no bound: nothing to compare",
                _like(exact, q, roundings[0]), exact, difference, ())
    if q.qualifier is not Qualifier.EXACT:
        inside = q.bounds.contains(exact)
        verdict = Agreement.AGREES if inside else Agreement.DIFFERS
        return (verdict, f"{lhs}, {'within' if inside else 'outside'} {printed}",
                _like(exact, q, roundings[0]), exact, difference, ())
    if exact.denominator == 1 and not (decimal_places(q.value) or q.scale or q.unit == "%"):
        if not difference:
            return Agreement.AGREES, f"{lhs}, printed {printed}", _like(exact, q, roundings[0]), (
                exact), difference, ()
        more = "more" if difference > 0 else "fewer"
        return (Agreement.DIFFERS, f"{lhs}, printed {printed} ({format_number(abs(difference))} "
                f"{more} in the records)", _like(exact, q, roundings[0]), exact, difference, ())
    good = tuple(r for r in roundings if preimage(q.value, r).contains(exact / 10**q.scale))
    if good:
        names = ", ".join(r.code for r in good)
        return (Agreement.AGREES, f"{lhs} → {printed} ({names})", _like(exact, q, good[0]),
                exact, difference, good)
    each = ", ".join(f"{r.code} {_like(exact, q, r)}" for r in roundings)
    return (Agreement.DIFFERS, f"{lhs}, printed {printed}; {each}", _like(exact, q, roundings[0]),
            exact, difference, ())


def _role(value: Any) -> Role:
    return value if isinstance(value, Role) else Role.from_code(value)


def _measure(value: Any) -> Measure | None:
    return None if value is None or isinstance(value, Measure) else Measure.from_code(value)


def _breakdown(value: Any) -> tuple[tuple[str, str], ...]:
    items = value.items() if isinstance(value, Mapping) else value
    try:
        pairs = tuple((dim, code) for dim, code in items)
    except (TypeError, ValueError):
        raise FieldError("breakdown", value, "expected a mapping of dimension to value code") from None
    for dim, code in pairs:
        if not isinstance(dim, str) or not isinstance(code, str) or not code:
            raise FieldError("breakdown", value, "expected a mapping of dimension to value code")
    if len({dim for dim, _ in pairs}) != len(pairs):
        raise FieldError("breakdown", value, "expected each dimension once")
    return pairs


def _indicator_id(_: Any, attribute: Any, value: Any) -> None:
    if not isinstance(value, str) or not _ID.fullmatch(value):
        raise FieldError(attribute.name, value, "expected an indicator id such as 'petitions.received'")


@frozen
class Binding:
    """How to find one printed figure, and the indicator (cell, measure) it reports.

    Give exactly one of ``phrase`` (a regular expression that must occur once in
    the text; the figure is the ``nth`` one of ``role`` after it, in the same
    sentence) or ``key`` (a claim key from :func:`danvan.text.claims.extract`; the
    figure is the ``nth`` one of ``role`` in that claim). ``label`` keeps only
    figures whose label contains it. ``measure`` defaults from the role.

    >>> Binding("petitions.resolution_rate", phrase="đã xem xét, giải quyết", role="percent").measure
    <Measure.PERCENT: 'percent'>
    """

    indicator: str = field(validator=_indicator_id)
    phrase: str | None = field(default=None, kw_only=True, validator=v.optional(v.text))
    key: str | None = field(default=None, kw_only=True, validator=v.optional(v.text))
    role: Role = field(factory=lambda: _role("total"), kw_only=True, converter=_role)
    label: str = field(default="", kw_only=True, validator=v.typed(str))
    nth: int = field(default=0, kw_only=True, validator=v.count)
    measure: Measure = field(default=None, kw_only=True, converter=_measure)
    breakdown: tuple[tuple[str, str], ...] = field(default=(), kw_only=True, converter=_breakdown)
    note: str = field(default="", kw_only=True, validator=v.typed(str))

    def __attrs_post_init__(self) -> None:
        if (self.phrase is None) == (self.key is None):
            raise FieldError("phrase", self.phrase, "expected exactly one of phrase or key")
        if self.phrase is not None:
            try:
                re.compile(self.phrase)
            except re.error as error:
                raise FieldError("phrase", self.phrase, f"expected a regular expression ({error})"
                                 ) from None
        if self.measure is None:
            default = _DEFAULT_MEASURE.get(self.role.code)
            if default is None:
                raise FieldError("measure", None, f"expected a measure for a figure of role "
                                                  f"{self.role.code!r}")
            object.__setattr__(self, "measure", default)

    @property
    def cell(self) -> str:
        """The indicator and breakdown cell: ``petitions.received[kind=complaint]``."""
        if not self.breakdown:
            return self.indicator
        return f"{self.indicator}[{', '.join(f'{d}={c}' for d, c in self.breakdown)}]"

    def to_dict(self) -> dict[str, Any]:
        """The binding as JSON-ready data (the bindings file format)."""
        data: dict[str, Any] = {"indicator": self.indicator}
        if self.phrase is not None:
            data["phrase"] = self.phrase
        if self.key is not None:
            data["key"] = self.key
        data.update(role=self.role.code, label=self.label, nth=self.nth,
                    measure=self.measure.code, breakdown=dict(self.breakdown))
        if self.note:
            data["note"] = self.note
        return data

    @classmethod
    def from_dict(cls, data: Any) -> Binding:
        """A binding from JSON data (see ``docs/claims.md``); unknown keys are errors."""
        if not isinstance(data, Mapping):
            raise FieldError("binding", data, "expected an object")
        known = {"indicator", "phrase", "key", "role", "label", "nth", "measure", "breakdown",
                 "note"}
        unknown = sorted(set(data) - known)
        if unknown:
            raise FieldError(unknown[0], data[unknown[0]], "expected one of " + ", ".join(
                sorted(known)))
        if "indicator" not in data:
            raise FieldError("indicator", None, "expected an indicator id")
        return cls(data["indicator"], **{k: data[k] for k in known - {"indicator"} if k in data})


def load_bindings(data: Any) -> tuple[Binding, ...]:
    """Bindings from JSON data: a list of binding objects (or ``{"bindings": [...]}``).

    >>> load_bindings([{"indicator": "petitions.received", "phrase": "nhận"}])[0].role.code
    'total'
    """
    if isinstance(data, Mapping) and "bindings" in data:
        data = data["bindings"]
    if not isinstance(data, list):
        raise FieldError("bindings", data, "expected a list of binding objects")
    out = []
    for index, item in enumerate(data):
        try:
            out.append(Binding.from_dict(item))
        except FieldError as error:
            raise error.at(f"bindings[{index}]") from None
    return tuple(out)


def seed_bindings(seed: str) -> tuple[Binding, ...]:
    """The bindings danvan ships for a seed report (``"000"``: Tam Nông).

    >>> len(seed_bindings("000")) > 10
    True
    """
    from danvan.text._seed_bindings import SEEDS

    if seed not in SEEDS:
        raise FieldError("seed", seed, "expected one of " + ", ".join(sorted(SEEDS)))
    return load_bindings(SEEDS[seed]["bindings"])


@frozen
class Reconciliation:
    """One binding's outcome: printed figure, computed value, verdict and provenance.

    ``numerator_ids`` and ``denominator_ids`` are those of the indicator's
    result (or its breakdown cell); :attr:`records` are those behind the
    measure compared, and :attr:`outside_ids` the records of a rate's
    denominator left out of its numerator (where to look when a numerator
    differs).
    """

    binding: Binding = field(validator=v.typed(Binding))
    verdict: Agreement = field(validator=v.member(Agreement))
    explanation: str = field(validator=v.text)
    printed: str = ""
    span: tuple[int, int] | None = None
    quote: str = ""
    claim_key: str = ""
    quantity: Quantity | None = None
    computed: str = ""
    exact: Fraction | None = None
    difference: Fraction | None = None
    roundings: tuple[Rounding, ...] = field(default=(), validator=v.tuple_of(v.member(Rounding)))
    numerator_ids: tuple[str, ...] = ()
    denominator_ids: tuple[str, ...] = ()

    @property
    def records(self) -> tuple[str, ...]:
        """Ids of the records (or units) behind the measure compared."""
        return _records_of(self.binding.measure, self.numerator_ids, self.denominator_ids)

    @property
    def outside_ids(self) -> tuple[str, ...]:
        """Ids in the denominator but not in the numerator, in record order."""
        inside = set(self.numerator_ids)
        return tuple(i for i in self.denominator_ids if i not in inside)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data (the ``reconciliation`` records of ``danvan check --format json``)."""
        return {
            "indicator": self.binding.indicator,
            "breakdown": dict(self.binding.breakdown),
            "measure": self.binding.measure.code,
            "verdict": self.verdict.code,
            "printed": self.printed,
            "span": list(self.span) if self.span is not None else None,
            "quote": self.quote,
            "claim": self.claim_key,
            "computed": self.computed,
            "difference": None if self.difference is None else str(self.difference),
            "roundings": [r.code for r in self.roundings],
            "explanation": self.explanation,
            "records": list(self.records),
            "outside": list(self.outside_ids) if self.verdict is Agreement.DIFFERS else [],
        }


def _sentence_end(sentences: tuple[tuple[int, int], ...], pos: int) -> int:
    """The end of the sentence (as the claim scanner bounds it) holding ``pos``."""
    index = bisect.bisect_right(sentences, (pos, float("inf"))) - 1
    return sentences[index][1] if index >= 0 else pos


def _locate(binding: Binding, text: str, claims: Sequence[Claim],
            sentences: tuple[tuple[int, int], ...],
            ) -> tuple[tuple[Claim, Figure] | None, Agreement | None, str]:
    """The one figure a binding names, or why there is none (or several)."""
    label = binding.label.casefold()

    def fits(f: Figure) -> bool:
        return f.role is binding.role and label in f.label.casefold()

    wanted = f"figure {binding.nth + 1} of role {binding.role.code}" + (
        f" labelled {binding.label!r}" if binding.label else "")
    if binding.key is not None:
        chosen = [c for c in claims if c.key == binding.key]
        if not chosen:
            return None, Agreement.NOT_FOUND, f"no claim {binding.key} in the text"
        candidates = [(c, f) for c in chosen for f in c.figures if fits(f)]
        where = f"claim {binding.key}"
    else:
        assert binding.phrase is not None
        matches = list(re.finditer(binding.phrase, text))
        if not matches:
            return None, Agreement.NOT_FOUND, f"the phrase {binding.phrase!r} does not occur"
        if len(matches) > 1:
            places = ", ".join(str(m.start()) for m in matches[:5])
            return None, Agreement.AMBIGUOUS, (f"the phrase {binding.phrase!r} occurs "
                                               f"{len(matches)} times (at {places})")
        start = matches[0].end()
        end = _sentence_end(sentences, start)
        seen: dict[int, tuple[Claim, Figure]] = {}
        for claim in claims:
            for f in claim.figures:
                if start <= f.span[0] < end and fits(f):
                    seen.setdefault(f.span[0], (claim, f))
        candidates = [seen[k] for k in sorted(seen)]
        where = f"the sentence after {binding.phrase!r}"
    if binding.nth >= len(candidates):
        return None, Agreement.NOT_FOUND, f"no {wanted} in {where}"
    return candidates[binding.nth], None, ""


def _zero_cell(result: Result, binding: Binding, scope: Scope, index: int) -> Result:
    """The empty cell of a breakdown value with no records (checked against the vocabulary)."""
    indicator = result.indicator
    for dim, code in binding.breakdown:
        terms = _DIMENSION_TERMS.get(dim)
        if dim == "kind" and indicator.rule is not None:
            terms = _KIND_TERMS.get(indicator.rule.collection)
        if terms is not None:
            if not any(_matches(m, code) for m in terms):
                raise FieldError(f"bindings[{index}].breakdown.{dim}", code, "expected one of "
                                 + ", ".join(m.code for m in terms))
        elif dim == "unit":
            if not scope.registry.exists(code, scope.on):
                raise FieldError(f"bindings[{index}].breakdown.unit", code, "expected a unit code")
        elif dim in SPLITS:
            Period.parse(code)
        else:
            raise FieldError(f"bindings[{index}].breakdown", dim, "expected a known dimension")
    empty: int | Rate = Rate(0, 0) if indicator.kind == "rate" else 0
    return Result(indicator, empty, by=result.by)


def _matches(item: Any, code: str) -> bool:
    if isinstance(item, Term):
        return code in (item.code, item.label, *item.aliases)
    return code == str(item)


def _cell(results: Sequence[Result], binding: Binding, scope: Scope, index: int) -> Result:
    if not binding.breakdown:
        return results[0]
    dims = tuple(d for d, _ in binding.breakdown)
    result = next(r for r in results if r.by == dims)
    codes = [c for _, c in binding.breakdown]
    for key, cell in result.parts.items():
        items = key if isinstance(key, tuple) else (key,)
        if all(_matches(item, code) for item, code in zip(items, codes, strict=True)):
            return cell
    return _zero_cell(result, binding, scope, index)


def _compute(dataset: Dataset, bindings: Sequence[Binding], scope: Scope, period: Period,
             ) -> dict[str, list[Result]]:
    by: dict[str, list[tuple[str, ...]]] = {}
    for index, binding in enumerate(bindings):
        try:
            indicator = get(binding.indicator)
        except Exception as error:
            raise FieldError(f"bindings[{index}].indicator", binding.indicator,
                             "expected an indicator of the catalogue") from error
        dims = by.setdefault(binding.indicator, [])
        wanted = tuple(d for d, _ in binding.breakdown)
        for dim in wanted:
            if dim not in indicator.dimensions:
                raise FieldError(f"bindings[{index}].breakdown", dim, "expected one of "
                                 + ", ".join(indicator.dimensions))
        if wanted and wanted not in dims:
            dims.append(wanted)
    try:
        return evaluate(dataset, [get(i) for i in by], scope, period, by)
    except FieldError as error:
        raise error.at("bindings") from None


def _roundings(rounding: Rounding | Iterable[Rounding] | None) -> tuple[Rounding, ...]:
    if rounding is None:
        return tuple(Rounding)
    chosen = (rounding,) if isinstance(rounding, Rounding) else tuple(rounding)
    if not chosen or not all(isinstance(r, Rounding) for r in chosen):
        raise FieldError("rounding", rounding, "expected a Rounding, several, or None for any")
    return chosen


def reconcile(text: str, dataset: Dataset, *, bindings: Iterable[Binding],
              scope: Scope | str | None = None, period: Period | str | None = None,
              rounding: Rounding | Iterable[Rounding] | None = None,
              ) -> tuple[Reconciliation, ...]:
    """One :class:`Reconciliation` per binding, in the order given.

    ``scope`` and ``period`` are read as by :func:`danvan.indicators.report`.
    ``rounding``: the roundings a printed percentage (or a figure printed with
    decimals or a scale word) may have used; ``None`` accepts any of them and
    says which ones print it.
    """
    if not isinstance(text, str):
        raise FieldError("text", text, "expected the text of a report")
    chosen = tuple(bindings) if not isinstance(bindings, Binding | str) else None
    if chosen is None or not all(isinstance(b, Binding) for b in chosen):
        raise FieldError("bindings", bindings, "expected an iterable of Binding")
    roundings = _roundings(rounding)
    the_scope, the_period = resolve(dataset, scope, period)
    computed = _compute(dataset, chosen, the_scope, the_period)
    claims = extract(text)
    sentences = sentence_bounds(text)
    out = []
    for index, binding in enumerate(chosen):
        cell = _cell(computed[binding.indicator], binding, the_scope, index)
        found, missing, why = _locate(binding, text, claims, sentences)
        if found is None:
            assert missing is not None
            out.append(Reconciliation(binding, missing, why, numerator_ids=cell.numerator_ids,
                                      denominator_ids=cell.denominator_ids))
            continue
        claim, figure = found
        try:
            verdict, explanation, shown, exact, difference, good = _judge(
                binding.cell, binding.measure, cell.value, figure.quantity, claim.reading.code,
                roundings)
        except FieldError as error:
            raise error.at(f"bindings[{index}]") from None
        unit = figure.quantity.unit
        if unit and unit != "%" and unit not in figure.text:
            shown = shown.removesuffix(f" {unit}")
        out.append(Reconciliation(
            binding, verdict, explanation, printed=figure.text, span=figure.span,
            quote=claim.quote, claim_key=claim.key, quantity=figure.quantity, computed=shown,
            exact=exact, difference=difference, roundings=good,
            numerator_ids=cell.numerator_ids, denominator_ids=cell.denominator_ids))
    return tuple(out)

