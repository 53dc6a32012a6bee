"""Headless preview: an editor's draft rendered by an external front end.

Built on wagtail-headless-preview. When a front-end URL is configured for a page's site
(``WAGTAIL_HEADLESS_PREVIEW["CLIENT_URLS"]``, from the TINGSTED_PREVIEW_URLS environment
variable), every page type offers an extra preview mode, "External front end". Choosing it
stores the draft under a signed token and shows the front end in the admin's preview
panel at ``<front end>?content_type=<app.model>&token=<token>``. The front end fetches the
draft from ``/api/v2/page_preview/?content_type=…&token=…`` (or ``/api/v3/preview/``).
Tokens expire after TINGSTED_PREVIEW_MAX_AGE seconds (default one hour).
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.signing import BadSignature, SignatureExpired, TimestampSigner
from django.http import HttpRequest
from django.shortcuts import render
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Site

from api.access import APIParameterError

HEADLESS_MODE = "headless"
SIGNER_SALT = "headlesspreview.token"


def client_url(site: Site | None) -> str | None:
    """The front end's preview address for a site, or None when the site has none."""
    from wagtail_headless_preview.settings import headless_preview_settings

    urls = headless_preview_settings.CLIENT_URLS or {}
    if site is not None and site.hostname in urls:
        url = urls[site.hostname]
    elif "default" in urls:
        url = urls["default"].format(SITE_ROOT_URL=site.root_url if site else "")
    else:
        return None
    return url.rstrip("/") + "/" if headless_preview_settings.ENFORCE_TRAILING_SLASH else url


def page_site(page: Page, request: HttpRequest | None = None) -> Site | None:
    site = page.get_site() if page.pk else None
    if site is None and page.pk is None and page.get_parent() is not None:
        site = page.get_parent().get_site()
    return site or (Site.find_for_request(request) if request is not None else None)


def preview_modes(page: Page, modes: list) -> list:
    if client_url(page_site(page)) is None:
        return modes
    return [*modes, (HEADLESS_MODE, _("External front end"))]


def signer() -> TimestampSigner:
    return TimestampSigner(salt=SIGNER_SALT)


def content_type_str(page: Page) -> str:
    return f"{page._meta.app_label}.{page._meta.model_name}"


def serve_headless_preview(page: Page, request: HttpRequest):
    """Store the draft, then show the external front end with a short-lived token."""
    from wagtail_headless_preview.models import PagePreview

    PagePreview.garbage_collect()
    identifier = (
        f"id={page.pk}"
        if page.pk
        else f"parent_id={page.get_parent().pk};page_type={page._meta.label}"
    )
    token = signer().sign(identifier)
    PagePreview.objects.update_or_create(
        token=token,
        defaults={
            "content_type": ContentType.objects.get_for_model(page),
            "content_json": page.to_json(),
        },
    )
    url = client_url(page_site(page, request)) or ""
    preview_url = url + "?" + urlencode({"content_type": content_type_str(page), "token": token})
    return render(request, "wagtail_headless_preview/preview.html", {"preview_url": preview_url})


def page_from_token(content_type: str | None, token: str | None) -> Page:
    """The draft stored under a preview token; APIParameterError names what is wrong."""
    from wagtail_headless_preview.models import PagePreview

    if not token:
        raise APIParameterError("token", "Give the preview token from the preview URL.")
    if not content_type or content_type.count(".") != 1:
        raise APIParameterError("content_type", "Give content_type as 'app_label.model'.")
    try:
        signer().unsign(token, max_age=getattr(settings, "TINGSTED_PREVIEW_MAX_AGE", 3600))
    except SignatureExpired as exc:
        raise APIParameterError(
            "token", "The preview token has expired: preview again.", status=401, code="expired"
        ) from exc
    except BadSignature as exc:
        raise APIParameterError(
            "token", "The preview token is not valid.", status=401, code="invalid"
        ) from exc
    app_label, model = content_type.split(".")
    kind = ContentType.objects.filter(app_label=app_label, model=model.lower()).first()
    preview = PagePreview.objects.filter(token=token, content_type=kind).first()
    if kind is None or preview is None:
        raise APIParameterError(
            "content_type", "No preview of that type under this token.", status=404
        )
    return preview.as_page()
