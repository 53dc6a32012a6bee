"""API v2 serialisers: StreamField in its page's language, rich text with absolute URLs."""

from __future__ import annotations

from django.utils import translation
from rest_framework import serializers
from wagtail.api.v2.serializers import PageSerializer
from wagtail.api.v2.serializers import StreamField as WagtailStreamFieldSerializer
from wagtail.fields import RichTextField, StreamField

from api.fields import rich_text_output


class LocalizedStreamFieldSerializer(WagtailStreamFieldSerializer):
    """A StreamField resolved in its page's language, so chosen people come out translated."""

    def get_attribute(self, instance):
        return instance, super().get_attribute(instance)

    def to_representation(self, pair):
        instance, value = pair
        language = getattr(getattr(instance, "locale", None), "language_code", None)
        with translation.override(language or translation.get_language()):
            return value.stream_block.get_api_representation(value, self.context)


class AbsoluteRichTextSerializer(serializers.CharField):
    def to_representation(self, value):
        return rich_text_output(value, self.context)


class TingstedPageSerializer(PageSerializer):
    serializer_field_mapping = PageSerializer.serializer_field_mapping.copy()
    serializer_field_mapping.update(
        {StreamField: LocalizedStreamFieldSerializer, RichTextField: AbsoluteRichTextSerializer}
    )
