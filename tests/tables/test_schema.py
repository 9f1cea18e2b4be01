"""The tabular schema covers every field of every record, and its published forms are current."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
import typing
from pathlib import Path

import attrs
import pytest

from danvan.records import dataset as ds
from danvan.records.dataset import Dataset
from danvan.records.models import Owner
from danvan.records.petitions import PetitionEvent
from danvan.tables.schema import TABLES, Column, arrow_schema, json_schema, table, table_schema

ROOT = Path(__file__).resolve().parents[2]


def _entity(name: str) -> type:
    owner, _, _part = name.partition(".")
    return typing.cast(type, getattr(ds, owner))


@pytest.mark.parametrize("collection", [f.name for f in attrs.fields(Dataset) if f.init])
def test_every_collection_has_a_table(collection: str) -> None:
    """Each collection of a Dataset is a table of the same name."""
    assert table(collection).name == collection


@pytest.mark.parametrize("t", [t for t in TABLES if t.parent is None], ids=lambda t: t.name)
def test_every_field_has_a_column_or_a_long_table(t: object) -> None:
    """Each attrs field is a column (owner flattened) or a long table of the same name."""
    assert hasattr(t, "name")
    cls = _entity(t.entity)  # type: ignore[attr-defined]
    names = set(t.names)  # type: ignore[attr-defined]
    children = {c.entity.partition(".")[2] for c in t.children}  # type: ignore[attr-defined]
    if t.entity == "PetitionEvent":  # type: ignore[attr-defined]
        return
    if t.entity == "Petition":  # type: ignore[attr-defined]
        children.add("events")
    for f in attrs.fields(cls):
        if f.type == "Owner" or f.type is Owner:
            assert {"owner_kind", "owner_name"} <= names
        else:
            assert f.name in names or f.name in children, f.name
    for column in t.columns:  # type: ignore[attr-defined]
        if column.name in {a.name for a in attrs.fields(cls)}:
            default = attrs.fields_dict(cls)[column.name].default
            assert column.required is (default is attrs.NOTHING), column.name
            if not column.required:
                assert column.default == default, column.name


def test_event_columns_match_the_event_fields() -> None:
    """petition_events has the PetitionEvent fields after its key and position."""
    names = tuple(f.name for f in attrs.fields(PetitionEvent))
    assert table("petition_events").names[2:] == names


def test_explicit_columns_are_the_defaults_that_feed_indicators() -> None:
    """channel and in_jurisdiction must be mapped or defaulted in a mapping; a title need not."""
    petitions = table("petitions")
    assert petitions.column("channel").explicit
    assert petitions.column("in_jurisdiction").explicit
    assert not table("directives").column("title").explicit
    assert not petitions.column("crowd_size").explicit
    assert isinstance(petitions.column("id"), Column)


def test_published_schemas_are_current() -> None:
    """docs/schemas/ holds what scripts/build_table_schemas.py writes."""
    spec = importlib.util.spec_from_file_location("build", ROOT / "scripts" / "build_table_schemas.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for name, text in module.rendered().items():
        assert (ROOT / "docs" / "schemas" / name).read_text(encoding="utf-8") == text, name


def test_json_schema_shapes() -> None:
    """Row schemas list required columns and forbid unknown ones."""
    schema = json_schema("petitions")
    assert schema["required"] == ["id", "kind", "received_on", "unit"]
    assert schema["properties"]["crowd_size"]["type"] == ["integer", "null"]
    assert schema["additionalProperties"] is False
    assert json.dumps(table_schema("units"))  # JSON-compatible


def test_arrow_schema_matches_the_columns() -> None:
    """arrow_schema has one field per column, nullable unless required."""
    pa = pytest.importorskip("pyarrow")
    schema = arrow_schema("petition_events")
    assert schema.names == list(table("petition_events").names)
    assert schema.field("on").type == pa.date32()
    assert not schema.field("kind").nullable
    assert schema.field("days").nullable


def test_schema_import_is_light() -> None:
    """Importing the schema does not import pyarrow."""
    code = "import sys, danvan.tables.schema; print('pyarrow' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
