"""Reading the sources' CSV files as downloaded: gzipped or plain, with or without a BOM.

Rows come with the line number they start on (a quoted field may span lines), so a
rejected row can be found in the file. A row whose field count differs from the header's
is rejected, not guessed at.
"""

from __future__ import annotations

import csv
import gzip
import io
import zlib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO

from hub.sources.report import ImportReport, Rejection, SourceError

GZIP_MAGIC = b"\x1f\x8b"
# Portal descriptions exceed the csv module's default limit of 128 KiB per field.
csv.field_size_limit(max(csv.field_size_limit(), 64 * 1024 * 1024))

Row = dict[str, str]


def find_file(folder: Path, stem: str) -> Path | None:
    """`stem.csv.gz` or `stem.csv` in `folder` (the gzipped one when both are there)."""
    for name in (f"{stem}.csv.gz", f"{stem}.csv"):
        candidate = folder / name
        if candidate.is_file():
            return candidate
    return None


def open_text(path: Path) -> IO[str]:
    """The file's text, gunzipped when it is gzipped (whatever its name), BOM removed.

    Bytes that are not UTF-8 become U+FFFD rather than stopping the import.
    """
    try:
        raw: IO[bytes] = path.open("rb")
        if raw.read(2) == GZIP_MAGIC:
            raw.seek(0)
            raw = gzip.GzipFile(fileobj=raw)  # type: ignore[assignment]
        else:
            raw.seek(0)
    except OSError as exc:
        raise SourceError(f"cannot read {path}: {exc.strerror or exc}") from exc
    return io.TextIOWrapper(raw, encoding="utf-8-sig", errors="replace", newline="")


def read_text(path: Path) -> str:
    """The whole file as text (see `open_text`); a damaged file is a SourceError."""
    try:
        with open_text(path) as handle:
            return handle.read()
    except (OSError, EOFError, zlib.error) as exc:
        raise SourceError(f"cannot read {path}: {exc}") from exc


def read_rows(
    path: Path,
    *,
    delimiter: str,
    required: Sequence[str],
    kind: str,
    report: ImportReport,
) -> Iterator[tuple[int, Row]]:
    """Each data row as (line number, {column: value}); malformed rows are rejected.

    A file lacking one of the `required` columns is a SourceError: it is not the file
    the importer expects.
    """
    try:
        with open_text(path) as handle:
            yield from _rows(handle, path, delimiter, required, kind, report)
    except (OSError, EOFError, zlib.error) as exc:
        raise SourceError(f"cannot read {path}: {exc}") from exc


def _rows(
    handle: IO[str],
    path: Path,
    delimiter: str,
    required: Sequence[str],
    kind: str,
    report: ImportReport,
) -> Iterator[tuple[int, Row]]:
    reader = csv.reader(handle, delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        raise SourceError(f"{path} is empty: it has no header line") from None
    except csv.Error as exc:
        raise SourceError(f"{path}: the header line is not CSV ({exc})") from exc
    header = [name.strip() for name in header]
    missing = [name for name in required if name not in header]
    if missing:
        raise SourceError(
            f"{path} lacks the column(s) {', '.join(missing)}; its header is "
            f"{delimiter.join(header)[:200]!r}"
        )
    width = len(header)
    last_line = reader.line_num
    while True:
        start = last_line + 1
        try:
            values = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            last_line = reader.line_num
            report.reject(Rejection(path.name, str(start), kind, "csv", f"not CSV: {exc}"))
            continue
        last_line = reader.line_num
        if not values:
            continue  # a blank line
        if len(values) != width:
            report.reject(
                Rejection(
                    path.name,
                    str(start),
                    kind,
                    "columns",
                    f"has {len(values)} fields where the header has {width}",
                )
            )
            continue
        yield start, dict(zip(header, values, strict=True))
