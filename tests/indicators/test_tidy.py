"""Tidy results: to_table rows, CSV/Arrow/Parquet round trips, pandas and polars types, SDMX-CSV, JSON."""

from __future__ import annotations

import datetime as dt
import io
import json
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

import danvan
from danvan.errors import FieldError
from danvan.indicators import Report, Result, compute, report
from danvan.indicators.tidy import COLUMN_TYPES, Table
from danvan.records.dataset import Dataset
from danvan.records.serialization import loads
from danvan.testing import datasets
from danvan.values.exact import Change, Rate, Summary

DATA = Path(__file__).parents[2] / "examples" / "data"


@cache
def _seed(name: str, unit: str, period: str) -> Report:
    return report(loads((DATA / name).read_text(encoding="utf-8"), Dataset), unit, period)


def tam_nong() -> Report:
    """Seed 000: huyện Tam Nông, five years from 1 July 2016."""
    return _seed("tam_nong_2016_2021.json", "236", "2016-07-01..2021-07-01")


def _total(table: Table, indicator: str) -> dict[str, object]:
    return next(r for r in table if r["indicator"] == indicator and r["breakdown"] is None
                and r["rank"] is None)


def _expected(result: Result) -> tuple[int | None, int | None]:
    value = result.value
    if isinstance(value, Rate):
        return value.numerator, value.denominator
    if isinstance(value, Change):
        return value.after, value.before
    if isinstance(value, int):
        return value, None
    return None, None


@settings(max_examples=15, deadline=None)
@given(datasets(max_records=5))
def test_rows_reproduce_every_result_exactly(data: Dataset) -> None:
    """Each result and each cell of its breakdowns is one row holding its exact numbers,
    every cell of its column's type; the table reads back equal from CSV."""
    try:
        rep = report(data)
    except danvan.DanvanError:
        return  # no single top unit or no dated record: nothing to report
    table = rep.to_table()
    rows = table.records()
    for result in rep:
        cells = [(None, result)] if not result.by else [(k, p) for k, p in result.parts.items()]
        mine = [r for r in rows if r["indicator"] == result.id and r["rank"] is None
                and r["breakdown"] == (",".join(result.by) or None)]
        assert len(mine) == (len(cells) if result.by else 1)
        for row, (_, cell) in zip(mine, cells, strict=False):
            assert (row["numerator"], row["denominator"]) == _expected(cell)
            value = cell.value
            if isinstance(value, Rate) and value.defined:
                assert row["value"] == f"{value.numerator}/{value.denominator}"
                assert row["value_float"] == float(value.numerator) / value.denominator or (
                    row["value_float"] == float(value.value or 0))
            if isinstance(value, Summary):
                assert (row["count"], row["max"]) == (value.count, value.maximum)
    for name in table.columns:
        kind = table.type_of(name)
        python = {"int": int, "float": float, "date": dt.date, "string": str}[kind]
        assert all(v is None or (isinstance(v, python) and not isinstance(v, bool))
                   for v in table.column(name)), name
    text = table.to_csv()
    assert isinstance(text, str)
    assert Table.read_csv(io.StringIO(text, newline="")) == table


def test_seed_figures_through_to_table() -> None:
    """The seed reports' figures come out of to_table as numbers: 2453/2484, 199, 151, 10/10, 72/77."""
    table = tam_nong().to_table()
    rate = _total(table, "petitions.resolution_rate")
    assert (rate["numerator"], rate["denominator"], rate["value"]) == (2453, 2484, "2453/2484")
    assert rate["text"] == "2.453/2.484 (98,7%)"
    assert (rate["rounding"], rate["places"]) == ("truncate", 1)
    assert (rate["unit_code"], rate["unit_name"], rate["unit_level"]) == ("236", "Huyện Tam Nông",
                                                                          "district")
    assert (rate["period_start"], rate["period_end"]) == (dt.date(2016, 7, 1), dt.date(2021, 7, 1))
    assert _total(table, "dialogues.held")["numerator"] == 199
    assert _total(table, "models.recognised")["numerator"] == 151
    kinds = {r["kind"]: (r["kind_label"], r["numerator"]) for r in table
             if r["indicator"] == "petitions.received" and r["breakdown"] == "kind"}
    assert kinds == {"complaint": ("khiếu nại", 21), "denunciation": ("tố cáo", 36),
                     "other": ("kiến nghị, phản ánh", 2531)} or sum(n for _, n in kinds.values()) == 2588
    coverage = _total(_seed("dien_bien_2022.json", "11", "2022").to_table(), "directives.coverage")
    assert (coverage["numerator"], coverage["denominator"]) == (10, 10)
    mediated = _total(_seed("an_bien_2018.json", "908", "2018").to_table(), "mediation.mediated_rate")
    assert (mediated["numerator"], mediated["denominator"], mediated["text"]) == (72, 77, "72/77 (93,5%)")


