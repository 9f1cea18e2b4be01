"""Party and State guiding documents, and the plans that implement them.

A :class:`Directive` is identified by its :class:`DocumentNumber`; it may
implement other directives (a district resolution implementing ``25-NQ/TW``).
An :class:`Implementation` records that a unit issued its plan or programme
for a directive on a date, which is what coverage indicators count
("10/10 huyện ban hành kế hoạch").

>>> from datetime import date
>>> d = Directive(DocumentNumber.parse("16/CT-TTg"), DocumentKind.DIRECTIVE, "Thủ tướng Chính phủ",
...               date(2016, 5, 16), "Về tăng cường công tác dân vận của cơ quan hành chính nhà nước")
>>> str(d.number), d.kind.label
('16/CT-TTg', 'Chỉ thị')
"""

from __future__ import annotations

import datetime as dt

from attrs import field, frozen

from danvan import _validators as v
from danvan.errors import FieldError
from danvan.records.document_numbers import DocumentNumber
from danvan.records.vocabulary import DocumentKind

__all__ = ["Directive", "Implementation"]

_number = v.typed(DocumentNumber, "a DocumentNumber")


@frozen
class Directive:
    """A guiding document: number, kind, issuer, date, title, and what it implements."""

    number: DocumentNumber = field(validator=_number)
    kind: DocumentKind = field(validator=v.member(DocumentKind))
    issuer: str = field(validator=v.text)
    issued_on: dt.date = field(validator=v.date)
    title: str = field(default="", validator=v.typed(str, "text"))
    implements: tuple[DocumentNumber, ...] = field(default=(), validator=v.tuple_of(_number, unique=True))

    def __attrs_post_init__(self) -> None:
        if self.number in self.implements:
            raise FieldError("implements", str(self.number), "expected other documents than itself")


@frozen
class Implementation:
    """A unit's plan or programme for a directive, issued on a date.

    ``document`` is the number of the plan itself, when it has one
    (e.g. ``13-CT/ĐU`` implementing ``25-NQ/TW``).
    """

    id: str = field(validator=v.code)
    directive: DocumentNumber = field(validator=_number)
    unit: str = field(validator=v.code)
    issued_on: dt.date = field(validator=v.date)
    kind: DocumentKind = field(default=DocumentKind.PLAN, validator=v.member(DocumentKind))
    document: DocumentNumber | None = field(default=None, validator=v.optional(_number))
