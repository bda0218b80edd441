import pytest

from tests.pages_data import build_archive


@pytest.fixture
def archive():
    """S/RES/2331 (2016) and S/RES/2388 (2017) as the seed pages give them, built directly."""
    return build_archive()
