"""The fuzz harness: time-boxed hypothesis runs, the danvan-error oracle, and a linear-time check.

Every test in tests/fuzz is marked ``fuzz``. By default each target runs a few dozen
examples (a smoke run inside the normal suite); ``DANVAN_FUZZ_SECONDS=30`` makes each
target run batch after batch of fresh examples for that many seconds, and turns on the
linear-time checks (CI's fuzz block in .ci/run). ``pytest -m "not fuzz"`` skips them.

A target fails on any exception that is not a :class:`~danvan.errors.DanvanError`, on a
round trip that is not byte-identical (each target asserts its own), or, timed at two
sizes, on time that grows clearly faster than the size.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import pytest
from hypothesis import HealthCheck, Phase, given, settings, strategies as st

from danvan.errors import DanvanError

T = TypeVar("T")

#: Seconds each target runs for; 0 is the smoke run of the default test suite.
SECONDS = float(os.environ.get("DANVAN_FUZZ_SECONDS", "0"))
_SMOKE_EXAMPLES = 10
_BATCH = 25  # small, so a run ends within about one batch of its time box


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test of this folder ``fuzz``."""
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.fuzz)


class Fuzz:
    """What a target uses: :meth:`run` feeds it examples, :meth:`linear` times it at two sizes."""

    @staticmethod
    def call(fn: Callable[..., T], *args: Any, **kwargs: Any) -> T | None:
        """``fn(*args, **kwargs)``, or ``None`` when it raises a danvan error; anything else propagates."""
        try:
            return fn(*args, **kwargs)
        except DanvanError as error:
            message = str(error)  # every danvan error prints, and briefly (F14)
        assert len(message) < 10_000, message[:500]
        return None

    def run(self, strategy: st.SearchStrategy[T], target: Callable[[T], object]) -> None:
        """Run ``target`` on examples of ``strategy``: a few, or batches for ``SECONDS`` seconds."""
        examples = _BATCH if SECONDS else _SMOKE_EXAMPLES
        phases = (Phase.generate, Phase.shrink)

        @settings(max_examples=examples, database=None, deadline=None, phases=phases,
                  suppress_health_check=list(HealthCheck))
        @given(strategy)
        def batch(value: T) -> None:
            target(value)

        end = time.monotonic() + SECONDS
        batch()
        while time.monotonic() < end:
            batch()

    def linear(self, work: Callable[[int], Callable[[], object]], size: int, *,
               factor: int = 8, slack: float = 4.0) -> None:
        """``work(n)()`` at ``size`` and ``factor * size`` takes at most ``slack`` times linear.

        ``work(n)`` prepares an input of size ``n`` and returns the call to time (the best of
        three). Only in a timed fuzz run (``DANVAN_FUZZ_SECONDS``): a shared machine makes
        timings too noisy for the default suite. Quadratic time gives a ratio of ``factor²``.
        """
        if not SECONDS:
            pytest.skip("timed only in a fuzz run (DANVAN_FUZZ_SECONDS)")

        def best(n: int) -> float:
            call = work(n)
            times = []
            for _ in range(3):
                start = time.perf_counter()
                call()
                times.append(time.perf_counter() - start)
            return max(min(times), 1e-4)

        small, big = best(size), best(factor * size)
        assert big / small <= factor * slack, (
            f"{factor}x the input took {big / small:.1f}x the time ({small:.4f}s -> {big:.4f}s): "
            "super-linear")


@pytest.fixture
def fuzz() -> Fuzz:
    """The fuzz harness."""
    return Fuzz()
