"""Posts and articles: what a reader sees, the publish date default, JSON-LD and the API."""

from __future__ import annotations

import datetime
import json
import re
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from plugins.blog.models import BlogPostPage, event_summary, is_event
from tests.factories.blog import (
    BlogCategoryFactory,
    BlogPostPageFactory,
    NewsPageFactory,
    NewsTypeFactory,
)
from tests.factories.cms import ImageFactory
from tests.factories.people import PersonFactory

pytestmark = pytest.mark.django_db


def json_ld(response) -> list[dict]:
    return [
        json.loads(block)
        for block in re.findall(
            r'<script type="application/ld\+json">(.*?)</script>', response.content.decode(), re.S
        )
    ]


@pytest.fixture
def post(blog, locales):
    organisation_person = PersonFactory(
        name="Karin Lindqvist", role="Forsker", is_external=True, locale=locales["da"]
    )
    from plugins.people.models import Organisation

    organisation_person.organisation = Organisation.objects.create(
        name="Institut for Lokal Velfærd", locale=locales["da"]
    )
    organisation_person.save()
    return BlogPostPageFactory(
        parent=blog,
        title="Hvad mener vi med integration?",
        slug="integration",
        excerpt="Et gæsteindlæg om et ord vi sjældent definerer.",
        date=datetime.date(2025, 10, 15),
        authors=[organisation_person],
        page_owner=PersonFactory(name="Klara Persson", role="Rådgiver", locale=locales["da"]),
        hero_image=ImageFactory(caption="Foreningshuset", credit="Foto: Ane Berg"),
        categories=[
            BlogCategoryFactory(name="Integration", slug="integration", locale=locales["da"])
        ],
        tags=["frivillige", "sprog"],
        body=[
            ("text", "<p>Brødtekst om foreninger.</p>"),
            (
                "quote",
                {
                    "text": "Ord betyder noget.",
                    "name": "Sigrid Holm",
                    "role": "Forperson",
                    "organisation": "",
                },
            ),
        ],
    )


def test_post_shows_guest_author_page_owner_image_credit_tags_and_categories(host_client, post):
    body = host_client.get("da", "/blog/integration/").content.decode()
    assert "<h1" in body and body.count("<h1") == 1
    assert "Karin Lindqvist" in body and "Institut for Lokal Velfærd" in body
    assert "gæsteskribent" in body  # "guest author" on the Danish site
    assert 'class="page-owner">Sideansvarlig: <strong>Klara Persson</strong>' in body
    assert "Foreningshuset" in body and "Foto: Ane Berg" in body
    assert 'href="/blog/?tag=frivillige" rel="tag"' in body
    assert 'href="/blog/?category=integration">Integration</a>' in body
    assert '<time datetime="2025-10-15">' in body
    assert "Ord betyder noget." in body


def test_publish_date_defaults_to_the_day_of_first_publication(blog):
    post = BlogPostPageFactory(parent=blog, date=None, live=False, first_published_at=None)
    post.save_revision().publish()
    post.refresh_from_db()
    assert post.first_published_at is not None
    assert post.date == timezone.localdate(post.first_published_at, ZoneInfo("Europe/Copenhagen"))
    editor_set = BlogPostPageFactory(parent=blog, date=datetime.date(2020, 1, 2), live=False)
    editor_set.save_revision().publish()
    editor_set.refresh_from_db()
    assert editor_set.date == datetime.date(2020, 1, 2)


def test_blog_posting_json_ld(host_client, post):
    posting, breadcrumbs = json_ld(host_client.get("da", "/blog/integration/"))
    assert posting["@type"] == "BlogPosting"
    assert posting["headline"] == "Hvad mener vi med integration?"
    assert posting["datePublished"].startswith("2025-10-15")
    assert posting["dateModified"]
    assert posting["author"] == [
        {
            "@type": "Person",
            "name": "Karin Lindqvist",
            "jobTitle": "Forsker",
            "affiliation": {"@type": "Organization", "name": "Institut for Lokal Velfærd"},
        }
    ]
    assert posting["image"][0].startswith("http://dk.localhost/media/images/")
    assert posting["publisher"]["@type"] == "Organization"
    assert posting["publisher"]["url"] == "http://dk.localhost/"
    assert posting["inLanguage"] == "da"
    assert breadcrumbs["@type"] == "BreadcrumbList"
    assert [item["item"] for item in breadcrumbs["itemListElement"]] == [
        "http://dk.localhost/",
        "http://dk.localhost/blog/",
        "http://dk.localhost/blog/integration/",
    ]


