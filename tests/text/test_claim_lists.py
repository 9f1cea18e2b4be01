"""Lists whose parts are spread over sentences, paragraphs or bullets, remainders and
complements (issue 13), on made-up sentences of the shapes real reports use."""

from __future__ import annotations

import pytest

from danvan.text.claims import check

Summary = list[tuple[str, str, list[str]]]


def _lists(text: str) -> Summary:
    """(reading, verdict, figure texts) of each ``parts`` finding."""
    return [(f.claim.reading.code, f.verdict.code, [x.text for x in f.claim.figures])
            for f in check(text) if f.claim.kind.code == "parts"]


@pytest.mark.parametrize(("text", "expected"), [
    # the rest of a ratio printed sentences before
    ("Đã giải quyết 61/70 vụ việc thuộc thẩm quyền. Kết quả thu hồi 2 triệu đồng. "
     "Hiện còn 9 vụ việc đang xem xét.",
     [("implied_base", "holds", ["70 vụ việc", "61", "9 vụ việc"])]),
    # … and broken down itself
    ("Đã giải quyết 61/70 vụ việc. Đã chuyển 1 vụ. Hiện nay còn 9 vụ việc (khiếu nại 5 vụ, "
     "tố cáo 4 vụ) đang giải quyết.",
     [("implied_base", "holds", ["70 vụ việc", "61", "9 vụ việc"]),
      ("list", "holds", ["9 vụ việc", "5 vụ", "4 vụ"])]),
    # "Với N … còn lại" after the ratio
    ("Đã giải quyết xong 150/171 vụ việc. Với 21 vụ việc còn lại, tổ công tác tiếp tục xử lý.",
     [("implied_base", "holds", ["171 vụ việc", "150", "21 vụ việc"])]),
    # "Số … còn lại … có R1 … và R2": one rest per ratio of the list before, in order
    ("Đã giải quyết 30/45 đơn, trong đó khiếu nại 18/27 đơn và tố cáo 12/18 đơn. "
     "Số đơn còn lại đang giải quyết có 9 đơn khiếu nại và 6 đơn tố cáo.",
     [("list", "holds", ["30", "18", "12"]), ("list", "holds", ["45 đơn", "27 đơn", "18 đơn"]),
      ("implied_base", "holds", ["27 đơn", "18", "9 đơn"]),
      ("implied_base", "holds", ["18 đơn", "12", "6 đơn"])]),
    # a rest that does not add up is unverifiable, never fails: another base may be meant
    ("Đã giải quyết 61/70 vụ việc. Hiện còn 12 vụ việc.",
     [("implied_base", "unverifiable", ["70 vụ việc", "61", "12 vụ việc"])]),
])
def test_rest_of_an_earlier_ratio(text: str, expected: Summary) -> None:
    assert _lists(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # done on a base, then the figure still pending
    ("Đã giải quyết 812/860 đơn, đạt tỷ lệ 94,4%; đang thẩm tra, xác minh 48 đơn.",
     [("implied_base", "holds", ["860 đơn", "812", "48 đơn"])]),
    # the pending figure in the next sentence, its word after it
    ("Số hồ sơ đến hạn là 2.310 hồ sơ. Đã trả đúng hạn 2.295 hồ sơ (đạt 99,35%). "
     "Hồ sơ đã trả nhưng chậm hạn và hồ sơ quá hạn chưa có kết quả là 15 hồ sơ.",
     [("implied_base", "holds", ["2.310 hồ sơ", "2.295 hồ sơ", "15 hồ sơ"])]),
    ("Đã giải quyết 640 hồ sơ, đúng hạn 610 hồ sơ, đạt tỷ lệ 95,3%; quá hạn còn 30 hồ sơ.",
     [("implied_base", "holds", ["640 hồ sơ", "610 hồ sơ", "30 hồ sơ"])]),
    # late among the pending, or another action: not the complement of the figure on time
    ("Giải quyết đúng hạn 4/9 đơn, đạt 44,4%. Quá hạn chưa giải quyết 2 đơn.", []),
    ("Thụ lý đúng hạn 7/9 đơn. Quá hạn giải quyết 2 đơn.", []),
    ("Các tổ đã nhận 52 đơn. Đưa ra hòa giải 50 đơn thành, đạt tỷ lệ 96,2%. "
     "Có 2 đơn hòa giải không thành.",
     [("implied_base", "holds", ["52 đơn", "50 đơn", "2 đơn"])]),
    # two pending figures
    ("Nhận được 90 ý kiến. Đến nay đã có 70 ý kiến được giải quyết (bằng 77,8%), 12 ý kiến "
     "chưa được giải quyết và còn 8 ý kiến đang chỉ đạo.",
     [("implied_base", "holds", ["90 ý kiến", "70 ý kiến", "12 ý kiến", "8 ý kiến"])]),
    # not pending: no complement
    ("Nhận 90 đơn. Đã giải quyết 70 đơn (đạt 77,8%). Có 20 đơn chuyển đi.", []),
])
def test_complement_of_a_rate(text: str, expected: Summary) -> None:
    assert _lists(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # one part per bullet after a line ending on "trong đó:"
    ("Sau kỳ họp, cử tri có tổng số 19 ý kiến, kiến nghị, trong đó:\n\n"
     "- Lĩnh vực giao thông có 08 kiến nghị.\n\n- Lĩnh vực đất đai có 05 kiến nghị.\n\n"
     "- Lĩnh vực khác có 06 kiến nghị.\n\nUBND tỉnh đã chỉ đạo giải quyết.",
     [("implied_base", "holds", ["19 ý kiến, kiến nghị", "08 kiến nghị", "05 kiến nghị",
                                 "06 kiến nghị"])]),
    # one level per paragraph: a partition, so a sum that differs fails; the change
    # in the paragraph is no part, and the next paragraph opens otherwise
    ("Các trang đã đăng tải 120 lượt tin, trong đó:\n"
     "Đơn vị cấp tỉnh đã đăng tải 50 lượt, tăng 6 lượt so với tháng trước.\n"
     "Đơn vị cấp huyện đã đăng tải 80 lượt.\n"
     "Trong 9 tháng, các trang đã đăng tải 900 lượt.",
     [("partition", "fails", ["120 lượt", "50 lượt", "80 lượt"])]),
    # "Cụ thể," opening the next paragraph; visits paired with people make two lists
    ("Lãnh đạo các cấp đã tiếp 9 lượt công dân (5 lượt định kỳ, 4 lượt đột xuất) với 30 "
     "người.\n\nCụ thể, Chủ tịch UBND tỉnh tiếp 2 lượt với 6 người. Lãnh đạo các sở tiếp "
     "3 lượt với 4 người (Chánh thanh tra tiếp 3 lượt với 4 người). Lãnh đạo UBND các "
     "huyện tiếp 4 lượt với 20 người.",
     [("list", "holds", ["9 lượt", "5 lượt", "4 lượt"]),
      # the labels name two levels (tỉnh, huyện): a partition
      ("partition", "holds", ["9 lượt", "2 lượt", "3 lượt", "4 lượt"]),
      ("partition", "holds", ["30 người", "6 người", "4 người", "20 người"])]),
    # "Theo đó," with the parts in one sentence, each with its people in brackets
    ("Toàn tỉnh tiếp 20 lượt đoàn, giảm 7 lượt so với cùng kỳ.\n\nTheo đó, trụ sở tiếp dân "
     "tiếp 8 lượt đoàn (120 người), Phú Lộc tiếp 5 lượt đoàn (40 người) và Vĩnh An 7 lượt "
     "đoàn (35 người).",
     [("implied_base", "holds", ["20 lượt", "8 lượt", "5 lượt", "7 lượt"])]),
])
def test_items_on_lines_and_paragraphs(text: str, expected: Summary) -> None:
    assert _lists(text) == expected


