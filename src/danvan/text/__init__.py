"""The text of reports: the figures of a report's prose found and checked
against each other (:mod:`~danvan.text.claims`), and reconciled with the
indicators computed from records (:mod:`~danvan.text.reconciliation`); and a
report's figures written as report prose (:mod:`~danvan.text.prose`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from danvan._lazy import attach

if TYPE_CHECKING:
    from danvan.text.claims import (
        QUALIFIER_READINGS as QUALIFIER_READINGS,
        Claim as Claim,
        ClaimError as ClaimError,
        ClaimKind as ClaimKind,
        Figure as Figure,
        Finding as Finding,
        Findings as Findings,
        QualifierReading as QualifierReading,
        Reading as Reading,
        Role as Role,
        Verdict as Verdict,
        annotate as annotate,
        check as check,
        extract as extract,
        validate as validate,
    )
    from danvan.text.prose import PHRASES as PHRASES, write as write
    from danvan.text.reconciliation import (
        Agreement as Agreement,
        Binding as Binding,
        Measure as Measure,
        Reconciliation as Reconciliation,
        load_bindings as load_bindings,
        reconcile as reconcile,
        seed_bindings as seed_bindings,
    )

__getattr__, __dir__, __all__ = attach(__name__, {
    ".claims": (
        "Claim",
        "ClaimError",
        "ClaimKind",
        "Figure",
        "Finding",
        "Findings",
        "QUALIFIER_READINGS",
        "QualifierReading",
        "Reading",
        "Role",
        "Verdict",
        "annotate",
        "check",
        "extract",
        "validate",
    ),
    ".prose": ("PHRASES", "write"),
    ".reconciliation": (
        "Agreement",
        "Binding",
        "Measure",
        "Reconciliation",
        "load_bindings",
        "reconcile",
        "seed_bindings",
    ),
})
