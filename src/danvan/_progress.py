"""Progress of long work: an opt-in callback, and a text bar for terminals.

A *progress callback* is called as ``callback(done, total, what)``: ``done``
records of ``total`` handled so far in the step ``what`` (``"petitions"``,
``"petitions: time limits"`` ...). It is called at the start (``done == 0``),
about every hundredth of the way, and at the end (``done == total``), and
only for steps over :data:`LONG` records or more: short work stays silent.

:func:`tracker` turns what a caller gave (``None``/``False``: nothing,
``True``: a bar on ``sys.stderr``, or a callable) into a callback or ``None``.

>>> seen = []
>>> tick = ticker(lambda done, total, what: seen.append((done, total)), 300_000, "petitions")
>>> for index in range(300_000):
...     if index == tick.next:
...         tick(index)
>>> tick.end()
>>> seen[0], seen[1], seen[-1], len(seen)
((0, 300000), (3000, 300000), (300000, 300000), 101)
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any, Final, TextIO

from danvan.errors import FieldError

__all__ = ["LONG", "Callback", "Ticker", "bar", "ticker", "tracker"]

#: Steps over fewer records than this report no progress.
LONG: Final = 100_000

Callback = Callable[[int, int, str], None]


def bar(stream: TextIO | None = None) -> Callback:
    """A callback drawing ``what [#####.....] 45% 450.000/1.000.000`` on one line of ``stream``."""

    def draw(done: int, total: int, what: str) -> None:
        out = stream or sys.stderr
        share = done / total if total else 1.0
        filled = int(share * 30)
        count = f"{done:,}/{total:,}".replace(",", ".")
        out.write(f"\r{what} [{'#' * filled}{'.' * (30 - filled)}] {share:4.0%} {count}")
        if done >= total:
            out.write("\n")
        out.flush()

    return draw


def tracker(progress: Any) -> Callback | None:
    """The callback for what a caller gave as ``progress``: ``None``, a bool or a callable."""
    if progress is None or progress is False:
        return None
    if progress is True:
        return bar()
    if callable(progress):
        return progress  # type: ignore[no-any-return]
    raise FieldError("progress", progress, "expected True, False, None or a callable "
                                           "taking (done, total, what)")


class Ticker:
    """Calls a callback as records are handled; ``next`` is the index that calls it again."""

    __slots__ = ("callback", "next", "step", "total", "what")

    def __init__(self, callback: Callback | None, total: int, what: str) -> None:
        self.callback, self.total, self.what = callback, total, what
        self.step = max(1, total // 100)
        self.next = 0 if callback is not None and total >= LONG else -1

    def __call__(self, done: int) -> None:
        """Report ``done`` records handled, and set when to report again."""
        if self.callback is not None:
            self.callback(done, self.total, self.what)
        self.next = done + self.step if done + self.step < self.total else -1

    def reach(self, done: int) -> None:
        """Report ``done`` when it has reached ``next``: for steps that advance by more than
        one (characters of a text, rows of a batch)."""
        if 0 <= self.next <= done < self.total:
            self(done)

    def end(self) -> None:
        """Report the step done (when it reported its start)."""
        if self.callback is not None and self.total >= LONG:
            self.callback(self.total, self.total, self.what)


def ticker(callback: Callback | None, total: int, what: str) -> Ticker:
    """A :class:`Ticker` for ``total`` records; silent without a callback or under :data:`LONG`."""
    return Ticker(callback, total, what)
