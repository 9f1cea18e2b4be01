"""Pausing the cyclic garbage collector while many records are built (loads, the record engine)."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

__all__ = ["paused_gc"]


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """No cyclic garbage collection while building or reading many records at once.

    Records hold no reference cycles, so each collection would only walk the
    objects already built again: at a million petitions that costs a quarter of
    the time of loading them. The collector runs again afterwards (if it was on);
    reference counting frees memory as usual meanwhile. Also a decorator.

    Turned back on, the collector would walk every object made meanwhile at once (they
    are all of its youngest generation; a million records cost about a second). So the
    objects are moved to its oldest generation first (``gc.freeze()`` then
    ``gc.unfreeze()``, each a splice of lists), unless something else keeps objects frozen
    (``gc.get_freeze_count()``). A cycle among them is still collected, by the next
    full collection.
    """
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            if not gc.get_freeze_count():
                gc.freeze()
                gc.unfreeze()
            gc.enable()
