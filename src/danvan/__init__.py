"""danvan: typed records and exact indicators for Vietnam's mass-mobilisation work.

The core names are re-exported here; feature modules (``danvan.calendar``,
``danvan.deadlines``, ``danvan.claims``, ``danvan.vietnam``, ``danvan.testing``)
are imported on demand.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from danvan.dataset import Dataset
from danvan.dialogues import Dialogue
from danvan.directives import Directive, Implementation
from danvan.document_numbers import DocumentNumber
from danvan.errors import (
    AmbiguousUnitError,
    CalendarError,
    DanvanError,
    DanvanErrorGroup,
    DataError,
    DocumentNumberError,
    FieldError,
    IntegrityError,
    LifecycleError,
    NumberFormatError,
    PeriodError,
    RuleError,
    StructureError,
    UnknownUnitError,
    VocabularyError,
)
from danvan.indicators import Report, compute, report
from danvan.mediations import MediationCase
from danvan.models import Model, Owner, Recognition, Replication
from danvan.numbers import Rounding, format_number, parse_number
from danvan.periods import Period
from danvan.petitions import Petition, PetitionEvent
from danvan.receptions import Reception
from danvan.scope import Scope
from danvan.serialization import dumps, loads, structure, unstructure
from danvan.units import Succession, Unit, UnitRegistry, UnitRegistryError
from danvan.values import Change, Rate, Share, Summary
from danvan.vocabulary import (
    AdminType,
    ChairRole,
    Channel,
    Complexity,
    DialogueMode,
    DocumentKind,
    EventKind,
    Field,
    MediationOutcome,
    ModelStatus,
    OwnerKind,
    PetitionKind,
    RecognitionLevel,
    UnitKind,
    UnitLevel,
)

try:
    __version__ = version("danvan")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"

__all__ = [
    "AdminType",
    "AmbiguousUnitError",
    "CalendarError",
    "ChairRole",
    "Change",
    "Channel",
    "Complexity",
    "DanvanError",
    "DanvanErrorGroup",
    "DataError",
    "Dataset",
    "Dialogue",
    "DialogueMode",
    "Directive",
    "DocumentKind",
    "DocumentNumber",
    "DocumentNumberError",
    "EventKind",
    "Field",
    "FieldError",
    "Implementation",
    "IntegrityError",
    "LifecycleError",
    "MediationCase",
    "MediationOutcome",
    "Model",
    "ModelStatus",
    "NumberFormatError",
    "Owner",
    "OwnerKind",
    "Period",
    "PeriodError",
    "Petition",
    "PetitionEvent",
    "PetitionKind",
    "Rate",
    "Reception",
    "Recognition",
    "RecognitionLevel",
    "Replication",
    "Report",
    "Rounding",
    "RuleError",
    "Scope",
    "Share",
    "StructureError",
    "Succession",
    "Summary",
    "Unit",
    "UnitKind",
    "UnitLevel",
    "UnitRegistry",
    "UnitRegistryError",
    "UnknownUnitError",
    "VocabularyError",
    "__version__",
    "compute",
    "dumps",
    "format_number",
    "loads",
    "parse_number",
    "report",
    "structure",
    "unstructure",
]
