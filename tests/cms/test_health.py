"""/health/ tells a load balancer whether the database and the cache answer."""

import pytest


@pytest.mark.django_db
def test_health_reports_database_and_cache(client):
    response = client.get("/health/", HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    names = " ".join(response.json())
    assert "Database" in names and "Cache" in names
