"""One test per Wagtail internal that cms/compat.py relies on: each fails when a Wagtail
upgrade moves the internal, before any request can go wrong."""

from __future__ import annotations

import inspect
from importlib import import_module

import pytest
from django.test import RequestFactory
from wagtail.models import Site

from cms import compat

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("kind", sorted(compat.V3_QUERYSETS))
def test_v3_routes_read_the_queryset_function_we_replace(kind, client):
    """Wagtail's v3 routers look the function up by module-level name on each request:
    replaced, it decides what the routes show (the access rule)."""
    module_path, name = compat.V3_QUERYSETS[kind]
    module = import_module(module_path)
    client.get("/api/v3/pages/", HTTP_HOST="dk.localhost")  # the URLs are loaded
    assert getattr(module, name).__module__ == "api.v3"
    routes = [
        source
        for _name, function in inspect.getmembers(module, inspect.isfunction)
        if function.__module__ == module.__name__
        for source in [inspect.getsource(function)]
    ]
    assert any(f"{name}(request" in source for source in routes), (
        f"{module_path} no longer calls {name}(request…) by its module-level name"
    )


def test_replacing_a_queryset_that_is_gone_says_what_changed(monkeypatch):
    monkeypatch.setitem(compat.V3_QUERYSETS, "pages", ("wagtail.api.v3.routers.pages", "nope"))
    with pytest.raises(compat.WagtailChanged, match=r"cms/compat\.py"):
        compat.replace_v3_queryset("pages", lambda request: None)


@pytest.mark.parametrize("with_default", [True, False])
def test_sites_are_matched_in_memory_as_wagtail_matches_them(sites, with_default):
    """The site memo (cms/sites.py) picks among all sites as Wagtail's query would."""
    from wagtail.models.sites import get_site_for_hostname

    root = sites["da"].root_page
    Site.objects.create(hostname="dk.localhost", port=8080, root_page=root)
    Site.objects.create(hostname="two.localhost", port=81, root_page=root)
    Site.objects.create(hostname="two.localhost", port=82, root_page=root)
    Site.objects.create(hostname="one.localhost", port=81, root_page=root)
    if not with_default:
        Site.objects.update(is_default_site=False)
    every_site = list(Site.objects.all())
    for host in [
        "localhost",
        "localhost:8000",
        "dk.localhost",
        "DK.localhost",
        "dk.localhost:8080",
        "dk.localhost:9999",
        "two.localhost:81",
        "two.localhost:83",
        "one.localhost:83",
        "nowhere.localhost",
    ]:
        request = RequestFactory().get("/", HTTP_HOST=host)
        hostname, port = compat.request_host(request)
        try:
            expected = get_site_for_hostname(hostname, port)
        except Site.DoesNotExist:
            expected = None
        assert compat.match_site(every_site, hostname, port) == expected, host


def test_a_site_remembered_on_the_request_is_what_wagtail_returns(sites, django_assert_num_queries):
    request = RequestFactory().get("/", HTTP_HOST="dk.localhost")
    compat.remember_site(request, sites["sv"])
    with django_assert_num_queries(0):
        assert Site.find_for_request(request) == sites["sv"]
    assert compat.site_on_request(request) == sites["sv"]
    assert compat.site_on_request(RequestFactory().get("/"), "none") == "none"


def test_field_schemas_are_registered_before_wagtail_builds_the_v3_page_schemas():
    """Wagtail builds its API v3 page schemas when its registry module is first imported
    (any app's ready() may do it): the import hook typed StreamFields just before."""
    import sys

    from wagtail.api.v3.schemas.generators.read import read_generator
    from wagtail.fields import RichTextField, StreamField

    from api.stream_schema import absolute_rich_text_field, typed_stream_field

    registry_module = sys.modules[compat.V3_REGISTRY]
    assert "\nregistry.register_defaults()" in inspect.getsource(registry_module)
    assert compat.v3_schemas_built()
    assert read_generator.field_schemas[StreamField] is typed_stream_field
    assert read_generator.field_schemas[RichTextField] is absolute_rich_text_field
    assert compat.before_v3_schemas(lambda: None) is False  # too late now, and says so
    body = registry_module.registry.get("cms.HomePage").read_schema.model_json_schema()
    assert body["properties"]["body"]["items"] != {}  # typed, not list[Any]


def test_the_revision_user_filter_is_still_where_we_set_it(monkeypatch):
    """Wagtail's revision listing must still filter ``user_id`` through our condition."""
    from wagtail.api.v3.schemas.params import RevisionFilterSchema

    assert "user_id" in RevisionFilterSchema.model_fields
    monkeypatch.setattr(compat, "V3_REVISION_FILTER", ("wagtail.api.v3.schemas.params", "nope"))
    with pytest.raises(compat.WagtailChanged, match=r"cms/compat\.py"):
        compat.filter_v3_revision_user(lambda value: None)


