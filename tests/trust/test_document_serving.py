"""How a document leaves the site: always through Django, always as a download
(Content-Disposition: attachment) with a fixed, harmless Content-Type, nosniff and a CSP
that runs nothing; a restricted one privately (no shared cache keeps it), also in parts. A
file of a type no longer taken goes out as bytes that no browser renders. And no password
shared by mail opens a page or a collection of documents: Wagtail's own privacy options are
off, so the visibility field is the one access policy.

Who may fetch which document is tested per visibility and visitor in
tests/members/test_access.py (test_document), for group documents in
tests/community/test_group_documents.py and for a case's pending upload in
tests/knowledge/test_cases_input.py; here is what every answer carries."""

import pytest
from django.core.files.base import ContentFile
from wagtail.admin.forms.collections import CollectionViewRestrictionForm
from wagtail.admin.forms.pages import PageViewRestrictionForm
from wagtail.documents import get_document_model
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    PageViewRestriction,
    get_page_models,
)

from leerhuis.core.uploads import CONTENT_TYPES
from leerhuis.knowledge import cases
from members.access import Visibility
from tests.community.groups_helpers import group
from tests.events_factories import member
from tests.trust.upload_samples import GOOD

pytestmark = pytest.mark.django_db
Document = get_document_model()


def stored(name, content, **fields):
    document = Document(title=name, **fields)
    document.file.save(name, ContentFile(content))
    return document


def body_of(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def assert_a_harmless_download(response, extension):
    assert response["Content-Type"] == CONTENT_TYPES.get(extension, "application/octet-stream")
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'"


@pytest.mark.parametrize("extension", sorted(GOOD))
def test_every_document_is_a_download_of_its_own_fixed_type(client, extension):
    document = stored(f"bijlage.{extension}", GOOD[extension])
    response = client.get(document.url)
    assert response.status_code == 200
    assert_a_harmless_download(response, extension)
    assert "private" not in response.get("Cache-Control", "")  # public: a proxy may keep it
    assert body_of(response) == GOOD[extension]


def _members_only():
    return stored("verslag.pdf", GOOD["pdf"], visibility=Visibility.MEMBERS), member()


def _for_a_group():
    groep = group()
    document = stored("notulen.pdf", GOOD["pdf"], visibility=Visibility.GROUP, group=groep)
    return document, groep.member


def _sent_with_a_case():
    author = member()
    collection = cases._collection(cases.PENDING_COLLECTION_NAME)
    document = stored("aanpak.pdf", GOOD["pdf"], collection=collection, uploaded_by_user=author)
    return document, author


@pytest.mark.parametrize("restricted", [_members_only, _for_a_group, _sent_with_a_case])
def test_a_restricted_document_is_the_same_download_and_kept_by_no_shared_cache(client, restricted):
    document, reader = restricted()
    client.force_login(reader)
    for headers in ({}, {"HTTP_RANGE": "bytes=0-4"}):
        response = client.get(document.url, **headers)
        assert response.status_code in (200, 206)
        assert_a_harmless_download(response, "pdf")
        assert "private" in response["Cache-Control"]
        assert body_of(response).startswith(b"%PDF-")


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("oud.html", b"<html><script>fetch('/mijn-leerhuis/')</script></html>"),
        ("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
        ("archief.zip", b"PK\x03\x04"),
        ("oud.js", b"alert(1)"),
    ],
)
def test_a_document_stored_before_its_type_left_the_list_is_bytes_no_browser_renders(
    client, name, content
):
    document = stored(name, content)
    response = client.get(document.url)
    assert response.status_code == 200
    assert_a_harmless_download(response, "")
    assert response["Content-Type"] == "application/octet-stream"


# --- one access policy: no shared passwords ------------------------------------------------


@pytest.mark.parametrize("model", get_page_models(), ids=lambda model: model.__name__)
def test_no_page_type_offers_a_password_shared_by_mail(model):
    form = PageViewRestrictionForm(private_page_options=model.private_page_options)
    choices = {value for value, _label in form.fields["restriction_type"].choices}
    assert PageViewRestriction.PASSWORD not in choices
    assert "password" not in form.fields


def test_the_admin_sets_no_password_on_a_page(admin_client_with_mfa, home_page):
    url = f"/admin/pages/{home_page.pk}/privacy/"
    dialog = admin_client_with_mfa.get(url)
    assert dialog.status_code == 200
    assert 'value="password"' not in dialog.json()["html"]
    admin_client_with_mfa.post(url, {"restriction_type": "password", "password": "geheim"})
    assert not PageViewRestriction.objects.exists()


def test_the_admin_sets_no_password_on_a_collection_of_documents(admin_client_with_mfa):
    collection = Collection.get_first_root_node().add_child(name="Verslagen")
    url = f"/admin/collections/{collection.pk}/privacy/"
    dialog = admin_client_with_mfa.get(url).json()["html"]
    assert 'value="login"' in dialog  # the dialog itself is there
    assert 'value="password"' not in dialog and 'name="password"' not in dialog
    admin_client_with_mfa.post(url, {"restriction_type": "password", "password": "geheim"})
    assert not CollectionViewRestriction.objects.exists()
    assert "password" not in CollectionViewRestrictionForm().fields
