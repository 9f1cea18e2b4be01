"""The tabular form of a :class:`~danvan.records.dataset.Dataset`: one table per collection.

Every collection of a dataset is a table with one row per record, and every
repeated part of a record (a petition's events, a model's recognitions and
replications, a succession's predecessors and successors, what a directive
implements) is a long table of its own, keyed by its parent and a ``position``.
Cells carry danvan's stable codes (``complaint``, ``resolved``), ISO dates
(``2024-03-01``), canonical document numbers (``25-NQ/TW``), ``true``/``false``
and whole numbers, so a dataset written as tables reads back equal.

This module is the one definition; the Frictionless Table Schema
(:func:`table_schema`), the JSON Schema of a row (:func:`json_schema`) and the
Arrow schema (:func:`arrow_schema`, pyarrow imported only then) are generated
from it.

>>> [c.name for c in table("petition_events").columns]
['petition', 'position', 'kind', 'on', 'days', 'to_unit', 'note']
>>> column = table("petitions").column("channel")
>>> column.type, column.required, column.explicit, column.enum[:2]
('string', False, True, ('citizen_reception', 'mail'))
>>> table_schema("petition_events")["foreignKeys"][0]
{'fields': ['petition'], 'reference': {'resource': 'petitions', 'fields': ['id']}}

A column is ``explicit`` when the record has a default that feeds indicators
or time limits (a petition's ``channel`` is ``mail`` unless told otherwise):
a reader never fills such a column silently; it must be present, or the
mapping must state the default, and the defaults used are reported.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator
from typing import Any, Final, Literal

from attrs import field, frozen

from danvan.errors import FieldError
from danvan.records import vocabulary as voc
from danvan.records.vocabulary import Term

__all__ = [
    "TABLES",
    "Column",
    "Table",
    "arrow_schema",
    "json_schema",
    "table",
    "table_schema",
]

#: How a cell is read: the kinds of value a column holds.
Kind = Literal["text", "id", "term", "date", "count", "flag", "document", "position"]

_TYPES: Final[dict[str, str]] = {
    "text": "string", "id": "string", "term": "string", "document": "string",
    "date": "date", "count": "integer", "position": "integer", "flag": "boolean",
}


class _NoDefault(enum.Enum):
    NONE = "none"


#: The default of a column whose record field has none (it is required).
REQUIRED: Final = _NoDefault.NONE


@frozen
class Column:
    """One column: its name (the record's field), kind of value, meaning and default.

    ``default`` is the record's default for the field (:data:`REQUIRED` when it
    has none); ``terms`` the enumeration whose codes a ``term`` column holds.
    """

    name: str
    kind: Kind
    meaning: str
    default: Any = REQUIRED
    terms: type[Term] | None = None

    @property
    def type(self) -> str:
        """The Frictionless type: ``string``, ``integer``, ``boolean`` or ``date``."""
        return _TYPES[self.kind]

    @property
    def required(self) -> bool:
        """Whether every row must give a value."""
        return self.default is REQUIRED

    @property
    def explicit(self) -> bool:
        """Whether a missing value needs a default stated in the mapping (see the module doc)."""
        return not self.required and self.default is not None and self.default != ""

    @property
    def enum(self) -> tuple[str, ...]:
        """The codes a ``term`` column accepts (empty for other kinds)."""
        return tuple(m.code for m in self.terms) if self.terms is not None else ()

    def default_cell(self) -> Any:
        """The default as a cell holds it (a code for a term), ``None`` when required."""
        if self.required:
            return None
        return self.default.code if isinstance(self.default, Term) else self.default


@frozen
class Table:
    """One table: its rows are records of ``entity`` (or repeated parts of one).

    ``parent`` is ``(table, key column)`` for a long table of repeated parts:
    its first column holds the parent's key, its ``position`` column the
    1-based place of the part in the record (rows keep their order when it is
    absent).
    """

    name: str
    entity: str
    meaning: str
    columns: tuple[Column, ...]
    key: tuple[str, ...] = ()
    parent: tuple[str, str] | None = None
    references: tuple[tuple[str, str, str], ...] = field(default=())

    def column(self, name: str) -> Column:
        """The column called ``name``."""
        for column in self.columns:
            if column.name == name:
                return column
        raise FieldError(f"{self.name}.columns", name,
                         f"expected one of {', '.join(c.name for c in self.columns)}")

    @property
    def names(self) -> tuple[str, ...]:
        """The column names, in order."""
        return tuple(c.name for c in self.columns)

    @property
    def children(self) -> tuple[Table, ...]:
        """The long tables of this table's repeated parts."""
        return tuple(t for t in TABLES if t.parent is not None and t.parent[0] == self.name)