def test_pairs_after_a_sentence_between() -> None:
    """"Trong đó," opening a sentence after another one goes on from the pair before."""
    text = ("Trong quý, tỉnh đã tiếp 300 lượt/410 công dân. Nội dung chủ yếu về đất đai, "
            "bồi thường, giải phóng mặt bằng, cấp giấy chứng nhận quyền sử dụng đất, chế độ "
            "chính sách đối với người có công và nhiều nội dung khác nữa… Trong đó, số lượt "
            "tiếp thường xuyên 180 lượt/250 người, tiếp định kỳ 120 lượt/160 người.")
    assert [(verdict, figures) for _, verdict, figures in _lists(text)] == [
        ("holds", ["300 lượt", "180 lượt", "120 lượt"]),
        ("holds", ["410 công", "250 người", "160 người"])]


@pytest.mark.parametrize(("text", "expected"), [
    # "…; đơn …" after the first part goes on when it names the other member of its partition
    ("Toàn tỉnh tiếp nhận 2.100 đơn, trong đó đơn trùng lặp, nặc danh, không đủ điều kiện "
     "xử lý là 240 đơn; đơn có đủ điều kiện xử lý là 1.860 đơn.",
     [("partition", "holds", ["2.100 đơn", "240 đơn", "1.860 đơn"])]),
    # a bracket after a named part breaks down that part, not the whole: it fails
    ("Tiếp nhận 500 đơn, trong đó không đủ điều kiện xử lý 80 đơn, đủ điều kiện xử lý "
     "420 đơn (KN 60, TC 40 và kiến nghị 400 đơn).",
     [("partition", "holds", ["500 đơn", "80 đơn", "420 đơn"]),
      ("partition", "fails", ["420 đơn", "60", "40", "400 đơn"])]),
    # cases carried over and new, visits every day and on fixed days: partitions
    ("Tiếp nhận 120 đơn (đơn cũ chuyển sang 20 đơn, đơn mới 90 đơn).",
     [("partition", "fails", ["120 đơn", "20 đơn", "90 đơn"])]),
    ("Đã tiếp 75 lượt, trong đó tiếp thường xuyên 50 lượt, tiếp định kỳ 20 lượt.",
     [("partition", "fails", ["75 lượt", "50 lượt", "20 lượt"])]),
])
def test_partitions_the_domain_knows(text: str, expected: Summary) -> None:
    assert _lists(text) == expected


