"""Build danvan's tables of Vietnam's administrative units.

Sources: the MIT-licensed ``vietnamadminunits`` package (the units of 30 June
2025, those of the reform and its successions) and the statistics office's
published lists of 2019–2025 (``--history``, read by ``vietnam_history.py``
beside this script). Run with an interpreter that has ``vietnamadminunits``
installed, outside danvan's own environment (danvan never imports this script)::

    python3 -m venv /tmp/vau && /tmp/vau/bin/pip install vietnamadminunits==1.0.4
    /tmp/vau/bin/python scripts/build_vietnam_units.py \
        --history ../shared/data/units-history/gso_unit_snapshots.csv.gz

It writes, under ``src/danvan/vietnam/_data/``:

* ``units.csv.gz``: one row per unit version: ``code, parent, admin_type, name,
  short_name, valid_from, valid_to`` (``admin_type`` is a
  :class:`danvan.records.vocabulary.AdminType` code; the level follows from it; ``name``
  is empty when it is the type word followed by the short name).
* ``successions.csv.gz``: one row per succession: ``on, basis, predecessors,
  successors`` (codes separated by spaces; the first successor is the default).
* ``PROVENANCE.md`` and ``LICENSE-vietnamadminunits.txt``.

Decisions, applied the same way on every run (each is listed in PROVENANCE.md):

1. Units before the reform end on 1 July 2025 (``valid_to``, exclusive); units
   after it start on that day. A code kept across the reform (every surviving
   province, Quyết định 19/2025/QĐ-TTg; most communes) gets two versions.
2. Every old province is a predecessor of its new province (Nghị quyết
   202/2025/QH15), the 11 unchanged provinces included, so that every old
   province has a successor.
3. A commune that passed whole into a new commune is a predecessor in that new
   commune's merger succession; a commune divided between several new communes
   has its own split succession, default first. The default is the source's
   ``isDefaultNewWard``, except when one successor kept the old commune's code:
   a kept code names the same unit, so that successor is the default.
4. The five island districts without communes (Bạch Long Vĩ, Cồn Cỏ, Hoàng Sa,
   Lý Sơn, Côn Đảo) are predecessors of the special zones (đặc khu) they became.
   No other district has a successor: the district tier was abolished.
5. The kind of a unit comes from the prefix of its full name when the source's
   type column disagrees with it; type words in names are written as in
   official lists ("Thành phố", not "Thành Phố"); the source's disambiguating
   suffix in short names ("Yên Viên (Thị trấn)") is dropped.
6. The successor sets of :data:`SUCCESSOR_FIXES` follow the provinces'
   resolutions, and the codes of :data:`CODE_FIXES` Công văn 1027/CTK-CSCL.
7. The units of 30 June 2025 are the last state of the history built from the
   lists (see ``vietnam_history.py``): their earlier versions, and the units
   and mergers of 2019–2025, come from the lists.

The source does not give the resolution (1654–1687/NQ-UBTVQH15) behind each
commune merger, so commune successions carry no ``basis``.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import gzip
import importlib.metadata
import io
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from vietnam_history import History, read_lists, unit_rows

REFORM = dt.date(2025, 7, 1)
#: The units of the 2025 source hold on the last day before the reform; changes
#: seen only against that source (after the last published list) carry this date.
SOURCE_DAY = REFORM - dt.timedelta(days=1)
PROVINCE_BASIS = "202/2025/QH15"
OUT = Path(__file__).resolve().parent.parent / "src" / "danvan" / "vietnam" / "_data"

# The type word that opens a full name, per level and AdminType code, in the order
# PROVENANCE.md counts them; ``danvan.vietnam`` rebuilds ``name`` as "<word> <short_name>"
# when the ``name`` column is empty. Every other table of type words is built from this one.
TYPE_WORDS = {
    "province": {"province": "Tỉnh", "central_city": "Thành phố"},
    "district": {
        "rural_district": "Huyện",
        "urban_district": "Quận",
        "district_town": "Thị xã",
        "provincial_city": "Thành phố",
    },
    "commune": {"commune": "Xã", "ward": "Phường", "township": "Thị trấn", "special_zone": "Đặc khu"},
}
NAME_WORDS = {code: word for words in TYPE_WORDS.values() for code, word in words.items()}


def _opening(level: str) -> tuple[tuple[str, str], ...]:
    """``(word, AdminType code)`` of ``level``, longest word first."""
    return tuple(sorted(((w, c) for c, w in TYPE_WORDS[level].items()), key=lambda wc: -len(wc[0])))


PROVINCE_TYPES = _opening("province")
DISTRICT_TYPES = _opening("district")
COMMUNE_TYPES = _opening("commune")
# The source's type column -> AdminType code, for the words that name one kind only
# ("Thành phố" fits two kinds: the name decides).
TYPE_CODES = {
    word: code for code, word in NAME_WORDS.items()
    if list(NAME_WORDS.values()).count(word) == 1
}
SUFFIX = re.compile(r"\s*\((?:" + "|".join(map(re.escape, dict.fromkeys(NAME_WORDS.values()))) + r")\)$")

Row = tuple[str, str, str, str, str, str, str]

#: Successor sets of divided communes corrected against the clauses of the
#: provinces' resolutions (law-audit §4.3): old code -> (successors, default
#: first; the resolution). The source conflates same-named old communes of one
#: new province and lists each as divided between both successors (29), and
#: misses one part of Văn Khê.
SUCCESSOR_FIXES: dict[str, tuple[tuple[str, ...], str]] = {
    # 1656/NQ-UBTVQH15 (Hà Nội), khoản 107, 118-120: "một phần diện tích tự nhiên của
    # xã Văn Khê ... thành xã mới có tên gọi là xã Ô Diên" besides Mê Linh, Yên Lãng, Tiến Thắng.
    "09013": (("08980", "08995", "09022", "09817"), "1656/NQ-UBTVQH15"),
    # 1672/NQ-UBTVQH15 (Lạng Sơn), khoản 10: Hồng Phong (huyện Bình Gia) and Minh Khai
    # -> xã Hồng Phong; khoản 58 names the Hồng Phong of Cao Lộc (-> Đồng Đăng).
    "06079": (("06079",), "1672/NQ-UBTVQH15"),
    # 1669/NQ-UBTVQH15 (Hải Phòng): the Hòa Bình of Vĩnh Bảo -> xã Nguyễn Bỉnh Khiêm
    # only; the Hòa Bình of Kim Thành -> Kim Thành and Hà Nam.
    "10798": (("10843", "10804"), "1669/NQ-UBTVQH15"),
    "11890": (("11911",), "1669/NQ-UBTVQH15"),
    # 1682/NQ-UBTVQH15 (Tây Ninh): Phường 4 of Tây Ninh and of Tân An, and
    # thị trấn Thủ Thừa, each into one new ward or commune.
    "25462": (("25459",), "1682/NQ-UBTVQH15"),
    "27691": (("27694",), "1682/NQ-UBTVQH15"),
    "28036": (("28036",), "1682/NQ-UBTVQH15"),
    # 1663/NQ-UBTVQH15 (Đồng Tháp), khoản 95: "Phường 1, Phường 3, Phường 4 và Phường 6
    # (thành phố Cao Lãnh) ... thành phường mới có tên gọi là phường Cao Lãnh"; those of
    # Mỹ Tho (khoản 84, 86), Cai Lậy and Sa Đéc went elsewhere.
    "28252": (("28249",), "1663/NQ-UBTVQH15"),
    "28270": (("28270",), "1663/NQ-UBTVQH15"),
    "28437": (("28435",), "1663/NQ-UBTVQH15"),
    "28439": (("28439",), "1663/NQ-UBTVQH15"),
    "29902": (("29905",), "1663/NQ-UBTVQH15"),
    "29908": (("29905",), "1663/NQ-UBTVQH15"),
    # 1687/NQ-UBTVQH15 (Vĩnh Long): Mỹ An (Mang Thít) and Hòa Lộc (Tam Bình).
    "29623": (("29623",), "1687/NQ-UBTVQH15"),
    "29734": (("29734",), "1687/NQ-UBTVQH15"),
    # 1668/NQ-UBTVQH15 (Cần Thơ): the same-named pairs Tân Thạnh, Phú Hữu, Long Phú,
    # Thạnh Quới, Tân Long, Long Bình, Thuận Hưng, and Phú Tân.
    "31246": (("31246",), "1668/NQ-UBTVQH15"),
    "31268": (("31288",), "1668/NQ-UBTVQH15"),
    "31378": (("31378",), "1668/NQ-UBTVQH15"),
    "31438": (("31408",), "1668/NQ-UBTVQH15"),
    "31474": (("31473",), "1668/NQ-UBTVQH15"),
    "31480": (("31480",), "1668/NQ-UBTVQH15"),
    "31483": (("31495",), "1668/NQ-UBTVQH15"),
    "31582": (("31582",), "1668/NQ-UBTVQH15"),
    "31606": (("31591",), "1668/NQ-UBTVQH15"),
    "31657": (("31654",), "1668/NQ-UBTVQH15"),
    "31666": (("31666",), "1668/NQ-UBTVQH15"),
    "31669": (("31639",), "1668/NQ-UBTVQH15"),
    "31714": (("31726",), "1668/NQ-UBTVQH15"),
    "31741": (("31741",), "1668/NQ-UBTVQH15"),
    "31744": (("31741",), "1668/NQ-UBTVQH15"),
}

#: New communes whose code the source gives differently from Công văn 1027/CTK-CSCL
#: (25/6/2025), the statistics office's list of the 3.321 codes: source -> official.
#: The official 23737 was the code of the old Ia Mơ Nông (merged into Ia Ly).
CODE_FIXES = {"23938": "23737"}  # Xã Ia Mơ (Gia Lai)


class Build:
    """The tables being built, with the notes that go into PROVENANCE.md."""

    def __init__(self) -> None:
        self.units: list[Row] = []
        self.successions: list[tuple[str, str, str, str]] = []
        self.notes: dict[str, list[str]] = defaultdict(list)

    def name(self, raw: str, types: tuple[tuple[str, str], ...], source_type: str | None,
             code: str) -> tuple[str, str]:
        """The full name with its type words as in official lists, and its AdminType code."""
        for word, type_code in types:
            if raw.casefold().startswith(word.casefold() + " "):
                name = word + raw[len(word):]
                if name != raw:
                    self.notes["spelling of type words"].append(f"{code}: {raw!r} -> {name!r}")
                # "Thành phố" (and a missing type) fits several kinds: the name decides.
                expected = TYPE_CODES.get(source_type or "", type_code)
                if expected != type_code:
                    self.notes["kind taken from the name"].append(
                        f"{code} {name}: source type {source_type!r}"
                    )
                return name, type_code
        raise SystemExit(f"unit {code}: no known type word in {raw!r}")

    def short(self, raw: str | None, code: str) -> str:
        """The short name without the source's disambiguating suffix."""
        text = (raw or "").strip()
        cleaned = SUFFIX.sub("", text)
        if cleaned != text:
            self.notes["suffix dropped from short names"].append(f"{code}: {text!r}")
        return cleaned

    def add(self, code: str, parent: str, admin_type: str, name: str, short: str,
            new: bool) -> None:
        valid_from, valid_to = (REFORM.isoformat(), "") if new else ("", REFORM.isoformat())
        self.units.append((code, parent, admin_type, name, short, valid_from, valid_to))


