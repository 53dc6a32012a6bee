"""Admin: webhook subscriptions and their delivery log (with "send again"), API permissions."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.tables import Column, StatusTagColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import Button

from api.models import WebhookDelivery, WebhookSubscription
from api.webhooks import EVENTS

EVENT_LABELS = {
    "page.published": _("A page is published"),
    "page.unpublished": _("A page is unpublished"),
    "page.deleted": _("A page is deleted"),
    "page.translated": _("A page is translated into another language"),
}


class WebhookSubscriptionForm(WagtailAdminModelForm):
    events = forms.MultipleChoiceField(
        label=_("Events"),
        choices=[(event, EVENT_LABELS[event]) for event in EVENTS],
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Which changes are sent to this address."),
    )
    url = forms.URLField(
        label=_("Address"),
        max_length=500,
        assume_scheme="https",
        help_text=WebhookSubscription._meta.get_field("url").help_text,
    )
    secret = forms.CharField(
        label=_("Secret"),
        min_length=16,
        widget=forms.PasswordInput(render_value=True),
        help_text=_(
            "Shared with the receiver, who checks the X-Tingsted-Signature header with it. "
            "At least 16 characters."
        ),
    )

    class Meta:
        model = WebhookSubscription
        fields = ["name", "url", "secret", "events", "site", "locale", "is_active"]


class WebhookSubscriptionViewSet(ModelViewSet):
    model = WebhookSubscription
    icon = "link-external"
    menu_label = _("Webhooks")
    copy_view_enabled = False
    list_display = ["name", "url", "site", "locale", "is_active"]
    list_filter = ["is_active", "site", "locale"]

    def get_form_class(self, for_update=False):
        return WebhookSubscriptionForm


class DeliveryIndexView(generic.IndexView):
    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if self.permission_policy.user_has_permission(self.request.user, "change"):
            buttons.append(
                Button(
                    _("Send again"),
                    url=reverse("tingsted_webhook_deliveries:send_again", args=[instance.pk]),
                    icon_name="resubmit",
                    priority=5,
                    attrs={"data-controller": "w-action", "data-action": "w-action#post"},
                )
            )
        return buttons


class WebhookDeliveryViewSet(ModelViewSet):
    model = WebhookDelivery
    icon = "history"
    menu_label = _("Deliveries")
    index_view_class = DeliveryIndexView
    inspect_view_enabled = True
    copy_view_enabled = False
    form_fields = ["subscription"]
    list_display = [
        "event",
        Column("subscription", label=_("Webhook")),
        StatusTagColumn("status", label=_("Status"), primary=lambda d: d.status == "delivered"),
        "attempts",
        "response_code",
        "created_at",
    ]
    list_filter = ["status", "event", "subscription"]
    inspect_view_fields = [
        "subscription",
        "event",
        "event_id",
        "status",
        "attempts",
        "response_code",
        "error",
        "payload",
        "created_at",
        "last_attempt_at",
        "next_attempt_at",
        "delivered_at",
    ]

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("send-again/<int:pk>/", self.send_again_view, name="send_again"),
        ]

    @property
    def send_again_view(self):
        viewset = self

        @require_POST
        def view(request, pk):
            if not viewset.permission_policy.user_has_permission(request.user, "change"):
                raise PermissionDenied
            from api.tasks import send_again

            delivery = get_object_or_404(WebhookDelivery, pk=pk)
            copy = send_again(delivery)
            copy.refresh_from_db()
            messages.success(
                request,
                _("Sent '%(event)s' again: %(status)s.")
                % {"event": delivery.event, "status": copy.get_status_display()},
            )
            return redirect(viewset.get_url_name("index"))

        return view


class WebhooksGroup(ViewSetGroup):
    menu_label = _("Webhooks")
    menu_icon = "link-external"
    items = (
        WebhookSubscriptionViewSet("tingsted_webhooks", url_prefix="webhooks"),
        WebhookDeliveryViewSet("tingsted_webhook_deliveries", url_prefix="webhook-deliveries"),
    )


@hooks.register("register_admin_viewset")
def register_webhooks():
    return WebhooksGroup()


@hooks.register("register_permissions")
def api_permissions():
    # Shown on the group edit page under "Other permissions", so administrators grant
    # them to a service user's group (see api/access.py and docs/api.md).
    return Permission.objects.filter(
        content_type__app_label="tingsted_api",
        codename__in=["read_restricted", "read_closed"],
    )


@hooks.register("register_actions")
def register_page_actions(registry) -> None:
    from api import actions

    actions.register(registry)
