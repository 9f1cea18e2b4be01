"""CSV as offices save it: BOM or not, ',' or ';', ISO or dd/mm/yyyy, NFC or NFD; all read the same."""

from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path

import pytest

from danvan.records.vocabulary import EventKind, PetitionKind
from danvan.tables import read, read_csv

from .conftest import HEADER, ROWS, write_export


def _petitions(folder: Path, mapping: Path, **kwargs: object) -> tuple[object, ...]:
    path = write_export(folder, **kwargs)  # type: ignore[arg-type]
    return read([path], mapping).dataset.petitions


def test_the_export_reads_with_names_statuses_and_both_date_forms(tmp_path: Path,
                                                                 mapping_file: Path) -> None:
    """Unit names resolve in Phú Thọ, statuses become dated steps, both date forms read."""
    p1, p2, p3 = _petitions(tmp_path, mapping_file)
    assert (p1.unit, p2.unit, p3.unit) == ("08440", "236", "08440")  # type: ignore[attr-defined]
    assert p1.kind is PetitionKind.COMPLAINT  # type: ignore[attr-defined]
    assert [(e.kind, e.on) for e in p1.events] == [  # type: ignore[attr-defined]
        (EventKind.ACCEPTED, dt.date(2024, 1, 5)), (EventKind.RESOLVED, dt.date(2024, 2, 20))]
    assert p2.state is EventKind.TRANSFERRED  # type: ignore[attr-defined]
    assert p3.received_on == dt.date(2024, 1, 5)  # type: ignore[attr-defined]


def test_bom_and_comma_read_the_same(tmp_path: Path, mapping_file: Path) -> None:
    """A BOM and ',' separators give the same records as plain ';'."""
    plain = _petitions(tmp_path, mapping_file)
    comma = [r.replace(";", ",").replace("Kiến nghị, phản ánh", '"Kiến nghị, phản ánh"')
             for r in ROWS]
    other = _petitions(tmp_path, mapping_file, rows=comma, header=HEADER.replace(";", ","),
                       encoding="utf-8-sig", name="don_thu_bom.csv")
    assert other == plain


def test_nfd_reads_the_same_as_nfc(tmp_path: Path, mapping_file: Path) -> None:
    """Headers, values and unit names written in NFD (as macOS saves them) read as NFC ones do."""
    plain = _petitions(tmp_path, mapping_file)
    nfd = _petitions(tmp_path, mapping_file, header=unicodedata.normalize("NFD", HEADER),
                     rows=[unicodedata.normalize("NFD", r) for r in ROWS], name="nfd.csv")
    assert nfd == plain


def test_vietnamese_text_is_kept_exactly(tmp_path: Path) -> None:
    """Text cells come back byte for byte, NFD included; only matching folds them."""
    (tmp_path / "units.csv").write_text("code,name,level,kind\nX1,Xã Hòa,commune,administrative_area\n",
                                        encoding="utf-8")
    title = unicodedata.normalize("NFD", "Về tăng cường công tác dân vận")
    (tmp_path / "directives.csv").write_text(
        f"number,kind,issuer,issued_on,title\n16/CT-TTg,directive,Thủ tướng,16/05/2016,{title}\n",
        encoding="utf-8")
    assert read_csv(tmp_path).directives[0].title == title


def test_blank_rows_are_skipped_and_numbering_kept(tmp_path: Path, mapping_file: Path) -> None:
    """An empty line in the middle is skipped; later rows keep their spreadsheet numbers."""
    from danvan.errors import TableError

    rows = [ROWS[0], "", ROWS[1].replace("04/01/2024", "40/01/2024")]
    with pytest.raises(TableError) as caught:
        _petitions(tmp_path, mapping_file, rows=rows)
    assert [e.row for e in caught.value.exceptions] == [4]  # type: ignore[attr-defined]
