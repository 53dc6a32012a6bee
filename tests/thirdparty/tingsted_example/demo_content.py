"""The example plugin's demo content as data: one page per site, in every language.

Built by ``tingsted_example.demo.build`` (docs/plugins.md, "Demo content").
"""

SLUG = "example"
#: The page's fields, each ``{language: text}``.
EXAMPLE = {
    "title": {"da": "Eksempel", "sv": "Exempel", "nb": "Eksempel", "en": "Example"},
    "summary": {
        "da": "En side fra eksempel-pluginnet.",
        "sv": "En sida från exempeltillägget.",
        "nb": "En side fra eksempeltillegget.",
        "en": "A page from the example plugin.",
    },
}
