"""JSON-LD script text cannot end its <script> element or break a JavaScript parser."""

import json

from cms.jsonld import to_script
from cms.templatetags.structured_data import jsonld


def test_script_text_escapes_markup_and_line_separators_and_keeps_the_value():
    data = {"name": "</script><!-- Lund & Co. -->", "note": "one\u2028two\u2029three", "å": "ø"}
    text = to_script(data)
    for raw in ("<", ">", "&", "\u2028", "\u2029"):
        assert raw not in text
    assert "ø" in text  # readable, not \\u-escaped, for everything else
    assert json.loads(text) == data


def test_filter_wraps_the_text_in_one_script_element():
    html = jsonld({"@type": "Thing", "name": "</script>"})
    assert html.startswith('<script type="application/ld+json">')
    assert html.count("</script>") == 1
