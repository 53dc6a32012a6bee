"""Rich text flattened for calendars, JSON-LD and summaries keeps paragraphs and lists."""

from __future__ import annotations

import pytest

from cms.public import plain_text


@pytest.mark.parametrize(
    ("html", "text"),
    [
        (
            "<p>Vi taler om nye byrum.</p><p>Mødet slutter med frokost.</p>",
            "Vi taler om nye byrum.\n\nMødet slutter med frokost.",
        ),
        (
            "<h2>Program</h2><ul><li>Kaffe</li><li>Oplæg om <b>byrum</b></li></ul><p>Slut.</p>",
            "Program\n\n- Kaffe\n- Oplæg om byrum\n\nSlut.",
        ),
        (
            "<ol><li>Velkomst</li><li>Oplæg<ul><li>Aarhus</li><li>Malmö</li></ul></li>"
            "<li>Frokost</li></ol>",
            "1. Velkomst\n2. Oplæg\n  - Aarhus\n  - Malmö\n3. Frokost",
        ),
        ('<ol start="3"><li><p>Tre</p></li><li>Fire</li></ol>', "3. Tre\n4. Fire"),
        ("<p>Rådhuset<br/>Torvet 1<br>8000 Aarhus</p>", "Rådhuset\nTorvet 1\n8000 Aarhus"),
        (
            "<p>Kaffe &amp; kage,   10&nbsp;000 kr.\n  i alt</p>",
            "Kaffe & kage, 10\xa0000 kr. i alt",
        ),
        ("<blockquote><p>Et citat.</p></blockquote><p>Efter.</p>", "Et citat.\n\nEfter."),
        ("<p>Første<p>Anden, uden lukning", "Første\n\nAnden, uden lukning"),
        ("Bare tekst", "Bare tekst"),
        ("", ""),
        (None, ""),
    ],
)
def test_paragraphs_lists_and_breaks_survive(html, text):
    assert plain_text(html) == text


def test_wagtail_rich_text_links_keep_their_words_and_embeds_vanish():
    stored = (
        '<p>Læs <a linktype="page" id="3">programmet</a> og '
        '<a href="https://example.org/">kortet</a>.</p>'
        '<embed embedtype="image" id="1" format="left" alt="Havnen"/>'
        "<p>Vel mødt.</p>"
    )
    assert plain_text(stored) == "Læs programmet og kortet.\n\nVel mødt."


def test_scripts_and_styles_are_not_text():
    assert plain_text("<style>p{}</style><p>Tekst</p><script>alert(1)</script>") == "Tekst"
