"""The system checks catch each bad plugin declaration and say how to fix it.

As in Django's tests/check_framework, each test calls the check on a hand-built
declaration and compares with the module-level message constants. The page models live
in an isolated app registry and are taken out of Wagtail's page-type list at once, so
they never leak into the rest of the suite.
"""

from __future__ import annotations

import pytest
import tingsted_example
from django.apps import apps
from django.core import checks
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.db import models
from django.test.utils import isolate_apps
from tingsted_example.models import ExamplePage
from wagtail import blocks as wagtail_blocks
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Page
from wagtail.models.pages import PAGE_MODEL_CLASSES

from blocks.media import ImageBlock
from blocks.stream import BodyStreamBlock
from cms import checks as cms_checks
from cms.checks import (
    E001,
    E001_HINT,
    E002,
    E002_HINT,
    E003,
    E003_HINT,
    E004,
    E004_HINT,
    E005,
    E005_HINT,
    E006,
    E006_HINT,
    E007,
    E007_HINT,
    E008,
    E008_HINT,
    check_duplicate_page_models,
    check_plugin,
)
from cms.contract import Plugin, PluginConfig
from cms.models import TingstedPage
from cms.plugins import registry


class ImageBlockWithIds(ImageChooserBlock):
    """A project subclass that still returns a bare id."""


class ImageChooserWithUrl(ImageChooserBlock):
    def get_api_representation(self, value, context=None):
        return {"url": value.file.url if value else None}


with isolate_apps("tingsted_example"):

    class GoodPage(TingstedPage):
        class Meta:
            app_label = "tingsted_example"

        api_fields = [APIField("title")]
        template = "cms/home_page.html"

    class NoApiFieldsPage(TingstedPage):
        class Meta:
            app_label = "tingsted_example"

        template = "cms/home_page.html"

    class NoTemplatePage(TingstedPage):
        class Meta:
            app_label = "tingsted_example"

        api_fields = []

    class PlainWagtailPage(Page):
        class Meta:
            app_label = "tingsted_example"

        api_fields = []
        template = "cms/home_page.html"

    class ImageIdPage(TingstedPage):
        class Meta:
            app_label = "tingsted_example"

        api_fields = [APIField("body")]
        template = "cms/home_page.html"
        body = StreamField(
            [
                ("photo", ImageChooserBlock()),
                ("gallery", wagtail_blocks.ListBlock(ImageBlockWithIds())),
                ("card", wagtail_blocks.StructBlock([("picture", ImageChooserBlock())])),
                ("ok_shared", ImageBlock()),
                ("ok_override", ImageChooserWithUrl()),
            ]
        )

    class SharedBlocksPage(TingstedPage):
        class Meta:
            app_label = "tingsted_example"

        api_fields = [APIField("body")]
        template = "cms/home_page.html"
        body = StreamField(BodyStreamBlock())

    class NowherePage(TingstedPage):
        """Its only parent is the example page, which accepts no children."""

        class Meta:
            app_label = "tingsted_example"

        api_fields = []
        template = "cms/home_page.html"
        parent_page_types = ["tingsted_example.ExamplePage"]

    class ProgrammaticPage(TingstedPage):
        """Created by code only: opting out of the admin is not an error."""

        class Meta:
            app_label = "tingsted_example"

        api_fields = []
        template = "cms/home_page.html"
        parent_page_types = ["tingsted_example.ExamplePage"]
        is_creatable = False

    class ChildOfGoodPage(TingstedPage):
        class Meta:
            app_label = "tingsted_example"

        api_fields = []
        template = "cms/home_page.html"
        # A class, not a string: isolated models are not in the global app registry.
        parent_page_types = [GoodPage]

    class NotAPage(models.Model):
        class Meta:
            app_label = "tingsted_example"

        def __str__(self) -> str:
            return "not a page"


TEST_PAGE_MODELS = [
    GoodPage,
    NoApiFieldsPage,
    NoTemplatePage,
    PlainWagtailPage,
    ImageIdPage,
    SharedBlocksPage,
    NowherePage,
    ProgrammaticPage,
    ChildOfGoodPage,
]
# Keep them out of Wagtail's global page-type list (admin menus, API type filters).
PAGE_MODEL_CLASSES[:] = [model for model in PAGE_MODEL_CLASSES if model not in TEST_PAGE_MODELS]
GoodPage.subpage_types = [ChildOfGoodPage]


def build_demo(context) -> None:
    """A demo builder that builds nothing, for plugins that need one."""


def plugin(*page_models: type[Page], **fields) -> Plugin:
    """A plugin whose page types are all allowed under the home page, unless overridden."""
    fields.setdefault("home_page_types", page_models)
    fields.setdefault("demo_content", build_demo)
    return Plugin(
        label="broken", verbose_name="Broken", module="broken", page_models=page_models, **fields
    )


def test_a_plugin_that_follows_the_contract_passes():
    assert check_plugin(plugin(GoodPage, SharedBlocksPage)) == []
    assert check_plugin(registry.get("tingsted_example")) == []
    assert check_plugin(registry.get("cms")) == []


