"""Admin: interest submissions, listed per network and exported as CSV or Excel."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from cms.public import SafeSpreadsheetExportMixin
from plugins.networks.submissions import InterestSubmission


class SubmissionIndexView(SafeSpreadsheetExportMixin, generic.IndexView):
    """Wagtail's index with exports; XLSX is offered first, CSV is neutralised too."""


class InterestSubmissionViewSet(ModelViewSet):
    model = InterestSubmission
    index_view_class = SubmissionIndexView
    icon = "mail"
    menu_label = _("Interest submissions")
    menu_order = 260
    add_to_admin_menu = True
    inspect_view_enabled = True
    list_display = ["name", "organisation", "email", "network", "submitted_at"]
    list_filter = ["network", "language"]
    search_fields = ["name", "organisation", "email", "job_title"]
    ordering = ["-submitted_at"]
    list_export = [
        "submitted_at",
        "network",
        "name",
        "organisation",
        "job_title",
        "email",
        "phone",
        "message",
        "consent_text",
        "consent_version",
        "language",
    ]
    export_filename = "interest-submissions"
    form_fields = [
        "network",
        "name",
        "organisation",
        "job_title",
        "email",
        "phone",
        "message",
        "consent_text",
        "consent_version",
        "language",
    ]


@hooks.register("register_admin_viewset")
def register_submissions():
    return InterestSubmissionViewSet("interest_submissions")
