"""Tests for ``danvan.text.claims.reconcile``: a report's figures against the records behind them."""

from __future__ import annotations

import datetime as dt
import json
from functools import cache
from pathlib import Path

import attrs
import pytest
from attrs import evolve
from hypothesis import given, strategies as st

import danvan.text
from danvan.errors import FieldError, VocabularyError
from danvan.indicators import compute
from danvan.records.dataset import Dataset
from danvan.records.petitions import Petition, PetitionEvent
from danvan.records.serialization import loads
from danvan.records.units import Unit
from danvan.records.vocabulary import EventKind, PetitionKind, UnitLevel
from danvan.text._seed_bindings import SEEDS, for_text
from danvan.text.reconciliation import (
    Agreement,
    Binding,
    Measure,
    Reconciliation,
    load_bindings,
    reconcile,
    seed_bindings,
)
from danvan.values import Rate
from danvan.values.numbers import Rounding, format_number

ROOT = Path(__file__).parents[2]
SEED_000 = next((ROOT / "tests" / "seeds").glob("000_*.txt"))
PERIOD = "2016-07-01..2021-07-01"


@cache
def _tam_nong() -> Dataset:
    path = ROOT / "examples" / "data" / "tam_nong_2016_2021.json"
    return loads(path.read_text(encoding="utf-8"), Dataset)


def _text() -> str:
    return SEED_000.read_text(encoding="utf-8")


def _run(dataset: Dataset, bindings: tuple[Binding, ...] | None = None,
         **options: object) -> tuple[Reconciliation, ...]:
    return reconcile(_text(), dataset, scope="236", period=PERIOD,
                     bindings=bindings if bindings is not None else seed_bindings("000"),
                     **options)  # type: ignore[arg-type]


def _entry(entries: tuple[Reconciliation, ...], cell: str, measure: str = "value",
           ) -> Reconciliation:
    return next(e for e in entries if e.binding.cell == cell and e.binding.measure.code == measure)


# -- seed 000: Tam Nông ----------------------------------------------------------------------


def test_tam_nong_every_bound_figure_agrees() -> None:
    """Every figure bound in seed 000 agrees with the Tam Nông records."""
    entries = _run(_tam_nong())
    assert [e for e in entries if e.verdict is not Agreement.AGREES] == []
    printed = [e.printed.split()[0] for e in entries]
    assert printed == [
        "2.588", "21", "36", "2.531", "905", "1.683", "2.484", "2.453", "2.484", "98,7%",
        "199", "05", "23", "92", "79", "9.685", "1.015", "1.015", "1.015",
        "151", "75", "31", "31", "14", "08", "40%", "148", "24", "13,9%"]
    assert all(e.span is not None and _text()[e.span[0]:e.span[1]] == e.printed for e in entries)


def test_tam_nong_resolution_rate_rounding_and_provenance() -> None:
    """98,7% agrees by truncation only; the records behind it are the petitions counted."""
    entries = _run(_tam_nong())
    percent = _entry(entries, "petitions.resolution_rate", "percent")
    assert percent.roundings == (Rounding.TRUNCATE,)
    assert percent.computed == "98,7%"
    assert "2.453/2.484 = 98,752…% → 98,7% (truncate)" in percent.explanation
    assert (len(percent.numerator_ids), len(percent.denominator_ids)) == (2453, 2484)
    assert len(percent.outside_ids) == 31
    half_up = _run(_tam_nong(), rounding=Rounding.HALF_UP)
    differs = _entry(half_up, "petitions.resolution_rate", "percent")
    assert differs.verdict is Agreement.DIFFERS
    assert "half_up 98,8%" in differs.explanation
    assert _entry(half_up, "petitions.received").verdict is Agreement.AGREES


def test_unresolving_one_petition_makes_the_resolution_figures_differ() -> None:
    """A petition whose resolution is dropped: the numerator differs and names that petition."""
    data = _tam_nong()
    target = next(p for p in data.petitions
                  if p.in_jurisdiction and p.events and p.events[-1].kind is EventKind.RESOLVED)
    changed = attrs.evolve(target, events=target.events[:-1])
    modified = evolve(data, petitions=tuple(changed if p is target else p for p in data.petitions))
    entries = _run(modified)
    numerator = _entry(entries, "petitions.resolution_rate", "numerator")
    assert numerator.verdict is Agreement.DIFFERS
    assert numerator.difference == -1
    assert numerator.computed == "2.452"
    assert target.id in numerator.outside_ids
    assert target.id not in numerator.records
    assert target.id in numerator.to_dict()["outside"]
    assert _entry(entries, "petitions.resolution_rate", "denominator").verdict is Agreement.AGREES
    percent = _entry(entries, "petitions.resolution_rate", "percent")
    assert percent.verdict is Agreement.AGREES  # 2.452/2.484 = 98,711…% still prints 98,7%
    assert {e.verdict for e in entries} == {Agreement.AGREES, Agreement.DIFFERS}


