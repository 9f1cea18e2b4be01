"""Command line: ``python -m danvan report …``, ``check …``, ``import …`` and ``mapping …``.

Each command lives in its own private module exposing ``add_parser(subparsers)``
and ``run(args) -> int``. A bad file or argument prints one line on stderr and
exits with status 2; bad rows of tables print one line each (the first 20);
no traceback reaches the user.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from danvan.errors import DanvanError, TableError, flatten

__all__ = ["main"]

_DESCRIPTION = "Compute report indicators from records; check the figures of a report."
_SHOWN = 20
_COMMANDS = ("danvan.cli._report", "danvan.cli._check", "danvan.cli._import")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        sys.stderr.write(f"danvan: error: {message}\n")
        raise SystemExit(2)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = _Parser(prog="danvan", description=_DESCRIPTION)
    subparsers = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    modules = [importlib.import_module(name) for name in _COMMANDS]
    for module in modules:
        module.add_parser(subparsers)
    args = parser.parse_args(argv)
    try:
        return int(args.run(args))
    except TableError as error:
        # Rows to fix: one line per problem (bounded); --errors FILE.csv keeps them all.
        lines = flatten(error)
        for line in lines[:_SHOWN]:
            sys.stderr.write(f"danvan: error: {line}\n")
        if len(lines) > _SHOWN:
            sys.stderr.write(f"danvan: error: and {len(lines) - _SHOWN} more\n")
        return 2
    except DanvanError as error:
        lines = flatten(error)
        more = f" (and {len(lines) - 1} more problem(s))" if len(lines) > 1 else ""
        sys.stderr.write(f"danvan: error: {lines[0]}{more}\n")
        return 2
    except OSError as error:
        sys.stderr.write(f"danvan: error: {error.strerror or error}: {error.filename}\n")
        return 2
