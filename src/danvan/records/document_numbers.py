"""Vietnamese document numbers (số ký hiệu văn bản), parsed and printed exactly.

Two styles exist:

* Party documents: ``number-KIND/ISSUER``, e.g. ``25-NQ/TW``, ``2242-QĐ/TU``,
  ``05-NQ/HU``, ``11-QĐi/TW`` (Quy định 66-QĐ/TW on Party document format).
* State documents: ``number/[year/]KIND-ISSUER``, e.g. ``16/CT-TTg``,
  ``828/NQ-UBTVQH14``, ``124/2020/NĐ-CP``; laws carry no kind abbreviation
  (``02/2011/QH13``), official letters none either (``12729/VPCP-KGVX``).

The kind is read from the abbreviation, never guessed from the issuer: ``QH``
names the National Assembly, which passes laws *and* resolutions
(``202/2025/QH15`` is a Nghị quyết), so such a number has a kind only when
:data:`KNOWN_KINDS` lists it. A Party ``QĐ`` is written for both Quyết định and
Quy định (``11-QĐi/TW`` but also ``37-QĐ/TW``): unknown unless listed. State
the kind where you know it (``Directive.kind``).

Parsing normalises Unicode to NFC and drops spaces around ``-`` and ``/``;
only ASCII digits and the letters ``A-Z``, ``a-z``, ``Đ``, ``đ`` are accepted.
``str()`` rebuilds the canonical text, so ``str(parse(str(x))) == str(x)``.

>>> n = DocumentNumber.parse("124/2020/NĐ-CP")
>>> n.number, n.year, n.kind_code, n.issuer, n.kind
('124', 2020, 'NĐ', 'CP', <DocumentKind.DECREE: 'decree'>)
>>> DocumentNumber.parse("25 - NQ/TW")
<DocumentNumber('25-NQ/TW')>
"""

from __future__ import annotations

import enum
import re
from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

from attrs import frozen

from danvan._text import nfc
from danvan.errors import DocumentNumberError
from danvan.records.vocabulary import DocumentKind

__all__ = ["KNOWN_KINDS", "DocumentNumber", "Style"]

_SEGMENT = r"[A-Za-zĐđ0-9]+"

_PARTY = re.compile(
    rf"""
    (?P<number>[0-9]+) \s*-\s*          # serial number, leading zeros kept: 05-NQ/HU
    (?P<kind>[A-Za-zĐđ]+) \s*/\s*       # kind abbreviation: NQ, CT, QĐ, QĐi, KL, HD ...
    (?P<issuer>{_SEGMENT}(?:\s*-\s*{_SEGMENT})*)   # issuing body: TW, TU, HU, ĐU ...
    """,
    re.VERBOSE,
)
_STATE = re.compile(
    rf"""
    (?P<number>[0-9]+) \s*/\s*                       # serial number
    (?:(?P<year>(?:19|20|21)[0-9]{{2}}) \s*/\s*)?    # year, for legal normative documents
    (?P<rest>{_SEGMENT}(?:\s*-\s*{_SEGMENT})*)       # KIND-ISSUER, or the issuer alone
    """,
    re.VERBOSE,
)
_DASH = re.compile(r"\s*-\s*")

#: Kind abbreviations as they stand in document numbers.
_KIND_CODES: dict[str, DocumentKind] = {
    "NQ": DocumentKind.RESOLUTION,
    "CT": DocumentKind.DIRECTIVE,
    "KL": DocumentKind.CONCLUSION,
    "QĐ": DocumentKind.DECISION,
    "QĐi": DocumentKind.REGULATION,
    "HD": DocumentKind.GUIDANCE,
    "KH": DocumentKind.PLAN,
    "CTr": DocumentKind.ACTION_PROGRAMME,
    "PL": DocumentKind.ORDINANCE,
    "NĐ": DocumentKind.DECREE,
    "TT": DocumentKind.CIRCULAR,
}
#: Abbreviations that stand for one kind in Party numbers too; "QĐ" does not (see above).
_PARTY_AMBIGUOUS: Final = frozenset({"QĐ"})

_L, _R, _Q, _D = (DocumentKind.LAW, DocumentKind.RESOLUTION, DocumentKind.REGULATION,
                  DocumentKind.DECISION)
