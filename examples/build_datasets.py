"""Build the example datasets whose records reproduce figures printed in the seed reports.

Run ``python examples/build_datasets.py`` to rewrite ``examples/data/*.json``; the
output is byte-identical on every run (one ``random.Random(seed)`` per dataset,
no clock, no network). Units, their codes and the guiding documents are real;
every person, id and record is synthetic. ``docs/example-data.md`` lists which
figure each dataset reproduces and every assumption made.

Convention: a record references the *administrative area* that received or held
it (``236`` for UBND huyện Tam Nông, a commune code for UBND xã), so the unit's
level gives the receiving level.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Final

from attrs import evolve

from danvan.records.dataset import Dataset
from danvan.records.dialogues import Dialogue
from danvan.records.directives import Directive, Implementation
from danvan.records.document_numbers import DocumentNumber
from danvan.records.mediations import MediationCase
from danvan.records.models import Model, Owner, Recognition, Replication
from danvan.records.petitions import Petition, PetitionEvent
from danvan.records.receptions import Reception
from danvan.records.serialization import dumps
from danvan.records.units import Succession, Unit, UnitRegistry
from danvan.records.vocabulary import (
    AdminType,
    ChairRole,
    Channel,
    DialogueMode,
    DocumentKind,
    EventKind,
    Field,
    MediationOutcome,
    OwnerKind,
    PetitionKind,
    RecognitionLevel,
    UnitLevel,
)

__all__ = [
    "DATASETS",
    "DATA_DIR",
    "an_bien",
    "dien_bien",
    "main",
    "render",
    "tam_nong",
    "tuyen_hoa",
    "write_all",
]

DATA_DIR: Final = Path(__file__).resolve().parent / "data"

_DAY: Final = dt.timedelta(days=1)

# -- shared helpers -------------------------------------------------------------

_WORD: Final[dict[AdminType, str]] = {
    AdminType.PROVINCE: "Tỉnh",
    AdminType.RURAL_DISTRICT: "Huyện",
    AdminType.DISTRICT_TOWN: "Thị xã",
    AdminType.PROVINCIAL_CITY: "Thành phố",
    AdminType.COMMUNE: "Xã",
    AdminType.TOWNSHIP: "Thị trấn",
}
_LEVEL: Final[dict[AdminType, UnitLevel]] = {
    AdminType.PROVINCE: UnitLevel.PROVINCE,
    AdminType.RURAL_DISTRICT: UnitLevel.DISTRICT,
    AdminType.DISTRICT_TOWN: UnitLevel.DISTRICT,
    AdminType.PROVINCIAL_CITY: UnitLevel.DISTRICT,
    AdminType.COMMUNE: UnitLevel.COMMUNE,
    AdminType.TOWNSHIP: UnitLevel.COMMUNE,
}
_C, _T = AdminType.COMMUNE, AdminType.TOWNSHIP


def _area(code: str, kind: AdminType, short: str, parent: str | None = None,
          valid_from: dt.date | None = None, valid_to: dt.date | None = None) -> Unit:
    """An administrative area named as the shipped registry names it ("Xã Hiền Quan")."""
    return Unit(code, f"{_WORD[kind]} {short}", _LEVEL[kind], parent=parent,
                valid_from=valid_from, valid_to=valid_to, admin_type=kind, short_name=short)


def _split(rng: random.Random, total: int, weights: Sequence[int], minimum: int = 0) -> list[int]:
    """Whole numbers >= ``minimum``, roughly proportional to ``weights``, summing to ``total``."""
    spare = total - minimum * len(weights)
    if spare < 0:
        raise ValueError(f"cannot split {total} into {len(weights)} parts of at least {minimum}")
    scale = sum(weights)
    shares = [spare * w // scale for w in weights]
    # Flooring loses less than one per positive weight, so they can take the rest.
    positive = [i for i, w in enumerate(weights) if w > 0]
    for index in rng.sample(positive, spare - sum(shares)):
        shares[index] += 1
    return [minimum + share for share in shares]


def _workday(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    """A random Monday-to-Friday date in ``[start, end]``."""
    span = (end - start).days
    while True:
        day = start + rng.randint(0, span) * _DAY
        if day.weekday() < 5:
            return day


def _next_workday(day: dt.date) -> dt.date:
    while day.weekday() >= 5:
        day += _DAY
    return day


_FAMILY: Final = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Vũ", "Đặng", "Bùi", "Đỗ",
                  "Hà", "Đinh", "Ngô", "Dương", "Lý")
_MIDDLE: Final = ("Văn", "Thị", "Đức", "Minh", "Hữu", "Thanh", "Ngọc", "Quang", "Thu")
_GIVEN: Final = ("An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hòa", "Hùng",
                 "Hương", "Lan", "Long", "Mai", "Nam", "Nga", "Phương", "Quân", "Sơn", "Tâm",
                 "Thảo", "Thắng", "Trang", "Tuấn", "Yến")


def _person(rng: random.Random) -> str:
    """A synthetic Vietnamese personal name."""
    return f"{rng.choice(_FAMILY)} {rng.choice(_MIDDLE)} {rng.choice(_GIVEN)}"


def _directive(number: str, issuer: str, issued_on: dt.date, title: str = "",
               implements: tuple[str, ...] = ()) -> Directive:
    """A directive whose kind is read from its number."""
    parsed = DocumentNumber.parse(number)
    kind = parsed.kind
    if kind is None:
        raise ValueError(f"no kind in {number}")
    return Directive(parsed, kind, issuer, issued_on, title,
                     tuple(DocumentNumber.parse(n) for n in implements))


_TITLES: Final[dict[Field, tuple[str, ...]]] = {
    Field.ECONOMY: (
        "Dân vận khéo trong phát triển kinh tế hộ gia đình",
        "Dân vận khéo trong dồn điền, đổi thửa",
        "Liên kết sản xuất lúa hàng hóa",
        "Hiến đất làm đường giao thông nông thôn",
        "Tổ hợp tác sản xuất rau an toàn",
        "Giúp nhau giảm nghèo bền vững",
        "Chăn nuôi an toàn sinh học",
    ),
    Field.CULTURE_SOCIETY: (
        "Khu dân cư không rác thải nhựa",
        "Đường hoa tự quản",
        "Câu lạc bộ gia đình hạnh phúc",
        "Thực hiện nếp sống văn minh trong việc cưới, việc tang",
        "Khuyến học, khuyến tài",
    ),
    Field.DEFENCE_SECURITY: (
        "Camera an ninh khu dân cư",
        "Tổ tự quản về an ninh, trật tự",
        "Khu dân cư không có tội phạm và tệ nạn xã hội",
        "Dân vận khéo trong công tác tuyển quân",
    ),
    Field.POLITICAL_SYSTEM: (
        "Chính quyền thân thiện, vì Nhân dân phục vụ",
        "Dân vận khéo trong cải cách thủ tục hành chính",
        "Bộ phận một cửa thân thiện",
        "Chi bộ gắn bó với Nhân dân",
    ),
}
_ORGS: Final = ("Hội Nông dân", "Hội Liên hiệp Phụ nữ", "Đoàn Thanh niên", "Hội Cựu chiến binh",
                "Ủy ban MTTQ", "UBND", "Công an")


def _owner(rng: random.Random, kind: OwnerKind, unit: Unit) -> Owner:
    """A synthetic collective of ``unit`` or a synthetic person."""
    if kind is OwnerKind.INDIVIDUAL:
        return Owner(kind, _person(rng))
    return Owner(kind, f"{rng.choice(_ORGS)} {unit.name[0].lower()}{unit.name[1:]}")


def render(dataset: Dataset) -> str:
    """The dataset as the JSON text stored in ``examples/data`` (newline-terminated)."""
    return dumps(dataset, indent=1) + "\n"


# -- seed 000: huyện Tam Nông, tỉnh Phú Thọ, 1 July 2016 – 30 June 2021 -----------------

TAM_NONG_START: Final = dt.date(2016, 7, 1)
TAM_NONG_END: Final = dt.date(2021, 6, 30)
#: Nghị quyết 828/NQ-UBTVQH14 (17/12/2019) took effect on this day.
TAM_NONG_MERGER: Final = dt.date(2020, 1, 1)
_NQ_828: Final = DocumentNumber.parse("828/NQ-UBTVQH14")
_TAM_NONG: Final = "236"

# Commune-level units of Tam Nông before the merger, with their GSO codes.
_TAM_NONG_COMMUNES: Final = (
    ("08434", _T, "Hưng Hóa"), ("08437", _C, "Vực Trường"), ("08440", _C, "Hiền Quan"),
    ("08443", _C, "Hương Nha"), ("08446", _C, "Thanh Uyên"), ("08449", _C, "Xuân Quang"),
    ("08452", _C, "Tứ Mỹ"), ("08455", _C, "Văn Lương"), ("08458", _C, "Hùng Đô"),
    ("08461", _C, "Phương Thịnh"), ("08464", _C, "Tam Cường"), ("08467", _C, "Cổ Tiết"),
    ("08470", _C, "Quang Húc"), ("08473", _C, "Hương Nộn"), ("08476", _C, "Tề Lễ"),
    ("08479", _C, "Thọ Văn"), ("08482", _C, "Dị Nậu"), ("08485", _C, "Hồng Đà"),
    ("08488", _C, "Dậu Dương"), ("08491", _C, "Thượng Nông"),
)
# The four communes formed under 828/NQ-UBTVQH14; each keeps the GSO code of one
# predecessor (as a second version of that code). Grouping: see docs/example-data.md.
_TAM_NONG_MERGERS: Final = (
    ("08443", "Bắc Sơn", ("08437", "08443", "08449")),
    ("08461", "Lam Sơn", ("08452", "08458", "08461")),
    ("08467", "Vạn Xuân", ("08455", "08464", "08467")),
    ("08491", "Dân Quyền", ("08485", "08488", "08491")),
)


def _tam_nong_units(rng: random.Random) -> tuple[list[Unit], list[Succession]]:
    units = [
        _area("25", AdminType.PROVINCE, "Phú Thọ"),
        _area(_TAM_NONG, AdminType.RURAL_DISTRICT, "Tam Nông", parent="25"),
    ]
    successions = []
    merged_into = {old: new for new, _, olds in _TAM_NONG_MERGERS for old in olds}
    new_names = {new: name for new, name, _ in _TAM_NONG_MERGERS}
    for code, kind, short in _TAM_NONG_COMMUNES:
        if code not in merged_into:
            units.append(_area(code, kind, short, parent=_TAM_NONG))
            continue
        units.append(_area(code, kind, short, parent=_TAM_NONG, valid_to=TAM_NONG_MERGER))
        if code in new_names:
            units.append(_area(code, _C, new_names[code], parent=_TAM_NONG,
                               valid_from=TAM_NONG_MERGER))
    for new, _, olds in _TAM_NONG_MERGERS:
        successions.append(Succession(TAM_NONG_MERGER, olds, (new,), _NQ_828))
    khu_units, khu_successions = _tam_nong_residential(rng, merged_into)
    return units + khu_units, successions + khu_successions


def _tam_nong_residential(rng: random.Random, merged_into: dict[str, str],
                          ) -> tuple[list[Unit], list[Succession]]:
    """172 khu dân cư before the merger; 44 of them merged into 20, leaving 148."""
    old_codes = [code for code, _, _ in _TAM_NONG_COMMUNES]
    counts = _split(rng, 172, [rng.randint(6, 12) for _ in old_codes], minimum=5)
    # khu per post-merger commune, in order: (old commune, number)
    groups: dict[str, list[tuple[str, int]]] = {}
    for code, count in zip(old_codes, counts, strict=True):
        groups.setdefault(merged_into.get(code, code), []).extend(
            (code, n) for n in range(1, count + 1))
    # 20 khu mergers (16 of two khu, 4 of three) inside one post-merger commune each
    sizes = [3] * 4 + [2] * 16
    rng.shuffle(sizes)
    merged: dict[tuple[str, int], int] = {}  # khu -> index of its merger
    targets = list(groups)
    members: list[list[tuple[str, int]]] = []
    for size in sizes:
        commune = rng.choice([c for c in targets
                              if sum(k not in merged for k in groups[c]) > size])
        free = [k for k in groups[commune] if k not in merged]
        picked = sorted(rng.sample(free, size), key=groups[commune].index)
        for khu in picked:
            merged[khu] = len(members)
        members.append(picked)
    units: list[Unit] = []
    successions: list[Succession] = []
    for code, count in zip(old_codes, counts, strict=True):
        for n in range(1, count + 1):
            units.append(Unit(f"{code}-K{n:02d}", f"Khu {n}", UnitLevel.RESIDENTIAL, parent=code))
    changed = {new for new, _, _ in _TAM_NONG_MERGERS} | {
        merged_into.get(c, c) for c, _ in merged}
    index = {u.code: i for i, u in enumerate(units)}
    created = 0
    for commune, khus in groups.items():
        if commune not in changed:
            continue
        number = 0
        for khu in khus:
            old = units[index[f"{khu[0]}-K{khu[1]:02d}"]]
            if khu in merged:
                group = members[merged[khu]]
                if khu != group[0]:
                    units[index[old.code]] = _end(old)
                    continue
                number += 1
                created += 1
                code = f"{commune}-N{created:02d}"
                units[index[old.code]] = _end(old)
                units.append(Unit(code, f"Khu {number}", UnitLevel.RESIDENTIAL, parent=commune,
                                  valid_from=TAM_NONG_MERGER))
                successions.append(Succession(
                    TAM_NONG_MERGER, tuple(f"{c}-K{n:02d}" for c, n in group), (code,)))
                continue
            number += 1
            if (old.parent, old.name) != (commune, f"Khu {number}"):
                units[index[old.code]] = _end(old)
                units.append(Unit(old.code, f"Khu {number}", UnitLevel.RESIDENTIAL,
                                  parent=commune, valid_from=TAM_NONG_MERGER))
    return units, successions


def _end(unit: Unit) -> Unit:
    """``unit`` ending on the day of the merger."""
    return Unit(unit.code, unit.name, unit.level, unit.kind, unit.parent, unit.valid_from,
                TAM_NONG_MERGER, unit.admin_type, unit.short_name)


def _tam_nong_directives() -> list[Directive]:
    return [
        _directive("290-QĐ/TW", "Bộ Chính trị", dt.date(2010, 2, 25),
                   "Ban hành Quy chế công tác dân vận của hệ thống chính trị"),
        _directive("25-NQ/TW", "Ban Chấp hành Trung ương Đảng khóa XI", dt.date(2013, 6, 3),
                   "Về tăng cường và đổi mới sự lãnh đạo của Đảng đối với công tác dân vận "
                   "trong tình hình mới"),
        _directive("114-KL/TW", "Ban Bí thư", dt.date(2015, 7, 14),
                   "Về nâng cao chất lượng, hiệu quả công tác dân vận của cơ quan nhà nước, "
                   "chính quyền các cấp"),
        _directive("120-KL/TW", "Bộ Chính trị", dt.date(2016, 1, 7),
                   "Về tiếp tục đẩy mạnh, nâng cao chất lượng, hiệu quả việc xây dựng và thực "
                   "hiện quy chế dân chủ ở cơ sở"),
        _directive("04-CT/TU", "Ban Thường vụ Tỉnh ủy Phú Thọ", dt.date(2016, 3, 28)),
        _directive("03-KL/TW", "Ban Bí thư", dt.date(2016, 5, 13),
                   "Về tiếp tục thực hiện Quyết định 290-QĐ/TW của Bộ Chính trị khóa X",
                   implements=("290-QĐ/TW",)),
        _directive("16/CT-TTg", "Thủ tướng Chính phủ", dt.date(2016, 5, 16),
                   "Về tăng cường và đổi mới công tác dân vận của cơ quan hành chính nhà nước, "
                   "chính quyền các cấp trong tình hình mới"),
        _directive("34/2007/PL-UBTVQH11", "Ủy ban Thường vụ Quốc hội", dt.date(2007, 4, 20),
                   "Pháp lệnh thực hiện dân chủ ở xã, phường, thị trấn"),
        _directive("11-QĐi/TW", "Bộ Chính trị", dt.date(2019, 2, 18),
                   "Về trách nhiệm của người đứng đầu cấp ủy trong việc tiếp dân, đối thoại "
                   "trực tiếp với dân và xử lý những phản ánh, kiến nghị của dân"),
        _directive("828/NQ-UBTVQH14", "Ủy ban Thường vụ Quốc hội", dt.date(2019, 12, 17),
                   "Về việc sắp xếp các đơn vị hành chính cấp xã thuộc tỉnh Phú Thọ"),
        _directive("05-NQ/HU", "Ban Thường vụ Huyện ủy Tam Nông", dt.date(2021, 2, 5),
                   "Về đẩy mạnh cải cách hành chính, trọng tâm là cải cách thủ tục hành chính "
                   "trên địa bàn huyện, giai đoạn 2021 – 2025"),
        _directive("19-NQ/HU", "Ban Thường vụ Huyện ủy Tam Nông", dt.date(2021, 3, 22)),
    ]


def _tam_nong_communes_on(day: dt.date) -> list[str]:
    """Codes of Tam Nông's commune-level units on ``day``."""
    if day < TAM_NONG_MERGER:
        return [code for code, _, _ in _TAM_NONG_COMMUNES]
    gone = {old for new, _, olds in _TAM_NONG_MERGERS for old in olds if old != new}
    return [code for code, _, _ in _TAM_NONG_COMMUNES if code not in gone]


