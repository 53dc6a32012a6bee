"""What every Tingsted page type gets from the API, through cms.models.TingstedPage.

- ``translations`` in its ``api_fields`` (both APIs), added to whatever the page declares;
- an "External front end" preview mode when a headless front end is configured for its site.
"""

from __future__ import annotations


class APIPageMixin:
    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        from api.fields import with_common_api_fields

        if "api_fields" in cls.__dict__:
            cls.api_fields = with_common_api_fields(cls.__dict__["api_fields"])

    @property
    def preview_modes(self):
        from api.preview import preview_modes

        return preview_modes(self, super().preview_modes)

    def serve_preview(self, request, mode_name):
        from api.preview import HEADLESS_MODE, serve_headless_preview

        if mode_name == HEADLESS_MODE:
            return serve_headless_preview(self, request)
        return super().serve_preview(request, mode_name)
