"""Bench builders for what the core owns: media and the home pages' bodies.

Also the stand-in pages used while no content plugin is installed (see cms.bench.data).
Plugins build their own share through the contract's ``bench_data`` hook (the people
plugin's is plugins/people/bench.py).
"""

from __future__ import annotations

import io
import zlib
from typing import TYPE_CHECKING

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Page

from cms.bench.content import stream_data

if TYPE_CHECKING:
    from cms.bench.data import BenchContext

IMAGES = 24
DOCUMENTS = 8
#: Blocks in each home page's body: the "detail page with a long StreamField".
HOME_BODY_BLOCKS = 40
BENCH_PREFIX = "Bench "


def build_media(context: BenchContext) -> None:
    """Generated images and small documents, saved one by one (files must be written)."""
    Image = get_image_model()
    Document = get_document_model()
    collection = Collection.get_first_root_node()
    have_images = Image.objects.filter(title__startswith=BENCH_PREFIX).count()
    for number in range(have_images, IMAGES):
        title = f"{BENCH_PREFIX}image {number + 1}"
        image = Image(
            title=title,
            description=context.text.sentence("en", words=8, max_length=200),
            credit=f"Photo: {context.text.name()}",
            caption=context.text.sentence("en", words=10, max_length=200),
            collection=collection,
        )
        image.file.save(f"bench-{number + 1}.png", ImageFile(_picture(title)), save=False)
        image.save()
    have_documents = Document.objects.filter(title__startswith=BENCH_PREFIX).count()
    for number in range(have_documents, DOCUMENTS):
        document = Document(title=f"{BENCH_PREFIX}document {number + 1}", collection=collection)
        body = context.text.paragraph("en", sentences=20).encode()
        document.file.save(f"bench-{number + 1}.txt", ContentFile(body), save=False)
        # Else the first page showing it saves the size, and that save starts a new
        # content generation in the middle of a measurement.
        document.file_size = len(body)
        document.save()
    context.forget_pool(Image)
    context.forget_pool(Document)


def _picture(title: str, size: tuple[int, int] = (1600, 900)) -> io.BytesIO:
    from PIL import Image as PILImage
    from PIL import ImageDraw

    seed = zlib.crc32(title.encode())
    colour = (seed % 200 + 30, seed // 200 % 200 + 30, seed // 40000 % 200 + 30)
    picture = PILImage.new("RGB", size, colour)
    ImageDraw.Draw(picture).ellipse((size[0] // 2, 0, size[0], size[1]), fill=(240, 240, 230))
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG", compress_level=1)
    buffer.seek(0)
    buffer.name = "bench.png"
    return buffer


def build_home_bodies(context: BenchContext) -> None:
    """A long body on every home page and translation: the long-StreamField detail page."""
    from cms.models import HomePage

    stream_block = HomePage._meta.get_field("body").stream_block
    homes = HomePage.objects.filter(depth=2)
    language_of = {locale.pk: code for code, locale in context.locales.items()}
    changed = []
    for home in homes:
        if len(home.body) >= HOME_BODY_BLOCKS:
            continue
        language = language_of.get(home.locale_id, "en")
        raw = stream_data(stream_block, HOME_BODY_BLOCKS, context, language, home.locale_id)
        home.body = stream_block.to_python(raw)
        changed.append(home)
    HomePage.objects.bulk_update(changed, ["body"])


def build_placeholder_pages(context: BenchContext) -> None:
    """Plain Wagtail pages under every home, while no content plugin adds page types."""
    share = context.page_share("placeholder")
    context.notes.append(
        f"No installed plugin adds page types yet: {share} plain Wagtail pages stand in "
        "for the content pages (title, slug and search description only)."
    )
    for number in range(share):
        slot = context.slots[number % len(context.slots)]
        page = Page(
            title=context.text.title(slot.language),
            slug=f"bench-{number // len(context.slots) + 1}",
            locale_id=slot.node.locale_id,
            translation_key=context.translation_key(
                slot.site.hostname, "page", number // len(context.slots)
            ),
            search_description=context.text.sentence(slot.language, words=14, max_length=255),
        )
        context.tree.add(slot.node, page)
