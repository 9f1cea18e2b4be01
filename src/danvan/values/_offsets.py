"""NFC normalisation that keeps an offset map back to the caller's text.

A decomposed (NFD) report and its composed (NFC) copy must read the same, and
every span danvan reports must index the text exactly as the caller gave it.
:func:`nfc_with_offsets` composes each cluster (a character and the combining
marks after it) on its own, so each character of the result maps to the
cluster it came from.
"""

from __future__ import annotations

import unicodedata

__all__ = ["nfc_with_offsets"]


def nfc_with_offsets(text: str) -> tuple[str, list[int] | None]:
    """``(normalised, starts)``: ``starts[i]`` is the offset in ``text`` of the cluster that
    gave character ``i`` of ``normalised``, and ``starts[len(normalised)] == len(text)``.

    ``starts`` is ``None`` when ``text`` is already NFC (offsets are then the same).

    >>> composed, starts = nfc_with_offsets("Hoa\\u0300 5")
    >>> composed, starts
    ('Hoà 5', [0, 1, 2, 4, 5, 6])
    """
    if unicodedata.is_normalized("NFC", text):
        return text, None
    pieces: list[str] = []
    starts: list[int] = []
    n, i = len(text), 0
    combining = unicodedata.combining
    while i < n:
        j = i + 1
        while j < n and combining(text[j]):
            j += 1
        piece = unicodedata.normalize("NFC", text[i:j])
        pieces.append(piece)
        starts.extend([i] * len(piece))
        i = j
    starts.append(n)
    return "".join(pieces), starts
