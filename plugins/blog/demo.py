"""Builds the blog plugin's demo: a blog and news on every site in its own language, with
an English translation.

The content is data in plugins/blog/demo_content.py; this module turns it into pages and
snippets with the demo context's helpers.
"""

from __future__ import annotations

from datetime import timedelta

from django.apps import apps
from django.utils.text import slugify
from wagtail.models import Page

from cms.public import DemoContext, DemoSite
from plugins.blog.demo_content import (
    ARTICLE_INTERVAL_DAYS,
    ARTICLE_OFFSET_DAYS,
    ARTICLES,
    BLOG,
    BODY,
    CATEGORIES,
    CONFERENCE,
    LATEST,
    NEWS,
    NEWS_BODY,
    NEWS_IMAGE_CREDIT,
    NEWS_TYPES,
    POST_IMAGE_CREDIT,
    POST_INTERVAL_DAYS,
    POSTS,
    QUOTED,
    SIGNUP_URL,
    SNIPPET_LANGUAGE,
    TAGS,
)
from plugins.blog.models import (
    BlogCategory,
    BlogIndexPage,
    BlogPostAuthor,
    BlogPostPage,
    NewsIndexPage,
    NewsPage,
    NewsType,
)
from plugins.people.interface import Person, demo_people


def build(context: DemoContext) -> None:
    categories = _snippets(context, BlogCategory, CATEGORIES)
    types = _snippets(
        context,
        NewsType,
        {
            key: {lang: (name, slug_for(key, lang)) for lang, name in names.items()}
            for key, names in NEWS_TYPES.items()
        },
    )
    for demo_site in context.sites:
        build_blog(context, demo_site, categories)
        build_news(context, demo_site, types)


def slug_for(key: str, language: str) -> str:
    return slugify(NEWS_TYPES[key][language])


def _snippets(context: DemoContext, model, names: dict[str, dict[str, tuple[str, str]]]):
    """Translatable snippets keyed by ``key`` -> {language: row}, created idempotently."""
    result = {}
    for key, per_language in names.items():
        name, slug = per_language[SNIPPET_LANGUAGE]
        source = context.add_snippet(
            model(locale=context.locale(SNIPPET_LANGUAGE), name=name, slug=slug), match="slug"
        )
        result[key] = context.translate_all(
            source,
            lambda language, per_language=per_language: dict(
                zip(("name", "slug"), context.text(per_language, language), strict=True)
            ),
        )
    return result


def _person(context: DemoContext, key: str, language: str) -> Person:
    return context.find(Person, language, name=demo_people()[key].name)


def _set_tags(page, names: list[str]) -> None:
    """Give a translation tags in its own language (translations start with the source's)."""
    if sorted(tag.name for tag in page.tags.all()) == sorted(names):
        return
    page.tags.set(names)
    page.save_revision().publish()


def _index(context: DemoContext, site: DemoSite, model, data) -> Page:
    """The site's blog or news index, with its translations."""
    index = context.add_page(
        site.home, model(**context.localized(data, site.language), show_in_menus=True)
    )
    context.translate_all(index, data, context.shared_languages(site))
    return index


def _image(context: DemoContext, kind: str, english_title: str, credit: str):
    """A post's or article's illustration, titled and described in English."""
    return context.image(
        f"{kind}: {english_title}", alt=english_title, credit=credit, caption=english_title
    )


def build_blog(context: DemoContext, site: DemoSite, categories) -> None:
    own = site.language
    index = _index(context, site, BlogIndexPage, BLOG)
    for number, (slug, authors, owner, category_keys, tag_keys, texts) in enumerate(POSTS):
        title, excerpt = context.text(texts, own)
        image = _image(context, "Blog", texts["en"][0], POST_IMAGE_CREDIT)
        post = BlogPostPage(
            title=title,
            slug=slug,
            date=LATEST - timedelta(days=POST_INTERVAL_DAYS * number),
            excerpt=excerpt,
            page_owner=_person(context, owner, own),
            hero_image=image if number % 3 != 2 else None,
            body=_post_body(own, number),
        )
        post.authors = [BlogPostAuthor(person=_person(context, key, own)) for key in authors]
        post.categories = [categories[key][own] for key in category_keys]
        if context.find_page(index, slug, missing_ok=True) is None:
            post.tags.add(*(TAGS[key][own] for key in tag_keys))
        post = context.add_page(index, post)
        for language in context.shared_languages(site):
            title, excerpt = texts[language]
            translated = context.translate(
                post, language, title=title, excerpt=excerpt, body=_post_body(language, number)
            )
            _set_tags(translated, [TAGS[key][language] for key in tag_keys])


def _quote(language: str, *, with_organisation: bool) -> tuple[str, dict]:
    return (
        "quote",
        {
            "text": CONFERENCE["quote"][language],
            "name": QUOTED["name"],
            "role": DemoContext.text(QUOTED["role"], language),
            "organisation": DemoContext.text(QUOTED["organisation"], language)
            if with_organisation
            else "",
        },
    )


def _post_body(language: str, number: int) -> list:
    first, second = BODY[language]
    blocks = [("text", f"<p>{first}</p>")]
    if number % 4 == 1:
        blocks.append(_quote(language, with_organisation=False))
    blocks.append(("text", f"<p>{second}</p>"))
    return blocks


def build_news(context: DemoContext, site: DemoSite, types) -> None:
    own = site.language
    index = _index(context, site, NewsIndexPage, NEWS)
    meeting = demo_meeting(site, own)
    for number, (slug, type_key, texts, is_conference) in enumerate(ARTICLES):
        title, lead = context.text(texts, own)
        image = _image(context, "News", texts["en"][0], NEWS_IMAGE_CREDIT)
        article = NewsPage(
            title=title,
            slug=slug,
            date=LATEST - timedelta(days=ARTICLE_INTERVAL_DAYS * number + ARTICLE_OFFSET_DAYS),
            news_type=types[type_key][own],
            lead=lead,
            hero_image=image,
            body=_news_body(own, is_conference),
            related_event=meeting if is_conference else None,
            call_to_action=_signup(own, meeting) if is_conference else [],
        )
        article = context.add_page(index, article)
        for language in context.shared_languages(site):
            title, lead = texts[language]
            context.translate(
                article,
                language,
                title=title,
                lead=lead,
                body=_news_body(language, is_conference),
                call_to_action=_signup(language, demo_meeting(site, language))
                if is_conference
                else [],
            )


def _news_body(language: str, is_conference: bool) -> list:
    blocks: list = []
    if is_conference:
        blocks += [
            _quote(language, with_organisation=True),
            (
                "fact_box",
                {
                    "title": CONFERENCE["facts_title"][language],
                    "items": CONFERENCE["facts"][language],
                },
            ),
        ]
    blocks.append(("text", f"<p>{NEWS_BODY[language]}</p>"))
    return blocks


def _signup(language: str, meeting) -> list:
    value = {"label": CONFERENCE["signup"][language], "text": "", "page": None, "url": ""}
    if meeting is not None:
        value["page"] = meeting
    else:
        value["url"] = SIGNUP_URL
    return [("call_to_action", value)]


def demo_meeting(site: DemoSite, language: str) -> Page | None:
    """A live demo meeting of this site, if the meetings plugin is installed and has built one."""
    try:
        MeetingPage = apps.get_model("meetings", "MeetingPage")
    except LookupError:
        return None
    home = site.home_in(language)
    return (
        MeetingPage.objects.live()
        .descendant_of(home)
        .filter(locale=home.locale)
        .order_by("start" if hasattr(MeetingPage, "start") else "pk")
        .first()
    )
