"""moto's S3 server for the object-storage tests: the bucket, its keys, and plain fetches.

The server itself is the ``s3_server`` fixture (tests/cms/conftest.py), started once per test
process and shared by every test that asks for it, in this process or in the app processes
a test starts (tests/cms/test_two_processes.py).
"""

from __future__ import annotations

import json
import os
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager

import boto3
import pytest

BUCKET = "tingsted-media"
REGION = "eu-north-1"
KEYS = {"access_key": "tingsted-test", "secret_key": "tingsted-test-secret"}
#: The bucket policy docs/deploy.md asks for: images public, documents not.
PUBLIC_IMAGES_POLICY = {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Sid": "PublicImages",
            "Effect": "Allow",
            "Principal": "*",
            "Action": "s3:GetObject",
            "Resource": [
                f"arn:aws:s3:::{BUCKET}/images/*",
                f"arn:aws:s3:::{BUCKET}/original_images/*",
            ],
        }
    ],
}

#: Fetches bucket URLs as a browser would, never through a proxy from the environment.
DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}))


@contextmanager
def running_s3_server() -> Iterator[str]:
    """moto's S3 server on 127.0.0.1 with the bucket made: yields its endpoint URL."""
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    endpoint = f"http://{host}:{port}"
    try:
        with pytest.MonkeyPatch.context() as patch:
            # boto3 would send the storage's requests through a proxy named in the environment.
            for name in ("NO_PROXY", "no_proxy"):
                patch.setenv(name, ",".join(filter(None, [os.environ.get(name), host])))
            s3 = client(endpoint)
            s3.create_bucket(
                Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": REGION}
            )
            s3.put_bucket_policy(Bucket=BUCKET, Policy=json.dumps(PUBLIC_IMAGES_POLICY))
            yield endpoint
    finally:
        server.stop()


def client(endpoint: str):
    return boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name=REGION,
        aws_access_key_id=KEYS["access_key"],
        aws_secret_access_key=KEYS["secret_key"],
    )


def fetch(url: str) -> tuple[int, bytes]:
    status, content, _ = fetch_with_headers(url)
    return status, content


def fetch_with_headers(url: str):
    try:
        with DIRECT.open(url, timeout=5) as answer:
            return answer.status, answer.read(), answer.headers
    except urllib.error.HTTPError as error:
        return error.code, error.read(), error.headers
