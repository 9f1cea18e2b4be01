"""The example datasets, installed with danvan: ``danvan.examples.load("tam_nong")``.

They are the record-level datasets of ``docs/example-data.md`` (the repository's
``examples/data/``, copied into the wheel at build time). A dataset is named by
its place (``tam_nong``) or by its file's stem (``tam_nong_2016_2021``):

>>> names()
('an_bien', 'dien_bien', 'tam_nong', 'tuyen_hoa')
>>> path("tam_nong").name
'tam_nong_2016_2021.json'
>>> len(load("tam_nong").units) > 0
True
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from danvan.errors import FieldError

if TYPE_CHECKING:
    from danvan.records.dataset import Dataset

__all__ = ["load", "names", "path"]

#: Where the wheel puts the files, and where a source checkout (an editable install) has them.
_INSTALLED = Path(__file__).with_name("example_data")
_SOURCE = Path(__file__).resolve().parents[2] / "examples" / "data"
_YEARS = re.compile(r"(?:_[0-9]{4})+$")


def _folder() -> Path:
    return _INSTALLED if _INSTALLED.is_dir() else _SOURCE


def _files() -> dict[str, Path]:
    found = sorted(_folder().glob("*.json"))
    return {_YEARS.sub("", file.stem): file for file in found} | {file.stem: file for file in found}


def names() -> tuple[str, ...]:
    """The short names of the datasets, sorted."""
    return tuple(sorted(_YEARS.sub("", file.stem) for file in _folder().glob("*.json")))


def path(name: str) -> Path:
    """The JSON file of the dataset ``name`` (``tam_nong`` or ``tam_nong_2016_2021``)."""
    files = _files()
    if not isinstance(name, str) or name not in files:
        raise FieldError("name", name, f"expected an example dataset: {', '.join(names())}")
    return files[name]


def load(name: str) -> Dataset:
    """The dataset ``name``, read with :func:`danvan.loads`."""
    from danvan.records.dataset import Dataset
    from danvan.records.serialization import loads

    return loads(path(name).read_bytes(), Dataset)
