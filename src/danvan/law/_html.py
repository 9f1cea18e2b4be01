"""Notebook HTML for deadline schedules: a timeline of each stage's days, days off shaded."""

from __future__ import annotations

import datetime as dt
from html import escape
from typing import Any, Final

__all__ = ["schedule_html"]

_DAY: Final = dt.timedelta(days=1)
#: The longest strip drawn for one stage; a longer stage shows its first days and says so.
MAX_DAYS: Final = 400
_CELL: Final = "display:inline-block;width:6px;height:14px;margin-right:1px;background:"
_COLOURS: Final = {"work": "#9ecae1", "off": "#d9d9d9", "suspended": "#fdd0a2",
                   "done": "#31a354", "due": "#de2d26", "late": "#fb6a4a"}


def _names(calendar: Any, first: dt.date, last: dt.date) -> dict[dt.date, str]:
    names: dict[dt.date, str] = {}
    for year in range(first.year, last.year + 1):
        names.update((h.date, h.name) for h in calendar.holidays(year))
        names.update((d, names.get(d, "ngày nghỉ bù")) for d in calendar.days_off(year))
    return names


def _strip(deadline: Any) -> str:
    """One cell per day from the start to the due date or completion, whichever is later."""
    start = deadline.start
    if start is None:
        return "<i>chưa bắt đầu</i>"
    ends = [d for d in (deadline.due, deadline.completed_on, deadline.ended_on) if d is not None]
    last = max([*ends, start])
    names = _names(deadline.calendar, start, last)
    suspended = [(since, until) for since, until in deadline.suspensions]
    cells: list[str] = []
    day = start
    while day <= last and len(cells) < MAX_DAYS:
        if day == deadline.completed_on:
            kind, title = "done", "hoàn thành"
        elif day == deadline.due:
            kind, title = "due", "hạn"
        elif any(since <= day and (until is None or day < until) for since, until in suspended):
            kind, title = "suspended", "tạm đình chỉ"
        elif not deadline.calendar.is_working_day(day):
            kind, title = "off", names.get(day, "cuối tuần")
        elif deadline.due is not None and day > deadline.due:
            kind, title = "late", "quá hạn"
        else:
            kind, title = "work", "ngày làm việc"
        cells.append(f"<span style=\"{_CELL}{_COLOURS[kind]}\" "
                     f"title=\"{escape(f'{day:%d/%m/%Y}: {title}')}\"></span>")
        day += _DAY
    more = f" … (+{(last - day).days + 1} ngày)" if day <= last else ""
    return "".join(cells) + escape(more)


def _date(day: dt.date | None) -> str:
    return "" if day is None else f"{day:%d/%m/%Y}"


def schedule_html(schedule: Any) -> str:
    """A table: one row per stage with its dates, and a strip of its days (hover for each)."""
    rows = []
    for deadline in schedule.stages:
        done = deadline.completed_on or deadline.ended_on
        rows.append(f"<tr><td>{escape(deadline.stage.label)}</td><td>{_date(deadline.start)}</td>"
                    f"<td>{_date(deadline.due)}</td><td>{_date(done)}</td>"
                    f"<td title=\"{escape(deadline.rule.id)}\">{escape(deadline.rule.day_kind.label)}"
                    f"</td><td style=\"white-space:nowrap\">{_strip(deadline)}</td></tr>")
    rows += [f"<tr><td>{escape(stage.label)}</td><td colspan=\"5\"><i>{escape(reason)}</i></td></tr>"
             for stage, reason in schedule.unavailable]
    legend = " ".join(f"<span style=\"{_CELL}{colour}\"></span> {escape(word)}"
                      for word, colour in (("ngày làm việc", _COLOURS["work"]),
                                           ("ngày nghỉ", _COLOURS["off"]),
                                           ("tạm đình chỉ", _COLOURS["suspended"]),
                                           ("hạn", _COLOURS["due"]),
                                           ("hoàn thành", _COLOURS["done"]),
                                           ("quá hạn", _COLOURS["late"])))
    return (f"<table><caption>Thời hạn – đơn {escape(schedule.petition_id)}</caption>"
            "<thead><tr><th>bước</th><th>bắt đầu</th><th>hạn</th><th>xong</th><th>tính theo</th>"
            f"<th>ngày</th></tr></thead><tbody>{''.join(rows)}</tbody></table><p>{legend}</p>")
