""""Dân vận khéo" models (mô hình) and exemplars (điển hình).

A :class:`Model` is registered by a collective or an individual in a field of
work, may be recognised at one or more levels, piloted (mô hình điểm), and
replicated to other units. Its status is derived from that dated history, so
it can be asked for any day:

>>> from datetime import date
>>> m = Model("M1", "Chính quyền thân thiện", Owner(OwnerKind.COLLECTIVE, "UBND xã A"), "A",
...           Field.POLITICAL_SYSTEM, date(2018, 3, 1),
...           recognitions=(Recognition(RecognitionLevel.DISTRICT, date(2018, 12, 1), "UBND huyện"),),
...           replications=(Replication("B", date(2019, 6, 1)),))
>>> m.status, m.status_on(date(2019, 1, 1))
(<ModelStatus.REPLICATED: 'replicated'>, <ModelStatus.RECOGNISED: 'recognised'>)
"""

from __future__ import annotations

import datetime as dt

import attrs
from attrs import frozen

from danvan import _validators as v
from danvan.errors import FieldError
from danvan.records.vocabulary import Field, ModelStatus, OwnerKind, RecognitionLevel

__all__ = ["Model", "Owner", "Recognition", "Replication"]


@frozen
class Owner:
    """Who registered the model: a collective (tập thể) or an individual (cá nhân)."""

    kind: OwnerKind = attrs.field(validator=v.member(OwnerKind))
    name: str = attrs.field(validator=v.text)


@frozen
class Recognition:
    """Recognition of a model at a level, on a date, by a body (e.g. "UBND huyện")."""

    level: RecognitionLevel = attrs.field(validator=v.member(RecognitionLevel))
    on: dt.date = attrs.field(validator=v.date)
    body: str = attrs.field(default="", validator=v.typed(str, "text"))


@frozen
class Replication:
    """A model taken up by another unit on a date (nhân rộng)."""

    unit: str = attrs.field(validator=v.code)
    on: dt.date = attrs.field(validator=v.date)


@frozen
class Model:
    """A "Dân vận khéo" model or exemplar and its dated history."""

    id: str = attrs.field(validator=v.code)
    title: str = attrs.field(validator=v.text)
    owner: Owner = attrs.field(validator=v.typed(Owner))
    unit: str = attrs.field(validator=v.code)
    field: Field = attrs.field(validator=v.member(Field))
    registered_on: dt.date = attrs.field(validator=v.date)
    recognitions: tuple[Recognition, ...] = attrs.field(
        default=(), validator=v.tuple_of(v.typed(Recognition))
    )
    pilot: bool = attrs.field(default=False, validator=v.flag)
    replications: tuple[Replication, ...] = attrs.field(
        default=(), validator=v.tuple_of(v.typed(Replication))
    )
    discontinued_on: dt.date | None = attrs.field(default=None, validator=v.optional(v.date))

    def __attrs_post_init__(self) -> None:
        dated = [("recognitions", r.on) for r in self.recognitions]
        dated += [("replications", r.on) for r in self.replications]
        if self.discontinued_on is not None:
            dated.append(("discontinued_on", self.discontinued_on))
        for name, day in dated:
            if day < self.registered_on:
                raise FieldError(name, day.isoformat(),
                                 f"expected a date on or after registration ({self.registered_on})")
        units = [r.unit for r in self.replications]
        if len(set(units)) != len(units) or self.unit in units:
            raise FieldError("replications", units, "expected each unit once, not the model's own")

    def status_on(self, day: dt.date) -> ModelStatus | None:
        """Status on ``day``; ``None`` before registration."""
        if day < self.registered_on:
            return None
        if self.discontinued_on is not None and self.discontinued_on <= day:
            return ModelStatus.DISCONTINUED
        if any(r.on <= day for r in self.replications):
            return ModelStatus.REPLICATED
        if any(r.on <= day for r in self.recognitions):
            return ModelStatus.RECOGNISED
        return ModelStatus.REGISTERED

    @property
    def status(self) -> ModelStatus:
        """Status after everything recorded."""
        return self.status_on(dt.date.max) or ModelStatus.REGISTERED

    def recognised_on(self, day: dt.date) -> bool:
        """Whether some level had recognised it by ``day``."""
        return any(r.on <= day for r in self.recognitions)
