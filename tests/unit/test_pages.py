"""The page-text reader against golden files: every seed page, alone and with its siblings.

Each seed page text (fixtures/seeds/*.txt) is parsed alone, and each resolution's pages are
parsed together; ``ParsedResolution.to_dict()`` must equal the JSON beside it in
tests/unit/golden/. The golden files were checked by hand against the seeds and the UN's
official XML text (see test_repair.py for the measured comparison).

Regenerate them after an intended change with::

    UPDATE_GOLDEN=1 .venv/bin/pytest tests/unit/test_pages.py

then read the diff before committing: a golden file is a claim about the UN's text.
"""

import json
import os
from pathlib import Path

import pytest

from resolutions.parsing.pages import parse_page_texts

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "fixtures" / "seeds"
GOLDEN = Path(__file__).resolve().parent / "golden"
SEED_FILES = sorted(SEEDS.glob("*.txt"))
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"


def seed(name: str) -> tuple[str, bytes]:
    return (name, (SEEDS / name).read_bytes())


def check_golden(name: str, data: dict) -> None:
    path = GOLDEN / f"{name}.json"
    if UPDATE:
        GOLDEN.mkdir(exist_ok=True)
        path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    assert path.exists(), f"no golden file {path.name}; run with UPDATE_GOLDEN=1"
    assert data == json.loads(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", SEED_FILES, ids=[p.stem for p in SEED_FILES])
def test_each_seed_page_alone_matches_its_golden_file(path):
    [resolution] = parse_page_texts([seed(path.name)])
    check_golden(path.stem, resolution.to_dict())


def test_all_seed_pages_together_match_the_golden_file_of_each_resolution():
    resolutions = parse_page_texts([seed(p.name) for p in SEED_FILES])
    assert [r.symbol for r in resolutions] == ["S/RES/2331 (2016)", "S/RES/2388 (2017)"]
    for resolution in resolutions:
        check_golden(f"S_RES_{resolution.number}_{resolution.year}", resolution.to_dict())


def test_seed_count_is_what_the_golden_files_describe():
    assert len(SEED_FILES) == 5
