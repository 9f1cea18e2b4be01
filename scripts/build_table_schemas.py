"""Write the published table schemas to docs/schemas/: python scripts/build_table_schemas.py.

One Frictionless Table Schema (``<table>.json``) and one JSON Schema of a row
(``<table>.schema.json``) per table of :data:`danvan.tables.TABLES`, generated
from :mod:`danvan.tables.schema`; ``tests/tables/test_schema.py`` checks they
are current.
"""

from __future__ import annotations

import json
from pathlib import Path

from danvan.tables.schema import TABLES, json_schema, table_schema

OUT = Path(__file__).resolve().parents[1] / "docs" / "schemas"


def rendered() -> dict[str, str]:
    """File name → text of every published schema."""
    files: dict[str, str] = {}
    for t in TABLES:
        for suffix, make in ((".json", table_schema), (".schema.json", json_schema)):
            files[t.name + suffix] = json.dumps(make(t.name), ensure_ascii=False, indent=1) + "\n"
    return files


def main() -> None:
    """Write every schema."""
    OUT.mkdir(parents=True, exist_ok=True)
    for name, text in rendered().items():
        (OUT / name).write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
