"""``danvan import FILE… --mapping MAP.toml -o dataset.json`` and ``danvan mapping --template``.

``import`` reads records from tables (CSV, ``.xlsx``, Parquet, or folders of
them; see :mod:`danvan.tables.readers`) into one validated dataset and writes
it as danvan JSON (``-o -`` or no ``-o``: standard output). Every bad row is
printed, one line each (``--errors ERRORS.csv`` writes them all), with exit
status 2; nothing is written then. The defaults and assumptions the mapping
supplied are noted on stderr. ``mapping --template TABLE`` prints a starting
mapping to edit.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from danvan.cli._io import add_input_arguments, note, read_dataset
from danvan.records.serialization import dumps
from danvan.tables.mapping import template
from danvan.tables.schema import TABLES

__all__ = ["add_parser", "run", "run_mapping"]


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Add the ``import`` and ``mapping`` commands to the command line's subparsers."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "import", help="read records from CSV, Excel or Parquet tables into a dataset",
        description="Read tables (CSV, .xlsx, Parquet) through a mapping into one dataset "
                    "and write it as danvan JSON.")
    parser.add_argument("files", metavar="FILE", nargs="+", help="tables, or folders of them")
    parser.add_argument("-o", "--output", metavar="DATASET.json", default="-",
                        help="where to write the dataset (default: standard output)")
    add_input_arguments(parser)
    parser.set_defaults(run=run)
    mapping: argparse.ArgumentParser = subparsers.add_parser(
        "mapping", help="print a starting mapping for an export",
        description="Print a mapping (TOML) to edit for your export's columns and values.")
    mapping.add_argument("--template", metavar="TABLE", default="petitions",
                         choices=[t.name for t in TABLES],
                         help="the danvan table the export feeds (default: petitions)")
    mapping.set_defaults(run=run_mapping)
    return parser


def run(args: argparse.Namespace) -> int:
    """Read the tables and write the dataset; 2 (raised, printed by main) on bad rows."""
    dataset, notes = read_dataset(args.files, args.mapping, args.errors, field="files")
    note(notes)
    text = dumps(dataset, indent=1) + "\n"
    if args.output == "-":
        sys.stdout.write(text)
    else:
        Path(args.output).write_text(text, encoding="utf-8")
        sys.stderr.write(f"danvan: wrote {len(dataset)} record(s) to {args.output}\n")
    return 0


def run_mapping(args: argparse.Namespace) -> int:
    """Print the template mapping."""
    sys.stdout.write(template(args.template))
    return 0
