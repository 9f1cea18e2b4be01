"""Text normalisation shared by lookups: NFC for storage, folding for matching."""

from __future__ import annotations

import re
import unicodedata

__all__ = ["fold", "nfc"]

# Applied after white space is collapsed, so that no run of spaces is rescanned
# from each of its positions (a ``\s*`` prefix made this quadratic).
_DASHES = re.compile(r" ?[-‐‑‒–—―] ?")
_SPACES = re.compile(r"\s+")


def nfc(text: str) -> str:
    """``text`` in Unicode NFC, the form danvan stores Vietnamese in."""
    return unicodedata.normalize("NFC", text)


def fold(text: str) -> str:
    """A matching key: no diacritics, ``đ`` as ``d``, case-folded, dashes and spaces unified.

    >>> fold("Văn hóa – Xã hội") == fold("van hoa - xa hoi")
    True
    >>> fold("Đoàn TNCS")
    'doan tncs'
    """
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    spaced = _SPACES.sub(" ", stripped.casefold())
    return _SPACES.sub(" ", _DASHES.sub(" - ", spaced)).strip()
