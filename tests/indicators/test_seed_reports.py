"""The figures printed in the seed reports, recomputed from the example records.

Each assertion compares with the text exactly as the report printed it
(``"98,7%"``, ``"2.453/2.484"``). Reports truncate; where rounding half up
would print something else, the test says so too.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from danvan.indicators import Report, report
from danvan.records.dataset import Dataset
from danvan.records.serialization import loads
from danvan.records.vocabulary import DialogueMode, Field, OwnerKind, PetitionKind, UnitLevel
from danvan.values import Change, Rate
from danvan.values.numbers import Rounding, format_number

DATA = Path(__file__).parents[2] / "examples" / "data"


@cache
def _report(name: str, unit: str, period: str) -> Report:
    path = DATA / name
    if not path.exists():
        pytest.skip(f"{path} has not been built (python examples/build_datasets.py)")
    return report(loads(path.read_text(encoding="utf-8"), Dataset), unit, period)


def tam_nong() -> Report:
    """Seed 000: huyện Tam Nông (Phú Thọ), five years from 1/7/2016."""
    return _report("tam_nong_2016_2021.json", "236", "2016-07-01..2021-07-01")


def _n(value: object) -> str:
    assert isinstance(value, int)
    return format_number(value)


def _parts(result: object) -> dict[object, str]:
    return {key: _n(r.value) for key, r in result.parts.items()}  # type: ignore[attr-defined]


def _breakdown(r: Report, indicator: str, dims: tuple[str, ...]) -> dict[object, str]:
    found = next(x for x in r.results if x.id == indicator and x.by == dims)
    return _parts(found)


# -- seed 000: Tam Nông ---------------------------------------------------------------------


def test_tam_nong_petitions_received() -> None:
    """'nhận 2.588 đơn … khiếu nại 21 đơn, tố cáo 36 đơn, loại khác 2.531 đơn'."""
    r = tam_nong()
    assert _n(r["petitions.received"].value) == "2.588"
    assert _breakdown(r, "petitions.received", ("kind",)) == {
        PetitionKind.COMPLAINT: "21", PetitionKind.DENUNCIATION: "36",
        PetitionKind.OTHER: "2.531"}


def test_tam_nong_petitions_by_receiving_level() -> None:
    """'UBND huyện nhận 905 đơn, UBND xã, thị trấn nhận 1.683 đơn'."""
    assert _breakdown(tam_nong(), "petitions.received", ("level",)) == {
        UnitLevel.DISTRICT: "905", UnitLevel.COMMUNE: "1.683"}


def test_tam_nong_resolution_rate() -> None:
    """'thuộc thẩm quyền 2.484 đơn, đã giải quyết 2.453/2.484 đơn, đạt 98,7%' (truncated)."""
    r = tam_nong()
    assert _n(r["petitions.in_jurisdiction"].value) == "2.484"
    rate = r["petitions.resolution_rate"].value
    assert isinstance(rate, Rate)
    assert rate.format_ratio() == "2.453/2.484"
    assert rate.format() == "98,7%"
    assert rate.format(rounding=Rounding.HALF_UP) == "98,8%"  # the report truncated
    assert len(r["petitions.resolution_rate"].numerator_ids) == 2453


def test_tam_nong_dialogues() -> None:
    """'199 hội nghị … cấp huyện 05 định kỳ và 23 đột xuất; cấp xã 92 định kỳ và 79 đột xuất'."""
    r = tam_nong()
    assert _n(r["dialogues.held"].value) == "199"
    assert _breakdown(r, "dialogues.held", ("level", "kind")) == {
        (UnitLevel.DISTRICT, DialogueMode.PERIODIC): "5",
        (UnitLevel.DISTRICT, DialogueMode.AD_HOC): "23",
        (UnitLevel.COMMUNE, DialogueMode.PERIODIC): "92",
        (UnitLevel.COMMUNE, DialogueMode.AD_HOC): "79"}


def test_tam_nong_dialogue_participants_and_answers() -> None:
    """'9.685 lượt người dân tham gia và 1.015 lượt ý kiến … 1.015/1.015 … trả lời'."""
    r = tam_nong()
    assert _n(r["dialogues.participants"].value) == "9.685"
    assert _n(r["dialogues.opinions_raised"].value) == "1.015"
    answered = r["dialogues.answer_rate"].value
    assert isinstance(answered, Rate)
    assert answered.format_ratio() == "1.015/1.015"


def test_tam_nong_models_by_field() -> None:
    """'151 mô hình, điển hình … kinh tế 75; văn hóa – xã hội 31; quốc phòng, an ninh 31; … 14'."""
    r = tam_nong()
    assert _n(r["models.recognised"].value) == "151"
    assert _breakdown(r, "models.recognised", ("field",)) == {
        Field.ECONOMY: "75", Field.CULTURE_SOCIETY: "31", Field.DEFENCE_SECURITY: "31",
        Field.POLITICAL_SYSTEM: "14"}


def test_tam_nong_commune_restructuring() -> None:
    """'sau sáp nhập còn 11 xã, 01 thị trấn (giảm 08 xã, tỷ lệ 40%)'."""
    change = tam_nong()["restructuring.communes"].value
    assert change == Change(20, 12)
    assert _n(-change.difference) == "8"
    assert change.reduction_rate.format(places=0) == "40%"


def test_tam_nong_residential_restructuring() -> None:
    """'còn 148 khu (giảm 24 khu, tỷ lệ 13,9%)': 24/172 = 13,953…%, truncated."""
    change = tam_nong()["restructuring.residential_areas"].value
    assert change == Change(172, 148)
    assert change.reduction_rate.format() == "13,9%"
    assert change.reduction_rate.format(rounding=Rounding.HALF_UP) == "14,0%"  # not printed


# -- seed 001: Điện Biên --------------------------------------------------------------------


def dien_bien() -> Report:
    """Seed 001: tỉnh Điện Biên, 2022."""
    return _report("dien_bien_2022.json", "11", "2022")


def test_dien_bien_reception() -> None:
    """'tiếp 1.053 lượt, với 1.345 người, có 9 đoàn đông người với 149 người'."""
    r = dien_bien()
    assert _n(r["receptions.turns"].value) == "1.053"
    assert _n(r["receptions.people"].value) == "1.345"
    assert _n(r["receptions.crowd_delegations"].value) == "9"
    assert _n(r["receptions.crowd_people"].value) == "149"


def test_dien_bien_plan_coverage() -> None:
    """'10/10 huyện, thị, thành phố ban hành kế hoạch'."""
    coverage = dien_bien()["directives.coverage"]
    assert isinstance(coverage.value, Rate)
    assert coverage.value.format_ratio() == "10/10"
    assert len(coverage.numerator_ids) == 10
    assert "huyện" in coverage.notes[0]


# -- seed 003: Tuyên Hóa; seed 004: An Biên ---------------------------------------------------


def test_tuyen_hoa_replication() -> None:
    """'mô hình "Chính quyền thân thiện" … được nhân rộng 15/20 xã, thị trấn'."""
    r = _report("tuyen_hoa_2018.json", "453", "2018")
    coverage = r["models.replication_coverage"].value
    assert isinstance(coverage, Rate)
    assert coverage.format_ratio() == "15/20"


def test_an_bien_mediation() -> None:
    """'tổng số thuộc thẩm quyền là 77 vụ việc, đưa ra hòa giải 72/77 đạt 93,5%'."""
    r = _report("an_bien_2018.json", "908", "2018")
    assert _n(r["mediation.cases"].value) == "77"
    rate = r["mediation.mediated_rate"].value
    assert isinstance(rate, Rate)
    assert (rate.format_ratio(), rate.format()) == ("72/77", "93,5%")


def test_an_bien_models() -> None:
    """'315 tập thể, 27 cá nhân' registered; 'công nhận 303 tập thể, 24 cá nhân'.

    The report's own total, 345, is not the sum of its parts (342); the records
    follow the parts.
    """
    r = _report("an_bien_2018.json", "908", "2018")
    assert _breakdown(r, "models.registered", ("kind",)) == {
        OwnerKind.COLLECTIVE: "315", OwnerKind.INDIVIDUAL: "27"}
    assert _breakdown(r, "models.recognised", ("kind",)) == {
        OwnerKind.COLLECTIVE: "303", OwnerKind.INDIVIDUAL: "24"}
    assert _n(r["models.registered"].value) == "342"