#: Documents whose number does not tell their kind, with the kind their title states.
KNOWN_KINDS: Final[Mapping[str, DocumentKind]] = MappingProxyType({
    "84/2007/QH11": _L,    # Luật sửa đổi, bổ sung Bộ luật Lao động
    "02/2011/QH13": _L,    # Luật Khiếu nại
    "10/2012/QH13": _L,    # Bộ luật Lao động 2012
    "42/2013/QH13": _L,    # Luật Tiếp công dân
    "91/2015/QH13": _L,    # Bộ luật Dân sự
    "25/2018/QH14": _L,    # Luật Tố cáo
    "45/2019/QH14": _L,    # Bộ luật Lao động 2019
    "10/2022/QH15": _L,    # Luật Thực hiện dân chủ ở cơ sở
    "72/2025/QH15": _L,    # Luật Tổ chức chính quyền địa phương 2025
    "136/2025/QH15": _L,   # Luật sửa đổi Luật Tiếp công dân, Luật Khiếu nại, Luật Tố cáo
    "202/2025/QH15": _R,   # Nghị quyết về việc sắp xếp đơn vị hành chính cấp tỉnh
    "203/2025/QH15": _R,   # Nghị quyết sửa đổi, bổ sung một số điều của Hiến pháp
    "66-QĐ/TW": _Q,        # Quy định về thể loại, thẩm quyền ban hành và thể thức văn bản của Đảng
    "37-QĐ/TW": _Q,        # Quy định về những điều đảng viên không được làm
    "213-QĐ/TW": _Q,       # Quy định về trách nhiệm của đảng viên đang công tác ... nơi cư trú
    "290-QĐ/TW": _D,       # Quyết định ban hành Quy chế công tác dân vận của hệ thống chính trị
    "217-QĐ/TW": _D,       # Quyết định ban hành Quy chế giám sát và phản biện xã hội
})


class Style(enum.Enum):
    """The two numbering styles."""

    PARTY = "party"
    STATE = "state"


@frozen(repr=False)
class DocumentNumber:
    """A document number, stored in parts; build it with :meth:`parse`."""

    number: str
    kind_code: str | None
    issuer: str
    style: Style
    year: int | None = None

    def __attrs_post_init__(self) -> None:
        # Rebuilding from parts must give text that parses back to the same parts.
        if DocumentNumber.parse(str(self)) != self:
            raise DocumentNumberError(str(self), "parts do not form a canonical document number")

    @classmethod
    def parse(cls, text: str) -> DocumentNumber:
        """Read ``text`` as a Party or State document number."""
        if not isinstance(text, str):
            raise DocumentNumberError(text, "expected text")
        raw = nfc(text).strip()
        if match := _PARTY.fullmatch(raw):
            return _build(
                match["number"], match["kind"], _DASH.sub("-", match["issuer"]), Style.PARTY, None
            )
        if match := _STATE.fullmatch(raw):
            segments = _DASH.split(match["rest"])
            year = int(match["year"]) if match["year"] else None
            if len(segments) > 1 and segments[0] in _KIND_CODES:
                kind_code, issuer = segments[0], "-".join(segments[1:])
            else:
                kind_code, issuer = None, "-".join(segments)
            return _build(match["number"], kind_code, issuer, Style.STATE, year)
        raise DocumentNumberError(text, "expected 'number-KIND/ISSUER' or 'number/[year/]KIND-ISSUER'")

    @property
    def kind(self) -> DocumentKind | None:
        """The kind its abbreviation stands for, or :data:`KNOWN_KINDS` gives; ``None`` when unknown.

        >>> DocumentNumber.parse("202/2025/QH15").kind, DocumentNumber.parse("99/2025/QH15").kind
        (<DocumentKind.RESOLUTION: 'resolution'>, None)
        >>> DocumentNumber.parse("2242-QĐ/TU").kind is None  # Quyết định or Quy định
        True
        """
        known = KNOWN_KINDS.get(str(self))
        if known is not None or self.kind_code is None:
            return known
        if self.style is Style.PARTY and self.kind_code in _PARTY_AMBIGUOUS:
            return None
        return _KIND_CODES.get(self.kind_code)

    def __str__(self) -> str:
        if self.style == Style.PARTY:
            return f"{self.number}-{self.kind_code}/{self.issuer}"
        year = f"{self.year}/" if self.year is not None else ""
        kind = f"{self.kind_code}-" if self.kind_code else ""
        return f"{self.number}/{year}{kind}{self.issuer}"

    def __repr__(self) -> str:
        return f"<DocumentNumber({str(self)!r})>"


def _build(number: str, kind_code: str | None, issuer: str, style: Style, year: int | None,
           ) -> DocumentNumber:
    instance = object.__new__(DocumentNumber)
    for name, value in (("number", number), ("kind_code", kind_code), ("issuer", issuer),
                        ("style", style), ("year", year)):
        object.__setattr__(instance, name, value)
    return instance
