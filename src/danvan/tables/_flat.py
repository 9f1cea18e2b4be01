"""Dataset → tables: every record a row, every repeated part a row of its long table.

Cells are Python values a writer turns into text or Arrow: codes for
enumerations, ``datetime.date``, ``str`` document numbers, ``bool``, ``int`` and
``None`` for nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from danvan.records.dataset import Dataset
from danvan.records.document_numbers import DocumentNumber
from danvan.records.vocabulary import Term
from danvan.tables.schema import TABLES, Table

__all__ = ["cell", "dataset_columns"]


def cell(value: Any) -> Any:
    """A record's value as a table cell."""
    if isinstance(value, Term):
        return value.code
    if isinstance(value, DocumentNumber):
        return str(value)
    return value


def _parts(t: Table, data: Dataset) -> Iterator[dict[str, Any]]:
    assert t.parent is not None
    parent, _ = t.parent
    field = t.entity.partition(".")[2] or "events"
    for index, record in enumerate(getattr(data, parent), start=1):
        key = index if parent == "successions" else cell(
            record.number if parent == "directives" else record.id)
        for position, item in enumerate(getattr(record, field), start=1):
            row: dict[str, Any] = {t.columns[0].name: key, "position": position}
            if t.name in ("succession_predecessors", "succession_successors"):
                row["unit"] = item
            elif t.name == "directive_implements":
                row["implements"] = str(item)
            else:
                row.update({c.name: cell(getattr(item, c.name)) for c in t.columns[2:]})
            yield row


def _records(t: Table, data: Dataset) -> Iterator[dict[str, Any]]:
    for index, record in enumerate(getattr(data, t.name), start=1):
        row: dict[str, Any] = {}
        for column in t.columns:
            if column.name == "succession":
                row[column.name] = index
            elif column.name.startswith("owner_"):
                row[column.name] = cell(getattr(record.owner, column.name[6:]))
            else:
                row[column.name] = cell(getattr(record, column.name))
        yield row


def dataset_columns(data: Dataset) -> dict[str, dict[str, list[Any]]]:
    """Every table of ``data`` as columns of cells (empty tables included)."""
    out: dict[str, dict[str, list[Any]]] = {}
    for t in TABLES:
        rows = _parts(t, data) if t.parent is not None else _records(t, data)
        columns: dict[str, list[Any]] = {c.name: [] for c in t.columns}
        appends = [(c.name, columns[c.name].append) for c in t.columns]
        for row in rows:
            for name, append in appends:
                append(row[name])
        out[t.name] = columns
    return out