def test_dropping_a_petition_makes_the_counts_differ() -> None:
    """A petition removed from the records: the counts it was in differ, by one."""
    data = _tam_nong()
    target = next(p for p in data.petitions if p.kind is PetitionKind.COMPLAINT)
    modified = evolve(data, petitions=tuple(p for p in data.petitions if p is not target))
    entries = _run(modified)
    total = _entry(entries, "petitions.received")
    assert (total.verdict, total.computed, total.difference) == (Agreement.DIFFERS, "2.587 đơn", -1)
    assert "(1 fewer in the records)" in total.explanation
    assert len(total.records) == 2587
    assert _entry(entries, "petitions.received[kind=complaint]").verdict is Agreement.DIFFERS
    assert _entry(entries, "petitions.received[kind=denunciation]").verdict is Agreement.AGREES


@pytest.mark.parametrize("seed", ["001", "004"])
def test_other_shipped_seeds(seed: str) -> None:
    """Seeds 001 and 004 against their records: all agree but An Biên's own total (345 ≠ 342)."""
    entry = SEEDS[seed]
    text = next((ROOT / "tests" / "seeds").glob(f"{seed}_*.txt")).read_text(encoding="utf-8")
    data = loads((ROOT / "examples" / "data" / entry["data"]).read_text(encoding="utf-8"), Dataset)
    entries = reconcile(text, data, scope=entry["unit"], period=entry["period"],
                        bindings=seed_bindings(seed))
    differing = [(e.printed, e.computed) for e in entries if e.verdict is not Agreement.AGREES]
    assert differing == ([("345 tập thể, cá nhân", "342 tập thể, cá nhân")] if seed == "004" else [])


def test_shipped_bindings_are_found_by_fingerprint() -> None:
    """The shipped set is named by the SHA-256 of the seed text and loads as bindings."""
    assert for_text(_text()) == "000"
    assert for_text(_text() + " ") is None
    assert len(seed_bindings("000")) == len(SEEDS["000"]["bindings"])
    with pytest.raises(FieldError, match="seed"):
        seed_bindings("999")


@pytest.mark.parametrize("seed", sorted(SEEDS))
def test_every_shipped_binding_finds_its_figure(seed: str) -> None:
    """Each shipped set is for its seed text and binds every binding to one printed figure."""
    text = next((ROOT / "tests" / "seeds").glob(f"{seed}_*.txt")).read_text(encoding="utf-8")
    assert for_text(text) == seed
    entry = SEEDS[seed]
    data = loads((ROOT / "examples" / "data" / entry["data"]).read_text(encoding="utf-8"), Dataset)
    entries = reconcile(text, data, scope=entry["unit"], period=entry["period"],
                        bindings=seed_bindings(seed))
    assert len(entries) == len(entry["bindings"])
    for found in entries:
        assert found.verdict not in (Agreement.NOT_FOUND, Agreement.AMBIGUOUS), found.explanation
        assert found.span is not None
        assert found.printed == text[found.span[0]:found.span[1]]


def test_phrase_sentence_goes_on_across_a_hard_wrapped_line() -> None:
    """A line break before a lower-case word or a digit does not end the phrase's sentence."""
    text = "Năm 2021 toàn huyện nhận\n3 đơn, trong đó khiếu nại\n1 đơn.\nKết quả: 2 đơn."
    bindings = [Binding("petitions.received", phrase="toàn huyện nhận"),
                Binding("petitions.received", phrase="toàn huyện nhận", role="part",
                        label="khiếu nại", breakdown={"kind": "complaint"})]
    entries = reconcile(text, SMALL, scope="H", period="2021", bindings=bindings)
    assert [(e.verdict, e.printed) for e in entries] == [
        (Agreement.DIFFERS, "3 đơn"), (Agreement.AGREES, "1 đơn")]
    alone = reconcile("Toàn huyện nhận\nKết quả 3 đơn.", SMALL, scope="H", period="2021",
                      bindings=[Binding("petitions.received", phrase="Toàn huyện nhận",
                                        role="value")])
    assert alone[0].verdict is Agreement.NOT_FOUND


# -- finding the figure ----------------------------------------------------------------------


