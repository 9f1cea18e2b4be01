"""Progress of long passes (danvan._progress), and time-limit indicators computed alone
agreeing with the same indicators computed together in a report."""

from __future__ import annotations

import datetime as dt
import io
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings

from danvan import _progress, cli
from danvan.errors import DanvanError, FieldError
from danvan.indicators import catalogue, compute, report
from danvan.records.dataset import Dataset
from danvan.records.petitions import Petition, PetitionEvent
from danvan.records.serialization import dumps
from danvan.records.units import Unit
from danvan.records.vocabulary import EventKind, PetitionKind, UnitLevel
from danvan.testing import datasets

TIME_LIMITS = [i.id for i in catalogue() if i.id.startswith("petitions.") and i.calculator]


def _dataset() -> Dataset:
    day = dt.date(2024, 3, 1)
    return Dataset(units=(Unit("H", "Huyện A", UnitLevel.DISTRICT),
                          Unit("X", "Xã B", UnitLevel.COMMUNE, parent="H")),
                   petitions=(Petition("P1", PetitionKind.COMPLAINT, day, "X", events=(
                       PetitionEvent(EventKind.ACCEPTED, day + dt.timedelta(days=5)),
                       PetitionEvent(EventKind.RESOLVED, day + dt.timedelta(days=30)))),
                       Petition("P2", PetitionKind.OTHER, day, "X")))


def test_progress_calls_back_on_long_passes(monkeypatch: pytest.MonkeyPatch) -> None:
    """A callable gets (0, total, what) first and (total, total, what) last for each pass."""
    monkeypatch.setattr(_progress, "LONG", 1)
    data = _dataset()
    seen: list[tuple[int, int, str]] = []
    report(data, progress=lambda done, total, what: seen.append((done, total, what)))
    passes = {what for _, _, what in seen}
    assert "petitions" in passes
    for what in passes:
        calls = [(done, total) for done, total, w in seen if w == what]
        assert calls[0][0] == 0
        assert calls[-1][0] == calls[-1][1]


def test_short_work_is_silent() -> None:
    """Under 100.000 records, a callback is never called."""
    seen: list[Any] = []
    report(_dataset(), progress=lambda *args: seen.append(args))
    assert seen == []


def test_progress_argument_checked() -> None:
    """progress is None, a bool or a callable; anything else is a FieldError."""
    with pytest.raises(FieldError):
        report(_dataset(), progress="yes")


def test_bar_draws_on_one_line() -> None:
    """The bar rewrites one line and ends it when the pass is done."""
    out = io.StringIO()
    draw = _progress.bar(out)
    draw(0, 200_000, "petitions")
    draw(200_000, 200_000, "petitions")
    text = out.getvalue()
    assert text.startswith("\rpetitions [")
    assert text.endswith("100% 200.000/200.000\n")


def test_cli_quiet_and_no_terminal(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The CLI draws no bar when stderr is not a terminal, and accepts --quiet."""
    path = tmp_path / "data.json"
    data = _dataset()
    path.write_text(dumps(data), encoding="utf-8")
    for extra in ([], ["--quiet"]):
        status = cli.main(["report", str(path), *extra])
        assert status == 0
        assert "[" not in capsys.readouterr().err


@settings(max_examples=30)
@given(datasets(max_records=8))
def test_time_limits_alone_equal_together(data: Dataset) -> None:
    """Each time-limit indicator computed alone equals its value computed with all the others."""
    if not data.petitions:
        return
    try:
        together = report(data, indicators=TIME_LIMITS, details=False)
    except DanvanError:  # rules the data makes ambiguous: not what this test is about
        return
    for ident in TIME_LIMITS:
        alone = compute(data, ident, scope=together.scope, period=together.period)
        assert alone.value == together[ident].value, ident
        assert alone.notes == together[ident].notes, ident


def test_claims_progress_counts_characters(monkeypatch: pytest.MonkeyPatch) -> None:
    """The checker reports the characters read, rising from 0 to the text's length."""
    from danvan.text import check

    monkeypatch.setattr(_progress, "LONG", 10)
    text = "Nhận 120 đơn. Đã giải quyết 110/120 đơn, đạt 91,6%. " * 50
    seen: list[tuple[int, int, str]] = []
    findings = check(text, progress=lambda done, total, what: seen.append((done, total, what)))
    assert findings == check(text)
    dones = [done for done, _, _ in seen]
    assert dones[0] == 0
    assert dones[-1] == len(text)
    assert dones == sorted(dones)
    assert {(total, what) for _, total, what in seen} == {(len(text), "claims: characters")}


def test_check_cli_bar(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                      monkeypatch: pytest.MonkeyPatch) -> None:
    """`danvan check` draws the bar on a terminal, not with --quiet, and not when stderr is
    not a terminal."""
    path = tmp_path / "report.txt"
    path.write_text("Đã giải quyết 110/120 đơn, đạt 91,6%. " * 3000, encoding="utf-8")
    assert cli.main(["check", str(path)]) == 0
    assert "[" not in capsys.readouterr().err
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    assert cli.main(["check", str(path)]) == 0
    assert "claims: characters [" in capsys.readouterr().err
    assert cli.main(["check", str(path), "--quiet"]) == 0
    assert "[" not in capsys.readouterr().err
