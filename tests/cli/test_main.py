"""The command line as a whole: version, exit statuses, bounded one-line errors (issue 15)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import danvan
from danvan.cli import main


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    """``danvan --version`` prints the package version and exits 0."""
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"danvan {danvan.__version__}"


def test_unexpected_exception_exits_3_in_one_line(monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    """A bug inside a command exits 3 with one line naming it and asking for a report; no traceback."""
    import danvan.cli._check as check_command

    def broken(*_: object, **__: object) -> None:
        raise RuntimeError("boom\nsecond line " + "x" * 10_000)

    monkeypatch.setattr(check_command, "run", broken)
    status = main(["check", "-"])
    err = capsys.readouterr().err
    assert status == 3
    assert err.count("\n") == 1
    assert "RuntimeError: boom second line" in err
    assert "report it" in err
    assert "Traceback" not in err
    assert len(err) < 400


def test_huge_bad_value_gives_a_short_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A 1 MB bad value in the data gives one short line on stderr and exit 2 (F14)."""
    data = {"units": [{"code": "X", "name": "Xã A", "level": "x" * 1_000_000}]}
    path = tmp_path / "big.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    status = main(["report", str(path), "--period", "2024"])
    err = capsys.readouterr().err
    assert status == 2
    assert err.count("\n") == 1
    assert len(err) <= 320
