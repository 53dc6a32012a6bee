import pytest

from plugins.translation.roles import setup_roles
from tests.factories.auth import UserFactory


@pytest.fixture
def roles(db):
    return setup_roles(log=lambda message: None)


@pytest.fixture
def user_in(roles):
    """``user_in("translators-sv")``: a user who is a member of the named groups."""

    def make(*groups: str, username: str | None = None):
        return UserFactory(username=username or groups[0], groups=list(groups))

    return make
