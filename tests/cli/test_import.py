"""``danvan import`` and ``danvan mapping``; report and check reading tables directly."""

from __future__ import annotations

import csv
import importlib.util
import json
from pathlib import Path
from typing import Any

import pytest

from danvan import cli
from danvan.records.dataset import Dataset
from danvan.records.serialization import loads


def _sample() -> Any:
    """tests/tables/conftest.py, for its small export."""
    path = Path(__file__).parents[1] / "tables" / "conftest.py"
    spec = importlib.util.spec_from_file_location("tables_sample", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_SAMPLE = _sample()
MAPPING, ROWS, write_export = _SAMPLE.MAPPING, _SAMPLE.ROWS, _SAMPLE.write_export

EXPORTS = Path(__file__).parents[2] / "examples" / "exports"


@pytest.fixture
def export(tmp_path: Path) -> tuple[Path, Path]:
    """The small petitions export and its mapping."""
    mapping = tmp_path / "map.toml"
    mapping.write_text(MAPPING, encoding="utf-8")
    return write_export(tmp_path), mapping


def test_import_writes_the_dataset(export: tuple[Path, Path], tmp_path: Path,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    """import FILE --mapping MAP -o OUT writes danvan JSON and notes the stated defaults."""
    path, mapping = export
    out = tmp_path / "dataset.json"
    assert cli.main(["import", str(path), "--mapping", str(mapping), "-o", str(out)]) == 0
    data = loads(out.read_text(encoding="utf-8"), Dataset)
    assert [p.id for p in data.petitions] == ["D01", "D02", "D03"]
    err = capsys.readouterr().err
    assert "danvan: note: petitions.channel: 'mail' (stated in the mapping) for 3 row(s)" in err


def test_bad_rows_exit_2_one_line_each_and_errors_csv(export: tuple[Path, Path], tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    """Bad rows: status 2, one stderr line per problem, every problem in --errors, no output."""
    _, mapping = export
    rows = [r.replace("03/01/2024", "33/01/2024").replace("04/01/2024", "2024-13-04") for r in ROWS]
    path = write_export(tmp_path, rows, name="bad.csv")
    errors, out = tmp_path / "errors.csv", tmp_path / "out.json"
    args = ["import", str(path), "--mapping", str(mapping), "--errors", str(errors), "-o", str(out)]
    assert cli.main(args) == 2
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("danvan: error: bad.csv row 2, column 'Ngày nhận đơn'")
    with errors.open(encoding="utf-8-sig") as handle:
        table = list(csv.DictReader(handle))
    assert [(r["row"], r["column"], r["value"]) for r in table] == [
        ("2", "Ngày nhận đơn", "33/01/2024"), ("3", "Ngày nhận đơn", "2024-13-04")]
    assert not out.exists()


def test_mapping_template_reads_as_a_mapping(capsys: pytest.CaptureFixture[str]) -> None:
    """mapping --template petitions prints TOML that load_mapping accepts."""
    from danvan.tables import load_mapping

    assert cli.main(["mapping", "--template", "petitions"]) == 0
    text = capsys.readouterr().out
    assert load_mapping(text).table("petitions").status is not None


def test_report_reads_the_csv_export(capsys: pytest.CaptureFixture[str]) -> None:
    """report takes the CSV export and its mapping directly: 2.453/2.484 (98,7%)."""
    folder = EXPORTS / "tam_nong_2016_2021"
    args = ["report", str(folder), "--mapping", str(folder / "tam_nong_2016_2021.toml"),
            "--unit", "236", "--period", "2016-07-01..2021-07-01", "--format", "json"]
    assert cli.main(args) == 0
    rows = json.loads(capsys.readouterr().out)["rows"]
    assert any("2.453/2.484" in json.dumps(r, ensure_ascii=False) for r in rows)


def test_check_reads_the_csv_export(capsys: pytest.CaptureFixture[str]) -> None:
    """check --data takes the CSV export and its mapping, like a JSON dataset."""
    folder = EXPORTS / "tam_nong_2016_2021"
    seed = next((Path(__file__).parents[1] / "seeds").glob("000_*.txt"))
    args = ["check", str(seed), "--data", str(folder), "--mapping",
            str(folder / "tam_nong_2016_2021.toml"), "--bindings", "seed:000"]
    assert cli.main(args) == 0
    assert "Reconciliation with the records:" in capsys.readouterr().out