# (kind, received by the district?, petitions, out of jurisdiction, unresolved at the end)
_TAM_NONG_PETITIONS: Final = (
    (PetitionKind.COMPLAINT, True, 15, 2, 1),
    (PetitionKind.COMPLAINT, False, 6, 0, 0),
    (PetitionKind.DENUNCIATION, True, 24, 3, 2),
    (PetitionKind.DENUNCIATION, False, 12, 1, 0),
    (PetitionKind.OTHER, True, 866, 40, 10),
    (PetitionKind.OTHER, False, 1665, 58, 18),
)


def _tam_nong_petitions(rng: random.Random) -> list[Petition]:
    """2.588 petitions: 2.484 within jurisdiction, 2.453 of them resolved by 30/6/2021."""
    found: list[Petition] = []
    for kind, district, total, outside, pending in _TAM_NONG_PETITIONS:
        for number in range(total):
            if number < outside:
                received, events = _transferred_or_declined(rng, district)
            elif number < outside + pending:
                received, events = _pending(rng)
            else:
                received, events = _resolved(rng, kind)
            unit = _TAM_NONG if district else rng.choice(_tam_nong_communes_on(received))
            channel = rng.choices((Channel.CITIZEN_RECEPTION, Channel.MAIL, Channel.ONLINE),
                                  (40, 50, 10))[0]
            if channel is Channel.ONLINE and received.year < 2019:
                channel = Channel.MAIL
            found.append(Petition("-", kind, received, unit, channel,
                                  in_jurisdiction=number >= outside, events=tuple(events)))
    found.sort(key=lambda p: p.received_on)  # stable: ties keep their generation order
    return [evolve(p, id=f"TN-P{i:04d}") for i, p in enumerate(found, 1)]


