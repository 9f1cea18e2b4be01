"""Records as tables: the tabular schema, readers and writers (CSV, Excel, Parquet, Arrow).

Layer 6: it reads records, values, the shipped units, law and indicators, and
nothing above. Optional extras (pyarrow, openpyxl) are imported only by the
function that needs them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from danvan._lazy import attach

if TYPE_CHECKING:
    from danvan.tables.mapping import (
        Mapping as Mapping,
        Status as Status,
        TableMapping as TableMapping,
        load_mapping as load_mapping,
        template as template,
    )
    from danvan.tables.readers import (
        Imported as Imported,
        read as read,
        read_arrow as read_arrow,
        read_csv as read_csv,
        read_excel as read_excel,
        read_parquet as read_parquet,
    )
    from danvan.tables.schema import (
        TABLES as TABLES,
        Column as Column,
        Table as Table,
        arrow_schema as arrow_schema,
        json_schema as json_schema,
        table as table,
        table_schema as table_schema,
    )
    from danvan.tables.writers import (
        tables_of as tables_of,
        to_arrow as to_arrow,
        write_csv as write_csv,
        write_excel as write_excel,
        write_parquet as write_parquet,
    )

__getattr__, __dir__, __all__ = attach(__name__, {
    ".mapping": (
        "Mapping",
        "Status",
        "TableMapping",
        "load_mapping",
        "template",
    ),
    ".readers": (
        "Imported",
        "read",
        "read_arrow",
        "read_csv",
        "read_excel",
        "read_parquet",
    ),
    ".schema": (
        "TABLES",
        "Column",
        "Table",
        "arrow_schema",
        "json_schema",
        "table",
        "table_schema",
    ),
    ".writers": (
        "tables_of",
        "to_arrow",
        "write_csv",
        "write_excel",
        "write_parquet",
    ),
})