def test_unresolvable_dotted_paths_are_e001():
    class BrokenConfig(PluginConfig):
        name = "tingsted_example"
        label = "broken"
        page_models = ["tingsted_example.ExamplePage", "tingsted_example.Missing", "NoDot"]
        urls = "tingsted_example.no_urls"
        feeds = "tingsted_example.feeds.no_such_function"
        demo_content = "tingsted_example.demo_content.EXAMPLE"
        api_routers = "tingsted_example.nowhere.routers"

    config = BrokenConfig("tingsted_example", tingsted_example)
    config.apps = apps
    built = config.build_plugin()
    assert built.page_models == (ExamplePage,)
    assert built.feeds is None and built.urls is None and built.demo_content is None
    expected_errors = [
        "'tingsted_example.Missing' is not an installed model",
        "'NoDot' is not an installed model",
        "urls = 'tingsted_example.no_urls' cannot be imported "
        "(No module named 'tingsted_example.no_urls')",
        "api_routers = 'tingsted_example.nowhere.routers' cannot be imported "
        "(No module named 'tingsted_example.nowhere')",
        "feeds = 'tingsted_example.feeds.no_such_function' cannot be imported "
        '(Module "tingsted_example.feeds" does not define a "no_such_function" attribute/class)',
        "demo_content = 'tingsted_example.demo_content.EXAMPLE' is not callable",
    ]
    assert list(built.errors) == expected_errors
    messages = [m for m in check_plugin(built) if m.id == "cms.E001"]
    assert messages == [
        checks.Error(E001.format(plugin="broken", error=error), hint=E001_HINT, id="cms.E001")
        for error in expected_errors
    ]


def test_page_type_without_api_fields_is_e002():
    assert check_plugin(plugin(NoApiFieldsPage)) == [
        checks.Error(
            E002.format(model="tingsted_example.NoApiFieldsPage", plugin="broken"),
            hint=E002_HINT,
            obj=NoApiFieldsPage,
            id="cms.E002",
        )
    ]


def test_page_type_without_template_is_e003():
    assert check_plugin(plugin(NoTemplatePage)) == [
        checks.Error(
            E003.format(
                model="tingsted_example.NoTemplatePage",
                plugin="broken",
                template="tingsted_example/no_template_page.html",
            ),
            hint=E003_HINT,
            obj=NoTemplatePage,
            id="cms.E003",
        )
    ]


def test_page_types_without_demo_content_is_e004():
    assert check_plugin(plugin(GoodPage, demo_content=None)) == [
        checks.Error(E004.format(plugin="broken"), hint=E004_HINT, id="cms.E004")
    ]
    # A plugin with snippets only needs no demo builder.
    assert check_plugin(plugin(demo_content=None, snippet_models=(NotAPage,))) == []


def test_page_type_declared_by_two_plugins_is_e005():
    first = plugin(GoodPage)
    second = Plugin(label="copycat", verbose_name="Copycat", module="c", page_models=(GoodPage,))
    assert check_duplicate_page_models([first, second, plugin(SharedBlocksPage)]) == [
        checks.Error(
            E005.format(model="tingsted_example.GoodPage", plugins="broken, copycat"),
            hint=E005_HINT,
            obj=GoodPage,
            id="cms.E005",
        )
    ]
    assert check_duplicate_page_models([first]) == []


def test_page_type_not_subclassing_tingsted_page_is_e006():
    assert check_plugin(plugin(PlainWagtailPage)) == [
        checks.Error(
            E006.format(model="tingsted_example.PlainWagtailPage", plugin="broken"),
            hint=E006_HINT,
            obj=PlainWagtailPage,
            id="cms.E006",
        )
    ]


def test_chooser_blocks_returning_bare_ids_are_e007():
    def error(path: str, block_class: str) -> checks.Error:
        return checks.Error(
            E007.format(
                path=path,
                model="tingsted_example.ImageIdPage",
                field="body",
                block_class=block_class,
            ),
            hint=E007_HINT,
            obj=ImageIdPage,
            id="cms.E007",
        )

    assert check_plugin(plugin(ImageIdPage)) == [
        error("body.photo", "wagtail.images.blocks.ImageChooserBlock"),
        error("body.gallery.item", "tests.cms.test_checks.ImageBlockWithIds"),
        error("body.card.picture", "wagtail.images.blocks.ImageChooserBlock"),
    ]


def test_page_type_creatable_nowhere_is_e008():
    lonely = plugin(NowherePage, home_page_types=())
    assert check_plugin(lonely) == [
        checks.Error(
            E008.format(model="tingsted_example.NowherePage", plugin="broken"),
            hint=E008_HINT,
            obj=NowherePage,
            id="cms.E008",
        )
    ]
    # Listing it under the home page does not help: it names another parent.
    assert [m.id for m in check_plugin(plugin(NowherePage))] == ["cms.E008"]
    # Not under the home page, but under a page type that is and accepts it: fine.
    assert check_plugin(plugin(GoodPage, ChildOfGoodPage, home_page_types=(GoodPage,))) == []
    assert check_plugin(plugin(ProgrammaticPage, home_page_types=())) == []


@pytest.mark.django_db
def test_manage_py_check_reports_a_registered_broken_plugin():
    registry.register(plugin(NoApiFieldsPage, demo_content=None))
    try:
        with pytest.raises(SystemCheckError) as raised:
            call_command("check")
    finally:
        registry.unregister("broken")
    report = str(raised.value)
    assert "cms.E002" in report
    assert "cms.E004" in report
    assert E004_HINT in report
    assert cms_checks.check_plugins() == []