def _c(name: str, kind: Kind, meaning: str, default: Any = REQUIRED,
       terms: type[Term] | None = None) -> Column:
    return Column(name, kind, meaning, default, terms)


def _term(name: str, terms: type[Term], meaning: str, default: Any = REQUIRED) -> Column:
    return Column(name, "term", meaning, default, terms)


def _unit(name: str = "unit", meaning: str = "code of the unit the record belongs to") -> Column:
    return _c(name, "id", meaning)


def _id(what: str) -> Column:
    return _c("id", "id", f"identifier of the {what}, unique in the dataset")


def _parent(name: str, what: str) -> Column:
    return _c(name, "id", f"identifier of the {what} this row belongs to")


_POSITION = _c("position", "position", "1-based place in the parent record (row order if absent)",
               None)


def _count(name: str, meaning: str) -> Column:
    return _c(name, "count", meaning, 0)


#: Every table, parents before their long tables; collections in the order of a Dataset.
TABLES: Final[tuple[Table, ...]] = (
    Table("units", "Unit", "one version of an administrative area or organisation", (
        _c("code", "id", "code of the unit (national code for areas)"),
        _c("name", "text", "full name, e.g. 'Xã Hiền Quan'"),
        _term("level", voc.UnitLevel, "tier: central, province, district, commune, residential"),
        _term("kind", voc.UnitKind, "kind of body or area", voc.UnitKind.ADMINISTRATIVE_AREA),
        _c("parent", "id", "code of the unit directly above", None),
        _c("valid_from", "date", "first day this version holds (open if empty)", None),
        _c("valid_to", "date", "first day this version no longer holds (open if empty)", None),
        _term("admin_type", voc.AdminType, "legal type of an administrative unit", None),
        _c("short_name", "text", "name without its type word, e.g. 'Hiền Quan'", None),
    ), key=("code", "valid_from"), references=(("parent", "units", "code"),)),
    Table("successions", "Succession", "units that became other units on a date", (
        _c("succession", "position", "number of the succession in this table"),
        _c("on", "date", "day the change took effect"),
        _c("basis", "document", "number of the document that decided it", None),
    ), key=("succession",)),
    Table("succession_predecessors", "Succession.predecessors", "the units a succession ended", (
        _c("succession", "position", "number of the succession this row belongs to"),
        _POSITION,
        _unit("unit", "code of a predecessor unit"),
    ), parent=("successions", "succession"), references=(("unit", "units", "code"),)),
    Table("succession_successors", "Succession.successors", "the units a succession created or "
          "kept; the first takes a split unit's records", (
              _c("succession", "position", "number of the succession this row belongs to"),
              _POSITION,
              _unit("unit", "code of a successor unit"),
          ), parent=("successions", "succession"), references=(("unit", "units", "code"),)),
    Table("directives", "Directive", "a Party or State guiding document", (
        _c("number", "document", "document number, e.g. '16/CT-TTg'"),
        _term("kind", voc.DocumentKind, "kind of document"),
        _c("issuer", "text", "body that issued it"),
        _c("issued_on", "date", "date of issue"),
        _c("title", "text", "title (trích yếu)", ""),
    ), key=("number",)),
    Table("directive_implements", "Directive.implements", "documents a directive implements", (
        _c("directive", "document", "number of the directive this row belongs to"),
        _POSITION,
        _c("implements", "document", "number of a document it implements"),
    ), parent=("directives", "number")),
    Table("implementations", "Implementation", "a unit's plan or programme for a directive", (
        _id("implementation"),
        _c("directive", "document", "number of the directive implemented"),
        _unit(),
        _c("issued_on", "date", "day the plan was issued"),
        _term("kind", voc.DocumentKind, "kind of the plan", voc.DocumentKind.PLAN),
        _c("document", "document", "number of the plan itself", None),
    ), key=("id",), references=(("unit", "units", "code"), ("directive", "directives", "number"))),
    Table("models", "Model", 'a "Dân vận khéo" model or exemplar', (
        _id("model"),
        _c("title", "text", "name of the model"),
        _term("owner_kind", voc.OwnerKind, "collective (tập thể) or individual (cá nhân)"),
        _c("owner_name", "text", "who registered it"),
        _unit(),
        _term("field", voc.Field, "field of work (lĩnh vực)"),
        _c("registered_on", "date", "day it was registered"),
        _c("pilot", "flag", "whether it is a pilot model (mô hình điểm)", False),
        _c("discontinued_on", "date", "day it stopped", None),
    ), key=("id",), references=(("unit", "units", "code"),)),
    Table("model_recognitions", "Model.recognitions", "recognitions of a model", (
        _parent("model", "model"),
        _POSITION,
        _term("level", voc.RecognitionLevel, "tier that recognised it"),
        _c("on", "date", "day of recognition"),
        _c("body", "text", "body that recognised it", ""),
    ), parent=("models", "id")),
    Table("model_replications", "Model.replications", "units that took up a model", (
        _parent("model", "model"),
        _POSITION,
        _unit("unit", "code of the unit that took it up"),
        _c("on", "date", "day it was taken up"),
    ), parent=("models", "id"), references=(("unit", "units", "code"),)),
    Table("dialogues", "Dialogue", "a direct dialogue conference", (
        _id("dialogue"),
        _unit(),
        _c("held_on", "date", "day it was held"),
        _term("chair", voc.ChairRole, "who chaired it"),
        _term("mode", voc.DialogueMode, "periodic or ad hoc"),
        _count("participants", "people who took part"),
        _count("opinions_raised", "opinions raised"),
        _count("answered_at_meeting", "opinions answered at the meeting"),
        _count("referred", "opinions referred to an agency"),
        _count("referred_answered", "referred opinions answered since"),
        _c("basis", "document", "number of the rule or directive it was held under", None),
    ), key=("id",), references=(("unit", "units", "code"),)),
    Table("petitions", "Petition", "a citizen petition (đơn thư)", (
        _id("petition"),
        _term("kind", voc.PetitionKind, "complaint, denunciation, recommendation or other"),
        _c("received_on", "date", "day it was received"),
        _unit("unit", "code of the receiving unit"),
        _term("channel", voc.Channel, "how it reached the unit", voc.Channel.MAIL),
        _c("in_jurisdiction", "flag", "whether it falls within the unit's remit", True),
        _c("crowd_size", "count", "people in a crowd delegation (empty: not a crowd)", None),
        _term("complexity", voc.Complexity, "complexity, for time limits", voc.Complexity.ORDINARY),
        _c("remote_area", "flag", "received in a remote area (vùng sâu, vùng xa)", False),
        _c("second_instance", "flag", "a second-instance complaint", False),
        _c("discipline", "flag", "a complaint against a disciplinary decision", False),
        _c("multi_site", "flag", "a denunciation needing verification at several places", False),
        _c("known_on", "date", "day the complainant learned of the decision", None),
    ), key=("id",), references=(("unit", "units", "code"),)),
    Table("petition_events", "PetitionEvent", "dated steps of a petition after receipt", (
        _parent("petition", "petition"),
        _POSITION,
        _term("kind", voc.EventKind, "the step"),
        _c("on", "date", "day of the step"),
        _c("days", "count", "length of an extension, in days", None),
        _c("to_unit", "id", "code of the unit a petition was transferred to", None),
        _c("note", "text", "free note", ""),
    ), parent=("petitions", "id"), references=(("to_unit", "units", "code"),)),
    Table("receptions", "Reception", "a citizen reception session", (
        _id("session"),
        _unit(),
        _c("on", "date", "day of the session"),
        _term("host", voc.ChairRole, "who received the citizens"),
        _count("turns", "turns (lượt) received"),
        _count("people", "people received"),
        _count("cases", "cases raised"),
        _count("crowd_delegations", "crowd delegations received"),
        _count("crowd_people", "people in crowd delegations"),
        _c("regular", "flag", "a scheduled session (false: unscheduled, đột xuất)", True),
    ), key=("id",), references=(("unit", "units", "code"),)),
    Table("mediations", "MediationCase", "a grassroots mediation case", (
        _id("case"),
        _unit(),
        _c("received_on", "date", "day the team received it"),
        _c("in_jurisdiction", "flag", "whether it falls within the team's remit", True),
        _c("mediated_on", "date", "day it was mediated (empty: not mediated)", None),
        _term("outcome", voc.MediationOutcome, "result of the mediation", None),
    ), key=("id",), references=(("unit", "units", "code"),)),
)

