"""Permission checks in front of wagtail-localize's admin views (one module, so an upgrade
of wagtail-localize is checked against one place).

wagtail-localize checks only the model-wide ``submit_translation`` permission in its submit
and update ("Sync") views, and its update view's *Publish immediately* publishes every
translation whoever asks. The views here subclass wagtail-localize's and are registered at
the same admin paths ahead of wagtail-localize's own (``plugins.translation`` comes before
``wagtail_localize`` in ``INSTALLED_APPS``, so its ``register_admin_urls`` patterns are matched first); the URL
names stay wagtail-localize's, so every link keeps working.

- submit: the user must be allowed to edit the source page or snippet;
- update (sync): the same; it saves through the project's review-aware sync
  (``plugins.translation.sync.save_synced``, as the API does): *Publish immediately* is
  offered only to users who may publish a translation whose locale does not require
  review, and publishes only those; the others are saved as a revision and sent to review.

Machine translation (*Translate with …* in the editor, and the sync's *Use machine
translation*) sends the user back with the reason when the translator gives nothing
(:class:`cms.public.MachineTranslationFailed`: DeepL refused, or did not answer), where
wagtail-localize showed an error page; the sync then changes nothing. *Upload PO file* with
no file, or with a PO file that was not exported from a translation (no
``X-WagtailLocalize-TranslationID`` header), does the same, where wagtail-localize raised;
and a snippet's submit address with a key that is no key is a 404, not the ORM's error.

The edit translation view needs nothing else here: Wagtail's page and snippet edit views check
the target's edit permission before wagtail-localize's ``before_edit_page`` hook opens the
editor, its helpers (strings, PO upload, machine translation) check it again, and its
*Publish* action refuses a user who may not publish the target.
"""

from __future__ import annotations

import contextlib
import tempfile

import polib
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin.views.pages.utils import get_valid_next_url_from_request
from wagtail.models import DraftStateMixin, Page
from wagtail_localize.views import edit_translation, submit_translations, update_translations

from cms.public import MachineTranslationFailed


def may_edit(user, instance) -> bool:
    """Whether ``user`` may edit ``instance`` (a page or a translatable snippet)."""
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_edit()
    from wagtail.permissions import policy_registry

    return policy_registry.get(instance).user_has_permission_for_instance(user, "change", instance)


class _LandWhereAllowed:
    """After *Translate this page*: a page the user may open, and a message in their language.

    wagtail-localize sends the user to the new translation's editor when one language was
    chosen; an editor of the source may not edit a translation in a locale they do not
    work in, so they landed on a permission error beside the success message (issue 15,
    finding 8). They go there only if they may edit it, else back to the source's editor
    (which they may edit: the guard above checked it).
    """

    def get_default_success_url(self, translated_object=None):
        if translated_object is not None and not may_edit(self.request.user, translated_object):
            translated_object = None
        if translated_object is None and isinstance(self.object, Page):
            return reverse("wagtailadmin_pages:edit", args=[self.object.pk])
        return super().get_default_success_url(translated_object)

    def get_success_message(self, locales):
        if not isinstance(self.object, Page):
            return super().get_success_message(locales)
        return _(
            "'%(title)s' was submitted for translation into %(locales)s. The translated "
            "pages are drafts: nothing is published until they are translated and approved."
        ) % {"title": self.object.get_admin_display_title(), "locales": locales}


class GuardedSubmitPageTranslationView(
    _LandWhereAllowed, submit_translations.SubmitPageTranslationView
):
    def get_object(self):
        instance = super().get_object()
        if not may_edit(self.request.user, instance):
            raise PermissionDenied
        return instance


class GuardedSubmitSnippetTranslationView(
    _LandWhereAllowed, submit_translations.SubmitSnippetTranslationView
):
    def get_object(self):
        try:
            instance = super().get_object()
        except (ValueError, ValidationError) as unreadable:
            # The address takes any text as the key; the ORM raised on one that is no key.
            raise Http404("No such snippet.") from unreadable
        if not may_edit(self.request.user, instance):
            raise PermissionDenied
        return instance


