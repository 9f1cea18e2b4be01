"""The example datasets reproduce the seed reports' figures, counted with plain loops.

These tests deliberately avoid danvan's indicator engine: each figure is counted
from the records directly, so the files can serve as fixtures for the engine.
"""

from __future__ import annotations

import datetime as dt
import functools
import importlib.util
from collections import Counter
from fractions import Fraction
from pathlib import Path
from types import ModuleType

import pytest

from danvan.records.dataset import Dataset
from danvan.records.document_numbers import DocumentNumber
from danvan.records.serialization import loads
from danvan.records.vocabulary import (
    AdminType,
    DialogueMode,
    EventKind,
    Field,
    OwnerKind,
    PetitionKind,
    RecognitionLevel,
    UnitLevel,
)

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
DATA = EXAMPLES / "data"

TN_START, TN_END = dt.date(2016, 7, 1), dt.date(2021, 6, 30)
MERGER = dt.date(2020, 1, 1)


@functools.cache
def builder() -> ModuleType:
    """``examples/build_datasets.py`` imported as a module (it is not a package)."""
    spec = importlib.util.spec_from_file_location("build_datasets", EXAMPLES / "build_datasets.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@functools.cache
def load(name: str) -> Dataset:
    """A dataset read from ``examples/data``."""
    return loads((DATA / name).read_text(encoding="utf-8"), Dataset)


def percent(part: int, whole: int) -> str:
    """``part/whole`` as Vietnamese reports print it: one decimal, truncated, comma."""
    tenths = Fraction(part * 1000, whole).__floor__()
    return f"{tenths // 10},{tenths % 10}"


def tam_nong() -> Dataset:
    """Seed 000's dataset."""
    return load("tam_nong_2016_2021.json")


# -- rebuilding -------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["tam_nong_2016_2021.json", "dien_bien_2022.json",
                                  "an_bien_2018.json", "tuyen_hoa_2018.json"])
def test_rebuilding_gives_the_same_text(name: str) -> None:
    """Running the builder again yields the committed file byte for byte."""
    module = builder()
    text = module.render(module.DATASETS[name]())
    assert text == (DATA / name).read_text(encoding="utf-8")


def test_builder_lists_every_file() -> None:
    """Every JSON file in examples/data is produced by the builder."""
    assert sorted(builder().DATASETS) == sorted(p.name for p in DATA.glob("*.json"))


@pytest.mark.parametrize("name", ["tam_nong_2016_2021.json", "dien_bien_2022.json",
                                  "an_bien_2018.json", "tuyen_hoa_2018.json"])
def test_files_stay_small(name: str) -> None:
    """Each file stays under 2 MB."""
    assert (DATA / name).stat().st_size < 2_000_000


# -- seed 000: Tam Nông -----------------------------------------------------------------


def test_tam_nong_petitions_by_kind() -> None:
    """2.588 petitions: khiếu nại 21, tố cáo 36, loại khác 2.531, all in the period."""
    petitions = tam_nong().petitions
    kinds = Counter(p.kind for p in petitions)
    assert len(petitions) == 2588
    assert kinds == {PetitionKind.COMPLAINT: 21, PetitionKind.DENUNCIATION: 36,
                     PetitionKind.OTHER: 2531}
    for p in petitions:
        assert TN_START <= p.received_on <= TN_END
        assert all(e.on <= TN_END for e in p.events)


def test_tam_nong_petitions_by_receiving_level() -> None:
    """UBND huyện received 905 petitions and UBND xã, thị trấn 1.683."""
    data = tam_nong()
    levels = Counter(data.registry.get(p.unit, p.received_on).level for p in data.petitions)
    assert levels == {UnitLevel.DISTRICT: 905, UnitLevel.COMMUNE: 1683}


def test_tam_nong_petitions_resolved() -> None:
    """2.453 of the 2.484 petitions within jurisdiction were resolved: 98,7%."""
    petitions = tam_nong().petitions
    within = [p for p in petitions if p.in_jurisdiction]
    resolved = [p for p in within if p.state is EventKind.RESOLVED and p.events[-1].on <= TN_END]
    assert len(within) == 2484
    assert len(resolved) == 2453
    assert percent(len(resolved), len(within)) == "98,7"
    assert not any(p.state is EventKind.RESOLVED for p in petitions if not p.in_jurisdiction)


