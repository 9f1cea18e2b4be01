"""``danvan.report``: a Dataset to the record engine, tables to a columnar engine.

>>> import danvan
>>> danvan.report.__module__
'danvan._front'
"""

from __future__ import annotations

from typing import Any

from danvan.indicators.reporting import Report
from danvan.records.dataset import Dataset

__all__ = ["report"]


def report(data: Any, *args: Any, engine: str | None = None, **options: Any) -> Report:
    """Every catalogued indicator: :func:`danvan.indicators.report` for a Dataset (or what
    :func:`danvan.tables.read` gives, whose notes on defaults the report keeps), or with
    ``engine`` (``"duckdb"``, ``"polars"``, ``"spark"``) :func:`danvan.engines.report` for tables
    (a mapping of Arrow tables or frames, or a folder of Parquet)."""
    from danvan.indicators.reporting import report as record_report

    if engine is None and isinstance(data, Dataset):
        return record_report(data, *args, **options)
    if engine is None:
        from danvan.tables.readers import Imported

        if isinstance(data, Imported):
            return record_report(data.dataset, *args, **options).noted(data.notes)
    from danvan.engines.columnar import report as columnar_report

    return columnar_report(data, *args, engine=engine or "duckdb", **options)
