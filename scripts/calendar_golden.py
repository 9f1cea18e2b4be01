"""Write ``tests/data/calendar_golden.txt``: danvan's calendar as a reviewable text file.

Any change to the lunar computation, the holiday rules or the table of yearly
decisions shows up as a diff of this file; ``tests/law/test_calendar.py`` checks
that the file matches what danvan computes. Regenerate with::

    .venv/bin/python scripts/calendar_golden.py
"""

from __future__ import annotations

from pathlib import Path

from danvan.law import calendar

GOLDEN = Path(__file__).resolve().parents[1] / "tests" / "data" / "calendar_golden.txt"
WORK_YEARS = range(2000, 2036)


def render() -> str:
    """The golden text: lunar years 1900-2199, then days off of 2000-2035."""
    lines = [
        "# danvan calendar golden file; regenerate with: python scripts/calendar_golden.py",
        "# lunar year: Tết (1/1 lunar, UTC+7), leap month (- if none), Giỗ Tổ (10/3 lunar)",
    ]
    for year in range(1900, 2200):
        leap = calendar.leap_month(year)
        hung = calendar.LunarDate(year, 3, 10).to_solar()
        tet = calendar.lunar_new_year(year)
        lines.append(f"{year} {tet.isoformat()} {leap or '-'} {hung.isoformat()}")
    lines.append("# working calendar of public bodies: days off (Mon-Fri and holidays); +worked")
    for year in WORK_YEARS:
        off = " ".join(d.strftime("%m-%d") for d in calendar.days_off(year))
        worked = " ".join(
            "+" + d.strftime("%m-%d")
            for a in calendar.DEFAULT_CALENDAR.arrangements_for(year)
            for d in a.working_days
        )
        lines.append(f"{year}: {off} {worked}".rstrip())
    return "\n".join(lines) + "\n"


def main() -> None:
    """Write the golden file."""
    GOLDEN.write_text(render(), encoding="utf-8")
    print(f"wrote {GOLDEN}")


if __name__ == "__main__":
    main()
