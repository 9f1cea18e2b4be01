"""Tests for danvan.text.prose: the report's figures written as prose the checker reads back."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings

from danvan.errors import FieldError
from danvan.indicators.reporting import report
from danvan.records.dataset import Dataset
from danvan.testing import datasets
from danvan.text import write
from danvan.text.claims import check
from danvan.values.numbers import parse_number

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def _written_numbers(text: str) -> list[Decimal]:
    """Every number of the prose (both members of X/Y, the percentage's figure)."""
    found = []
    for match in _NUMBER.finditer(text):
        value = parse_number(match.group())
        assert isinstance(value, Decimal)
        found.append(value)
    return sorted(found)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(datasets())
def test_written_report_checks_back(dataset: Dataset) -> None:
    """For any dataset, check(write(report)) finds every figure written, and every relation
    holds (a lone count has nothing to hold against)."""
    text = write(report(dataset, period="2000-01-01..2035-12-31"))
    findings = check(text)
    assert all(f.verdict.code == "holds" for f in findings
               if f.claim.kind.code not in ("count", "money")), [
        (f.claim.quote, f.explanation) for f in findings if f.verdict.code != "holds"]
    found = sorted({(f.span, f.quantity.value) for finding in findings
                    for f in finding.claim.figures})
    assert sorted(value for _, value in found) == _written_numbers(text)


def test_writes_breakdowns_and_rates_as_reports_do() -> None:
    """A total is followed by its parts after 'trong đó:', a rate as 'X/Y …, đạt Z%'."""
    import danvan

    petitions = ", ".join(
        f'{{"id": "P{i}", "kind": "{"complaint" if i % 2 else "denunciation"}", '
        f'"received_on": "2024-02-0{i + 1}", "unit": "X"}}' for i in range(7))
    data = danvan.loads('{"units": [{"code": "X", "name": "Xã A", "level": "commune"}], '
                        f'"petitions": [{petitions}]}}', danvan.Dataset)
    text = write(report(data, scope="X", period="2024"))
    assert text.startswith("Tiếp nhận 7 đơn, trong đó: khiếu nại 3 đơn; tố cáo 4 đơn.")
    assert "0/7 đơn thuộc thẩm quyền, đạt 0,0%" in text


def test_refuses_what_is_not_a_report() -> None:
    """write() takes a Report and names the argument otherwise."""
    with pytest.raises(FieldError, match="report"):
        write("Tiếp nhận 5 đơn")  # type: ignore[arg-type]


def test_written_percentages_use_the_reports_rounding() -> None:
    """write() truncates as the report's table does (98,7%), or uses the rounding asked for."""
    import danvan
    from danvan.text import write
    from danvan.values.numbers import Rounding

    rep = danvan.report(danvan.examples.load("tam_nong"), scope="236",
                        period="2016-07-01..2021-07-01")
    assert "2.453/2.484 đơn thuộc thẩm quyền, đạt 98,7%" in write(rep)
    assert "2.453/2.484 đơn thuộc thẩm quyền, đạt 98,8%" in write(rep, Rounding.HALF_UP)
