"""A Redis outage degrades service: pages, API, forms and the admin keep answering.

Each test starts its own redis-server on a free port (others use the one on 6379), then
stops it (SIGTERM) or freezes it (SIGSTOP) in the middle of a run.
"""

from __future__ import annotations

import logging
import shutil
import signal
import socket
import subprocess
import time

import pytest

from cms import generation
from plugins.networks.models import InterestSubmission
from tests.cms.processes import free_port
from tests.factories.networks import INTEREST_FORM, NetworkIndexPageFactory, NetworkPageFactory

pytestmark = pytest.mark.redis

REDIS_SERVER = shutil.which("redis-server") or "/usr/bin/redis-server"


@pytest.fixture
def redis_server():
    """A redis-server of this test's own: ``.process``, ``.url``."""
    if not shutil.which("redis-server") and not shutil.which(REDIS_SERVER):
        pytest.skip("redis-server is not installed")
    port = free_port()
    process = subprocess.Popen(
        [
            REDIS_SERVER,
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while True:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5) as sock:
                sock.sendall(b"PING\r\n")
                if sock.recv(16).startswith(b"+PONG"):
                    break
        except OSError:
            pass
        if time.monotonic() > deadline:
            process.kill()
            pytest.fail("redis-server did not start")
        time.sleep(0.05)

    class Server:
        url = f"redis://127.0.0.1:{port}/0"

        def stop(self):
            process.send_signal(signal.SIGTERM)
            process.wait(timeout=10)

        def freeze(self):
            process.send_signal(signal.SIGSTOP)

        def thaw(self):
            process.send_signal(signal.SIGCONT)

    Server.process = process
    yield Server()
    if process.poll() is None:
        process.send_signal(signal.SIGCONT)
        process.kill()
        process.wait()


@pytest.fixture
def redis_cache(settings, redis_server):
    """The project's cache, as CACHE_URL=redis://… configures it, on the test's own Redis."""
    settings.CACHES = {
        "default": {"BACKEND": "cms.cache.ResilientRedisCache", "LOCATION": redis_server.url}
    }
    settings.TINGSTED_GENERATION_STORE = "auto"
    return redis_server


@pytest.fixture
def network(home):
    return NetworkPageFactory(
        parent=NetworkIndexPageFactory(parent=home("da")),
        title="Inclusion",
        contact_email="contact@example.org",
    )


class TooSlow(Exception):
    pass


def within(seconds: float, request):
    """``request()``'s answer, failing the test if it takes longer than ``seconds``.

    An alarm rather than a thread: the test database lives in this thread's connection,
    and the alarm interrupts a socket read that would wait for ever.
    """

    def give_up(signum, frame):
        raise TooSlow(f"no answer within {seconds} s")

    previous = signal.signal(signal.SIGALRM, give_up)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        return request()
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def visit(client, network) -> dict[str, int]:
    """Status of each kind of request a cache outage once turned into a 500."""
    da = {"HTTP_HOST": "dk.localhost"}
    return {
        "page": client.get("/", **da).status_code,
        "network page": client.get(network.get_url(), **da).status_code,
        "api list": client.get("/api/v3/pages/", **da).status_code,
        "api v2 list": client.get("/api/v2/pages/", **da).status_code,
        "search": client.get("/api/v3/pages/?search=inclusion", **da).status_code,
        "interest form": client.post(network.get_url(), INTEREST_FORM, **da).status_code,
        "admin login": client.get("/admin/login/").status_code,
    }


ALL_ANSWER = {
    "page": 200,
    "network page": 200,
    "api list": 200,
    "api v2 list": 200,
    "search": 200,
    "interest form": 302,
    "admin login": 200,
}


@pytest.mark.django_db
def test_a_stopped_redis_leaves_every_page_answering(client, network, redis_cache, caplog):
    assert visit(client, network) == ALL_ANSWER
    assert client.get("/health/", HTTP_ACCEPT="application/json").status_code == 200

    redis_cache.stop()
    with caplog.at_level(logging.WARNING):
        for _ in range(3):
            assert within(20, lambda: visit(client, network)) == ALL_ANSWER
    assert InterestSubmission.objects.count() == 4
    assert any("is unavailable" in r.getMessage() for r in caplog.records if r.name == "cms.cache")

    # The health endpoint says what is wrong; the site itself still answers.
    health = client.get("/health/", HTTP_ACCEPT="application/json")
    assert health.status_code == 500
    body = health.json()
    assert any("Cache" in name and "OK" not in str(value) for name, value in body.items())
    assert any("Database" in name and "OK" in str(value) for name, value in body.items())


@pytest.mark.django_db
def test_a_frozen_redis_costs_a_short_wait_not_an_error(client, network, redis_cache):
    assert visit(client, network) == ALL_ANSWER
    redis_cache.freeze()
    started = time.monotonic()
    assert within(30, lambda: visit(client, network)) == ALL_ANSWER
    # One read timeout (0.5 s) for the first call, then Redis is left alone for a while:
    # seven requests, not seven times several waits.
    assert time.monotonic() - started < 15
    assert InterestSubmission.objects.count() == 2


@pytest.mark.django_db
def test_rate_limits_open_while_the_cache_is_down(client, network, redis_cache, settings):
    settings.TINGSTED_INTEREST_RATE_LIMIT = 1
    da = {"HTTP_HOST": "dk.localhost"}
    assert client.post(network.get_url(), INTEREST_FORM, **da).status_code == 302
    assert client.post(network.get_url(), INTEREST_FORM, **da).status_code == 429
    redis_cache.stop()
    statuses = [client.post(network.get_url(), INTEREST_FORM, **da).status_code for _ in range(3)]
    assert statuses == [302, 302, 302]
    assert InterestSubmission.objects.count() == 4


def test_a_bump_lost_in_an_outage_is_made_once_redis_answers(redis_cache, settings):
    settings.TINGSTED_CACHE_RETRY_AFTER = 0.1
    before = generation.generation()
    redis_cache.freeze()
    # In the outage every read is a fresh value: nothing remembered matches it.
    assert generation.generation() != before
    generation.bump_generation()  # lost: Redis cannot store it
    redis_cache.thaw()
    time.sleep(0.2)
    after = generation.generation()
    assert after > before
    assert generation.generation() == after  # stable again


@pytest.mark.django_db
def test_pages_are_rendered_afresh_while_the_cache_is_down(
    client, network, redis_cache, django_assert_num_queries
):
    da = {"HTTP_HOST": "dk.localhost"}
    client.get(network.get_url(), **da)
    with django_assert_num_queries(0):
        assert client.get(network.get_url(), **da).status_code == 200  # from Redis

    redis_cache.stop()
    page = network.specific
    page.lead = "Rewritten while Redis was down."
    page.save_revision().publish()  # the generation's bump is lost with Redis
    for _ in range(2):
        response = within(20, lambda: client.get(network.get_url(), **da))
        assert response.status_code == 200
        assert "Rewritten while Redis was down." in response.content.decode()


def test_every_cache_call_reuses_one_redis_client():
    # Django builds a redis.Redis per call, whose constructor alone cost more CPU than a
    # cache hit's round trip; the project's backend keeps one per connection pool.
    from cms.cache import ResilientRedisCache

    cache = ResilientRedisCache("redis://127.0.0.1:1/0", {})
    assert cache._cache.get_client() is cache._cache.get_client(write=True)