def test_tam_nong_petition_lifecycles() -> None:
    """Unresolved petitions are in progress; those outside jurisdiction were transferred or declined."""
    for p in tam_nong().petitions:
        if not p.in_jurisdiction:
            assert p.state in {EventKind.TRANSFERRED, EventKind.DECLINED}
        elif p.state is not EventKind.RESOLVED:
            assert p.state is EventKind.IN_PROGRESS
            assert p.events[0].kind is EventKind.ACCEPTED


def test_tam_nong_dialogues() -> None:
    """199 dialogues: huyện 5 định kỳ + 23 đột xuất, xã 92 + 79; 9.685 people; 1.015/1.015."""
    data = tam_nong()
    cells: Counter[tuple[UnitLevel, DialogueMode]] = Counter()
    participants = raised = answered = 0
    for d in data.dialogues:
        assert TN_START <= d.held_on <= TN_END
        cells[data.registry.get(d.unit, d.held_on).level, d.mode] += 1
        participants += d.participants
        raised += d.opinions_raised
        answered += d.answered_at_meeting + d.referred_answered
    assert len(data.dialogues) == 199
    assert cells == {
        (UnitLevel.DISTRICT, DialogueMode.PERIODIC): 5,
        (UnitLevel.DISTRICT, DialogueMode.AD_HOC): 23,
        (UnitLevel.COMMUNE, DialogueMode.PERIODIC): 92,
        (UnitLevel.COMMUNE, DialogueMode.AD_HOC): 79,
    }
    assert (participants, raised, answered) == (9685, 1015, 1015)


def test_tam_nong_dialogue_bases_are_held_directives() -> None:
    """Every dialogue cites a directive the dataset holds, issued before the dialogue."""
    data = tam_nong()
    issued = {d.number: d.issued_on for d in data.directives}
    for d in data.dialogues:
        assert d.basis is not None
        assert issued[d.basis] <= d.held_on


def test_tam_nong_models() -> None:
    """151 models recognised in the period: kinh tế 75, VH–XH 31, QP–AN 31, XDHTCT 14."""
    models = tam_nong().models
    assert len(models) == 151
    assert Counter(m.field for m in models) == {
        Field.ECONOMY: 75, Field.CULTURE_SOCIETY: 31, Field.DEFENCE_SECURITY: 31,
        Field.POLITICAL_SYSTEM: 14,
    }
    for m in models:
        assert any(TN_START <= r.on <= TN_END for r in m.recognitions)


def test_tam_nong_commune_merger() -> None:
    """12 communes merged into 4 under 828/NQ-UBTVQH14: 20 units before, 12 after (-8, 40%)."""
    data = tam_nong()
    before = [u for u in data.registry.as_of(MERGER - dt.timedelta(days=1))
              if u.level is UnitLevel.COMMUNE]
    after = [u for u in data.registry.as_of(MERGER) if u.level is UnitLevel.COMMUNE]
    assert Counter(u.admin_type for u in before) == {AdminType.COMMUNE: 19, AdminType.TOWNSHIP: 1}
    assert Counter(u.admin_type for u in after) == {AdminType.COMMUNE: 11, AdminType.TOWNSHIP: 1}
    assert len(before) - len(after) == 8
    assert percent(len(before) - len(after), len(before)) == "40,0"
    commune_codes = {u.code for u in before} | {u.code for u in after}
    mergers = [s for s in data.successions if set(s.predecessors) <= commune_codes]
    assert len(mergers) == 4
    assert sum(len(s.predecessors) for s in mergers) == 12
    for s in mergers:
        assert s.on == MERGER
        assert s.basis == DocumentNumber.parse("828/NQ-UBTVQH14")
    assert "Thị trấn Hưng Hóa" in {u.name for u in after}
    assert {"Xã Bắc Sơn", "Xã Lam Sơn", "Xã Vạn Xuân", "Xã Dân Quyền"} <= {u.name for u in after}


def test_tam_nong_residential_areas() -> None:
    """44 khu dân cư merged into 20: 172 before, 148 after (-24, 13,9%)."""
    data = tam_nong()
    before = [u for u in data.registry.as_of(MERGER - dt.timedelta(days=1))
              if u.level is UnitLevel.RESIDENTIAL]
    after = [u for u in data.registry.as_of(MERGER) if u.level is UnitLevel.RESIDENTIAL]
    assert (len(before), len(after)) == (172, 148)
    assert percent(len(before) - len(after), len(before)) == "13,9"
    codes = {u.code for u in before}
    mergers = [s for s in data.successions if set(s.predecessors) <= codes]
    assert len(mergers) == 20
    assert sum(len(s.predecessors) for s in mergers) == 44
    for unit in after:  # every khu sits in a commune that exists after the merger
        assert unit.parent is not None
        assert data.registry.exists(unit.parent, MERGER)


