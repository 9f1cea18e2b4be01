"""Sphinx configuration of the danvan docs site: MyST pages, furo, autodoc, the executed tutorial.

Build: ``pip install -e '.[docs]' && python -m sphinx -W --keep-going -b html docs docs/_build/html``.
Every page of docs/ is in the site (index.md's toctree is a glob), the API reference is
generated from the docstrings (api.md) and tutorial.ipynb is executed on every build.
"""

from __future__ import annotations

import danvan

project = "danvan"
author = "danvan developers"
copyright = "danvan developers"
release = version = danvan.__version__

extensions = [
    "myst_nb",  # Markdown pages (MyST) and notebooks, executed
    "sphinx.ext.autodoc",
    "sphinx.ext.viewcode",
]
source_suffix = {".md": "myst-nb", ".ipynb": "myst-nb"}
exclude_patterns = ["_build", "**.ipynb_checkpoints"]
root_doc = "index"

html_theme = "furo"
html_title = f"danvan {release}"

myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3
# The pages were written for GitHub, where a page may start its sections at any level.
suppress_warnings = ["myst.header"]

# The tutorial runs on every build, headless; an error in a cell fails the build.
nb_execution_mode = "force"
nb_execution_raise_on_error = True
nb_execution_timeout = 120
nb_execution_show_tb = True

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True, "show-inheritance": True}


def _api_page() -> str:
    """The API reference: every public module (no part starting with ``_``), found anew each build.

    A package's lazy names are documented once, in the module that defines them, so a
    package shows only its docstring.
    """
    import pkgutil

    lines = ["# API reference", "", "Generated from the docstrings of every public module.", ""]
    for info in sorted(pkgutil.walk_packages(danvan.__path__, "danvan."), key=lambda i: i.name):
        if any(part.startswith("_") for part in info.name.split(".")):
            continue
        options = "   :no-members:" if info.ispkg else ""
        # autodoc is a reStructuredText directive: MyST runs it through eval-rst.
        lines += [f"## `{info.name}`", "", "```{eval-rst}", f".. automodule:: {info.name}", options,
                  "```", ""]
    return "\n".join(lines)


def _write_api_page() -> None:
    from pathlib import Path

    page = Path(__file__).with_name("api.md")  # generated, not committed (.gitignore)
    text = _api_page()
    if not page.exists() or page.read_text(encoding="utf-8") != text:
        page.write_text(text, encoding="utf-8")


_write_api_page()