def test_durations_and_ranking_rows() -> None:
    """Durations give count, median, P90, mean and max; a ranking one row per record after its count."""
    table = tam_nong().to_table()
    days = _total(table, "petitions.processing_days")
    result = tam_nong()["petitions.processing_days"].value
    assert isinstance(result, Summary)
    assert (days["count"], days["p90"], days["max"]) == (result.count, result.percentile(90),
                                                         result.maximum)
    assert days["median"] == float(result.median or 0)
    assert days["mean"] == float(result.mean or 0)
    listed = [r for r in table if r["indicator"] == "petitions.oldest_pending"]
    assert listed[0]["count"] == len(listed) - 1 == 10
    assert [r["rank"] for r in listed[1:]] == list(range(1, 11))
    assert all(r["record"] and r["numerator"] for r in listed[1:])


def test_result_to_table_and_breakdown_labels() -> None:
    """Result.to_table gives its total then each cell, with the dimension's code and label."""
    data = tam_nong().dataset
    result = compute(data, "petitions.resolution_rate", scope="236", period="2016-07-01..2021-07-01",
                     by=("unit", "quarter"))
    table = result.to_table()
    assert table.columns[10:14] == ("unit", "unit_label", "quarter", "quarter_label")
    assert len(table) == 1 + len(result.parts)
    first = table.records()[1]
    assert first["breakdown"] == "unit,quarter"
    assert first["quarter"] == "2016-Q3"
    assert first["quarter_label"] == "quý III năm 2016"
    assert sum(r["numerator"] for r in table.records()[1:]) == 2453


def test_pandas_types() -> None:
    """to_pandas: nullable Int64 numbers (no float NaN), Float64 floats, datetime dates."""
    pandas = pytest.importorskip("pandas")
    frame = tam_nong().to_pandas()
    assert str(frame["numerator"].dtype) == "Int64"
    assert str(frame["denominator"].dtype) == "Int64"
    assert frame["denominator"].isna().any()
    row = frame[frame["indicator"] == "petitions.resolution_rate"].iloc[0]
    assert (row["numerator"], row["denominator"]) == (2453, 2484)
    assert pandas.api.types.is_datetime64_any_dtype(frame["period_start"])


def test_polars_types() -> None:
    """to_polars: Int64, Float64, Date and String columns."""
    polars = pytest.importorskip("polars")
    frame = tam_nong().to_polars()
    assert frame.schema["numerator"] == polars.Int64
    assert frame.schema["period_end"] == polars.Date
    rate = frame.filter(polars.col("indicator") == "petitions.resolution_rate").row(0, named=True)
    assert (rate["numerator"], rate["denominator"]) == (2453, 2484)


def test_arrow_and_parquet_round_trip(tmp_path: Path) -> None:
    """to_arrow keeps every cell; a Parquet file reads back the same rows."""
    pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    table = tam_nong().to_table()
    arrow = table.to_arrow()
    assert arrow.schema.field("numerator").type == "int64"
    assert arrow.to_pylist() == table.records()
    tam_nong().to_parquet(tmp_path / "r.parquet")
    assert pq.read_table(tmp_path / "r.parquet").to_pylist() == table.records()


