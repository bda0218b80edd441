"""The whole archive as one download: JSON lines (one resolution per line, in its canonical
JSON form with every paragraph), a manifest, and sha256 checksums.

In: the database. Out: three files in the bulk folder (setting ``BULK_EXPORT_DIR``, from
``DJANGO_BULK_DIR``; default ``bulk/`` in the project, git-ignored):

* ``resolutions.jsonl`` -- one JSON object per line, ordered by resolution number;
* ``manifest.json`` -- schema version, when and from where it was made, counts, and each
  file's size and sha256;
* ``SHA256SUMS`` -- the same checksums in the format ``sha256sum -c`` reads.

Files are written beside the old ones under temporary names and renamed into place, so a
download never sees half a file. ``manage.py ingest`` regenerates them after every ingest
that changes something; ``manage.py export_bulk`` does it on demand.

Example::

    manifest = write_bulk(directory=Path("bulk"), origin="https://archive.example.org")
    manifest["counts"]  # {"resolutions": 1540, "paragraphs": 49128}
"""

from __future__ import annotations

import hashlib
import json
import os
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings

from resolutions.exports.selectors import resolutions_for_bulk
from resolutions.serializers import SCHEMA_VERSION, resolution_to_dict

DATA_FILE = "resolutions.jsonl"
MANIFEST_FILE = "manifest.json"
CHECKSUMS_FILE = "SHA256SUMS"
FILES = (DATA_FILE, MANIFEST_FILE, CHECKSUMS_FILE)


def bulk_directory() -> Path:
    return Path(settings.BULK_EXPORT_DIR)


def _replace(temporary: Path, final: Path) -> None:
    os.replace(temporary, final)  # atomic on one file system


def write_bulk(*, directory: Path | None = None, origin: str) -> dict:
    """Write the three files into ``directory`` (created if missing); returns the manifest."""
    directory = directory or bulk_directory()
    directory.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    resolutions = paragraphs = size = 0
    data_tmp = directory / f".{DATA_FILE}.tmp"
    with data_tmp.open("wb") as out:
        for resolution, parts in resolutions_for_bulk():
            record = resolution_to_dict(resolution, origin=origin, parts=parts)
            line = (json.dumps(record, ensure_ascii=False, sort_keys=False) + "\n").encode()
            out.write(line)
            digest.update(line)
            size += len(line)
            resolutions += 1
            paragraphs += len(record["paragraphs"])
    manifest = {
        "schema_version": SCHEMA_VERSION,
        "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "origin": origin,
        "schema": f"{origin}/api/openapi.json#/components/schemas/Resolution",
        "counts": {"resolutions": resolutions, "paragraphs": paragraphs},
        "files": [
            {
                "name": DATA_FILE,
                "url": f"{origin}/downloads/{DATA_FILE}",
                "media_type": "application/jsonl",
                "bytes": size,
                "sha256": digest.hexdigest(),
                "records": resolutions,
            }
        ],
    }
    manifest_bytes = (json.dumps(manifest, ensure_ascii=False, indent=2) + "\n").encode()
    sums = f"{digest.hexdigest()}  {DATA_FILE}\n"
    sums += f"{hashlib.sha256(manifest_bytes).hexdigest()}  {MANIFEST_FILE}\n"
    for name, content in ((MANIFEST_FILE, manifest_bytes), (CHECKSUMS_FILE, sums.encode())):
        (directory / f".{name}.tmp").write_bytes(content)
    for name in FILES:
        _replace(directory / f".{name}.tmp", directory / name)
    return manifest


def bulk_file(name: str) -> Path | None:
    """The path of one of the bulk files, or None when it is not (yet) written."""
    if name not in FILES:
        return None
    path = bulk_directory() / name
    return path if path.is_file() else None
