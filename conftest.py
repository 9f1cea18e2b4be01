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

# Every code block of README.md and docs/*.md runs as a test (Sybil): ```python blocks, and
# doctest (>>>) examples inside them, each page in one namespace. A block after
# `<!-- skip: next -->` is shown but not run. Sybil comes with the test extra.
try:
    from sybil import Sybil
    from sybil.parsers.markdown import PythonCodeBlockParser, SkipParser
except ImportError:  # pragma: no cover - the test extra installs it
    pass
else:
    pytest_collect_file = Sybil(
        parsers=[PythonCodeBlockParser(), SkipParser()],
        patterns=["README.md", "docs/*.md"],
    ).pytest()

# The Sphinx configuration and the built site are not tests.
collect_ignore = ["docs/conf.py", "docs/_build"]
