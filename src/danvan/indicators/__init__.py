"""Indicators: the figures of a periodic report, computed from records, with provenance.

Each indicator has a stable id (``petitions.resolution_rate``), Vietnamese and
English names, a definition and the fields it reads; :func:`catalogue` lists
them and :func:`register` adds more. :func:`compute` gives one indicator,
:func:`report` all of them, over a :class:`~danvan.scope.Scope` and a
:class:`~danvan.periods.Period`:

>>> from datetime import date
>>> from danvan.dataset import Dataset
>>> from danvan.petitions import Petition, PetitionEvent
>>> from danvan.units import Unit
>>> from danvan.vocabulary import EventKind, PetitionKind, UnitLevel
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

from danvan.indicators._catalogue import CATALOGUE, catalogue, get, register
from danvan.indicators.engine import Context, Indicator, RecordRule, Result, Tally, evaluate
from danvan.indicators.reporting import Report, compute, report, resolve

__all__ = [
    "CATALOGUE",
    "Context",
    "Indicator",
    "RecordRule",
    "Report",
    "Result",
    "Tally",
    "catalogue",
    "compute",
    "evaluate",
    "get",
    "register",
    "report",
    "resolve",
]