def test_missing_extras_name_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without the library, each export raises ImportError naming its extra."""
    table = Table(("indicator",), (("a.b",),))
    for module, call, extra in (("pandas", table.to_pandas, "pandas"),
                                ("polars", table.to_polars, "polars"),
                                ("pyarrow", table.to_arrow, "arrow")):
        monkeypatch.setitem(sys.modules, module, None)
        with pytest.raises(ImportError, match=rf"danvan\[{extra}\]"):
            call()


def test_sdmx_layout() -> None:
    """SDMX-CSV: one observation a row; REF_AREA and TIME_PERIOD from unit and sub-period cells."""
    rep = tam_nong()
    sdmx = rep.to_sdmx()
    assert sdmx.columns[:6] == ("DATAFLOW", "REF_AREA", "TIME_PERIOD", "INDICATOR", "BREAKDOWN",
                                "STATISTIC")
    assert sdmx.columns[-4:] == ("OBS_VALUE", "UNIT_MEASURE", "UNIT_MULT", "OBS_STATUS")
    rate = next(r for r in sdmx if r["INDICATOR"] == "petitions.resolution_rate" and r["KIND"] == "_T")
    assert (rate["REF_AREA"], rate["TIME_PERIOD"]) == ("236", "2016-07-01/P1826D")
    assert rate["OBS_VALUE"] == 2453 / 2484
    assert rate["OBS_STATUS"] == "A"
    stats = {r["STATISTIC"] for r in sdmx if r["INDICATOR"] == "petitions.processing_days"}
    assert stats == {"COUNT", "MEDIAN", "P90", "MEAN", "MAX"}
    by = compute(rep.dataset, "petitions.received", scope="236", period="2016-07-01..2021-07-01",
                 by="unit").to_table().to_sdmx()
    keys = [(r["REF_AREA"], r["BREAKDOWN"]) for r in by]
    assert keys[0] == ("236", "_T")
    assert ("236", "unit") in keys
    assert len(set(keys)) == len(keys)
    split = compute(rep.dataset, "petitions.received", scope="236", period="2017",
                    by="half").to_table().to_sdmx()
    assert [r["TIME_PERIOD"] for r in split] == ["2017", "2017-S1", "2017-S2"]
    empty = compute(rep.dataset, "petitions.resolution_rate", scope="236", period="2030")
    row = empty.to_table().to_sdmx().records()[0]
    assert (row["OBS_VALUE"], row["OBS_STATUS"]) == (None, "M")


def test_dumps_report_and_result() -> None:
    """danvan.dumps writes a report (unit, period, rows) and a result; other objects name the problem."""
    payload = json.loads(danvan.dumps(tam_nong()))
    assert (payload["unit"], payload["period_start"], payload["period_end"]) == (
        "236", "2016-07-01", "2021-07-01")
    assert set(payload["rows"][0]) == set(tam_nong().to_table().columns)
    rate = next(r for r in payload["rows"] if r["indicator"] == "petitions.resolution_rate")
    assert (rate["numerator"], rate["denominator"]) == (2453, 2484)
    single = json.loads(danvan.dumps(tam_nong()["petitions.received"]))
    assert single["rows"][0]["numerator"] == 2588
    with pytest.raises(TypeError, match="cannot write a object as JSON"):
        danvan.dumps(object())


def test_table_checks_and_column_types() -> None:
    """A row of the wrong width and an unknown column are FieldErrors; every fixed column has a type."""
    with pytest.raises(FieldError):
        Table(("a", "b"), ((1,),))
    with pytest.raises(FieldError):
        Table(("a",), ((1,),)).column("b")
    assert set(COLUMN_TYPES.values()) == {"string", "int", "float", "date"}
    assert repr(Table(("a",), ((1,), (2,)))) == "<Table 2 rows × 1 columns>"
    with pytest.raises(FieldError, match="row 2"):
        Table.read_csv(io.StringIO("numerator\nabc\n"))


def test_csv_file_and_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`danvan report --format csv` prints numerator 2453, denominator 2484; -o writes files."""
    from danvan import cli

    data = str(DATA / "tam_nong_2016_2021.json")
    args = ["report", data, "--unit", "236", "--period", "2016-07-01..2021-07-01"]
    assert cli.main([*args, "--format", "csv"]) == 0
    table = Table.read_csv(io.StringIO(capsys.readouterr().out))
    assert (_total(table, "petitions.resolution_rate")["numerator"],
            _total(table, "petitions.resolution_rate")["denominator"]) == (2453, 2484)
    assert cli.main([*args, "--format", "sdmx-csv", "-o", str(tmp_path / "s.csv")]) == 0
    assert (tmp_path / "s.csv").read_text(encoding="utf-8").startswith("DATAFLOW,REF_AREA")
    assert cli.main([*args, "--format", "parquet"]) == 2
    assert "expected -o FILE" in capsys.readouterr().err
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        return
    assert cli.main([*args, "--format", "parquet", "-o", str(tmp_path / "r.parquet")]) == 0
    assert (tmp_path / "r.parquet").read_bytes()[:4] == b"PAR1"


@given(st.lists(st.one_of(st.none(), st.integers(-10**12, 10**12)), max_size=5),
       st.lists(st.one_of(st.none(), st.floats(allow_nan=False), st.text()), max_size=5))
def test_csv_round_trip_of_any_cells(ints: list[int | None], texts: list[object]) -> None:
    """Whole numbers, floats and text (Vietnamese, commas, quotes, newlines) survive CSV."""
    rows = [(n, t if isinstance(t, str) and t else None, None) for n, t in zip(ints, texts, strict=False)]
    rows += [(None, None, f) for f in texts if isinstance(f, float)]
    table = Table(("numerator", "notes", "value_float"), rows)
    text = table.to_csv()
    assert isinstance(text, str)
    assert Table.read_csv(io.StringIO(text, newline="")) == table


def test_importing_danvan_stays_light() -> None:
    """import danvan and its indicators never import polars, pyarrow or matplotlib."""
    code = ("import sys, danvan, danvan.indicators, danvan.indicators.tidy, danvan.cli._report; "
            "print(sorted(m for m in ('polars', 'pyarrow', 'matplotlib', 'pandas') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_to_csv_writes_paths_and_streams(tmp_path: Path) -> None:
    """to_csv writes to a path or a text stream, and both read back as the same table."""
    rep = tam_nong()
    assert rep.to_csv(tmp_path / "r.csv") is None
    stream = io.StringIO(newline="")
    assert rep.to_table().to_csv(stream) is None
    assert Table.read_csv(tmp_path / "r.csv") == rep.to_table()
    assert Table.read_csv(io.StringIO(stream.getvalue(), newline="")) == rep.to_table()
