"""Images and documents in S3-compatible object storage (MEDIA_STORAGE=s3).

Against a real S3 server: moto's, started by the tests on a free port of 127.0.0.1 (one per
test process), with the storages built by the same function the settings use
(``cms.storage.media_storages``). Images are public bucket URLs; documents stay behind
Wagtail's permission-checked view, which redirects to a short-lived signed URL (or streams).
"""

from __future__ import annotations

import io
import socket
import threading
import time
from contextlib import contextmanager
from urllib.parse import parse_qs, quote, urlsplit

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction
from wagtail.users.models import UserProfile

from cms.storage import MediaStorage, S3Settings, media_storages
from tests.cms.processes import free_port
from tests.cms.s3 import (
    BUCKET,
    KEYS,
    REGION,
    client,
    fetch,
    fetch_with_headers,
)
from tests.factories.cms import DocumentFactory, ImageFactory
from tests.factories.translation import child_page

pytestmark = [pytest.mark.s3, pytest.mark.django_db]


@pytest.fixture
def s3(settings, s3_server):
    """The suite's settings with MEDIA_STORAGE=s3 against the test server."""
    media = use_bucket(settings, s3_server)
    settings.WAGTAILDOCS_SERVE_METHOD = media.serve_method
    return client(s3_server)


def use_bucket(settings, endpoint: str, **options) -> MediaStorage:
    """The storages at ``endpoint`` (the test bucket), as the settings build them."""
    media = media_storages(
        "s3",
        S3Settings(
            bucket_name=BUCKET, endpoint_url=endpoint, region_name=REGION, **KEYS, **options
        ),
    )
    settings.STORAGES = {**settings.STORAGES, **media.storages}
    return media


def keys(s3, prefix: str) -> set[str]:
    listing = s3.list_objects_v2(Bucket=BUCKET, Prefix=prefix)
    return {item["Key"] for item in listing.get("Contents", [])}


