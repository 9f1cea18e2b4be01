"""Time a full report on a synthetic national dataset, beside a plain Python loop.

The dataset has the shape of Vietnam after 1 July 2025: 34 provinces and
3,321 communes, 1,000,000 petitions, 100,000 dialogues and 20,000 models
(``--small``: 1/100 of the records, for a quick check). Building a million
attrs objects is itself slow, so the build is timed separately. The report is
then timed beside a hand-written loop computing the same three headline rates
(petition resolution, dialogue answers, model recognition) in the same run.

Run: ``python benchmarks/bench_report.py [--small] [--seed N]``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import time
from collections.abc import Sequence

from danvan.indicators import catalogue, report
from danvan.records.dataset import Dataset
from danvan.records.dialogues import Dialogue
from danvan.records.models import Model, Owner, Recognition
from danvan.records.petitions import Petition, PetitionEvent
from danvan.records.units import Unit
from danvan.records.vocabulary import (
    ChairRole,
    DialogueMode,
    EventKind,
    Field,
    OwnerKind,
    PetitionKind,
    RecognitionLevel,
    UnitLevel,
)
from danvan.values import Rate
from danvan.values.periods import Period

PERIOD = Period.parse("2025-07-01..2026-07-01")
REFORM = dt.date(2025, 7, 1)
HEADLINES = ("petitions.resolution_rate", "dialogues.answer_rate", "models.recognition_rate")
#: The indicators that compute the legal time limits of petitions, timed on their own.
TIME_LIMITS = tuple(i.id for i in catalogue() if "on_time" in i.id or i.id in (
    "petitions.overdue_backlog", "petitions.ageing", "petitions.oldest_pending",
    "petitions.processing_days", "petitions.processing_working_days"))


def build(scale: int, seed: int) -> Dataset:
    """A national dataset with ``1_000_000 // scale`` petitions and the rest in proportion."""
    rng = random.Random(seed)
    units = [Unit("VN", "Việt Nam", UnitLevel.CENTRAL)]
    provinces = [f"{i:02d}" for i in range(1, 35)]
    units += [Unit(code, f"Tỉnh {code}", UnitLevel.PROVINCE, parent="VN", valid_from=REFORM)
              for code in provinces]
    communes = [f"{i:05d}" for i in range(1, 3322)]
    units += [Unit(code, f"Xã {code}", UnitLevel.COMMUNE, parent=provinces[i % 34],
                   valid_from=REFORM) for i, code in enumerate(communes)]
    receivers = communes * 3 + provinces
    days = [PERIOD.start + dt.timedelta(d) for d in range(PERIOD.days - 60)]
    kinds = list(PetitionKind)
    petitions = []
    for i in range(1_000_000 // scale):
        day = rng.choice(days)
        events: tuple[PetitionEvent, ...] = ()
        if rng.random() < 0.8:
            events = (PetitionEvent(EventKind.ACCEPTED, day + dt.timedelta(5)),
                      PetitionEvent(EventKind.RESOLVED, day + dt.timedelta(rng.randint(10, 50))))
        petitions.append(Petition(f"P{i}", rng.choice(kinds), day, rng.choice(receivers),
                                  in_jurisdiction=rng.random() < 0.95, events=events))
    dialogues = []
    for i in range(100_000 // scale):
        raised = rng.randint(0, 20)
        dialogues.append(Dialogue(
            f"D{i}", rng.choice(receivers), rng.choice(days), ChairRole.PARTY_SECRETARY,
            rng.choice((DialogueMode.PERIODIC, DialogueMode.AD_HOC)),
            participants=rng.randint(20, 200), opinions_raised=raised,
            answered_at_meeting=rng.randint(0, raised)))
    models = []
    for i in range(20_000 // scale):
        day = rng.choice(days)
        recognitions = ((Recognition(RecognitionLevel.GRASSROOTS, day + dt.timedelta(30)),)
                        if rng.random() < 0.7 else ())
        models.append(Model(f"M{i}", "Dân vận khéo", Owner(OwnerKind.COLLECTIVE, "Chi hội"),
                            rng.choice(communes), rng.choice(list(Field)), day,
                            recognitions=recognitions))
    return Dataset(units=tuple(units), petitions=tuple(petitions), dialogues=tuple(dialogues),
                   models=tuple(models))


def by_hand(data: Dataset) -> dict[str, Rate]:
    """The three headline rates, as a plain loop over the records would compute them."""
    start, end = PERIOD.start, PERIOD.end
    resolved = inside = 0
    for p in data.petitions:
        if start <= p.received_on < end and p.in_jurisdiction:
            inside += 1
            if p.events and p.events[-1].kind is EventKind.RESOLVED and p.events[-1].on < end:
                resolved += 1
    answered = raised = 0
    for d in data.dialogues:
        if start <= d.held_on < end:
            raised += d.opinions_raised
            answered += d.answered_at_meeting + d.referred_answered
    recognised = registered = 0
    last = PERIOD.last
    for m in data.models:
        if start <= m.registered_on < end:
            registered += 1
            recognised += any(r.on <= last for r in m.recognitions)
    return dict(zip(HEADLINES, (Rate(resolved, inside), Rate(answered, raised),
                                Rate(recognised, registered)), strict=True))


def _timed(label: str, function: object, *args: object) -> tuple[float, object]:
    began = time.perf_counter()
    value = function(*args)  # type: ignore[operator]
    seconds = time.perf_counter() - began
    print(f"{label:<42}{seconds:9.3f} s")
    return seconds, value


def main(argv: Sequence[str] | None = None) -> int:
    """Build, then time the report, the three rates through danvan, and the plain loop."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--small", action="store_true", help="1/100 of the records")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    scale = 100 if args.small else 1
    _, data = _timed("build the dataset (attrs objects, checks)", build, scale, args.seed)
    assert isinstance(data, Dataset)
    print(f"  {len(data.petitions):,} petitions, {len(data.dialogues):,} dialogues, "
          f"{len(data.models):,} models, {len(data.units):,} units")
    full, whole = _timed("full report (every indicator, details)", report, data, "VN", PERIOD)
    three, picked = _timed("danvan: the three headline rates",
                           lambda: report(data, "VN", PERIOD, indicators=HEADLINES,
                                          details=False))
    _timed("  of which petition time limits", lambda: report(
        data, "VN", PERIOD, indicators=TIME_LIMITS))
    plain, expected = _timed("plain Python loop: the same three rates", by_hand, data)
    assert isinstance(expected, dict)
    for name in HEADLINES:
        assert whole[name].value == picked[name].value == expected[name], name  # type: ignore[index]
        print(f"  {name:<30}{expected[name]}")
    print(f"ratio danvan (three rates) / plain loop: {three / plain:6.2f}")
    print(f"ratio full report / plain loop:          {full / plain:6.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
