"""Figures the checker reads and the rates it judges (issue 13), on made-up sentences of the
shapes real reports use: bare numbers whose noun came before, shares after "tỷ lệ", shares
of one whole written as rates on one base, "100% <noun>", and more."""

from __future__ import annotations

import pytest

from danvan.text.claims import Finding, check

Summary = list[tuple[str, str, list[str]]]


def _summary(text: str) -> Summary:
    """(kind, verdict, figure texts) of each finding that relates figures."""
    return [(f.claim.kind.code, f.verdict.code, [x.text for x in f.claim.figures])
            for f in check(text) if f.claim.kind.code not in ("count", "money")]


def _with(text: str, *figures: str) -> list[Finding]:
    """The findings whose figures read exactly ``figures``."""
    return [f for f in check(text) if [x.text for x in f.claim.figures] == list(figures)]


def test_bare_number_takes_the_noun_printed_before_it() -> None:
    text = "Đã giải quyết 8.210 hồ sơ; số hồ sơ quá hạn còn 97, chiếm tỷ lệ 1,2%."
    [rate] = _with(text, "97", "8.210 hồ sơ", "1,2%")
    assert rate.verdict.code == "holds"
    assert check(text)[-1].claim.figures[0].quantity.unit == "hồ sơ"


def test_bare_number_without_a_noun_before_stays_out() -> None:
    assert not any(f.claim.kind.code == "ratio" and len(f.claim.figures) > 1
                   for f in check("Đã giải quyết 8.210 hồ sơ; còn 97, chiếm tỷ lệ 1,2%."))


@pytest.mark.parametrize(("text", "verdict"), [
    ("Đã giải quyết 6.400 hồ sơ, trong đó đúng hạn 6.290 hồ sơ, còn 110 hồ sơ quá hạn, "
     "tỷ lệ 1,7%.", "holds"),
    ("Đã giải quyết 6.400 hồ sơ, trong đó đúng hạn 6.290 hồ sơ, còn 110 hồ sơ quá hạn, "
     "tỷ lệ 2,7%.", "fails"),
])
def test_share_after_a_bare_ty_le(text: str, verdict: str) -> None:
    [rate] = _with(text, "110 hồ sơ", "6.400 hồ sơ", text[text.rindex(" ") + 1:-1])
    assert rate.verdict.code == verdict


@pytest.mark.parametrize("text", [
    "Đã trả lời 31/40 ý kiến (đạt 77,5 %); đang giải quyết 9/40 ý kiến (chiếm 22,5 %).",
    "Lĩnh vực đất đai 17/19 lượt chiếm 89,47 (đền bù, tái định cư), lĩnh vực khác 2/19 lượt "
    "chiếm 10,53%.",
])
def test_rates_on_one_base_are_shares_of_one_whole(text: str) -> None:
    wholes = [f for f in check(text) if f.claim.kind.code == "parts"
              and all(x.quantity.unit == "%" for x in f.claim.figures)]
    assert [f.verdict.code for f in wholes] == ["holds"]


def test_rates_on_one_base_that_leave_some_out_make_no_whole() -> None:
    text = "Đã trả lời 31/40 ý kiến (đạt 77,5%); đang giải quyết 5/40 ý kiến (chiếm 12,5%)."
    assert not any(f.claim.kind.code == "parts" and f.claim.figures[0].quantity.unit == "%"
                   for f in check(text))


@pytest.mark.parametrize("text", [
    "Cử tri gửi 2.150 kiến nghị đến kỳ họp. Đến nay, 100% kiến nghị đã được trả lời.",
    "Trong 12 đơn thuộc thẩm quyền, chủ yếu là tranh chấp đất đai. Xã đã giải quyết 100% đơn.",
])
def test_a_hundred_per_cent_is_all_of_the_earlier_figure(text: str) -> None:
    [rate] = [f for f in check(text) if f.claim.kind.code == "ratio"]
    assert rate.verdict.code == "holds"
    assert rate.claim.reading.code == "implied_base"
    assert rate.claim.figures[0].quantity == rate.claim.figures[1].quantity


