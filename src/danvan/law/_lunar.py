"""The Vietnamese lunisolar calendar, computed astronomically.

The method is the published one (Hồ Ngọc Đức, "Thuật toán tính âm lịch", after
Jean Meeus, *Astronomical Algorithms*, and the *Explanatory Supplement to the
Astronomical Almanac*); the code here is written from the description:

* a month starts on the local day (UTC+7 for Vietnam since 1968, UTC+8 for
  China) that holds the astronomical new moon;
* the month that holds the winter solstice is month 11;
* when 13 new moons begin between two months 11, the first month after month
  11 in which no principal solar term (trung khí, a multiple of 30° of solar
  longitude) begins is the leap month (tháng nhuận) and takes the number of
  the month before it.

New moons and the solar longitude are approximations (a few minutes of error),
computed with floats; only whole day numbers leave this module. Days are Julian
day numbers (JDN, an ``int``): ``date.toordinal() + 1721425``.

>>> lunar_from_jdn(jdn_from_date(dt.date(1985, 1, 21)))
(1985, 1, 1, False)
>>> lunar_from_jdn(jdn_from_date(dt.date(1985, 1, 21)), tz_offset=8)
(1984, 12, 1, False)
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import math

from danvan.errors import CalendarError

__all__ = [
    "FIRST_DAY",
    "LAST_DAY",
    "Month",
    "date_from_jdn",
    "jdn_from_date",
    "jdn_from_lunar",
    "lunar_from_jdn",
    "months_of_year",
    "new_year_jdn",
]

#: The solar dates danvan converts: 1 January 1900 to 31 December 2199.
FIRST_DAY = dt.date(1900, 1, 1)
LAST_DAY = dt.date(2199, 12, 31)

_ORDINAL_TO_JDN = 1721425
_VIETNAM = 7
_SYNODIC_MONTH = 29.530588853
_NEW_MOON_1900 = 2415021.076998695  # JD of the new moon of 1 January 1900 (UTC)
_DEG = math.pi / 180

#: One lunar month: its number, leap flag, first day (JDN) and length in days.
Month = tuple[int, bool, int, int]


def jdn_from_date(day: dt.date) -> int:
    """The Julian day number of a Gregorian date.

    >>> jdn_from_date(dt.date(2000, 1, 1))
    2451545
    """
    return day.toordinal() + _ORDINAL_TO_JDN


def date_from_jdn(jdn: int) -> dt.date:
    """The Gregorian date of a Julian day number."""
    return dt.date.fromordinal(jdn - _ORDINAL_TO_JDN)


_FIRST_JDN = jdn_from_date(FIRST_DAY)
_LAST_JDN = jdn_from_date(LAST_DAY)


def _new_moon(k: int) -> float:
    """Julian date (UTC) of the ``k``-th new moon after the one of 1 January 1900 (Meeus ch. 49)."""
    t = k / 1236.85
    t2 = t * t
    t3 = t2 * t
    jd = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3
    jd += 0.00033 * math.sin((166.56 + 132.87 * t - 0.009173 * t2) * _DEG)
    sun = (359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3) * _DEG
    moon = (306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3) * _DEG
    lat = (21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3) * _DEG
    correction = (
        (0.1734 - 0.000393 * t) * math.sin(sun)
        + 0.0021 * math.sin(2 * sun)
        - 0.4068 * math.sin(moon)
        + 0.0161 * math.sin(2 * moon)
        - 0.0004 * math.sin(3 * moon)
        + 0.0104 * math.sin(2 * lat)
        - 0.0051 * math.sin(sun + moon)
        - 0.0074 * math.sin(sun - moon)
        + 0.0004 * math.sin(2 * lat + sun)
        - 0.0004 * math.sin(2 * lat - sun)
        - 0.0006 * math.sin(2 * lat + moon)
        + 0.0010 * math.sin(2 * lat - moon)
        + 0.0005 * math.sin(2 * moon + sun)
    )
    # Terrestrial time minus universal time (delta T), in days: the fit for t >= -11
    # (after about 800 AD), which covers every new moon of 1899-2199.
    delta_t = -0.000278 + 0.000265 * t + 0.000262 * t2
    return jd + correction - delta_t


def _new_moon_day(k: int, tz_offset: float) -> int:
    """The JDN of the local day that holds the ``k``-th new moon."""
    return math.floor(_new_moon(k) + 0.5 + tz_offset / 24)


def _sun_sector(jdn: int, tz_offset: float) -> int:
    """Which 30° sector (0-11) of solar longitude the Sun is in at local midnight starting ``jdn``.

    Sector 9 starts at the winter solstice (270°); a month holds a principal
    term exactly when the sector changes between its first day and the next
    month's first day.
    """
    t = (jdn - 0.5 - tz_offset / 24 - 2451545.0) / 36525
    t2 = t * t
    anomaly = (357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2) * _DEG
    mean = 280.46645 + 36000.76983 * t + 0.0003032 * t2
    centre = (
        (1.914600 - 0.004817 * t - 0.000014 * t2) * math.sin(anomaly)
        + (0.019993 - 0.000101 * t) * math.sin(2 * anomaly)
        + 0.000290 * math.sin(3 * anomaly)
    )
    longitude = (mean + centre) % 360
    return math.floor(longitude / 30)


def _month11_index(year: int, tz_offset: float) -> int:
    """The lunation index ``k`` of month 11 of ``year`` (the month holding the winter solstice)."""
    k = math.floor((jdn_from_date(dt.date(year, 12, 31)) - _NEW_MOON_1900) / _SYNODIC_MONTH)
    # The last new moon before 31 December starts month 11 unless the solstice
    # (sector 9 starts at 270°) had already passed when it began.
    if _sun_sector(_new_moon_day(k, tz_offset), tz_offset) >= 9:
        k -= 1
    return k


@functools.lru_cache(maxsize=1024)
def _segment(year: int, tz_offset: float) -> tuple[Month, ...]:
    """The months from month 11 of ``year - 1`` up to, not including, month 11 of ``year``."""
    first = _month11_index(year - 1, tz_offset)
    last = _month11_index(year, tz_offset)
    starts = [_new_moon_day(k, tz_offset) for k in range(first, last + 1)]
    leap_offset = -1
    if last - first == 13:
        # The first month after month 11 in which no principal term begins.
        for offset in range(1, 13):
            if _sun_sector(starts[offset], tz_offset) == _sun_sector(starts[offset + 1], tz_offset):
                leap_offset = offset
                break
    months: list[Month] = []
    number = 10
    for offset in range(last - first):
        leap = offset == leap_offset
        if not leap:
            number = number % 12 + 1
        months.append((number, leap, starts[offset], starts[offset + 1] - starts[offset]))
    return tuple(months)


@functools.lru_cache(maxsize=1024)
def months_of_year(year: int, tz_offset: float = _VIETNAM) -> tuple[Month, ...]:
    """The months of lunar ``year``, from month 1 (Tết) to month 12, leap month included.

    >>> [(m, leap) for m, leap, _, _ in months_of_year(2023) if leap]
    [(2, True)]
    """
    this = [m for m in _segment(year, tz_offset) if m[0] <= 10]
    following = [m for m in _segment(year + 1, tz_offset) if m[0] >= 11]
    return (*this, *following)


def new_year_jdn(year: int, tz_offset: float = _VIETNAM) -> int:
    """The JDN of the first day of lunar ``year`` (Tết Nguyên đán)."""
    return months_of_year(year, tz_offset)[0][2]


def lunar_from_jdn(jdn: int, tz_offset: float = _VIETNAM) -> tuple[int, int, int, bool]:
    """``(year, month, day, leap)`` of the lunar date that falls on day ``jdn``."""
    _check_range(jdn)
    year = date_from_jdn(jdn).year
    if jdn < new_year_jdn(year, tz_offset):
        year -= 1
    months = months_of_year(year, tz_offset)
    index = bisect.bisect_right([m[2] for m in months], jdn) - 1
    number, leap, start, _ = months[index]
    return year, number, jdn - start + 1, leap


def jdn_from_lunar(
    year: int, month: int, day: int, leap: bool, tz_offset: float = _VIETNAM
) -> int:
    """The JDN of a lunar date; :class:`~danvan.errors.CalendarError` if it does not exist."""
    text = f"{day}/{month}{' nhuận' if leap else ''}/{year}"
    if not FIRST_DAY.year - 1 <= year <= LAST_DAY.year:
        raise CalendarError(text, "lunar year outside the supported range 1899-2199")
    for number, is_leap, start, length in months_of_year(year, tz_offset):
        if number == month and is_leap == leap:
            if not 1 <= day <= length:
                raise CalendarError(text, f"month {month} of lunar {year} has {length} days")
            jdn = start + day - 1
            _check_range(jdn, text)
            return jdn
    reason = f"lunar {year} has no leap month {month}" if leap else f"no month {month}"
    raise CalendarError(text, reason)


def _check_range(jdn: int, value: object = None) -> None:
    if not _FIRST_JDN <= jdn <= _LAST_JDN:
        raise CalendarError(
            value if value is not None else date_from_jdn(jdn),
            f"outside the supported range {FIRST_DAY.isoformat()} to {LAST_DAY.isoformat()}",
        )