def legacy(build: Build, rows: list[dict[str, Any]]) -> dict[str, str]:
    """Add the 63 provinces, their districts and communes; return key -> code."""
    seen: set[str] = set()
    codes: dict[str, str] = {}
    order = sorted(rows, key=lambda r: (r["provinceCode"], r["districtCode"], r["wardCode"] or ""))
    for row in order:
        province, district, ward = row["provinceCode"], row["districtCode"], row["wardCode"]
        if province not in seen:
            seen.add(province)
            name, kind = build.name(row["province"], PROVINCE_TYPES, None, province)
            short = build.short(row["provinceShort"], province)
            build.add(province, "VN", kind, name, short, False)
        if district not in seen:
            seen.add(district)
            name, kind = build.name(row["district"], DISTRICT_TYPES, row["districtType"], district)
            build.add(district, province, kind, name, build.short(row["districtShort"], district),
                      False)
        key = f"{row['provinceKey']}_{row['districtKey']}_{row['wardKey'] or ''}"
        if ward is None:
            codes[key] = district
            continue
        name, kind = build.name(row["ward"], COMMUNE_TYPES, row["wardType"], ward)
        build.add(ward, district, kind, name, build.short(row["wardShort"], ward), False)
        codes[key] = ward
    return codes


def current(build: Build, rows: list[dict[str, Any]],
            ) -> tuple[dict[str, str], dict[tuple[str, str], str]]:
    """Add the 34 provinces and 3.321 communes; return their keys -> codes."""
    provinces: dict[str, str] = {}
    communes: dict[tuple[str, str], str] = {}
    for row in sorted(rows, key=lambda r: (r["provinceCode"], r["wardCode"])):
        province, ward = row["provinceCode"], row["wardCode"]
        if ward in CODE_FIXES:
            build.notes["code as in Công văn 1027/CTK-CSCL"].append(
                f"{row['ward']}: source {ward}, official {CODE_FIXES[ward]}")
            ward = CODE_FIXES[ward]
        if row["provinceKey"] not in provinces:
            provinces[row["provinceKey"]] = province
            name, kind = build.name(row["province"], PROVINCE_TYPES, None, province)
            build.add(province, "VN", kind, name, build.short(row["provinceShort"], province), True)
        name, kind = build.name(row["ward"], COMMUNE_TYPES, row["wardType"], ward)
        build.add(ward, province, kind, name, build.short(row["wardShort"], ward), True)
        communes[(row["provinceKey"], row["wardKey"])] = ward
    return provinces, communes