_BY_NAME: Final = {t.name: t for t in TABLES}


def table(name: str) -> Table:
    """The table called ``name`` (see :data:`TABLES`)."""
    try:
        return _BY_NAME[name]
    except KeyError:
        raise FieldError("table", name, f"expected one of {', '.join(_BY_NAME)}") from None


def _frictionless_field(column: Column) -> dict[str, Any]:
    out: dict[str, Any] = {"name": column.name, "type": column.type, "description": column.meaning}
    if column.type == "date":
        out["format"] = "default"
    if column.type == "boolean":
        out["trueValues"], out["falseValues"] = ["true"], ["false"]
    constraints: dict[str, Any] = {}
    if column.required:
        constraints["required"] = True
    if column.enum:
        constraints["enum"] = list(column.enum)
    if column.kind in ("count", "position"):
        constraints["minimum"] = 0 if column.kind == "count" else 1
    if constraints:
        out["constraints"] = constraints
    if column.explicit:
        out["danvan:default"] = column.default_cell()
    return out


def _foreign_keys(t: Table) -> Iterator[dict[str, Any]]:
    if t.parent is not None:
        yield {"fields": [t.columns[0].name], "reference": {"resource": t.parent[0],
                                                              "fields": [t.parent[1]]}}
    for name, resource, key in t.references:
        # A reference to the table itself names the resource "" (Frictionless' rule).
        yield {"fields": [name], "reference": {"resource": "" if resource == t.name else resource,
                                                "fields": [key]}}


