"""Unit versions and successions of 2019–2025 from the statistics office's published lists.

Used by ``scripts/build_vietnam_units.py`` (``--history PATH``). The input is a
gzip-compressed CSV of the General Statistics Office's list of administrative
units (Danh mục đơn vị hành chính Việt Nam) at several dates, one row per unit
per list: ``snapshot`` (dd/mm/yyyy), ``level``, ``code``, ``name``, ``type``,
``parent``. Consecutive lists are compared, then the last list with the units
of 30 June 2025 (the 2025 source's snapshot):

* a code whose type, name or parent changed gets a new version from the date
  of the change (an upgrade xã → phường, a rename, a move to another district);
* a code that disappears went into another unit (a merger): the lists do not
  say which, so the build infers it, in this order, among the units of the
  next list under the same parent (or, when the parent itself went, among the
  units its former siblings now share a parent with, then the province):
  a unit whose name begins with the disappeared one's name ("Long Khánh A" →
  "Long Khánh"), else a unit that changed at that date (new code, new name or
  type: the merged unit), else any; the nearest code wins (codes are numbered
  along the map). A district that disappears goes to the district that most of
  its communes went to;
* a change is dated by the resolution's effective date where one is cited in
  :data:`RESOLUTIONS`, otherwise by the date of the first list that shows it:
  the change took effect in the interval since the previous list.

Differences between the last published list and the 2025 source in the name
or type of a unit that kept its code and parent are spellings of the two
sources (198 names, e.g. "Xà Phìn" and "Sà Phìn"), not changes: the 2025
source's version then holds from the start of that last run.
"""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

# The list's type word -> (level, AdminType code).
TYPES = {
    ("1", "Tỉnh"): "province",
    ("1", "Thành phố Trung ương"): "central_city",
    ("2", "Huyện"): "rural_district",
    ("2", "Quận"): "urban_district",
    ("2", "Thị xã"): "district_town",
    ("2", "Thành phố"): "provincial_city",
    ("3", "Xã"): "commune",
    ("3", "Phường"): "ward",
    ("3", "Thị trấn"): "township",
}

#: Changes whose resolution and effective date are cited: (province code, date of
#: the first list that shows the change) -> (basis, effective date).
RESOLUTIONS: dict[tuple[str, dt.date], tuple[str, dt.date]] = {
    # Nghị quyết 828/NQ-UBTVQH14 (17/12/2019) on the commune units of Phú Thọ,
    # in force from 1 January 2020 (Điều 3): Tam Nông's 20 communes became 12.
    ("25", dt.date(2020, 1, 1)): ("828/NQ-UBTVQH14", dt.date(2020, 1, 1)),
}

# (AdminType code, parent, name, short name)
Attrs = tuple[str, str, str, str]


def fold(text: str) -> str:
    """A name without diacritics or case, for matching names."""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return re.sub(r"\s+", " ", "".join(c for c in text if not unicodedata.combining(c))).casefold()


def _kind(level: str, listed: str, name: str) -> tuple[str, str]:
    """The AdminType code and type word of a listed unit: the name's opening word decides
    when the listed type disagrees with it ("Phường 5" listed as a "Xã")."""
    words = sorted((w for lv, w in TYPES if lv == level), key=len, reverse=True)
    for word in (listed, *words):
        shown = word.removesuffix(" Trung ương")
        if name.casefold().startswith(shown.casefold() + " "):
            return TYPES[level, word], shown
    raise SystemExit(f"{name!r}: no type word of level {level}")