class GuardedUpdateTranslationsView(update_translations.UpdateTranslationsView):
    """wagtail-localize's *Sync* form (the page menu's "Sync translated pages", the
    snippet listing's button, the status overview's *Sync*), saving through the project's
    review-aware sync (:func:`plugins.translation.sync.save_synced`).

    *Publish immediately* is offered only to a user who may publish at least one of the
    translations in a locale that needs no review; the others are saved as drafts and sent
    to review, never live.
    """

    def get_object(self):
        source = super().get_object()
        if not may_edit(self.request.user, source.get_source_instance()):
            raise PermissionDenied
        return source

    def _translations(self):
        return self.object.translations.filter(enabled=True).select_related(
            "source", "target_locale"
        )

    def may_publish(self) -> bool:
        from plugins.translation.sync import may_publish_directly

        if not hasattr(self, "_may_publish"):
            user = self.request.user
            self._may_publish = any(
                may_publish_directly(user, translation) for translation in self._translations()
            )
        return self._may_publish

    def get_form(self):
        form = super().get_form()
        if not self.may_publish():
            form.fields.pop("publish_translations", None)
        return form

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["tingsted_review_note"] = (
            _(
                "Translations you may not publish, and those in languages that need review, "
                "are saved as drafts: a reviewer publishes them."
            )
            if self.may_publish()
            else _(
                "The translations are saved as drafts: those with nothing left to translate "
                "go to a reviewer, who publishes them; the others wait for their translators."
            )
        )
        return context

    def post(self, request, *args, **kwargs):
        try:
            return super().post(request, *args, **kwargs)
        except MachineTranslationFailed as failure:
            # Raised inside form_valid's transaction: the source's update is undone too.
            messages.error(
                request,
                _(
                    "%(reason)s Nothing was synced: sync again later, or without machine translation."
                )
                % {"reason": failure},
            )
            return self.render_to_response(self.get_context_data(**kwargs))

    @transaction.atomic
    def form_valid(self, form):
        from plugins.translation.sync import save_synced

        publish = bool(form.cleaned_data.get("publish_translations")) and self.may_publish()
        # wagtail-localize's own path without publishing: update the source, machine
        # translate if asked, copy view restrictions; the targets are saved below.
        form.cleaned_data["publish_translations"] = False
        response = super().form_valid(form)
        instance = self.object.get_source_instance()
        if publish or isinstance(instance, DraftStateMixin):
            for translation in self._translations():
                with contextlib.suppress(ValidationError):
                    save_synced(translation, instance, user=self.request.user, publish=publish)
        return response


def _back_with(request: HttpRequest, reason: str) -> HttpResponse:
    """Back to where the translator came from (the editor's ``next``), with the reason."""
    messages.error(request, reason)
    return redirect(get_valid_next_url_from_request(request) or reverse("wagtailadmin_home"))


@require_POST
def machine_translate(request: HttpRequest, translation_id: int) -> HttpResponse:
    """wagtail-localize's *Translate with …* in the translation editor: when the machine
    translator gives nothing (DeepL refused the key, its quota is used up, it did not answer),
    the translator is sent back to the editor with the reason instead of an error page."""
    try:
        return edit_translation.machine_translate(request, translation_id)
    except MachineTranslationFailed as failure:
        return _back_with(request, str(failure))


#: The header wagtail-localize writes in every PO file it exports, and reads on import.
PO_TRANSLATION_HEADER = "X-WagtailLocalize-TranslationID"


def _not_from_a_translation(upload) -> bool:
    """Whether a PO file lacks the header wagtail-localize's export writes (an empty file, a
    catalogue from elsewhere). A file polib cannot read is wagtail-localize's to refuse."""
    with tempfile.NamedTemporaryFile(suffix=".po") as copy:
        for chunk in upload.chunks():
            copy.write(chunk)
        copy.flush()
        try:
            po = polib.pofile(copy.name)
        except (OSError, UnicodeDecodeError):
            return False
        finally:
            upload.seek(0)
    return PO_TRANSLATION_HEADER not in po.metadata


@require_POST
def upload_pofile(request: HttpRequest, translation_id: int) -> HttpResponse:
    """wagtail-localize's *Upload PO file* in the translation editor: no file, or a PO file
    that was not downloaded from a translation, sends the translator back with the reason
    (wagtail-localize raised on both, a 500); everything else is its own."""
    upload = request.FILES.get("file")
    if upload is None:
        problem = _("Choose a PO file to upload.")
    elif _not_from_a_translation(upload):
        problem = _(
            "This PO file was not downloaded from a translation. Download the PO file from "
            "the translation editor, translate it and upload that one."
        )
    else:
        return edit_translation.upload_pofile(request, translation_id)
    return _back_with(request, problem)


def admin_urls() -> list:
    """The guarded views at wagtail-localize's paths (under ``/admin/localize/``)."""
    return [
        path(
            "localize/submit/page/<int:page_id>/",
            GuardedSubmitPageTranslationView.as_view(),
        ),
        path(
            "localize/submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
            GuardedSubmitSnippetTranslationView.as_view(),
        ),
        path(
            "localize/update/<int:translation_source_id>/",
            GuardedUpdateTranslationsView.as_view(),
        ),
        path("localize/translate/<int:translation_id>/machine_translate/", machine_translate),
        path("localize/translate/<int:translation_id>/pofile/upload/", upload_pofile),
    ]
