"""Tests for ``python -m danvan check``: output, exit status and errors."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from attrs import evolve

from danvan.cli import main

SEEDS = Path(__file__).parents[1] / "seeds"


def _seed(prefix: str) -> Path:
    return next(SEEDS.glob(f"{prefix}_*.txt"))


def test_failing_report_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    """A report with a sum that does not add up exits 1 and prints the arithmetic."""
    assert main(["check", str(_seed("004"))]) == 1
    out = capsys.readouterr().out
    assert "[1740:1825] parts FAILS: 315 + 27 = 342 ≠ 345" in out
    assert "1 fail" in out


def test_consistent_report_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    """A report whose checked claims all hold exits 0."""
    assert main(["check", str(_seed("000"))]) == 0
    assert "98,7% (truncate)" in capsys.readouterr().out


def test_json_format(capsys: pytest.CaptureFixture[str]) -> None:
    """--format json prints a list of objects with the documented keys."""
    assert main(["check", str(_seed("000")), "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows
    for row in rows:
        assert {"kind", "quote", "span", "verdict", "roundings", "explanation"} <= set(row)
        assert row["verdict"] in {"holds", "fails", "unverifiable"}
    ratio = next(r for r in rows if r["quote"].startswith("2.453/2.484"))
    assert ratio["roundings"] == ["truncate"]
    assert ratio["span"] == [5138, 5164]


def test_reads_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """'-' reads the report from standard input (UTF-8 bytes)."""
    text = "Nhận 100 đơn, gồm khiếu nại 40 đơn, tố cáo 50 đơn."
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8"))))
    assert main(["check", "-"]) == 1
    assert "40 + 50 = 90 ≠ 100" in capsys.readouterr().out


@pytest.mark.parametrize("name", ["missing.txt", "."])
def test_bad_file_exits_2(name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A missing file or a directory prints one line on stderr and exits 2."""
    target = tmp_path / name if name != "." else tmp_path
    assert main(["check", str(target)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("danvan: error:")
    assert err.count("\n") == 1


def test_non_utf8_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A file that is not UTF-8 text is a one-line error, status 2."""
    path = tmp_path / "report.txt"
    path.write_bytes("Nhận 100 đơn".encode("utf-16"))
    assert main(["check", str(path)]) == 2
    assert "UTF-8" in capsys.readouterr().err


def test_non_utf8_data_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A --data file that is not UTF-8 is a one-line error naming the file, status 2."""
    path = tmp_path / "data.json"
    path.write_bytes("{\"units\": []}".encode("utf-16"))
    assert main(["check", str(_seed("000")), "--data", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("danvan: error: data:")
    assert "UTF-8" in err
    assert str(path) in err
    assert err.count("\n") == 1


def test_bad_argument_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    """An unknown format is an argument error with status 2."""
    with pytest.raises(SystemExit) as info:
        main(["check", str(_seed("004")), "--format", "xml"])
    assert info.value.code == 2
    assert "danvan: error:" in capsys.readouterr().err


# -- reconciliation with records (--data) ---------------------------------------------------

DATA = Path(__file__).parents[2] / "examples" / "data" / "tam_nong_2016_2021.json"
TAM_NONG = ["--data", str(DATA), "--unit", "236", "--period", "2016-07-01..2021-07-01"]


def test_reconcile_seed_000_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    """Seed 000 against the Tam Nông records, with the shipped bindings: every figure agrees."""
    assert main(["check", str(_seed("000")), *TAM_NONG]) == 0
    out = capsys.readouterr().out
    assert "29 bound figure(s): 29 agree, 0 differ" in out
    assert "petitions.resolution_rate AGREES: petitions.resolution_rate percent = " in out
    assert main(["check", str(_seed("000")), "--data", str(DATA), "--bindings", "seed:000"]) == 0


def test_reconcile_json_adds_entries(capsys: pytest.CaptureFixture[str]) -> None:
    """--format json with --data prints the findings and the reconciliation entries."""
    assert main(["check", str(_seed("000")), *TAM_NONG, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"findings", "reconciliation"}
    entry = data["reconciliation"][9]
    assert {"indicator", "breakdown", "measure", "verdict", "printed", "span", "computed",
            "difference", "roundings", "explanation", "records", "outside"} <= set(entry)
    assert (entry["printed"], entry["computed"], entry["roundings"]) == (
        "98,7%", "98,7%", ["truncate"])


def test_reconcile_difference_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A user's bindings file and records that disagree: exit 1, the records are listed."""
    from danvan.records.dataset import Dataset
    from danvan.records.serialization import dumps, loads

    records = loads(DATA.read_text(encoding="utf-8"), Dataset)
    data = tmp_path / "data.json"
    data.write_text(dumps(evolve(records, petitions=records.petitions[1:])), encoding="utf-8")
    bindings = tmp_path / "bindings.json"
    bindings.write_text(json.dumps([
        {"indicator": "petitions.received", "phrase": "toàn huyện nhận"},
        {"indicator": "petitions.received", "phrase": "toàn tỉnh nhận"}]), encoding="utf-8")
    args = ["check", str(_seed("000")), "--data", str(data), "--unit", "236",
            "--period", "2016-07-01..2021-07-01", "--bindings", str(bindings)]
    assert main(args) == 1
    out = capsys.readouterr().out
    assert "petitions.received DIFFERS: petitions.received = 2.587, printed 2.588" in out
    assert "records counted: " + records.petitions[1].id in out
    assert "2 bound figure(s): 0 agree, 1 differ, 0 unbound, 1 not found" in out


@pytest.mark.parametrize(("extra", "message"), [
    (["--bindings", "seed:000"], "--data"),
    (["--data", str(DATA), "--bindings", "seed:999"], "seed:000"),
])
def test_reconcile_bad_arguments_exit_2(extra: list[str], message: str,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    """Bindings without data, or an unknown shipped set, are one-line errors with status 2."""
    assert main(["check", str(_seed("000")), *extra]) == 2
    err = capsys.readouterr().err
    assert err.startswith("danvan: error:")
    assert message in err


def test_reconcile_needs_bindings_for_other_texts(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    """A text danvan ships no bindings for needs --bindings; a bad bindings file is exit 2."""
    report = tmp_path / "report.txt"
    report.write_text("Năm 2021 nhận 100 đơn.", encoding="utf-8")
    assert main(["check", str(report), "--data", str(DATA)]) == 2
    assert "expected --bindings" in capsys.readouterr().err
    bad = tmp_path / "bindings.json"
    bad.write_text("[{\"indicator\": 3}]", encoding="utf-8")
    assert main(["check", str(report), "--data", str(DATA), "--bindings", str(bad)]) == 2
    assert "bindings[0].indicator" in capsys.readouterr().err


def test_strict_fails_on_unverifiable_lists(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    """--strict exits 1 when a list's sum cannot be checked; without it the report passes."""
    path = tmp_path / "list.txt"
    path.write_text("Nhận 30 đơn, trong đó khiếu nại 10 đơn, tố cáo 5 đơn.", encoding="utf-8")
    assert main(["check", str(path)]) == 0
    assert main(["check", str(path), "--strict"]) == 1
    assert "0 hold, 0 fail, 1 unverifiable" in capsys.readouterr().out


def test_summary_names_the_rounding(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The summary counts the holds that hold under one rounding only."""
    path = tmp_path / "rate.txt"
    path.write_text("Đã giải quyết 167/185 đơn, đạt 90,2%.", encoding="utf-8")
    assert main(["check", str(path)]) == 0
    assert "1 hold (1 only if truncated)" in capsys.readouterr().out


def test_crlf_file_and_stdin_give_the_same_spans(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    """Spans index the text as given: a CRLF file and its bytes on stdin agree (F15)."""
    data = "Dòng một.\r\nDòng hai.\r\nNhận 100 đơn, gồm khiếu nại 40 đơn, tố cáo 50 đơn.\r\n"
    path = tmp_path / "crlf.txt"
    path.write_bytes(data.encode("utf-8"))
    assert main(["check", str(path), "--format", "json"]) == 1
    from_file = json.loads(capsys.readouterr().out)
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data.encode("utf-8"))))
    assert main(["check", "-", "--format", "json"]) == 1
    from_stdin = json.loads(capsys.readouterr().out)
    assert [r["span"] for r in from_file] == [r["span"] for r in from_stdin]
    start, end = from_file[0]["span"]
    assert data[start:end] == from_file[0]["quote"]
