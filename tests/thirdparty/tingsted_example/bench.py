"""The example of ``bench_data`` and ``bench_endpoints``: its share of `make bench`.

Nothing of the harness is imported at module level (production does not install it): the
builder gets the harness's ``BenchContext``, and ``endpoints`` imports ``BenchEndpoint``
when it is called.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tingsted_example.models import ExamplePage

if TYPE_CHECKING:
    from cms.public import BenchContext, BenchEndpoint


def build(context: BenchContext) -> None:
    """Its share of the N pages: example pages under every home page, round by round.

    The n-th page of a round on a site's own language and on its English tree share a
    translation key: they are translations of each other.
    """
    slots = context.slots
    for number in range(context.page_share("tingsted_example")):
        slot = slots[number % len(slots)]
        round_number = number // len(slots)
        page = ExamplePage(
            title=context.text.title(slot.language),
            # "bench-" marks generated pages wherever they turn up.
            slug=f"bench-example-{round_number + 1}",
            locale_id=context.locales[slot.language].pk,
            translation_key=context.translation_key(slot.site.hostname, "example", round_number),
        )
        context.fill(page, slot.language)
        context.tree.add(slot.node, page)


def endpoints() -> list[BenchEndpoint]:
    from cms.public import BenchEndpoint

    return [
        BenchEndpoint(
            "html-example",
            "Rendered example page",
            "html",
            "ours",
            "{url:tingsted_example.ExamplePage}",
        )
    ]
