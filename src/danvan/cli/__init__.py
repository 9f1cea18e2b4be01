"""Command line: ``python -m danvan report …`` and ``python -m danvan check …``.

Each command lives in its own private module exposing ``add_parser(subparsers)``
and ``run(args) -> int``. Exit status: 0 when all is well, 1 when a checked claim
fails, 2 for a bad file or argument, 3 for a bug in danvan. Each error prints one
line on stderr, at most about 300 characters (bad rows of tables one line each, the
first 20), and no traceback ever reaches the user.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from danvan._version import __version__
from danvan.errors import DanvanError, TableError, flatten

__all__ = ["main"]

_DESCRIPTION = "Compute report indicators from records; check the figures of a report."
_COMMANDS = ("danvan.cli._report", "danvan.cli._check", "danvan.cli._import")
#: The longest error line the command line prints (F14: a 1 MB bad value, a short line).
_LINE = 300
_REPORT_BUG = "this is a bug in danvan; please report it with the command that caused it"


def _fail(message: str, status: int, hint: str = "") -> int:
    """Print ``message`` as one bounded line (then ``hint``) on stderr; returns ``status``."""
    line = " ".join(message[:2 * _LINE].split())  # one line, whatever the message holds
    if len(line) > _LINE:
        line = f"{line[:_LINE - 3]}..."
    sys.stderr.write(f"danvan: error: {line}{f' ({hint})' if hint else ''}\n")
    return status


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        sys.stderr.write(f"danvan: error: {message}\n")
        raise SystemExit(2)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = _Parser(prog="danvan", description=_DESCRIPTION)
    parser.add_argument("--version", action="version", version=f"danvan {__version__}")
    subparsers = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    modules = [importlib.import_module(name) for name in _COMMANDS]
    for module in modules:
        module.add_parser(subparsers)
    args = parser.parse_args(argv)
    try:
        return int(args.run(args))
    except TableError as error:
        lines = flatten(error)
        for line in lines[:TableError.SHOWN]:
            _fail(line, 2)
        return _fail(f"and {len(lines) - TableError.SHOWN} more", 2) if len(lines) > TableError.SHOWN else 2
    except DanvanError as error:
        lines = flatten(error)
        more = f"and {len(lines) - 1} more problem(s)" if len(lines) > 1 else ""
        return _fail(lines[0], 2, more)
    except OSError as error:
        return _fail(f"{error.strerror or error}: {error.filename}", 2)
    except KeyboardInterrupt:
        return _fail("interrupted", 130)
    except Exception as error:  # anything else is a bug: one line and a hint, never a traceback
        return _fail(f"{type(error).__name__}: {error}", 3, _REPORT_BUG)