def upload_document(
    admin_client, title: str, collection: Collection, content: bytes, name: str = "minutes.pdf"
):
    response = admin_client.post(
        "/admin/documents/add/",
        {
            "title": title,
            "collection": collection.pk,
            "file": SimpleUploadedFile(name, content),
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    return get_document_model().objects.get(title=title)


def is_signed_object_url(url: str, endpoint: str, key: str) -> bool:
    parts = urlsplit(url)
    query = parse_qs(parts.query)
    return (
        url.startswith(f"{endpoint}/{BUCKET}/{key}")
        and "X-Amz-Signature" in query
        and query["X-Amz-Expires"] == ["60"]
    )


# --- Images --------------------------------------------------------------------------------


def test_an_image_and_its_renditions_are_public_objects_of_the_bucket(
    s3, s3_server, host_client, home, rf
):
    from blocks.representation import image_data

    image = ImageFactory(large=True, description="Harbour at dawn")
    assert image.file.name in keys(s3, "original_images/")

    # The API's image data: bucket URLs as they are, not prefixed with the site's root URL.
    request = rf.get("/api/v3/pages/", HTTP_HOST="dk.localhost")
    data = image_data(image, {"request": request})
    urls = [rendition["url"] for rendition in data["renditions"]]
    assert all(url.startswith(f"{s3_server}/{BUCKET}/images/") for url in urls), urls
    assert all("X-Amz-Signature" not in url for url in urls)  # plain, cacheable URLs
    for rendition, url in zip(data["renditions"], urls, strict=True):
        status, content = fetch(url)
        assert status == 200
        assert PILImage.open(io.BytesIO(content)).width == rendition["width"]

    # The rendered page's <img> and srcset point at the same objects.
    page = child_page(home("da"), title="Havnen", body=[("image", {"image": image})])
    html = host_client.get("da", page.get_url()).content.decode()
    assert f'src="{s3_server}/{BUCKET}/images/' in html
    assert all(url in html for url in urls)


# --- Documents -----------------------------------------------------------------------------


def test_a_document_uploaded_in_the_admin_is_an_object_served_through_a_signed_url(
    s3, s3_server, admin_client, client
):
    root = Collection.get_first_root_node()
    document = upload_document(admin_client, "Minutes", root, b"%PDF-1.4 public minutes")
    assert document.file.name in keys(s3, "documents/")
    # Links are Wagtail's view, never the bucket.
    assert document.url == f"/documents/{document.pk}/{document.filename}"

    response = client.get(document.url, HTTP_HOST="dk.localhost")
    assert response.status_code == 302
    location = response["Location"]
    assert is_signed_object_url(location, s3_server, document.file.name), location
    # The redirect is a key to the file for a minute: no cache may keep it.
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    status, content, headers = fetch_with_headers(location)
    assert (status, content) == (200, b"%PDF-1.4 public minutes")
    # As Wagtail's own streaming answers: a PDF opens in the browser.
    assert (headers["Content-Type"], headers["Content-Disposition"]) == (
        "application/pdf",
        "inline",
    )


def test_a_signed_download_keeps_the_documents_file_name(s3, admin_client, client):
    root = Collection.get_first_root_node()
    document = upload_document(admin_client, "Budget", root, b"a;b\n1;2\n", name="budget 2027.csv")
    location = client.get(document.url, HTTP_HOST="dk.localhost")["Location"]
    status, content, headers = fetch_with_headers(location)
    assert (status, content) == (200, b"a;b\n1;2\n")
    assert headers["Content-Type"] == "text/csv"
    assert headers["Content-Disposition"] == (
        f"attachment; filename={quote(document.filename)}; "
        f"filename*=UTF-8''{quote(document.filename)}"
    )


def test_two_documents_with_the_same_file_name_keep_their_own_files(s3, admin_client, client):
    root = Collection.get_first_root_node()
    first = upload_document(admin_client, "First", root, b"%PDF-1.4 first")
    second = upload_document(admin_client, "Second", root, b"%PDF-1.4 second")
    assert first.file.name != second.file.name
    for document, content in ((first, b"%PDF-1.4 first"), (second, b"%PDF-1.4 second")):
        location = client.get(document.url, HTTP_HOST="dk.localhost")["Location"]
        assert fetch(location)[1] == content


@pytest.fixture
def private_document(s3):
    council = Collection.get_first_root_node().add_child(name="Council only")
    CollectionViewRestriction.objects.create(
        collection=council, restriction_type=CollectionViewRestriction.LOGIN
    )
    return DocumentFactory(collection=council)


def test_a_private_document_is_refused_to_anonymous_visitors(private_document, s3_server, client):
    response = client.get(private_document.url, HTTP_HOST="dk.localhost")
    # Wagtail's login page, as on the local disk: no address of the object is given out.
    assert response.status_code == 302
    assert response["Location"] == f"/_util/login/?next={private_document.url}"
    assert s3_server not in response.content.decode()
    assert "X-Amz" not in str(response.headers)
    # And the object itself, at its plain address, is not public (unlike the images).
    status, _ = fetch(f"{s3_server}/{BUCKET}/{private_document.file.name}")
    assert status == 403


def test_a_private_document_is_a_signed_redirect_for_a_permitted_user(
    private_document, s3_server, admin_client
):
    response = admin_client.get(private_document.url, HTTP_HOST="dk.localhost")
    assert response.status_code == 302
    location = response["Location"]
    assert is_signed_object_url(location, s3_server, private_document.file.name), location
    assert "no-store" in response["Cache-Control"]
    assert fetch(location) == (200, b"minutes attachment")


def test_streamed_documents_come_from_the_bucket_through_the_view(
    private_document, settings, admin_client, client
):
    settings.WAGTAILDOCS_SERVE_METHOD = "serve_view"
    assert client.get(private_document.url, HTTP_HOST="dk.localhost").status_code == 302
    response = admin_client.get(private_document.url, HTTP_HOST="dk.localhost")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"minutes attachment"
    assert "no-store" in response["Cache-Control"]  # for a signed-in user only


def test_documents_never_take_the_public_custom_domain(settings, s3_server):
    """Images may be served from a CDN name; a document's URL stays a signed bucket URL."""
    media = media_storages(
        "s3",
        S3Settings(
            bucket_name=BUCKET,
            endpoint_url=s3_server,
            region_name=REGION,
            custom_domain="media.example.org",
            **KEYS,
        ),
    )
    settings.STORAGES = {**settings.STORAGES, **media.storages}
    from django.core.files.storage import default_storage

    from cms.storage import document_storage

    assert default_storage.url("images/a.jpg") == "https://media.example.org/images/a.jpg"
    url = document_storage.url("documents/a.pdf")
    assert is_signed_object_url(url, s3_server, "documents/a.pdf"), url


def test_the_suite_default_is_the_local_disk(settings):
    assert settings.STORAGES["default"]["BACKEND"].endswith("FileSystemStorage")
    assert settings.WAGTAILDOCS_SERVE_METHOD == "serve_view"


# --- The deployment check ------------------------------------------------------------------


def test_the_deploy_check_passes_when_the_bucket_answers(s3):
    from cms.checks import check_media_bucket

    assert check_media_bucket() == []


def test_the_deploy_check_names_a_bucket_that_does_not_exist(settings, s3_server):
    from django.core.management import call_command
    from django.core.management.base import SystemCheckError

    from cms.checks import check_media_bucket

    media = media_storages(
        "s3",
        S3Settings(
            bucket_name="no-such-bucket", endpoint_url=s3_server, region_name=REGION, **KEYS
        ),
    )
    settings.STORAGES = {**settings.STORAGES, **media.storages}
    [error] = check_media_bucket()  # one request for the bucket both storages share
    assert error.id == "cms.E021"
    assert error.msg.startswith("The media bucket 'no-such-bucket' (STORAGES['default'])")
    assert "AWS_STORAGE_BUCKET_NAME" in error.hint
    with pytest.raises(SystemCheckError, match=r"cms\.E021"):
        call_command("check", "--deploy", "--tag", "tingsted")


@pytest.mark.django_db
def test_health_writes_to_the_bucket_and_names_it_when_it_cannot(s3, settings, s3_server, client):
    response = client.get("/health/", HTTP_ACCEPT="application/json")
    assert response.status_code == 200, response.json()
    assert keys(s3, "health_check_storage_test/") == set()  # its test files are deleted

    media = media_storages(
        "s3",
        S3Settings(
            bucket_name="no-such-bucket", endpoint_url=s3_server, region_name=REGION, **KEYS
        ),
    )
    settings.STORAGES = {**settings.STORAGES, **media.storages}
    response = client.get("/health/", HTTP_ACCEPT="application/json")
    assert response.status_code == 500
    failing = sorted(name for name, state in response.json().items() if state != "OK")
    assert failing == ["Storage(alias='default')", "Storage(alias='documents')"]


# --- The APIs ------------------------------------------------------------------------------


def test_the_apis_give_bucket_urls_for_images_and_the_view_for_documents(s3, s3_server, client):
    """Images: the bucket's absolute URL as it is. Documents: Wagtail's view on the site
    record's root URL, never the bucket."""
    image, document = ImageFactory(), DocumentFactory()
    original = f"{s3_server}/{BUCKET}/{image.file.name}"
    served = f"http://dk.localhost{document.url}"
    for version in ("v2", "v3"):
        api = f"/api/{version}"
        image_meta = client.get(f"{api}/images/{image.pk}/", HTTP_HOST="dk.localhost").json()
        assert image_meta["meta"]["download_url"] == original
        document_meta = client.get(f"{api}/documents/{document.pk}/", HTTP_HOST="dk.localhost")
        assert document_meta.json()["meta"]["download_url"] == served
    assert fetch(original)[0] == 200


# --- An outage -----------------------------------------------------------------------------


def stop_store(settings) -> str:
    """The storages' address becomes a port nothing listens on; returns that address."""
    endpoint = f"http://127.0.0.1:{free_port()}"
    use_bucket(settings, endpoint)
    return endpoint


def test_an_object_storage_outage_is_a_503_to_try_again(s3, settings, home, admin_client):
    """The bucket stops answering between an image's upload and the first page that needs
    its renditions: the storage's address becomes a port nothing listens on."""
    image = ImageFactory(large=True, description="Harbour at dawn")
    page = child_page(home("da"), title="Havnen", body=[("image", {"image": image})])
    endpoint = stop_store(settings)

    visitor = Client(raise_request_exception=False)
    answers = {
        "page": visitor.get(page.get_url(), HTTP_HOST="dk.localhost"),
        "v2": visitor.get(f"/api/v2/pages/{page.pk}/", HTTP_HOST="dk.localhost"),
        # pydantic catches what a v3 field raises; it was a 422 blaming the caller, with the
        # storage's address in its text.
        "v3": visitor.get(f"/api/v3/pages/{page.pk}/", HTTP_HOST="dk.localhost"),
    }
    for name, response in answers.items():
        assert response.status_code == 503, (name, response.content[:500])
        assert response["Retry-After"] == "30", name
        assert response["Cache-Control"] == "private, no-store", name
    assert "Kortvarigt utilgængelig" in answers["page"].content.decode()
    for version in ("v2", "v3"):
        problem = answers[version].json()
        assert problem["status"] == 503
        assert "not answering" in problem["detail"]
        assert endpoint not in answers[version].content.decode()


@contextmanager
def silent_store():
    """An address that accepts connections and never answers: a hung storage, or one behind
    a firewall that drops its packets. Yields its endpoint URL."""
    listener = socket.create_server(("127.0.0.1", 0))
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        listener.settimeout(0.1)
        while not stop.is_set():
            try:
                held.append(listener.accept()[0])
            except TimeoutError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    finally:
        stop.set()
        thread.join()
        for connection in held:
            connection.close()
        listener.close()


def test_a_storage_that_stops_answering_is_a_503_not_a_hung_worker(s3, settings, home):
    """botocore waits 60 s for an answer, five times: the worker was held past gunicorn's
    timeout, and the visitor got the proxy's 502. AWS_S3_TIMEOUT bounds each try."""
    image = ImageFactory(large=True, description="Harbour at dawn")
    page = child_page(home("da"), title="Havnen", body=[("image", {"image": image})])
    visitor = Client(raise_request_exception=False)
    with silent_store() as endpoint:
        use_bucket(settings, endpoint, timeout=0.25)
        for url in (page.get_url(), f"/api/v2/pages/{page.pk}/", f"/api/v3/pages/{page.pk}/"):
            started = time.monotonic()
            response = visitor.get(url, HTTP_HOST="dk.localhost")
            waited = time.monotonic() - started
            assert response.status_code == 503, (url, response.content[:300])
            assert response["Retry-After"] == "30", url
            # Not a speed measurement: a bound on a hang. Two tries of a quarter second each (and
            # the page's other work); botocore's own settings wait minutes.
            assert waited < 15, f"{url} waited {waited:.0f} s for a silent storage"


def png(name: str = "harbour.png") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), "teal").save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


