"""The example of the template tags convention: the plugin's own library.

``{% load tingsted_example_tags %}``; Django finds it because the app is installed, and the
core's libraries know nothing of it.
"""

from django import template

from tingsted_example.models import ExampleNote

register = template.Library()


@register.inclusion_tag("tingsted_example/includes/notes.html")
def example_notes(limit: int = 3) -> dict:
    """The first ``limit`` example notes, as a list."""
    return {"notes": list(ExampleNote.objects.order_by("pk")[:limit])}