def enqueued_by(monkeypatch, *tasks) -> list[tuple]:
    """The arguments each of ``tasks`` is enqueued with from now on (and still runs with)."""
    enqueued: list[tuple] = []
    task_class = type(tasks[0])
    enqueue = task_class.enqueue
    monkeypatch.setattr(
        task_class,
        "enqueue",
        lambda task, *args: (task in tasks and enqueued.append(args)) or enqueue(task, *args),
    )
    return enqueued


def search_batches(monkeypatch) -> list[list]:
    """The primary keys of each batch the search backends index from now on (still indexed)."""
    from modelsearch.backends.base import BaseSearchBackend

    batches: list[list] = []
    add_bulk = BaseSearchBackend.add_bulk
    monkeypatch.setattr(
        BaseSearchBackend,
        "add_bulk",
        lambda backend, model, objects: (
            batches.append([obj.pk for obj in objects]) or add_bulk(backend, model, objects)
        ),
    )
    return batches


def test_index_updates_deferred_to_the_end_of_a_block_index_each_object_once(
    home, host_client, monkeypatch
):
    """build_demo's deferral: each index sees each object once, in its final state."""
    from modelsearch.tasks import insert_or_update_object_task
    from wagtail.tasks import update_reference_index_task

    from tests.factories.blog import BlogIndexPageFactory, BlogPostPageFactory

    enqueued = enqueued_by(monkeypatch, update_reference_index_task, insert_or_update_object_task)
    batches = search_batches(monkeypatch)
    with compat.deferred_index_tasks():
        blog = BlogIndexPageFactory(parent=home("da"), slug="blog")
        post = BlogPostPageFactory(parent=blog, slug="p", title="Udkast")
        post.title = "Havnebadet åbner"
        post.save()
        post.save()
        gone = BlogPostPageFactory(parent=blog, slug="gone", title="Slettet")
        gone_pk = str(gone.pk)
        gone.delete()
        assert enqueued == [] and batches == []  # nothing indexed while the block runs
    # Once in the reference index and once in the search index, however often it was saved;
    # the search index gets each class's rows in one batch.
    assert [args for args in enqueued if args[2] == str(post.pk)] == [
        ("blog", "blogpostpage", str(post.pk)),
    ]
    assert [args for args in enqueued if args[2] == gone_pk] == []
    assert [batch for batch in batches if post.pk in batch] == [[post.pk]]
    assert not [batch for batch in batches if int(gone_pk) in batch]
    # Created as "Udkast": the site's search finds the title of the last save.
    found = host_client.get("da", "/search/?q=havnebadet").content.decode()
    assert 'href="/blog/p/"' in found


def test_the_v3_ordering_and_field_filters_are_still_where_we_wrap_them(monkeypatch):
    """Wagtail's v3 listings must still order through OrderingSchema.order_queryset and pick
    field filters through APIFieldFilterSchema.get_validated_fields, both wrapped by us."""
    from wagtail.api.v3.schemas.params import APIFieldFilterSchema, OrderingSchema

    assert hasattr(OrderingSchema.order_queryset, "_tingsted_original")
    assert hasattr(APIFieldFilterSchema.get_validated_fields, "_tingsted_original")
    assert {"raw_params", "ignore_fields"} <= set(APIFieldFilterSchema.model_fields)
    monkeypatch.setattr(compat, "V3_PARAMS", "wagtail.api.v3.schemas")
    with pytest.raises(compat.WagtailChanged, match=r"cms/compat\.py"):
        compat.around_v3_ordering(lambda *args: None)
    with pytest.raises(compat.WagtailChanged, match=r"cms/compat\.py"):
        compat.check_v3_field_filters(lambda given, valid, model, params: None)


def test_choice_fields_start_from_the_type_wagtail_gives_a_model_field():
    """A CharField's read schema is ninja's (title, description, default, max length), with
    choices narrowed to an enum: Wagtail's create_schema still asks get_schema_field."""
    from django.db.models import CharField
    from wagtail.api.v3.schemas.generators.read import read_generator

    from api.types import choice_field_schema
    from plugins.meetings.models import MeetingPage

    factory = inspect.getsource(import_module("ninja.orm.factory"))
    assert "get_schema_field(" in factory
    assert read_generator.field_schemas[CharField] is choice_field_schema
    annotation, info = compat.v3_model_field_schema(MeetingPage._meta.get_field("room"))
    assert str in getattr(annotation, "__args__", (annotation,)) and info.title
    status, info, _resolve = choice_field_schema(None, MeetingPage._meta.get_field("status"))
    assert info.default == "planned"
    assert "cancelled" in str(status)


def test_the_page_filter_fields_are_still_what_list_pages_filters_by():
    from wagtail.api.v3.routers import pages

    assert "base_fields=BASE_PAGE_READ_FIELDS" in inspect.getsource(pages.list_pages)
    assert {"slug", "first_published_at"} <= set(compat.v3_page_filter_fields())