@pytest.fixture
def store_down(s3, settings):
    return stop_store(settings)


STORE_DOWN_DA = "Fillageret svarer ikke"


def test_an_upload_while_the_store_is_down_is_an_error_under_the_file_field(
    store_down, admin_client, admin_user
):
    """Every admin form that takes a file says so in the editor's language and saves nothing,
    where the editor used to land on the 503 page (a document) or a failed upload (images)."""
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "da"
    profile.save()
    collection = Collection.get_first_root_node().pk
    typed = {"title": "Referat fra mødet", "collection": collection, "tags": "budget"}

    document = admin_client.post(
        "/admin/documents/add/",
        {**typed, "file": SimpleUploadedFile("minutes.pdf", b"%PDF-1.4 minutes")},
    )
    assert document.status_code == 200
    # One sentence: the document's own check of the extension once added "File extension ''
    # is not allowed" below it.
    assert [(name, len(errors)) for name, errors in document.context["form"].errors.items()] == [
        ("file", 1)
    ]
    html = document.content.decode()
    assert STORE_DOWN_DA in html and 'value="Referat fra mødet"' in html  # the title is kept

    image = admin_client.post(
        "/admin/images/add/", {**typed, "description": "Havnen ved daggry", "file": png()}
    )
    assert image.status_code == 200
    assert list(image.context["form"].errors) == ["file"]
    assert STORE_DOWN_DA in image.content.decode()

    for kind, upload in [
        ("images", png()),
        ("documents", SimpleUploadedFile("a.pdf", b"%PDF-1.4 a")),
    ]:
        multiple = admin_client.post(
            f"/admin/{kind}/multiple/add/", {"collection": collection, "files[]": upload}
        )
        assert multiple.status_code == 200, kind
        answer = multiple.json()
        assert answer["success"] is False, kind
        assert STORE_DOWN_DA in answer["error_message"], kind

    chooser = admin_client.post(
        "/admin/images/chooser/create/",
        {
            "image-chooser-upload-title": "Havnen",
            "image-chooser-upload-collection": collection,
            "image-chooser-upload-file": png(),
        },
    )
    assert chooser.status_code == 200
    assert chooser.json()["step"] == "reshow_creation_form"
    assert STORE_DOWN_DA in chooser.json()["htmlFragment"]

    assert not get_document_model().objects.exists()
    assert not get_image_model().objects.exists()


def test_replacing_an_images_file_while_the_store_is_down_keeps_the_old_one(
    s3, settings, admin_client
):
    image = ImageFactory(title="Havnen")
    original = image.file.name
    # The edit page's preview is made while the store answers, as for any image in use.
    assert admin_client.get(f"/admin/images/{image.pk}/").status_code == 200
    stop_store(settings)

    response = admin_client.post(
        f"/admin/images/{image.pk}/",
        {"title": "Havnen ved daggry", "collection": image.collection_id, "file": png()},
    )

    assert response.status_code == 200
    assert "file store is not answering" in response.context["form"].errors["file"][0]
    saved = get_image_model().objects.values_list("title", "file").get(pk=image.pk)
    assert saved == ("Havnen", original)


def test_the_same_upload_works_once_the_store_answers_again(s3, admin_client):
    response = admin_client.post(
        "/admin/images/multiple/add/",
        {"collection": Collection.get_first_root_node().pk, "files[]": png()},
    )
    assert response.json()["success"] is True
    # Kept as an upload until the editor fills in the image's required description.
    assert [key for key in keys(s3, "") if key.endswith("/harbour.png")]
