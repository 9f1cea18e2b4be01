"""Charts of results with matplotlib (the ``danvan[plot]`` extra), imported only when called.

Every function takes an ``ax`` (``None``: a new figure) and returns the Axes, the
convention of pandas and seaborn. Results are read through their attributes
(``engine`` imports this module, not the reverse).
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from typing import Any, Final

from danvan.errors import FieldError
from danvan.indicators.tidy import rows_of
from danvan.values.exact import Change, Ranking, Rate, Summary
from danvan.values.periods import SPLITS, Period

__all__ = ["cadence_grid", "grid_split", "plot_report", "plot_result"]

Result = Any

#: The most columns a cadence grid gets: the finest split of the period that fits.
_GRID_COLUMNS: Final = 12


def _pyplot() -> Any:
    try:
        return importlib.import_module("matplotlib.pyplot")
    except ImportError as error:
        raise ImportError("plotting needs matplotlib; install it with "
                          "pip install 'danvan[plot]'") from error


def _axes(ax: Any) -> Any:
    if ax is None:
        _, ax = _pyplot().subplots(figsize=(7, 4))
    return ax


def _number(value: Any) -> float | None:
    """What a bar or point shows: a count, a rate in percent, a median, the count after."""
    if isinstance(value, Rate):
        exact = value.value
        return None if exact is None else float(exact * 100)
    if isinstance(value, Change):
        return float(value.after)
    if isinstance(value, Ranking):
        return float(value.count)
    if isinstance(value, Summary):
        median = value.median
        return None if median is None else float(median)
    return float(value)


def _axis_label(result: Result) -> str:
    value = result.value
    if isinstance(value, Rate):
        return "%"
    if isinstance(value, Summary):
        return "trung vị (ngày)" if result.indicator.kind == "durations" else "trung vị"
    return "số lượng"


def _cells(result: Result) -> list[tuple[str, Result]]:
    """Each cell's label (its dimensions' labels) and result, in breakdown order."""
    if not result.by:
        name = result.scope.unit.name if result.scope is not None else result.id
        return [(name, result)]
    labels = [" – ".join(str(row[f"{d}_label"]) for d in result.by)
              for row in rows_of(result, total=False) if row.get("rank") is None]
    return list(zip(labels, result.parts.values(), strict=True))


def _title(ax: Any, result: Result) -> None:
    where = "" if result.period is None else f"\n{result.period.label}"
    ax.set_title(f"{result.indicator.name_vi}{where}", fontsize=10)


def bars(result: Result, ax: Any = None) -> Any:
    """Horizontal bars sorted by value, largest on top; a rate's bars say ``numerator/denominator``."""
    ax = _axes(ax)
    cells = sorted(_cells(result), key=lambda cell: _number(cell[1].value) or 0.0)
    labels = [label for label, _ in cells]
    heights = [_number(cell.value) or 0.0 for _, cell in cells]
    drawn = ax.barh(range(len(cells)), heights, color="#4c72b0")
    ax.set_yticks(range(len(cells)), labels)
    for bar, (_, cell) in zip(drawn, cells, strict=True):
        value = cell.value
        text = value.format_ratio() if isinstance(value, Rate) else cell.format()
        ax.annotate(text, (bar.get_width(), bar.get_y() + bar.get_height() / 2),
                    xytext=(3, 0), textcoords="offset points", va="center", fontsize=8)
    if isinstance(result.value, Rate):
        ax.set_xlim(0, 115)
        ax.set_xticks(range(0, 101, 20))
    ax.set_xlabel(_axis_label(result))
    _title(ax, result)
    return ax


def trend(result: Result, ax: Any = None) -> Any:
    """The value over the sub-periods of a split (a line with its points)."""
    ax = _axes(ax)
    keys = [key for key in result.parts if isinstance(key, Period)]
    values = [_number(result.parts[key].value) for key in keys]
    ax.plot(range(len(keys)), [float("nan") if v is None else v for v in values],
            marker="o", color="#4c72b0")
    ax.set_xticks(range(len(keys)), [str(key) for key in keys], rotation=45, ha="right")
    for index, key in enumerate(keys):
        value = result.parts[key].value
        if isinstance(value, Rate) and values[index] is not None:
            ax.annotate(value.format_ratio(), (index, values[index]), xytext=(0, 5),
                        textcoords="offset points", ha="center", fontsize=7)
    ax.set_ylim(bottom=0)
    ax.set_ylabel(_axis_label(result))
    _title(ax, result)
    return ax