def test_a_hundred_per_cent_after_a_count_of_the_same_act_has_no_base() -> None:
    # 48 is what was solved, not the base: nothing says what 100% is of.
    text = "Nhận 50 đơn, đã giải quyết 48 đơn. Năm nay, xã đã giải quyết 100% đơn."
    [rate] = [f for f in check(text) if f.claim.kind.code == "ratio"]
    assert rate.verdict.code == "unverifiable"
    assert len(rate.claim.figures) == 1


def test_a_count_tagged_with_a_kind_takes_the_base_of_that_kind() -> None:
    text = ("Qua phân loại, có 310 vụ việc KN (42 vụ việc từ kỳ trước chuyển sang), 25 vụ việc TC "
            "thuộc thẩm quyền. Đến nay, đã giải quyết xong 248 vụ việc KN, đạt 80%; 20 vụ việc TC, "
            "đạt 80%.")
    rates = [f for f in check(text) if f.claim.kind.code == "ratio"]
    assert [(f.verdict.code, [x.text for x in f.claim.figures]) for f in rates] == [
        ("holds", ["248 vụ việc", "310 vụ việc", "80%"]),
        ("holds", ["20 vụ việc", "25 vụ việc", "80%"]),
    ]


@pytest.mark.parametrize(("text", "verdict", "reading"), [
    # the base and the count are objects of one act: checked in full, so it may fail
    ("Tổ công tác chỉ đạo giải quyết 150 vụ tại 20 địa phương. Đến nay, 120 vụ đã được "
     "giải quyết xong, đạt 81%.", "fails", "plain"),
    ("Tổ công tác chỉ đạo giải quyết 150 vụ tại 20 địa phương. Đến nay, 120 vụ đã được "
     "giải quyết xong, đạt 80%.", "holds", "plain"),
    # another act: the base is only likely
    ("Ban tiếp dân tiếp nhận 150 vụ tại 20 địa phương. Đến nay, 120 vụ đã được giải quyết "
     "xong, đạt 81%.", "unverifiable", "implied_base"),
    # cases still pending follow: the base may leave them out (120/(150 - 2) = 81,08%)
    ("Tổ công tác chỉ đạo giải quyết 150 vụ. Đến nay, 120 vụ đã được giải quyết xong, "
     "đạt 81%, 2 vụ đang xác minh.", "holds", "implied_base"),
    ("Tổ công tác chỉ đạo giải quyết 150 vụ. Đến nay, 120 vụ đã được giải quyết xong, "
     "đạt 83%, 2 vụ đang xác minh.", "unverifiable", "implied_base"),
])
def test_base_in_the_sentence_before(text: str, verdict: str, reading: str) -> None:
    [rate] = [f for f in check(text) if f.claim.kind.code == "ratio"]
    assert (rate.verdict.code, rate.claim.reading.code) == (verdict, reading)


def test_base_printed_after_the_rate() -> None:
    text = ("Tháng qua tiếp nhận mới 8.020 hồ sơ, hồ sơ đúng hạn là 7.851 hồ sơ (đạt 96,17%), "
            "hồ sơ đến hạn giải quyết 8.164 hồ sơ.")
    [rate] = [f for f in check(text) if f.claim.kind.code == "ratio"]
    assert [x.text for x in rate.claim.figures] == ["7.851 hồ sơ", "8.164 hồ sơ", "96,17%"]
    assert (rate.verdict.code, rate.claim.reading.code) == ("holds", "implied_base")
    assert [r.code for r in rate.roundings] == ["half_up", "half_even"]


def test_ellipsis_before_a_lower_case_word_ends_no_sentence() -> None:
    text = ("Huy động 90 tỷ 500 triệu đồng, trong đó: ngân sách 60 tỷ 200 triệu đồng; nhân dân "
            "góp công, hiến đất... quy ra tiền 30 tỷ 300 triệu đồng. Riêng năm nay 12 tỷ đồng.")
    [parts] = [f for f in check(text) if f.claim.kind.code == "parts"]
    assert parts.verdict.code == "holds"
    assert len(parts.claim.figures) == 3


