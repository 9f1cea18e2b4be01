"""Columnar engines: the catalogue computed by DuckDB (the default), Polars or Spark, through narwhals.

:func:`report` and :func:`compute` give the same results as
:func:`danvan.indicators.report` and :func:`danvan.indicators.compute`, from tables
instead of a Dataset (``docs/at-national-scale.md``). Needs ``danvan[duckdb]``,
``danvan[polars]`` or ``danvan[spark]``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from danvan._lazy import attach

if TYPE_CHECKING:
    from danvan.engines._convert import (
        dataset_tables as dataset_tables,
    )
    from danvan.engines._errors import (
        NotColumnarError as NotColumnarError,
    )
    from danvan.engines._time_limits import (
        calendar_table as calendar_table,
        rules_table as rules_table,
    )
    from danvan.engines.columnar import (
        columnar_ids as columnar_ids,
        compute as compute,
        evaluate as evaluate,
        report as report,
    )

__getattr__, __dir__, __all__ = attach(__name__, {
    "._convert": ("dataset_tables",),
    "._errors": ("NotColumnarError",),
    "._time_limits": ("calendar_table", "rules_table"),
    ".columnar": ("columnar_ids", "compute", "evaluate", "report"),
}, submodules=("columnar",))
