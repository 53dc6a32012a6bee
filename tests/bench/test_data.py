"""The bench dataset generator: a valid tree, built in bulk, extensible per plugin."""

import json

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from cms.bench import data
from cms.bench.content import fill_page_fields, stream_data
from cms.bench.text import Text
from cms.bench.tree import BulkTree, tree_problems
from cms.models import HomePage


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
    # Every site gets pages in its own language and in English, linked as translations.
    danish = added.filter(locale=locales["da"]).descendant_of(sites["da"].root_page)
    assert danish.exists()
    first = danish.order_by("path").first()
    assert first.get_translation_or_none(locales["en"]) is not None
    assert first.url_path == f"{sites['da'].root_page.url_path}{first.slug}/"


@pytest.mark.django_db
def test_the_pages_are_served_by_the_api_and_found_by_search(sites, host_client):
    data.generate(40, log=lambda message: None)

    listed = host_client.get("da", "/api/v2/pages/?fields=*&limit=100").json()
    word = listed["items"][-1]["title"].split()[0].lower()
    found = host_client.get("da", f"/api/v2/pages/?search={word}").json()

    # The Danish site's home plus its share of the 40 pages (two of the seven slots).
    assert listed["meta"]["total_count"] > 10
    assert found["meta"]["total_count"] > 0


@pytest.mark.django_db
def test_queries_do_not_grow_with_the_number_of_pages(sites):
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


def test_a_builder_declared_on_an_app_config_is_used_instead_of_the_default(monkeypatch):
    monkeypatch.setattr(
        apps.get_app_config("people"),
        "bench_data",
        "tests.bench.test_data.record_share",
        raising=False,
    )
    RECORDED.clear()

    builders = {builder.label: builder for builder in data.discover_builders()}
    builders["people"].build(
        data.BenchContext(
            pages=0, rng=None, text=None, slots=[], locales={}, tree=None, shares={"people": 7}
        )
    )

    assert RECORDED == [7]


@pytest.mark.django_db
def test_without_content_plugins_plain_pages_stand_in_and_say_so(sites):
    builders = data.discover_builders()

    assert builders[-1].label == "placeholder"
    result = data.generate(14, log=lambda message: None)
    assert "stand in" in result.notes[0]


@pytest.mark.django_db
def test_the_command_reports_its_time_and_refuses_to_add_twice(sites, capsys):
    call_command("bench_data", pages=40, no_migrate=True, json=True)
    report = json.loads(capsys.readouterr().out)

    assert report["pages"] == 40
    assert report["tree_problems"] == {}
    assert report["seconds"] > 0
    assert set(report["timings"]) >= {"media", "people", "placeholder", "integrity check"}
    with pytest.raises(CommandError, match="already holds bench data"):
        call_command("bench_data", pages=40, no_migrate=True)


@pytest.mark.django_db
def test_a_page_count_out_of_range_is_refused_with_a_sentence(sites):
    with pytest.raises(CommandError, match="between 1 and 200000"):
        call_command("bench_data", pages=0, no_migrate=True)
