"""Indicators: the figures of a periodic report, computed from records, with provenance.

Each indicator has a stable id (``petitions.resolution_rate``), Vietnamese and
English names, a definition and the fields it reads; :func:`catalogue` lists
them and :func:`register` adds more. :func:`compute` gives one indicator,
:func:`report` all of them, over a :class:`~danvan.indicators.scope.Scope` and a
:class:`~danvan.values.periods.Period`:

>>> from datetime import date
>>> from danvan.records.dataset import Dataset
>>> from danvan.records.petitions import Petition, PetitionEvent
>>> from danvan.records.units import Unit
>>> from danvan.records.vocabulary import EventKind, PetitionKind, UnitLevel
>>> done = (PetitionEvent(EventKind.ACCEPTED, date(2021, 2, 1)),
...         PetitionEvent(EventKind.RESOLVED, date(2021, 3, 1)))
>>> data = Dataset(units=(Unit("H", "Huyện H", UnitLevel.DISTRICT),), petitions=(
...     Petition("P1", PetitionKind.COMPLAINT, date(2021, 1, 5), "H", events=done),
...     Petition("P2", PetitionKind.OTHER, date(2021, 1, 9), "H"),
...     Petition("P3", PetitionKind.OTHER, date(2021, 2, 9), "H", in_jurisdiction=False)))
>>> r = compute(data, "petitions.resolution_rate", period="2021")
>>> r.value.format(), r.numerator_ids, r.denominator_ids
('50,0%', ('P1',), ('P1', 'P2'))
>>> compute(data, "petitions.received", period="2021-Q1", by="kind").parts[PetitionKind.OTHER].value
2

"""

from __future__ import annotations

from typing import TYPE_CHECKING

from danvan._lazy import attach

if TYPE_CHECKING:
    from danvan.indicators._catalogue import (
        CATALOGUE as CATALOGUE,
        catalogue as catalogue,
        get as get,
        register as register,
    )
    from danvan.indicators.engine import (
        KINDS as KINDS,
        Context as Context,
        Indicator as Indicator,
        RecordRule as RecordRule,
        Result as Result,
        Tally as Tally,
        evaluate as evaluate,
        key_function as key_function,
    )
    from danvan.indicators.reporting import (
        Report as Report,
        compute as compute,
        record_dates as record_dates,
        report as report,
        resolve as resolve,
    )
    from danvan.indicators.scope import (
        Placement as Placement,
        Scope as Scope,
    )
    from danvan.indicators.tidy import (
        COLUMN_TYPES as COLUMN_TYPES,
        Table as Table,
    )
    from danvan.indicators.timeliness import (
        AGE_BOUNDS as AGE_BOUNDS,
        UNASSESSED as UNASSESSED,
        AgeBand as AgeBand,
        AgeBucket as AgeBucket,
        Ageing as Ageing,
        Backlog as Backlog,
        Durations as Durations,
        OnTime as OnTime,
        OverdueItem as OverdueItem,
        PendingPetition as PendingPetition,
        ProcessingTime as ProcessingTime,
        ageing as ageing,
        deadline_or_unassessed as deadline_or_unassessed,
        oldest_pending as oldest_pending,
        on_time_outcome as on_time_outcome,
        on_time_rate as on_time_rate,
        overdue_backlog as overdue_backlog,
        overdue_item as overdue_item,
        pending_on as pending_on,
        processing_time as processing_time,
        stage_days as stage_days,
        stage_span as stage_span,
    )

__getattr__, __dir__, __all__ = attach(__name__, {
    "._catalogue": (
        "CATALOGUE",
        "catalogue",
        "get",
        "register",
    ),
    ".engine": (
        "Context",
        "Indicator",
        "KINDS",
        "RecordRule",
        "Result",
        "Tally",
        "evaluate",
        "key_function",
    ),
    ".reporting": (
        "Report",
        "compute",
        "record_dates",
        "report",
        "resolve",
    ),
    ".scope": (
        "Placement",
        "Scope",
    ),
    ".tidy": (
        "COLUMN_TYPES",
        "Table",
    ),
    ".timeliness": (
        "AGE_BOUNDS",
        "AgeBand",
        "AgeBucket",
        "Ageing",
        "Backlog",
        "Durations",
        "OnTime",
        "OverdueItem",
        "PendingPetition",
        "ProcessingTime",
        "UNASSESSED",
        "ageing",
        "deadline_or_unassessed",
        "oldest_pending",
        "on_time_outcome",
        "on_time_rate",
        "overdue_backlog",
        "overdue_item",
        "pending_on",
        "processing_time",
        "stage_days",
        "stage_span",
    ),
})
