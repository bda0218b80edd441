"""Shared test configuration: where the UN corpus is, and markers that skip with a reason."""

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "fixtures" / "seeds"


def corpus_path() -> Path:
    """The UN Akoma Ntoso corpus: $UN_SC_AKN_CORPUS, else ../shared/corpora/un-sc-akn."""
    configured = os.environ.get("UN_SC_AKN_CORPUS")
    if configured:
        return Path(configured)
    return REPO.parent / "shared" / "corpora" / "un-sc-akn"


@pytest.fixture(scope="session")
def corpus() -> Path:
    """The corpus folder; skips the test with a message when it is absent (fails under CI)."""
    path = corpus_path()
    if not (path / "xml").is_dir():
        message = f"UN Akoma Ntoso corpus not found at {path.name!r} beside the checkout"
        if os.environ.get("CI") == "true":
            pytest.fail(message + " (CI=true requires it)")
        pytest.skip(message + "; set UN_SC_AKN_CORPUS to run these tests")
    return path


@pytest.fixture
def seed_archive(db):
    """The archive as `make run` serves it: the five seed page texts ingested for real."""
    from resolutions.services.ingest import ingest_paths

    return ingest_paths(paths=[SEEDS])
