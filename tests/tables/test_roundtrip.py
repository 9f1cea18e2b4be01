"""Dataset → tables → Dataset is lossless through CSV, Parquet, Arrow and Excel."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings

from danvan.errors import DanvanError, RowError
from danvan.records.dataset import Dataset
from danvan.records.serialization import loads, structure, unstructure
from danvan.records.units import Unit
from danvan.records.vocabulary import UnitLevel
from danvan.tables import read_arrow, read_csv, read_excel, read_parquet, to_arrow, write_csv
from danvan.tables.writers import write_excel, write_parquet
from danvan.testing import datasets

DATA = Path(__file__).parents[2] / "examples" / "data"
_SETTINGS = settings(max_examples=25, deadline=None,
                     suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@_SETTINGS
@given(datasets())
def test_csv_round_trip(data: Dataset) -> None:
    """Every dataset written as CSV files reads back equal."""
    with tempfile.TemporaryDirectory() as folder:
        write_csv(data, folder)
        assert read_csv(folder) == data


@_SETTINGS
@given(datasets())
def test_semicolon_csv_round_trip(data: Dataset) -> None:
    """CSV files separated by ';' (as Excel writes them in Vietnam) read back equal."""
    with tempfile.TemporaryDirectory() as folder:
        write_csv(data, folder, delimiter=";")
        assert read_csv(folder) == data


@_SETTINGS
@given(datasets())
def test_arrow_round_trip(data: Dataset) -> None:
    """Every dataset as pyarrow tables reads back equal."""
    pytest.importorskip("pyarrow")
    assert read_arrow(to_arrow(data)) == data


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(datasets())
def test_parquet_round_trip(data: Dataset) -> None:
    """Every dataset written as Parquet files reads back equal."""
    pytest.importorskip("pyarrow")
    with tempfile.TemporaryDirectory() as folder:
        write_parquet(data, folder)
        assert read_parquet(folder) == data


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(datasets())
def test_excel_round_trip(data: Dataset) -> None:
    """Every dataset written as a workbook reads back equal."""
    pytest.importorskip("openpyxl")
    data = _without_control_characters(data)
    with tempfile.TemporaryDirectory() as folder:
        path = write_excel(data, Path(folder) / "data.xlsx")
        assert read_excel(path) == data


def _without_control_characters(data: Dataset) -> Dataset:
    """``data`` with the control characters a worksheet cannot hold replaced by '?'."""

    def clean(value: object) -> object:
        if isinstance(value, str):
            return re.sub(r"[\x00-\x08\x0b-\x1f]", "?", value)
        if isinstance(value, list):
            return [clean(v) for v in value]
        if isinstance(value, dict):
            return {k: clean(v) for k, v in value.items()}
        return value

    try:
        return structure(clean(unstructure(data)), Dataset)
    except DanvanError:
        assume(False)
        raise


def test_excel_refuses_control_characters(tmp_path: Path) -> None:
    """A worksheet cannot hold control characters: the writer names the cell."""
    pytest.importorskip("openpyxl")
    data = Dataset(units=(Unit("X1", "Xã\x01Hòa", UnitLevel.COMMUNE),))
    with pytest.raises(RowError, match=r"units\] row 2, column 'name'"):
        write_excel(data, tmp_path / "bad.xlsx")


@pytest.mark.parametrize("name", sorted(p.name for p in DATA.glob("*.json")))
def test_example_data_round_trip(name: str, tmp_path: Path) -> None:
    """The bundled datasets survive CSV."""
    data = loads((DATA / name).read_text(encoding="utf-8"), Dataset)
    write_csv(data, tmp_path / "csv")
    assert read_csv(tmp_path / "csv") == data


@pytest.mark.parametrize("name", sorted(p.name for p in DATA.glob("*.json")))
def test_example_data_parquet_round_trip(name: str, tmp_path: Path) -> None:
    """The bundled datasets survive Parquet."""
    pytest.importorskip("pyarrow")
    data = loads((DATA / name).read_text(encoding="utf-8"), Dataset)
    write_parquet(data, tmp_path / "parquet")
    assert read_parquet(tmp_path / "parquet") == data


def test_pandas_frames_are_read_through_the_arrow_interface() -> None:
    """pandas DataFrames (with __arrow_c_stream__) read as tables."""
    pytest.importorskip("pyarrow")
    pd = pytest.importorskip("pandas")
    data = loads((DATA / "tuyen_hoa_2018.json").read_text(encoding="utf-8"), Dataset)
    frames = {name: table.to_pandas() for name, table in to_arrow(data).items()}
    assert all(hasattr(f, "__arrow_c_stream__") for f in frames.values())
    assert isinstance(next(iter(frames.values())), pd.DataFrame)
    assert read_arrow(frames) == data


@pytest.mark.parametrize("library", ["polars", "duckdb"])
def test_polars_frames_and_duckdb_relations_read_through_the_arrow_interface(library: str) -> None:
    """Polars DataFrames and DuckDB relations read as Arrow streams (__arrow_c_stream__)."""
    pytest.importorskip(library)
    pytest.importorskip("pyarrow")
    data = loads((DATA / "tuyen_hoa_2018.json").read_text(encoding="utf-8"), Dataset)
    tables = to_arrow(data)
    if library == "polars":
        import polars

        frames = {name: polars.from_arrow(table) for name, table in tables.items()}
    else:
        import duckdb

        con = duckdb.connect()
        frames = {}
        for name, table in tables.items():
            con.register(f"t_{name}", table)
            frames[name] = con.sql(f"select * from t_{name}")
    assert read_arrow(frames) == data
