import pytest

from plugins.translation.roles import setup_roles
from tests.factories.auth import UserFactory

#: The admin answers on any site's host; the English one.
HOST = {"HTTP_HOST": "localhost"}


def refused(response) -> bool:
    """Whether the admin refused the request: 403, or Wagtail's redirect to the dashboard."""
    return response.status_code == 403 or (
        response.status_code == 302 and response.url.rstrip("/") == "/admin"
    )


@pytest.fixture
def roles(db):
    return setup_roles(log=lambda message: None)


@pytest.fixture
def user_in(roles):
    """``user_in("translators-sv")``: a user who is a member of the named groups."""

    def make(*groups: str, username: str | None = None):
        return UserFactory(username=username or groups[0], groups=list(groups))

    return make
