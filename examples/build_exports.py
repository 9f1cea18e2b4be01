"""Write the bundled datasets as an office would export them: python examples/build_exports.py.

examples/exports/ gets, for each dataset of examples/data/, CSV files with
Vietnamese headers, Vietnamese labels and dd/mm/yyyy dates (An Biên as one
``.xlsx`` workbook instead), and the mapping (``.toml``) that reads them back
with :func:`danvan.tables.read`. Tam Nông's petitions are one flat sheet with
a status column, as case-management software exports them; the script checks
that every export reads back to exactly the dataset it came from.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from danvan.records.dataset import Dataset
from danvan.records.serialization import loads
from danvan.records.vocabulary import EventKind
from danvan.tables import read, tables_of
from danvan.tables.schema import table

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
OUT = HERE / "exports"

#: Vietnamese headers of each danvan column, by table.
HEADERS: dict[str, dict[str, str]] = {
    "units": {"code": "Mã đơn vị", "name": "Tên đơn vị", "level": "Cấp", "kind": "Loại",
              "parent": "Trực thuộc (mã)", "valid_from": "Hiệu lực từ",
              "valid_to": "Hết hiệu lực từ", "admin_type": "Loại đơn vị hành chính",
              "short_name": "Tên ngắn"},
    "successions": {"succession": "STT", "on": "Ngày hiệu lực", "basis": "Căn cứ"},
    "succession_predecessors": {"succession": "STT sắp xếp", "position": "Thứ tự",
                                "unit": "Đơn vị trước sắp xếp (mã)"},
    "succession_successors": {"succession": "STT sắp xếp", "position": "Thứ tự",
                              "unit": "Đơn vị sau sắp xếp (mã)"},
    "directives": {"number": "Số hiệu", "kind": "Loại văn bản", "issuer": "Cơ quan ban hành",
                   "issued_on": "Ngày ban hành", "title": "Trích yếu"},
    "directive_implements": {"directive": "Số hiệu", "position": "Thứ tự",
                             "implements": "Thực hiện văn bản"},
    "implementations": {"id": "Mã", "directive": "Văn bản triển khai", "unit": "Đơn vị",
                        "issued_on": "Ngày ban hành", "kind": "Loại văn bản",
                        "document": "Số hiệu kế hoạch"},
    "models": {"id": "Mã mô hình", "title": "Tên mô hình", "owner_kind": "Tập thể/cá nhân",
               "owner_name": "Chủ thể", "unit": "Đơn vị", "field": "Lĩnh vực",
               "registered_on": "Ngày đăng ký", "pilot": "Mô hình điểm",
               "discontinued_on": "Ngày ngừng"},
    "model_recognitions": {"model": "Mã mô hình", "position": "Thứ tự", "level": "Cấp công nhận",
                           "on": "Ngày công nhận", "body": "Cơ quan công nhận"},
    "model_replications": {"model": "Mã mô hình", "position": "Thứ tự",
                           "unit": "Đơn vị nhân rộng", "on": "Ngày nhân rộng"},
    "dialogues": {"id": "Mã hội nghị", "unit": "Đơn vị", "held_on": "Ngày tổ chức",
                  "chair": "Chủ trì", "mode": "Hình thức", "participants": "Số người tham gia",
                  "opinions_raised": "Số ý kiến", "answered_at_meeting": "Trả lời tại hội nghị",
                  "referred": "Chuyển cơ quan", "referred_answered": "Đã trả lời sau",
                  "basis": "Căn cứ"},
    "receptions": {"id": "Mã buổi tiếp", "unit": "Đơn vị", "on": "Ngày tiếp", "host": "Người tiếp",
                   "turns": "Số lượt", "people": "Số người", "cases": "Số vụ việc",
                   "crowd_delegations": "Số đoàn đông người", "crowd_people": "Số người trong đoàn",
                   "regular": "Định kỳ"},
    "mediations": {"id": "Mã vụ việc", "unit": "Đơn vị", "received_on": "Ngày tiếp nhận",
                   "in_jurisdiction": "Thuộc phạm vi", "mediated_on": "Ngày hòa giải",
                   "outcome": "Kết quả"},
}

#: File (or sheet) name of each table.
FILES = {"units": "don_vi", "successions": "sap_xep", "succession_predecessors": "sap_xep_truoc",
         "succession_successors": "sap_xep_sau", "directives": "van_ban",
         "directive_implements": "van_ban_thuc_hien", "implementations": "ke_hoach",
         "models": "mo_hinh", "model_recognitions": "mo_hinh_cong_nhan",
         "model_replications": "mo_hinh_nhan_rong", "dialogues": "doi_thoai",
         "petitions": "don_thu", "receptions": "tiep_cong_dan", "mediations": "hoa_giai"}
SHEETS = {"units": "Đơn vị", "models": "Mô hình", "model_recognitions": "Công nhận",
          "mediations": "Hòa giải"}

#: Flat petitions: the status a petition's last step is shown as, and the steps it stands for.
STATUSES: dict[str, tuple[str, tuple[EventKind, ...]]] = {
    "resolved": ("Đã giải quyết", (EventKind.ACCEPTED, EventKind.RESOLVED)),
    "in_progress": ("Đang giải quyết", (EventKind.ACCEPTED, EventKind.IN_PROGRESS)),
    "accepted": ("Đã thụ lý", (EventKind.ACCEPTED,)),
    "transferred": ("Chuyển đơn", (EventKind.TRANSFERRED,)),
    "declined": ("Không thụ lý", (EventKind.DECLINED,)),
    "withdrawn": ("Rút đơn", (EventKind.WITHDRAWN,)),
    "received": ("Chưa xử lý", ()),
}
PETITION_HEADERS = {"id": "Số đơn", "received_on": "Ngày nhận đơn", "kind": "Loại đơn",
                    "unit": "Đơn vị tiếp nhận", "channel": "Hình thức tiếp nhận",
                    "in_jurisdiction": "Thuộc thẩm quyền"}
STATUS_HEADERS = {"status": "Trạng thái", "date": "Ngày xử lý", "accepted": "Ngày thụ lý",
                  "extended": "Ngày gia hạn", "days": "Số ngày gia hạn",
                  "to_unit": "Chuyển đến"}


def _cell(table_name: str, column: str, value: Any) -> Any:
    """A cell as an office writes it: labels, dd/mm/yyyy, Có/Không."""
    if value is None:
        return ""
    kind = table(table_name).column(column)
    if kind.terms is not None:
        return kind.terms.from_code(value).label
    if isinstance(value, bool):
        return "Có" if value else "Không"
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    return value


def _body(data: Dataset, code: str, on: dt.date) -> str:
    """A receiving body as exports write it: 'UBND xã Hiền Quan'."""
    name = data.registry.get(code, on).name
    return f"UBND {name[0].lower()}{name[1:]}"


def _petitions(data: Dataset) -> tuple[list[str], list[list[Any]]]:
    """One row per petition, the lifecycle as a status and its dates."""
    headers = [*PETITION_HEADERS.values(), *STATUS_HEADERS.values()]
    rows = []
    for p in data.petitions:
        last = p.events[-1].kind.code if p.events else "received"
        label, implied = STATUSES[last]
        steps = tuple(e.kind for e in p.events if e.kind is not EventKind.EXTENDED)
        if steps != implied:
            raise SystemExit(f"{p.id}: steps {steps} do not fit the status {label!r}")
        extended = p.first(EventKind.EXTENDED)
        transfer = p.first(EventKind.TRANSFERRED)
        row = [p.id, _cell("petitions", "received_on", p.received_on), p.kind.label,
               _body(data, p.unit, p.received_on), p.channel.label,
               _cell("petitions", "in_jurisdiction", p.in_jurisdiction), label,
               _cell("petitions", "received_on", p.events[-1].on) if p.events else "",
               _cell("petitions", "received_on", p.accepted_on),
               _cell("petitions", "received_on", extended.on if extended else None),
               extended.days if extended else "",
               _body(data, transfer.to_unit, transfer.on) if transfer and transfer.to_unit else ""]
        rows.append(row)
    return headers, rows


def _tables(data: Dataset) -> dict[str, tuple[list[str], list[list[Any]]]]:
    """Every non-empty table with Vietnamese headers and cells; petitions flat."""
    out = {}
    for name, cells in tables_of(data).items():
        if name in ("petitions", "petition_events"):
            continue
        columns = list(cells)
        rows = [[_cell(name, c, v) for c, v in zip(columns, row, strict=True)]
                for row in zip(*cells.values(), strict=True)]
        out[name] = ([HEADERS[name][c] for c in columns], rows)
    if data.petitions:
        out["petitions"] = _petitions(data)
    return out


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    return f'"{value}"'


def _mapping(names: list[str], file_of: Callable[[str], str], province: str) -> str:
    """The mapping that reads the export back."""
    lines = ["# Mapping for the export beside it: built by examples/build_exports.py.",
             f'province = "{province}"', ""]
    for name in names:
        lines += [f"[{name}]", f'file = "{file_of(name)}"', "", f"[{name}.columns]"]
        headers = PETITION_HEADERS if name == "petitions" else HEADERS[name]
        lines += [f'{c} = "{h}"' for c, h in headers.items()]
        if name == "petitions":
            lines += ["", "# The export has no such columns: the office states these defaults.",
                      "[petitions.defaults]", 'complexity = "ordinary"', "remote_area = false",
                      "second_instance = false", "discipline = false", "multi_site = false",
                      "", "[petitions.status]", f'column = "{STATUS_HEADERS["status"]}"',
                      f'date = "{STATUS_HEADERS["date"]}"', "", "[petitions.status.values]"]
            lines += [f'"{label}" = {_toml_value([k.code for k in steps])}'
                      for label, steps in STATUSES.values()]
            lines += ["", "[petitions.status.dates]",
                      f'accepted = "{STATUS_HEADERS["accepted"]}"',
                      f'extended = "{STATUS_HEADERS["extended"]}"', "",
                      "[petitions.status.columns]", f'days = "{STATUS_HEADERS["days"]}"',
                      f'to_unit = "{STATUS_HEADERS["to_unit"]}"']
        lines.append("")
    return "\n".join(lines)


def _province(data: Dataset) -> str:
    return next(u.short_name or u.name for u in data.units if u.level.depth == 1)


def write_csv_export(name: str, data: Dataset) -> Path:
    """CSV files in examples/exports/<name>/ (dialogues with ';' and a BOM, as Excel saves)."""
    folder = OUT / name
    folder.mkdir(parents=True, exist_ok=True)
    tables = _tables(data)
    for table_name, (headers, rows) in tables.items():
        semicolon = table_name == "dialogues"
        with (folder / f"{FILES[table_name]}.csv").open(
                "w", encoding="utf-8-sig" if semicolon else "utf-8", newline="") as out:
            writer = csv.writer(out, delimiter=";" if semicolon else ",")
            writer.writerow(headers)
            writer.writerows(rows)
    mapping = folder / f"{name}.toml"
    mapping.write_text(_mapping(list(tables), lambda t: f"{FILES[t]}.csv", _province(data)),
                       encoding="utf-8")
    return mapping


def write_xlsx_export(name: str, data: Dataset) -> Path:
    """One workbook examples/exports/<name>.xlsx, a sheet per table, dates as dates."""
    import openpyxl

    book = openpyxl.Workbook()
    book.remove(book.active)
    tables = _tables(data)
    for table_name, (headers, rows) in tables.items():
        sheet = book.create_sheet(SHEETS[table_name])
        sheet.append(headers)
        for row in rows:
            sheet.append([dt.datetime.strptime(v, "%d/%m/%Y") if isinstance(v, str) and len(v) == 10
                          and v[2] == "/" else v for v in row])
    path = OUT / f"{name}.xlsx"
    OUT.mkdir(parents=True, exist_ok=True)
    book.save(path)
    mapping = OUT / f"{name}.toml"
    mapping.write_text(_mapping(list(tables), lambda t: SHEETS[t], _province(data)),
                       encoding="utf-8")
    return mapping


def main() -> None:
    """Write every export and check that it reads back to its dataset."""
    for file in sorted(DATA.glob("*.json")):
        data = loads(file.read_text(encoding="utf-8"), Dataset)
        name = file.stem
        if name.startswith("an_bien"):
            mapping = write_xlsx_export(name, data)
            sources: list[Path] = [OUT / f"{name}.xlsx"]
        else:
            mapping = write_csv_export(name, data)
            sources = [OUT / name]
        back = read(sources, mapping).dataset
        if back != data:
            raise SystemExit(f"{name}: the export does not read back to the dataset")
        print(f"{name}: {len(data)} records exported and read back")


if __name__ == "__main__":
    main()
