"""JSON-LD text that is safe inside ``<script type="application/ld+json">``.

One escaper for every page type and plugin. The HTML parser ends a script element at the
first ``</script`` and treats ``<!--`` specially, so ``<``, ``>`` and ``&`` are written as
JSON ``\\u`` escapes (the JSON value is unchanged). U+2028 and U+2029 are legal in JSON
but end a line in older JavaScript parsers, which some consumers still feed JSON-LD to.
"""

from __future__ import annotations

import json
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.safestring import SafeString, mark_safe

_ESCAPES = {
    ord("<"): "\\u003c",
    ord(">"): "\\u003e",
    ord("&"): "\\u0026",
    0x2028: "\\u2028",
    0x2029: "\\u2029",
}


def jsonld_dumps(data: Any) -> str:
    """``data`` as JSON text (dates and decimals allowed) that cannot end its script early."""
    return json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_ESCAPES)


def to_script(data: Any) -> SafeString:
    """The body of a JSON-LD script element, safe to place between its tags."""
    return mark_safe(jsonld_dumps(data))
