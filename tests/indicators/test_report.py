"""Reports: defaults, text table, rows, HTML, and the optional pandas conversion."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest

from danvan.errors import FieldError, PeriodError, UnknownUnitError
from danvan.indicators import Report, report, resolve
from danvan.indicators.scope import Scope
from danvan.records.dataset import Dataset
from danvan.records.petitions import Petition, PetitionEvent
from danvan.records.units import Succession, Unit
from danvan.records.vocabulary import EventKind, PetitionKind, UnitLevel
from danvan.values.periods import Period

D = dt.date
UNITS = (
    Unit("H", "Huyện <Tam> & Nông", UnitLevel.DISTRICT),
    Unit("X1", "Xã 1", UnitLevel.COMMUNE, parent="H"),
    Unit("X2", "Xã 2", UnitLevel.COMMUNE, parent="H"),
)


def _data() -> Dataset:
    done = (PetitionEvent(EventKind.ACCEPTED, D(2021, 3, 2)),
            PetitionEvent(EventKind.RESOLVED, D(2021, 3, 20)))
    petitions = tuple(
        Petition(f"P{i}", kind, D(2021, 3, 1), unit, events=done if i % 2 else ())
        for i, (kind, unit) in enumerate([(PetitionKind.COMPLAINT, "H")] * 3
                                         + [(PetitionKind.OTHER, "X1")] * 2500))
    return Dataset(units=UNITS, petitions=petitions)


def test_defaults_are_the_top_unit_and_the_span_of_records() -> None:
    """Without scope and period, the single top unit and the span of the records are used."""
    scope, period = resolve(_data())
    assert scope.root == "H"
    assert period == Period(D(2021, 3, 1), D(2021, 3, 21))
    assert scope.on == D(2021, 3, 20)
    given = Scope(_data().registry, "X1", D(2021, 6, 1))
    assert resolve(_data(), given, "2021") == (given, Period.year(2021))


def test_default_unit_is_the_top_unit_on_the_last_day() -> None:
    """Provinces merged during the period: the default unit is the one on the period's last day."""
    merger = D(2025, 7, 1)
    units = (Unit("P1", "Tỉnh 1", UnitLevel.PROVINCE, valid_to=merger),
             Unit("P2", "Tỉnh 2", UnitLevel.PROVINCE, valid_to=merger),
             Unit("P", "Tỉnh P", UnitLevel.PROVINCE, valid_from=merger))
    data = Dataset(units=units, successions=(Succession(merger, ("P1", "P2"), ("P",)),),
                   petitions=(Petition("A", PetitionKind.OTHER, D(2025, 3, 1), "P1"),
                              Petition("B", PetitionKind.OTHER, D(2025, 9, 1), "P")))
    result = report(data, period="2025")
    assert result.scope.root == "P"
    assert result["petitions.received"].value == 2
    with pytest.raises(FieldError, match="several top units"):
        resolve(data, period="2025-H1")


def test_bad_scope_and_period_are_danvan_errors() -> None:
    """Several top units, unknown units and bad periods raise errors naming the problem."""
    two = Dataset(units=(*UNITS, Unit("G", "Huyện G", UnitLevel.DISTRICT)))
    with pytest.raises(FieldError, match="several top units"):
        report(two, period="2021")
    with pytest.raises(UnknownUnitError):
        report(_data(), "NOPE")
    with pytest.raises(PeriodError):
        report(_data(), "H", "2021-H3")
    with pytest.raises(FieldError):
        report(_data(), 42, "2021")  # type: ignore[arg-type]
    with pytest.raises(FieldError):
        report(_data(), "H", 2021)  # type: ignore[arg-type]
    with pytest.raises(FieldError):
        report("data.json")  # type: ignore[arg-type]
    with pytest.raises(PeriodError):
        report(Dataset(units=UNITS))


def test_text_table_is_vietnamese() -> None:
    """str() prints a title and one line per figure, with Vietnamese number formatting."""
    text = str(report(_data(), "H", "2021"))
    lines = text.splitlines()
    assert lines[0] == "Báo cáo: Huyện <Tam> & Nông (H), năm 2021"
    assert lines[1].split() == ["id", "chỉ", "tiêu", "giá", "trị"]
    assert any(line.startswith("petitions.received ") and line.endswith(" 2.503")
               for line in lines)
    assert any("· khiếu nại" in line and line.endswith(" 3") for line in lines)
    assert any(line.endswith("1.251/2.503 (49,9%)") for line in lines)
    assert "dialogues" not in text  # no dialogue records, so no dialogue rows


def test_rows_are_plain_dicts() -> None:
    """rows() gives one dict per line with text values and plain numbers."""
    rows = report(_data(), "H", "2021").rows()
    first = rows[0]
    assert first == {"id": "petitions.received", "name": "Số đơn thư tiếp nhận",
                     "name_en": "Petitions received", "breakdown": "", "value": "2.503",
                     "numerator": 2503, "denominator": None}
    assert {"id": "petitions.received", "breakdown": "khác", "value": "2.500"}.items() <= (
        rows[2].items())
    rate = next(r for r in rows if r["id"] == "petitions.resolution_rate")
    assert (rate["numerator"], rate["denominator"]) == (1251, 2503)
    english = report(_data(), "H", "2021").rows(style="en")
    assert english[0]["value"] == "2,503"


def test_html_is_escaped() -> None:
    """The notebook HTML escapes unit names and values."""
    page = report(_data(), "H", "2021")._repr_html_()
    assert page.startswith("<table>")
    assert "Huyện &lt;Tam&gt; &amp; Nông" in page
    assert "<Tam>" not in page


def test_report_object_interface() -> None:
    """A Report looks up totals by id, iterates its results and has a short repr."""
    result = report(_data(), "H", "2021", indicators=["petitions.received"], details=False)
    assert isinstance(result, Report)
    assert len(result) == 1
    assert [r.id for r in result] == ["petitions.received"]
    assert result["petitions.received"].value == 2503
    with pytest.raises(KeyError):
        result["petitions.resolution_rate"]
    assert repr(result) == "<Report Huyện <Tam> & Nông (H), năm 2021: 1 results>"


def test_to_pandas_without_pandas_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without pandas, to_pandas() raises ImportError naming the extra to install."""
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r"danvan\[pandas\]"):
        report(_data(), "H", "2021").to_pandas()


def test_importing_danvan_does_not_import_pandas() -> None:
    """import danvan and danvan.indicators never import pandas."""
    code = ("import sys, danvan, danvan.indicators, danvan.cli._report; "
            "print('pandas' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_to_pandas_with_real_pandas() -> None:
    """With the pandas extra installed, to_pandas() gives one frame row per table row, typed."""
    pandas = pytest.importorskip("pandas")
    rep = report(_data(), "H", "2021")
    frame = rep.to_pandas()
    assert isinstance(frame, pandas.DataFrame)
    assert len(frame) == len(rep.to_table())
    assert list(frame.columns) == list(rep.to_table().columns)
    assert str(frame["denominator"].dtype) == "Int64"
    assert str(frame["value_float"].dtype) == "Float64"
