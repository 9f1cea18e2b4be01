"""Curated data: the statutory holidays and the yearly decisions on days off.

Plain tuples only (no danvan imports), so :mod:`danvan.law.calendar` can build its
records from them. Every row cites its legal basis; a yearly decision is listed
only when its text (or a report quoting it) gives the exact days. Years and
occasions not listed follow the statutory rules, nghỉ bù included.
"""

from __future__ import annotations

import datetime as dt
from typing import Final

__all__ = [
    "ARRANGEMENTS",
    "FIRST_WORK_YEAR",
    "HUNG_KINGS_FROM",
    "LAST_WORK_YEAR",
    "NATIONAL_DAY_TWO_DAYS_FROM",
    "TET_FIVE_DAYS_FROM",
    "Row",
    "basis",
]

#: Public bodies have worked Monday to Friday since the 40-hour week of
#: Quyết định 188/1999/QĐ-TTg (from October 1999): danvan counts from 2000.
FIRST_WORK_YEAR: Final = 2000
#: The lunar calendar ends with the solar year 2199.
LAST_WORK_YEAR: Final = 2199

#: Giỗ Tổ Hùng Vương (10/3 lunar) is a holiday since 2007 (Luật 84/2007/QH11
#: amending Art. 73 of the 1994 Labour Code).
HUNG_KINGS_FROM: Final = 2007
#: Tết Âm lịch: 4 days under the 1994 Code (Art. 73), 5 days under the 2012
#: Code (Art. 115), applied from Tết Quý Tỵ 2013 (vacanza/holidays agrees).
TET_FIVE_DAYS_FROM: Final = 2013
#: Quốc khánh: 2/9 plus one adjacent day (1/9 or 3/9) under the 2019 Code,
#: Art. 112(1), in force 1 January 2021.
NATIONAL_DAY_TWO_DAYS_FROM: Final = 2021

_CODE_1994 = "Bộ luật Lao động 1994 (sửa đổi 2002, 2007), Điều 73"
_CODE_2012 = "Bộ luật Lao động 10/2012/QH13, Điều 115 khoản 1"
_CODE_2019 = "Bộ luật Lao động 45/2019/QH14, Điều 112 khoản 1"


def basis(year: int) -> str:
    """The article that lists the public holidays in ``year``."""
    if year >= 2021:
        return _CODE_2019
    if year >= TET_FIVE_DAYS_FROM:
        return _CODE_2012
    return _CODE_1994


def _days(first: tuple[int, int, int], last: tuple[int, int, int]) -> tuple[dt.date, ...]:
    start, end = dt.date(*first), dt.date(*last)
    return tuple(start + dt.timedelta(days=i) for i in range((end - start).days + 1))


def _day(y: int, m: int, d: int) -> tuple[dt.date, ...]:
    return (dt.date(y, m, d),)


#: One decision: (year, occasion code, days off, swapped working days,
#: basis, notes, the Tết holiday days it names, the adjacent 2/9 day).
Row = tuple[
    int, str, tuple[dt.date, ...], tuple[dt.date, ...], str, str, tuple[dt.date, ...],
    dt.date | None,
]

_LD_2014 = ("Government decision on Tết Giáp Ngọ 2014 as reported by Lao Động "
            "(tamlongvang.laodong.com.vn, 'Ấn định thời gian nghỉ Tết Giáp Ngọ và ngày lễ 2014'); "
            "document number not found")
_BM_2015 = ("Government decision on Tết Dương lịch 2015 as reported by baomoi.com "
            "('Lịch nghỉ Tết Dương lịch 2015'); document number not found")
_VPCP_9794 = "Công văn 9794/VPCP-KGVX ngày 14/11/2016"
_VPCP_2018 = ("Văn phòng Chính phủ, Thủ tướng's approval of the Ministry's proposal on the 2018 "
              "holidays, as reported by baoninhbinh.org.vn ('nghỉ Tết Nguyên đán Mậu Tuất 2018 bảy "
              "ngày, gồm cả nghỉ trước Tết hai ngày'); document number not found")
