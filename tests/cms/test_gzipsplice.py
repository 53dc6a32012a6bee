"""A gzipped body with holes (cms/gzipsplice.py) decodes, with gzip's own checks of length
and CRC, to the text with the value in every hole, wherever the holes are."""

from __future__ import annotations

import gzip
import zlib

import pytest

from cms.gzipsplice import fill, pack

HOLE = b"tingsted-csrf-token"
PAGE = b"<html><body>" + b"<p>A forum for newcomers' guides.</p>" * 400


@pytest.mark.parametrize(
    "text",
    [
        PAGE[:3000] + HOLE + PAGE[3000:],
        HOLE + PAGE,
        PAGE + HOLE,
        PAGE[:100] + HOLE + HOLE + PAGE[100:] + HOLE + PAGE,
        HOLE,
        PAGE,
        b"",
    ],
    ids=["middle", "start", "end", "several", "only", "none", "empty"],
)
def test_a_filled_body_is_the_text_with_the_value_in_every_hole(text):
    spliced = pack(text, HOLE)
    for value in (b"A" * 64, b"", b"\x00\xff" * 40):
        expected = text.replace(HOLE, value)
        body = fill(spliced, value)
        # gzip.decompress checks the trailer's CRC-32 and length: a wrong one raises.
        assert gzip.decompress(body) == expected
        assert zlib.decompress(body, wbits=16 + zlib.MAX_WBITS) == expected


def test_a_filled_body_is_as_small_as_the_gzipped_page():
    spliced = pack(PAGE[:5000] + HOLE + PAGE[5000:], HOLE)
    body = fill(spliced, b"t" * 64)
    assert len(body) < len(gzip.compress(PAGE)) + 200


def test_a_value_too_long_for_a_stored_block_is_refused():
    with pytest.raises(ValueError, match="does not fit"):
        fill(pack(HOLE, HOLE), b"x" * 70_000)
