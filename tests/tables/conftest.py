"""Small exports for the table tests: a Phú Thọ petitions CSV and its mapping."""

from __future__ import annotations

from pathlib import Path

import pytest

HEADER = "Số đơn;Ngày nhận đơn;Loại đơn;Đơn vị tiếp nhận;Trạng thái;Ngày thụ lý;Ngày xử lý"
ROWS = [
    "D01;03/01/2024;Khiếu nại;UBND xã Hiền Quan;Đã giải quyết;05/01/2024;20/02/2024",
    "D02;04/01/2024;Tố cáo;UBND huyện Tam Nông;Chuyển đơn;;06/01/2024",
    "D03;2024-01-05;Kiến nghị, phản ánh;Hiền Quan;Đã thụ lý;08/01/2024;",
]

MAPPING = """\
province = "Phú Thọ"

[petitions.columns]
id = "Số đơn"
received_on = "Ngày nhận đơn"
kind = "Loại đơn"
unit = "Đơn vị tiếp nhận"

[petitions.defaults]
channel = "mail"
in_jurisdiction = true
complexity = "ordinary"
remote_area = false
second_instance = false
discipline = false
multi_site = false

[petitions.status]
column = "Trạng thái"
date = "Ngày xử lý"

[petitions.status.values]
"Đã giải quyết" = ["accepted", "resolved"]
"Đã thụ lý" = ["accepted"]
"Chuyển đơn" = "transferred"

[petitions.status.dates]
accepted = "Ngày thụ lý"
"""


def write_export(folder: Path, rows: list[str] | None = None, *, header: str = HEADER,
                 name: str = "don_thu.csv", encoding: str = "utf-8") -> Path:
    """The export (header and rows, ';'-separated) written to ``folder / name``."""
    path = folder / name
    path.write_text("\n".join([header, *(ROWS if rows is None else rows)]) + "\n", encoding=encoding)
    return path


@pytest.fixture
def mapping_file(tmp_path: Path) -> Path:
    """The mapping of the export, as a TOML file."""
    path = tmp_path / "map.toml"
    path.write_text(MAPPING, encoding="utf-8")
    return path
