"""Every kind of bad row is reported at once, with row, column and value; nothing is half-loaded."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from danvan.errors import DataError, RowError, TableError
from danvan.tables import Mapping, read, read_csv

from .conftest import HEADER, MAPPING, ROWS, write_export

UNITS = "code,name,level,kind\nH,Huyện H,district,administrative_area\nX1,Xã 1,commune,administrative_area\n"
PETITION_HEADER = ("id,kind,received_on,unit,channel,in_jurisdiction,complexity,remote_area,"
                   "second_instance,discipline,multi_site,crowd_size")
GOOD = "P1,complaint,2024-01-02,X1,mail,true,ordinary,false,false,false,false,"


def _native(folder: Path, petitions: list[str], events: list[str] | None = None,
            header: str = PETITION_HEADER) -> list[RowError]:
    (folder / "units.csv").write_text(UNITS, encoding="utf-8")
    (folder / "petitions.csv").write_text("\n".join([header, *petitions]) + "\n", encoding="utf-8")
    if events is not None:
        (folder / "petition_events.csv").write_text(
            "\n".join(["petition,position,kind,on,days,to_unit,note", *events]) + "\n",
            encoding="utf-8")
    with pytest.raises(TableError) as caught:
        read_csv(folder)
    return list(caught.value.exceptions)  # type: ignore[arg-type]


def _where(problems: list[RowError]) -> list[tuple[str, int | None, str]]:
    return [(p.source, p.row, p.column) for p in problems]


def test_cell_problems_are_all_reported_with_row_column_and_value(tmp_path: Path) -> None:
    """A bad date, an unknown code, an empty required cell and a bad count, in one error."""
    problems = _native(tmp_path, [
        GOOD,
        "P2,complaint,31/02/2024,X1,mail,true,ordinary,false,false,false,false,",
        "P3,letter,2024-01-02,X1,mail,true,ordinary,false,false,false,false,",
        ",complaint,2024-01-02,X1,mail,true,ordinary,false,false,false,false,",
        "P5,complaint,2024-01-02,X1,mail,maybe,ordinary,false,false,false,false,-3",
    ])
    assert _where(problems) == [
        ("petitions.csv", 3, "received_on"), ("petitions.csv", 4, "kind"),
        ("petitions.csv", 5, "id"), ("petitions.csv", 6, "in_jurisdiction"),
        ("petitions.csv", 6, "crowd_size")]
    assert problems[0].value == "31/02/2024"


def test_missing_columns_are_named_once(tmp_path: Path) -> None:
    """A required column and an indicator-feeding column missing: one problem each, no row."""
    problems = _native(tmp_path, ["P1,complaint,X1"], header="id,kind,unit")
    assert ("petitions.csv", None, "received_on") in _where(problems)
    channel = next(p for p in problems if p.column == "channel")
    assert "default stated in the mapping" in str(channel)


def test_record_rules_name_the_row(tmp_path: Path) -> None:
    """A crowd of one, a kind-only flag and a duplicate id are placed at their rows."""
    problems = _native(tmp_path, [
        GOOD + "1",
        "P2,other,2024-01-02,X1,mail,true,ordinary,false,true,false,false,",
        GOOD,
    ])
    assert _where(problems) == [("petitions.csv", 2, "crowd_size"),
                                ("petitions.csv", 3, "second_instance")]
    problems = _native(tmp_path, [GOOD, GOOD])
    assert _where(problems) == [("petitions.csv", 3, "id")]


def test_lifecycle_problems_are_placed_at_the_event_row(tmp_path: Path) -> None:
    """An event out of order is reported on the events file's row, not the petition's."""
    problems = _native(tmp_path, [GOOD], [
        "P1,1,accepted,2024-01-03,,,",
        "P1,2,withdrawn,2024-01-01,,,",
        "P9,1,accepted,2024-01-03,,,",
    ])
    assert _where(problems) == [("petition_events.csv", 3, "on"),
                                ("petition_events.csv", 4, "petition")]


def test_unknown_units_are_placed_at_their_cells(tmp_path: Path) -> None:
    """A unit code the dataset does not hold is an integrity problem at its row and column."""
    problems = _native(tmp_path, [GOOD.replace("X1", "X9")])
    assert _where(problems) == [("petitions.csv", 2, "unit")]
    assert "X9" in str(problems[0])


def test_ragged_rows_are_refused(tmp_path: Path) -> None:
    """A row with more cells than the header is a problem on that row."""
    problems = _native(tmp_path, [GOOD + ",extra"])
    assert _where(problems) == [("petitions.csv", 2, "")]


def test_not_utf8_names_the_file(tmp_path: Path) -> None:
    """Bytes that are not UTF-8 (a CP1258 export) are one problem naming the file."""
    (tmp_path / "petitions.csv").write_bytes("id\nĐ1\n".encode("utf-16"))
    with pytest.raises(RowError, match=r"petitions\.csv: expected UTF-8"):
        read_csv(tmp_path)


def test_mapping_problems_unit_names_and_statuses(tmp_path: Path, mapping_file: Path) -> None:
    """Unknown and ambiguous names, unknown statuses and missing step dates, each at its cell."""
    rows = [
        "D01;03/01/2024;Khiếu nại;UBND xã Không Có;Đã giải quyết;05/01/2024;20/02/2024",
        "D02;04/01/2024;Tố cáo;UBND huyện Tam Nông;Đã chuyển;;06/01/2024",
        "D03;05/01/2024;Kiến nghị;Hiền Quan;Đã giải quyết;;",
    ]
    path = write_export(tmp_path, rows)
    with pytest.raises(TableError) as caught:
        read([path], mapping_file)
    found = _where(list(caught.value.exceptions))  # type: ignore[arg-type]
    assert found == [("don_thu.csv", 2, "Đơn vị tiếp nhận"), ("don_thu.csv", 3, "Trạng thái"),
                     ("don_thu.csv", 4, "Ngày thụ lý")]


def test_ambiguous_names_list_the_candidates(tmp_path: Path) -> None:
    """A name that fits several units asks for the code and lists them."""
    mapping = MAPPING.replace('province = "Phú Thọ"\n', "")
    path = write_export(tmp_path, [ROWS[0].replace("UBND xã Hiền Quan", "Tam Nông")])
    with pytest.raises(TableError) as caught:
        read([path], Mapping.from_dict(tomllib.loads(mapping)))
    assert "write the code" in str(caught.value)


def test_mapped_header_missing_from_the_file(tmp_path: Path, mapping_file: Path) -> None:
    """A header the mapping names but the file lacks is named, with the headers it has."""
    path = write_export(tmp_path, header=HEADER.replace("Loại đơn", "Loại"))
    with pytest.raises(TableError) as caught:
        read([path], mapping_file)
    assert "'Loại đơn': expected this column" in str(caught.value)
    assert "Số đơn" in str(caught.value)


def test_messages_are_bounded(tmp_path: Path, mapping_file: Path) -> None:
    """Long values are cut to 80 characters; the list stops at 20 and says how many more."""
    rows = [f"D{i:02};99/99/2024;{'x' * 200};Hiền Quan;Đã thụ lý;08/01/2024;" for i in range(30)]
    path = write_export(tmp_path, rows)
    with pytest.raises(TableError) as caught:
        read([path], mapping_file)
    text = str(caught.value)
    assert text.endswith("and 40 more")
    assert max(len(line) for line in text.splitlines()) < 260
    assert len(caught.value.exceptions) == 60


def test_bad_mappings_list_every_problem() -> None:
    """Unknown tables, columns, codes and assumptions in a mapping: one DataError."""
    with pytest.raises(DataError) as caught:
        Mapping.from_dict({"petition": {}, "petitions": {
            "columns": {"kin": "Loại"}, "defaults": {"channel": "letter"},
            "status": {"column": "S", "values": {"X": "done"}, "assume": {"accepted": "soon"}}}})
    paths = [e.path for e in caught.value.exceptions]  # type: ignore[attr-defined]
    assert paths == ["mapping.petition", "mapping.petitions.columns.kin",
                     "mapping.petitions.defaults.channel", "mapping.petitions.status.values.X",
                     "mapping.petitions.status.assume.accepted"]
