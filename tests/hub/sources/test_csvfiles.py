"""Reading CSV files as downloaded: gzipped or plain, BOM or not, rows with their lines."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from hub.sources.csvfiles import find_file, read_rows, read_text
from hub.sources.report import ImportReport, SourceError

TEXT = '"id";"name"\n"1";"one"\n"2";"two\nlines"\n"3"\n\n"4";"four";"extra"\n"5";"five"\n'


def rows(path: Path, report: ImportReport) -> list[tuple[int, dict[str, str]]]:
    return list(read_rows(path, delimiter=";", required=("id", "name"), kind="X", report=report))


@pytest.mark.parametrize(
    "name, data",
    [
        ("plain.csv", TEXT.encode()),
        ("bom.csv", b"\xef\xbb\xbf" + TEXT.encode()),
        ("zipped.csv.gz", gzip.compress(TEXT.encode())),
        ("zipped-bom.csv.gz", gzip.compress(b"\xef\xbb\xbf" + TEXT.encode())),
        ("zipped-without-suffix.csv", gzip.compress(TEXT.encode())),
    ],
)
def test_rows_come_with_their_first_line_and_bad_rows_are_rejected(
    tmp_path: Path, name: str, data: bytes
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    report = ImportReport()
    assert rows(path, report) == [
        (2, {"id": "1", "name": "one"}),
        (3, {"id": "2", "name": "two\nlines"}),
        (8, {"id": "5", "name": "five"}),
    ]
    assert [str(r) for r in report.rejections] == [
        f"{name}:5: has 1 fields where the header has 2",
        f"{name}:7: has 3 fields where the header has 2",
    ]
    assert {r.reason for r in report.rejections} == {"columns"}


def test_a_file_without_an_expected_column_is_unusable(tmp_path: Path) -> None:
    path = tmp_path / "other.csv"
    path.write_text('"id";"title"\n"1";"x"\n')
    with pytest.raises(SourceError, match="lacks the column"):
        rows(path, ImportReport())


def test_damaged_and_missing_files_are_source_errors(tmp_path: Path) -> None:
    damaged = tmp_path / "damaged.csv.gz"
    body = "".join(f'"{n}";"{n * 7919}"\n' for n in range(5000))
    whole = gzip.compress(f'"id";"name"\n{body}'.encode())
    damaged.write_bytes(whole[: len(whole) // 2])
    with pytest.raises(SourceError, match=r"cannot read .*damaged\.csv\.gz"):
        rows(damaged, ImportReport())
    with pytest.raises(SourceError, match="cannot read"):
        read_text(tmp_path / "missing.csv")


def test_bytes_that_are_not_utf8_do_not_stop_the_import(tmp_path: Path) -> None:
    path = tmp_path / "latin1.csv"
    path.write_bytes('"id";"name"\n"1";"caf\xe9"\n'.encode("latin-1"))
    assert rows(path, ImportReport()) == [(2, {"id": "1", "name": "caf\ufffd"})]


def test_the_gzipped_file_is_preferred(tmp_path: Path) -> None:
    assert find_file(tmp_path, "topics") is None
    (tmp_path / "topics.csv").write_text("x")
    assert find_file(tmp_path, "topics") == tmp_path / "topics.csv"
    (tmp_path / "topics.csv.gz").write_bytes(gzip.compress(b"x"))
    assert find_file(tmp_path, "topics") == tmp_path / "topics.csv.gz"
