"""The access rule's table (docs/access.md), checked cell by cell against the running site.

The table is read from the document, so the document and the code cannot drift apart.
Every principal is a real browser session (logged in, or having entered a page password)
and, where it has a user, that user's own API token; every object is probed through every
channel of its kind. A cell that says "seen" is a positive control: it proves the probe
would notice the object if it leaked anywhere else.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, Permission
from django.test import Client
from wagtail.models import APIToken, Collection, CollectionViewRestriction, Locale
from wagtail.models import PageViewRestriction as Restriction

from plugins.translation.roles import REVIEWERS, setup_roles
from tests.api.conftest import add_page
from tests.conftest import HOSTS
from tests.factories import indexed_once
from tests.factories.auth import UserFactory
from tests.factories.cms import DocumentFactory, ImageFactory
from tests.factories.minutes import AgendaItemFactory, CouncilPageFactory, publish_meeting

pytestmark = pytest.mark.django_db

TABLE = Path(__file__).resolve().parents[2] / "docs" / "access.md"
PASSWORD = "s3sam-luk-dig-op"
CLOSED_WORD = "Bandicootverdict"


def read_table() -> tuple[list[str], dict[str, dict[str, set[str]]]]:
    """The principals (columns) and, per object (row), what each principal sees."""
    text = TABLE.read_text(encoding="utf-8")
    section = text.split("## The table", 1)[1]
    rows = [line for line in section.splitlines() if line.startswith("| ")]
    header = [cell.strip() for cell in rows[0].strip("|").split("|")]
    principals = header[1:]
    table = {}
    for line in rows[2:]:
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        table[cells[0]] = {
            principal: set(re.findall(r"[WA]", cell))
            for principal, cell in zip(principals, cells[1:], strict=True)
        }
    return principals, table


PRINCIPALS, RULE = read_table()


@dataclass
class Principal:
    name: str
    client: Client
    token: str | None = None
    credentialed: bool = False


@dataclass
class World:
    objects: dict[str, object] = field(default_factory=dict)
    principals: dict[str, Principal] = field(default_factory=dict)


def _user(username: str, *groups: str, **fields):
    user = UserFactory(username=username, **fields)
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    return user


def _grant(user, codename: str) -> None:
    user.user_permissions.add(Permission.objects.get(codename=codename))


@pytest.fixture
@indexed_once
def world(home) -> World:
    setup_roles(log=lambda message: None)
    dk = home("da")
    objects: dict[str, object] = {}
    objects["live page"] = add_page(dk, "Aabenside Lynx")
    objects["unpublished page (Danish site)"] = add_page(dk, "Kladdeside Otter", live=False)
    objects["unpublished page (Swedish site)"] = add_page(home("sv"), "Utkastsida Mink", live=False)
    source = add_page(dk, "Kildeside Wombat")
    draft_translation = source.copy_for_translation(Locale.objects.get(language_code="sv"))
    draft_translation.title = "Utkast Wombat"
    draft_translation.save_revision()
    objects["unpublished Swedish translation of a Danish page"] = draft_translation

    login = add_page(dk, "Loginside Falcon")
    sv = Locale.objects.get(language_code="sv")
    translation = login.copy_for_translation(sv)
    translation.title = "Inloggningssida Falcon"
    translation.save_revision().publish()
    # Restricted only after the translation existed: it must follow all the same.
    Restriction.objects.create(page=login, restriction_type=Restriction.LOGIN)
    objects["login-restricted page"] = login
    objects["Swedish translation of a login-restricted page"] = translation

    password_page = add_page(dk, "Kodeside Puffin")
    Restriction.objects.create(
        page=password_page, restriction_type=Restriction.PASSWORD, password=PASSWORD
    )
    objects["password-restricted page"] = password_page

    group_page = add_page(dk, "Gruppeside Heron")
    restriction = Restriction.objects.create(page=group_page, restriction_type=Restriction.GROUPS)
    restriction.groups.add(Group.objects.get(name=REVIEWERS))
    objects["page restricted to the reviewers group"] = group_page

    private = Collection.get_first_root_node().add_child(name="Members only")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    objects["document in a login-restricted collection"] = DocumentFactory(
        title="Document Walrus", collection=private
    )
    objects["image in a login-restricted collection"] = ImageFactory(
        title="Image Walrus", collection=private
    )

    council = CouncilPageFactory(parent=dk, title="Raadet Ibis", slug="raadet-ibis")
    objects["closed agenda item"] = publish_meeting(
        council,
        [
            AgendaItemFactory.build(number="1", title="Open matter"),
            AgendaItemFactory.build(
                number="2",
                title="Closed matter",
                is_closed=True,
                summary=f"<p>{CLOSED_WORD} background.</p>",
            ),
        ],
        title="Moede Ibis",
    )

    users = {
        "logged in, no permissions": _user("nobody"),
        "service token": _user("partner-site"),
        "service token with read_restricted": _user("trusted-partner"),
        "editor of the Danish site": _user("editor-dk", "editors-dk.localhost"),
        "translator into Swedish": _user("translator-sv", "translators-sv"),
        "reviewer": _user("reviewer", REVIEWERS),
        "superuser": _user("root", is_superuser=True, is_staff=True),
    }
    _grant(users["service token with read_restricted"], "read_restricted")
    principals = {
        "anonymous": Principal("anonymous", Client()),
        "password session": Principal("password session", Client(), credentialed=True),
    }
    for name, user in users.items():
        client = Client()
        client.force_login(user)
        _token, plaintext = APIToken.create_token(user=user, name=name)
        principals[name] = Principal(name, client, plaintext, credentialed=True)

    # The password, entered in a browser as a visitor does.
    browser = principals["password session"].client
    form = browser.post(
        f"/_util/authenticate_with_password/{password_page.view_restrictions.get().pk}/"
        f"{password_page.pk}/",
        {"password": PASSWORD, "return_url": password_page.url},
        HTTP_HOST=HOSTS["da"],
    )
    assert form.status_code == 302, "the page password form refused the right password"
    return World(objects, principals)


# --- Probes: does this principal see this object through this channel? ---------------------


def _api(principal: Principal, path: str, host: str = HOSTS["da"]):
    extra = {"HTTP_HOST": host}
    if principal.token:
        extra["HTTP_AUTHORIZATION"] = f"Bearer {principal.token}"
    response = principal.client.get(path, **extra)
    if principal.credentialed and response.status_code == 200:
        # Whatever it shows, an answer to a session or a token is nobody else's.
        assert response["Cache-Control"] == "private, no-store", (principal.name, path)
    return response


def _host_of(page) -> str:
    site = page.get_site()
    return site.hostname


def sees_page_on_web(principal: Principal, page) -> bool:
    page.refresh_from_db()
    response = principal.client.get(
        re.sub(r"^https?://[^/]+", "", page.full_url), HTTP_HOST=_host_of(page)
    )
    seen = response.status_code == 200 and page.title in response.content.decode()
    if seen and principal.credentialed:
        assert "no-store" in response.get("Cache-Control", ""), principal.name
    return seen


def sees_page_through_api(principal: Principal, page) -> bool:
    host = _host_of(page)
    ids: set[int] = set()
    for path in ("/api/v2/pages/?limit=100", "/api/v3/pages/?limit=100"):
        response = _api(principal, path, host)
        assert response.status_code == 200, (principal.name, path, response.content[:200])
        ids |= {item["id"] for item in response.json()["items"]}
    details = [
        _api(principal, f"/api/v2/pages/{page.pk}/", host).status_code,
        _api(principal, f"/api/v3/pages/{page.pk}/", host).status_code,
    ]
    listed = page.pk in ids
    # A page is listed exactly when its detail opens: no route is more generous.
    assert (200 in details) == listed, (principal.name, page.title, details, listed)
    return listed


def sees_in_collection_api(principal: Principal, obj, kind: str) -> bool:
    ids: set[int] = set()
    statuses = []
    for version in ("v2", "v3"):
        response = _api(principal, f"/api/{version}/{kind}/?limit=100")
        assert response.status_code == 200, (principal.name, kind, response.content[:200])
        ids |= {item["id"] for item in response.json()["items"]}
        statuses.append(_api(principal, f"/api/{version}/{kind}/{obj.pk}/").status_code)
    assert (200 in statuses) == (obj.pk in ids), (principal.name, kind, statuses)
    return obj.pk in ids


def sees_document_on_web(principal: Principal, document) -> bool:
    response = principal.client.get(document.url, HTTP_HOST=HOSTS["da"])
    return response.status_code == 200


def sees_closed_item_on_web(principal: Principal, meeting) -> bool:
    response = principal.client.get(
        re.sub(r"^https?://[^/]+", "", meeting.full_url), HTTP_HOST=HOSTS["da"]
    )
    assert response.status_code == 200, principal.name
    return CLOSED_WORD in response.content.decode()


def sees_closed_item_through_api(principal: Principal, meeting) -> bool:
    routes = [f"/api/v3/minutes/meetings/{meeting.pk}/", f"/minutes/meetings/{meeting.pk}.json"]
    seen = []
    for path in routes:
        response = _api(principal, path)
        assert response.status_code == 200, (principal.name, path, response.status_code)
        seen.append(CLOSED_WORD in response.content.decode())
    assert len(set(seen)) == 1, (principal.name, dict(zip(routes, seen, strict=True)))
    return seen[0]


def observed(world: World, principal: Principal, row: str) -> set[str]:
    obj = world.objects[row]
    seen = set()
    if row == "closed agenda item":
        web, machine = sees_closed_item_on_web, sees_closed_item_through_api
    elif row.startswith("document"):
        web = sees_document_on_web

        def machine(p, o):
            return sees_in_collection_api(p, o, "documents")
    elif row.startswith("image"):
        web = None

        def machine(p, o):
            return sees_in_collection_api(p, o, "images")
    else:
        web, machine = sees_page_on_web, sees_page_through_api
    if web is not None and web(principal, obj):
        seen.add("W")
    if machine(principal, obj):
        seen.add("A")
    return seen


def test_each_object_is_seen_exactly_by_the_principals_the_table_names(world):
    """One world, every row: building it costs more than all the probes together."""
    wrong = {}
    for row, expected in RULE.items():
        assert any(expected.values()), f"{row}: a row nobody may see proves nothing"
        for name in PRINCIPALS:
            got = observed(world, world.principals[name], row)
            want = expected[name]
            if row.startswith("image"):
                want = want & {"A"}  # images have no rendered address that checks the session
            if got != want:
                wrong[(row, name)] = {"table": sorted(want), "site": sorted(got)}
    assert not wrong, "\n".join(f"{key}: {value}" for key, value in wrong.items())


def test_the_table_names_every_principal_and_object_of_the_rule():
    assert PRINCIPALS == [
        "anonymous",
        "password session",
        "logged in, no permissions",
        "service token",
        "service token with read_restricted",
        "editor of the Danish site",
        "translator into Swedish",
        "reviewer",
        "superuser",
    ]
    assert {"live page", "unpublished page (Danish site)", "closed agenda item"} <= set(RULE)


def test_a_password_session_never_opens_content_for_the_next_anonymous_caller(world):
    """The finding: one authorised browser's API answer was then served to everyone."""
    page = world.objects["password-restricted page"]
    browser = world.principals["password session"].client
    for path in (f"/api/v3/pages/{page.pk}/", "/api/v3/pages/?limit=100"):
        first = browser.get(path, HTTP_HOST=HOSTS["da"])
        assert first["Cache-Control"] == "private, no-store"
        assert page.title not in first.content.decode()
        later = Client().get(path, HTTP_HOST=HOSTS["da"])
        assert page.title not in later.content.decode()
