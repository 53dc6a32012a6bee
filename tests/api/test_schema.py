"""API v3's OpenAPI schema is valid, types StreamFields per block, and real responses match it."""

from __future__ import annotations

import json

import jsonschema
import pytest
from openapi_spec_validator import validate
from wagtail import blocks
from wagtail.models import get_page_models

from api import stream_schema
from api.checks import W001, check_untyped_blocks
from api.stream_schema import block_schema, json_schema_of
from cms.models import TingstedPage
from tests.api import openapi_validation
from tests.api.openapi_validation import read_responses, untyped_parts
from tests.factories import indexed_once
from tests.factories.cms import DocumentFactory, ImageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def openapi():
    from api.openapi import openapi_document

    return openapi_document()


def full_body(home_page, linked_page) -> list[dict]:
    """One of every shared block, with real images, documents and page links."""
    image = ImageFactory()
    document = DocumentFactory(title="Referat")
    return [
        {"type": "heading", "value": {"text": "Om os", "level": "h2"}},
        {
            "type": "text",
            "value": f'<p>Se <a linktype="page" id="{linked_page.pk}">siden</a> og '
            f'<a linktype="document" id="{document.pk}">referatet</a>.</p>',
        },
        {
            "type": "quote",
            "value": {"text": "Godt sagt.", "name": "Sigrid Holm", "role": "", "organisation": ""},
        },
        {"type": "image", "value": {"image": image.pk, "caption": ""}},
        {
            "type": "call_to_action",
            "value": {"label": "Læs mere", "page": linked_page.pk, "url": "", "text": ""},
        },
        {
            "type": "call_to_action",
            "value": {
                "label": "Ekstern",
                "page": None,
                "url": "https://example.org/",
                "text": "Mere",
            },
        },
        {
            "type": "embed",
            "value": {"url": "https://example.org/film", "title": "Film", "caption": ""},
        },
        {"type": "fact_box", "value": {"title": "Fakta", "items": ["En", "To"]}},
        {
            "type": "contact",
            "value": {
                "department": "Sekretariatet",
                "address": "Torvet 1\n1000 By",
                "phone": "",
                "email": "sek@example.org",
                "opening_hours": [{"days": "Man–tor", "hours": "10–15"}],
            },
        },
        {"type": "attachments", "value": {"title": "Bilag", "documents": [document.pk]}},
    ]


@pytest.fixture
@indexed_once
def filled_home(home):
    page = home("da")
    page.body = full_body(page, home("da", "en"))
    page.save_revision().publish()
    return page


def validator_for(openapi, path: str):
    return openapi_validation.validator_for(openapi, path)


@pytest.mark.database_neutral  # the document is built from the code alone
def test_the_openapi_document_is_valid_openapi_3(openapi, client):
    validate(openapi)
    served = client.get("/api/v3/openapi.json", HTTP_HOST="localhost")
    assert served.status_code == 200
    assert served.json()["openapi"].startswith("3.")
    assert client.get("/api/v3/docs/", HTTP_HOST="localhost").status_code == 200


def test_a_streamfield_is_a_union_of_its_blocks_discriminated_by_type(openapi):
    components = openapi["components"]["schemas"]
    body = components["HomePageSchema"]["properties"]["body"]
    assert set(body["items"]["discriminator"]["mapping"]) == {
        "heading",
        "text",
        "quote",
        "image",
        "call_to_action",
        "embed",
        "fact_box",
        "contact",
        "attachments",
    }
    image_item = components["BodyStreamBlock_image"]
    assert image_item["properties"]["type"]["const"] == "image"
    image = components["ImageData"]["properties"]
    assert {"alt", "credit", "width", "height", "renditions"} <= set(image)
    heading = components["HeadingBlock"]["properties"]
    assert heading["level"]["enum"] == ["h2", "h3", "h4"]
    translations = components["HomePageSchema"]["properties"]["translations"]
    assert "TranslationData" in json.dumps(translations)


