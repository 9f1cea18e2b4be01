"""Reading the files the command line is given: a path, or ``-`` for standard input."""

from __future__ import annotations

import sys
from pathlib import Path

from danvan.errors import FieldError

__all__ = ["read_text"]


def read_text(path: str, *, field: str = "file") -> str:
    """The UTF-8 text of ``path`` (``-``: standard input), exactly as stored: line ends
    are not translated, so spans into it are the same for a file and for its bytes on
    standard input.

    Bytes that are not UTF-8 raise :class:`~danvan.errors.FieldError` naming
    ``field`` and the file; a directory raises :class:`OSError` naming it, as a
    missing file does. :func:`danvan.cli.main` prints either on one line.
    """
    try:
        if path == "-":
            stream = getattr(sys.stdin, "buffer", None)
            return stream.read().decode("utf-8") if stream is not None else sys.stdin.read()
        return Path(path).read_bytes().decode("utf-8")
    except UnicodeDecodeError as error:
        raise FieldError(field, path, f"expected UTF-8 text ({error.reason} at byte "
                                      f"{error.start})") from None
    except IsADirectoryError as error:
        raise OSError(error.errno, "is a directory", path) from None
