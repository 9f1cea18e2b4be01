"""The columnar engine gives the record engine's answers: exact rates, counts and duration histograms."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

import danvan
from danvan.errors import DanvanError, RuleError
from danvan.indicators import catalogue, evaluate
from danvan.indicators.reporting import record_dates, resolve
from danvan.law.cadence import (
    DEFAULT_CADENCE_RULES,
    DIALOGUE_CADENCE_RULES,
    Activity,
    CadenceRule,
    Counting,
    Frequency,
)
from danvan.records.dataset import Dataset
from danvan.records.vocabulary import ChairRole, UnitLevel
from danvan.testing import datasets

pytest.importorskip("narwhals")
pytest.importorskip("pyarrow")

from danvan.engines import NotColumnarError, columnar_ids, dataset_tables
from danvan.engines._frames import Frames
from danvan.engines.columnar import evaluate as columnar_evaluate

EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "examples" / "data").glob("*.json"))


def _values(results: list[Any]) -> list[Any]:
    return [(r.by, r.value, {k: p.value for k, p in r.parts.items()}) for r in results]


def _available(engine: str) -> None:
    pytest.importorskip(engine)


HEADLINE = ("petitions.received", "petitions.resolution_rate", "petitions.acceptance_on_time_rate",
            "petitions.resolution_on_time_rate", "petitions.processing_days")


def assert_same(data: Dataset, engine: str, period: Any = None, ids: tuple[str, ...] | None = None,
                **options: Any) -> None:
    """Every columnar indicator, with its usual breakdowns and unit/level/kind, equal on both engines."""
    scope, the_period = resolve(data, None, period)
    frames = Frames(dataset_tables(data), engine, **options)
    for indicator in catalogue():
        if indicator.id not in (ids or columnar_ids()):
            continue
        dims = [*indicator.details, *((d,) for d in ("unit", "level", "kind")
                                       if d in indicator.dimensions)]
        if "year" in indicator.dimensions:
            dims.append(("year",))
        by = {indicator.id: dims}
        try:
            want = evaluate(data, [indicator], scope, the_period, by)[indicator.id]
        except RuleError:
            # Two rules apply equally to some petition: the record engine refuses every
            # indicator of its time-limit pass, the columnar engine those that need that rule.
            with contextlib.suppress(RuleError):
                columnar_evaluate(frames, [indicator], scope, the_period, by)
            continue
        except DanvanError as error:
            with pytest.raises(type(error)):
                columnar_evaluate(frames, [indicator], scope, the_period, by)
            continue
        got = columnar_evaluate(frames, [indicator], scope, the_period, by)[indicator.id]
        assert _values(got) == _values(want), indicator.id
        # The record engine's notes but those listing record ids (docs/at-national-scale.md),
        # in one order whatever order the engine's rows came back in.
        for mine, theirs in zip(got, want, strict=True):
            assert mine.notes == tuple(sorted(mine.notes)), indicator.id
            assert set(mine.notes) <= set(theirs.notes), indicator.id


@pytest.mark.parametrize("engine", ["duckdb", "polars"])
@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_bundled_datasets(path: Path, engine: str) -> None:
    """The four bundled datasets give the same figures on the columnar engine."""
    _available(engine)
    assert_same(danvan.loads(path.read_text(encoding="utf-8"), Dataset), engine)


@pytest.mark.parametrize("engine", ["duckdb", "polars"])
@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=datasets(max_records=6), year=st.integers(2015, 2026))
def test_generated_datasets(engine: str, data: Dataset, year: int) -> None:
    """Generated datasets give the same figures, over their span and over one year."""
    _available(engine)
    if record_dates(data):
        assert_same(data, engine)
    assert_same(data, engine, str(year))


def test_not_columnar_names_the_indicator() -> None:
    """An indicator without a columnar form raises an error naming it."""
    _available("duckdb")
    data = danvan.loads(EXAMPLES[0].read_text(encoding="utf-8"), Dataset)
    custom = attrs.evolve(danvan.indicators.get("petitions.ageing"), id="custom.ageing")
    with pytest.raises(NotColumnarError, match=r"custom\.ageing"):
        danvan.engines.compute(data, custom)


def test_every_catalogue_indicator_is_columnar() -> None:
    """No catalogue indicator is left to the record engine alone."""
    assert set(columnar_ids()) == {i.id for i in catalogue()}


def test_front_dispatches_on_engine(tmp_path: Path) -> None:
    """danvan.report takes a Dataset as before, and tables or a Parquet folder with engine=."""
    _available("duckdb")
    pq = pytest.importorskip("pyarrow.parquet")
    data = danvan.loads(EXAMPLES[2].read_text(encoding="utf-8"), Dataset)
    record = danvan.report(data, indicators=["petitions.received", "petitions.resolution_rate"])
    for name, table in dataset_tables(data).items():
        folder = tmp_path / name / "year=2020"
        folder.mkdir(parents=True)
        pq.write_table(table, folder / "part-0.parquet")
    columnar = danvan.report(tmp_path, engine="duckdb",
                             indicators=["petitions.received", "petitions.resolution_rate"])
    assert _values(list(columnar)) == _values(list(record))
    assert str(columnar).splitlines()[0] == str(record).splitlines()[0]


@pytest.mark.spark
def test_spark_bundled_dataset(spark: Any) -> None:
    """The headline figures are the same on a local SparkSession (the spark block of .ci/run)."""
    data = danvan.loads(EXAMPLES[2].read_text(encoding="utf-8"), Dataset)
    assert_same(data, "spark", ids=HEADLINE, spark=spark)


def test_columnar_ids_cover_the_record_rules() -> None:
    """Every record-rule indicator of the catalogue has a columnar form."""
    ids = set(columnar_ids())
    assert {i.id for i in catalogue() if i.rule is not None} <= ids



def _rules(per: Frequency, counting: Counting, at_least: int) -> tuple[CadenceRule, ...]:
    """A cadence rule of each activity for every level, any host."""
    return tuple(CadenceRule(id=f"t-{a.code}-{lv.code}", activity=a, level=lv, hosts=list(ChairRole),
                             at_least=at_least, per=per, counting=counting,
                             basis=DEFAULT_CADENCE_RULES[0].basis)
                 for a in Activity for lv in UnitLevel)


PARAMETERS = [
    ("tuyen_hoa_2018", "models.replication_coverage", "unit", {"model": "TH-M01"}),
    ("tuyen_hoa_2018", "models.replication_coverage", "unit", {"level": "commune"}),
    ("tuyen_hoa_2018", "models.replication_coverage", "unit", {"model": "TH-M99"}),
    ("dien_bien_2022", "directives.coverage", ("unit", "directive"), {"directive": "16/CT-TTg"}),
    ("dien_bien_2022", "directives.coverage", "directive", {"level": "commune"}),
    ("dien_bien_2022", "directives.coverage", "unit", {"directive": "1/CT-TTg"}),
    ("dien_bien_2022", "directives.days_to_plan", "directive", {}),
    *((name, f"cadence.{what}_compliance", "level", {"cadence_rules": rules})
      for name in ("an_bien_2018", "tam_nong_2016_2021", "tuyen_hoa_2018")
      for what in ("reception", "dialogue")
      for rules in (DEFAULT_CADENCE_RULES, DIALOGUE_CADENCE_RULES,
                    DEFAULT_CADENCE_RULES + DIALOGUE_CADENCE_RULES)),
    # rules some units meet and some miss, counting days and sessions
    *((name, f"cadence.{what}_compliance", "level", {"cadence_rules": _rules(per, counting, at_least)})
      for name, what, per in (("dien_bien_2022", "reception", Frequency.QUARTER),
                              ("tam_nong_2016_2021", "dialogue", Frequency.YEAR))
      for counting in Counting for at_least in (1, 2, 8)),
]


@pytest.mark.parametrize("engine", ["duckdb", "polars"])
@pytest.mark.parametrize(("name", "ident", "by", "params"), PARAMETERS)
def test_parameters(engine: str, name: str, ident: str, by: Any, params: dict[str, str]) -> None:
    """Indicators with parameters give the record engine's answer or error on the columnar engine."""
    _available(engine)
    data = danvan.loads((EXAMPLES[0].parent / f"{name}.json").read_text(encoding="utf-8"), Dataset)
    try:
        want = danvan.compute(data, ident, by=by, **params)
    except DanvanError as error:
        with pytest.raises(type(error)):
            danvan.engines.compute(data, ident, by=by, engine=engine, **params)
        return
    got = danvan.engines.compute(data, ident, by=by, engine=engine, **params)
    assert _values([got]) == _values([want])
