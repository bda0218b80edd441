"""Finding source files on disk and telling their formats apart by content."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from resolutions.parsing.document import ParseError
from resolutions.parsing.formats import detect_format

# A source file over this size is refused before it is read: a resolution's PDF is well
# under a megabyte, the largest (with maps in annexes) a few megabytes; an XML file less.
MAX_SOURCE_BYTES = 50 * 1024 * 1024

# Files that are never sources: editor backups, OS litter, the corpus's own documentation.
IGNORED_NAMES = {".DS_Store", "README.md", "README", "LICENSE"}


@dataclass(frozen=True)
class SourceFile:
    name: str  # the file's name as recorded in the archive (no folders: no machine paths)
    data: bytes
    format: str
    checksum: str


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
        if size > MAX_SOURCE_BYTES:
            raise ParseError(
                f"file is {size / 1024 / 1024:.0f} MB, over the "
                f"{MAX_SOURCE_BYTES // 1024 // 1024} MB limit for a source file; nothing read",
                file=name,
            )
        data = path.read_bytes()
        files.append(
            SourceFile(
                name=name,
                data=data,
                format=detect_format(name, data),
                checksum=checksum(data),
            )
        )
    return files