def test_every_page_type_has_a_typed_read_schema(openapi):
    components = openapi["components"]["schemas"]
    for model in get_page_models():
        if issubclass(model, TingstedPage):
            properties = components[f"{model._meta.object_name}Schema"]["properties"]
            assert "translations" in properties, model
            for name, prop in properties.items():
                if name in {"body"}:
                    assert prop.get("items"), f"{model._meta.label}.{name} is untyped"


def test_no_property_of_any_page_schema_is_untyped(openapi):
    """Every api_field of every plugin's page types has a type a client generator can use.

    Wagtail types a plain property, or a serializer whose ``to_representation`` has no
    return annotation, as "any"; declare the type (see api.fields.typed_property)."""
    components = openapi["components"]["schemas"]
    seen: set[str] = set()
    untyped = []
    for model in get_page_models():
        name = f"{model._meta.object_name}Schema"
        seen.add(name)
        untyped += untyped_parts(components[name], name, components, seen)
    assert untyped == []


def test_the_untyped_check_sees_any_inside_unions_lists_and_components():
    components = {"Inner": {"type": "object", "properties": {"loose": {"title": "Loose"}}}}
    schema = {
        "type": "object",
        "properties": {
            "maybe": {"anyOf": [{}, {"type": "null"}], "title": "Maybe"},
            "many": {"type": "array", "items": {}},
            "nested": {"$ref": "#/components/schemas/Inner"},
            "fine": {"anyOf": [{"type": "string", "format": "date"}, {"type": "null"}]},
            "loose_keys": {"type": "object", "additionalProperties": True},
            "bare": {"anyOf": [{"type": "object"}, {"type": "null"}]},
            "mapping": {"type": "object", "additionalProperties": {"type": "string"}},
        },
    }
    assert untyped_parts(schema, "Page", components, set()) == [
        "Page.maybe.anyOf[0]",
        "Page.many.items",
        "Inner.loose",
        "Page.loose_keys (any keys)",
        "Page.bare.anyOf[0] (an object of anything)",
    ]


def test_no_read_route_answers_with_an_untyped_part(openapi):
    """Pages of every type, plugin routes (meetings, programmes, minutes), snippets,
    documents, images, sites: a generated client gets a type for every value, never
    ``unknown``/``Any`` nor an object of anything (``additionalProperties: true``)."""
    components = openapi["components"]["schemas"]
    seen: set[str] = set()
    untyped = []
    routes = read_responses(openapi)
    for where, schema in routes:
        untyped += untyped_parts(schema, where, components, seen)
    assert untyped == []
    paths = {where.split()[1] for where, _schema in routes}
    assert {
        "/api/v3/meetings/upcoming/",
        "/api/v3/networks/{network_id}/programme/",
        "/api/v3/minutes/councils/",
        "/api/v3/minutes/councils/{council_id}/meetings/",
        "/api/v3/minutes/meetings/{meeting_id}/",
        "/api/v3/snippets/{type}/",
        "/api/v3/snippets/{type}/{pk}/",
        "/api/v3/sync/",
    } <= paths


def choice_fields(model) -> dict[str, list[str]]:
    """The api_fields of ``model`` that are model fields with choices, with their values."""
    from wagtail.api import APIField
    from wagtail.api.conf import get_model_field

    found = {}
    for api_field in APIField.get_fields_for_model(model, db_fields_only=True):
        field = get_model_field(model, api_field.name)
        if getattr(field, "choices", None) and api_field.serializer is None:
            found[api_field.name] = [str(value) for value, _label in field.choices]
    return found


def enum_of(schema: dict, components: dict) -> list[str] | None:
    if "$ref" in schema:
        return enum_of(components[schema["$ref"].rsplit("/", 1)[-1]], components)
    if "enum" in schema:
        return schema["enum"]
    for part in schema.get("anyOf", []):
        if part.get("type") != "null" and enum_of(part, components) is not None:
            return enum_of(part, components)
    return None


