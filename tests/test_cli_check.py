"""Tests for ``python -m danvan check``: output, exit status and errors."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from danvan.cli import main

SEEDS = Path(__file__).parent / "seeds"


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


def test_bad_argument_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    """An unknown format is an argument error with status 2."""
    with pytest.raises(SystemExit) as info:
        main(["check", str(_seed("004")), "--format", "xml"])
    assert info.value.code == 2
    assert "danvan: error:" in capsys.readouterr().err