def test_tam_nong_records_follow_the_merger() -> None:
    """Records reference the commune of their day and roll up to exactly one commune of 2021."""
    data = tam_nong()
    registry = data.registry
    dated = [(p.unit, p.received_on) for p in data.petitions]
    dated += [(d.unit, d.held_on) for d in data.dialogues]
    dated += [(m.unit, m.registered_on) for m in data.models]
    old = new = 0
    for code, day in dated:
        unit = registry.get(code, day)
        if unit.level is not UnitLevel.COMMUNE:
            continue
        if day < MERGER:
            old += 1
        else:
            new += 1
        successor = registry.resolve_default(code, TN_END)
        assert successor is not None
        assert registry.get(successor, TN_END).parent == "236"
    assert old > 0
    assert new > 0


def test_tam_nong_directives() -> None:
    """The guiding documents the report cites are held with their dates."""
    issued = {str(d.number): d.issued_on for d in tam_nong().directives}
    assert issued["25-NQ/TW"] == dt.date(2013, 6, 3)
    assert issued["16/CT-TTg"] == dt.date(2016, 5, 16)
    assert issued["03-KL/TW"] == dt.date(2016, 5, 13)
    assert issued["114-KL/TW"] == dt.date(2015, 7, 14)
    assert issued["05-NQ/HU"] == dt.date(2021, 2, 5)
    assert issued["828/NQ-UBTVQH14"] == dt.date(2019, 12, 17)


# -- seed 001: Điện Biên ----------------------------------------------------------------


def test_dien_bien_plans_cover_every_district() -> None:
    """10/10 huyện, thị xã, thành phố issued their coordination plan in 2022."""
    data = load("dien_bien_2022.json")
    districts = {u.code for u in data.units if u.level is UnitLevel.DISTRICT}
    planned = {i.unit for i in data.implementations if i.issued_on.year == 2022}
    assert len(districts) == 10
    assert planned == districts
    assert len(data.implementations) == 10


def test_dien_bien_receptions() -> None:
    """1.053 turns, 1.345 people, 9 crowd delegations with 149 people, all in 2022."""
    data = load("dien_bien_2022.json")
    turns = people = crowds = crowd_people = 0
    for r in data.receptions:
        assert r.on.year == 2022
        turns += r.turns
        people += r.people
        crowds += r.crowd_delegations
        crowd_people += r.crowd_people
    assert (turns, people, crowds, crowd_people) == (1053, 1345, 9, 149)


# -- seed 004: An Biên ------------------------------------------------------------------


def test_an_bien_models() -> None:
    """342 registrations (315 tập thể, 27 cá nhân); 303 and 24 recognised at cấp cơ sở."""
    models = load("an_bien_2018.json").models
    registered = Counter(m.owner.kind for m in models if m.registered_on.year == 2018)
    recognised = Counter(
        m.owner.kind for m in models
        if any(r.level is RecognitionLevel.GRASSROOTS and r.on.year == 2018
               for r in m.recognitions))
    assert registered == {OwnerKind.COLLECTIVE: 315, OwnerKind.INDIVIDUAL: 27}
    assert sum(registered.values()) == 342  # the report prints 345: see docs/example-data.md
    assert recognised == {OwnerKind.COLLECTIVE: 303, OwnerKind.INDIVIDUAL: 24}


def test_an_bien_mediation() -> None:
    """77 cases within jurisdiction, 72 brought to mediation: 93,5%."""
    cases = load("an_bien_2018.json").mediations
    within = [c for c in cases if c.in_jurisdiction and c.received_on.year == 2018]
    mediated = [c for c in within if c.mediated_on is not None and c.mediated_on.year == 2018]
    assert (len(within), len(mediated)) == (77, 72)
    assert percent(len(mediated), len(within)) == "93,5"


# -- seed 003: Tuyên Hóa ----------------------------------------------------------------


def test_tuyen_hoa_replication() -> None:
    """"Chính quyền thân thiện" was replicated to 15 of the district's 20 commune-level units."""
    data = load("tuyen_hoa_2018.json")
    communes = {u.code for u in data.units if u.level is UnitLevel.COMMUNE}
    (model,) = data.models
    reached = {r.unit for r in model.replications if r.on <= dt.date(2018, 12, 31)}
    assert model.title.startswith("Chính quyền thân thiện")
    assert len(communes) == 20
    assert reached <= communes
    assert len(reached) == 15
