"""Tests for danvan.text.claims: extraction from report prose and the arithmetic of each finding."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, strategies as st

from danvan.errors import DanvanErrorGroup, FieldError
from danvan.text import claims
from danvan.text.claims import Claim, ClaimKind, Finding, Reading, Role, Verdict, check, extract, validate
from danvan.values.numbers import Qualifier, Rounding, round_fraction

HERE = Path(__file__).parents[1]
SEEDS = sorted((HERE / "seeds").glob("*.txt"))


def _seed(prefix: str) -> str:
    return next(p for p in SEEDS if p.name.startswith(prefix)).read_text(encoding="utf-8")


def _curated(prefix: str) -> list[dict[str, Any]]:
    data = json.loads((HERE / "seed_claims" / f"{prefix}.json").read_text(encoding="utf-8"))
    return list(data["claims"])


def _one(text: str, kind: ClaimKind) -> Finding:
    found = [f for f in check(text) if f.claim.kind is kind]
    assert len(found) == 1, [f.claim.quote for f in check(text)]
    return found[0]


@pytest.mark.parametrize("prefix", ["000", "004"])
def test_every_curated_claim_is_found_with_its_verdict(prefix: str) -> None:
    """Every hand-curated claim of seeds 000 and 004 is extracted with the curated verdict."""
    findings = {(f.claim.kind.code, tuple(f.claim.span)): f for f in check(_seed(prefix))}
    for expected in _curated(prefix):
        key = (expected["kind"], tuple(expected["span"]))
        assert key in findings, expected["quote"]
        finding = findings[key]
        assert finding.verdict.code == expected["verdict"], expected["quote"]
        assert [r.code for r in finding.roundings] == expected["roundings"]
        values: dict[str, list[str]] = {}
        for figure in finding.claim.figures:
            values.setdefault(figure.role.code, []).append(figure.text)
        assert values == expected["values"]


@pytest.mark.parametrize(("prefix", "total", "parts", "verdict"), [
    ("000", "2.588 đơn", ["21 đơn", "36 đơn", "2.531 đơn"], Verdict.HOLDS),
    ("000", "2.588 đơn", ["905 đơn", "1.683 đơn"], Verdict.HOLDS),
    ("000", "199 hội nghị", ["05 hội nghị", "23 hội nghị", "92 hội nghị", "79 hội nghị"],
     Verdict.HOLDS),
    ("000", "173 cuộc", ["17 cuộc", "156 cuộc"], Verdict.HOLDS),
    ("000", "151 mô hình, điển hình", ["75 mô hình, điển hình", "31 mô hình", "31 mô hình",
                                       "14 mô hình"], Verdict.HOLDS),
    ("000", "2.808.657,0 triệu đồng", ["107.732,0 triệu đồng", "1.693.395 triệu đồng",
                                       "1.007.530 triệu đồng"], Verdict.HOLDS),
    ("004", "345 tập thể, cá nhân", ["315 tập thể", "27 cá nhân"], Verdict.FAILS),
])
def test_seed_totals_and_parts(prefix: str, total: str, parts: list[str], verdict: Verdict,
                               ) -> None:
    """The totals and parts named in the issue are found with the right verdict."""
    matches = [f for f in check(_seed(prefix)) if f.claim.kind is ClaimKind.PARTS
               and [x.text for x in f.claim.role(Role.PART)] == parts]
    assert len(matches) == 1
    finding = matches[0]
    shown = [x.text for x in finding.claim.figures
             if x.role in (Role.TOTAL, Role.ALTERNATIVE_TOTAL)]
    assert total in shown
    assert finding.verdict is verdict


def test_seed_004_failure_shows_the_arithmetic() -> None:
    """345 = 315 + 27 fails with the sum written out."""
    finding = next(f for f in check(_seed("004")) if f.verdict is Verdict.FAILS)
    assert finding.explanation == "315 + 27 = 342 ≠ 345"


@pytest.mark.parametrize(("prefix", "quote_start", "roundings"), [
    ("000", "2.453/2.484", (Rounding.TRUNCATE,)),
    ("004", "72/77", (Rounding.TRUNCATE, Rounding.HALF_UP, Rounding.HALF_EVEN)),
])
def test_seed_ratios_name_their_rounding(prefix: str, quote_start: str,
                                         roundings: tuple[Rounding, ...]) -> None:
    """2.453/2.484 = 98,7% holds under truncation only; 72/77 = 93,5% under all three."""
    finding = next(f for f in check(_seed(prefix)) if f.claim.quote.startswith(quote_start))
    assert finding.verdict is Verdict.HOLDS
    assert finding.roundings == roundings


def test_seed_change_with_implicit_base() -> None:
    """Giảm 08 xã, tỷ lệ 40% uses base 12 + 8; giảm 24 khu, 13,9% holds by truncation only."""
    changes = [f for f in check(_seed("000")) if f.claim.kind is ClaimKind.CHANGE
               and f.verdict is Verdict.HOLDS]
    assert len(changes) == 2
    first, second = changes
    assert "(11 + 1 + 8)" in first.explanation
    assert "24/(148 + 24)" in second.explanation
    assert second.roundings == (Rounding.TRUNCATE,)


NOT_CLAIMS = (
    "Ngày 17/12/2019, Ủy ban Thường vụ Quốc hội ban hành Nghị quyết số 828/NQ-UBTVQH14 và "
    "Nghị quyết 39-NQ/TW, ngày 14/4/2015. Tính đến tháng 6/2021, cơ quan áp dụng TCVN ISO "
    "9001:2008/ISO 9001:2015. Hội thi lần thứ III, lần thứ 2 được tổ chức sáng 14/5. Giai đoạn "
    "2021-2025, nhiệm kỳ 2020 – 2025, Pháp lệnh số 34/2007/PL-UBTVQH11. Điện thoại: "
    "0210.3811.234, đường dây nóng 0912 345 678. Năm 2022 huyện phát động phong trào "
    "“5 không, 3 sạch”; phòng, chống Covid-19, không có ca F0; giải quyết TTHC mức độ 3, 4. "
    "Đăng lúc 16:00 ngày 2022-07-07 20:32:32 tại www.mp3mystic.com, ảnh 7c734e41.jpg.\n"
    "1. Đẩy mạnh tuyên truyền trong 05 năm, theo Quyết định 217 và Chương trình số 20."
)


def test_identifiers_are_not_claims() -> None:
    """Dates, document numbers, standards, ordinals, years, ranges and phones are no claims."""
    assert extract(NOT_CLAIMS) == ()


@pytest.mark.parametrize(("text", "kind", "verdict", "fragment"), [
    # a slash between counts of different units is a pair
    ("Các cơ quan đã tiếp 120 lượt/135 người.", ClaimKind.COUNT, Verdict.UNVERIFIABLE,
     "a single figure: nothing to check within the text; reconcile it with records"),
    # a parenthetical between the ratio and its percentage
    ("Đã giải quyết 45/50 đơn (đơn thuộc thẩm quyền), đạt 90%.", ClaimKind.RATIO,
     Verdict.HOLDS, "45/50 = 90%"),
    # a mean of rates is not the pooled fraction
    ("Tỷ lệ giải quyết bình quân đạt 85,5%.", ClaimKind.RATIO, Verdict.UNVERIFIABLE, "mean"),
    # "bằng Z% so với cùng kỳ" is current ÷ previous
    ("Tiếp 1.200 lượt công dân, bằng 80% so với cùng kỳ (1.500 lượt).", ClaimKind.RATIO,
     Verdict.HOLDS, "1.200/1.500"),
    ("Tiếp 1.200 lượt công dân, bằng 80% so với cùng kỳ.", ClaimKind.RATIO,
     Verdict.UNVERIFIABLE, "previous"),
    # qualifiers are bounds, on results and on operands
    ("Quỹ vận động hơn 350 triệu đồng, gồm 200 triệu đồng tiền mặt và 160 triệu đồng hiện vật.",
     ClaimKind.PARTS, Verdict.HOLDS, "within hơn 350 triệu"),
    ("Quỹ vận động gần 350 triệu đồng, gồm 200 triệu đồng tiền mặt và 160 triệu đồng hiện vật.",
     ClaimKind.PARTS, Verdict.FAILS, "≠ gần 350 triệu"),
    # Under the assumed reading khoảng X = X ± 10% (docs/claims.md, Qualifiers).
    ("Quỹ vận động khoảng 350 triệu đồng, gồm 200 triệu đồng và 160 triệu đồng.",
     ClaimKind.PARTS, Verdict.HOLDS, "under the reading khoảng X = X ± 10%"),
    ("Quỹ vận động khoảng 350 triệu đồng, gồm 200 triệu đồng và 250 triệu đồng.",
     ClaimKind.PARTS, Verdict.FAILS, "under the reading khoảng X = X ± 10%"),
    ("Đã giải quyết 95/100 đơn, đạt trên 90%.", ClaimKind.RATIO, Verdict.HOLDS, "hơn 90%"),
    ("Giải quyết hơn 90/100 đơn, đạt 90%.", ClaimKind.RATIO, Verdict.UNVERIFIABLE, "qualifier"),
    # scales mix inside one list
    ("Huy động 4,1 tỷ đồng, gồm 3,2 tỷ, 650 triệu và 250 triệu.", ClaimKind.PARTS,
     Verdict.HOLDS, "3,2 tỷ + 650 triệu + 250 triệu = 4,1 tỷ"),
    # numbers without separators beside others with them; stray spaces
    ("Tiếp nhận 12500 đơn, gồm khiếu nại 2.500 đơn, tố cáo 10000 đơn.", ClaimKind.PARTS,
     Verdict.HOLDS, "12.500"),
    ("Nhận 100 đơn ,trong đó :khiếu nại 40 đơn ; tố cáo 50 đơn ; loại khác 5 đơn.",
     ClaimKind.PARTS, Verdict.FAILS, "40 + 50 + 5 = 95 ≠ 100"),
    # "trong đó" may introduce a subset
    ("Kiến nghị thu hồi 5,2 tỷ đồng, trong đó đã thu hồi 3,1 tỷ đồng.", ClaimKind.PARTS,
     Verdict.HOLDS, "≤"),
    ("Kiến nghị thu hồi 5,2 tỷ đồng, trong đó đã thu hồi 6,1 tỷ đồng.", ClaimKind.PARTS,
     Verdict.FAILS, "exceeds"),
    ("Phát hiện 20 vụ, trong đó xử lý hành chính 12 vụ, chuyển cơ quan điều tra 3 vụ.",
     ClaimKind.PARTS, Verdict.UNVERIFIABLE, "only some"),
    # a breakdown by level is a partition
    ("Tổ chức 50 cuộc giám sát, trong đó cấp huyện 12 cuộc, cấp xã 30 cuộc.", ClaimKind.PARTS,
     Verdict.FAILS, "12 + 30 = 42 ≠ 50"),
    # "còn lại N" is a remainder
    ("Tổng số đơn thuộc thẩm quyền là 50 đơn, đã giải quyết 45 đơn, còn lại 5 đơn.",
     ClaimKind.PARTS, Verdict.HOLDS, "45 + 5 = 50"),
    ("Tổng số đơn thuộc thẩm quyền là 50 đơn, đã giải quyết 45 đơn, còn lại 6 đơn.",
     ClaimKind.PARTS, Verdict.FAILS, "45 + 6 = 51 ≠ 50"),
    # percentages above 100% are legitimate
    ("Giải quyết 120/100 hồ sơ theo kế hoạch, đạt 120%.", ClaimKind.RATIO, Verdict.HOLDS,
     "120/100 = 120% → 120% (truncate, half_up, half_even)"),
    # a percentage right under no rounding fails
    ("Đã giải quyết 2.453/2.484 đơn, đạt 98,9%.", ClaimKind.RATIO, Verdict.FAILS,
     "truncate 98,7%"),
    # changes, with an explicit and an implicit base
    ("Số hộ nghèo giảm từ 1.200 hộ xuống còn 900 hộ, giảm 300 hộ, tỷ lệ giảm 25%.",
     ClaimKind.CHANGE, Verdict.HOLDS, "300/1.200 = 25%"),
    ("Sáp nhập 30 thôn thành 10 thôn, sau sáp nhập còn 90 thôn (giảm 20 thôn, tỷ lệ 20%).",
     ClaimKind.CHANGE, Verdict.FAILS, "18,181…%"),
    ("Số vụ việc tăng 15% so với năm trước.", ClaimKind.CHANGE, Verdict.UNVERIFIABLE, "base"),
])
def test_report_conventions(text: str, kind: ClaimKind, verdict: Verdict, fragment: str) -> None:
    """Paragraphs written in report style are read by the conventions of report prose."""
    findings = [f for f in check(text) if f.claim.kind is kind]
    assert findings, [f.claim.quote for f in check(text)]
    for finding in findings:
        assert finding.verdict is verdict, finding.explanation
        assert fragment in finding.explanation


def test_pair_of_counts_is_no_ratio() -> None:
    """'120 lượt/135 người' gives two counts and no ratio claim."""
    found = check("Các cơ quan đã tiếp 120 lượt/135 người.")
    assert [(f.claim.kind, f.claim.quote) for f in found] == [
        (ClaimKind.COUNT, "120 lượt"), (ClaimKind.COUNT, "135 người")]


def test_share_of_a_part_uses_the_list_total() -> None:
    """'chiếm Z%' after a part is that part over the total of its list."""
    text = "Nhận 200 đơn, trong đó khiếu nại 120 đơn, chiếm 60%, tố cáo 80 đơn, chiếm 45%."
    ratios = [f for f in check(text) if f.claim.kind is ClaimKind.RATIO]
    assert [f.verdict for f in ratios] == [Verdict.HOLDS, Verdict.FAILS]
    assert ratios[1].explanation.startswith("80/200 = 40%")


def test_lone_figures_are_kept_unverified() -> None:
    """Counts, money and lone percentages are claims, but never said to hold."""
    text = "Năm 2022 Nhân dân đóng góp gần 3,1 tỷ đồng, hiến 5.200m2 đất; tỷ lệ hồ sơ đúng hẹn 99,8%."
    found = check(text)
    assert [f.claim.kind for f in found] == [ClaimKind.MONEY, ClaimKind.COUNT, ClaimKind.RATIO]
    assert all(f.verdict is Verdict.UNVERIFIABLE for f in found)


def test_spans_quote_the_text() -> None:
    """Every claim's quote and every figure's text are the exact slices of their spans."""
    for path in SEEDS:
        text = path.read_text(encoding="utf-8")
        for claim in extract(text):
            assert claim.quote == text[claim.span[0]:claim.span[1]]
            for figure in claim.figures:
                assert figure.text == text[figure.span[0]:figure.span[1]]
                assert claim.span[0] <= figure.span[0] <= figure.span[1] <= claim.span[1]


def test_claim_model() -> None:
    """A claim has a stable key, role lookups, and findings serialise to JSON data."""
    finding = check("Tổ chức 173 cuộc (cấp huyện: 17 cuộc; cấp xã: 156 cuộc).")[0]
    claim = finding.claim
    assert claim.key == "parts@8-54"
    assert claim.reading is Reading.PARTITION
    assert claim.first(Role.TOTAL) is not None
    assert [f.label for f in claim.role(Role.PART)] == ["cấp huyện", "cấp xã"]
    data = finding.to_dict()
    assert data["span"] == [8, 54]
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data
    with pytest.raises(FieldError):
        Claim(ClaimKind.COUNT, (5, 2), "x", claim.figures)


def test_validate_raises_on_failures() -> None:
    """validate() returns the findings, or raises a group naming each failing claim."""
    assert validate("Tổ chức 173 cuộc (cấp huyện: 17 cuộc; cấp xã: 156 cuộc).")
    with pytest.raises(DanvanErrorGroup) as info:
        validate(_seed("004"))
    assert "315 + 27 = 342 ≠ 345" in str(info.value)


def test_bad_input() -> None:
    """A non-text source is a FieldError; check accepts extracted claims too."""
    with pytest.raises(FieldError):
        extract(b"bytes")  # type: ignore[arg-type]
    with pytest.raises(FieldError):
        check([object()])  # type: ignore[list-item]
    assert check(extract(_seed("004"))) == check(_seed("004"))


def test_public_names_exist() -> None:
    """Every name in __all__ exists (tests/test_public_api.py checks its order)."""
    for name in claims.__all__:
        assert hasattr(claims, name)


@given(st.text(alphabet=st.sampled_from(list("0123456789.,/%() :;-–đơncuộcxãhơntrên tỷ gồm"
                                             "trong đó còn lại giảm tỷ lệ đạt\n")), max_size=80)
       | st.text(max_size=60))
def test_check_never_crashes(text: str) -> None:
    """Any text gives findings; holds is never said of a lone figure or a lone percentage."""
    for finding in check(text):
        assert finding.claim.quote == text[finding.claim.span[0]:finding.claim.span[1]]
        if finding.claim.kind in (ClaimKind.COUNT, ClaimKind.MONEY):
            assert finding.verdict is Verdict.UNVERIFIABLE
        if len(finding.claim.figures) == 1:
            assert finding.verdict is not Verdict.HOLDS, finding.claim.quote


@given(st.integers(1, 5000), st.lists(st.integers(0, 3000), min_size=2, max_size=4))
def test_partition_holds_exactly_when_it_adds_up(total: int, parts: list[int]) -> None:
    """A 'gồm' list holds if and only if the parts add up to the total."""
    listed = ", ".join(f"loại {i + 1} có {p} đơn" for i, p in enumerate(parts))
    finding = _one(f"Nhận {total} đơn, gồm: {listed}.", ClaimKind.PARTS)
    expected = Verdict.HOLDS if sum(parts) == total else Verdict.FAILS
    assert finding.verdict is expected


@given(st.integers(1, 3000), st.integers(1, 3000), st.integers(0, 2),
       st.sampled_from(list(Rounding)))
def test_ratio_names_the_rounding_that_printed_it(a: int, b: int, places: int,
                                                  rounding: Rounding) -> None:
    """A percentage printed under a rounding holds, and that rounding is named."""
    from fractions import Fraction

    printed = round_fraction(Fraction(a, b) * 100, places, rounding)
    text = f"Đã giải quyết {a}/{b} đơn, đạt {str(printed).replace('.', ',')}%."
    finding = _one(text, ClaimKind.RATIO)
    assert finding.verdict is Verdict.HOLDS
    assert rounding in finding.roundings


# -- regressions ------------------------------------------------------------------------------


def test_scale_word_is_not_rounding() -> None:
    """A sum that is off by a whole scale unit fails: 'tỷ' is a unit, not a rounding."""
    finding = _one("Huy động 5 tỷ đồng, gồm 3 tỷ đồng và 1 tỷ đồng.", ClaimKind.PARTS)
    assert finding.verdict is Verdict.FAILS
    assert finding.explanation == "3 tỷ + 1 tỷ = 4 tỷ ≠ 5 tỷ"


def test_rounded_decimals_never_hold() -> None:
    """Parts that add up only within the rounding of printed decimals are not said to hold."""
    finding = _one("Huy động 4,1 tỷ đồng, gồm 3,15 tỷ đồng và 1 tỷ đồng.", ClaimKind.PARTS)
    assert finding.verdict is Verdict.UNVERIFIABLE
    assert "4,15 tỷ ≈ 4,1 tỷ" in finding.explanation
    exact = _one("Huy động 4,1 tỷ đồng, gồm 3,1 tỷ đồng và 1 tỷ đồng.", ClaimKind.PARTS)
    assert (exact.verdict, exact.explanation) == (Verdict.HOLDS, "3,1 tỷ + 1 tỷ = 4,1 tỷ")


@pytest.mark.parametrize("text", ["Nhà nước 200 triệu đồng.", "Ngân sách nhà nước cấp 200 triệu đồng.",
                                  "Bàn giao 200 đơn."])
def test_qualifier_inside_a_word_is_no_qualifier(text: str) -> None:
    """'ước' inside 'nước' (or any qualifier inside a word) does not make a figure approximate."""
    (claim,) = extract(text)
    (figure,) = claim.figures
    assert figure.quantity.qualifier is Qualifier.EXACT
    assert figure.text.startswith("200")


def test_remainder_total_is_the_named_total() -> None:
    """'tổng 50 đơn … đã giải quyết 45 đơn, còn lại 5 đơn' checks 45 + 5 against 50, not 30."""
    text = ("Trong năm có 30 đơn mới, tổng 50 đơn thuộc thẩm quyền, đã giải quyết 45 đơn, "
            "còn lại 5 đơn.")
    finding = _one(text, ClaimKind.PARTS)
    assert (finding.verdict, finding.explanation) == (Verdict.HOLDS, "45 + 5 = 50")
    assert [f.text for f in finding.claim.figures] == ["50 đơn", "45 đơn", "5 đơn"]


def test_remainder_without_a_total_is_no_parts_claim() -> None:
    """'Đã giải quyết 90 đơn, còn lại 10 đơn' states no total: no claim holds 10 ≤ 90."""
    found = check("Đã giải quyết 90 đơn, còn lại 10 đơn.")
    assert [f.claim.kind for f in found] == [ClaimKind.COUNT, ClaimKind.COUNT]
    assert all(f.verdict is Verdict.UNVERIFIABLE for f in found)


def test_list_stops_at_a_semicolon() -> None:
    """A 'gồm' list ends at ';': the figures after it are not parts of its list (they make a
    second list of the same total, which may not be its total, so it cannot fail)."""
    text = "Nhận 100 đơn, gồm khiếu nại 40 đơn, tố cáo 60 đơn; đã giải quyết 90 đơn, còn lại 10 đơn."
    parts = [f for f in check(text) if f.claim.kind is ClaimKind.PARTS]
    assert [(f.verdict, f.explanation, f.claim.reading.code) for f in parts] == [
        (Verdict.HOLDS, "40 + 60 = 100", "partition"),
        (Verdict.HOLDS, "90 + 10 = 100", "implied_base")]
    assert not any(f.verdict is Verdict.HOLDS and "≤" in f.explanation for f in check(text))
