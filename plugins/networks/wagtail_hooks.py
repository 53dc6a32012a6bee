"""Admin: interest submissions, listed per network and exported as CSV or Excel."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from plugins.networks.models import InterestSubmission

#: A spreadsheet treats a cell that starts with one of these as a formula (CSV injection).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """Prefix a would-be formula with an apostrophe, so spreadsheets show it as text."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


class SubmissionIndexView(generic.IndexView):
    def write_csv_row(self, writer, row_dict):
        # Wagtail's xlsx export already forces formulas to text; its CSV export does not.
        return writer.writerow(
            {
                field: neutralise(self.preprocess_field_value(field, value, self.FORMAT_CSV))
                for field, value in row_dict.items()
            }
        )


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
