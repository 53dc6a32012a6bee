"""Rich text (HTML) as plain text that keeps its paragraphs and lists.

Calendars (iCalendar ``DESCRIPTION``), JSON-LD ``description``, search summaries and the
search index show rich text without markup. Stripping the tags alone glues paragraphs
together ("…i nye byrum.Mødet slutter…") and loses where a list item begins; this keeps
the structure a reader of plain text expects:

* paragraphs, headings, block quotes and other blocks are separated by a blank line;
* list items are lines of their own, "- item", or "1. item" in a numbered list (nested
  lists indented by two spaces per level);
* ``<br>`` is a line break, a table row a line with its cells separated by " | ";
* entities are unescaped and runs of white space inside a block become one space (a
  non-breaking space stays, it was put there on purpose);
* Wagtail's stored rich text works as it is: ``<a linktype="page" id="3">`` keeps its
  text, ``<embed embedtype="image" …/>`` shows nothing.

It parses with the standard library's tolerant :class:`html.parser.HTMLParser`, so broken
markup still gives its text.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

#: Elements that start and end a block of their own.
BLOCKS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "dd",
        "details",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "tfoot",
        "thead",
        "tr",
        "ul",
    ]
)
#: Elements whose content is not text a reader sees.
HIDDEN = frozenset(["head", "script", "style", "template", "title"])
LISTS = frozenset({"ul", "ol"})
CELLS = frozenset({"td", "th"})

# ASCII white space only: U+00A0 between a number and its unit must survive.
_SPACE = re.compile(r"[ \t\n\r\f\v]+")
_BREAK = "\x00"  # stands for <br> in the text gathered for a block


class _List:
    """An open list: the next number of an <ol> (None for a <ul>), and its items so far."""

    def __init__(self, number: int | None) -> None:
        self.number = number
        self.items = 0


class _PlainText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        # Finished blocks: (text, whether it follows the one before on the next line, as
        # list items and table rows do, rather than after a blank line).
        self.blocks: list[tuple[str, bool]] = []
        self.text: list[str] = []
        self.lists: list[_List] = []
        self.prefix = ""  # the marker of the list item whose text is being gathered
        self.tight = False
        self.hidden = 0
        self.rows = 0  # rows of the current table so far
        self.cells = 0  # cells of the current row so far

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in HIDDEN:
            self.hidden += 1
        elif tag == "br":
            self.text.append(_BREAK)
        elif tag in CELLS:
            if self.cells:
                self.text.append(" | ")
            self.cells += 1
        elif tag in LISTS:
            self._flush()
            self.lists.append(_List(_start(attrs) if tag == "ol" else None))
        elif tag == "li":
            self._flush()
            self._open_item()
        elif tag in BLOCKS:
            if self.lists:
                # A paragraph inside a list item belongs to the item.
                self.text.append(" ")
                return
            self._flush()
            if tag == "table":
                self.rows = 0
            elif tag == "tr":
                self.cells = 0
                self.tight = self.rows > 0
                self.rows += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # <br/>, <hr/>, <embed …/>: nothing to close.
        if tag == "br":
            self.text.append(_BREAK)
        elif tag == "hr" and not self.lists:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in HIDDEN:
            self.hidden = max(self.hidden - 1, 0)
        elif tag in LISTS:
            self._flush()
            if self.lists:
                self.lists.pop()
        elif tag == "li" or (tag in BLOCKS and not self.lists):
            self._flush()

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.text.append(data)

    def _open_item(self) -> None:
        if not self.lists:  # an <li> outside a list: still an item
            self.prefix, self.tight = "- ", False
            return
        current = self.lists[-1]
        if current.number is None:
            marker = "- "
        else:
            marker = f"{current.number}. "
            current.number += 1
        self.prefix = "  " * (len(self.lists) - 1) + marker
        # Items follow one another line by line, a nested list its parent item; a list
        # follows the paragraph before it after a blank line.
        self.tight = bool(self.blocks) and (current.items > 0 or len(self.lists) > 1)
        current.items += 1

    def _flush(self) -> None:
        lines = [_SPACE.sub(" ", line).strip() for line in "".join(self.text).split(_BREAK)]
        self.text = []
        text = "\n".join(line for line in lines if line)
        prefix, tight = self.prefix, self.tight
        self.prefix, self.tight = "", False
        if not text:
            return
        if not prefix and self.lists:
            # Text in an item after its nested list: under the item, not a new paragraph.
            prefix, tight = "  " * len(self.lists), bool(self.blocks)
            text = prefix + text.replace("\n", "\n" + prefix)
        elif prefix:
            indent = " " * len(prefix)
            text = prefix + text.replace("\n", "\n" + indent)
        self.blocks.append((text, tight))

    def result(self) -> str:
        self._flush()
        out: list[str] = []
        for text, tight in self.blocks:
            if out:
                out.append("\n" if tight else "\n\n")
            out.append(text)
        return "".join(out)


def _start(attrs: list[tuple[str, str | None]]) -> int:
    """Where an <ol> starts counting (its ``start`` attribute)."""
    try:
        return int(dict(attrs).get("start") or 1)
    except ValueError:
        return 1


def plain_text(html: str | None) -> str:
    """``html`` as plain text with its paragraphs and lists (see the module's docstring).

    ``"<p>Om byrum.</p><ul><li>Kaffe</li><li>Frokost</li></ul><p>Mødet slutter.</p>"`` ->
    ``"Om byrum.\\n\\n- Kaffe\\n- Frokost\\n\\nMødet slutter."``
    """
    if not html:
        return ""
    parser = _PlainText()
    parser.feed(str(html))
    parser.close()
    return parser.result()
