"""Progress of the columnar engine: a callback sees each step done, and the CLI draws a bar."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest

import danvan
from danvan import cli

pytest.importorskip("narwhals")
pytest.importorskip("pyarrow")

from danvan.engines import dataset_tables

TAM_NONG = ("--unit", "236", "--period", "2016-07-01..2021-07-01", "--format", "csv")


def _steps(data: Any, engine: str, **options: Any) -> list[tuple[int, int, str]]:
    seen: list[tuple[int, int, str]] = []
    danvan.report(data, engine=engine, progress=lambda *call: seen.append(call), **options)
    return seen


def _assert_counted(seen: list[tuple[int, int, str]], engine: str) -> None:
    """0 first, then one more after each step, ending at the total; one ``what`` throughout."""
    total = seen[0][1]
    assert total > 1
    assert [done for done, _, _ in seen] == list(range(total + 1))
    assert {(t, what) for _, t, what in seen} == {(total, f"indicators on {engine}")}


@pytest.mark.parametrize("engine", ["duckdb", "polars"])
def test_a_callback_sees_every_step(engine: str) -> None:
    """The whole catalogue over a bundled dataset: counts 0, 1, … up to the total."""
    pytest.importorskip(engine)
    tables = dataset_tables(danvan.examples.load("tam_nong"))
    _assert_counted(_steps(tables, engine), engine)


def test_progress_true_draws_a_bar(capsys: pytest.CaptureFixture[str]) -> None:
    """``progress=True`` draws the bar on stderr, ending at 100%."""
    pytest.importorskip("duckdb")
    tables = dataset_tables(danvan.examples.load("tam_nong"))
    danvan.report(tables, engine="duckdb", indicators=["petitions.received",
                                                       "petitions.processing_days"], progress=True)
    err = capsys.readouterr().err
    assert "indicators on duckdb [" in err
    assert err.endswith("100% 2/2\n")


@pytest.mark.spark
def test_spark_reports_progress(spark: Any) -> None:
    """On a SparkSession too: each step is reported."""
    tables = dataset_tables(danvan.examples.load("tam_nong"))
    seen = _steps(tables, "spark", spark=spark,
                  indicators=["petitions.received", "petitions.resolution_rate",
                              "petitions.processing_days", "petitions.ageing"])
    _assert_counted(seen, "spark")


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(("terminal", "quiet", "drawn"),
                         [(True, False, True), (True, True, False), (False, False, False)])
def test_cli_bar_on_a_terminal_unless_quiet(terminal: bool, quiet: bool, drawn: bool,
                                            tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    """``--engine duckdb`` draws the bar on stderr when it is a terminal, not with ``--quiet``."""
    pytest.importorskip("duckdb")
    from danvan.tables.writers import write_parquet

    write_parquet(danvan.examples.load("tam_nong"), tmp_path / "tn")
    stderr = _Terminal() if terminal else io.StringIO()
    monkeypatch.setattr("sys.stderr", stderr)
    args = ["report", str(tmp_path / "tn"), "--engine", "duckdb", *TAM_NONG,
            *(["--quiet"] if quiet else [])]
    assert cli.main(args) == 0
    assert ",2453,2484,2453/2484," in capsys.readouterr().out
    assert ("indicators on duckdb [" in stderr.getvalue()) is drawn
