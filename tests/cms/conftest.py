"""Fixtures of the tests of cms/: moto's S3 server, shared by the object-storage tests."""

from __future__ import annotations

import pytest

from tests.cms.s3 import running_s3_server


@pytest.fixture(scope="session")
def s3_server():
    """moto's S3 server on 127.0.0.1 with the bucket made (tests/cms/s3.py): its endpoint URL."""
    with running_s3_server() as endpoint:
        yield endpoint
