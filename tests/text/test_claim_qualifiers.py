"""The assumed qualifier readings (gần = 90–100%, khoảng = ±10%, 'trên' parts) on made-up sentences."""

from __future__ import annotations

from danvan.text._claim_readings import QUALIFIER_READINGS
from danvan.text.claims import check
from danvan.values.numbers import Qualifier


def _parts(text: str) -> tuple[str, str]:
    found = [f for f in check(text) if f.claim.kind.code == "parts"]
    assert found, text
    return found[0].verdict.code, found[0].explanation


def test_every_reading_says_it_is_assumed() -> None:
    for reading in QUALIFIER_READINGS.values():
        assert "assumed" in reading.basis
    assert Qualifier.MORE_THAN not in QUALIFIER_READINGS


def test_lower_bound_parts_under_an_exact_total_hold() -> None:
    verdict, why = _parts("Đã phát hiện sai phạm 9.500.000.000 đồng, trong đó kiến nghị thu hồi "
                          "trên 4,1 tỷ đồng, truy thu thuế trên 300 triệu đồng và xử lý khác "
                          "trên 3,2 tỷ đồng.")
    assert verdict == "holds"
    assert "lower bounds" in why


def test_nearly_total_with_more_than_part_holds_under_the_reading() -> None:
    verdict, why = _parts("Đã hỗ trợ gần 5.000 tấn phân bón, trong đó hơn 4.000 tấn cho lúa "
                          "và 610 tấn cho rau màu.")
    assert verdict == "holds"
    assert "gần X = 90–100% of X" in why


def test_nearly_total_far_above_its_parts_stays_open() -> None:
    # 2.000 + 610 is far below 90% of 5.000, but a list may name only some of the total.
    verdict, _ = _parts("Đã hỗ trợ gần 5.000 tấn phân bón, trong đó hơn 2.000 tấn cho lúa "
                        "và 610 tấn cho rau màu.")
    assert verdict == "unverifiable"


def test_a_part_above_a_nearly_total_fails() -> None:
    verdict, _ = _parts("Đã hỗ trợ gần 5.000 tấn phân bón, trong đó 5.400 tấn cho lúa.")
    assert verdict == "fails"


def _ratio(text: str) -> tuple[str, str]:
    found = [f for f in check(text) if f.claim.kind.code == "ratio"]
    assert found, text
    return found[0].verdict.code, found[0].explanation


def test_a_rate_of_estimates_is_the_rate_of_the_printed_figures() -> None:
    verdict, why = _ratio("Tổng nguồn lực huy động được khoảng 20.000 tỷ đồng. Trong đó, ngân "
                          "sách nhà nước khoảng 4.000 tỷ đồng, chiếm 20%.")
    assert verdict == "holds", why
    assert "reading" in why


def test_a_rate_of_more_than_figures_stays_unread() -> None:
    # 'hơn X' has no reading: the rate of a bound is not the rate of the printed figure.
    verdict, _ = _ratio("Đã có hơn 1.200 kiến nghị được gửi; trong đó 1.170 kiến nghị đã được "
                        "giải quyết, đạt tỷ lệ 97,5%.")
    assert verdict in ("unverifiable", "fails")


def test_a_rate_of_estimates_that_does_not_match_stays_open() -> None:
    # 4.000/20.000 is 20%, not 23%; but estimates may be 10% off, so the text does not settle it.
    verdict, _ = _ratio("Tổng nguồn lực huy động được khoảng 20.000 tỷ đồng. Trong đó, ngân "
                        "sách nhà nước khoảng 4.000 tỷ đồng, chiếm 23%.")
    assert verdict == "unverifiable"
