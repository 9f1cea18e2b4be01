"""Records as tables: the tabular schema, readers and writers (CSV, Excel, Parquet, Arrow).

Layer 6: it reads records, values, the shipped units, law and indicators, and
nothing above. Optional extras (pyarrow, openpyxl) are imported only by the
function that needs them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from danvan._lazy import attach

if TYPE_CHECKING:
    from danvan.tables.schema import (
        TABLES as TABLES,
        Column as Column,
        Table as Table,
        arrow_schema as arrow_schema,
        json_schema as json_schema,
        table as table,
        table_schema as table_schema,
    )

__getattr__, __dir__, __all__ = attach(__name__, {
    ".schema": (
        "TABLES",
        "Column",
        "Table",
        "arrow_schema",
        "json_schema",
        "table",
        "table_schema",
    ),
})