def test_every_choice_field_is_an_enum(openapi):
    """A TypeScript client gets ``"planned" | "confirmed" | …``, not ``string``."""
    from plugins.meetings.choices import MeetingKind, MeetingStatus
    from plugins.minutes.choices import Attendance, DocumentStatus, MemberRole, Outcome

    components = openapi["components"]["schemas"]
    checked = 0
    for model in get_page_models():
        properties = components[f"{model._meta.object_name}Schema"]["properties"]
        for name, values in choice_fields(model).items():
            assert enum_of(properties[name], components) == values, f"{model.__name__}.{name}"
            checked += 1
    assert checked >= 3  # MeetingPage.status, .kind, MinutesPage.document_status

    def enum(component: str, name: str) -> list[str] | None:
        return enum_of(components[component]["properties"][name], components)

    assert enum("MeetingSchema", "status") == MeetingStatus.values
    assert enum("MeetingSchema", "kind") == MeetingKind.values
    assert enum("MeetingSummaryOut", "document_status") == DocumentStatus.values
    assert enum("MeetingOut", "document_status") == DocumentStatus.values
    assert enum("MemberOut", "role") == MemberRole.values
    assert enum("AttendanceOut", "status") == Attendance.values
    assert enum("DecisionOut", "outcome") == Outcome.values
    assert enum("MembershipFeeData", "currency") == ["DKK", "SEK", "NOK", "EUR"]
    assert "DK" in enum("VenueData", "country")


def test_no_declared_format_is_one_the_data_lacks(openapi):
    """``format: time`` is RFC 3339 with an offset; local times are declared by pattern."""
    assert '"format": "time"' not in json.dumps(openapi, sort_keys=True)
    start_time = openapi["components"]["schemas"]["SessionData"]["properties"]["start_time"]
    assert start_time["type"] == "string"
    assert start_time["pattern"]


def page_list_parameters(openapi) -> dict[str, dict]:
    operation = openapi["paths"]["/api/v3/pages/"]["get"]
    return {parameter["name"]: parameter for parameter in operation["parameters"]}


def test_the_documented_field_filters_are_declared(openapi):
    parameters = page_list_parameters(openapi)
    assert parameters["slug"]["schema"] == {"type": "string"}
    assert parameters["first_published_at"]["schema"]["format"] == "date-time"
    assert parameters["date"]["schema"]["format"] == "date"
    assert "blog.BlogPostPage" in parameters["date"]["description"]
    assert parameters["status"]["schema"]["enum"][0] == "planned"
    # Streams, rich text and relations are not filtered by value: not declared.
    assert not {"body", "programme", "description", "members"} & set(parameters)


def test_a_declared_field_filter_filters(api, home):
    page = home("da")
    other = home("da", "en")
    parameters = page_list_parameters_from(api)
    assert "slug" in parameters
    found = api.get(f"/api/v3/pages/?slug={other.slug}").json()["items"]
    assert [item["id"] for item in found] == [other.pk]
    assert page.pk not in [item["id"] for item in found]


def page_list_parameters_from(api) -> set[str]:
    served = api.get("/api/v3/openapi.json").json()
    return {p["name"] for p in served["paths"]["/api/v3/pages/"]["get"]["parameters"]}


def test_snippet_answers_validate_against_the_schema(openapi, api):
    from tests.factories.api import APITokenFactory
    from tests.factories.auth import UserFactory
    from tests.factories.people import OrganisationFactory, PersonFactory, VenueFactory

    # Wagtail reads snippets for a user who may edit them.
    token = APITokenFactory(user=UserFactory(username="admin", is_superuser=True, is_staff=True))

    person = PersonFactory(organisation=OrganisationFactory())
    venue = VenueFactory()
    listing = validator_for(openapi, "/api/v3/snippets/{type}/")
    detail = validator_for(openapi, "/api/v3/snippets/{type}/{pk}/")
    for label, pk in [
        ("people.Person", person.pk),
        ("people.Organisation", person.organisation.pk),
        ("people.Venue", venue.pk),
    ]:
        response = api.get(f"/api/v3/snippets/{label}/", token=token)
        assert response.status_code == 200, response.content
        listing.validate(response.json())
        response = api.get(f"/api/v3/snippets/{label}/{pk}/", token=token)
        assert response.status_code == 200, response.content
        detail.validate(response.json())