def test_columns_of_rows_with_the_same_labels() -> None:
    """"Cụ thể: năm A, thụ lý … , hòa giải thành …; năm B, …": one list per label."""
    text = ("Trong 3 năm, các tổ đã thụ lý hòa giải 900 vụ việc, trong đó hòa giải thành 700 "
            "vụ việc, đạt tỷ lệ 77,7%.\n\nẢnh: tổ hòa giải thôn Đông\n\n"
            "Cụ thể: năm 2021, thụ lý hòa giải 310 vụ việc, hòa giải thành 240 vụ việc; năm "
            "2022, thụ lý hòa giải 300 vụ việc, hòa giải thành 230 vụ việc; năm 2023, thụ lý "
            "hòa giải 290 vụ việc, hòa giải thành 230 vụ việc.")
    found = _lists(text)
    assert ("implied_base", "holds", ["900 vụ việc", "310 vụ việc", "300 vụ việc",
                                      "290 vụ việc"]) in found
    assert ("implied_base", "holds", ["700 vụ việc", "240 vụ việc", "230 vụ việc",
                                      "230 vụ việc"]) in found


@pytest.mark.parametrize(("text", "expected"), [
    ("Năm qua tiếp 500 lượt (giảm 40 lượt so cùng kỳ), trong đó, cấp huyện tiếp 120 lượt "
     "(giảm 30 lượt); cấp xã tiếp 380 lượt (giảm 10 lượt).",
     [("partition", "holds", ["500 lượt", "120 lượt", "380 lượt"]),
      ("partition", "holds", ["40 lượt", "30 lượt", "10 lượt"])]),
    ("Tiếp nhận 200 đơn, giảm 25 đơn so với cùng kỳ. Trong đó, UBND huyện tiếp nhận 80 đơn "
     "(giảm 20 đơn so với cùng kỳ); UBND các xã tiếp nhận 120 đơn (giảm 9 đơn so với cùng kỳ).",
     [("partition", "holds", ["200 đơn", "80 đơn", "120 đơn"]),
      ("partition", "fails", ["25 đơn", "20 đơn", "9 đơn"])]),
    # changes both ways: not summed
    ("Tiếp 500 lượt (giảm 40 lượt), trong đó, cấp huyện 120 lượt (tăng 30 lượt); cấp xã "
     "380 lượt (giảm 70 lượt).",
     [("partition", "holds", ["500 lượt", "120 lượt", "380 lượt"])]),
])
def test_changes_of_a_total_and_its_parts(text: str, expected: Summary) -> None:
    assert _lists(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the other member of the part's partition opens the next sentence
    ("Năm qua đã tiếp nhận 5.300 đơn, trong đó có 610 đơn không đủ điều kiện xử lý. Đối với "
     "4.690 đơn đủ điều kiện xử lý, đã phân loại và chuyển đúng quy định.",
     [("subset", "holds", ["5.300 đơn", "610 đơn"]),
      ("partition", "holds", ["5.300 đơn", "610 đơn", "4.690 đơn"])]),
    ("Đã tiếp nhận 5.300 đơn, trong đó có 610 đơn không đủ điều kiện xử lý. Đối với "
     "4.600 đơn đủ điều kiện xử lý, đã chuyển đúng quy định.",
     [("subset", "holds", ["5.300 đơn", "610 đơn"]),
      ("partition", "fails", ["5.300 đơn", "610 đơn", "4.600 đơn"])]),
    # the next sentence's figure names no other member: nothing more
    ("Đã tiếp nhận 5.300 đơn, trong đó có 610 đơn không đủ điều kiện xử lý. Đã chuyển "
     "4.690 đơn đến cơ quan có thẩm quyền.",
     [("subset", "holds", ["5.300 đơn", "610 đơn"])]),
])
def test_other_member_in_the_next_sentence(text: str, expected: Summary) -> None:
    assert _lists(text) == expected


