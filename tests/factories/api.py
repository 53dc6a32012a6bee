"""Factories for the API app: tokens (for users from tests.factories.auth), webhook subscriptions and deliveries."""

import factory
from wagtail.models import APIToken

from api.models import WebhookDelivery, WebhookSubscription
from tests.factories.auth import UserFactory


class APITokenFactory(factory.django.DjangoModelFactory):
    """An APIToken; the plaintext is on ``token.plaintext`` (only its digest is stored)."""

    class Meta:
        model = APIToken

    user = factory.SubFactory(UserFactory)
    name = factory.Sequence(lambda n: f"Token {n}")

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        token, plaintext = model_class.create_token(**kwargs)
        token.plaintext = plaintext
        return token


class WebhookSubscriptionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WebhookSubscription

    name = factory.Sequence(lambda n: f"Partner site {n}")
    url = "https://hooks.example.org/tingsted"
    secret = "a-shared-secret-of-some-length"
    events = factory.LazyFunction(
        lambda: ["page.published", "page.unpublished", "page.deleted", "page.translated"]
    )


class WebhookDeliveryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WebhookDelivery

    subscription = factory.SubFactory(WebhookSubscriptionFactory)
    event = "page.published"
    payload = factory.LazyFunction(lambda: {"event": "page.published", "page": {"id": 1}})