def table_schema(name: str) -> dict[str, Any]:
    """The Frictionless Table Schema of table ``name`` (a JSON-compatible dict).

    ``danvan:default`` on a field gives the default a mapping may state for an
    explicit column (see the module docstring).
    """
    t = table(name)
    out: dict[str, Any] = {
        "name": t.name, "title": f"danvan {t.entity}", "description": t.meaning,
        "fields": [_frictionless_field(c) for c in t.columns], "missingValues": [""],
    }
    if t.key:
        out["primaryKey"] = list(t.key)
    keys = list(_foreign_keys(t))
    if keys:
        out["foreignKeys"] = keys
    return out


_JSON_TYPES: Final = {"string": "string", "integer": "integer", "boolean": "boolean",
                      "date": "string"}


def json_schema(name: str) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one row of table ``name``, cells as the writers write them."""
    t = table(name)
    properties: dict[str, Any] = {}
    for column in t.columns:
        prop: dict[str, Any] = {"description": column.meaning}
        base = _JSON_TYPES[column.type]
        prop["type"] = base if column.required or column.explicit or column.default == "" else [
            base, "null"]
        if column.type == "date":
            prop["format"] = "date"
        if column.enum:
            prop["enum"] = [*column.enum, *([] if column.required or column.explicit else [None])]
        if column.kind in ("count", "position"):
            prop["minimum"] = 0 if column.kind == "count" else 1
        properties[column.name] = prop
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://danvan.invalid/schemas/{t.name}.json",
        "title": f"danvan {t.entity} row", "description": t.meaning, "type": "object",
        "properties": properties, "required": [c.name for c in t.columns if c.required],
        "additionalProperties": False,
    }


def arrow_schema(name: str) -> Any:
    """The Arrow schema of table ``name`` (a ``pyarrow.Schema``; needs ``danvan[arrow]``)."""
    try:
        import pyarrow as pa
    except ImportError:  # pragma: no cover - depends on the environment
        raise ImportError("arrow_schema needs pyarrow: pip install 'danvan[arrow]'") from None
    types = {"string": pa.string(), "integer": pa.int64(), "boolean": pa.bool_(),
             "date": pa.date32()}
    t = table(name)
    fields = [pa.field(c.name, types[c.type], nullable=not c.required,
                       metadata={"description": c.meaning}) for c in t.columns]
    return pa.schema(fields, metadata={"name": t.name, "description": t.meaning})
