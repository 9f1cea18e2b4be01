"""Reading the files the command line is given: a path, or ``-`` for standard input; records as tables."""

from __future__ import annotations

import argparse
import csv
import sys
from collections.abc import Sequence
from pathlib import Path

from danvan.errors import DanvanError, DanvanErrorGroup, FieldError, RowError, TableError, flatten
from danvan.records.dataset import Dataset
from danvan.records.serialization import loads

__all__ = ["add_input_arguments", "note", "read_dataset", "read_text", "write_errors"]


def read_text(path: str, *, field: str = "file") -> str:
    """The UTF-8 text of ``path`` (``-``: standard input).

    Bytes that are not UTF-8 raise :class:`~danvan.errors.FieldError` naming
    ``field`` and the file; a directory raises :class:`OSError` naming it, as a
    missing file does. :func:`danvan.cli.main` prints either on one line.
    """
    try:
        if path == "-":
            stream = getattr(sys.stdin, "buffer", None)
            return stream.read().decode("utf-8") if stream is not None else sys.stdin.read()
        return Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise FieldError(field, path, f"expected UTF-8 text ({error.reason} at byte "
                                      f"{error.start})") from None
    except IsADirectoryError as error:
        raise OSError(error.errno, "is a directory", path) from None


def add_input_arguments(parser: argparse.ArgumentParser) -> None:
    """``--mapping`` and ``--errors``, for commands that read records from tables."""
    parser.add_argument("--mapping", metavar="MAP.toml",
                        help="how your export's columns and values map to danvan's "
                             "(see danvan mapping --template petitions)")
    parser.add_argument("--errors", metavar="ERRORS.csv",
                        help="write every problem found in the input to this CSV file")


def read_dataset(paths: Sequence[str], mapping: str | None = None, errors: str | None = None,
                 *, field: str = "data") -> tuple[Dataset, tuple[str, ...]]:
    """The dataset in ``paths``, and the defaults and assumptions the mapping supplied.

    One ``.json`` file (or ``-``) without a mapping is danvan's JSON; anything
    else (CSV, ``.xlsx``, Parquet files or folders of them) is read as tables
    through :func:`danvan.tables.read`. Problems in the rows are written to
    ``errors`` (all of them) before the :class:`~danvan.errors.TableError` is raised.
    """
    if mapping is None and len(paths) == 1 and (paths[0] == "-" or paths[0].endswith(".json")):
        try:
            return loads(read_text(paths[0], field=field), Dataset), ()
        except DanvanErrorGroup as error:
            problems = flatten(error)
            more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
            raise DanvanError(f"{paths[0]}: {error.message}: {problems[0]}{more}") from error
    from danvan.tables.readers import read

    try:
        imported = read(paths, mapping)
    except TableError as error:
        if errors is not None:
            write_errors(error, errors)
        raise
    except ImportError as error:  # an extra is missing: the message says which to install
        raise FieldError(field, " ".join(paths), str(error)) from None
    return imported.dataset, imported.notes


def write_errors(error: TableError, path: str) -> None:
    """Every problem of ``error`` as CSV rows: file, row, column, value, problem."""
    with Path(path).open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["file", "row", "column", "value", "problem"])
        for problem in error.exceptions:
            if isinstance(problem, RowError):
                value = "" if problem.value is None else str(problem.value)
                writer.writerow([problem.source, problem.row or "", problem.column, value,
                                 problem.expected])
            else:
                writer.writerow(["", "", "", "", str(problem)])


def note(lines: Sequence[str]) -> None:
    """The defaults and assumptions a mapping supplied, on standard error."""
    for line in lines:
        sys.stderr.write(f"danvan: note: {line}\n")
