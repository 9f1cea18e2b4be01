"""The layout's rules, read from the source with ``ast``: layers, no circles, quick and quiet imports.

``docs/architecture.md`` explains the layers; this file is their one definition.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"

#: Each part of danvan and its layer: a module may import only from its own part or
#: from parts of a lower layer. The package root's shared helpers are the base.
LAYERS: dict[str, int] = {
    "danvan._base": 0,        # errors, _validators, _text, _lazy, _version (the root's modules)
    "danvan.records": 1,
    "danvan.values": 2,
    "danvan.vietnam": 3,
    "danvan.law": 4,
    "danvan.indicators": 5,
    "danvan.tables": 6,
    "danvan.engines": 7,
    "danvan.text": 8,
    "danvan.cli": 9,
    "danvan._api": 10,        # danvan/__init__, __main__, examples, testing: the public front
    "_danvan_hypothesis": 11,  # the hypothesis plugin, outside the package
}

#: The root modules of the public front; every other root module is the base.
FRONT = {"danvan", "danvan.__main__", "danvan._front", "danvan.examples", "danvan.testing"}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES: dict[str, Path] = {_module_name(p): p for p in sorted(SRC.rglob("*.py"))}


def part_of(module: str) -> str:
    """The part of the layout a module belongs to (a key of LAYERS)."""
    if module in FRONT:
        return "danvan._api"
    parts = module.split(".")
    if parts[0] != "danvan":
        return parts[0]
    if len(parts) > 2 or f"danvan.{parts[1]}" in LAYERS:
        return f"danvan.{parts[1]}"
    return "danvan._base"


def _target(module: str, node: ast.ImportFrom, is_package: bool) -> str:
    if not node.level:
        return node.module or ""
    base = module.split(".")
    if not is_package:
        base.pop()
    base = base[: len(base) - node.level + 1]
    return ".".join([*base, *([node.module] if node.module else [])])


def imports(module: str) -> Iterator[tuple[str, int]]:
    """Every danvan module ``module`` imports, at any depth of its code, with the line."""
    path = MODULES[module]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            target = _target(module, node, path.name == "__init__.py")
            names = [f"{target}.{alias.name}" if f"{target}.{alias.name}" in MODULES else target
                     for alias in node.names]
        else:
            continue
        for name in names:
            while name and name not in MODULES:  # ``import danvan.records.units`` names a module
                name = name.rpartition(".")[0]
            if name and name != module:
                yield name, node.lineno


GRAPH: dict[str, set[str]] = {m: {t for t, _ in imports(m)} for m in MODULES}


def test_every_module_has_a_layer() -> None:
    """Each module of src/ belongs to a part of the layout listed in LAYERS."""
    assert sorted({part_of(m) for m in MODULES} - set(LAYERS)) == []


def test_no_import_reaches_up() -> None:
    """No module imports from a part of a higher layer (the file and line are named)."""
    upward = [f"{MODULES[m].relative_to(SRC)}:{line} imports {t} ({part_of(m)} → {part_of(t)})"
              for m in MODULES for t, line in imports(m)
              if LAYERS[part_of(t)] > LAYERS[part_of(m)]]
    assert upward == []


def _cycles() -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for root in sorted(GRAPH):
        if root in index:
            continue
        work = [(root, iter(sorted(GRAPH[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(GRAPH[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_no_import_circle() -> None:
    """No two modules import each other, directly or through others (the files are named)."""
    circles = [" ↔ ".join(str(MODULES[m].relative_to(SRC)) for m in c) for c in _cycles()]
    assert circles == []


def test_the_checks_see_a_circle_and_an_upward_import() -> None:
    """The graph checks fail on a circle and on an upward import (they can fail at all)."""
    GRAPH["danvan.records.units"].add("danvan.indicators.scope")
    try:
        assert any("danvan.records.units" in c for c in _cycles())
    finally:
        GRAPH["danvan.records.units"].discard("danvan.indicators.scope")
    assert LAYERS[part_of("danvan.indicators.scope")] > LAYERS[part_of("danvan.records.units")]


def _imported_by(code: str) -> list[str]:
    """The modules a fresh interpreter holds after running ``code``.

    Read from ``sys.modules``: ``-X importtime`` misses modules loaded through
    ``importlib.import_module`` (entry points, lazy names). Its report is checked
    too, for danvan's modules.
    """
    script = f"{code}\nimport sys\nprint(*sys.modules, sep='\\n')"
    result = subprocess.run([sys.executable, "-X", "importtime", "-c", script], capture_output=True,
                            text=True, check=True, timeout=120)
    timed = [line.rsplit("|", 1)[1].strip() for line in result.stderr.splitlines()
             if line.startswith("import time:") and "|" in line]
    ours = {name for name in timed if name.startswith(("danvan", "_danvan"))}
    return sorted({*result.stdout.split(), *ours})


def test_import_hypothesis_imports_no_danvan_module() -> None:
    """``import hypothesis`` runs danvan's plugin without importing any danvan module."""
    loaded = _imported_by("import hypothesis")
    assert "_danvan_hypothesis" in loaded  # the plugin did run
    assert [m for m in loaded if m == "danvan" or m.startswith("danvan.")] == []


@pytest.mark.parametrize("order", ["hypothesis first", "danvan first"])
def test_from_type_works_whichever_is_imported_first(order: str) -> None:
    """``st.from_type`` draws valid danvan records whether hypothesis or danvan came first."""
    first, second = "import hypothesis", "import danvan.records"
    if order == "danvan first":
        first, second = second, first
    code = (f"{first}\n{second}\n"
            "from hypothesis import strategies as st\n"
            "from danvan.records import Petition\n"
            "p = st.from_type(Petition).example()\n"
            "assert isinstance(p, Petition), p\n")
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)


def test_import_danvan_loads_no_feature() -> None:
    """``import danvan`` imports only the package root and its lazy-name helpers."""
    loaded = [m for m in _imported_by("import danvan") if m.startswith("danvan")]
    assert sorted(loaded) == ["danvan", "danvan._lazy", "danvan._version"]


def test_package_names_and_type_checking_imports_agree() -> None:
    """Each package's lazy names are exactly those it imports under TYPE_CHECKING."""
    for module, path in MODULES.items():
        if path.name != "__init__.py" or "attach(" not in path.read_text(encoding="utf-8"):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        typed = {alias.asname or alias.name for node in ast.walk(tree)
                 if isinstance(node, ast.If) and getattr(node.test, "id", "") == "TYPE_CHECKING"
                 for sub in node.body if isinstance(sub, ast.ImportFrom) for alias in sub.names}
        package = __import__(module, fromlist=["__all__"])
        assert set(package.__all__) - {"__version__"} == typed, module


def test_the_flat_layouts_module_names_still_import() -> None:
    """``danvan.claims`` and the other former module paths give the modules now in subpackages."""
    import danvan

    for old, new in danvan._MOVED.items():
        module = __import__(f"danvan.{old}", fromlist=["__name__"])
        assert module is sys.modules[new]
        assert module.__name__ == new
        assert getattr(danvan, old) is module
