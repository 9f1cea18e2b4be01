"""``python -m danvan report``: output, options, and one-line errors with status 2."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from danvan import cli
from danvan.records.dataset import Dataset
from danvan.records.dialogues import Dialogue
from danvan.records.serialization import dumps
from danvan.records.units import Unit
from danvan.records.vocabulary import ChairRole, DialogueMode, UnitLevel


@pytest.fixture(autouse=True)
def _report_command_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Wire only this command, so the tests do not depend on other commands' modules."""
    monkeypatch.setattr(cli, "_COMMANDS", ("danvan.cli._report",))


@pytest.fixture
def data_file(tmp_path: Path) -> Path:
    """A small dataset written as JSON."""
    units = (Unit("H", "Huyện H", UnitLevel.DISTRICT),
             Unit("X1", "Xã 1", UnitLevel.COMMUNE, parent="H"))
    dialogues = tuple(
        Dialogue(f"D{i}", unit, dt.date(2021, month, 3), ChairRole.PARTY_SECRETARY,
                 DialogueMode.PERIODIC, participants=1000, opinions_raised=3,
                 answered_at_meeting=2)
        for i, (unit, month) in enumerate([("H", 2), ("X1", 5), ("X1", 9)]))
    path = tmp_path / "data.json"
    path.write_text(dumps(Dataset(units=units, dialogues=dialogues)), encoding="utf-8")
    return path


def test_text_report(data_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The default output is the Vietnamese text table over the span of the records."""
    assert cli.main(["report", str(data_file)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Báo cáo: Huyện H (H), từ 03/02/2021 đến 03/09/2021\n")
    assert "3.000" in out
    assert "6/9 (66,6%)" in out


def test_unit_and_period_options(data_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--unit and --period choose the scope and the period."""
    assert cli.main(["report", str(data_file), "--unit", "X1", "--period", "2021-H1"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Báo cáo: Xã 1 (X1), 6 tháng đầu năm 2021\n")
    assert "1.000" in out


def test_json_report(data_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--format json prints the unit, the period and the tidy rows."""
    assert cli.main(["report", str(data_file), "--period", "2021", "--format", "json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert (payload["unit"], payload["unit_name"], payload["period"]) == ("H", "Huyện H", "2021")
    held = payload["rows"][0]
    assert (held["indicator"], held["numerator"], held["value"]) == ("dialogues.held", 3, "3")


@pytest.mark.parametrize(("args", "message"), [
    (["--period", "2021-H3"], "period: expected 2021"),
    (["--period", "2021-13"], "period: expected a month 1 to 12"),
    (["--unit", "NOPE"], "unit: no unit of that code"),
    (["--period", "yesterday"], "period: expected 2021"),
])
def test_bad_arguments(data_file: Path, capsys: pytest.CaptureFixture[str], args: list[str],
                       message: str) -> None:
    """A bad option is one line on stderr and exit status 2."""
    assert cli.main(["report", str(data_file), *args]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"danvan: error: {message}")
    assert err.count("\n") == 1


@pytest.mark.parametrize(("text", "message"), [
    ("not json", "invalid data: $: expected JSON"),
    ('{"units": 3}', "invalid data: units: expected an array"),
    ('{"units": [{"code": "X", "name": "Xã", "level": "village"}], "petitions": 1}',
     "(and 1 more)"),
])
def test_bad_files(tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str,
                   message: str) -> None:
    """A file that is not a dataset is one line naming the problem, exit status 2."""
    path = tmp_path / "bad.json"
    path.write_text(text, encoding="utf-8")
    assert cli.main(["report", str(path)]) == 2
    err = capsys.readouterr().err
    assert message in err
    assert str(path) in err
    assert err.count("\n") == 1
    assert "Traceback" not in err


def test_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A missing file is reported with its name, exit status 2."""
    assert cli.main(["report", str(tmp_path / "none.json")]) == 2
    err = capsys.readouterr().err
    assert "none.json" in err
    assert err.count("\n") == 1


def test_bad_format_choice(data_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An unknown --format is refused by the parser with status 2."""
    with pytest.raises(SystemExit) as info:
        cli.main(["report", str(data_file), "--format", "xml"])
    assert info.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


def test_file_not_utf8(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A file that is not UTF-8 is one line naming it, exit status 2, no traceback."""
    path = tmp_path / "latin1.json"
    path.write_bytes("{\"units\": \"Xã\"}".encode("latin-1"))
    assert cli.main(["report", str(path)]) == 2
    err = capsys.readouterr().err
    assert "UTF-8" in err
    assert str(path) in err
    assert err.count("\n") == 1
    assert "Traceback" not in err


def test_read_text_from_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    """``-`` reads standard input; bad bytes there are a danvan error naming ``-``."""
    import io

    from danvan.cli._io import read_text
    from danvan.errors import DanvanError

    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO("Xã".encode())))
    assert read_text("-") == "Xã"
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"\xff")))
    with pytest.raises(DanvanError, match="'-'"):
        read_text("-")


@pytest.mark.parametrize("engine", ["duckdb", "polars"])
def test_report_on_the_columnar_engine_over_parquet(engine: str, tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    """``danvan report FOLDER --engine duckdb`` gives Tam Nông's 2453/2484 from Parquet tables."""
    pytest.importorskip(engine)
    pytest.importorskip("pyarrow")
    import danvan
    from danvan.tables.writers import write_parquet

    write_parquet(danvan.examples.load("tam_nong"), tmp_path / "tn")
    status = cli.main(["report", str(tmp_path / "tn"), "--engine", engine, "--unit", "236",
                       "--period", "2016-07-01..2021-07-01", "--format", "csv"])
    assert status == 0
    row = next(line for line in capsys.readouterr().out.splitlines()
               if line.startswith("petitions.resolution_rate,"))
    assert ",2453,2484,2453/2484," in row
