"""The project's image model: alt text, caption and photographer credit belong to the image."""

from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.images.models import AbstractImage, AbstractRendition, Image, SourceImageIOError
from wagtail.search import index

from cms.errorpages import service_unavailable


def text_languages() -> list[tuple[str, str]]:
    """The site languages (a callable, so a migration does not freeze the list)."""
    return list(settings.LANGUAGES)


def default_text_language() -> str:
    return settings.LANGUAGE_CODE


class TingstedImage(AbstractImage):
    """An image with alt text required unless it is decorative, a caption and a credit.

    Wagtail's own ``description`` field is the alt text; we only make it required.
    """

    is_decorative = models.BooleanField(
        _("decorative"),
        default=False,
        help_text=_(
            "Tick only if the image adds nothing a screen-reader user would miss "
            "(for example a background pattern). Decorative images get no alt text."
        ),
    )
    caption = models.CharField(
        _("caption"),
        max_length=300,
        blank=True,
        help_text=_("Shown under the image wherever it is used, unless a block overrides it."),
    )
    credit = models.CharField(
        _("credit"),
        max_length=200,
        blank=True,
        help_text=_(
            "Photographer or source, for example 'Photo: Ane Berg' or 'Illustration: NTF'."
        ),
    )

    language = models.CharField(
        _("language of the texts"),
        max_length=16,
        choices=text_languages,
        default=default_text_language,
        blank=True,  # not known (an upload that did not say): nothing is marked
        help_text=_(
            "The language the alt text, caption and credit are written in. On pages in "
            "other languages they are marked as such, so screen readers pronounce them right."
        ),
    )

    admin_form_fields = (
        *Image.admin_form_fields,
        "is_decorative",
        "caption",
        "credit",
        "language",
    )

    search_fields = [
        *AbstractImage.search_fields,
        index.SearchField("caption"),
        index.SearchField("credit"),
    ]

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")

    @contextmanager
    def open_file(self) -> Iterator[IO[bytes]]:
        """Wagtail's, where an object storage that timed out stays that error.

        Wagtail turns any OSError opening the original (botocore's read timeout is one) into
        SourceImageIOError, "the file is missing". pydantic keeps only that class's name of
        what an API v3 field raised, so the answer was a 500 for a storage that was merely
        slow to answer, not the 503 to try again (cms/errorpages.py).
        """
        try:
            with super().open_file() as file:
                yield file
        except SourceImageIOError as error:
            if error.__cause__ is not None and service_unavailable(error.__cause__):
                raise error.__cause__ from None
            raise

    def clean(self) -> None:
        super().clean()
        if not self.is_decorative and not (self.description or "").strip():
            raise ValidationError(
                {
                    "description": _(
                        "Describe the image for people who cannot see it, or mark it as decorative."
                    )
                }
            )

    @property
    def alt(self) -> str:
        """The alt text templates and the API use: empty for decorative images.

        An image uploaded through the multiple uploader may not be described yet; it
        falls back to the title, as Wagtail's default_alt_text does, rather than to an
        empty alt that would hide it from screen readers as if it were decorative.
        """
        return "" if self.is_decorative else self.default_alt_text


class TingstedRendition(AbstractRendition):
    image = models.ForeignKey(TingstedImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
