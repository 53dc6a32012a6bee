"""Users in Tingsted's roles and pages with translations, for the translation tests."""

from __future__ import annotations

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils.text import slugify
from wagtail.models import APIToken

from cms.models import HomePage


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.django.Password("a-long-test-password")

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(*(Group.objects.get(name=name) for name in extracted))


def api_token(user) -> str:
    """A v3 bearer token for ``user``; returns the raw key."""
    _token, key = APIToken.create_token(user=user, name="test")
    return key


def child_page(parent, *, title: str, intro: str = "", body=None) -> HomePage:
    """A published page under ``parent`` in the parent's locale.

    HomePage stands in for any page type (it may sit anywhere); the translation machinery
    under test treats every page type alike.
    """
    page = HomePage(title=title, slug=slugify(title), intro=intro, body=body or [])
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page
