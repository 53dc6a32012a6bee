"""Serving a network page: its programme, moderators and the interest form."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Locale

from cms.public import PAGES, active_locale, host_key, rate_limit, to_script
from plugins.meetings.interface import (
    event_data,
    programme_cutoff,
    resolve_programme,
    split_meetings,
)
from plugins.networks.forms import InterestForm
from plugins.people.interface import organization

if TYPE_CHECKING:
    from plugins.networks.models import NetworkPage

logger = logging.getLogger(__name__)


def rate_limited(request: HttpRequest) -> bool:
    """Count this POST against the address's budget; True once it is spent.

    The address follows the API's policy (cms.ratelimits: the trusted proxy's hop); a cache
    outage lets the post through rather than losing it.
    """
    rate = (settings.TINGSTED_INTEREST_RATE_LIMIT, settings.TINGSTED_INTEREST_RATE_WINDOW)
    return rate_limit(request, "networks:interest", rate) is not None


#: What :func:`network_context` works out only when the template reads it.
PROGRAMME_NAMES = (
    "upcoming",
    "past",
    "moderators",
    "organiser",
    "contact_person",
    "default_venue",
    "structured_data",
)


def network_context(page: NetworkPage, request: HttpRequest, *, form=None, sent=False) -> dict:
    """The template's context. The programme, the people and JSON-LD are worked out when
    the template first reads them: for anonymous visitors the page's content and JSON-LD
    come from fragments kept per content generation and local day (which meetings are
    upcoming changes at local midnight, programme_cutoff), and then nothing asks for them."""
    zone = timezone.get_current_timezone()
    computed = SimpleLazyObject(lambda: _programme_context(page, request, zone))
    terms_url = _terms_url(page, request)
    if form is None and page.interest_enabled:
        form = InterestForm(network=page, terms_url=terms_url)
    return {
        **{name: _lazy_entry(computed, name) for name in PROGRAMME_NAMES},
        # What the cached fragments show besides the content: the local day, which decides
        # which meetings are upcoming.
        "programme_day": programme_cutoff(zone).date().isoformat(),
        "terms_url": terms_url,
        "form": form,
        "sent": sent,
    }


def _lazy_entry(computed: Any, name: str) -> SimpleLazyObject:
    return SimpleLazyObject(lambda: computed[name])


def _programme_context(page: NetworkPage, request: HttpRequest, zone) -> dict:
    locale = active_locale(request) or Locale.get_active()
    upcoming, past = split_meetings(page.meetings(), zone)
    meetings = [*upcoming, *past]
    moderators = list(page.moderators.all())
    # Everything the page shows of people, venues and organisations, the meetings' and the
    # network's own, is fetched together: one query per model, however many meetings.
    references = resolve_programme(
        meetings,
        locale=locale,
        zone=zone,
        venue_ids=[page.default_venue_id],
        person_ids=[m.person_id for m in moderators] + [page.contact_person_id],
        organisation_ids=[page.organiser_id] + [m.organiser_id for m in meetings],
        request=request,
    )
    people, organisations = references.people, references.organisations
    for moderator in moderators:
        moderator.localized_person = people.get(moderator.person_id)
    organiser = organisations.get(page.organiser_id)
    venue = references.venues.get(page.default_venue_id)
    for meeting in meetings:
        # The parent is the page being served; spare each meeting the lookup. A meeting's
        # own organiser is shown in its translation, as ``effective_organiser.localized``.
        meeting.__dict__["network"] = page
        meeting.resolved_organiser = (
            organisations.get(meeting.organiser_id) if meeting.organiser_id else organiser
        )
    structured = []
    if organiser is not None:
        structured.append({"@context": "https://schema.org", **organization(organiser, request)})
    structured += [event_data(meeting, request) for meeting in upcoming]
    return {
        "upcoming": upcoming,
        "past": past,
        "moderators": moderators,
        "organiser": organiser,
        "contact_person": people.get(page.contact_person_id),
        "default_venue": venue,
        "structured_data": to_script(structured) if structured else "",
    }


def _terms_url(page: NetworkPage, request: HttpRequest) -> str | None:
    """The terms page's URL in the active language (three queries), per content generation."""
    if not page.terms_page_id:
        return None

    def find() -> str | None:
        terms = page.terms_page.localized
        return terms.get_url(request=request) if terms else None

    key = ("terms_url", page.terms_page_id, get_language(), *host_key(request))
    return PAGES.get(request, key, find)


def _render(
    page: NetworkPage, request: HttpRequest, *, status: int = 200, **kwargs
) -> HttpResponse:
    context = page.get_context(request)
    context.update(network_context(page, request, **kwargs))
    return TemplateResponse(request, page.get_template(request), context, status=status)


def interest_view(page: NetworkPage, request: HttpRequest, *, sent: bool = False) -> HttpResponse:
    if request.method != "POST" or sent or not page.interest_enabled:
        return _render(page, request, sent=sent)

    if rate_limited(request):
        return TemplateResponse(
            request,
            "networks/rate_limited.html",
            {"page": page, "self": page},
            status=429,
            headers={"Retry-After": str(settings.TINGSTED_INTEREST_RATE_WINDOW)},
        )
    terms = page.terms_page.localized if page.terms_page_id else None
    form = InterestForm(
        request.POST, network=page, terms_url=terms.get_url(request=request) if terms else None
    )
    thanks_url = page.url + page.reverse_subpage("thanks") + "#interest"
    if form.is_bot:
        # Answer as if all went well, so the bot learns nothing; store nothing.
        return HttpResponseRedirect(thanks_url)
    if not form.is_valid():
        return _render(page, request, form=form)

    submission = form.save(commit=False)
    submission.language = get_language() or ""
    submission.save()
    # After the commit, and never failing the request: the row is what matters, and a
    # visitor shown an error would post again (a duplicate). EMAIL_TIMEOUT bounds the wait.
    transaction.on_commit(lambda: notify_contact(page, submission, request))
    return HttpResponseRedirect(thanks_url)


def notify_contact(page: NetworkPage, submission, request: HttpRequest) -> None:
    recipient = page.recipient_email
    if not recipient:
        return
    subject = _("New interest in %(network)s") % {"network": page.title}
    body = render_to_string(
        "networks/email/interest_notification.txt",
        {"page": page, "submission": submission, "page_url": page.get_full_url(request=request)},
    )
    try:
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [recipient])
    except Exception:
        # The submission is stored and listed in the admin; a mail outage (refused, timed
        # out, rejected) must not lose it or show the visitor an error.
        logger.exception("Could not e-mail interest submission %s to %s", submission.pk, recipient)
