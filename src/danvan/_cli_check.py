"""``python -m danvan check REPORT.txt``: check the figures of a report against each other.

Prints each claim with its finding and span. Exit status: 0 when every
checked claim holds, 1 when any fails, 2 on a bad file or argument (raised as
:class:`~danvan.errors.DanvanError` or :class:`OSError`, printed on one line
by :func:`danvan.cli.main`). ``-`` reads the report from standard input.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from danvan.claims import Finding, Verdict, check
from danvan.errors import FieldError

__all__ = ["add_parser", "render", "run"]


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Add the ``check`` command to the command line's subparsers."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "check", help="check the figures of a report against each other",
        description="Find the totals, parts, ratios and changes of a Vietnamese report and "
                    "check their arithmetic.")
    parser.add_argument("report", metavar="REPORT.txt", help="a UTF-8 text file, or - for stdin")
    parser.add_argument("--format", choices=("text", "json"), default="text",
                        help="one line per claim (default) or a JSON list")
    parser.set_defaults(run=run)
    return parser


def _read(name: str) -> str:
    try:
        if name == "-":
            stream = getattr(sys.stdin, "buffer", None)
            return stream.read().decode("utf-8") if stream is not None else sys.stdin.read()
        return Path(name).read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise FieldError("report", name, f"expected UTF-8 text ({error.reason} at byte "
                                         f"{error.start})") from None
    except IsADirectoryError as error:
        raise OSError(error.errno, "is a directory", name) from None


def render(findings: tuple[Finding, ...], form: str) -> str:
    """The findings as the command prints them (``text`` or ``json``)."""
    if form == "json":
        return json.dumps([f.to_dict() for f in findings], ensure_ascii=False, indent=2)
    lines = []
    for finding in findings:
        claim = finding.claim
        quote = " ".join(claim.quote.split())
        if len(quote) > 90:
            quote = quote[:87] + "..."
        lines.append(f"[{claim.span[0]}:{claim.span[1]}] {claim.kind.code} "
                     f"{finding.verdict.code.upper()}: {finding.explanation}")
        lines.append(f"    «{quote}»")
    counts = {v: sum(f.verdict is v for f in findings) for v in Verdict}
    lines.append(f"{len(findings)} claim(s): {counts[Verdict.HOLDS]} hold, "
                 f"{counts[Verdict.FAILS]} fail, {counts[Verdict.UNVERIFIABLE]} unverifiable")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    """Check the report named in ``args``; 1 when any claim fails, else 0."""
    text = _read(args.report)
    findings = check(text)
    sys.stdout.write(render(findings, args.format) + "\n")
    return 1 if any(f.verdict is Verdict.FAILS for f in findings) else 0
