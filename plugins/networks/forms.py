"""The interest form ("be contacted") on a network page."""

from __future__ import annotations

from django import forms
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from plugins.networks.submissions import InterestSubmission

#: The honeypot's name: tempting for bots, hidden from people and screen readers.
HONEYPOT_FIELD = "website"


class InterestForm(forms.ModelForm):
    consent = forms.BooleanField(
        required=True,
        error_messages={"required": _("Please accept the terms so we may contact you.")},
    )
    website = forms.CharField(required=False, label=_("Leave this field empty"))

    class Meta:
        model = InterestSubmission
        fields = ["name", "organisation", "job_title", "email", "phone", "message"]
        widgets = {"message": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, network, terms_url: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.network = network
        for field in self.fields.values():
            # The model's help texts are written for editors reading submissions; visitors
            # get labels and error messages (an input described by no element confuses
            # screen readers).
            field.help_text = ""
        self.consent_sentence = network.default_consent_text
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["organisation"].widget.attrs["autocomplete"] = "organization"
        self.fields["job_title"].widget.attrs["autocomplete"] = "organization-title"
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["phone"].widget.attrs["autocomplete"] = "tel"
        self.fields["phone"].widget.input_type = "tel"
        self.fields[HONEYPOT_FIELD].widget.attrs.update({"autocomplete": "off", "tabindex": "-1"})
        if terms_url:
            self.fields["consent"].label = format_html(
                '{} <a href="{}">{}</a>', self.consent_sentence, terms_url, _("Read the terms.")
            )
        else:
            self.fields["consent"].label = self.consent_sentence

    @property
    def is_bot(self) -> bool:
        return bool((self.data.get(HONEYPOT_FIELD) or "").strip())

    def visible_fields(self):
        return [field for field in super().visible_fields() if field.name != HONEYPOT_FIELD]

    def save(self, commit: bool = True) -> InterestSubmission:
        submission = super().save(commit=False)
        submission.network = self.network
        submission.consent_text = self.consent_sentence
        submission.consent_version = self.network.terms_version
        if commit:
            submission.save()
        return submission