def test_thousands_dot_with_a_space_after_it() -> None:
    [count] = check("Đã có gần 8. 500 hộ hiến đất.")
    assert count.claim.figures[0].quantity.value == 8500
    assert count.claim.quote == "gần 8. 500 hộ"


def test_spaced_dot_before_no_unit_is_no_thousands() -> None:
    assert [f.claim.figures[0].quantity.value for f in check("Nhận 12 đơn. 300 người dự.")] == [
        12, 300]


@pytest.mark.parametrize(("text", "verdict"), [
    ("Chủ yếu là lĩnh vực đất đai (chiếm 27/30 lượt tiếp công dân trong tháng, 90%).", "holds"),
    ("Chủ yếu là lĩnh vực đất đai (chiếm 27/30 lượt tiếp công dân trong tháng, 80%).", "fails"),
])
def test_rate_closing_the_bracket_of_its_ratio(text: str, verdict: str) -> None:
    [rate] = [f for f in check(text) if f.claim.kind.code == "ratio"]
    assert [x.text for x in rate.claim.figures][1:] == ["30 lượt", text[-5:-2]]
    assert rate.verdict.code == verdict


def test_percentage_after_a_comma_outside_the_bracket_is_another_figure() -> None:
    text = "Đã giải quyết 27/30 đơn, 80% hộ dân hài lòng."
    assert [len(f.claim.figures) for f in check(text) if f.claim.kind.code == "ratio"] == [2, 1]


def test_unit_of_a_ratio_printed_after_its_percentage() -> None:
    [rate] = [f for f in check("Đã giải quyết xong 141/150 (94%) vụ việc.")
              if f.claim.kind.code == "ratio"]
    assert [x.quantity.unit for x in rate.claim.figures] == ["vụ việc", "vụ việc", "%"]
    assert rate.verdict.code == "holds"


@pytest.mark.parametrize(("text", "verdict"), [
    ("Trong tổng số gần 500 ý kiến của cử tri, có 85% các ý kiến đã được các phòng, ban chuyên "
     "môn của huyện xem xét, trả lời dứt điểm; 15% ý kiến còn lại đang giải quyết.", "holds"),
    ("Có 85% ý kiến đã được trả lời; 12% ý kiến còn lại đang giải quyết.", "unverifiable"),
])
def test_two_shares_the_last_named_the_remainder(text: str, verdict: str) -> None:
    [whole] = [f for f in check(text) if f.claim.kind.code == "parts"]
    assert whole.verdict.code == verdict


def test_a_role_ending_in_vien_is_a_unit_of_people() -> None:
    text = "Toàn huyện có 215 tổ hòa giải với 1.204 hòa giải viên, trong đó 391 người là nữ."
    [subset] = [f for f in check(text) if f.claim.kind.code == "parts"]
    assert [(x.text, x.quantity.unit) for x in subset.claim.figures] == [
        ("1.204 hòa giải viên", "hòa giải viên"), ("391 người", "người")]
    assert subset.verdict.code == "holds"


@pytest.mark.parametrize(("text", "found"), [
    ("Có trình độ chuyên môn Luật 97 người.", ["97 người"]),
    ("Theo Luật 25 về tiếp công dân.", []),
    ("Thực hiện Nghị định 04 hộ gia đình được hỗ trợ.", []),
])
def test_document_word_before_a_count_of_people(text: str, found: list[str]) -> None:
    assert [f.claim.quote for f in check(text)] == found


@pytest.mark.parametrize(("text", "parts"), [
    # a rate, then the rest of its base in the sentence after, as a share
    ("Đến hạn giải quyết là 2.380 hồ sơ. Đã trả đúng hạn là 2.371 hồ sơ (đạt 99,62%). Hồ sơ "
     "chậm hạn là 9 hồ sơ (chiếm 0,38%).", ["2.380 hồ sơ", "2.371 hồ sơ", "9 hồ sơ"]),
    # a rate, then a count still pending
    ("Trong số 280 vụ việc, có 150 vụ việc đã được giải quyết (đạt 53,6%); có 130 vụ việc đang "
     "tiếp tục được xem xét.", ["280 vụ việc", "150 vụ việc", "130 vụ việc"]),
])
def test_a_rate_and_the_rest_of_its_base(text: str, parts: list[str]) -> None:
    lists = [f for f in check(text) if f.claim.kind.code == "parts"
             and f.claim.figures[0].quantity.unit != "%"]
    assert [(f.verdict.code, [x.text for x in f.claim.figures]) for f in lists] == [
        ("holds", parts)]