def test_binding_that_matches_nothing_is_not_found() -> None:
    """A phrase absent from the text, a missing claim key, or too few figures: not_found."""
    bindings = (
        Binding("petitions.received", phrase="toàn tỉnh nhận"),
        Binding("petitions.received", key="parts@1-2"),
        Binding("petitions.received", phrase="toàn huyện nhận", role="part", nth=9),
        Binding("petitions.received", phrase="toàn huyện nhận", role="part", label="kiến nghị"),
    )
    entries = _run(_tam_nong(), bindings)
    assert [e.verdict for e in entries] == [Agreement.NOT_FOUND] * 4
    assert "does not occur" in entries[0].explanation
    assert "no claim parts@1-2" in entries[1].explanation
    assert "no figure 10 of role part" in entries[2].explanation
    assert (entries[0].span, entries[0].printed) == (None, "")
    assert len(entries[0].records) == 2588  # the computed side is still given


def test_phrase_found_more_than_once_is_ambiguous() -> None:
    """A phrase occurring several times names no figure: ambiguous, with the positions."""
    entries = _run(_tam_nong(), (Binding("petitions.received", phrase="đơn"),))
    assert entries[0].verdict is Agreement.AMBIGUOUS
    assert "occurs" in entries[0].explanation


def test_binding_by_claim_key() -> None:
    """A claim key and a part label bind the same figure as a phrase does."""
    by_key = Binding("petitions.received", key="parts@4937-5010", role="part", label="tố cáo",
                     breakdown={"kind": "denunciation"})
    entry = _run(_tam_nong(), (by_key,))[0]
    assert (entry.verdict, entry.printed, entry.claim_key) == (
        Agreement.AGREES, "36 đơn", "parts@4937-5010")


# -- user bindings and small datasets --------------------------------------------------------

UNITS = (Unit("H", "Huyện H", UnitLevel.DISTRICT),
         Unit("X1", "Xã 1", UnitLevel.COMMUNE, parent="H"),
         Unit("X2", "Xã 2", UnitLevel.COMMUNE, parent="H"))
KINDS = (PetitionKind.COMPLAINT, PetitionKind.DENUNCIATION, PetitionKind.OTHER)


def _petition(i: int, kind: PetitionKind, unit: str, inside: bool, resolved: bool) -> Petition:
    day = dt.date(2021, 1, 4) + dt.timedelta(days=i % 300)
    events = (PetitionEvent(EventKind.ACCEPTED, day + dt.timedelta(days=1)),
              PetitionEvent(EventKind.RESOLVED, day + dt.timedelta(days=20))) if resolved else ()
    return Petition(f"P{i:03d}", kind, day, unit, in_jurisdiction=inside, events=events)


def _small(rows: list[tuple[int, int, bool, bool]]) -> Dataset:
    return Dataset(units=UNITS, petitions=tuple(
        _petition(i, KINDS[kind], ("H", "X1", "X2")[unit], inside, inside and resolved)
        for i, (kind, unit, inside, resolved) in enumerate(rows)))


SMALL = _small([(0, 0, True, True), (1, 1, True, False), (2, 2, True, True), (2, 1, False, False)])


def test_user_binding_and_qualified_figures() -> None:
    """A user's own bindings: hơn/gần are intervals, khoảng is never compared."""
    text = ("Năm 2021 huyện nhận hơn 3 đơn; cấp xã nhận gần 3 đơn; tố cáo khoảng 1 đơn. "
            "Giải quyết 2/3 đơn, đạt 66,7%.")
    bindings = [
        Binding("petitions.received", phrase="huyện nhận", role="value"),
        Binding("petitions.received", phrase="cấp xã nhận", role="value",
                breakdown={"level": "commune"}),
        Binding("petitions.received", phrase="tố cáo", role="value",
                breakdown={"kind": "denunciation"}),
        Binding("petitions.resolution_rate", phrase="Giải quyết", role="percent"),
    ]
    entries = reconcile(text, SMALL, scope="H", period="2021", bindings=bindings)
    assert [e.verdict.code for e in entries] == ["agrees", "differs", "unbound", "agrees"]
    assert "within hơn 3" in entries[0].explanation
    assert "outside gần 3" in entries[1].explanation
    assert entries[3].roundings == (Rounding.HALF_UP, Rounding.HALF_EVEN)
    assert danvan.text.reconcile is reconcile


def test_empty_cells_and_undefined_rates() -> None:
    """A breakdown value with no records is 0; a rate with no denominator is unbound."""
    text = "Kiến nghị 0 đơn. Năm 2021 đạt 0/0 đơn, tỷ lệ 100%."
    bindings = [
        Binding("petitions.received", phrase="Kiến nghị", role="value",
                breakdown={"kind": "feedback"}),
        Binding("petitions.resolution_rate", phrase="tỷ lệ", role="percent"),
    ]
    entries = reconcile(text, SMALL, scope="X2", period="2021-Q4", bindings=bindings)
    assert entries[0].verdict is Agreement.AGREES
    assert entries[0].records == ()
    assert entries[1].verdict is Agreement.UNBOUND
    assert "not defined" in entries[1].explanation


