"""Uploads have a size limit, and need room on the disk: either is a form error."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from wagtail.documents import get_document_model
from wagtail.models import Collection

from cms import uploads
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


def add_document(admin_client, title: str, content: bytes):
    """The admin's *Add a document* form, sent with ``content`` as budget.pdf."""
    return admin_client.post(
        "/admin/documents/add/",
        {
            "title": title,
            "collection": Collection.get_first_root_node().pk,
            "file": SimpleUploadedFile("budget.pdf", content),
        },
    )


@pytest.mark.django_db
@override_settings(WAGTAILDOCS_MAX_UPLOAD_SIZE=100)
def test_the_admin_refuses_an_oversized_document_with_a_form_error(admin_client):
    response = add_document(admin_client, "Budget", b"%PDF-1.4 " + b"x" * 200)
    assert response.status_code == 200
    errors = response.context["form"].errors["file"]
    assert any("too big" in str(error) for error in errors)
    assert not get_document_model().objects.filter(title="Budget").exists()


@pytest.mark.django_db
def test_an_upload_to_a_full_disk_is_a_form_error_and_saves_nothing(
    admin_client, settings, tmp_path, monkeypatch
):
    """The local disk with less room than the file and the reserve: the file field says so.
    The save used to fail with "No space left on device", the 500 page."""
    settings.MEDIA_ROOT = str(tmp_path / "media")  # not made yet: its parent is asked
    real = shutil.disk_usage

    def almost_full(path):
        assert Path(path) == tmp_path
        return real(path)._replace(free=uploads.DISK_RESERVE_BYTES + 10)

    monkeypatch.setattr(shutil, "disk_usage", almost_full)
    response = add_document(admin_client, "Budget 2027", b"%PDF-1.4 " + b"x" * 100)

    assert response.status_code == 200
    assert [(name, len(errors)) for name, errors in response.context["form"].errors.items()] == [
        ("file", 1)
    ]
    html = response.content.decode()
    assert "There is no room left on the server for this file" in html
    assert 'value="Budget 2027"' in html
    assert not get_document_model().objects.exists()
    assert not (tmp_path / "media").exists()


@pytest.mark.django_db
def test_a_disk_with_room_takes_the_upload(admin_client, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    response = add_document(admin_client, "Budget 2027", b"%PDF-1.4 budget")
    assert response.status_code == 302
    assert get_document_model().objects.filter(title="Budget 2027").exists()
