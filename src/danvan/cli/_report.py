"""``python -m danvan report DATA.json``: print the indicators of a dataset.

Options: ``--unit CODE`` (default: the dataset's single top unit), ``--period``
(``2021``, ``2020-2025``, ``2021-H1``, ``2021-Q3``, ``2021-05`` or
``2016-07-01..2021-07-01``; default: the span of the records), ``--format
text|json``. ``DATA`` may be tables instead of JSON (CSV, ``.xlsx``, Parquet;
``--mapping MAP.toml`` for an office's own export, ``--errors ERRORS.csv`` to
keep every bad row); the defaults the mapping supplied are noted on stderr.
Problems raise :class:`~danvan.errors.DanvanError` or :class:`OSError`;
:func:`danvan.cli.main` prints them on one line, status 2.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from danvan.cli._io import add_input_arguments, note, read_dataset
from danvan.indicators import report

__all__ = ["add_parser", "run"]


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
    parser.add_argument("--format", choices=("text", "json"), default="text",
                        help="text table (default) or JSON rows")
    add_input_arguments(parser)
    parser.set_defaults(run=run)
    return parser


def run(args: argparse.Namespace) -> int:
    """Load the dataset, compute the report and print it; returns the exit status."""
    dataset, notes = read_dataset(args.data, args.mapping, args.errors)
    note(notes)
    result = report(dataset, args.unit, args.period)
    if args.format == "json":
        payload = {"unit": result.scope.root, "unit_name": result.scope.unit.name,
                   "period": str(result.period), "rows": result.rows()}
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=1) + "\n")
    else:
        sys.stdout.write(f"{result}\n")
    return 0
