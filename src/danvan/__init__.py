"""danvan: typed records and exact indicators for Vietnam's mass-mobilisation work.

The core names are here; each concern is a subpackage, imported on first use
(see ``docs/architecture.md``):

- :mod:`danvan.records`: vocabulary, units, the entities, datasets, JSON;
- :mod:`danvan.values`: exact rates and statistics, periods, Vietnamese numbers;
- :mod:`danvan.law`: lunar calendar, working days, time limits, cadence;
- :mod:`danvan.vietnam`: Vietnam's shipped units;
- :mod:`danvan.indicators`: the catalogue, scopes, reports;
- :mod:`danvan.text`: the figures of a report's prose, checked and reconciled;
- :mod:`danvan.examples`: the example datasets, installed with the package;
- :mod:`danvan.testing`: hypothesis strategies (needs hypothesis).

``import danvan`` imports none of them: a name is loaded when first read.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from danvan._lazy import alias_modules, attach
from danvan._version import __version__ as __version__

if TYPE_CHECKING:
    from danvan._front import (
        report as report,
    )
    from danvan.errors import (
        AmbiguousUnitError as AmbiguousUnitError,
        CalendarError as CalendarError,
        DanvanError as DanvanError,
        DanvanErrorGroup as DanvanErrorGroup,
        DataError as DataError,
        DocumentNumberError as DocumentNumberError,
        FieldError as FieldError,
        IntegrityError as IntegrityError,
        LifecycleError as LifecycleError,
        NumberFormatError as NumberFormatError,
        PeriodError as PeriodError,
        RowError as RowError,
        RuleError as RuleError,
        StructureError as StructureError,
        TableError as TableError,
        UnknownUnitError as UnknownUnitError,
        VocabularyError as VocabularyError,
    )
    from danvan.indicators.reporting import (
        Report as Report,
        compute as compute,
    )
    from danvan.indicators.scope import (
        Scope as Scope,
    )
    from danvan.records.dataset import (
        Dataset as Dataset,
    )
    from danvan.records.dialogues import (
        Dialogue as Dialogue,
    )
    from danvan.records.directives import (
        Directive as Directive,
        Implementation as Implementation,
    )
    from danvan.records.document_numbers import (
        DocumentNumber as DocumentNumber,
    )
    from danvan.records.mediations import (
        MediationCase as MediationCase,
    )
    from danvan.records.models import (
        Model as Model,
        Owner as Owner,
        Recognition as Recognition,
        Replication as Replication,
    )
    from danvan.records.petitions import (
        Petition as Petition,
        PetitionEvent as PetitionEvent,
    )
    from danvan.records.receptions import (
        Reception as Reception,
    )
    from danvan.records.serialization import (
        dumps as dumps,
        loads as loads,
        structure as structure,
        unstructure as unstructure,
    )
    from danvan.records.units import (
        Succession as Succession,
        Unit as Unit,
        UnitRegistry as UnitRegistry,
        UnitRegistryError as UnitRegistryError,
    )
    from danvan.records.vocabulary import (
        AdminType as AdminType,
        ChairRole as ChairRole,
        Channel as Channel,
        Complexity as Complexity,
        DialogueMode as DialogueMode,
        DocumentKind as DocumentKind,
        EventKind as EventKind,
        Field as Field,
        MediationOutcome as MediationOutcome,
        ModelStatus as ModelStatus,
        OwnerKind as OwnerKind,
        PetitionKind as PetitionKind,
        RecognitionLevel as RecognitionLevel,
        UnitKind as UnitKind,
        UnitLevel as UnitLevel,
    )
    from danvan.values.exact import (
        Change as Change,
        Rate as Rate,
        Share as Share,
        Summary as Summary,
    )
    from danvan.values.numbers import (
        Rounding as Rounding,
        format_number as format_number,
        parse_number as parse_number,
    )
    from danvan.values.periods import (
        Period as Period,
    )

#: The flat layout's public modules (danvan 0.1 before the subpackages) and where they are now.
_MOVED = {
    **{name: f"danvan.records.{name}" for name in (
        "dataset", "dialogues", "directives", "document_numbers", "mediations", "models",
        "petitions", "receptions", "serialization", "units", "vocabulary")},
    **{name: f"danvan.law.{name}" for name in ("cadence", "calendar", "deadlines")},
    "numbers": "danvan.values.numbers",
    "periods": "danvan.values.periods",
    "scope": "danvan.indicators.scope",
    "timeliness": "danvan.indicators.timeliness",
    "claims": "danvan.text.claims",
    "reconcile": "danvan.text.reconciliation",
}

__getattr__, __dir__, __all__ = attach(__name__, {
    ".errors": (
        "AmbiguousUnitError",
        "CalendarError",
        "DanvanError",
        "DanvanErrorGroup",
        "DataError",
        "DocumentNumberError",
        "FieldError",
        "IntegrityError",
        "LifecycleError",
        "NumberFormatError",
        "PeriodError",
        "RowError",
        "RuleError",
        "StructureError",
        "TableError",
        "UnknownUnitError",
        "VocabularyError",
    ),
    "._front": (
        "report",
    ),
    ".indicators.reporting": (
        "compute",
        "Report",
    ),
    ".indicators.scope": (
        "Scope",
    ),
    ".records.dataset": (
        "Dataset",
    ),
    ".records.dialogues": (
        "Dialogue",
    ),
    ".records.directives": (
        "Directive",
        "Implementation",
    ),
    ".records.document_numbers": (
        "DocumentNumber",
    ),
    ".records.mediations": (
        "MediationCase",
    ),
    ".records.models": (
        "Model",
        "Owner",
        "Recognition",
        "Replication",
    ),
    ".records.petitions": (
        "Petition",
        "PetitionEvent",
    ),
    ".records.receptions": (
        "Reception",
    ),
    ".records.serialization": (
        "dumps",
        "loads",
        "structure",
        "unstructure",
    ),
    ".records.units": (
        "Succession",
        "Unit",
        "UnitRegistry",
        "UnitRegistryError",
    ),
    ".records.vocabulary": (
        "AdminType",
        "ChairRole",
        "Channel",
        "Complexity",
        "DialogueMode",
        "DocumentKind",
        "EventKind",
        "Field",
        "MediationOutcome",
        "ModelStatus",
        "OwnerKind",
        "PetitionKind",
        "RecognitionLevel",
        "UnitKind",
        "UnitLevel",
    ),
    ".values.exact": (
        "Change",
        "Rate",
        "Share",
        "Summary",
    ),
    ".values.numbers": (
        "format_number",
        "parse_number",
        "Rounding",
    ),
    ".values.periods": (
        "Period",
    ),
}, submodules=("cli", "engines", "examples", "indicators", "law", "records", "testing", "text",
               "values", "vietnam"),
   present=("__version__",), moved=_MOVED)

alias_modules({f"danvan.{name}": module for name, module in _MOVED.items()})
