"""The production shape: two gunicorn app processes behind nginx (cms/deploy/two_processes.sh).

They share PostgreSQL (a copy of the suite's test database), Redis (127.0.0.1:6379, a
database number of this module's own) and object storage (moto's S3 server), and nothing
else. A change published through one process is served by the other at once, pages and API
answers alike, the CDN in front is told to purge it, and media uploaded through one process
is served through the other from the bucket.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.db import connections

from tests.cms.processes import (
    NoRedirect,
    bytecode_cache,
    free_port,
    manifest_static_root,
    needs_gunicorn,
    postgres_copy,
    postgres_url,
    redis_database,
)
from tests.cms.s3 import BUCKET, KEYS, REGION, fetch

BASE_DIR = Path(settings.BASE_DIR)
SCRIPT = BASE_DIR / "cms" / "deploy" / "two_processes.sh"
#: Redis at its usual place, on a database number no other test or bench uses.
REDIS_DB = 14
DK = "dk.localhost"
#: What the TLS terminator in front of nginx sends: with DEBUG off, plain http is redirected.
HTTPS = {"X-Forwarded-Proto": "https"}


def nginx_installed() -> bool:
    return bool(shutil.which("nginx") or Path("/usr/sbin/nginx").exists())


pytestmark = [
    # The suite's test database is the source of the processes' copy (``shape_database``);
    # the tests themselves reach it only through the app processes.
    pytest.mark.django_db,
    pytest.mark.postgres,
    pytest.mark.subprocess,
    pytest.mark.s3,
    pytest.mark.skipif(
        not nginx_installed(), reason="nginx is not installed (apt-get install -y nginx-light)."
    ),
    needs_gunicorn,
]


#: Straight to the port asked: no proxy from the environment, no redirects followed.
OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}), NoRedirect)


def http(
    port: int,
    path: str,
    *,
    host: str = DK,
    method: str = "GET",
    body: bytes | None = None,
    headers: dict[str, str] | None = None,
) -> tuple[int, bytes, dict[str, str]]:
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}{path}",
        data=body,
        method=method,
        headers={"Host": host, **HTTPS, **(headers or {})},
    )
    try:
        with OPENER.open(request, timeout=60) as response:
            return response.status, response.read(), dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, error.read(), dict(error.headers)


def api_title(port: int, page_id: int) -> str:
    status, body, _ = http(port, f"/api/v3/pages/{page_id}/")
    assert status == 200, body[:500]
    return json.loads(body)["title"]


def page_html(port: int) -> str:
    status, body, _ = http(port, "/")
    assert status == 200, body[:500]
    return body.decode()


class PurgeReceiver(BaseHTTPRequestHandler):
    """Stands in for Varnish: records each PURGE (FRONTEND_CACHE_PURGE_URL) as (host, path)."""

    received: list[tuple[str, str]]

    def do_PURGE(self) -> None:
        self.server.received.append((self.headers["Host"], self.path))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args) -> None:
        pass


@dataclass
class Seed:
    """What the tests find in the processes' database: the Danish home page, an editor's
    API token and signed-in session, the root collection."""

    home_id: int
    home_type: str
    token: str
    session_key: str
    collection_id: int


@dataclass
class Shape:
    app_ports: list[int]
    proxy_port: int
    seed: Seed
    s3_endpoint: str
    #: (Host, path) of every PURGE the CDN stand-in received.
    purged: list[tuple[str, str]]


def _seed(database: str) -> Seed:
    """A superuser in ``database`` with an API token and a signed-in session, made through
    Django with the suite's SECRET_KEY, which the app processes are given."""
    from django.contrib.auth import (
        BACKEND_SESSION_KEY,
        HASH_SESSION_KEY,
        SESSION_KEY,
        get_user_model,
    )
    from django.contrib.sessions.backends.db import SessionStore
    from django.contrib.sessions.models import Session
    from django.utils import timezone
    from wagtail.models import APIToken, Collection, Page, Site

    alias = "two_processes"
    connections.settings[alias] = {**connections.settings["default"], "NAME": database}
    try:
        editor = (
            get_user_model()
            .objects.db_manager(alias)
            .create_superuser("shape-editor", "shape-editor@example.org", None)
        )
        plaintext = APIToken.generate_token()
        APIToken.objects.using(alias).create(
            user=editor,
            name="two processes",
            key_hash=APIToken.hash_token(plaintext),
            prefix=plaintext[:8],
        )
        session_key = uuid.uuid4().hex
        Session.objects.using(alias).create(
            session_key=session_key,
            session_data=SessionStore().encode(
                {
                    SESSION_KEY: str(editor.pk),
                    BACKEND_SESSION_KEY: "django.contrib.auth.backends.ModelBackend",
                    HASH_SESSION_KEY: editor.get_session_auth_hash(),
                }
            ),
            expire_date=timezone.now() + timedelta(hours=1),
        )
        home = Page.objects.using(alias).get(
            pk=Site.objects.using(alias).get(hostname=DK).root_page_id
        )
        return Seed(
            home.pk,
            home.specific_class._meta.label,
            plaintext,
            session_key,
            Collection.objects.using(alias).get(depth=1).pk,
        )
    finally:
        connections[alias].close()
        del connections[alias]
        del connections.settings[alias]


