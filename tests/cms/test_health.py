"""/health/ tells a load balancer whether the database, the cache and the media storages
answer. The object storage's case is in test_object_storage.py."""

import pytest


@pytest.mark.django_db
def test_health_reports_database_cache_and_media_storages(client):
    response = client.get("/health/", HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    names = " ".join(response.json())
    assert "Database" in names and "Cache" in names
    assert "'default'" in names and "'documents'" in names, names


@pytest.mark.django_db
def test_health_fails_naming_a_storage_it_cannot_write(client, settings, tmp_path):
    unwritable = tmp_path / "not-a-directory"
    unwritable.write_text("a file where the media directory should be")
    settings.STORAGES = {
        **settings.STORAGES,
        "documents": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(unwritable)},
        },
    }
    response = client.get("/health/", HTTP_ACCEPT="application/json")
    assert response.status_code == 500
    failing = {name: state for name, state in response.json().items() if state != "OK"}
    assert list(failing) == ["Storage(alias='documents')"], response.json()
