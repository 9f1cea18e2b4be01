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
