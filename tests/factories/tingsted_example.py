"""Factories for the test-only third-party plugin in tests/thirdparty (tingsted_example)."""

import factory
import wagtail_factories
from factory.django import DjangoModelFactory
from tingsted_example.models import ExampleNote, ExamplePage


class ExamplePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ExamplePage

    title = factory.Sequence(lambda n: f"Example {n}")
    summary = "A page type from an installed third-party plugin."


class ExampleNoteFactory(DjangoModelFactory):
    class Meta:
        model = ExampleNote

    text = factory.Sequence(lambda n: f"Note {n}")
