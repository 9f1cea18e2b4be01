"""Tết 2026 and a time limit of 10 working days that runs across it.

Run: ``.venv/bin/python examples/working_days.py``. Cells are marked ``# %%``
so that editors run them one by one like a notebook.

A petition received at a reception office on Tuesday 10 February 2026 must be
answered within 10 working days (Luật Tiếp công dân 42/2013/QH13 Art. 28(1)).
Counting plain days would end the period in the middle of the Tết break;
danvan counts the working days of public bodies instead.
"""

# %% The Tết break of 2026, as Thông báo 9441/TB-BNV fixes it.
from __future__ import annotations

import datetime as dt

from danvan.law import calendar
from danvan.law.calendar import HolidayKind, LunarDate

print(f"Tết Bính Ngọ: {calendar.lunar_new_year(2026):%d/%m/%Y}")
for holiday in calendar.holidays(2026):
    if holiday.kind is HolidayKind.LUNAR_NEW_YEAR:
        lunar = LunarDate.from_solar(holiday.date)
        print(f"  {holiday.date:%a %d/%m/%Y}  {holiday.name} ({lunar} âm lịch)")

first, last = dt.date(2026, 2, 13), dt.date(2026, 2, 24)
print("\nDays from 13/02 to 24/02/2026:")
for offset in range((last - first).days + 1):
    day = first + dt.timedelta(days=offset)
    status = "working" if calendar.is_working_day(day) else "off"
    print(f"  {day:%a %d/%m}  {status}")

# %% Ten working days from 10 February 2026 (the day of receipt is not counted,
# Bộ luật Dân sự 2015 Art. 147).
received = dt.date(2026, 2, 10)
due = calendar.add_working_days(received, 10)
print(f"\nReceived {received:%d/%m/%Y}; 10 working days end on {due:%a %d/%m/%Y}")
print(f"  ({(due - received).days} calendar days; "
      f"{calendar.working_days_between(received, due)} working days)")

# %% Seen from a time of receipt: an aware timestamp is read in Vietnam's time.
moment = dt.datetime(2026, 2, 9, 18, 30, tzinfo=dt.UTC)
print(f"\n{moment.isoformat()} is {calendar.vietnam_date(moment):%d/%m/%Y} in Vietnam")
