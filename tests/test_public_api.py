"""Tests for danvan's public surface: complete, sorted ``__all__`` and no optional extra on import."""

from __future__ import annotations

import importlib
import importlib.metadata
import pkgutil
import re
import subprocess
import sys
from types import ModuleType

import pytest

import danvan

#: Public modules: every module of the package whose name does not start with "_".
PUBLIC_MODULES: list[str] = sorted(
    info.name for info in pkgutil.walk_packages(danvan.__path__, "danvan.")
    if not any(part.startswith("_") for part in info.name.split("."))
)

#: The core modules the lead listed for this issue (they must be among the public ones).
CORE_MODULES: list[str] = [
    "danvan.errors", "danvan.testing",
    *(f"danvan.records.{name}" for name in (
        "dataset", "dialogues", "directives", "document_numbers", "mediations", "models",
        "petitions", "receptions", "serialization", "units", "vocabulary")),
]

#: Optional extras that ``import danvan`` must not pull in.
EXTRAS: list[str] = ["pandas", "pyarrow", "holidays", "matplotlib", "hypothesis"]


def _module(name: str) -> ModuleType:
    return importlib.import_module(name)


def _sort_key(name: str) -> tuple[int, list[str | int]]:
    """ruff's RUF022 order: SCREAMING_SNAKE_CASE, then CamelCase, then the rest; natural within."""
    group = 0 if name.isupper() and len(name) > 1 else 1 if name[:1].isupper() else 2
    parts = [int(p) if p.isdigit() else p for p in re.split(r"([0-9]+)", name)]
    return group, parts


def test_core_modules_are_public() -> None:
    """The domain core modules are found among the public modules."""
    assert set(CORE_MODULES) <= set(PUBLIC_MODULES)


@pytest.mark.parametrize("name", ["danvan", *PUBLIC_MODULES])
def test_all_exists_and_is_sorted(name: str) -> None:
    """Each public module has an __all__ of unique names, sorted as ruff sorts them, that exist."""
    module = _module(name)
    exported = getattr(module, "__all__", None)
    assert isinstance(exported, list), f"{name} has no __all__ list"
    assert exported == sorted(exported, key=_sort_key)
    assert len(set(exported)) == len(exported)
    missing = [item for item in exported if not hasattr(module, item)]
    assert missing == []


def test_package_reexports_are_the_originals() -> None:
    """Every name danvan re-exports is the object its defining module holds."""
    for item in danvan.__all__:
        value = getattr(danvan, item)
        origin = getattr(value, "__module__", None)
        if item.startswith("__") or origin is None or not origin.startswith("danvan."):
            continue
        assert getattr(_module(origin), getattr(value, "__name__", item)) is value


def test_version() -> None:
    """__version__ is the installed distribution's version."""
    assert danvan.__version__ == importlib.metadata.version("danvan")


@pytest.mark.parametrize("name", ["danvan", *(m for m in CORE_MODULES if m != "danvan.testing")])
def test_import_pulls_in_no_extra(name: str) -> None:
    """Importing danvan (or a core module) in a fresh interpreter imports no optional extra."""
    code = (
        f"import sys, {name}\n"
        f"loaded = sorted(m for m in {EXTRAS!r} if m in sys.modules)\n"
        "print(','.join(loaded))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=False, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""