def test_news_article_with_type_quote_fact_box_and_sign_up(host_client, news, locales):
    NewsPageFactory(
        parent=news,
        title="Nordisk konference",
        slug="konference",
        date=datetime.date(2025, 9, 21),
        news_type=NewsTypeFactory(name="Nyhed", slug="nyhed", locale=locales["da"]),
        lead="Forummet inviterer til konference.",
        hero_image=ImageFactory(caption="Plantekasser i gården", credit="Fotograf: Ane Berg"),
        body=[
            (
                "quote",
                {
                    "text": "Vi kan lære meget.",
                    "name": "Sigrid Holm",
                    "role": "Forperson",
                    "organisation": "",
                },
            ),
            ("fact_box", {"title": "Det står på programmet", "items": ["Bolig", "Arbejde"]}),
        ],
        call_to_action=[
            (
                "call_to_action",
                {
                    "label": "Tilmeld dig",
                    "url": "https://example.org/tilmeld",
                    "page": None,
                    "text": "",
                },
            )
        ],
    )
    response = host_client.get("da", "/nyheder/konference/")
    body = response.content.decode()
    assert '<span class="news-type">Nyhed</span>' in body
    assert "Plantekasser i gården" in body and "Fotograf: Ane Berg" in body
    assert 'quote-name">Sigrid Holm' in body and "Forperson" in body
    assert "<li>Arbejde</li>" in body or "Arbejde" in body
    assert 'href="https://example.org/tilmeld"' in body
    article, _breadcrumbs = json_ld(response)
    assert article["@type"] == "NewsArticle"
    assert article["articleSection"] == "Nyhed"
    assert article["datePublished"].startswith("2025-09-21")


def test_related_event_must_be_a_meeting(news, blog):
    article = NewsPageFactory(parent=news)
    article.related_event = blog
    with pytest.raises(ValidationError) as error:
        article.full_clean()
    assert "related_event" in error.value.message_dict


def test_events_are_recognised_by_their_shape():
    class Meeting:
        title = "Konference"
        start = datetime.datetime(2025, 11, 20, 9, tzinfo=datetime.UTC)
        venue = None

    assert is_event(Meeting())
    assert not is_event(BlogPostPage(title="x"))
    assert event_summary(Meeting())["start"] == Meeting.start


def test_api_resolves_authors_owner_tags_categories_and_image(client, post):
    response = client.get(f"/api/v2/pages/{post.pk}/", HTTP_HOST="dk.localhost")
    assert response.status_code == 200
    data = response.json()
    assert data["date"] == "2025-10-15"
    assert data["excerpt"] == "Et gæsteindlæg om et ord vi sjældent definerer."
    assert data["authors"][0]["name"] == "Karin Lindqvist"
    assert data["authors"][0]["is_external"] is True
    assert data["authors"][0]["organisation"]["name"] == "Institut for Lokal Velfærd"
    assert data["page_owner"]["name"] == "Klara Persson"
    assert data["tags"] == ["frivillige", "sprog"]
    assert data["categories"] == [
        {
            "id": post.categories.get().pk,
            "name": "Integration",
            "slug": "integration",
            "description": "",
        }
    ]
    assert data["hero_image"]["credit"] == "Foto: Ane Berg"
    assert data["hero_image"]["renditions"][0]["url"].startswith("http://dk.localhost/")
    assert [block["type"] for block in data["body"]] == ["text", "quote"]
    assert data["body"][1]["value"]["name"] == "Sigrid Holm"


def test_api_shows_people_and_categories_in_the_pages_language(client, post, locales):
    karin = post.authors.get().person
    swedish_karin = karin.copy_for_translation(locales["en"])
    swedish_karin.role = "Researcher"
    swedish_karin.save()
    category = post.categories.get()
    english_category = category.copy_for_translation(locales["en"])
    english_category.name = "Integration (en)"
    english_category.save()
    english_home = post.get_parent().get_parent().get_translation(locales["en"])
    from tests.factories.blog import BlogIndexPageFactory

    english_blog = BlogIndexPageFactory(parent=english_home, slug="blog")
    english = BlogPostPageFactory(
        parent=english_blog, authors=[karin], categories=[category], date=post.date
    )
    data = client.get(f"/api/v2/pages/{english.pk}/", HTTP_HOST="dk.localhost").json()
    assert data["authors"][0]["role"] == "Researcher"
    assert data["categories"][0]["name"] == "Integration (en)"


def test_a_guest_from_another_language_shows_the_organisation_in_the_pages(
    blog, locales, host_client
):
    """Danish posts showed a Swedish guest's organisation by its Swedish name (issue 17)."""
    from cms.i18n.localize import translate
    from tests.factories.people import OrganisationFactory

    institute = OrganisationFactory(name="Institutet för lokal välfärd", locale=locales["sv"])
    guest = PersonFactory(
        name="Karin Lindqvist", is_external=True, organisation=institute, locale=locales["sv"]
    )
    # The person is translated before the organisation is: the link stays Swedish.
    danish_guest, _ = translate(guest, "da")
    translate(institute, "da", name="Institut for Lokal Velfærd")
    assert danish_guest.organisation.locale == locales["sv"]
    BlogPostPageFactory(parent=blog, title="Gæsteindlæg", slug="gaest", authors=[danish_guest])
    body = host_client.get("da", "/blog/gaest/").content.decode()
    listing = host_client.get("da", "/blog/").content.decode()
    for html in (body, listing):
        assert "Institut for Lokal Velfærd" in html
        assert "Institutet för lokal välfärd" not in html