@pytest.mark.parametrize("site_language", ["da", "sv", "nb", "en"])
def test_real_page_responses_validate_against_the_schema(
    openapi, api, filled_home, home, site_language
):
    schema = validator_for(openapi, "/api/v3/pages/{page_id}/")
    for language in ["da", "sv", "nb", "en"]:
        page = home(site_language, language)
        response = api.get(f"/api/v3/pages/{page.pk}/", site=site_language)
        assert response.status_code == 200
        schema.validate(response.json())
    body = api.get(f"/api/v3/pages/{filled_home.pk}/").json()["body"]
    assert [block["type"] for block in body][:3] == ["heading", "text", "quote"]
    schema.validate(api.get(f"/api/v3/pages/{filled_home.pk}/").json())


def test_list_responses_validate_against_the_schema(openapi, api, filled_home):
    schema = validator_for(openapi, "/api/v3/pages/")
    schema.validate(api.get("/api/v3/pages/?limit=50").json())


def first_of_each_type(stream: list[dict]) -> dict[str, dict]:
    found: dict[str, dict] = {}
    for block in stream:
        found.setdefault(block["type"], block["value"])
    return found


def test_references_come_out_resolved_with_absolute_urls(api, filled_home, home):
    body = first_of_each_type(api.get(f"/api/v3/pages/{filled_home.pk}/").json()["body"])
    assert body["image"]["renditions"][0]["url"].startswith("http://dk.localhost/")
    assert body["image"]["credit"] == "Photo: Test Photographer"
    assert body["call_to_action"]["page"]["url"] == "http://dk.localhost/en/"
    assert body["attachments"]["documents"][0]["size"] > 0
    # Wagtail localizes rich-text page links: on a Danish page, the Danish version.
    assert 'href="http://dk.localhost/"' in body["text"]
    assert 'href="http://dk.localhost/documents/' in body["text"]
    v2 = api.get(f"/api/v2/pages/{filled_home.pk}/").json()
    assert first_of_each_type(v2["body"]) == body


def test_derived_schemas_follow_the_block_definitions():
    block = blocks.StructBlock(
        [
            ("title", blocks.CharBlock()),
            ("note", blocks.CharBlock(required=False)),
            ("count", blocks.IntegerBlock(required=False)),
            ("tags", blocks.ListBlock(blocks.CharBlock())),
            ("kind", blocks.ChoiceBlock(choices=[("a", "A"), ("b", "B")])),
        ]
    )
    schema = json_schema_of(block_schema(block, "test.anonymous"))
    properties = schema["properties"]
    assert properties["title"] == {"title": "Title", "type": "string"}
    assert {"type": "null"} in properties["count"]["anyOf"]
    assert properties["tags"]["items"]["type"] == "string"
    assert properties["kind"]["enum"] == ["a", "b"]
    assert schema["required"] == ["title", "note", "count", "tags", "kind"]


class ReshapingBlock(blocks.StructBlock):
    name = blocks.CharBlock()

    def get_api_representation(self, value, context=None):
        return {"shouted": value["name"].upper()}


def test_a_block_that_reshapes_its_value_without_a_schema_is_untyped_and_flagged(monkeypatch):
    # Its own registry: this test-only block must not stay flagged for later checks.
    monkeypatch.setattr(stream_schema, "_BUILT", {})
    monkeypatch.setattr(stream_schema, "UNTYPED", set())
    schema = json_schema_of(block_schema(ReshapingBlock(), "test.reshaping"))
    assert "properties" not in schema
    assert any(path.endswith("ReshapingBlock") for path, _where in stream_schema.UNTYPED)


def test_the_shared_blocks_are_all_typed(monkeypatch):
    # Start from nothing built: schemas built earlier (at start-up, by other tests) are
    # cached and would not be looked at again, so an untyped block would go unnoticed.
    monkeypatch.setattr(stream_schema, "_BUILT", {})
    monkeypatch.setattr(stream_schema, "UNTYPED", set())
    assert check_untyped_blocks() == []
    assert "get_api_schema" in W001