def test_a_lower_case_start_goes_on_the_sentence() -> None:
    """"… hiến đất... quy ra tiền 20 triệu đồng": the list does not end at the dots."""
    text = ("Tổng vốn đạt 100 triệu đồng, trong đó: ngân sách tỉnh 30 triệu đồng; vốn lồng ghép "
            "50 triệu đồng; nhân dân đóng góp công lao động, hiến đất... quy ra tiền 20 triệu "
            "đồng.")
    assert _lists(text) == [("list", "holds", ["100 triệu đồng", "30 triệu đồng",
                                                "50 triệu đồng", "20 triệu đồng"])]


def test_figures_level_by_level() -> None:
    """One paragraph per level repeats the whole's figures: each makes a partition."""
    text = ("Trong quý, toàn tỉnh đã tiếp nhận 9.000 hồ sơ, đã giải quyết 8.500 hồ sơ; trong "
            "đó, đúng hạn có 8.400 hồ sơ.\n"
            "Trong số hồ sơ đang giải quyết gồm 500 hồ sơ, có 450 hồ sơ chưa đến hạn.\n"
            "Với cấp tỉnh, quý I đã tiếp nhận 1.000 hồ sơ; đã giải quyết 900 hồ sơ, đúng hạn "
            "880 hồ sơ. Trong số hồ sơ đang giải quyết gồm 100 hồ sơ.\n"
            "Với cấp huyện, 9 huyện trong quý đã tiếp nhận 5.000 hồ sơ, đã giải quyết 4.700 "
            "hồ sơ; trong đó, đúng hạn có 4.650 hồ sơ.\n"
            "Với cấp xã, toàn tỉnh tiếp nhận 3.000 hồ sơ, đã giải quyết 2.900 hồ sơ, đúng hạn "
            "2.880 hồ sơ.")
    found = [f for f in _lists(text) if f[0] == "partition" and len(f[2]) == 4]
    assert found == [
        ("partition", "holds", ["9.000 hồ sơ", "1.000 hồ sơ", "5.000 hồ sơ", "3.000 hồ sơ"]),
        ("partition", "holds", ["8.500 hồ sơ", "900 hồ sơ", "4.700 hồ sơ", "2.900 hồ sơ"]),
        ("partition", "fails", ["8.400 hồ sơ", "880 hồ sơ", "4.650 hồ sơ", "2.880 hồ sơ"])]