def successions(build: Build, data: dict[str, Any], old_codes: dict[str, str],
                old_provinces: dict[str, str], new_provinces: dict[str, str],
                new_communes: dict[tuple[str, str], str]) -> None:
    """Add the province successions, the commune mergers and the commune splits."""
    on = REFORM.isoformat()
    for key, olds in sorted(data["DICT_PROVINCE"].items(), key=lambda kv: new_provinces[kv[0]]):
        predecessors = sorted(old_provinces[k] for k in olds)
        build.successions.append((on, PROVINCE_BASIS, " ".join(predecessors), new_provinces[key]))
    mergers: list[tuple[str, str, str, str]] = []
    for province_key, wards in data["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
        for ward_key, olds in wards.items():
            new = new_communes[(province_key, ward_key)]
            mergers.append((on, "", " ".join(sorted(old_codes[k] for k in olds)), new))
    splits: list[tuple[str, str, str, str]] = []
    whole: dict[str, list[str]] = defaultdict(list)
    for province_key, divided in data["DICT_PROVINCE_WARD_DIVIDED"].items():
        for old_key, targets in divided.items():
            old = old_codes[old_key]
            ordered = sorted(targets, key=lambda t: (not t["isDefaultNewWard"],
                                                     new_communes[(province_key, t["newWardKey"])]))
            codes = [new_communes[(province_key, t["newWardKey"])] for t in ordered]
            if sum(t["isDefaultNewWard"] for t in targets) != 1:
                raise SystemExit(f"commune {old}: expected one default successor")
            if old in codes and codes[0] != old:
                build.notes["default successor: the one that kept the code"].append(
                    f"{old}: source default {codes[0]}"
                )
                codes.remove(old)
                codes.insert(0, old)
            if old in SUCCESSOR_FIXES:
                fixed, basis = SUCCESSOR_FIXES[old]
                build.notes["successors as in the resolution"].append(
                    f"{old}: source {' '.join(codes)}, {basis}: {' '.join(fixed)}")
                codes = list(fixed)
            if len(codes) == 1:  # passed whole into one new commune after all
                whole[codes[0]].append(old)
                continue
            splits.append((on, "", old, " ".join(codes)))
    for index, (day, basis, olds, new) in enumerate(mergers):
        if whole.get(new):
            mergers[index] = (day, basis, " ".join(sorted([*olds.split(), *whole.pop(new)])), new)
    mergers.extend((on, "", " ".join(sorted(olds)), new) for new, olds in whole.items())
    build.successions.extend(sorted(mergers, key=lambda s: s[3]))
    build.successions.extend(sorted(splits, key=lambda s: s[2]))


def write_gzip(path: Path, header: tuple[str, ...], rows: list[Any]) -> None:
    """A gzip-compressed CSV file, byte-identical from run to run."""
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    with path.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0,
                                                compresslevel=9, filename="") as out:
        out.write(text.getvalue().encode("utf-8"))