def problem_validator(openapi, path: str, status: str, method: str = "get"):
    """The declared problem+json schema of ``method path``'s ``status`` answer."""
    response = openapi["paths"][path][method]["responses"][status]
    if "$ref" in response:
        response = openapi["components"]["responses"][response["$ref"].rsplit("/", 1)[-1]]
    schema = response["content"]["application/problem+json"]["schema"]
    return jsonschema.Draft202012Validator(
        {**schema, "components": openapi["components"]},
        format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER,
    )


def test_every_operation_declares_its_errors_as_problems(openapi):
    """400 everywhere (parameters, site, locale), 404 wherever an object is named (path,
    body, find routes), each as the one Problem schema in application/problem+json."""
    problem_ref = {"$ref": "#/components/schemas/Problem"}
    count = 0
    for path, operations in openapi["paths"].items():
        assert path.startswith("/api/v3/"), path  # not /api/v3pages/…
        for method, operation in operations.items():
            count += 1
            responses = operation["responses"]
            expected = {"400", "401", "429", "500"}
            if "{" in path or "requestBody" in operation or path.endswith("/find/"):
                expected.add("404")
            assert expected <= set(responses), f"{method} {path}: {sorted(responses)}"
            for status, response in responses.items():
                if status.startswith(("4", "5")):
                    shared = openapi["components"]["responses"][response["$ref"].split("/")[-1]]
                    assert shared["content"] == {
                        "application/problem+json": {"schema": problem_ref}
                    }
            for parameter in operation.get("parameters", []):
                assert parameter["schema"].get("const") != "", f"{method} {path} {parameter}"
    assert count >= 50
    problem = openapi["components"]["schemas"]["Problem"]
    assert set(problem["required"]) == {"type", "title", "status", "detail"}
    assert {"parameter", "errors"} <= set(problem["properties"])
    assert untyped_parts(problem, "Problem", openapi["components"]["schemas"], set()) == []


def test_find_routes_declare_their_redirect(openapi):
    find = openapi["paths"]["/api/v3/pages/find/"]["get"]["responses"]
    assert "302" in find and "200" not in find
    page = openapi["paths"]["/api/v3/pages/{page_id}/"]
    assert {"304", "403"} <= set(page["get"]["responses"])
    assert "412" in page["patch"]["responses"] and "412" in page["delete"]["responses"]


def test_the_action_routes_are_where_they_answer(openapi, api):
    assert "/api/v3/pages/{page_id}/actions/publish/" in openapi["paths"]
    response = api.client.post("/api/v3/pages/1/actions/publish/", HTTP_HOST="localhost")
    assert response.status_code == 401  # routed (no token), not the site's 404


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/api/v2/pages/?limit=abc", 400),
        ("/api/v3/pages/?limit=abc", 422),
        ("/api/v3/pages/?limit=101", 400),
        ("/api/v3/pages/?colour=blue", 400),
        ("/api/v2/pages/?colour=blue", 400),
        ("/api/v3/pages/999999/", 404),
        ("/api/v2/pages/999999/", 404),
    ],
)
def test_a_real_error_of_either_api_is_the_declared_problem(openapi, api, home, path, status):
    response = api.get(path)
    assert response.status_code == status
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    declared = "/api/v3/pages/{page_id}/" if status == 404 else "/api/v3/pages/"
    problem_validator(openapi, declared, str(status)).validate(body)
    assert body["status"] == status and body["title"] and body["detail"]
    if "?" in path:
        assert body["parameter"] in path.split("?")[1]


def test_v2s_not_acceptable_is_the_same_problem(openapi, api, home):
    """REST framework's own 406 has the shape of every other error (it said {"detail"})."""
    response = api.get("/api/v2/pages/", HTTP_ACCEPT="application/xml")
    assert response.status_code == 406
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    problem_validator(openapi, "/api/v3/pages/", "400").validate(body)
    assert body["status"] == 406 and body["message"] == body["detail"]
