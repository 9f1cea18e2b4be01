"""The bundled datasets as office exports (examples/exports/) reproduce the seed figures."""

from __future__ import annotations

import html
from functools import cache
from pathlib import Path

import pytest

from danvan.indicators import Report, report
from danvan.records.dataset import Dataset
from danvan.records.serialization import loads
from danvan.tables import Imported, read
from danvan.values import Rate
from danvan.values.numbers import format_number

ROOT = Path(__file__).parents[2] / "examples"
EXPORTS = ROOT / "exports"


@cache
def _imported(name: str) -> Imported:
    if name.startswith("an_bien"):
        pytest.importorskip("openpyxl")
        return read([EXPORTS / f"{name}.xlsx"], EXPORTS / f"{name}.toml")
    return read([EXPORTS / name], EXPORTS / name / f"{name}.toml")


def _report(name: str, unit: str, period: str) -> Report:
    return report(_imported(name).dataset, unit, period)


@pytest.mark.parametrize("name", ["an_bien_2018", "dien_bien_2022", "tam_nong_2016_2021",
                                  "tuyen_hoa_2018"])
def test_exports_read_back_to_the_datasets(name: str) -> None:
    """Each export, read through its mapping, is exactly the JSON dataset it was made from."""
    expected = loads((ROOT / "data" / f"{name}.json").read_text(encoding="utf-8"), Dataset)
    assert _imported(name).dataset == expected


def test_tam_nong_resolution_rate_from_csv() -> None:
    """'đã giải quyết 2.453/2.484 đơn, đạt 98,7%' from the flat petitions CSV with a status column."""
    r = _report("tam_nong_2016_2021", "236", "2016-07-01..2021-07-01")
    rate = r["petitions.resolution_rate"].value
    assert isinstance(rate, Rate)
    assert (rate.format_ratio(), rate.format()) == ("2.453/2.484", "98,7%")


def test_tam_nong_dialogues_and_models_from_csv() -> None:
    """'199 hội nghị' (a ';' CSV with a BOM) and '151 mô hình, điển hình'."""
    r = _report("tam_nong_2016_2021", "236", "2016-07-01..2021-07-01")
    assert format_number(r["dialogues.held"].value) == "199"  # type: ignore[arg-type]
    assert format_number(r["models.recognised"].value) == "151"  # type: ignore[arg-type]


def test_tam_nong_defaults_are_named() -> None:
    """The defaults the mapping states are reported; the mapped channel is not."""
    notes = _imported("tam_nong_2016_2021").notes
    assert any(n.startswith("petitions.complexity: 'ordinary'") for n in notes)
    assert not any(n.startswith("petitions.channel") for n in notes)


def test_dien_bien_plan_coverage_from_csv() -> None:
    """'10/10 huyện, thị, thành phố ban hành kế hoạch'."""
    coverage = _report("dien_bien_2022", "11", "2022")["directives.coverage"].value
    assert isinstance(coverage, Rate)
    assert coverage.format_ratio() == "10/10"


def test_an_bien_mediation_from_xlsx() -> None:
    """'đưa ra hòa giải 72/77 đạt 93,5%' from the workbook."""
    rate = _report("an_bien_2018", "908", "2018")["mediation.mediated_rate"].value
    assert isinstance(rate, Rate)
    assert (rate.format_ratio(), rate.format()) == ("72/77", "93,5%")


def test_a_report_names_the_defaults_its_mapping_supplied() -> None:
    """danvan.report of what tables.read gave keeps the mapping's defaults as the report's notes."""
    import json

    import danvan
    from danvan.tables import read

    folder = Path(__file__).parents[2] / "examples" / "exports" / "tam_nong_2016_2021"
    imported = read([folder], folder / "tam_nong_2016_2021.toml")
    assert imported.notes
    rep = danvan.report(imported, scope="236", period="2016-07-01..2021-07-01")
    assert rep.notes == imported.notes
    assert rep["petitions.resolution_rate"].value == danvan.Rate(2453, 2484)
    assert all(note in str(rep) for note in rep.notes)
    assert json.loads(danvan.dumps(rep))["notes"] == list(imported.notes)
    assert all(html.escape(note) in rep._repr_html_() for note in rep.notes)
