"""Vietnam's administrative units as shipped with danvan: provinces, districts
and communes before and after the reform of 1 July 2025, with their
successions (:mod:`~danvan.vietnam.units`). The tables load on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from danvan._lazy import attach

if TYPE_CHECKING:
    from danvan.vietnam.units import (
        REFORM as REFORM,
        ROOT as ROOT,
        find as find,
        registry as registry,
    )

__getattr__, __dir__, __all__ = attach(__name__, {
    ".units": (
        "REFORM",
        "ROOT",
        "find",
        "registry",
    ),
})
