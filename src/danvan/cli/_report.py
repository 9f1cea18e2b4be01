"""``python -m danvan report DATA.json``: print the indicators of a dataset.

Options: ``--unit CODE`` (default: the dataset's single top unit), ``--period``
(``2021``, ``2020-2025``, ``2021-H1``, ``2021-Q3``, ``2021-05`` or
``2016-07-01..2021-07-01``; default: the span of the records), ``--format
text|json|csv|parquet|sdmx-csv`` (the tidy table of ``Report.to_table()``, or
its SDMX-CSV layout; ``parquet`` needs ``-o``), ``-o FILE`` (default: standard
output). ``DATA`` may be tables instead of JSON (CSV, ``.xlsx``, Parquet;
``--mapping MAP.toml`` for an office's own export, ``--errors ERRORS.csv`` to
keep every bad row); the defaults the mapping supplied are noted on stderr.
``--engine duckdb|polars``: the columnar engine over danvan's tables (Parquet
files or folders) instead of the record engine. ``--quiet``: no progress bar
(one is drawn on stderr only when stderr is a terminal: for long passes of the
record engine, and for the indicators as the columnar engine computes them). Problems
raise :class:`~danvan.errors.DanvanError` or :class:`OSError`;
:func:`danvan.cli.main` prints them on one line, status 2.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, Final

from danvan.cli._io import add_input_arguments, note, read_dataset
from danvan.errors import FieldError
from danvan.indicators import Report, report
from danvan.records.serialization import dumps

__all__ = ["FORMATS", "add_parser", "run"]

#: What ``--format`` accepts.
FORMATS: Final = ("text", "json", "csv", "parquet", "sdmx-csv")


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Add the ``report`` command to the command line's subparsers."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "report", help="print the indicators of a dataset",
        description="Compute every catalogued indicator of a dataset over a unit and a period.")
    parser.add_argument("data", metavar="DATA", nargs="+",
                        help="a dataset written by danvan (.json), or tables: CSV, .xlsx or "
                             "Parquet files (with --mapping for your own export)")
    parser.add_argument("--unit", metavar="CODE", default=None,
                        help="code of the unit to report on (default: the single top unit)")
    parser.add_argument("--period", default=None,
                        help="2021, 2020-2025, 2021-H1, 2021-Q3, 2021-05 or "
                             "2016-07-01..2021-07-01 (default: the span of the records)")
    parser.add_argument("--format", choices=FORMATS, default="text",
                        help="text table (default), or the tidy table as JSON, CSV, Parquet "
                             "(needs -o and danvan[arrow]) or SDMX-CSV")
    parser.add_argument("-o", "--output", metavar="FILE", default=None,
                        help="write to FILE instead of standard output")
    parser.add_argument("--engine", choices=("records", "duckdb", "polars"), default="records",
                        help="records (default: danvan's record engine over a dataset), or the "
                             "columnar engine on DuckDB or Polars over danvan's tables (Parquet "
                             "files or folders, hive-partitioned or not; needs danvan[duckdb] or "
                             "danvan[polars])")
    parser.add_argument("--quiet", action="store_true",
                        help="no progress bar (drawn on stderr only when it is a terminal)")
    add_input_arguments(parser)
    parser.set_defaults(run=run)
    return parser


def run(args: argparse.Namespace) -> int:
    """Load the dataset, compute the report and print it; returns the exit status."""
    progress = not args.quiet and sys.stderr.isatty()
    if args.engine != "records":
        from danvan.engines.columnar import report as columnar_report

        source = args.data[0] if len(args.data) == 1 else args.data
        _write(columnar_report(source, args.unit, args.period, engine=args.engine,
                               progress=progress), args.format, args.output)
        return 0
    dataset, notes = read_dataset(args.data, args.mapping, args.errors)
    note(notes)
    result = report(dataset, args.unit, args.period, progress=progress).noted(notes)
    _write(result, args.format, args.output)
    return 0


def _write(result: Report, form: str, output: str | None) -> None:
    """Write the report in ``form`` to ``output`` (a path) or standard output."""
    if form == "parquet":
        if output is None:
            raise FieldError("output", None, "expected -o FILE: Parquet is not written to a terminal")
        result.to_parquet(output)
        return
    if form == "json":
        text = dumps(result, indent=1) + "\n"
    elif form == "csv":
        text = result.to_table().to_csv() or ""
    elif form == "sdmx-csv":
        text = result.to_sdmx().to_csv() or ""
    else:
        text = f"{result}\n"
    if output is None:
        sys.stdout.write(text)
    else:
        Path(output).write_text(text, encoding="utf-8")
