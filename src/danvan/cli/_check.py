"""``python -m danvan check REPORT.txt``: check the figures of a report against each other.

Prints each claim with its finding and span. With ``--data DATA.json`` (or
tables: CSV, ``.xlsx``, Parquet, with ``--mapping MAP.toml``) it also
reconciles the bound figures with the indicators computed from the records
(``--unit``, ``--period``; ``--bindings FILE.json``, or ``seed:000``, or the
set danvan ships for the text). Exit status: 0 when every checked claim holds
and every bound figure agrees, 1 when a claim fails or a bound figure differs,
is not found or is found more than once, 2 on a bad file or argument (raised
as :class:`~danvan.errors.DanvanError` or :class:`OSError`, printed on one
line by :func:`danvan.cli.main`). With ``--strict`` a list whose sum cannot be
checked (a ``parts`` claim found ``unverifiable``) also exits 1. ``-`` reads the
report from standard input; spans are offsets into the text exactly as given
(line ends untranslated, NFD as NFD).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from danvan.cli._io import add_input_arguments, note, read_dataset, read_text
from danvan.errors import FieldError
from danvan.text._seed_bindings import SEEDS, for_text
from danvan.text.claims import Finding, Verdict, check
from danvan.text.reconciliation import (
    Agreement,
    Binding,
    Reconciliation,
    load_bindings,
    reconcile,
    seed_bindings,
)

__all__ = ["add_parser", "failed", "render", "render_reconciliation", "run", "summary"]

#: Verdicts of reconciliation that make the command exit 1.
_BAD = (Agreement.DIFFERS, Agreement.NOT_FOUND, Agreement.AMBIGUOUS)


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Add the ``check`` command to the command line's subparsers."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "check", help="check the figures of a report against each other",
        description="Find the totals, parts, ratios and changes of a Vietnamese report and "
                    "check their arithmetic.")
    parser.add_argument("report", metavar="REPORT.txt", help="a UTF-8 text file, or - for stdin")
    parser.add_argument("--format", choices=("text", "json"), default="text",
                        help="one line per claim (default) or a JSON list")
    parser.add_argument("--data", metavar="DATA", nargs="+",
                        help="a dataset (danvan JSON), or tables (CSV, .xlsx, Parquet; with "
                             "--mapping), to reconcile the bound figures with")
    parser.add_argument("--unit", help="the unit code the report is about (default: the "
                                       "dataset's top unit)")
    parser.add_argument("--period", help="the period of the report, e.g. 2021 or "
                                         "2016-07-01..2021-07-01 (default: the records' span)")
    parser.add_argument("--bindings", metavar="BINDINGS.json",
                        help="bindings of figures to indicators (a JSON file, or seed:NNN for "
                             "a shipped set; default: the set shipped for this text)")
    parser.add_argument("--strict", action="store_true",
                        help="also exit 1 when a list's sum cannot be checked (unverifiable)")
    parser.add_argument("--quiet", action="store_true",
                        help="no progress bar (drawn on stderr only when it is a terminal, "
                             "for a report of 100.000 characters or more)")
    add_input_arguments(parser)
    parser.set_defaults(run=run)
    return parser


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
    lines.append(summary(findings))
    return "\n".join(lines)


def summary(findings: tuple[Finding, ...]) -> str:
    """One line counting each verdict, and the holds that hold under one rounding only.

    >>> from danvan.text.claims import check
    >>> summary(check("Đã giải quyết 167/185 đơn, đạt 90,2%. Nhận 9 đơn, gồm 5 đơn và 3 đơn."))
    '2 claim(s): 1 hold (1 only if truncated), 1 fail, 0 unverifiable'
    """
    counts = {v: sum(f.verdict is v for f in findings) for v in Verdict}
    only: dict[str, int] = {}
    for finding in findings:
        if finding.verdict is Verdict.HOLDS and len(finding.roundings) == 1:
            code = finding.roundings[0].code
            only[code] = only.get(code, 0) + 1
    names = {"truncate": "truncated", "half_up": "rounded half up",
             "half_even": "rounded half to even"}
    detail = ", ".join(f"{n} only if {names.get(code, code)}" for code, n in sorted(only.items()))
    holds = f"{counts[Verdict.HOLDS]} hold" + (f" ({detail})" if detail else "")
    return (f"{len(findings)} claim(s): {holds}, {counts[Verdict.FAILS]} fail, "
            f"{counts[Verdict.UNVERIFIABLE]} unverifiable")


def failed(findings: tuple[Finding, ...], *, strict: bool = False) -> bool:
    """Whether the findings make ``check`` exit 1: a claim fails, or with ``strict`` a
    list (``parts``) is unverifiable."""
    return any(f.verdict is Verdict.FAILS or (
        strict and f.verdict is Verdict.UNVERIFIABLE and f.claim.kind.code == "parts")
        for f in findings)


def render_reconciliation(entries: tuple[Reconciliation, ...]) -> str:
    """The reconciliation as the command prints it after the findings."""
    lines = ["", "Reconciliation with the records:"]
    for entry in entries:
        where = f"[{entry.span[0]}:{entry.span[1]}] " if entry.span is not None else ""
        lines.append(f"{where}{entry.binding.cell} {entry.verdict.code.upper()}: "
                     f"{entry.explanation}")
        if entry.verdict is Agreement.DIFFERS:
            ids = entry.outside_ids if entry.outside_ids else entry.records
            what = "left out of the numerator" if entry.outside_ids else "counted"
            shown = ", ".join(ids[:10]) + (f" … ({len(ids)})" if len(ids) > 10 else "")
            lines.append(f"    records {what}: {shown or '(none)'}")
    counts = {v: sum(e.verdict is v for e in entries) for v in Agreement}
    lines.append(f"{len(entries)} bound figure(s): {counts[Agreement.AGREES]} agree, "
                 f"{counts[Agreement.DIFFERS]} differ, {counts[Agreement.UNBOUND]} unbound, "
                 f"{counts[Agreement.NOT_FOUND]} not found, "
                 f"{counts[Agreement.AMBIGUOUS]} ambiguous")
    return "\n".join(lines)


def _bindings(name: str | None, text: str) -> tuple[tuple[Binding, ...], dict[str, str]]:
    """The bindings asked for, and the unit and period of a shipped set (as defaults)."""
    seed = name[5:] if name is not None and name.startswith("seed:") else None
    if name is None:
        seed = for_text(text)
        if seed is None:
            raise FieldError("bindings", None, "expected --bindings FILE.json or seed:NNN "
                                               "(danvan ships none for this text)")
    if seed is not None:
        if seed not in SEEDS:
            raise FieldError("bindings", name, "expected seed:" + " or seed:".join(sorted(SEEDS)))
        entry = SEEDS[seed]
        return seed_bindings(seed), {"unit": entry["unit"], "period": entry["period"]}
    assert name is not None
    try:
        data = json.loads(read_text(name, field="bindings"))
    except ValueError as error:
        raise FieldError("bindings", name, f"expected a JSON list of bindings ({error})") from None
    return load_bindings(data), {}


def _reconcile(args: argparse.Namespace, text: str) -> tuple[Reconciliation, ...] | None:
    if args.data is None:
        if args.bindings is not None or args.unit is not None or args.period is not None:
            raise FieldError("data", None, "expected --data DATA.json with --bindings, --unit "
                                           "or --period")
        return None
    bindings, defaults = _bindings(args.bindings, text)
    dataset, notes = read_dataset(args.data, args.mapping, args.errors)
    note(notes)
    return reconcile(text, dataset, bindings=bindings,
                     scope=args.unit or defaults.get("unit"),
                     period=args.period or defaults.get("period"))


def run(args: argparse.Namespace) -> int:
    """Check (and reconcile) the report named in ``args``; 1 on a failure or difference."""
    text = read_text(args.report, field="report")
    findings = check(text, progress=not args.quiet and sys.stderr.isatty())
    entries = _reconcile(args, text)
    if args.format == "json" and entries is not None:
        out = json.dumps({"findings": [f.to_dict() for f in findings],
                          "reconciliation": [e.to_dict() for e in entries]},
                         ensure_ascii=False, indent=2)
    else:
        out = render(findings, args.format)
        if entries is not None:
            out += "\n" + render_reconciliation(entries)
    sys.stdout.write(out + "\n")
    bad = failed(findings, strict=getattr(args, "strict", False))
    return 1 if bad or any(e.verdict in _BAD for e in entries or ()) else 0
