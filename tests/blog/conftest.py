"""Fixtures for the blog tests: a Danish blog and news index on the Danish site."""

from __future__ import annotations

import pytest

from tests.factories.blog import BlogIndexPageFactory, NewsIndexPageFactory


@pytest.fixture
def blog(home):
    """The Danish site's blog, at http://dk.localhost/blog/."""
    return BlogIndexPageFactory(parent=home("da"), title="Blog", slug="blog")


@pytest.fixture
def news(home):
    return NewsIndexPageFactory(parent=home("da"), title="Nyheder", slug="nyheder")