def _transferred_or_declined(rng: random.Random, district: bool,
                             ) -> tuple[dt.date, list[PetitionEvent]]:
    delay = rng.randint(2, 10)
    received = _workday(rng, TAM_NONG_START, TAM_NONG_END - (delay + 2) * _DAY)
    on = _next_workday(received + delay * _DAY)
    if rng.random() < 0.7:
        to_unit = "25" if district else _TAM_NONG
        return received, [PetitionEvent(EventKind.TRANSFERRED, on, to_unit=to_unit)]
    return received, [PetitionEvent(EventKind.DECLINED, on)]


def _pending(rng: random.Random) -> tuple[dt.date, list[PetitionEvent]]:
    received = _workday(rng, TAM_NONG_END - 40 * _DAY, TAM_NONG_END - 16 * _DAY)
    accepted = _next_workday(received + rng.randint(1, 5) * _DAY)
    started = _next_workday(accepted + rng.randint(1, 5) * _DAY)
    return received, [PetitionEvent(EventKind.ACCEPTED, accepted),
                      PetitionEvent(EventKind.IN_PROGRESS, started)]


def _resolved(rng: random.Random, kind: PetitionKind) -> tuple[dt.date, list[PetitionEvent]]:
    accept = rng.randint(1, 10)
    resolve = {PetitionKind.COMPLAINT: (15, 45), PetitionKind.DENUNCIATION: (15, 40)}.get(
        kind, (5, 30))
    days = rng.randint(*resolve)
    # every step falls on a workday: leave room for two weekend shifts before the end
    received = _workday(rng, TAM_NONG_START, TAM_NONG_END - (accept + days + 4) * _DAY)
    accepted = _next_workday(received + accept * _DAY)
    events = [PetitionEvent(EventKind.ACCEPTED, accepted)]
    if kind is PetitionKind.DENUNCIATION and days > 30:
        # Luật Tố cáo 2018, Art. 30: 30 days, extendable once by 30 days.
        events.append(PetitionEvent(EventKind.EXTENDED, _next_workday(accepted + 27 * _DAY),
                                    days=30))
    events.append(PetitionEvent(EventKind.RESOLVED, _next_workday(accepted + days * _DAY)))
    return received, events


