"""``python -m danvan report DATA.json``: print the indicators of a dataset.

Options: ``--unit CODE`` (default: the dataset's single top unit), ``--period``
(``2021``, ``2020-2025``, ``2021-H1``, ``2021-Q3``, ``2021-05`` or
``2016-07-01..2021-07-01``; default: the span of the records), ``--format
text|json``, ``--quiet`` (no progress bar; one is drawn on stderr for long
work only when stderr is a terminal). Problems raise :class:`~danvan.errors.DanvanError` or
:class:`OSError`; :func:`danvan.cli.main` prints them on one line, status 2.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from danvan.cli._io import read_text
from danvan.errors import DanvanError, DanvanErrorGroup, flatten
from danvan.indicators import report
from danvan.records.dataset import Dataset
from danvan.records.serialization import loads

__all__ = ["add_parser", "run"]


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Add the ``report`` command to the command line's subparsers."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "report", help="print the indicators of a dataset",
        description="Compute every catalogued indicator of a dataset over a unit and a period.")
    parser.add_argument("data", metavar="DATA.json", help="a dataset written by danvan")
    parser.add_argument("--unit", metavar="CODE", default=None,
                        help="code of the unit to report on (default: the single top unit)")
    parser.add_argument("--period", default=None,
                        help="2021, 2020-2025, 2021-H1, 2021-Q3, 2021-05 or "
                             "2016-07-01..2021-07-01 (default: the span of the records)")
    parser.add_argument("--format", choices=("text", "json"), default="text",
                        help="text table (default) or JSON rows")
    parser.add_argument("--quiet", action="store_true",
                        help="no progress bar (drawn on stderr only when it is a terminal)")
    parser.set_defaults(run=run)
    return parser


def run(args: argparse.Namespace) -> int:
    """Load the dataset, compute the report and print it; returns the exit status."""
    text = read_text(args.data, field="data")
    try:
        dataset = loads(text, Dataset)
    except DanvanErrorGroup as error:
        problems = flatten(error)
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise DanvanError(f"{args.data}: {error.message}: {problems[0]}{more}") from error
    progress = not args.quiet and sys.stderr.isatty()
    result = report(dataset, args.unit, args.period, progress=progress)
    if args.format == "json":
        payload = {"unit": result.scope.root, "unit_name": result.scope.unit.name,
                   "period": str(result.period), "rows": result.rows()}
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=1) + "\n")
    else:
        sys.stdout.write(f"{result}\n")
    return 0