def holds(row: Row, day: dt.date) -> bool:
    """Whether the unit version ``row`` holds on ``day``."""
    valid_from, valid_to = row[5], row[6]
    return (not valid_from or valid_from <= day.isoformat()) and (
        not valid_to or day.isoformat() < valid_to)


def provenance(build: Build, version: str, history: History) -> str:
    """The text of PROVENANCE.md."""
    kinds = Counter((u[2], holds(u, REFORM)) for u in build.units if holds(u, SOURCE_DAY)
                    or holds(u, REFORM))
    lists = [day for day, _ in history.states[:-1]]
    lines = [
        "# Vietnam's administrative units: provenance",
        "",
        "Built by `scripts/build_vietnam_units.py` from two sources.",
        "",
        "## Units of 2019–2025: the General Statistics Office's lists",
        "",
        "The statistics office's list of administrative units (Tổng cục Thống kê, "
        "Danh mục đơn vị hành chính Việt Nam, danhmuchanhchinh.gso.gov.vn) as published at "
        f"{len(lists)} dates, {lists[0]:%d/%m/%Y} to {lists[-1]:%d/%m/%Y}: "
        + ", ".join(f"{d:%d/%m/%Y}" for d in lists) + ". "
        "The lists (code, name, type, parent) were read from their copies over time in the "
        "public repository daohoangson/dvhcvn (`data/dvhcvn.json`, one commit per update); "
        "only these official facts are used, none of that repository's files is shipped.",
        "",
        "Consecutive lists are compared (see `scripts/vietnam_history.py`): a changed type, "
        "name or parent is a new version of the same code; a new code is a new unit; a code "
        "that disappears went into another unit, a merger the build **infers** by parent, "
        "name and code, since the lists do not say which unit took it. A change is dated by "
        "its resolution's effective date where one is cited, otherwise by the date of the "
        "first list that shows it (the change took effect in the interval since the previous "
        "list); such successions have no `basis`. Changes seen only against the 2025 source "
        f"are dated {SOURCE_DAY:%d/%m/%Y}.",
        "",
        "| what | count |",
        "|---|---|",
    ]
    lines += [f"| {what} | {count} |" for what, count in sorted(history.notes.items())]
    lines += [
        "",
        "## Units of 30 June 2025 and of the reform: `vietnamadminunits`",
        "",
        f"The Python package [`vietnamadminunits`](https://pypi.org/project/vietnamadminunits/) "
        f"{version} (Tran Ngoc Minh Hieu, <https://github.com/tranngocminhhieu/vietnamadminunits>), "
        "MIT License: see `LICENSE-vietnamadminunits.txt` beside this file. "
        "The package's data come from danhmuchanhchinh.gso.gov.vn and sapnhap.bando.com.vn "
        "(the package's own account).",
        "",
        "Tables used: `admin_units_legacy` (63 provinces, before 1 July 2025), "
        "`admin_units` (34 provinces, from 1 July 2025) and `converter_2025.json` "
        "(which old province and commune became which new one; for a divided commune, "
        "every new commune that took a part and the default one).",
        "",
        "## Counts",
        "",
        "| kind | 30 June 2025 | from 1 July 2025 |",
        "|---|---|---|",
    ]
    for code in NAME_WORDS:
        lines.append(f"| {code} | {kinds[(code, False)]} | {kinds[(code, True)]} |")
    reform = [s for s in build.successions if s[0] == REFORM.isoformat()]
    split_count = sum(1 for s in reform if not s[1] and " " in s[3])
    lines += [
        "",
        f"Unit versions: {len(build.units)}. Successions: {len(build.successions)}, of which "
        f"{len(reform)} on 1 July 2025 (34 provinces under Nghị quyết {PROVINCE_BASIS}; commune "
        f"mergers; {split_count} divided communes).",
        "",
        "## What the sources do not give",
        "",
        "- The resolution of the Standing Committee of the National Assembly "
        "(1654–1687/NQ-UBTVQH15) behind each 2025 commune merger: those successions "
        "have no `basis` (the corrected ones below cite theirs here).",
        "- Which unit took a commune merged before 2025, and the exact date, except where "
        "cited: both are inferred from the lists, as said above.",
        "- When units came into being before 11/9/2019: those have no `valid_from`.",
        "- Successors of districts abolished on 1 July 2025: the district tier was "
        "abolished; only the five island districts without communes have one (the special "
        "zone they became).",
        "- Which part of a divided commune went where: a divided commune lists every new "
        "commune that took a part of it; the default is the source's choice (by area and "
        "position), except as noted below.",
        "",
        "## Corrections applied to the sources",
        "",
    ]
    for title, items in build.notes.items():
        lines.append(f"### {title[0].upper()}{title[1:]} ({len(items)})")
        lines.append("")
        lines += [f"- {item}" for item in items]
        lines.append("")
    return "\n".join(lines)


