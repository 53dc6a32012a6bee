"""``{% translation_review_panel %}``: review actions in wagtail-localize's translation editor."""

from __future__ import annotations

from django import template

from plugins.translation import review

register = template.Library()


@register.inclusion_tag("tingsted_translation/review_panel.html", takes_context=True)
def translation_review_panel(context, instance):
    request = context["request"]
    return {
        "panel": review.panel(instance, request.user),
        "submit_action": review.SUBMIT_ACTION,
        "csrf_token": context.get("csrf_token"),
        "request": request,
    }
