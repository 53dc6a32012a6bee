from cms.public import DemoContext
from tingsted_example.models import ExamplePage

TITLE = {"da": "Eksempel", "sv": "Exempel", "nb": "Eksempel", "en": "Example"}
SUMMARY = {
    "da": "En side fra eksempel-pluginnet.",
    "sv": "En sida från exempeltillägget.",
    "nb": "En side fra eksempeltillegget.",
    "en": "A page from the example plugin.",
}


def build(context: DemoContext) -> None:
    """One example page per site in the site's language, translated to every other."""
    for demo_site in context.sites:
        language = demo_site.language
        page = context.add_page(
            demo_site.home,
            ExamplePage(
                title=context.text(TITLE, language),
                slug="example",
                summary=context.text(SUMMARY, language),
                locale=demo_site.home.locale,
            ),
        )
        for other in context.other_languages(demo_site):
            context.translate(
                page,
                other,
                title=context.text(TITLE, other),
                summary=context.text(SUMMARY, other),
            )
