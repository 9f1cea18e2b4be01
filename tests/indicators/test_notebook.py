"""Results in a notebook: short reprs, HTML grouped by indicator, and charts (Agg backend)."""

from __future__ import annotations

import os
import struct
import subprocess
import sys
import zlib
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings

from danvan.errors import DanvanError, FieldError
from danvan.indicators import compute, report
from danvan.records.dataset import Dataset
from danvan.records.serialization import loads
from danvan.testing import datasets

ROOT = Path(__file__).parents[2]
DATA = ROOT / "examples" / "data"
TAM_NONG = {"scope": "236", "period": "2016-07-01..2021-07-01"}


@cache
def _load(name: str) -> Dataset:
    return loads((DATA / name).read_text(encoding="utf-8"), Dataset)


def test_result_repr_is_one_line() -> None:
    """A Result shows its id, value, unit and period; the record ids stay in the attributes."""
    result = compute(_load("tam_nong_2016_2021.json"), "petitions.resolution_rate", **TAM_NONG)
    assert repr(result) == ("<Result petitions.resolution_rate = 2.453/2.484 (98,7%), unit 236, "
                            "2016-07-01..2021-07-01>")
    assert len(result.denominator_ids) == 2484
    assert result.period is not None
    assert result.scope is not None
    assert result.scope.root == "236"


@settings(max_examples=10, deadline=None)
@given(datasets(max_records=6))
def test_result_reprs_stay_short(data: Dataset) -> None:
    """Every result of any report has a repr under 200 characters, starting with its id."""
    try:
        rep = report(data)
    except DanvanError:
        return
    for result in rep:
        assert len(repr(result)) < 200
        assert repr(result).startswith(f"<Result {result.id} = ")
        assert all(part.period == result.period for part in result.parts.values())


def test_report_html_groups_with_a_dimension_column() -> None:
    """Each indicator's total in bold, its breakdown rows indented, a column naming the dimension."""
    page = report(_load("tam_nong_2016_2021.json"), "236", "2016-07-01..2021-07-01")._repr_html_()
    assert page.startswith("<table>")
    assert "<th>chiều</th>" in page
    assert "<b>2.453/2.484 (98,7%)</b>" in page
    assert "padding-left:2em\">khiếu nại</td><td title=\"kind\">loại</td>" in page


def test_result_html_escapes() -> None:
    """A result's HTML names its unit and period, every text escaped."""
    from danvan.records.petitions import Petition
    from danvan.records.units import Unit
    from danvan.records.vocabulary import PetitionKind, UnitLevel

    data = Dataset(units=(Unit("H", "Huyện <H> & K", UnitLevel.DISTRICT),),
                   petitions=(Petition("P<1>", PetitionKind.OTHER, __import__("datetime").date(2021, 1, 2),
                                       "H"),))
    page = compute(data, "petitions.oldest_pending", period="2021", by="kind")._repr_html_()
    assert "Huyện &lt;H&gt; &amp; K" in page
    assert "P&lt;1&gt;" in page
    assert "<H>" not in page
    assert "P<1>" not in page


@pytest.fixture
def agg() -> object:
    """matplotlib with the Agg backend (skipped without danvan[plot])."""
    os.environ.setdefault("MPLBACKEND", "Agg")
    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("Agg")
    yield matplotlib
    import matplotlib.pyplot as plt

    plt.close("all")


def test_rate_by_unit_bars_are_sorted_with_ratios(agg: object) -> None:
    """A rate by unit: horizontal bars, sorted, each with its numerator/denominator written in."""
    result = compute(_load("tam_nong_2016_2021.json"), "petitions.resolution_rate", by="unit",
                     **TAM_NONG)
    ax = result.plot()
    widths = [bar.get_width() for bar in ax.patches]
    assert widths == sorted(widths)
    assert len(widths) == len(result.parts)
    texts = [t.get_text() for t in ax.texts]
    assert "847/860" in texts
    assert sum(int(t.split("/")[1].replace(".", "")) for t in texts) == 2484


def test_trend_histogram_and_given_axes(agg: object) -> None:
    """A sub-period split is a line; the ageing a histogram in bucket order; a given ax is used."""
    import matplotlib.pyplot as plt

    data = _load("tam_nong_2016_2021.json")
    trend = compute(data, "petitions.received", by="year", **TAM_NONG).plot()
    assert len(trend.lines[0].get_xdata()) == 6
    _, ax = plt.subplots()
    rep = report(data, "236", "2016-07-01..2021-07-01")
    assert rep.plot("petitions.ageing", ax) is ax
    assert next(t.get_text() for t in ax.get_xticklabels()) == "1–10 ngày"
    with pytest.raises(FieldError):
        rep.plot("no.such")
    with pytest.raises(FieldError):
        rep.plot("petitions.received", by="month")


def test_cadence_grid(agg: object) -> None:
    """A cadence indicator is a unit × sub-period grid of compliance."""
    rep = report(_load("dien_bien_2022.json"), "11", "2022")
    ax = rep.plot("cadence.reception_compliance")
    image = ax.images[0].get_array()
    assert image.shape == (len(ax.get_yticks()), 12)


def test_plot_without_matplotlib_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without matplotlib, plot() raises ImportError naming danvan[plot]."""
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    monkeypatch.setitem(sys.modules, "matplotlib.pyplot", None)
    result = compute(_load("an_bien_2018.json"), "mediation.cases", scope="908", period="2018")
    with pytest.raises(ImportError, match=r"danvan\[plot\]"):
        result.plot()


def _png_ok(path: Path) -> bool:
    """A PNG whose chunks all have good CRCs, with an IHDR first and an IEND last."""
    data = path.read_bytes()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        return False
    offset, kinds = 8, []
    while offset < len(data):
        (size,) = struct.unpack(">I", data[offset:offset + 4])
        kind = data[offset + 4:offset + 8]
        body = data[offset + 8:offset + 8 + size]
        (crc,) = struct.unpack(">I", data[offset + 8 + size:offset + 12 + size])
        if zlib.crc32(kind + body) != crc:
            return False
        kinds.append(kind)
        offset += 12 + size
    return kinds[0] == b"IHDR" and kinds[-1] == b"IEND"


def test_docs_image_is_a_valid_png() -> None:
    """docs/images/resolution_by_unit.png, shown in docs/indicators.md, is a valid PNG."""
    assert _png_ok(ROOT / "docs" / "images" / "resolution_by_unit.png")
    assert "images/resolution_by_unit.png" in (ROOT / "docs" / "indicators.md").read_text(
        encoding="utf-8")


def test_image_script_writes_a_valid_png(tmp_path: Path, agg: object) -> None:
    """scripts/plot_images.py writes a valid PNG under the Agg backend."""
    out = tmp_path / "chart.png"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "plot_images.py"), str(out)], check=True,
                   capture_output=True, env={**os.environ, "MPLBACKEND": "Agg"})
    assert _png_ok(out)
