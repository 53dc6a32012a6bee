"""The bench dataset generator: a valid tree, built in bulk, extensible per plugin.

The benchmark runs on PostgreSQL only (`make bench`, docs/benchmarks.md), so its generator is
tested in the PostgreSQL run only.
"""

import json
from dataclasses import replace

import pytest
from django.core.management import CommandError, call_command
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from cms.bench import data
from cms.bench.content import fill_page_fields, stream_data
from cms.bench.text import Text
from cms.bench.tree import BulkTree, tree_problems
from cms.models import HomePage

pytestmark = pytest.mark.postgres


class Rollback(Exception):
    pass


def queries_to_generate(pages: int) -> int:
    with CaptureQueriesContext(connection) as captured:
        try:
            with transaction.atomic():
                # Without treebeard's check, which reads every page on purpose.
                data.generate(pages, check=False, log=lambda message: None)
                raise Rollback
        except Rollback:
            pass
    return len(captured)


@pytest.mark.django_db
def test_the_generated_tree_passes_the_integrity_check(sites, locales):
    result = data.generate(40, log=lambda message: None)

    assert result.pages == 40
    assert result.problems == {}
    assert tree_problems() == {}
    added = Page.objects.filter(slug__startswith="bench-")
    assert added.count() == 40
    assert added.filter(live=True, last_published_at__isnull=False).count() == 40
    # The Danish site gets pages in Danish and in English, linked as translations (at 40
    # pages the first sites get every page type, the last ones none yet).
    danish = added.filter(locale=locales["da"]).descendant_of(sites["da"].root_page)
    assert danish.exists()
    first = danish.order_by("path").first()
    assert first.get_translation_or_none(locales["en"]) is not None
    assert first.url_path == f"{sites['da'].root_page.url_path}{first.slug}/"


@pytest.mark.django_db
def test_the_pages_are_served_by_the_api_and_found_by_search(sites, host_client):
    data.generate(40, log=lambda message: None)

    listed = host_client.get("da", "/api/v2/pages/?fields=*&limit=100").json()
    # The site searches in its own language (Danish stemming on PostgreSQL), so the word
    # comes from a Danish page; the site also lists its English translations.
    danish = [item for item in listed["items"] if item["meta"]["locale"] == "da"]
    word = danish[-1]["title"].split()[0].lower()
    found = host_client.get("da", f"/api/v2/pages/?search={word}").json()

    # The Danish site's home plus its share of the 40 pages (two of the seven slots).
    assert listed["meta"]["total_count"] > 10
    assert found["meta"]["total_count"] > 0


@pytest.mark.django_db
def test_queries_do_not_grow_with_the_number_of_pages(sites, settings):
    # One site, so 30 pages already hold every page type in both its languages: the
    # search index writes a batch per page type and language, which 30 pages on all four
    # sites would not all reach yet.
    settings.TINGSTED_SITES = [spec for spec in settings.TINGSTED_SITES if spec["language"] == "da"]
    # Ten times the pages: a few more batches (search index, INSERTs), nothing per page.
    assert queries_to_generate(300) <= queries_to_generate(30) + 20


@pytest.mark.django_db
def test_home_pages_get_a_long_valid_body_and_people_exist_in_every_locale(sites, locales):
    from plugins.people.models import Person

    data.generate(10, log=lambda message: None)

    home = sites["da"].root_page.specific
    assert len(home.body) == 40
    stream_block = HomePage._meta.get_field("body").stream_block
    stream_block.clean(home.body)  # what an editor's save would accept
    assert {"heading", "text", "image", "attachments"} <= {block.block_type for block in home.body}
    for locale in locales.values():
        assert (
            Person.objects.filter(locale=locale, email__endswith="@bench.example.org").count() == 24
        )


@pytest.mark.django_db
def test_generated_stream_content_is_valid_for_the_block_definitions(sites, locales):
    context = data.BenchContext(
        pages=0,
        rng=__import__("random").Random(1),
        text=Text(__import__("random").Random(1)),
        slots=[],
        locales=locales,
        tree=BulkTree(),
    )
    from cms.bench.core import build_media

    build_media(context)
    stream_block = HomePage._meta.get_field("body").stream_block

    raw = stream_data(stream_block, 20, context, "sv", locales["sv"].pk)
    value = stream_block.to_python(raw)

    stream_block.clean(value)
    assert "embed" not in {item["type"] for item in raw}  # no calls to other sites
    representation = stream_block.get_api_representation(value, {})
    assert representation[3]["value"]["renditions"]  # images resolve to renditions


@pytest.mark.django_db
def test_specific_page_models_are_inserted_in_bulk_into_every_table(locales):
    from random import Random

    context = data.BenchContext(
        pages=0, rng=Random(2), text=Text(Random(2)), slots=[], locales=locales, tree=BulkTree()
    )
    root = Page.get_first_root_node()
    tree = BulkTree()
    node = tree.node(root)
    for number in range(3):
        page = HomePage(title=f"Extra {number}", slug=f"extra-{number}", locale=locales["nb"])
        fill_page_fields(page, context, "nb", blocks_per_stream=6)
        tree.add(node, page)

    tree.flush()

    assert tree_problems() == {}
    extra = HomePage.objects.filter(slug__startswith="extra-").order_by("path")
    assert [page.title for page in extra] == ["Extra 0", "Extra 1", "Extra 2"]
    assert len(extra[0].body) == 6 and extra[0].intro
    assert Page.objects.get(pk=root.pk).numchild == root.numchild + 3


RECORDED: list[int] = []


def record_share(context) -> None:
    RECORDED.append(context.page_share("people"))


