from cms.public import DemoContext
from tingsted_example.demo_content import EXAMPLE, SLUG
from tingsted_example.models import ExamplePage


def build(context: DemoContext) -> None:
    """One example page per site in the site's language (a page takes its parent's locale),
    translated into every other language."""
    for demo_site in context.sites:
        page = context.add_page(
            demo_site.home,
            ExamplePage(slug=SLUG, **context.localized(EXAMPLE, demo_site.language)),
        )
        context.translate_all(page, EXAMPLE)
