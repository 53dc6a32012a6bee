"""The example of ``preload``: notes fetched in bulk, and a loader for lists of pages."""

from cms.public import BulkModel, PageLoader

#: The lists of pages the loader was given, so the contract test can see it ran once per
#: list (a real plugin attaches rows to the pages instead).
SEEN: list[list[int]] = []


def load_pages(pages, preload, fields) -> None:
    SEEN.append([page.pk for page in pages])


def declarations() -> list:
    return [
        BulkModel("tingsted_example.ExampleNote"),
        PageLoader("tingsted_example.ExamplePage", load_pages),
    ]