def test_the_v3_page_list_is_ours_and_does_what_wagtails_did(client):
    """``GET /api/v3/pages/`` runs api/listing.py (``fields=``); page creation on the same
    path stays Wagtail's. Ours repeats the steps of Wagtail's ``list_pages``: if Wagtail's
    gains a step, this fails before the lists silently lack it."""
    module_path, router_name, path, _url_name = compat.V3_PAGE_LIST
    module = import_module(module_path)
    client.get("/api/v3/pages/", HTTP_HOST="dk.localhost")  # the URLs are loaded
    operations = getattr(module, router_name).path_operations[path].operations
    listing = [op for op in operations if op.methods == ["GET"]]
    assert [op.view_func.__module__ for op in listing] == ["api.listing"]
    assert [op.view_func.__module__ for op in operations if op.methods == ["POST"]] == [module_path]
    steps = [
        "get_pages_queryset(request, model)",
        "filters.filter(queryset, request)",
        "field_filter.filter_queryset(queryset)",
        "ordering.order_queryset(",
        "search.search_queryset(request, queryset)",
    ]
    wagtail_source = inspect.getsource(inspect.unwrap(module.list_pages))
    ours = inspect.getsource(import_module("api.listing").list_pages)
    for step in steps:
        assert step in wagtail_source, f"Wagtail's list_pages no longer does {step}"
        assert step in ours
    assert wagtail_source.count("queryset = ") == ours.count("queryset = ") - 1  # + related


def test_replacing_a_page_list_that_is_gone_says_what_changed(monkeypatch):
    monkeypatch.setattr(
        compat, "V3_PAGE_LIST", ("wagtail.api.v3.routers.pages", "router", "/", "nope")
    )
    with pytest.raises(compat.WagtailChanged, match=r"cms/compat\.py"):
        compat.replace_v3_page_listing(lambda request: None)


def test_the_copy_slug_methods_are_still_where_we_check_them(monkeypatch):
    from wagtail.api.v3.routers.pages import PageCopySchema, PageCreateAliasSchema

    assert PageCopySchema.get_update_attrs._tingsted_original
    assert PageCreateAliasSchema.get_update_slug._tingsted_original
    monkeypatch.setattr(compat, "V3_COPY_SLUGS", (("wagtail.api.v3.routers.pages", "X", "y"),))
    with pytest.raises(compat.WagtailChanged, match=r"cms/compat\.py"):
        compat.before_v3_copy_slug(lambda page, destination: None)


def test_a_page_saved_with_its_child_rows_is_indexed_once_with_every_reference(home, monkeypatch):
    """Wagtail re-indexes a page for each child row saved with it; a post with three authors
    published is indexed once per save and once per publish, and the index still names all
    three authors."""
    from wagtail.models import ReferenceIndex
    from wagtail.tasks import update_reference_index_task

    from plugins.blog.models import BlogPostAuthor
    from tests.factories.blog import BlogIndexPageFactory, BlogPostPageFactory
    from tests.factories.people import PersonFactory

    blog = BlogIndexPageFactory(parent=home("da"), slug="blog")
    post = BlogPostPageFactory(parent=blog, slug="p", title="Havnebadet")
    people = PersonFactory.create_batch(3)
    indexed = enqueued_by(monkeypatch, update_reference_index_task)
    post.authors = [BlogPostAuthor(person=person) for person in people]
    post.save()
    assert indexed == [("blog", "blogpostpage", str(post.pk))]  # not once per author

    indexed.clear()
    post.save_revision().publish()
    assert indexed == [("blog", "blogpostpage", str(post.pk))] * 2  # the revision, the publish

    referenced = set(
        ReferenceIndex.get_references_for_object(post)
        .filter(model_path="authors.item.person")
        .values_list("to_object_id", flat=True)
    )
    assert referenced == {str(person.pk) for person in people}


def test_a_deferred_block_collects_only_its_own_threads_updates():
    """Another request's saves (a threaded server) are indexed at once, as without the block."""
    import threading

    ran = []

    class Task:
        def enqueue(self, *args):
            ran.append(args)

    task = compat._DeferrableTask(Task(), compat.SEARCH_INDEX)
    with compat.deferred_index_tasks():
        other = threading.Thread(target=task.enqueue, args=("blog", "blogpostpage", "1"))
        other.start()
        other.join()
        assert ran == [("blog", "blogpostpage", "1")]
        task.enqueue("blog", "blogpostpage", "2")
        assert ran == [("blog", "blogpostpage", "1")]  # this thread's waits for the block's end


def test_the_frontend_cache_purge_is_still_where_we_wrap_it(monkeypatch):
    import wagtail.contrib.frontend_cache.signal_handlers as handlers

    assert isinstance(handlers.purge_page_from_cache, compat._PurgeWithACDN)
    monkeypatch.delattr(handlers, "purge_page_from_cache")
    with pytest.raises(compat.WagtailChanged, match="purge_page_from_cache"):
        compat.purge_pages_only_with_a_cdn()
