"""Search text made safe for every search backend: plain words, bounded.

Every search entry point (the site search page, API v2 and v3 ``?search=`` on pages, images,
documents and plugin routes) passes the visitor's text through :func:`plain_words` before it
reaches the backend. SQLite's FTS5 reads quotes, parentheses, ``*``, ``:``, ``-`` and
upper-case AND/OR/NOT/NEAR as query syntax and fails on unbalanced ones; PostgreSQL's
``to_tsquery`` rejects NUL and grows with every word. Search here is plain word search only,
so anything that is not a letter or digit separates words, and the text is bounded.
"""

from __future__ import annotations

import re

#: Longest search text accepted, in characters. The API answers a longer one with a 400
#: naming ``search``; the site search page cuts it (nobody types more by hand).
MAX_SEARCH_LENGTH = 200
#: At most this many words reach the backend: each is one term of the full-text query.
MAX_SEARCH_WORDS = 32

# Letters and digits of any script; "_" is a word character for re but not for the backends.
_NOT_WORD = re.compile(r"[^\w]+|_")


def plain_words(raw: str) -> str:
    """The words of ``raw``, lower-cased, separated by single spaces, bounded.

    Never raises and never returns query syntax: quotes, operators, control characters and
    symbols (emoji, ``%``, ``\\``) become separators; the result may be empty.
    """
    words = _NOT_WORD.sub(" ", raw[: MAX_SEARCH_LENGTH * 2]).lower().split()
    text = " ".join(words[:MAX_SEARCH_WORDS])[:MAX_SEARCH_LENGTH]
    return text.strip()