# (district-level?, mode, number of dialogues)
_TAM_NONG_DIALOGUES: Final = (
    (True, DialogueMode.PERIODIC, 5),
    (True, DialogueMode.AD_HOC, 23),
    (False, DialogueMode.PERIODIC, 92),
    (False, DialogueMode.AD_HOC, 79),
)


def _tam_nong_dialogues(rng: random.Random) -> list[Dialogue]:
    """199 dialogues, 9.685 participants, 1.015 opinions all answered."""
    plans: list[tuple[dt.date, str, DialogueMode, ChairRole]] = []
    for district, mode, count in _TAM_NONG_DIALOGUES:
        for number in range(count):
            if district and mode is DialogueMode.PERIODIC:
                year = 2016 + number  # one periodic dialogue a year, in the fourth quarter
                held = _workday(rng, dt.date(year, 10, 1), dt.date(year, 12, 20))
            else:
                held = _workday(rng, TAM_NONG_START, TAM_NONG_END)
            unit = _TAM_NONG if district else rng.choice(_tam_nong_communes_on(held))
            chair = rng.choice((ChairRole.PARTY_SECRETARY, ChairRole.PEOPLES_COMMITTEE_CHAIR))
            plans.append((held, unit, mode, chair))
    plans.sort(key=lambda plan: plan[0])
    big = [plan[1] == _TAM_NONG for plan in plans]
    people = _split(rng, 9685, [rng.randint(8, 20) if b else rng.randint(3, 6) for b in big],
                    minimum=15)
    opinions = _split(rng, 1015, [rng.randint(6, 12) if b else rng.randint(2, 6) for b in big],
                      minimum=1)
    dialogues = []
    for i, ((held, unit, mode, chair), n, raised) in enumerate(
            zip(plans, people, opinions, strict=True), 1):
        referred = rng.randint(0, raised // 3)
        dialogues.append(Dialogue(
            f"TN-D{i:03d}", unit, held, chair, mode, participants=n, opinions_raised=raised,
            answered_at_meeting=raised - referred, referred=referred,
            referred_answered=referred, basis=_dialogue_basis(chair, held)))
    return dialogues


def _dialogue_basis(chair: ChairRole, held: dt.date) -> DocumentNumber:
    if chair is ChairRole.PEOPLES_COMMITTEE_CHAIR:
        return DocumentNumber.parse("16/CT-TTg")
    if held >= dt.date(2019, 2, 18):
        return DocumentNumber.parse("11-QĐi/TW")
    return DocumentNumber.parse("25-NQ/TW")


_TAM_NONG_MODELS: Final = (
    (Field.ECONOMY, 75),
    (Field.CULTURE_SOCIETY, 31),
    (Field.DEFENCE_SECURITY, 31),
    (Field.POLITICAL_SYSTEM, 14),
)


def _tam_nong_models(rng: random.Random, registry: UnitRegistry) -> list[Model]:
    """151 "Dân vận khéo" models and exemplars recognised by the district in the period."""
    found = []
    for field, count in _TAM_NONG_MODELS:
        for _ in range(count):
            wait = rng.randint(60, 300)
            registered = _workday(rng, TAM_NONG_START, TAM_NONG_END - wait * _DAY)
            # the period ends on a Wednesday, so the next workday stays inside it
            recognised = _next_workday(registered + wait * _DAY)
            code = _TAM_NONG if rng.random() < 0.15 else rng.choice(
                _tam_nong_communes_on(registered))
            unit = registry.get(code, registered)
            kind = OwnerKind.COLLECTIVE if rng.random() < 0.65 else OwnerKind.INDIVIDUAL
            found.append((registered, field, kind, unit, recognised))
    found.sort(key=lambda m: m[0])
    return [
        Model(f"TN-M{i:03d}", rng.choice(_TITLES[field]), _owner(rng, kind, unit), unit.code,
              field, registered,
              recognitions=(Recognition(RecognitionLevel.DISTRICT, recognised,
                                        "Ban Thường vụ Huyện ủy Tam Nông"),))
        for i, (registered, field, kind, unit, recognised) in enumerate(found, 1)
    ]


def tam_nong() -> Dataset:
    """Seed 000: huyện Tam Nông (Phú Thọ), 1/7/2016 – 30/6/2021."""
    rng = random.Random(0)
    units, successions = _tam_nong_units(rng)
    registry = UnitRegistry(units, successions)
    return Dataset(
        units=tuple(units),
        successions=tuple(successions),
        directives=tuple(_tam_nong_directives()),
        models=tuple(_tam_nong_models(rng, registry)),
        dialogues=tuple(_tam_nong_dialogues(rng)),
        petitions=tuple(_tam_nong_petitions(rng)),
    )


# -- seed 001: tỉnh Điện Biên, 2022 -----------------------------------------------------

_DIEN_BIEN_DISTRICTS: Final = (
    ("094", AdminType.PROVINCIAL_CITY, "Điện Biên Phủ"),
    ("095", AdminType.DISTRICT_TOWN, "Mường Lay"),
    ("096", AdminType.RURAL_DISTRICT, "Mường Nhé"),
    ("097", AdminType.RURAL_DISTRICT, "Mường Chà"),
    ("098", AdminType.RURAL_DISTRICT, "Tủa Chùa"),
    ("099", AdminType.RURAL_DISTRICT, "Tuần Giáo"),
    ("100", AdminType.RURAL_DISTRICT, "Điện Biên"),
    ("101", AdminType.RURAL_DISTRICT, "Điện Biên Đông"),
    ("102", AdminType.RURAL_DISTRICT, "Mường Ảng"),
    ("103", AdminType.RURAL_DISTRICT, "Nậm Pồ"),
)


def dien_bien() -> Dataset:
    """Seed 001: tỉnh Điện Biên, 2022: 10/10 district plans; 1.053 reception turns."""
    rng = random.Random(1)
    units = [_area("11", AdminType.PROVINCE, "Điện Biên")]
    units += [_area(code, kind, short, parent="11") for code, kind, short in _DIEN_BIEN_DISTRICTS]
    plan_basis = DocumentNumber.parse("16/CT-TTg")
    issued = sorted(_workday(rng, dt.date(2022, 1, 4), dt.date(2022, 4, 29))
                    for _ in _DIEN_BIEN_DISTRICTS)
    implementations = [
        Implementation(f"DB-I{i:02d}", plan_basis, code, day, DocumentKind.PLAN)
        for i, ((code, _, _), day) in enumerate(zip(_DIEN_BIEN_DISTRICTS, issued, strict=True), 1)
    ]
    return Dataset(
        units=tuple(units),
        directives=(
            _directive("16/CT-TTg", "Thủ tướng Chính phủ", dt.date(2016, 5, 16),
                       "Về tăng cường và đổi mới công tác dân vận của cơ quan hành chính nhà "
                       "nước, chính quyền các cấp trong tình hình mới"),
            _directive("11-QĐi/TW", "Bộ Chính trị", dt.date(2019, 2, 18),
                       "Về trách nhiệm của người đứng đầu cấp ủy trong việc tiếp dân, đối "
                       "thoại trực tiếp với dân và xử lý những phản ánh, kiến nghị của dân"),
        ),
        implementations=tuple(implementations),
        receptions=tuple(_dien_bien_receptions(rng)),
    )


def _dien_bien_receptions(rng: random.Random) -> list[Reception]:
    """Sessions summing to 1.053 turns, 1.345 people, 9 crowd delegations of 149 people."""
    sessions: list[tuple[dt.date, str, ChairRole, bool]] = []
    for month in range(1, 13):
        # Luật Tiếp công dân 2013, Art. 12, 13: the provincial chair at least one day a
        # month, the district chair two; the Party secretaries monthly (11-QĐi/TW).
        sessions.append((_next_workday(dt.date(2022, month, 20)), "11",
                         ChairRole.PEOPLES_COMMITTEE_CHAIR, True))
        sessions.append((_next_workday(dt.date(2022, month, 5)), "11",
                         ChairRole.PARTY_SECRETARY, True))
        for code, _, _ in _DIEN_BIEN_DISTRICTS:
            for day_of_month in (10, 25):
                sessions.append((_next_workday(dt.date(2022, month, day_of_month)), code,
                                 ChairRole.PEOPLES_COMMITTEE_CHAIR, True))
            sessions.append((_next_workday(dt.date(2022, month, 15)), code,
                             ChairRole.PARTY_SECRETARY, True))
    codes = ["11", *(code for code, _, _ in _DIEN_BIEN_DISTRICTS)]
    for _ in range(9):
        sessions.append((_workday(rng, dt.date(2022, 1, 4), dt.date(2022, 12, 30)),
                         rng.choice(codes), ChairRole.PEOPLES_COMMITTEE_CHAIR, False))
    sessions.sort(key=lambda s: (s[0], s[1]))
    regular = [s for s in sessions if s[3]]
    counts = _split(rng, 1053 - 9, [rng.randint(1, 6) for _ in regular])
    # people beyond one a turn (families, representatives) only where someone came
    extra = _split(rng, 1345 - 149 - (1053 - 9), [rng.randint(0, 3) if n else 0 for n in counts])
    turns, extras = iter(counts), iter(extra)
    crowds = iter(_split(rng, 149, [rng.randint(2, 6) for _ in range(9)], minimum=5))
    found = []
    for i, (day, code, host, is_regular) in enumerate(sessions, 1):
        if is_regular:
            n = next(turns)
            people = n + next(extras)
            found.append(Reception(f"DB-R{i:03d}", code, day, host, turns=n, people=people,
                                   cases=n))
        else:
            crowd = next(crowds)
            found.append(Reception(f"DB-R{i:03d}", code, day, host, turns=1, people=crowd,
                                   cases=1, crowd_delegations=1, crowd_people=crowd,
                                   regular=False))
    return found


# -- seed 004: huyện An Biên, tỉnh Kiên Giang, 2018 -----------------------------------

_AN_BIEN: Final = "908"
_AN_BIEN_COMMUNES: Final = (
    ("30985", _T, "Thứ Ba"), ("30988", _C, "Tây Yên"), ("30991", _C, "Tây Yên A"),
    ("30994", _C, "Nam Yên"), ("30997", _C, "Hưng Yên"), ("31000", _C, "Nam Thái"),
    ("31003", _C, "Nam Thái A"), ("31006", _C, "Đông Thái"), ("31009", _C, "Đông Yên"),
)


def an_bien() -> Dataset:
    """Seed 004: An Biên 2018: 315 + 27 registrations, 303 + 24 recognised; mediation 72/77."""
    rng = random.Random(4)
    communes = [_area(code, kind, short, parent=_AN_BIEN) for code, kind, short in _AN_BIEN_COMMUNES]
    units = [_area("91", AdminType.PROVINCE, "Kiên Giang"),
             _area(_AN_BIEN, AdminType.RURAL_DISTRICT, "An Biên", parent="91"), *communes]
    plans = []
    for kind, registrations, recognised in ((OwnerKind.COLLECTIVE, 315, 303),
                                            (OwnerKind.INDIVIDUAL, 27, 24)):
        for number in range(registrations):
            plans.append((_workday(rng, dt.date(2018, 1, 2), dt.date(2018, 4, 27)), kind,
                          number < recognised))
    plans.sort(key=lambda p: p[0])
    fields = (Field.ECONOMY, Field.CULTURE_SOCIETY, Field.DEFENCE_SECURITY, Field.POLITICAL_SYSTEM)
    models = []
    for i, (registered, kind, is_recognised) in enumerate(plans, 1):
        unit = rng.choice(communes)
        field = rng.choices(fields, (40, 25, 15, 20))[0]
        recognitions: tuple[Recognition, ...] = ()
        if is_recognised:
            body = f"Đảng ủy {unit.name[0].lower()}{unit.name[1:]}"
            recognitions = (Recognition(RecognitionLevel.GRASSROOTS,
                                        _workday(rng, dt.date(2018, 10, 1),
                                                 dt.date(2018, 12, 28)), body),)
        models.append(Model(f"AB-M{i:03d}", rng.choice(_TITLES[field]), _owner(rng, kind, unit),
                            unit.code, field, registered, recognitions=recognitions))
    return Dataset(units=tuple(units), models=tuple(models),
                   mediations=tuple(_an_bien_mediations(rng)))


def _an_bien_mediations(rng: random.Random) -> list[MediationCase]:
    """77 cases within the teams' remit; 72 brought to mediation (64 successful)."""
    plans: list[tuple[dt.date, dt.date | None, MediationOutcome | None]] = []
    for number in range(77):
        if number < 5:  # received in December, not yet mediated at the end of the year
            plans.append((_workday(rng, dt.date(2018, 12, 3), dt.date(2018, 12, 28)), None, None))
            continue
        received = _workday(rng, dt.date(2018, 1, 2), dt.date(2018, 12, 7))
        mediated = received + rng.randint(1, 15) * _DAY
        outcome = MediationOutcome.SUCCESSFUL if number < 5 + 64 else MediationOutcome.UNSUCCESSFUL
        plans.append((received, mediated, outcome))
    plans.sort(key=lambda p: p[0])
    codes = [code for code, _, _ in _AN_BIEN_COMMUNES]
    return [MediationCase(f"AB-H{i:02d}", rng.choice(codes), received, mediated_on=mediated,
                          outcome=outcome)
            for i, (received, mediated, outcome) in enumerate(plans, 1)]


# -- seed 003: huyện Tuyên Hóa, tỉnh Quảng Bình, 2018 ---------------------------------

_TUYEN_HOA: Final = "453"
_TUYEN_HOA_COMMUNES: Final = (
    ("18949", _T, "Đồng Lê"), ("18952", _C, "Hương Hóa"), ("18955", _C, "Kim Hóa"),
    ("18958", _C, "Thanh Hóa"), ("18961", _C, "Thanh Thạch"), ("18964", _C, "Thuận Hóa"),
    ("18967", _C, "Lâm Hóa"), ("18970", _C, "Lê Hóa"), ("18973", _C, "Sơn Hóa"),
    ("18976", _C, "Đồng Hóa"), ("18979", _C, "Ngư Hóa"), ("18982", _C, "Nam Hóa"),
    ("18985", _C, "Thạch Hóa"), ("18988", _C, "Đức Hóa"), ("18991", _C, "Phong Hóa"),
    ("18994", _C, "Mai Hóa"), ("18997", _C, "Tiến Hóa"), ("19000", _C, "Châu Hóa"),
    ("19003", _C, "Cao Quảng"), ("19006", _C, "Văn Hóa"),
)


def tuyen_hoa() -> Dataset:
    """Seed 003: Tuyên Hóa's "Chính quyền thân thiện" model replicated to 15 of 20 communes."""
    rng = random.Random(3)
    units = [_area("44", AdminType.PROVINCE, "Quảng Bình"),
             _area(_TUYEN_HOA, AdminType.RURAL_DISTRICT, "Tuyên Hóa", parent="44")]
    units += [_area(code, kind, short, parent=_TUYEN_HOA)
              for code, kind, short in _TUYEN_HOA_COMMUNES]
    taken = rng.sample([code for code, _, _ in _TUYEN_HOA_COMMUNES], 15)
    days = sorted(_workday(rng, dt.date(2017, 6, 1), dt.date(2018, 11, 30)) for _ in taken)
    model = Model(
        "TH-M01", "Chính quyền thân thiện, vì Nhân dân phục vụ",
        Owner(OwnerKind.COLLECTIVE, "UBND huyện Tuyên Hóa"), _TUYEN_HOA,
        Field.POLITICAL_SYSTEM, dt.date(2017, 3, 15), pilot=True,
        replications=tuple(Replication(code, day)
                           for code, day in zip(sorted(taken), days, strict=True)),
    )
    return Dataset(units=tuple(units), models=(model,))


# -- writing --------------------------------------------------------------------------

#: File name in ``examples/data`` -> the function that builds it.
DATASETS: Final[dict[str, Callable[[], Dataset]]] = {
    "tam_nong_2016_2021.json": tam_nong,
    "dien_bien_2022.json": dien_bien,
    "an_bien_2018.json": an_bien,
    "tuyen_hoa_2018.json": tuyen_hoa,
}


def write_all(directory: Path = DATA_DIR) -> list[Path]:
    """Build every dataset and write it into ``directory``; returns the paths written."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, build in DATASETS.items():
        path = directory / name
        path.write_text(render(build()), encoding="utf-8", newline="\n")
        written.append(path)
    return written


def main(argv: Sequence[str] | None = None) -> int:
    """Write the datasets into ``argv[0]`` (default: ``examples/data``)."""
    args = list(sys.argv[1:] if argv is None else argv)
    for path in write_all(Path(args[0]) if args else DATA_DIR):
        print(f"{path}: {path.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
