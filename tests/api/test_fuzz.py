"""The API fuzzed from its own OpenAPI document: every answer is one the document declares.

Schemathesis generates requests for every operation of ``/api/v3/openapi.json`` (path ids,
filters, searches, limits, dates, request bodies: valid and invalid) and sends each through
the WSGI application twice, anonymously and with a superuser's token, over demo-like
content. Every answer must pass the four checks: no server error, a status the operation
declares, a body matching that status's schema (``Problem`` for errors), and the declared
content type. Generation is derandomized (a fixed seed derived from each test) and bounded,
so CI runs the same requests every time.

A longer campaign with fresh random inputs, to look for what the bounded run misses::

    TINGSTED_FUZZ_EXAMPLES=300 TINGSTED_FUZZ_RANDOM=1 make test-postgres PYTEST_ARGS=tests/api/test_fuzz.py

``TINGSTED_FUZZ_EXAMPLES`` is the number of examples per read operation and principal
(writes get half); ``TINGSTED_FUZZ_RANDOM`` draws new inputs on every run.
"""

from __future__ import annotations

import os
from contextlib import contextmanager

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)
from schemathesis.core.failures import FailureGroup

from tests.api.test_pages import one_page_of_each_type  # noqa: F401 (fixture)
from tests.factories.api import APITokenFactory, UserFactory
from tests.factories.cms import DocumentFactory, ImageFactory

pytestmark = pytest.mark.django_db

#: Examples per operation and principal: enough to reach every parameter's edge cases
#: (schemathesis starts from the boundaries), few enough to keep the test within 30-60 s. Writes
#: (whose bodies are large to generate) get fewer.
EXAMPLES = {"GET": 30, "write": 15}
if os.environ.get("TINGSTED_FUZZ_EXAMPLES"):
    _examples = int(os.environ["TINGSTED_FUZZ_EXAMPLES"])
    EXAMPLES = {"GET": _examples, "write": max(1, _examples // 2)}
#: A fixed seed per test unless asked for fresh inputs (the longer campaign above).
DERANDOMIZE = not os.environ.get("TINGSTED_FUZZ_RANDOM")
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    response_schema_conformance,
    content_type_conformance,
]


@pytest.fixture
def demo_content(one_page_of_each_type):  # noqa: F811
    for number in range(3):
        ImageFactory(title=f"Havnebadet {number}")
        DocumentFactory(title=f"Referat {number}")
    return one_page_of_each_type


def test_every_answer_is_one_the_document_declares(client, demo_content, settings_override):
    app = get_wsgi_application()
    document = client.get("/api/v3/openapi.json", HTTP_HOST="localhost")
    assert document.status_code == 200
    schema = schemathesis.openapi.from_dict(document.json())
    token = APITokenFactory(user=UserFactory(username="fuzz-admin", is_superuser=True))
    principals = {"anonymous": {}, "superuser": {"Authorization": f"Bearer {token.plaintext}"}}
    # Answers are compared as sent; schemathesis does not decompress a WSGI answer.
    common = {"Host": "localhost", "Accept-Encoding": "identity"}

    failures: list[str] = []
    # Reads first: a superuser's fuzzed writes may delete what they read (the site, say).
    operations = sorted(
        (result.ok() for result in schema.get_all_operations()),
        key=lambda operation: operation.method.upper() != "GET",
    )
    assert len(operations) >= 50, [operation.label for operation in operations]
    for operation in operations:
        kind = "GET" if operation.method.upper() == "GET" else "write"

        @settings(
            max_examples=EXAMPLES[kind],
            derandomize=DERANDOMIZE,
            database=None,
            deadline=None,
            phases=[Phase.explicit, Phase.generate],
            suppress_health_check=list(HealthCheck),
        )
        @given(case=operation.as_strategy())
        def fuzz(case):
            for principal, headers in principals.items():
                response = case.call(app=app, headers={**common, **headers})
                try:
                    case.validate_response(response, checks=CHECKS)
                except FailureGroup as group:  # collected for every operation, reported below
                    failures.extend(
                        f"{case.operation.label} as {principal}: {response.status_code} "
                        f"{type(failure).__name__} {case.as_curl_command()}"
                        for failure in group.exceptions
                    )

        with connection_kept():
            fuzz()  # no operation is unsatisfiable: each one's parameters can be met
    assert not failures, "\n".join(failures)


@contextmanager
def connection_kept():
    """Keep the test's database connection across requests, as Django's test client does
    (and undoes after each of its own requests): the WSGI handler closes it when a request
    finishes, which on PostgreSQL would end the test's transaction."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@pytest.fixture
def settings_override(settings):
    # The fuzzer sends hundreds of requests from one address: no rate limit, no stored answers.
    settings.TINGSTED_API_RATE_ANONYMOUS = None
    settings.TINGSTED_API_RATE_TOKEN = None
    settings.DEBUG = False
    return settings
