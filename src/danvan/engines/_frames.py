"""Where the columnar engine's tables live: DuckDB, Polars or Spark, behind narwhals.

A :class:`Frames` holds one lazy narwhals frame per table, read from Arrow
tables, native frames of the backend, or Parquet files and folders (hive
partitions such as ``province=01/year=2024`` are read lazily, so the data may
be larger than memory), and makes the small tables the engine joins (the
working calendar, the time-limit rules) in the same backend.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from danvan.engines._convert import TABLES
from danvan.errors import FieldError

__all__ = ["ENGINES", "Frames", "narwhals"]

#: The long tables the engine reads, and their parent table.
_LONG: dict[str, str] = {"petition_events": "petitions", "model_recognitions": "models",
                         "model_replications": "models"}

#: The backends the columnar engine runs on, and the extra each needs.
ENGINES: dict[str, str] = {"duckdb": "duckdb", "polars": "polars", "spark": "spark"}


def narwhals() -> Any:
    """The narwhals module (a dependency of every columnar extra)."""
    try:
        import narwhals as nw
    except ImportError as error:
        raise ImportError("danvan's columnar engine needs narwhals; install it with "
                          "pip install 'danvan[duckdb]'") from error
    return nw


def _module(engine: str) -> Any:
    try:
        if engine == "duckdb":
            import duckdb
            return duckdb
        if engine == "polars":
            import polars
            return polars
        import pyspark.sql
        return pyspark.sql
    except ImportError as error:
        raise ImportError(f"engine={engine!r} needs {engine}; install it with "
                          f"pip install 'danvan[{ENGINES[engine]}]'") from error


class Frames:
    """The tables of one evaluation, as lazy narwhals frames of one backend."""

    def __init__(self, source: Any, engine: str = "duckdb", *, spark: Any = None,
                 connection: Any = None) -> None:
        if engine not in ENGINES:
            raise FieldError("engine", engine, f"expected one of {', '.join(ENGINES)}")
        self.engine = engine
        self.nw = narwhals()
        self.module = _module(engine)
        self.connection = connection
        if engine == "duckdb" and connection is None:
            self.connection = self.module.connect()
        self.spark = spark
        if engine == "spark" and spark is None:
            self.spark = self.module.SparkSession.builder.getOrCreate()
        self.tables: dict[str, Any] = {}
        if isinstance(source, str | os.PathLike):
            self._read_folder(Path(source))
        elif isinstance(source, Mapping):
            for name, table in source.items():
                self.tables[name] = self._lazy(table, name)
        else:
            raise FieldError("tables", type(source).__name__,
                             "expected a mapping of table names to tables, or a folder of Parquet")
        for name, parent in _LONG.items():
            # a long table with no rows is often left out: its parent's records have none
            if parent in self.tables and name not in self.tables:
                import pyarrow as pa

                from danvan.tables.schema import arrow_schema

                schema = arrow_schema(name)
                self.tables[name] = self.frame(pa.table(
                    {f.name: pa.array([], f.type) for f in schema}, schema=schema))

    def _read_folder(self, root: Path) -> None:
        if not root.is_dir():
            raise FieldError("tables", str(root), "expected a folder of Parquet tables")
        for name in TABLES:
            folder, file = root / name, root / f"{name}.parquet"
            if folder.is_dir():
                self.tables[name] = self._parquet(str(folder), folder=True)
            elif file.is_file():
                self.tables[name] = self._parquet(str(file), folder=False)

    def _parquet(self, path: str, folder: bool) -> Any:
        nw = self.nw
        if self.engine == "duckdb":
            pattern = f"{path}/**/*.parquet" if folder else path
            native = self.connection.read_parquet(pattern, hive_partitioning=folder)
        elif self.engine == "polars":
            pattern = f"{path}/**/*.parquet" if folder else path
            native = self.module.scan_parquet(pattern, hive_partitioning=folder)
        else:
            native = self.spark.read.parquet(path)
        return nw.from_native(native).lazy()

    def _lazy(self, table: Any, name: str) -> Any:
        nw = self.nw
        kind = type(table).__module__.split(".")[0]
        if kind == "pyarrow":
            return self.frame(table)
        if kind in ("duckdb", "polars", "pyspark", "narwhals"):
            return nw.from_native(table).lazy()
        raise FieldError(f"tables[{name!r}]", type(table).__name__,
                         "expected a pyarrow Table or a DuckDB, Polars or Spark frame")

    def frame(self, table: Any) -> Any:
        """A ``pyarrow.Table`` as a lazy frame of this backend."""
        nw = self.nw
        if self.engine == "duckdb":
            native = self.connection.from_arrow(table)
        elif self.engine == "polars":
            native = self.module.from_arrow(table).lazy()
        else:
            native = self.spark.createDataFrame(table)  # an Arrow table, as Spark 4 takes
        return nw.from_native(native).lazy()

    def materialise(self, frame: Any) -> Any:
        """``frame`` computed once and kept for the queries that read it again: a DuckDB
        table (on disk when the connection is a database file), a collected Polars frame, a
        cached Spark frame."""
        nw = self.nw
        native = frame.to_native()
        if self.engine == "duckdb":
            self._kept = getattr(self, "_kept", 0) + 1
            name = f"_danvan_kept_{self._kept}"
            native.to_table(name)
            return nw.from_native(self.connection.table(name)).lazy()
        if self.engine == "polars":
            return nw.from_native(native.collect().lazy()).lazy()
        return nw.from_native(native.cache()).lazy()

    def last_of(self, frame: Any, by: str, order: str, columns: Mapping[str, str]) -> Any:
        """One row per ``by`` of ``frame``: ``columns`` (source: alias) taken at the row of
        largest ``order``, in one aggregation (``arg_max`` on DuckDB, ``max_by`` on Spark)."""
        nw = self.nw
        native = frame.to_native()
        if self.engine == "duckdb":
            taken = ", ".join(f'arg_max_null("{c}", "{order}") AS "{a}"' for c, a in columns.items())
            return nw.from_native(native.aggregate(f'"{by}", {taken}', f'"{by}"')).lazy()
        if self.engine == "polars":
            pl = self.module
            return nw.from_native(native.group_by(by).agg(
                pl.col(c).get(pl.col(order).arg_max()).alias(a) for c, a in columns.items())).lazy()
        from pyspark.sql import functions as F

        return nw.from_native(native.groupBy(by).agg(
            *(F.max_by(c, order).alias(a) for c, a in columns.items()))).lazy()

    def summarise(self, events: Any, until: Any, firsts: Mapping[str, tuple[str, ...]],
                  counts: Mapping[str, str], last: Mapping[str, str]) -> Any:
        """Each petition's events in one aggregation (DuckDB; ``None`` elsewhere, where the
        caller composes the same from narwhals): the first day of each set of kinds
        (``firsts``: alias to kinds) and the number of each kind (``counts``: alias to kind)
        among the events on or before ``until``, the last of those (``last``: column to
        alias), and the last of all (the same aliases with ``_all``); keyed ``id``."""
        if self.engine != "duckdb":
            return None
        day = f"DATE '{until.isoformat()}'"
        known = f'"on" <= {day}'

        def listed(kinds: tuple[str, ...]) -> str:
            return ", ".join(f"'{k}'" for k in kinds)

        items = [*(f'min("on") FILTER (WHERE {known} AND "kind" IN ({listed(kinds)})) AS "{alias}"'
                   for alias, kinds in firsts.items()),
                 *(f'count(*) FILTER (WHERE {known} AND "kind" IN ({listed((kind,))})) AS "{alias}"'
                   for alias, kind in counts.items()),
                 *(f'arg_max_null("{c}", "position") FILTER (WHERE {known}) AS "{a}"'
                   for c, a in last.items()),
                 *(f'arg_max_null("{c}", "position") AS "{a}_all"' for c, a in last.items())]
        native = events.to_native().aggregate(f'"petition" AS "id", {", ".join(items)}', '"petition"')
        return self.nw.from_native(native).lazy()

    def has(self, name: str) -> bool:
        """Whether a table ``name`` was given."""
        return name in self.tables

    def get(self, name: str) -> Any:
        """The table ``name`` (a :class:`~danvan.errors.FieldError` when missing)."""
        try:
            return self.tables[name]
        except KeyError:
            raise FieldError("tables", name, f"expected a table {name!r} among "
                                             f"{', '.join(self.tables) or '(none)'}") from None

    def rows(self, frame: Any) -> list[dict[str, Any]]:
        """The rows of a (small, aggregated) lazy frame, as dicts."""
        return self.arrow(frame).to_pylist()  # type: ignore[no-any-return]

    def arrow(self, frame: Any) -> Any:
        """A (small, aggregated) lazy frame computed, as a ``pyarrow.Table`` (from DuckDB
        directly: narwhals' eager Arrow frame is not needed, nor imported)."""
        native = frame.to_native()
        if self.engine == "duckdb" and hasattr(native, "to_arrow_table"):
            return native.to_arrow_table()
        return frame.collect().to_arrow()