def add_history(build: Build, path: Path) -> History:
    """Replace the units before the reform by their versions since 2019, from the lists at ``path``."""
    states = read_lists(path)
    final = {u[0]: (u[2], u[1], u[3], u[4]) for u in build.units if u[6] == REFORM.isoformat()}
    last = states[-1][1]
    history_spellings: list[str] = []
    for code, attrs in final.items():
        listed = last.get(code)
        if listed and listed != attrs and listed[1] == attrs[1]:
            history_spellings.append(code)
            for _, state in states:
                if state.get(code) == listed:
                    state[code] = attrs
    states.append((SOURCE_DAY, final))
    history = History(states)
    history.notes["names or types of the last list read as spelt in the 2025 source"] = len(
        history_spellings)
    history.run()
    build.units = [*unit_rows(history, REFORM), *(u for u in build.units if u[5])]
    build.successions = [*history.successions, *build.successions]
    return history


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--history", type=Path, required=True,
                        help="the statistics office's lists, e.g. "
                             "../shared/data/units-history/gso_unit_snapshots.csv.gz")
    args = parser.parse_args()
    from vietnamadminunits.converter import converter_2025
    from vietnamadminunits.database import query

    version = importlib.metadata.version("vietnamadminunits")
    dist = importlib.metadata.distribution("vietnamadminunits")
    license_text = dist.read_text("licenses/LICENSE") or dist.read_text("LICENSE")
    if not license_text:
        raise SystemExit("vietnamadminunits: license text not found")
    build = Build()
    old_rows = query("SELECT * FROM admin_units_legacy")
    new_rows = query("SELECT * FROM admin_units")
    old_codes = legacy(build, old_rows)
    old_provinces = {r["provinceKey"]: r["provinceCode"] for r in old_rows}
    new_provinces, new_communes = current(build, new_rows)
    data = {
        "DICT_PROVINCE": converter_2025.DICT_PROVINCE,
        "DICT_PROVINCE_WARD_NO_DIVIDED": converter_2025.DICT_PROVINCE_WARD_NO_DIVIDED,
        "DICT_PROVINCE_WARD_DIVIDED": converter_2025.DICT_PROVINCE_WARD_DIVIDED,
    }
    successions(build, data, old_codes, old_provinces, new_provinces, new_communes)
    history = add_history(build, args.history)
    OUT.mkdir(parents=True, exist_ok=True)
    compact = [
        (code, parent, kind, "" if name == f"{NAME_WORDS[kind]} {short}" else name, short, *dates)
        for code, parent, kind, name, short, *dates in build.units
    ]
    write_gzip(OUT / "units.csv.gz",
               ("code", "parent", "admin_type", "name", "short_name", "valid_from", "valid_to"),
               compact)
    write_gzip(OUT / "successions.csv.gz", ("on", "basis", "predecessors", "successors"),
               build.successions)
    (OUT / "PROVENANCE.md").write_text(provenance(build, version, history), encoding="utf-8")
    (OUT / "LICENSE-vietnamadminunits.txt").write_text(license_text, encoding="utf-8")
    print(f"{len(build.units)} unit versions, {len(build.successions)} successions -> {OUT}",
          file=sys.stderr)


if __name__ == "__main__":
    main()
