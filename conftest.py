"""Hypothesis profiles: ``dev`` (default, quick) and ``ci`` (more examples).

Select with ``HYPOTHESIS_PROFILE=ci``; CI sets it in ``.ci/run``.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile("dev", max_examples=30, deadline=None)
settings.register_profile(
    "ci", max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))
