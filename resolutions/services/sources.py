"""Finding source files on disk and telling their formats apart by content."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from resolutions.parsing.document import ParseError
from resolutions.parsing.formats import detect_format

# Files that are never sources: editor backups, OS litter, the corpus's own documentation.
IGNORED_NAMES = {".DS_Store", "README.md", "README", "LICENSE"}
# The largest source file accepted, refused before it is read (the corpus's largest XML is
# 0.8 MB: S/RES/2231 (2015) with its annexes; a resolution's PDF is well under a megabyte, the
# largest, with maps in annexes, a few). A file is read whole, and parsed whole, so this
# bounds an ingest's memory.
MAX_FILE_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class SourceFile:
    name: str  # the file's name as recorded in the archive (no folders: no machine paths)
    data: bytes
    format: str
    checksum: str
    shown: str = ""  # the path as the person gave it, to name the file in a message


def checksum(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def find_source_files(paths: list[str | Path]) -> list[tuple[Path, str]]:
    """Files named, and files inside folders named (recursively), in a stable order, each with
    the name the archive records: the file's name, or its path inside the folder named
    ("2017/S_RES_2388_1720704E.xml"), never where the folder sits on a machine."""
    found: list[tuple[Path, str]] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(
                (p, p.relative_to(path).as_posix())
                for p in sorted(path.rglob("*"))
                if p.is_file() and p.name not in IGNORED_NAMES and not p.name.startswith(".")
            )
        elif path.is_file():
            found.append((path, path.name))
        else:
            raise ParseError("no such file or folder", file=str(raw))
    return found


def read_source_files(paths: list[str | Path]) -> list[SourceFile]:
    """Read and sniff every file; a file of no known format raises ParseError naming it."""
    files = []
    for path, name in find_source_files(paths):
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ParseError(
                f"file is {size / 2**20:.0f} MB, over the {MAX_FILE_BYTES // 2**20} MB limit: the"
                " archive takes source files of up to that size; nothing read",
                file=str(path),
            )
        data = path.read_bytes()
        try:
            format = detect_format(name, data)
        except ParseError as error:
            raise ParseError(error.message, file=str(path), line=error.line) from None
        files.append(
            SourceFile(
                name=name, data=data, format=format, checksum=checksum(data), shown=str(path)
            )
        )
    return files


def name_files(error: ParseError, files: list[SourceFile]) -> ParseError:
    """The error with its file named by the path the person gave (``metadata/2017.json``,
    not ``2017.json``), so that a file is found even when two folders hold the same name."""
    shown = sorted({f.shown for f in files if f.name == error.file and f.shown})
    if not shown:
        return error
    file = shown[0] if len(shown) == 1 else f"{error.file} (one of {', '.join(shown)})"
    return ParseError(error.message, file=file, line=error.line)


@contextmanager
def named_as(source: SourceFile) -> Iterator[None]:
    """Errors from reading ``source`` name it by the path the person gave."""
    try:
        yield
    except ParseError as error:
        if error.file != source.name:
            raise
        raise ParseError(error.message, file=source.shown, line=error.line) from None