@pytest.fixture(scope="module")
def shape_database(django_db_setup, django_db_blocker) -> Iterator[tuple[str, Seed]]:
    """A database of the module's own, a copy of the suite's test database, with an editor."""
    with postgres_copy(django_db_blocker, "two_processes") as name:
        with django_db_blocker.unblock():
            seed = _seed(name)
        yield name, seed


@pytest.fixture(scope="module")
def redis_url() -> Iterator[str]:
    with redis_database(REDIS_DB) as url:
        yield url


@pytest.fixture(scope="module")
def static_root(tmp_path_factory) -> Path:
    return manifest_static_root(tmp_path_factory.mktemp("static"))


@pytest.fixture(scope="module")
def purge_receiver() -> Iterator[tuple[int, list[tuple[str, str]]]]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), PurgeReceiver)
    server.received = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1], server.received
    server.shutdown()
    server.server_close()


def _wait_until_serving(process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if "Tingsted is serving" in log.read_text():
            return
        if process.poll() is not None:
            pytest.fail(f"two_processes.sh exited with {process.returncode}:\n{log.read_text()}")
        time.sleep(0.2)
    pytest.fail(f"two_processes.sh did not start within 120 s:\n{log.read_text()}")


def _stop(process: subprocess.Popen, log: Path) -> None:
    """SIGTERM to the script alone: its trap must stop gunicorn and nginx."""
    process.send_signal(signal.SIGTERM)
    process.wait(timeout=30)
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        try:
            os.killpg(process.pid, 0)
        except ProcessLookupError:
            return  # nothing of the group is left
        time.sleep(0.2)
    os.killpg(process.pid, signal.SIGKILL)
    pytest.fail(f"two_processes.sh left processes running after SIGTERM:\n{log.read_text()}")


@pytest.fixture(scope="module")
def shape(
    tmp_path_factory, redis_url, shape_database, static_root, purge_receiver, s3_server
) -> Iterator[Shape]:
    name, seed = shape_database
    purge_port, purged = purge_receiver
    app_ports, proxy_port = [free_port(), free_port()], free_port()
    environment = {
        "PATH": os.environ.get("PATH", "/usr/local/bin:/usr/bin:/bin"),
        "HOME": str(tmp_path_factory.mktemp("home")),
        "LANG": "C.UTF-8",
        "PYTHON": sys.executable,
        **bytecode_cache(),
        "NO_PROXY": "127.0.0.1,localhost",
        "DEBUG": "false",
        # The suite's own key: the editor's session and token above were signed with it.
        "SECRET_KEY": settings.SECRET_KEY,
        "ALLOWED_HOSTS": ".localhost,127.0.0.1",
        "DATABASE_URL": postgres_url(name),
        "CACHE_URL": redis_url,
        "STATIC_ROOT": str(static_root),
        "MEDIA_STORAGE": "s3",
        "AWS_STORAGE_BUCKET_NAME": BUCKET,
        "AWS_S3_ENDPOINT_URL": s3_server,
        "AWS_S3_REGION_NAME": REGION,
        "AWS_S3_ACCESS_KEY_ID": KEYS["access_key"],
        "AWS_S3_SECRET_ACCESS_KEY": KEYS["secret_key"],
        "FRONTEND_CACHE_PURGE_URL": f"http://127.0.0.1:{purge_port}",
        "LOG_LEVEL": "WARNING",
    }
    log = tmp_path_factory.mktemp("shape") / "two_processes.log"
    with log.open("w") as output:
        process = subprocess.Popen(
            [
                str(SCRIPT),
                "--listen",
                f"127.0.0.1:{proxy_port}",
                "--app-ports",
                ",".join(map(str, app_ports)),
                # One worker each: two processes are the point, not their size.
                "--workers",
                "1",
            ],
            cwd=BASE_DIR,
            env=environment,
            stdin=subprocess.DEVNULL,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        _wait_until_serving(process, log)
        yield Shape(app_ports, proxy_port, seed, s3_server, purged)
    finally:
        _stop(process, log)


def test_a_change_published_through_one_process_is_served_by_the_other_at_once(shape):
    one, other = shape.app_ports
    old_title = api_title(other, shape.seed.home_id)
    # The other process and nginx (round robin: both processes) have served the page and its
    # API answer, twice: the second time from what they remember.
    for _ in range(2):
        for port in (other, shape.proxy_port):
            assert old_title in page_html(port)
            assert api_title(port, shape.seed.home_id) == old_title

    status, body, _ = http(
        one,
        f"/api/v3/pages/{shape.seed.home_id}/",
        method="PATCH",
        body=json.dumps(
            {"meta": {"type": shape.seed.home_type, "action": "publish"}, "title": "Ny forside"}
        ).encode(),
        headers={"Authorization": f"Bearer {shape.seed.token}", "Content-Type": "application/json"},
    )
    assert status == 200, body[:1000]

    # The CDN in front was told, by the publishing process, before it answered.
    assert {
        (DK, "/"),
        (DK, f"/api/v2/pages/{shape.seed.home_id}/"),
        (DK, f"/api/v3/pages/{shape.seed.home_id}/"),
    } <= set(shape.purged)
    # The very next requests, to the other process and through nginx to both.
    for port in (other, shape.proxy_port, shape.proxy_port):
        assert "Ny forside" in page_html(port)
        assert api_title(port, shape.seed.home_id) == "Ny forside"

    # nginx passes the scheme on: without the TLS terminator's header, plain http redirects.
    status, _, headers = http(shape.proxy_port, "/", headers={"X-Forwarded-Proto": ""})
    assert status == 301
    assert headers["Location"] == f"https://{DK}/"


def _multipart(fields: dict[str, str], name: str, filename: str, content: bytes):
    boundary = uuid.uuid4().hex
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{key}"\r\n\r\n{value}\r\n'.encode()
        for key, value in fields.items()
    ]
    parts.append(
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
        "Content-Type: application/octet-stream\r\n\r\n".encode()
        + content
        + b"\r\n"
    )
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def _admin_upload(shape: Shape, port: int, kind: str, fields: dict[str, str], filename, content):
    csrf = uuid.uuid4().hex  # a token of the client's choosing, as in its cookie
    body, content_type = _multipart(
        {"csrfmiddlewaretoken": csrf, "collection": str(shape.seed.collection_id), **fields},
        "file",
        filename,
        content,
    )
    status, answer, _ = http(
        port,
        f"/admin/{kind}/add/",
        host="localhost",
        method="POST",
        body=body,
        headers={
            "Content-Type": content_type,
            "Cookie": f"sessionid={shape.seed.session_key}; csrftoken={csrf}",
            # HTTPS: Django's CSRF check asks where the form came from.
            "Referer": f"https://localhost/admin/{kind}/add/",
        },
    )
    assert status == 302, answer[:2000]


def _api_items(port: int, kind: str) -> list[dict]:
    status, body, _ = http(port, f"/api/v2/{kind}/?fields=title")
    assert status == 200, body[:500]
    return json.loads(body)["items"]


def test_media_uploaded_through_one_process_is_served_by_the_other_from_the_bucket(shape):
    from PIL import Image as PILImage

    one, other = shape.app_ports
    picture = io.BytesIO()
    PILImage.new("RGB", (40, 30), "navy").save(picture, "PNG")
    _admin_upload(
        shape,
        one,
        "images",
        {"title": "Havnen", "description": "Havnen ved daggry"},
        "havnen.png",
        picture.getvalue(),
    )
    _admin_upload(shape, one, "documents", {"title": "Referat"}, "referat.pdf", b"%PDF-1.4 ref")

    # The image: the other process gives its address in the bucket, which serves it.
    [image] = [item for item in _api_items(other, "images") if item["title"] == "Havnen"]
    status, body, _ = http(other, f"/api/v2/images/{image['id']}/")
    download = json.loads(body)["meta"]["download_url"]
    assert download.startswith(f"{shape.s3_endpoint}/{BUCKET}/original_images/")
    assert fetch(download) == (200, picture.getvalue())

    # The document: the other process's Wagtail view sends the reader to a signed URL.
    [document] = [item for item in _api_items(other, "documents") if item["title"] == "Referat"]
    served = urlsplit(
        json.loads(http(other, f"/api/v2/documents/{document['id']}/")[1])["meta"]["download_url"]
    )
    status, _, headers = http(other, served.path)
    assert status == 302
    assert "X-Amz-Signature" in headers["Location"]
    assert fetch(headers["Location"]) == (200, b"%PDF-1.4 ref")
