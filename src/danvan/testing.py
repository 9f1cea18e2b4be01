"""Hypothesis strategies for danvan's entities, for danvan's tests and yours.

Every strategy builds its values from parts, so they are valid by
construction; options are keyword-only and checked at once. Install
``danvan[test]`` (hypothesis) to use this module; ``import danvan`` never
imports it.

>>> from hypothesis import given
>>> @given(datasets())
... def test_round_trip(ds):
...     from danvan.records.serialization import dumps, loads
...     assert loads(dumps(ds), Dataset) == ds
>>> test_round_trip()

The strategies are also registered for ``st.from_type`` (``st.from_type(Petition)``)
through the hypothesis entry point that danvan installs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from danvan.records.dataset import Dataset
from danvan.records.dialogues import Dialogue
from danvan.records.directives import Directive, Implementation
from danvan.records.document_numbers import _KIND_CODES, DocumentNumber
from danvan.records.mediations import MediationCase
from danvan.records.models import Model, Owner, Recognition, Replication
from danvan.records.petitions import TRANSITIONS, Petition, PetitionEvent
from danvan.records.receptions import Reception
from danvan.records.units import Succession, Unit, UnitRegistry
from danvan.records.vocabulary import (
    AdminType,
    ChairRole,
    Channel,
    Complexity,
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
    "datasets",
    "dialogues",
    "directives",
    "document_numbers",
    "identifiers",
    "mediation_cases",
    "models",
    "petitions",
    "receptions",
    "register_type_strategies",
    "strategy_for",
    "unit_registries",
    "vietnamese_text",
]

_MIN = dt.date(2000, 1, 1)
_MAX = dt.date(2035, 12, 31)
_SYLLABLES = (
    "Đào", "Xá", "Hưng", "Hóa", "Thọ", "Văn", "Lương", "Quang", "Húc", "Tề", "Lễ", "Hiền", "Quan",
    "Dậu", "Dương", "Thanh", "Uyên", "Cổ", "Tiết", "Mỹ", "Lồng", "Đồng", "Khởi", "Nghĩa", "Huấn",
    "Ấp", "Bắc", "Lý", "Thứ", "Ba", "Điện", "Biên", "Nậm", "Pồ", "Tủa", "Chùa", "Mường", "Ảng",
)


def _check_dates(min_date: dt.date, max_date: dt.date) -> None:
    if not isinstance(min_date, dt.date) or not isinstance(max_date, dt.date) or min_date > max_date:
        raise InvalidArgument(f"expected dates with min_date <= max_date, got {min_date!r}, {max_date!r}")


def vietnamese_text(*, max_words: int = 4) -> st.SearchStrategy[str]:
    """Vietnamese-looking names (diacritics, ``Đ``) or arbitrary non-blank text.

    Shrinks towards a one-word Vietnamese name.
    """
    if max_words < 1:
        raise InvalidArgument(f"max_words must be >= 1, got {max_words}")
    words = st.lists(st.sampled_from(_SYLLABLES), min_size=1, max_size=max_words).map(" ".join)
    return words | st.text(min_size=1, max_size=20).filter(str.strip)


def identifiers(prefix: str = "") -> st.SearchStrategy[str]:
    """Record ids such as ``P-12`` (no white space); shrinks towards ``prefix + "0"``."""
    if not isinstance(prefix, str) or any(c.isspace() for c in prefix):
        raise InvalidArgument(f"prefix must be text without white space, got {prefix!r}")
    return st.integers(0, 10**6).map(lambda n: f"{prefix}{n}")


def document_numbers() -> st.SearchStrategy[DocumentNumber]:
    """Party (``25-NQ/TW``) and State (``124/2020/NĐ-CP``) numbers; shrinks towards Party style."""
    serial = st.integers(1, 99999).map(str) | st.integers(1, 9).map(lambda n: f"0{n}")
    segment = st.text("ABCDEGHKLMNPQRSTUVXYĐđgi0123456789", min_size=1, max_size=8)
    codes = sorted(_KIND_CODES)
    party = st.builds(lambda n, k, i: f"{n}-{k}/{i}", serial, st.sampled_from(codes),
                      st.sampled_from(["TW", "TU", "HU", "ĐU", "QU"]) | segment)
    issuer_segments = st.lists(segment.filter(lambda s: s not in _KIND_CODES), min_size=1, max_size=3)
    state = st.builds(
        lambda n, y, k, i: f"{n}/{'' if y is None else f'{y}/'}{'' if k is None else k + '-'}{'-'.join(i)}",
        serial, st.none() | st.integers(1945, 2199), st.none() | st.sampled_from(codes), issuer_segments,
    )
    return (party | state).map(DocumentNumber.parse)


def _dates(min_date: dt.date, max_date: dt.date) -> st.SearchStrategy[dt.date]:
    return st.dates(min_value=min_date, max_value=max_date)


def unit_registries(*, max_units: int = 12, with_merger: bool | None = None,
                    ) -> st.SearchStrategy[UnitRegistry]:
    """A province, its districts and communes, maybe with a commune merger.

    Codes are ``P``, ``D0``…, ``C0``…; a merger retires some communes on a
    date and creates ``M0``. Shrinks towards one province and no merger.
    """
    if isinstance(max_units, bool) or not isinstance(max_units, int) or max_units < 1:
        raise InvalidArgument(f"max_units must be a whole number >= 1, got {max_units!r}")
    if with_merger not in (None, True, False):
        raise InvalidArgument(f"with_merger must be None, True or False, got {with_merger!r}")
    return _unit_registries(max_units, with_merger)


@st.composite
def _unit_registries(draw: st.DrawFn, max_units: int, with_merger: bool | None) -> UnitRegistry:
    units = [Unit("P", "Tỉnh " + draw(vietnamese_text()), UnitLevel.PROVINCE,
                  admin_type=AdminType.PROVINCE)]
    districts = [f"D{i}" for i in range(draw(st.integers(0, max(0, (max_units - 1) // 3))))]
    units += [Unit(code, "Huyện " + draw(vietnamese_text()), UnitLevel.DISTRICT, parent="P",
                   admin_type=AdminType.RURAL_DISTRICT) for code in districts]
    communes = [(f"C{i}", draw(st.sampled_from(districts)) if districts else "P")
                for i in range(draw(st.integers(0, max(0, max_units - 1 - len(districts)))))]
    merge = draw(st.booleans()) if with_merger is None else with_merger
    merged: list[tuple[str, str]] = []
    successions: list[Succession] = []
    if merge and len(communes) >= 2:
        parent = communes[0][1]
        merged = [c for c in communes if c[1] == parent][:draw(st.integers(2, 3))]
        if len(merged) >= 2:
            on = draw(_dates(dt.date(2010, 1, 1), dt.date(2030, 1, 1)))
            units.append(Unit("M0", "Xã " + draw(vietnamese_text()), UnitLevel.COMMUNE, parent=parent,
                              valid_from=on, admin_type=AdminType.COMMUNE))
            successions.append(Succession(on, tuple(c for c, _ in merged), ("M0",),
                                          DocumentNumber.parse("828/NQ-UBTVQH14")))
        else:
            merged = []
    ends = {c: successions[0].on for c, _ in merged}
    units += [Unit(code, "Xã " + draw(vietnamese_text()), UnitLevel.COMMUNE, parent=parent,
                   valid_to=ends.get(code), admin_type=AdminType.COMMUNE)
              for code, parent in communes]
    return UnitRegistry(units, successions)


def _valid_on(registry: UnitRegistry, min_date: dt.date, max_date: dt.date,
              ) -> st.SearchStrategy[tuple[str, dt.date]]:
    """A unit code and a day on which that unit exists."""
    def for_unit(unit: Unit) -> st.SearchStrategy[tuple[str, dt.date]]:
        low = max(min_date, unit.valid_from or min_date)
        high = min(max_date, (unit.valid_to - dt.timedelta(days=1)) if unit.valid_to else max_date)
        return _dates(low, high).map(lambda d: (unit.code, d))

    usable = [u for u in registry if (u.valid_from or min_date) <= max_date
              and (u.valid_to is None or u.valid_to > min_date)]
    if not usable:
        raise InvalidArgument("no unit exists between min_date and max_date")
    return st.sampled_from(usable).flatmap(for_unit)


@st.composite
def _events(draw: st.DrawFn, start: dt.date, max_events: int) -> tuple[PetitionEvent, ...]:
    events: list[PetitionEvent] = []
    state, day = EventKind.RECEIVED, start
    for _ in range(draw(st.integers(0, max_events))):
        options = sorted(TRANSITIONS[state], key=lambda k: k.code)
        if not options:
            break
        kind = draw(st.sampled_from(options))
        day = day + dt.timedelta(days=draw(st.integers(0, 60)))
        extra: dict[str, object] = {}
        if kind is EventKind.EXTENDED:
            extra["days"] = draw(st.none() | st.integers(1, 60))
        events.append(PetitionEvent(kind, day, **extra))  # type: ignore[arg-type]
        state = kind
    return tuple(events)


def petitions(registry: UnitRegistry, *, min_date: dt.date = _MIN, max_date: dt.date = _MAX,
              max_events: int = 5) -> st.SearchStrategy[Petition]:
    """Petitions received by units of ``registry`` with a legal lifecycle.

    Shrinks towards a petition with no events after receipt.
    """
    _check_dates(min_date, max_date)
    if isinstance(max_events, bool) or not isinstance(max_events, int) or max_events < 0:
        raise InvalidArgument(f"max_events must be a whole number >= 0, got {max_events!r}")

    def build(where: tuple[str, dt.date]) -> st.SearchStrategy[Petition]:
        code, day = where
        kind = st.sampled_from(list(PetitionKind))
        return kind.flatmap(lambda k: st.builds(
            Petition, identifiers("P"), st.just(k), st.just(day), st.just(code),
            channel=st.sampled_from(list(Channel)), in_jurisdiction=st.booleans(),
            crowd_size=st.none() | st.integers(2, 300),
            complexity=st.sampled_from(list(Complexity)), remote_area=st.booleans(),
            second_instance=st.just(False) | (st.booleans() if k is PetitionKind.COMPLAINT
                                              else st.just(False)),
            discipline=st.booleans() if k is PetitionKind.COMPLAINT else st.just(False),
            multi_site=st.booleans() if k is PetitionKind.DENUNCIATION else st.just(False),
            known_on=(st.none() | st.dates(day - dt.timedelta(days=400), day)
                      if k is PetitionKind.COMPLAINT else st.none()),
            events=_events(day, max_events),
        ))

    return _valid_on(registry, min_date, max_date).flatmap(build)


def dialogues(registry: UnitRegistry, *, min_date: dt.date = _MIN, max_date: dt.date = _MAX,
              bases: Sequence[DocumentNumber] = ()) -> st.SearchStrategy[Dialogue]:
    """Dialogues whose answered opinions never exceed those raised; shrinks towards zeros."""
    _check_dates(min_date, max_date)

    @st.composite
    def build(draw: st.DrawFn) -> Dialogue:
        code, day = draw(_valid_on(registry, min_date, max_date))
        raised = draw(st.integers(0, 200))
        at_meeting = draw(st.integers(0, raised))
        referred = draw(st.integers(0, raised - at_meeting))
        return Dialogue(
            draw(identifiers("D")), code, day, draw(st.sampled_from(list(ChairRole))),
            draw(st.sampled_from(list(DialogueMode))), draw(st.integers(0, 2000)), raised,
            at_meeting, referred, draw(st.integers(0, referred)),
            draw(st.none() | st.sampled_from(list(bases))) if bases else None,
        )

    return build()


def models(registry: UnitRegistry, *, min_date: dt.date = _MIN, max_date: dt.date = _MAX,
           ) -> st.SearchStrategy[Model]:
    """"Dân vận khéo" models with dated recognitions and replications; shrinks to a bare registration."""
    _check_dates(min_date, max_date)

    @st.composite
    def build(draw: st.DrawFn) -> Model:
        code, day = draw(_valid_on(registry, min_date, max_date))
        later = _dates(day, max(day, max_date))
        others = sorted({u.code for u in registry} - {code})
        replications: list[Replication] = []
        for other in draw(st.lists(st.sampled_from(others), unique=True, max_size=3)) if others else []:
            when = draw(later)
            if registry.exists(other, when):
                replications.append(Replication(other, when))
        return Model(
            draw(identifiers("M")), draw(vietnamese_text()),
            Owner(draw(st.sampled_from(list(OwnerKind))), draw(vietnamese_text())), code,
            draw(st.sampled_from(list(Field))), day,
            tuple(draw(st.lists(st.builds(Recognition, st.sampled_from(list(RecognitionLevel)),
                                          later, vietnamese_text()), max_size=2))),
            draw(st.booleans()), tuple(replications),
            draw(st.none() | later),
        )

    return build()


def receptions(registry: UnitRegistry, *, min_date: dt.date = _MIN, max_date: dt.date = _MAX,
               ) -> st.SearchStrategy[Reception]:
    """Reception sessions with consistent turns, people and crowd counts; shrinks to an empty session."""
    _check_dates(min_date, max_date)

    @st.composite
    def build(draw: st.DrawFn) -> Reception:
        code, day = draw(_valid_on(registry, min_date, max_date))
        turns = draw(st.integers(0, 50))
        crowds = draw(st.integers(0, turns))
        crowd_people = draw(st.integers(2 * crowds, 2 * crowds + 100)) if crowds else 0
        people = draw(st.integers(max(turns, crowd_people), max(turns, crowd_people) + 100))
        return Reception(draw(identifiers("R")), code, day, draw(st.sampled_from(list(ChairRole))),
                         turns, people, draw(st.integers(0, turns)), crowds, crowd_people,
                         draw(st.booleans()))

    return build()


def mediation_cases(registry: UnitRegistry, *, min_date: dt.date = _MIN, max_date: dt.date = _MAX,
                    ) -> st.SearchStrategy[MediationCase]:
    """Mediation cases, mediated or not; shrinks towards an unmediated case."""
    _check_dates(min_date, max_date)

    @st.composite
    def build(draw: st.DrawFn) -> MediationCase:
        code, day = draw(_valid_on(registry, min_date, max_date))
        mediated = draw(st.none() | st.dates(day, max(day, max_date)))
        outcome = draw(st.none() | st.sampled_from(list(MediationOutcome))) if mediated else None
        return MediationCase(draw(identifiers("H")), code, day, draw(st.booleans()), mediated, outcome)

    return build()


def directives(*, min_date: dt.date = _MIN, max_date: dt.date = _MAX,
               ) -> st.SearchStrategy[Directive]:
    """Directives with a number, kind, issuer and date (implementing nothing)."""
    _check_dates(min_date, max_date)
    return st.builds(Directive, document_numbers(), st.sampled_from(list(DocumentKind)),
                     vietnamese_text(), _dates(min_date, max_date), vietnamese_text())


def datasets(*, max_records: int = 6, min_date: dt.date = _MIN, max_date: dt.date = _MAX,
             ) -> st.SearchStrategy[Dataset]:
    """A Dataset whose every reference holds; shrinks towards one province and no records."""
    _check_dates(min_date, max_date)
    if isinstance(max_records, bool) or not isinstance(max_records, int) or max_records < 0:
        raise InvalidArgument(f"max_records must be a whole number >= 0, got {max_records!r}")
    return _datasets(max_records, min_date, max_date)


@st.composite
def _datasets(draw: st.DrawFn, max_records: int, min_date: dt.date, max_date: dt.date) -> Dataset:
    registry = draw(unit_registries())
    docs = draw(st.lists(directives(min_date=min_date, max_date=max_date), max_size=2,
                         unique_by=lambda d: str(d.number)))
    numbers = [d.number for d in docs]

    def some(strategy: st.SearchStrategy[object]) -> tuple[object, ...]:
        items = draw(st.lists(strategy, max_size=max_records))
        return tuple(items)

    def unique_ids(records: tuple[object, ...]) -> tuple[object, ...]:
        seen: dict[str, object] = {}
        for record in records:
            seen.setdefault(record.id, record)  # type: ignore[attr-defined]
        return tuple(seen.values())

    implementations: tuple[object, ...] = ()
    if numbers:
        implementations = some(_valid_on(registry, min_date, max_date).flatmap(
            lambda where: st.builds(Implementation, identifiers("I"), st.sampled_from(numbers),
                                    st.just(where[0]), st.just(where[1]),
                                    st.sampled_from(list(DocumentKind)),
                                    st.none() | document_numbers())))
    span = {"min_date": min_date, "max_date": max_date}
    return Dataset(
        units=tuple(registry), successions=registry.successions, directives=tuple(docs),
        implementations=unique_ids(implementations),  # type: ignore[arg-type]
        models=unique_ids(some(models(registry, **span))),  # type: ignore[arg-type]
        dialogues=unique_ids(some(dialogues(registry, bases=numbers, **span))),  # type: ignore[arg-type]
        petitions=unique_ids(some(petitions(registry, **span))),  # type: ignore[arg-type]
        receptions=unique_ids(some(receptions(registry, **span))),  # type: ignore[arg-type]
        mediations=unique_ids(some(mediation_cases(registry, **span))),  # type: ignore[arg-type]
    )


def strategy_for(cls: type) -> st.SearchStrategy[object]:
    """The strategy ``st.from_type(cls)`` uses for a danvan entity."""
    per_registry: dict[type, Callable[[UnitRegistry], st.SearchStrategy[Any]]] = {
        Petition: petitions, Dialogue: dialogues, Model: models, Reception: receptions,
        MediationCase: mediation_cases,
    }
    if cls in per_registry:
        return unit_registries().flatmap(per_registry[cls])
    plain: dict[type, Callable[[], st.SearchStrategy[Any]]] = {
        DocumentNumber: document_numbers, UnitRegistry: unit_registries, Dataset: datasets,
        Directive: directives,
    }
    if cls in plain:
        return plain[cls]()
    raise InvalidArgument(f"danvan has no strategy for {cls!r}")


#: The types :func:`register_type_strategies` registers.
TYPES = (DocumentNumber, UnitRegistry, Dataset, Directive, Petition, Dialogue, Model, Reception,
         MediationCase)


def register_type_strategies() -> None:
    """Register these strategies with ``st.from_type``."""
    for cls in TYPES:
        st.register_type_strategy(cls, strategy_for(cls))
