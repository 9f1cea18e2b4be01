"""The catalogue's record rules as column expressions, one per indicator id.

Each :class:`ColumnRule` mirrors the :class:`~danvan.indicators.engine.RecordRule`
of the indicator with the same id: the day column that places a record in
the period, and expressions for what it adds to the total and to the part.
The differential tests (``tests/engines``) prove that both give the same
numbers; an indicator missing here is computed by another columnar
calculator or raises :class:`~danvan.engines.columnar.NotColumnarError`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from attrs import frozen

from danvan.engines._frames import Frames
from danvan.values.periods import Period

__all__ = ["COLUMN_RULES", "KIND_COLUMN", "ColumnRule", "prepared"]

Expr = Any
ExprOf = Callable[[Any, Period], Expr]


@frozen
class ColumnRule:
    """How one indicator reads one table: ``when`` (a day column), ``total`` and ``part``."""

    collection: str
    when: str
    total: ExprOf
    part: ExprOf | None = None


#: The column that holds the ``kind`` dimension of each collection.
KIND_COLUMN: dict[str, str] = {"petitions": "kind", "dialogues": "mode", "models": "owner_kind",
                               "receptions": "host", "mediations": "outcome"}


def _one(nw: Any, _: Period) -> Expr:
    return nw.lit(1)


def _int(name: str) -> ExprOf:
    return lambda nw, _: nw.col(name).cast(nw.Int64)


def _flag(name: str) -> ExprOf:
    return lambda nw, _: nw.when(nw.col(name)).then(1).otherwise(0)


def _resolved(nw: Any, period: Period) -> Expr:
    done = (nw.col("in_jurisdiction") & (nw.col("_last_kind") == "resolved")
            & (nw.col("_last_on") < nw.lit(period.end)))
    return nw.when(done.fill_null(False)).then(1).otherwise(0)


def _mediated_cond(nw: Any, period: Period) -> Expr:
    return (nw.col("in_jurisdiction") & ~nw.col("mediated_on").is_null()
            & (nw.col("mediated_on") < nw.lit(period.end))).fill_null(False)


def _mediated(nw: Any, period: Period) -> Expr:
    return nw.when(_mediated_cond(nw, period)).then(1).otherwise(0)


def _mediated_successfully(nw: Any, period: Period) -> Expr:
    ok = _mediated_cond(nw, period) & (nw.col("outcome") == "successful").fill_null(False)
    return nw.when(ok).then(1).otherwise(0)


def _crowd(nw: Any, _: Period) -> Expr:
    return nw.when(~nw.col("crowd_size").is_null()).then(1).otherwise(0)


def _recognised(nw: Any, period: Period) -> Expr:
    ok = (nw.col("_first_recognition") <= nw.lit(period.last)).fill_null(False)
    return nw.when(ok).then(1).otherwise(0)


def _answered(nw: Any, _: Period) -> Expr:
    return (nw.col("answered_at_meeting") + nw.col("referred_answered")).cast(nw.Int64)


_P, _D, _R, _M, _H = "petitions", "dialogues", "receptions", "models", "mediations"

#: The columnar form of every record rule of the catalogue, by indicator id.
COLUMN_RULES: dict[str, ColumnRule] = {
    "petitions.received": ColumnRule(_P, "received_on", _one),
    "petitions.in_jurisdiction": ColumnRule(_P, "received_on", _flag("in_jurisdiction")),
    "petitions.resolved": ColumnRule(_P, "received_on", _resolved),
    "petitions.resolution_rate": ColumnRule(_P, "received_on", _flag("in_jurisdiction"), _resolved),
    "petitions.crowd_delegations": ColumnRule(_P, "received_on", _crowd),
    "petitions.crowd_people": ColumnRule(
        _P, "received_on", lambda nw, _: nw.col("crowd_size").fill_null(0).cast(nw.Int64)),
    "receptions.sessions": ColumnRule(_R, "on", _one),
    "receptions.turns": ColumnRule(_R, "on", _int("turns")),
    "receptions.people": ColumnRule(_R, "on", _int("people")),
    "receptions.crowd_delegations": ColumnRule(_R, "on", _int("crowd_delegations")),
    "receptions.crowd_people": ColumnRule(_R, "on", _int("crowd_people")),
    "dialogues.held": ColumnRule(_D, "held_on", _one),
    "dialogues.participants": ColumnRule(_D, "held_on", _int("participants")),
    "dialogues.opinions_raised": ColumnRule(_D, "held_on", _int("opinions_raised")),
    "dialogues.opinions_answered": ColumnRule(_D, "held_on", _answered),
    "dialogues.answer_rate": ColumnRule(_D, "held_on", _int("opinions_raised"), _answered),
    "models.registered": ColumnRule(_M, "registered_on", _one),
    "models.recognised": ColumnRule(_M, "_first_recognition", _one),
    "models.recognition_rate": ColumnRule(_M, "registered_on", _one, _recognised),
    "mediation.cases": ColumnRule(_H, "received_on", _flag("in_jurisdiction")),
    "mediation.mediated_rate": ColumnRule(_H, "received_on", _flag("in_jurisdiction"), _mediated),
    "mediation.success_rate": ColumnRule(_H, "received_on", _mediated, _mediated_successfully),
}


def last_events(frames: Frames, known_until: Any = None) -> Any:
    """Each petition's last event (of those on or before ``known_until``): ``_last_kind``, ``_last_on``."""
    nw = frames.nw
    events = frames.get("petition_events")
    if known_until is not None:
        events = events.filter(nw.col("on") <= nw.lit(known_until))
    return frames.last_of(events, "petition", "position", {"kind": "_last_kind", "on": "_last_on"}
                          ).rename({"petition": "id"})


def prepared(frames: Frames, collection: str) -> Any:
    """The table of ``collection`` with the derived columns the rules read."""
    nw = frames.nw
    table = frames.get(collection)
    if collection == "petitions":
        if not frames.has("petition_events"):
            return table.with_columns(_last_kind=nw.lit(None, nw.String()),
                                      _last_on=nw.lit(None, nw.Date()))
        return table.join(last_events(frames), on="id", how="left")
    if collection == "models":
        if not frames.has("model_recognitions"):
            return table.with_columns(_first_recognition=nw.lit(None, nw.Date()))
        first = (frames.get("model_recognitions").group_by("model")
                 .agg(nw.col("on").min().alias("_first_recognition"))
                 .rename({"model": "id"}))
        return table.join(first, on="id", how="left")
    return table
