"""Notebook HTML for results, reports and tables; every text is escaped."""

from __future__ import annotations

from collections.abc import Iterable
from html import escape
from typing import Any, Final

from danvan.indicators.tidy import rows_of

__all__ = ["report_html", "result_html"]

#: How the dimension column names a breakdown.
_DIMENSIONS: Final = {"unit": "đơn vị", "level": "cấp", "kind": "loại", "bucket": "thời gian tồn",
                      "directive": "văn bản", "field": "lĩnh vực", "year": "năm",
                      "half": "6 tháng", "quarter": "quý", "month": "tháng"}
_HEAD: Final = ("<thead><tr><th>id</th><th>chỉ tiêu</th><th>chiều</th>"
                "<th style=\"text-align:right\">giá trị</th></tr></thead>")


def _dimension(breakdown: str) -> str:
    if not breakdown:
        return ""
    return " × ".join(_DIMENSIONS.get(d, d) for d in breakdown.split(","))


def _body(results: Iterable[Any]) -> str:
    """One group per indicator: its total in bold, then its breakdown rows indented."""
    html: list[str] = []
    seen: set[str] = set()
    for result in results:
        first = result.id not in seen
        seen.add(result.id)
        for row in rows_of(result, total=first):
            breakdown = row.get("breakdown") or ""
            if not breakdown and row.get("rank") is None:
                html.append(f"<tr style=\"border-top:1px solid #999\"><td><code>"
                            f"{escape(row['indicator'])}</code></td><td><b>{escape(row['name_vi'])}"
                            f"</b></td><td></td><td style=\"text-align:right\"><b>"
                            f"{escape(row['text'])}</b></td></tr>")
                continue
            dims = [d for d in breakdown.split(",") if d]
            words = [str(row.get(f"{d}_label")) for d in dims]
            if row.get("rank") is not None:
                words.append(f"{row['rank']}. {row['record']}")
            html.append(f"<tr><td></td><td style=\"padding-left:2em\">{escape(' – '.join(words))}"
                        f"</td><td title=\"{escape(breakdown)}\">{escape(_dimension(breakdown))}</td>"
                        f"<td style=\"text-align:right\">{escape(row['text'])}</td></tr>")
    return "".join(html)


def report_html(report: Any) -> str:
    """A report as a table grouped by indicator, with a column naming each breakdown."""
    notes = "".join(f"<li>{escape(note)}</li>" for note in report.notes)
    return (f"<table><caption>{escape(report.title)}</caption>{_HEAD}"
            f"<tbody>{_body(report.results)}</tbody></table>"
            + (f"<p>Ghi chú:</p><ul>{notes}</ul>" if notes else ""))


def result_html(result: Any) -> str:
    """One result: a caption with its unit and period, its total and breakdown."""
    caption = escape(result.indicator.name_vi)
    if result.scope is not None and result.period is not None:
        caption += escape(f" – {result.scope.unit.name} ({result.scope.root}), {result.period.label}")
    return f"<table><caption>{caption}</caption>{_HEAD}<tbody>{_body([result])}</tbody></table>"
