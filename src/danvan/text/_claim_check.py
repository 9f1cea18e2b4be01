"""The arithmetic behind :func:`danvan.text.claims.check`: exact, interval-aware, explained.

Every printed figure is an interval of values: a point for a plain figure, a
bound for one with a qualifier (``hơn 300`` is above 300). The value computed
from the operands is compared with the printed figure: ``holds`` when every
computed value agrees with it, ``fails`` when none does, ``unverifiable``
otherwise. Where that leaves a claim open, the assumed readings of
:mod:`danvan.text._claim_readings` (``gần X`` = 90–100% of X, ``khoảng X`` =
X ± 10%) are tried, and a verdict they settle names the reading it used.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from danvan.text._claim_model import Claim, Figure, Role
from danvan.text._claim_readings import QUALIFIER_READINGS, Readings, read_all
from danvan.values.numbers import (
    Interval,
    Qualifier,
    Quantity,
    Rounding,
    decimal_places,
    format_exact,
    format_number,
    preimage,
    round_fraction,
)

__all__ = ["judge"]

Result = tuple[str, str, tuple[str, ...]]
_HOLDS, _FAILS, _UNKNOWN = "holds", "fails", "unverifiable"


def _show(q: Quantity) -> str:
    """A figure as the report prints it, without a unit word: ``hơn 3,2 tỷ``, ``98,7%``."""
    return q.format(unit=False)


def _percent(value: Fraction) -> str:
    text = format_exact(value)
    return text[:-1] + "…%" if text.endswith("…") else text + "%"


def _slack(q: Quantity) -> Fraction:
    """Half a unit of the last printed decimal; 0 for a whole number (a scale word is no rounding)."""
    places = decimal_places(q.value)
    return Fraction(10**q.scale, 2 * 10**places) if places else Fraction(0)


def _compare(computed: Interval, printed: Quantity) -> str:
    if printed.qualifier is Qualifier.ABOUT:
        return _UNKNOWN
    return _compare_interval(computed, printed.bounds)


def _compare_interval(computed: Interval, printed: Interval) -> str:
    if computed.issubset(printed):
        return _HOLDS
    if computed.isdisjoint(printed):
        return _FAILS
    return _UNKNOWN


def judge(claim: Claim, readings: Readings = QUALIFIER_READINGS) -> Result:
    """``(verdict, explanation, rounding codes)`` for one claim; ``readings`` are the assumed
    qualifier readings tried where the bounds leave it open (empty: none)."""
    kind = claim.kind.code
    if kind == "parts":
        return _parts(claim, readings)
    if kind == "ratio":
        return _ratio(claim, readings)
    if kind == "change":
        return _change(claim)
    return (_UNKNOWN, "a single figure: nothing to check within the text; reconcile it with "
            "records", ())


def _parts(claim: Claim, readings: Readings) -> Result:

    totals = claim.role(Role.TOTAL)
    # Shares of one whole with no total printed: they add up to 100%.
    total = totals[0] if totals else Figure(Role.TOTAL, Quantity(Decimal(100), "%"), (0, 0),
                                            "100%")
    alternative = claim.role(Role.ALTERNATIVE_TOTAL)
    parts = claim.role(Role.PART)
    reading = claim.reading.code
    sum_bounds = parts[0].quantity.bounds
    for part in parts[1:]:
        sum_bounds = sum_bounds + part.quantity.bounds
    scale = total.quantity.scale
    shown = " + ".join(_show(p.quantity) for p in parts)
    if sum_bounds.is_point and sum_bounds.low is not None:
        if total.quantity.bounds == sum_bounds and total.quantity.qualifier is Qualifier.EXACT:
            shown += " = " + _show(total.quantity)
        else:
            shown += " = " + format_exact(sum_bounds.low, scale=scale)
    if reading == "subset":
        return _subset(parts[0].quantity, total.quantity)
    state = _compare(sum_bounds, total.quantity)
    # Left open by the bounds: the assumed qualifier readings may settle it.
    read = (_parts_read(parts, total.quantity, reading, shown, readings)
            if state == _UNKNOWN and reading != "other_unit" else None)
    if read is not None and read[0] == _HOLDS:
        return read
    if reading == "other_unit" and state != _HOLDS:
        return (_UNKNOWN, f"{shown} ≠ {_show(total.quantity)}: the parts count another unit "
                "than the total, so they need not add up to it", ())
    if reading == "implied_base" and state != _HOLDS:
        return (_UNKNOWN, f"{shown} ≠ {_show(total.quantity)}: the total is a figure printed "
                "earlier (the base of a rate, or a sentence before), not with the parts", ())
    if state == _HOLDS:
        if sum_bounds.is_point and total.quantity.qualifier is Qualifier.EXACT:
            return _HOLDS, shown, ()
        return _HOLDS, f"{shown}, within {_show(total.quantity)}", ()
    for other in alternative:
        if _compare(sum_bounds, other.quantity) == _HOLDS:
            return (_HOLDS, f"{shown}: the total of the list before it, a second breakdown "
                    f"of {_show(other.quantity)}", ())
    if state == _FAILS:
        slack = sum((_slack(p.quantity) for p in parts), _slack(total.quantity))
        if slack and not sum_bounds.widen(slack).isdisjoint(total.quantity.bounds):
            return (_UNKNOWN, f"{shown} ≈ {_show(total.quantity)}: equal only within the "
                    "rounding of the printed decimals", ())
        mismatch = f"{shown} ≠ {_show(total.quantity)}"
        if alternative:
            mismatch += " (nor " + ", ".join(_show(o.quantity) for o in alternative) + ")"
        if reading == "partition":
            return _FAILS, mismatch, ()
        biggest = max(parts, key=lambda p: p.quantity.base_value)
        if biggest.quantity.bounds.isdisjoint(Interval(None, total.quantity.bounds.high, False,
                                                       total.quantity.bounds.high_closed)):
            return (_FAILS, f"a part exceeds its total: {_show(biggest.quantity)} > "
                    f"{_show(total.quantity)}", ())
        return (_UNKNOWN, f"{mismatch}, but the list may name only some of the total "
                "(nothing in the text says it is complete)", ())
    if read is not None:
        return read
    return _UNKNOWN, "a qualifier (hơn, gần, khoảng …) makes the figures bounds; " \
        "they agree for some values only", ()


def _parts_read(parts: list[Figure] | tuple[Figure, ...], total: Quantity, reading: str,
                shown: str, readings: Readings) -> Result | None:
    """Parts and total left open by their bounds, under the assumed qualifier readings."""
    if not readings:
        return None
    lower = (Qualifier.MORE_THAN, Qualifier.AT_LEAST)
    if total.qualifier is Qualifier.EXACT and all(p.quantity.qualifier in lower for p in parts):
        floor = sum((p.quantity.base_value for p in parts), Fraction(0))
        if floor < total.base_value:
            return (_HOLDS, f"{shown} < {_show(total)}: the lower bounds of the parts add up to "
                    "less than the total (under the reading: parts printed 'trên/hơn X' under "
                    "an exact total agree with it)", ())
        return None
    bounds, used = read_all(readings, *(p.quantity for p in parts), total)
    if not used:
        return None
    sum_read = bounds[0]
    for b in bounds[1:-1]:
        sum_read = sum_read + b
    state = _compare_interval(sum_read, bounds[-1])
    if state == _HOLDS:
        return _HOLDS, f"{shown}, within {_show(total)} (under the reading {used})", ()
    if state == _UNKNOWN and any(p.quantity.qualifier in lower for p in parts):
        # Parts printed 'hơn/trên X' taken at X, as the corpus rules read them.
        face = Interval.point(Fraction(0))
        for b, p in zip(bounds, parts, strict=False):
            face = face + (Interval.point(p.quantity.base_value)
                           if p.quantity.qualifier in lower else b)
        if _compare_interval(face, bounds[-1]) == _HOLDS:
            return (_HOLDS, f"{shown}, within {_show(total)} (under the readings {used}; "
                    "parts printed 'hơn/trên X' taken at X)", ())
    if state == _FAILS and reading == "partition":
        return _FAILS, f"{shown} ≠ {_show(total)} (under the reading {used})", ()
    return None


def _subset(part: Quantity, total: Quantity) -> Result:
    """A single part after "trong đó": it cannot exceed its total."""
    within = Interval(Fraction(0), part.bounds.high, True, part.bounds.high_closed)
    state = _compare(within, _upper(total))
    if state == _HOLDS:
        return _HOLDS, f"{_show(part)} ≤ {_show(total)}: one part of the total", ()
    low, high = part.bounds.low, total.bounds.high
    if low is not None and high is not None and low > high:
        return _FAILS, f"a part exceeds its total: {_show(part)} > {_show(total)}", ()
    return _UNKNOWN, "a qualifier makes the part or the total a bound", ()


def _upper(q: Quantity) -> Quantity:
    """A printed total seen as an upper bound for one of its parts."""
    return Quantity(q.value, q.unit, Qualifier.AT_MOST if q.qualifier is Qualifier.EXACT
                    else q.qualifier, scale=q.scale)


def _rate(computed: Interval, printed: Quantity, shown: str) -> Result:
    """Compare a computed percentage with a printed one under each rounding."""
    exact = computed.low if computed.is_point else None
    value_text = f"{shown} = {_percent(exact)}" if exact is not None else shown
    if printed.qualifier is not Qualifier.EXACT:
        state = _compare(computed, printed)
        return state, f"{value_text}, printed {_show(printed)}", ()
    good = [r for r in Rounding if computed.issubset(preimage(printed.value, r))]
    if good:
        names = ", ".join(r.code for r in good)
        return _HOLDS, f"{value_text} → {_show(printed)} ({names})", tuple(r.code for r in good)
    if all(computed.isdisjoint(preimage(printed.value, r)) for r in Rounding):
        if exact is not None:
            places = decimal_places(printed.value)
            printed_as = ", ".join(
                f"{r.code} {format_number(round_fraction(exact, places, r))}%" for r in Rounding)
            return _FAILS, f"{value_text}, printed {_show(printed)}; {printed_as}", ()
        return _FAILS, f"{value_text} cannot print as {_show(printed)} under any rounding", ()
    return _UNKNOWN, f"{value_text}: a qualifier leaves the rounding undecided", ()


def _ratio(claim: Claim, readings: Readings) -> Result:

    numerator = claim.role(Role.NUMERATOR)
    denominator = claim.role(Role.DENOMINATOR)
    percent = claim.role(Role.PERCENT)
    if claim.reading.code == "mean_of_rates":
        return (_UNKNOWN, "a mean of rates (bình quân, trung bình), not the pooled fraction: "
                "the rates averaged are not printed", ())
    if claim.reading.code == "current_over_previous":
        current, previous = claim.role(Role.CURRENT), claim.role(Role.PREVIOUS)
        if not current or not previous or not percent:
            return (_UNKNOWN, "current ÷ previous (bằng … so với): the previous value is not "
                    "printed", ())
        cur, prev = current[0].quantity, previous[0].quantity
        if prev.bounds.high is not None and prev.bounds.high == 0:
            return _UNKNOWN, "the previous value is 0", ()
        return _rate((cur.bounds / prev.bounds).scale(Fraction(100)), percent[0].quantity,
                     f"{_show(cur)}/{_show(prev)}")
    if not numerator or not denominator:
        return (_UNKNOWN, "a percentage with no numerator and denominator printed; reconcile it "
                "with records", ())
    num, den = numerator[0].quantity, denominator[0].quantity
    shown = f"{_show(num)}/{_show(den)}"
    if not percent:
        bare = _bare(num, den, shown)
        if claim.reading.code == "implied_base" and bare[0] != _HOLDS:
            return (_UNKNOWN, f"{bare[1]}: the base is inferred from the text, not printed "
                    "as one", ())
        return bare
    if den.bounds.high is not None and den.bounds.high == 0:
        return _UNKNOWN, f"{shown}: the denominator is 0", ()
    computed = (num.bounds / den.bounds).scale(Fraction(100))
    result = _rate(computed, percent[0].quantity, shown)
    if result[0] == _UNKNOWN:
        result = _rate_read(num, den, percent[0].quantity, shown, readings) or result
    excluded = claim.role(Role.EXCLUDED)
    if result[0] != _HOLDS and excluded:
        pending = excluded[0].quantity
        less = _rate((num.bounds / (den.bounds - pending.bounds)).scale(Fraction(100)),
                     percent[0].quantity, f"{_show(num)}/({_show(den)} - {_show(pending)})")
        if less[0] == _HOLDS:
            return (_HOLDS, f"{less[1]}: the base leaves out the {_show(pending)} still pending, "
                    f"printed after the rate (on the printed base: {result[1]})", less[2])
    if claim.reading.code == "implied_base" and result[0] != _HOLDS:
        return (_UNKNOWN, f"{result[1]}: the base is not printed with the rate, and the "
                f"nearest earlier figure ({_show(den)}) does not give it", ())
    if claim.reading.code == "implied_base":
        return (_HOLDS, f"{result[1]}; the base is the nearest earlier figure", result[2])
    return result


def _bare(num: Quantity, den: Quantity, shown: str) -> Result:
    """``X/Y`` with no percentage: X of Y done, so X cannot exceed Y."""
    state = _compare(Interval(Fraction(0), num.bounds.high, True, num.bounds.high_closed),
                     _upper(den))
    if state == _HOLDS:
        return _HOLDS, f"{shown}: {_show(num)} ≤ {_show(den)}", ()
    low, high = num.bounds.low, den.bounds.high
    if low is not None and high is not None and low > high:
        return _FAILS, f"{shown}: the part exceeds its base, {_show(num)} > {_show(den)}", ()
    return _UNKNOWN, f"{shown}: a qualifier makes the figures bounds", ()


def _change(claim: Claim) -> Result:

    delta = claim.role(Role.DELTA)[0].quantity
    decrease = claim.reading.code == "decrease"
    sign = "-" if decrease else "+"
    checks: list[Result] = []
    pairs = [(Role.FROM, Role.TO), (Role.BEFORE, Role.AFTER)]
    for first, second in pairs:
        a, b = claim.role(first), claim.role(second)
        if len(a) == 1 and len(b) == 1 and delta.unit != "%":
            x, y = a[0].quantity, b[0].quantity
            diff = x.bounds - y.bounds if decrease else y.bounds - x.bounds
            state = _compare(diff, delta)
            verb = "≠" if state == _FAILS else "="
            left = f"{_show(x)} - {_show(y)}" if decrease else f"{_show(y)} - {_show(x)}"
            checks.append((state, f"{left} {verb} {_show(delta)}", ()))
    percent = claim.role(Role.PERCENT)
    base = _base(claim, delta, decrease)
    if percent and base is not None:
        computed, text = base
        checks.append(_rate((delta.bounds / computed).scale(Fraction(100)), percent[0].quantity,
                            f"{_show(delta)}/{text}"))
    current, previous = claim.role(Role.CURRENT), claim.role(Role.PREVIOUS)
    if delta.unit == "%" and current and previous:
        cur, prev = current[0].quantity.bounds, previous[0].quantity.bounds
        diff = prev - cur if decrease else cur - prev
        shown = (f"({_show(previous[0].quantity)} {sign} {_show(current[0].quantity)})"
                 f"/{_show(previous[0].quantity)}")
        checks.append(_rate((diff / prev).scale(Fraction(100)), delta, shown))
    if not checks:
        if delta.unit == "%":
            return (_UNKNOWN, "a change printed in per cent with no base: percentage points, or a "
                    "previous value the text does not give", ())
        if percent:
            return _UNKNOWN, "the base of the rate (the value before the change) is not printed", ()
        return _UNKNOWN, "a change with no rate and no base printed: nothing to compute", ()
    failed = [c for c in checks if c[0] == _FAILS]
    if failed:
        return _FAILS, "; ".join(c[1] for c in failed), ()
    text = "; ".join(c[1] for c in checks)
    roundings = tuple(r for c in checks for r in c[2])
    if all(c[0] == _HOLDS for c in checks):
        return _HOLDS, text, roundings
    return _UNKNOWN, text, roundings


def _base(claim: Claim, delta: Quantity, decrease: bool) -> tuple[Interval, str] | None:
    """The value before the change: printed (``từ A``) or after ± delta (``còn M``)."""

    before = claim.role(Role.BEFORE)
    if before:
        return before[0].quantity.bounds, _show(before[0].quantity)
    after = claim.role(Role.AFTER)
    if not after or delta.unit == "%":
        return None
    total = after[0].quantity.bounds
    for figure in after[1:]:
        total = total + figure.quantity.bounds
    listed = " + ".join(_show(f.quantity) for f in after)
    if decrease:
        return total + delta.bounds, f"({listed} + {_show(delta)})"
    return total - delta.bounds, f"({listed} - {_show(delta)})"


def _rate_read(num: Quantity, den: Quantity, printed: Quantity, shown: str,
               readings: Readings) -> Result | None:
    """A rate left open by the bounds of its figures, under the assumed qualifier readings."""
    (n, d, p), used = read_all(readings, num, den, printed)
    if not used or d.low is None or d.low == 0:
        return None
    computed = (n / d).scale(Fraction(100))
    estimates = all(q.qualifier is Qualifier.EXACT or q.qualifier in readings
                    for q in (num, den))
    if printed.qualifier is Qualifier.EXACT:
        if den.base_value and estimates:
            # A rate printed beside estimates is read as the rate of the printed estimates.
            face = Interval.point(num.base_value / den.base_value * 100)
            good = [r for r in Rounding if face.issubset(preimage(printed.value, r))]
            if good:
                return (_HOLDS, f"{shown} = {_percent(num.base_value / den.base_value * 100)} "
                        f"→ {_show(printed)} ({', '.join(r.code for r in good)}; under the "
                        "reading that a rate printed beside estimates is the rate of the "
                        "printed figures)", tuple(r.code for r in good))
        # A printed rate is rounded: compared under each rounding, never as a point.
        state, explanation, roundings = _rate(computed, printed, shown)
        if state == _UNKNOWN:
            return None
        return state, f"{explanation} (under the reading {used})", roundings
    state = _compare_interval(computed, p)
    if state == _UNKNOWN:
        return None
    return state, f"{shown}, printed {_show(printed)} (under the reading {used})", ()