def test_a_paragraph_restating_its_total_keeps_its_own_list() -> None:
    """"Cụ thể, nguồn vốn A 3 tỷ đồng …, trong đó …": no list of every figure of it."""
    text = ("Trong 8 tỷ đồng, có 5 tỷ đồng kinh phí sự nghiệp và 3 tỷ đồng vốn đầu tư.\n"
            "Cụ thể, nguồn vốn đầu tư 3 tỷ đồng cấp cho 11 xã, trong đó 1,2 tỷ đồng làm đường "
            "và 1,8 tỷ đồng làm kênh mương.")
    assert [f[2] for f in _lists(text)] == [["8 tỷ đồng", "5 tỷ đồng", "3 tỷ đồng"],
                                            ["3 tỷ đồng", "1,2 tỷ đồng", "1,8 tỷ đồng"]]


def test_a_whole_partition_closes_its_list() -> None:
    """"đúng hạn 2 đơn, quá hạn 3 đơn, có 4 đơn …": the third figure is no part."""
    text = ("Đã giải quyết 5 đơn, trong đó giải quyết đúng hạn 2 đơn, quá hạn 3 đơn, có 4 đơn "
            "phản ánh về tranh chấp dân sự đã hòa giải thành.")
    assert _lists(text) == [("partition", "holds", ["5 đơn", "2 đơn", "3 đơn"])]


@pytest.mark.parametrize(("text", "expected"), [
    # ratios over one base past a bracketed aside; a rest ("các lĩnh vực khác") makes it whole
    ("Nội dung tập trung vào lĩnh vực đất đai 27/30 lượt, chiếm 90% (khiếu nại về đền bù, hỗ "
     "trợ, tái định cư; kiến nghị cấp giấy chứng nhận quyền sử dụng đất, chuyển mục đích sử "
     "dụng đất, làm đường giao thông nông thôn, và nhiều việc khác nữa trong tháng này), các "
     "lĩnh vực khác 4/30 lượt.",
     [("partition", "fails", ["30 lượt", "27", "4"])]),
    # without a rest the run may name only some of the base
    ("Lĩnh vực đất đai 27/30 lượt; lĩnh vực chính sách 2/30 lượt.",
     [("list", "unverifiable", ["30 lượt", "27", "2"])]),
])
def test_ratios_over_one_base(text: str, expected: Summary) -> None:
    assert _lists(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the results of what a ratio counts as done: its numerator is their total
    ("Đã giải quyết được 30/41 đơn khiếu nại, tố cáo. Kết quả giải quyết, khiếu nại đúng 6 vụ "
     "việc; khiếu nại sai 20 vụ việc; tố cáo sai 4 vụ việc.",
     [("implied_base", "holds", ["30", "6 vụ việc", "20 vụ việc", "4 vụ việc"])]),
    # without "kết quả" the ratio is no total of them
    ("Đã giải quyết được 30/41 đơn khiếu nại, tố cáo. Khiếu nại đúng 6 vụ việc; khiếu nại sai "
     "20 vụ việc; tố cáo sai 4 vụ việc.", []),
])
def test_results_of_a_ratio(text: str, expected: Summary) -> None:
    assert _lists(text) == expected


def test_a_partition_named_goes_on_with_labelled_items() -> None:
    """The four fields of "Dân vận khéo" and one more: the fifth item is still a part."""
    text = ("Đăng ký 7 mô hình gồm: kinh tế 1 mô hình; văn hóa – xã hội 2 mô hình; quốc phòng – "
            "an ninh 1 mô hình; xây dựng hệ thống chính trị 1 mô hình; xây dựng nông thôn mới "
            "2 mô hình.")
    assert _lists(text) == [("partition", "holds", ["7 mô hình", "1 mô hình", "2 mô hình",
                                                     "1 mô hình", "1 mô hình", "2 mô hình"])]


