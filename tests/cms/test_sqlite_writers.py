"""The demo's SQLite database takes writes from several requests at once without a 500.

Found by writing to the demo through the API from eight clients at once: 73 of 120
``POST /api/v3/redirects/`` answered 500 "database is locked", though the connection waits
20 s for a lock. A transaction that reads and then writes cannot wait (SQLite refuses it at
once, to avoid a deadlock); cms/settings.py now takes the write lock when a transaction
begins, with the write-ahead log so readers go on meanwhile.
"""

from __future__ import annotations

import json
import shutil
import threading
import urllib.error
import urllib.request
from collections import Counter

import pytest

from tests.cms.processes import free_port
from tests.cms.test_generation_processes import (
    _environment,
    manage,
    runserver,
    wait_until_serving,
)

pytestmark = [
    # The database is the source of the server's copy (``migrated_database``), never written.
    pytest.mark.django_db,
    pytest.mark.subprocess,
    pytest.mark.own_sqlite,
]

CLIENTS = 8
WRITES_EACH = 10

MAKE_TOKEN = """
from django.contrib.auth import get_user_model
from wagtail.models import APIToken
user = get_user_model().objects.create_superuser("writer", "writer@example.org", "x")
print(APIToken.create_token(user=user, name="writers")[1])
"""


def _post(port: int, token: str, path: str, body: dict) -> int:
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}{path}",
        data=json.dumps(body).encode(),
        method="POST",
        headers={
            "Host": f"localhost:{port}",
            "Authorization": f"Bearer {token}",
            "Content-Type": "application/json",
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_eight_clients_writing_at_once_all_succeed(tmp_path, migrated_database):
    shutil.copyfile(migrated_database, tmp_path / "shared.sqlite3")
    environment = {**_environment(tmp_path), "API_RATE_TOKEN": "", "API_RATE_ANONYMOUS": ""}
    token = manage(environment, "shell", "--no-imports", "-c", MAKE_TOKEN).split()[-1]

    port = free_port()
    server = runserver(environment, port)  # as `make demo` serves
    answers: Counter[int] = Counter()
    lock = threading.Lock()

    def write(client: int) -> None:
        for number in range(WRITES_EACH):
            status = _post(
                port,
                token,
                "/api/v3/redirects/",
                {"old_path": f"/moved-{client}-{number}", "redirect_link": "https://example.org/"},
            )
            with lock:
                answers[status] += 1

    try:
        wait_until_serving(port, server)
        clients = [threading.Thread(target=write, args=(n,)) for n in range(CLIENTS)]
        for thread in clients:
            thread.start()
        for thread in clients:
            thread.join()
    finally:
        server.terminate()
        server.wait(timeout=10)

    assert answers == Counter({201: CLIENTS * WRITES_EACH})
    manage(
        environment,
        "shell",
        "--no-imports",
        "-c",
        "from wagtail.contrib.redirects.models import Redirect;"
        f"assert Redirect.objects.filter(old_path__startswith='/moved-').count() == {CLIENTS * WRITES_EACH}",
    )