def test_bad_bindings_are_clear_errors() -> None:
    """Unknown indicators, bad breakdowns, measures and regexes raise danvan errors."""
    text = "Năm 2021 huyện nhận 3 đơn, đạt 50%."
    cases = [
        (Binding("petitions.nothing", phrase="nhận"), "bindings[0].indicator"),
        (Binding("petitions.received", phrase="nhận", breakdown={"kind": "complain"}),
         "bindings[0].breakdown.kind"),
        (Binding("petitions.received", phrase="nhận", breakdown={"colour": "red"}),
         "bindings[0].breakdown: expected one of unit"),
        (Binding("petitions.received", phrase="đạt", role="percent"), "bindings[0].measure"),
        (Binding("petitions.resolution_rate", phrase="nhận", role="value"),
         "bindings[0].measure: expected one of numerator"),
        (Binding("petitions.resolution_rate", phrase="nhận", role="value", measure="percent"),
         "bindings[0].role"),
    ]
    for binding, where in cases:
        with pytest.raises(FieldError, match=where.replace("[", r"\[").replace("]", r"\]")):
            reconcile(text, SMALL, scope="H", period="2021", bindings=[binding])
    with pytest.raises(FieldError, match="exactly one of phrase or key"):
        Binding("petitions.received", phrase="a", key="parts@1-2")
    with pytest.raises(FieldError, match="regular expression"):
        Binding("petitions.received", phrase="(")
    with pytest.raises(FieldError, match="measure"):
        Binding("restructuring.communes", phrase="a", role="from")
    with pytest.raises(VocabularyError):
        Binding("petitions.received", phrase="a", role="sum")
    with pytest.raises(FieldError, match="bindings"):
        reconcile(text, SMALL, bindings="nhận")  # type: ignore[arg-type]


def test_bindings_file_format_round_trips() -> None:
    """Bindings read from JSON data and written back are equal; unknown keys are refused."""
    data = json.loads(json.dumps([b.to_dict() for b in seed_bindings("000")]))
    assert load_bindings(data) == seed_bindings("000")
    assert load_bindings({"bindings": data[:1]})[0].measure is Measure.VALUE
    with pytest.raises(FieldError, match=r"bindings\[0\]\.colour"):
        load_bindings([{"indicator": "petitions.received", "phrase": "x", "colour": 1}])
    with pytest.raises(FieldError, match="bindings"):
        load_bindings({"indicator": "petitions.received"})


# -- property: a text written from the records always agrees ----------------------------------

rows = st.lists(st.tuples(st.integers(0, 2), st.integers(0, 2), st.booleans(), st.booleans()),
                min_size=1, max_size=30).filter(lambda r: any(inside for _, _, inside, _ in r))

GENERATED = [
    Binding("petitions.received", phrase="toàn huyện nhận"),
    *(Binding("petitions.received", phrase="toàn huyện nhận", role="part", label=label,
              breakdown={"kind": kind})
      for label, kind in (("khiếu nại", "complaint"), ("tố cáo", "denunciation"),
                          ("loại khác", "other"))),
    Binding("petitions.in_jurisdiction", phrase="thuộc thẩm quyền giải quyết", role="value"),
    *(Binding("petitions.resolution_rate", phrase="đã xem xét, giải quyết", role=role)
      for role in ("numerator", "denominator", "percent")),
]


@given(rows, st.sampled_from(list(Rounding)), st.integers(0, 2))
def test_text_written_from_the_records_agrees(rows: list[tuple[int, int, bool, bool]],
                                              rounding: Rounding, places: int) -> None:
    """A report printed from a dataset's own figures (any rounding, any places) agrees."""
    data = _small(rows)
    received = compute(data, "petitions.received", scope="H", period="2021", by="kind")
    rate = compute(data, "petitions.resolution_rate", scope="H", period="2021").value
    assert isinstance(rate, Rate)
    kinds = {k.code: r.value for k, r in received.parts.items()}
    n = {k: format_number(kinds.get(k, 0)) for k in ("complaint", "denunciation", "other")}
    text = (f"Trong năm toàn huyện nhận {format_number(received.value)} đơn, trong đó: khiếu nại "
            f"{n['complaint']} đơn, tố cáo {n['denunciation']} đơn, loại khác {n['other']} đơn; "
            f"đơn thuộc thẩm quyền giải quyết {format_number(rate.denominator)} đơn, đã xem "
            f"xét, giải quyết {rate.format_ratio()} đơn, đạt "
            f"{rate.format(places=places, rounding=rounding)}.")
    entries = reconcile(text, data, scope="H", period="2021", bindings=GENERATED,
                        rounding=rounding)
    assert [e.verdict for e in entries] == [Agreement.AGREES] * len(GENERATED), [
        e.explanation for e in entries]
    assert rounding in entries[-1].roundings
