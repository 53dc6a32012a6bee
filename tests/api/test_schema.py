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
def filled_home(home):
    page = home("da")
    page.body = full_body(page, home("da", "en"))
    page.save_revision().publish()
    return page


def response_schema(openapi, path: str, method: str = "get") -> dict:
    """The 200 response schema of an operation, made standalone for jsonschema."""
    operation = openapi["paths"][path][method]
    schema = operation["responses"]["200"]["content"]["application/json"]["schema"]
    return {**schema, "components": openapi["components"]}


def validator_for(openapi, schema: dict):
    # OpenAPI 3.1 schemas are JSON Schema 2020-12; refs point into #/components/schemas.
    return jsonschema.Draft202012Validator(schema)


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


#: Keywords that only describe a schema: a schema with nothing else accepts any value.
DESCRIPTIVE_KEYWORDS = {"title", "description", "default", "examples", "deprecated", "readOnly"}


def untyped_parts(schema: dict, where: str, components: dict, seen: set[str]) -> list[str]:
    """Where ``schema`` (and every component it refers to) accepts any value: an empty
    schema, alone or inside ``anyOf`` (Wagtail's ``Any | None``), ``items`` or properties.
    ``seen`` holds components already looked at, so each is reported once."""
    if not set(schema) - DESCRIPTIVE_KEYWORDS:
        return [where]
    found = []
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        if name not in seen:
            seen.add(name)
            found += untyped_parts(components[name], name, components, seen)
    for keyword in ("anyOf", "oneOf", "allOf", "prefixItems"):
        for position, part in enumerate(schema.get(keyword, [])):
            found += untyped_parts(part, f"{where}.{keyword}[{position}]", components, seen)
    for keyword in ("items", "additionalProperties"):
        if isinstance(schema.get(keyword), dict):
            found += untyped_parts(schema[keyword], f"{where}.{keyword}", components, seen)
    for name, part in schema.get("properties", {}).items():
        found += untyped_parts(part, f"{where}.{name}", components, seen)
    return found


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
        },
    }
    assert untyped_parts(schema, "Page", components, set()) == [
        "Page.maybe.anyOf[0]",
        "Page.many.items",
        "Inner.loose",
    ]


@pytest.mark.parametrize("site_language", ["da", "sv", "nb", "en"])
def test_real_page_responses_validate_against_the_schema(
    openapi, api, filled_home, home, site_language
):
    schema = validator_for(openapi, response_schema(openapi, "/api/v3/pages/{page_id}/"))
    for language in ["da", "sv", "nb", "en"]:
        page = home(site_language, language)
        response = api.get(f"/api/v3/pages/{page.pk}/", site=site_language)
        assert response.status_code == 200
        schema.validate(response.json())
    body = api.get(f"/api/v3/pages/{filled_home.pk}/").json()["body"]
    assert [block["type"] for block in body][:3] == ["heading", "text", "quote"]
    schema.validate(api.get(f"/api/v3/pages/{filled_home.pk}/").json())


def test_list_responses_validate_against_the_schema(openapi, api, filled_home):
    schema = validator_for(openapi, response_schema(openapi, "/api/v3/pages/"))
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