@pytest.mark.parametrize(("text", "expected"), [
    ("Tiếp nhận 90 đơn, trong đó đơn khiếu nại 55 đơn, đơn kiến nghị 35 đơn.",
     [("list", "holds", ["90 đơn", "55 đơn", "35 đơn"])]),
    ("Xã có 120 tuyên truyền viên; trong đó tuyên truyền viên là nữ 70 người và tuyên "
     "truyền viên là nam 50 người.",
     [("list", "holds", ["120 tuyên truyền viên", "70 người", "50 người"])]),
    # after ";" an item labelled with the total's unit still opens another subject: 55 ≤ 90
    ("Tiếp nhận 90 đơn, trong đó đơn khiếu nại 55 đơn; đơn đã giải quyết 40 đơn.",
     [("subset", "holds", ["90 đơn", "55 đơn"])]),
])
def test_parts_labelled_with_the_total_unit(text: str, expected: Summary) -> None:
    """Parts labelled alike with the total's unit ("đơn khiếu nại …, đơn kiến nghị …")."""
    assert _lists(text) == expected


def _ratios(text: str) -> list[tuple[str, list[str]]]:
    return [(f.verdict.code, [x.text for x in f.claim.figures])
            for f in check(text) if f.claim.kind.code == "ratio"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Trong số 140 hồ sơ, đã chuyển 52 hồ sơ đến cơ quan chức năng, hiện đã có văn bản trả lời "
     "31 hồ sơ.", [("holds", ["52 hồ sơ", "140 hồ sơ"])]),
    ("Trong số 140 hồ sơ, có 152 hồ sơ đã được trả lời.", [("fails", ["152 hồ sơ", "140 hồ sơ"])]),
    # the parts add up: the list says it all, no ratio besides
    ("Trong số 140 hồ sơ, có 100 hồ sơ đất đai, 40 hồ sơ khác.", []),
])
def test_the_first_part_among_a_total(text: str, expected: list[tuple[str, list[str]]]) -> None:
    """"Trong số T, … p …" with a list that may name only some of T: p ≤ T."""
    assert _ratios(text) == expected


@pytest.mark.parametrize(("text", "columns"), [
    ("Xã nhận 150 đơn, gồm: 90 khiếu nại, 60 tố cáo. Đã giải quyết 120/150 đơn, gồm: 70 khiếu "
     "nại, 50 tố cáo; đang xác minh 30 đơn (20 khiếu nại, 10 tố cáo).",
     [("implied_base", "holds", ["90 khiếu nại", "70 khiếu nại", "20 khiếu nại"]),
      ("implied_base", "holds", ["60 tố cáo", "50 tố cáo", "10 tố cáo"])]),
    # a column that does not add up is unverifiable, never fails: the kinds are inferred
    ("Xã nhận 150 đơn, gồm: 90 khiếu nại, 60 tố cáo. Đã giải quyết 120/150 đơn, gồm: 75 khiếu "
     "nại, 45 tố cáo; đang xác minh 30 đơn (20 khiếu nại, 10 tố cáo).",
     [("implied_base", "unverifiable", ["90 khiếu nại", "75 khiếu nại", "20 khiếu nại"]),
      ("implied_base", "unverifiable", ["60 tố cáo", "45 tố cáo", "10 tố cáo"])]),
    # parts not broken down by the same kinds: no column
    ("Xã nhận 150 đơn, gồm: 90 khiếu nại, 60 tố cáo. Đã giải quyết 120/150 đơn, gồm: 70 khiếu "
     "nại, 50 kiến nghị; đang xác minh 30 đơn (20 khiếu nại, 10 tố cáo).", []),
])
def test_columns_of_lists_broken_down_alike(text: str, columns: Summary) -> None:
    """A total and its parts each broken down by the same kinds: each kind adds up."""
    assert [c for c in _lists(text) if c[0] == "implied_base" and "đơn" not in c[2][0]] == columns


