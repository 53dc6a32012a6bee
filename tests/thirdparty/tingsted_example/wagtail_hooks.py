from wagtail.snippets.models import register_snippet

from tingsted_example.models import ExampleNote

register_snippet(ExampleNote)