def read_lists(path: Path) -> list[tuple[dt.date, dict[str, Attrs]]]:
    """The published lists, oldest first: date -> code -> attributes."""
    lists: dict[dt.date, dict[str, Attrs]] = defaultdict(dict)
    with gzip.open(path, "rt", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            day = dt.datetime.strptime(row["snapshot"], "%d/%m/%Y").date()
            raw = unicodedata.normalize("NFC", " ".join(row["name"].split()))  # "Phường  An Lạc"
            kind, word = _kind(row["level"], row["type"], raw)
            name = word + raw[len(word):]  # "Thành Phố Bắc Kạn" as lists mostly write it
            lists[day][row["code"]] = (kind, row["parent"] or "VN", name, name[len(word) + 1:])
    return sorted(lists.items())


def _province(code: str, state: dict[str, Attrs]) -> str:
    while state[code][1] != "VN":
        code = state[code][1]
    return code


class History:
    """Versions and successions over a sequence of states (each: code -> attributes)."""

    def __init__(self, states: list[tuple[dt.date, dict[str, Attrs]]]) -> None:
        self.states = states
        self.notes: Counter[str] = Counter()
        # code -> [(valid_from, valid_to, attrs)], dates None for open ends
        self.versions: dict[str, list[list[object]]] = defaultdict(list)
        # (on, basis, predecessors, successors)
        self.successions: list[tuple[str, str, str, str]] = []

    def effective(self, province: str, day: dt.date) -> tuple[str, dt.date]:
        """The cited basis and date of a change first listed on ``day``, else ``("", day)``."""
        return RESOLUTIONS.get((province, day), ("", day))

    def run(self) -> None:
        _, first = self.states[0]
        for code, attrs in first.items():
            self.versions[code].append([None, None, attrs])
        for (_, before), (day, after) in zip(self.states, self.states[1:], strict=False):
            self.step(before, day, after)

    def step(self, before: dict[str, Attrs], day: dt.date, after: dict[str, Attrs]) -> None:
        """Record what changed between two consecutive states, the second dated ``day``."""
        gone = [code for code in before if code not in after]
        new = {code for code in after if code not in before}
        changed = {code for code in after if code in before and after[code] != before[code]}
        for code in sorted(changed):
            province = _province(code, after)
            _, on = self.effective(province, day)
            self.versions[code][-1][1] = on
            self.versions[code].append([on, None, after[code]])
            self.notes["new versions"] += 1
        for code in sorted(new):
            province = _province(code, after)
            _, on = self.effective(province, day)
            self.versions[code].append([on, None, after[code]])
            self.notes["new units"] += 1
        # Communes first: a district's successor follows its communes.
        into: dict[str, str] = {}
        for code in sorted(gone, key=lambda c: -len(c)):
            into[code] = self.successor(code, before, after, changed | new, into)
        merged: dict[str, list[str]] = defaultdict(list)
        for code, target in into.items():
            merged[target].append(code)
        for target, codes in sorted(merged.items()):
            province = _province(target, after)
            basis, on = self.effective(province, day)
            for code in codes:
                self.versions[code][-1][1] = on
            # A unit that took others and changed (a new name) is a predecessor too,
            # from its old version to its new one, as in the 2025 successions.
            predecessors = sorted({*codes, target} if target in changed else set(codes))
            self.successions.append((on.isoformat(), basis, " ".join(predecessors), target))
            self.notes["mergers inferred from the lists"] += 1
            if basis:
                self.notes[f"mergers dated and cited by {basis}"] += 1

    def successor(self, code: str, before: dict[str, Attrs], after: dict[str, Attrs],
                  fresh: set[str], into: dict[str, str]) -> str:
        """The unit of ``after`` that ``code`` (gone from ``before``) most likely went into."""
        _, parent, _, short = before[code]
        level = len(code)
        same_level = [c for c in after if len(c) == level]
        if level == 2:
            raise SystemExit(f"province {code} disappeared: not handled")
        if level == 3:
            # Where most of its communes went (their next parent, or their successor's).
            votes = Counter(
                after[into.get(c, c)][1] for c, attrs in before.items()
                if attrs[1] == code and into.get(c, c) in after
            )
            if votes:
                return votes.most_common(1)[0][0]
            pool = [c for c in same_level if after[c][1] == parent]
        else:
            pool = [c for c in same_level if after[c][1] == parent]
            if not pool:  # the district went too: where its former communes are now
                siblings = {after[c][1] for c, a in before.items()
                            if a[1] == parent and c in after}
                pool = [c for c in same_level if after[c][1] in siblings]
        if not pool:
            province = _province(code, before)
            pool = [c for c in same_level if _province(c, after) == province]
        if not pool:
            raise SystemExit(f"{code}: no unit to merge into")
        named = [c for c in pool if fold(short).startswith(fold(after[c][3]) + " ")]
        changed = [c for c in pool if c in fresh]
        candidates = named or changed or pool
        self.notes["units merged, the taker found by " + (
            "name" if named else "change" if changed else "nearest code")] += 1
        return min(candidates, key=lambda c: (abs(int(c) - int(code)), c))


def unit_rows(history: History, end: dt.date) -> Iterable[tuple[str, str, str, str, str, str, str]]:
    """Rows ``code, parent, admin_type, name, short_name, valid_from, valid_to``."""
    for code in sorted(history.versions, key=lambda c: (len(c), c)):
        for valid_from, valid_to, attrs in history.versions[code]:
            kind, parent, name, short = attrs  # type: ignore[misc]
            yield (code, parent, kind, name, short,
                   valid_from.isoformat() if valid_from else "",  # type: ignore[attr-defined]
                   (valid_to or end).isoformat())  # type: ignore[attr-defined]
