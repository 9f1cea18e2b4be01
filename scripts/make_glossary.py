"""Regenerate the vocabulary tables of docs/glossary.md from danvan.records.vocabulary.

Run ``python scripts/make_glossary.py > docs/_vocabulary.md``; a test checks that
docs/glossary.md names every member, so a new term cannot go undocumented.
"""

from __future__ import annotations

from danvan.records import vocabulary
from danvan.values.numbers import Rounding


def main() -> None:
    """Print one Markdown table per enumeration."""
    enums = [getattr(vocabulary, name) for name in vocabulary.__all__ if name != "Term"]
    for enum in [*enums, Rounding]:
        doc = (enum.__doc__ or "").strip().splitlines()[0]
        print(f"### `{enum.__name__}` — {doc}\n")
        print("| English (API) | code (JSON) | Vietnamese | also read |")
        print("|---|---|---|---|")
        for member in enum:
            aliases = ", ".join(member.aliases)
            print(f"| `{member.name}` | `{member.code}` | {member.label} | {aliases} |")
        print()


if __name__ == "__main__":
    main()
