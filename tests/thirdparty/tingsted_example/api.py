from django.http import HttpRequest
from ninja import Router, Schema
from wagtail.api.v2.views import BaseAPIViewSet

from tingsted_example.models import ExampleNote

router = Router(tags=["example"])


class PingOut(Schema):
    pong: bool
    pages: int


@router.get("/ping/", response=PingOut, url_name="example_ping")
def ping(request: HttpRequest) -> dict:
    from tingsted_example.models import ExamplePage

    return {"pong": True, "pages": ExamplePage.objects.live().public().count()}


def routers() -> list[tuple[str, Router]]:
    return [("example", router)]


class ExampleNotesAPIViewSet(BaseAPIViewSet):
    model = ExampleNote
    body_fields = [*BaseAPIViewSet.body_fields, "text"]
    listing_default_fields = [*BaseAPIViewSet.listing_default_fields, "text"]


def v2_endpoints() -> list[tuple[str, type[BaseAPIViewSet]]]:
    return [("example-notes", ExampleNotesAPIViewSet)]