def test_a_rate_and_a_pending_count_that_do_not_add_up_never_hold() -> None:
    text = ("Đến hạn giải quyết là 2.380 hồ sơ. Đã trả đúng hạn là 2.371 hồ sơ (đạt 99,62%). "
            "Hồ sơ đang giải quyết là 7 hồ sơ.")
    # the complement (done, then pending) is read, but 2.371 + 7 ≠ 2.380 never holds
    assert not any(f.claim.kind.code == "parts" and f.verdict.code == "holds"
                   for f in check(text))


@pytest.mark.parametrize(("text", "parts"), [
    # the rest of a bare X/Y three sentences on, itself broken down
    ("Đến nay đã giải quyết 61/66 vụ việc thuộc thẩm quyền. Trong 61 vụ việc, có 4 vụ rút đơn. "
     "Kết quả đã thu hồi 2 triệu đồng. Hiện nay còn 5 vụ việc (khiếu nại 2 vụ, tố cáo 3 vụ) đang "
     "xem xét.", ["66 vụ việc", "61", "5 vụ việc"]),
    # a pending count after a comma of its clause
    ("Đã giải quyết 910/1.000 đơn, đạt tỷ lệ 91%; đang tiến hành thẩm tra, xác minh 90 đơn.",
     ["1.000 đơn", "910", "90 đơn"]),
])
def test_the_rest_of_a_ratio_still_pending(text: str, parts: list[str]) -> None:
    assert ("holds", parts) in [(f.verdict.code, [x.text for x in f.claim.figures])
                                for f in check(text) if f.claim.kind.code == "parts"]


def test_the_rest_of_each_of_two_ratios() -> None:
    text = ("Đã giải quyết 30/52 đơn, trong đó khiếu nại 18/33 đơn và tố cáo 12/19 đơn. "
            "Số đơn còn lại đang giải quyết có 15 đơn/11 vụ khiếu nại và 7 đơn/7 vụ tố cáo.")
    found = [[x.text for x in f.claim.figures] for f in check(text)
             if f.claim.kind.code == "parts" and f.verdict.code == "holds"]
    assert ["33 đơn", "18", "15 đơn"] in found
    assert ["19 đơn", "12", "7 đơn"] in found


@pytest.mark.parametrize(("text", "verdict"), [
    ("Chủ yếu lĩnh vực đất đai 21/25 lượt, chiếm 84%; các lĩnh vực khác 4/25 lượt.", "holds"),
    ("Chủ yếu lĩnh vực đất đai 22/25 lượt, chiếm 88%; các lĩnh vực khác 4/25 lượt.", "fails"),
])
def test_rates_on_one_base_ending_in_a_catch_all_make_it_up(text: str, verdict: str) -> None:
    [whole] = [f for f in check(text) if f.claim.kind.code == "parts"]
    assert whole.claim.figures[0].text == "25 lượt"
    assert whole.verdict.code == verdict


def test_rates_on_one_base_without_a_catch_all_need_not_make_it_up() -> None:
    text = "Lĩnh vực đất đai 22/25 lượt, chiếm 88%; lĩnh vực chính sách 4/25 lượt."
    assert [f.verdict.code for f in check(text) if f.claim.kind.code == "parts"] in (
        [], ["unverifiable"])


def test_a_change_of_rate_is_no_share() -> None:
    text = "Đã giải quyết 6.400 hồ sơ, trong đó đúng hạn 6.290 hồ sơ, còn 110 hồ sơ, giảm tỷ lệ 1,7%."
    assert not any(f.claim.kind.code == "ratio" and len(f.claim.figures) == 3 for f in check(text))
