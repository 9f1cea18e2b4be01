"""Fixtures of the columnar engine's tests: a local SparkSession for the ``spark`` tests."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.fixture(scope="session")
def spark() -> Any:
    """A local SparkSession on two cores, as the spark block of ``.ci/run`` starts it."""
    pytest.importorskip("pyspark")
    from pyspark.sql import SparkSession

    return (SparkSession.builder.master("local[2]").appName("danvan-test")
            .config("spark.sql.shuffle.partitions", "2").config("spark.ui.enabled", "false")
            .getOrCreate())