def test_a_builder_a_plugin_declares_is_used_instead_of_the_default(monkeypatch):
    from cms.plugins import registry

    monkeypatch.setitem(
        registry._plugins, "people", replace(registry.get("people"), bench_data=record_share)
    )
    RECORDED.clear()

    builders = {builder.label: builder for builder in data.discover_builders()}
    builders["people"].build(
        data.BenchContext(
            pages=0, rng=None, text=None, slots=[], locales={}, tree=None, shares={"people": 7}
        )
    )

    assert RECORDED == [7]


@pytest.fixture
def without_content_plugins(monkeypatch):
    """The plugin registry as it was before any plugin added page types."""
    from cms.plugins import registry

    kept = {
        plugin.label: plugin
        for plugin in registry
        if plugin.label == "cms" or not plugin.page_models
    }
    # monkeypatch puts the process's own registry back, in its order, after the test.
    monkeypatch.setattr(registry, "_plugins", kept)


@pytest.mark.django_db
def test_without_content_plugins_plain_pages_stand_in_and_say_so(sites, without_content_plugins):
    builders = data.discover_builders()

    assert builders[-1].label == "placeholder"
    result = data.generate(14, log=lambda message: None)
    assert "stand in" in result.notes[0]
    assert result.pages == 14
    assert {type(page) for page in Page.objects.filter(slug__startswith="bench-")} == {Page}


@pytest.mark.django_db
def test_content_plugins_get_every_page_type_where_wagtail_allows_it(sites):
    from cms.plugins import registry
    from plugins.meetings.models import MeetingPage
    from plugins.minutes.models import AgendaItem, MinutesPage
    from plugins.networks.models import NetworkPage

    result = data.generate(150, log=lambda message: None)

    assert "placeholder" not in result.builders
    added = Page.objects.filter(slug__startswith="bench-")
    assert added.count() == result.pages == 150
    # Every page type the plugins declare, the leaves too, not only index pages; the
    # core's own pages (a site's home page, and its terms or about pages) are not content
    # the benchmark measures.
    core = set(registry.get("cms").page_models)
    assert {page.specific_class for page in added} == set(registry.page_models()) - core
    for page in added.specific():
        parent = page.get_parent().specific
        assert page.can_exist_under(parent), f"{type(page).__name__} under {type(parent).__name__}"
    # Networks hold meetings, minutes have agenda items.
    network = NetworkPage.objects.filter(slug__startswith="bench-").first()
    assert MeetingPage.objects.child_of(network).exists()
    assert AgendaItem.objects.filter(page__in=MinutesPage.objects.all()).exists()


@pytest.mark.django_db
def test_the_command_reports_its_time_and_refuses_to_add_twice(sites, capsys, bench_command):
    call_command(bench_command("bench_data"), pages=40, no_migrate=True, json=True)
    report = json.loads(capsys.readouterr().out)

    assert report["pages"] == 40
    assert report["tree_problems"] == {}
    assert report["seconds"] > 0
    # Every builder is timed, besides the media, the search index and the check.
    assert set(report["timings"]) >= {
        "media",
        "search index",
        "integrity check",
        *report["builders"],
    }
    assert "people" in report["builders"]
    with pytest.raises(CommandError, match="already holds bench data"):
        call_command(bench_command("bench_data"), pages=40, no_migrate=True)


@pytest.mark.django_db
def test_a_page_count_out_of_range_is_refused_with_a_sentence(sites, bench_command):
    with pytest.raises(CommandError, match="between 1 and 200000"):
        call_command(bench_command("bench_data"), pages=0, no_migrate=True)


@pytest.mark.django_db
def test_generated_speakers_are_chosen_or_typed_in_as_editors_give_them(sites, locales):
    # Every field filled at once gave each register speaker a typed name, affiliation and
    # organisation as well (sentences), which the help texts ask editors not to type.
    from plugins.meetings.models import MeetingPage

    data.generate(60, log=lambda message: None)
    speakers = []
    for meeting in MeetingPage.objects.all():
        speakers.extend(child.value for child in meeting.speakers)
        for session in meeting.programme:
            speakers.extend(session.value["speakers"])
    chosen = [value for value in speakers if value["person"]]
    typed = [value for value in speakers if not value["person"]]

    assert chosen and typed
    for value in chosen:
        assert not (value["name"] or value["affiliation"] or value["organisation"])
    assert any(value["role"] for value in chosen) and not all(value["role"] for value in chosen)
    for value in typed:
        assert value["name"] and value["role"]


@pytest.mark.django_db
def test_names_rooms_and_roles_are_a_few_words_not_sentences(sites, locales):
    # Filled as six-word sentences, a typed-in speaker's name, organisation, role and a
    # session's room weighed twice what real ones do, and with them a meetings list's bytes.
    from cms.bench.text import AFFILIATIONS, NAMES, ORGANISATIONS, ROOMS
    from plugins.meetings.models import MeetingPage

    data.generate(60, log=lambda message: None)
    rooms = {room for language_rooms in ROOMS.values() for room in language_rooms}
    typed, session_rooms = [], []
    meetings = list(MeetingPage.objects.all())
    for meeting in meetings:
        typed.extend(child.value for child in meeting.speakers if not child.value["person"])
        for session in meeting.programme:
            session_rooms.append(session.value["room"])
            typed.extend(value for value in session.value["speakers"] if not value["person"])

    assert typed and session_rooms
    for value in typed:
        assert value["name"] in NAMES
        assert value["organisation"] in ORGANISATIONS
        assert value["affiliation"] in AFFILIATIONS
        assert 2 <= len(value["role"].split()) <= 3 and not value["role"].endswith(".")
    assert set(session_rooms) <= rooms
    assert {meeting.room for meeting in meetings} <= rooms
