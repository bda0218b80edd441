"""The server as deployed (gunicorn with gunicorn.conf.py): no Server header, long request
lines reach the archive, X-Forwarded-Proto believed only from the trusted proxies."""

import pytest

from tests.conftest import SEEDS
from tests.live import LiveServer, manage


@pytest.fixture(scope="module")
def database_url(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('server') / 'archive.sqlite3'}"
    assert manage("migrate", "--noinput", env={"DATABASE_URL": url}).returncode == 0
    assert manage("ingest", str(SEEDS), env={"DATABASE_URL": url}).returncode == 0
    return url


def test_no_server_header_and_the_archive_answers_long_queries(database_url):
    with LiveServer({"DATABASE_URL": database_url}) as server:
        page = server.get("/resolutions/2388/")
        assert page.status == 200
        assert "Server" not in page.headers
        assert "default-src 'none'" in page.headers["Content-Security-Policy"]
        # 6,000 characters: past gunicorn's default request line (4094), within the archive's.
        long = server.get("/search/?q=" + "trafficking+" * 500)
        assert long.status in (200, 400)
        assert "Security Council Trafficking in Persons Archive" in long.body
        assert "Server" not in long.headers
        trace = server.request("/resolutions/2388/", method="TRACE")
        assert trace.status in (400, 405)
        assert "S/RES/2388" not in trace.body


@pytest.mark.parametrize(
    ("trusted", "redirected"),
    [("127.0.0.1,::1", False), ("192.0.2.10", True)],  # this machine; a proxy elsewhere
)
def test_x_forwarded_proto_is_believed_only_from_a_trusted_proxy(database_url, trusted, redirected):
    env = {"DATABASE_URL": database_url, "DJANGO_SECURE": "1", "DJANGO_TRUSTED_PROXIES": trusted}
    with LiveServer(env) as server:
        plain = server.get("/about/")
        forwarded = server.get("/about/", X_Forwarded_Proto="https")
    assert plain.status == 200 or plain.status == 301
    if redirected:  # the header from an untrusted client changes nothing: still plain HTTP
        assert forwarded.status == 301
    else:
        assert forwarded.status == 200
        assert forwarded.headers["Strict-Transport-Security"].startswith("max-age=31536000")