def histogram(result: Result, ax: Any = None) -> Any:
    """The buckets of a breakdown in their own order (the ageing of pending petitions)."""
    ax = _axes(ax)
    cells = _cells(result)
    heights = [_number(cell.value) or 0.0 for _, cell in cells]
    drawn = ax.bar(range(len(cells)), heights, color="#dd8452")
    ax.set_xticks(range(len(cells)), [label for label, _ in cells], rotation=30, ha="right")
    ax.bar_label(drawn, labels=[cell.format() for _, cell in cells], fontsize=8)
    ax.set_ylabel(_axis_label(result))
    _title(ax, result)
    return ax


def plot_result(result: Result, ax: Any = None) -> Any:
    """The chart that suits the result's breakdown (see :meth:`Result.plot`)."""
    if result.by == ("bucket",):
        return histogram(result, ax)
    if len(result.by) == 1 and result.by[0] in SPLITS:
        return trend(result, ax)
    return bars(result, ax)


def grid_split(period: Period) -> str:
    """The finest split of ``period`` into at most :data:`_GRID_COLUMNS` sub-periods."""
    for size in ("month", "quarter", "half", "year"):
        if len(period.split(size)) <= _GRID_COLUMNS:
            return size
    return "year"


def cadence_grid(total: Result, columns: Sequence[tuple[Period, Result]], ax: Any = None) -> Any:
    """Units (rows) × sub-periods (columns) of a cadence indicator, each cell the branch's
    compliance (green: every unit met its rule, red: none), written ``met/assessed``;
    blank where no rule applied. ``columns`` are the results by unit of each sub-period.
    """
    ax = _axes(ax)
    units = list(dict.fromkeys(key for _, column in columns for key in column.parts))
    grid: list[list[float]] = []
    for row, unit in enumerate(units):
        grid.append([])
        for col, (_, column) in enumerate(columns):
            cell = column.parts.get(unit)
            value = cell.value if cell is not None else None
            fraction = value.value if isinstance(value, Rate) else None
            grid[-1].append(float("nan") if fraction is None else float(fraction))
            if isinstance(value, Rate) and value.defined:
                ax.text(col, row, value.format_ratio(), ha="center", va="center", fontsize=7)
    ax.imshow(grid, cmap="RdYlGn", vmin=0, vmax=1, aspect="auto")
    scope = total.scope
    names = [scope.registry.get(u, scope.on).name if scope is not None
             and scope.registry.exists(u, scope.on) else str(u) for u in units]
    ax.set_yticks(range(len(units)), names)
    ax.set_xticks(range(len(columns)), [str(p) for p, _ in columns], rotation=45, ha="right")
    _title(ax, total)
    return ax


def plot_report(report: Any, indicator: str, ax: Any = None,
                by: str | Sequence[str] | None = None) -> Any:
    """One indicator of a report (see :meth:`Report.plot`); a cadence grid is drawn by
    :meth:`Report.plot` itself, which computes its sub-periods."""
    found = [r for r in report.results if r.id == indicator]
    if not found:
        raise FieldError("indicator", indicator, "expected an indicator of the report: "
                         + ", ".join(dict.fromkeys(r.id for r in report.results)))
    if by is None:
        chosen = next((r for r in found if r.by), found[0])
    else:
        dims = (by,) if isinstance(by, str) else tuple(by)
        match = [r for r in found if r.by == dims]
        if not match:
            raise FieldError("by", by, f"expected a breakdown of {indicator} in the report: "
                             + (", ".join(",".join(r.by) for r in found if r.by) or "(none)"))
        chosen = match[0]
    return plot_result(chosen, ax)
