"""Uploads have a size limit: an oversized document is refused with a form error."""

from __future__ import annotations

import subprocess
import sys

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from wagtail.documents import get_document_model
from wagtail.models import Collection

from tests.cms.processes import bytecode_cache


def test_documents_and_images_are_limited_by_default():
    assert settings.WAGTAILDOCS_MAX_UPLOAD_SIZE == 20 * 1024 * 1024
    assert settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE == 10 * 1024 * 1024


def test_the_limits_come_from_the_environment(tmp_path):
    code = "from django.conf import settings as s; print(s.WAGTAILDOCS_MAX_UPLOAD_SIZE)"
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", code],
        cwd=settings.BASE_DIR,
        env={
            "PATH": "/usr/local/bin:/usr/bin:/bin",
            **bytecode_cache(),
            "HOME": str(tmp_path),
            "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
            "WAGTAILDOCS_MAX_UPLOAD_SIZE": "5000",
        },
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )
    assert result.stdout.strip().splitlines()[-1] == "5000", result.stderr


@pytest.mark.django_db
@override_settings(WAGTAILDOCS_MAX_UPLOAD_SIZE=100)
def test_the_admin_refuses_an_oversized_document_with_a_form_error(admin_client):
    response = admin_client.post(
        "/admin/documents/add/",
        {
            "title": "Budget",
            "collection": Collection.get_first_root_node().pk,
            "file": SimpleUploadedFile("budget.pdf", b"%PDF-1.4 " + b"x" * 200),
        },
    )
    assert response.status_code == 200
    errors = response.context["form"].errors["file"]
    assert any("too big" in str(error) for error in errors)
    assert not get_document_model().objects.filter(title="Budget").exists()
