"""The records: vocabulary, document numbers, units and their registry, the
entities (petitions, dialogues, "Dân vận khéo" models, directives, receptions,
mediations), the dataset that holds them and the JSON converter.

The lowest layer above :mod:`danvan.errors`: it imports no other danvan
subpackage. Everything else reads these classes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from danvan._lazy import attach

if TYPE_CHECKING:
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
        Style as Style,
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
        CLOSING_EVENTS as CLOSING_EVENTS,
        TRANSITIONS as TRANSITIONS,
        Petition as Petition,
        PetitionEvent as PetitionEvent,
    )
    from danvan.records.receptions import (
        Reception as Reception,
    )
    from danvan.records.serialization import (
        configure_converter as configure_converter,
        converter as converter,
        dumps as dumps,
        loads as loads,
        make_converter as make_converter,
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
        Term as Term,
        UnitKind as UnitKind,
        UnitLevel as UnitLevel,
    )

__getattr__, __dir__, __all__ = attach(__name__, {
    ".dataset": (
        "Dataset",
    ),
    ".dialogues": (
        "Dialogue",
    ),
    ".directives": (
        "Directive",
        "Implementation",
    ),
    ".document_numbers": (
        "DocumentNumber",
        "Style",
    ),
    ".mediations": (
        "MediationCase",
    ),
    ".models": (
        "Model",
        "Owner",
        "Recognition",
        "Replication",
    ),
    ".petitions": (
        "CLOSING_EVENTS",
        "Petition",
        "PetitionEvent",
        "TRANSITIONS",
    ),
    ".receptions": (
        "Reception",
    ),
    ".serialization": (
        "configure_converter",
        "converter",
        "dumps",
        "loads",
        "make_converter",
        "structure",
        "unstructure",
    ),
    ".units": (
        "Succession",
        "Unit",
        "UnitRegistry",
        "UnitRegistryError",
    ),
    ".vocabulary": (
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
        "Term",
        "UnitKind",
        "UnitLevel",
    ),
})