@pytest.mark.parametrize(("text", "expected"), [
    ("Các xã đăng ký xây dựng 48 mô hình (gồm tập thể 40 mô hình, cá nhân 8 mô hình); qua thẩm "
     "định đã công nhận được 35 mô hình.", [("holds", ["35 mô hình", "48 mô hình"])]),
    # the base is inferred: more recognised than registered is unverifiable, never fails
    ("Các xã đăng ký 40 mô hình; đã công nhận 52 mô hình.",
     [("unverifiable", ["52 mô hình", "40 mô hình"])]),
    # another unit: no ratio
    ("Các xã đăng ký 40 mô hình; đã công nhận 12 cá nhân.", []),
])
def test_recognised_of_registered(text: str, expected: list[tuple[str, list[str]]]) -> None:
    """"đăng ký … T …; công nhận … p …": p of T."""
    assert _ratios(text) == expected


def test_result_rows_labelled_alike_have_no_head_among_them() -> None:
    """"3 vụ KN, 2 vụ TC đúng; 9 vụ KN, 6 vụ TC sai; …": the first row is a row, not the
    totals of the others (no "Trong đó" opens the rows), so no column fails."""
    text = ("Đã giải quyết được 25/30 đơn. Kết quả có 3 vụ việc khiếu nại, 2 vụ tố cáo đúng; "
            "9 vụ việc khiếu nại, 6 vụ việc tố cáo sai; 3 vụ việc khiếu nại, 2 vụ việc tố cáo "
            "đúng một phần.")
    found = _lists(text)
    assert not any(verdict == "fails" for _, verdict, _ in found)
    assert ("implied_base", "holds", ["25", "3 vụ việc", "2 vụ", "9 vụ việc", "6 vụ việc",
                                      "3 vụ việc", "2 vụ việc"]) in found


@pytest.mark.parametrize(("text", "expected"), [
    ("Đã tiếp 300 lượt công dân; trong đó, tiếp thường xuyên 200 lượt; tiếp định kỳ 100 lượt; "
     "tổng số vụ việc cũ 120 vụ việc, vụ việc mới 180 vụ việc.",
     [("partition", "holds", ["300 lượt", "200 lượt", "100 lượt"]),
      ("other_unit", "holds", ["300 lượt", "120 vụ việc", "180 vụ việc"])]),
    # not adding up, it is no breakdown of the total (a case may come more than once)
    ("Đã tiếp 300 lượt công dân; trong đó, tiếp thường xuyên 200 lượt; tiếp định kỳ 100 lượt; "
     "tổng số vụ việc cũ 100 vụ việc, vụ việc mới 150 vụ việc.",
     [("partition", "holds", ["300 lượt", "200 lượt", "100 lượt"])]),
])
def test_a_partition_in_another_unit_after_a_list(text: str, expected: Summary) -> None:
    """After a list, old and new cases in another unit break down its total too."""
    assert _lists(text) == expected


@pytest.mark.parametrize(("text", "zero"), [
    ("Tổng đóng góp đạt 900 triệu đồng. Cụ thể, Tân Phú 500 triệu đồng; Hòa Bình 400 triệu "
     "đồng (riêng xã Đông Sơn không có nguồn đóng góp).", True),
    ("Tổng đóng góp đạt 900 triệu đồng. Cụ thể, Tân Phú 500 triệu đồng; Hòa Bình 400 triệu "
     "đồng; xã Đông Sơn không phát sinh.", True),
    # a figure in the tail: not a zero written in words
    ("Tổng đóng góp đạt 900 triệu đồng. Cụ thể, Tân Phú 500 triệu đồng; Hòa Bình 400 triệu "
     "đồng (riêng xã Đông Sơn góp 3 ngày công, không có tiền).", False),
    # a bracket left open: no tail
    ("Tổng đóng góp đạt 900 triệu đồng. Cụ thể, Tân Phú 500 triệu đồng; Hòa Bình 400 triệu "
     "đồng (riêng xã Đông Sơn không có nguồn đóng góp.", False),
])
def test_a_zero_part_in_words_after_a_list(text: str, zero: bool) -> None:
    """"(riêng X không có …)" or "; X không phát sinh" after a list's last part is one more
    part, of 0; it changes no sum."""
    (finding,) = [f for f in check(text) if f.claim.kind.code == "parts"]
    assert finding.verdict.code == "holds"
    assert len(finding.claim.figures) == (4 if zero else 3)
