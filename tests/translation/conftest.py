import pytest
from wagtail_localize.models import Translation, TranslationSource

from cms.i18n.localize import save_target
from plugins.translation.roles import setup_roles
from tests.factories.auth import UserFactory
from tests.factories.translation import child_page

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


@pytest.fixture
def untranslated(home):
    """A Danish page whose Swedish translation is started but has no strings yet."""
    page = child_page(home("da"), title="Budget", intro="Budgettet for næste år.")
    source, _created = TranslationSource.get_or_create_from_instance(page)
    translation = Translation.objects.create(source=source, target_locale=home("sv").locale)
    save_target(translation, publish=True)
    return page, translation
