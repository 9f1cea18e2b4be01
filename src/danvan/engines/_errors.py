"""The columnar engine's error: an indicator (or an option of one) it does not compute."""

from __future__ import annotations

from danvan.errors import DanvanError

__all__ = ["NotColumnarError"]


class NotColumnarError(DanvanError, NotImplementedError):
    """An indicator (or an option of one) the columnar engine cannot compute."""

    def __init__(self, indicator: str, reason: str) -> None:
        self.indicator, self.reason = indicator, reason
        super().__init__(f"{indicator}: not computed by the columnar engine: {reason}")