_VPCP_6519 = "Công văn 6519/VPCP-KGVX ngày 11/7/2018; Thông báo 3238/TB-LĐTBXH (2018)"
_LDTBXH_4544 = "Thông báo 4544/TB-LĐTBXH ngày 25/10/2019"
_VPCP_9895 = "Công văn 9895/VPCP-KGVX ngày 26/11/2020"
_VPCP_245 = "Công văn 245/VPCP-KGVX ngày 11/01/2022"
_VPCP_8056 = "Công văn 8056/VPCP-KGVX ngày 01/12/2022"
_VPCP_8662 = "Công văn 8662/VPCP-KGVX ngày 03/11/2023"
_VPCP_2450 = "Công văn 2450/VPCP-KGVX ngày 12/4/2024"
_VPCP_8726 = "Công văn 8726/VPCP-KGVX ngày 26/11/2024; Thông báo 6150/TB-LĐTBXH (2024)"
_VPCP_12729 = "Công văn 12729/VPCP-KGVX ngày 25/12/2025"
_BNV_9441 = "Thông báo 9441/TB-BNV ngày 16/10/2025"

#: The Government's decisions for cán bộ, công chức, viên chức (Art. 112(3) of
#: the 2019 Code lets the Prime Minister fix the Tết and 2/9 days; swaps are
#: approved case by case). ``days off`` is the break as the decision states it.
ARRANGEMENTS: Final[tuple[Row, ...]] = (
    # 2014: two Saturdays worked for 28-29/1.
    (2014, "lunar_new_year", _days((2014, 1, 28), (2014, 2, 5)), (*_day(2014, 1, 25), *_day(2014, 2, 8)),
     _LD_2014, "28 tháng Chạp to mùng 6 Tết, 9 days; Saturdays 25/1 and 8/2 worked for 28-29/1. "
     "Tết days inferred (30 tháng Chạp to mùng 4; 4-5/2 nghỉ bù): the report gives the break only",
     _days((2014, 1, 30), (2014, 2, 3)), None),
    # 2015
    (2015, "new_year", _days((2015, 1, 1), (2015, 1, 4)), (dt.date(2014, 12, 27),),
     _BM_2015, "2/1 off, made up on Saturday 27/12/2014", (), None),
    # 2017
    (2017, "lunar_new_year", _days((2017, 1, 26), (2017, 2, 1)), (),
     _VPCP_9794, "29 tháng Chạp to mùng 5 Tết, no swap; mùng 4-5 (31/1, 1/2) are nghỉ bù for "
     "the weekend", _days((2017, 1, 26), (2017, 1, 30)), None),
    # 2018
    (2018, "lunar_new_year", _days((2018, 2, 14), (2018, 2, 20)), (),
     _VPCP_2018, "7 days, 2 before Tết (29 tháng Chạp to mùng 5); 19-20/2 nghỉ bù for the "
     "weekend (inferred)", _days((2018, 2, 14), (2018, 2, 18)), None),
    # 2019: one decision for the whole year.
    (2019, "new_year", (dt.date(2018, 12, 31), dt.date(2019, 1, 1)), _day(2019, 1, 5),
     _VPCP_6519, "31/12/2018 off, made up on Saturday 5/1/2019", (), None),
    (2019, "lunar_new_year", _days((2019, 2, 4), (2019, 2, 8)), (),
     _VPCP_6519, "30 tháng Chạp to mùng 4 Tết; 9 days with the weekends",
     _days((2019, 2, 4), (2019, 2, 8)), None),
    (2019, "victory_and_labour", _days((2019, 4, 29), (2019, 5, 1)), _day(2019, 5, 4),
     _VPCP_6519, "29/4 off, made up on Saturday 4/5", (), None),
    # 2020
    (2020, "lunar_new_year", _days((2020, 1, 23), (2020, 1, 29)), (),
     _LDTBXH_4544, "29 tháng Chạp to mùng 5 Tết; 28-29/1 are nghỉ bù for 25-26/1",
     _days((2020, 1, 23), (2020, 1, 27)), None),
    # 2021
    (2021, "lunar_new_year", _days((2021, 2, 10), (2021, 2, 16)), (),
     _VPCP_9895, "29 tháng Chạp to mùng 5 Tết", _days((2021, 2, 10), (2021, 2, 14)), None),
    (2021, "national_day", _days((2021, 9, 2), (2021, 9, 5)), (),
     _VPCP_9895, "adjacent day 3/9", (), dt.date(2021, 9, 3)),
    # 2022
    (2022, "lunar_new_year", _days((2022, 1, 29), (2022, 2, 6)), (),
     _VPCP_245, "5 days (29 tháng Chạp to mùng 4 Tết) and two weekends; number as reported",
     _days((2022, 1, 31), (2022, 2, 4)), None),
    # 2023
    (2023, "lunar_new_year", _days((2023, 1, 20), (2023, 1, 26)), (),
     _VPCP_8056, "29 tháng Chạp to mùng 5 Tết; 25-26/1 are nghỉ bù",
     _days((2023, 1, 20), (2023, 1, 24)), None),
    (2023, "national_day", _days((2023, 9, 1), (2023, 9, 4)), (),
     _VPCP_8056, "adjacent day 1/9; 4/9 is nghỉ bù for Saturday 2/9", (), dt.date(2023, 9, 1)),
    # 2024
    (2024, "lunar_new_year", _days((2024, 2, 8), (2024, 2, 14)), (),
     _VPCP_8662, "29 tháng Chạp to mùng 5 Tết; 13-14/2 are nghỉ bù",
     _days((2024, 2, 8), (2024, 2, 12)), None),
    (2024, "victory_and_labour", _days((2024, 4, 27), (2024, 5, 1)), _day(2024, 5, 4),
     _VPCP_2450, "29/4 off, made up on Saturday 4/5", (), None),
    (2024, "national_day", _days((2024, 8, 31), (2024, 9, 3)), (),
     _VPCP_8662, "adjacent day 3/9", (), dt.date(2024, 9, 3)),
    # 2025
    (2025, "lunar_new_year", _days((2025, 1, 25), (2025, 2, 2)), (),
     _VPCP_8726, "26 tháng Chạp to mùng 5 Tết; 2 days before Tết and 3 after",
     _days((2025, 1, 27), (2025, 1, 31)), None),
    (2025, "victory_and_labour", _days((2025, 4, 30), (2025, 5, 4)), _day(2025, 4, 26),
     _VPCP_8726, "2/5 off, made up on Saturday 26/4", (), None),
    (2025, "national_day", _days((2025, 8, 30), (2025, 9, 2)), (),
     _VPCP_8726, "adjacent day 1/9", (), dt.date(2025, 9, 1)),
    # 2026
    (2026, "new_year", _days((2026, 1, 1), (2026, 1, 4)), _day(2026, 1, 10),
     _VPCP_12729, "2/1 off, made up on Saturday 10/1", (), None),
    (2026, "lunar_new_year", _days((2026, 2, 14), (2026, 2, 22)), (),
     _BNV_9441, "27 tháng Chạp to mùng 6 Tết; Tết days 16-20/2 (1 before Tết, 4 after)",
     _days((2026, 2, 16), (2026, 2, 20)), None),
    (2026, "national_day", _days((2026, 8, 29), (2026, 9, 2)), _day(2026, 8, 22),
     _BNV_9441,
     "adjacent day 1/9; 31/8 off, made up on Saturday 22/8: unconfirmed, taken from "
     "the Ministry's proposal as reported and from vacanza/holidays, not from the notice's text",
     (), dt.date(2026, 9, 1)),
)
