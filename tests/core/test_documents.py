"""Documents in the admin: the visibility is set there, uploads of several files work."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents import get_document_model
from wagtail.models import Collection

pytestmark = pytest.mark.django_db


def test_upload_and_restrict_a_document(admin_client_with_mfa):
    client = admin_client_with_mfa
    response = client.post(
        "/admin/documents/add/",
        {
            "title": "Verslag studiedag",
            "file": SimpleUploadedFile("verslag.pdf", b"%PDF-1.4 verslag"),
            "collection": Collection.get_first_root_node().pk,
            "visibility": "members",
        },
    )
    assert response.status_code == 302
    document = get_document_model().objects.get(title="Verslag studiedag")
    assert document.visibility == "members"


def test_several_files_at_once_become_public_documents_to_edit_afterwards(admin_client_with_mfa):
    client = admin_client_with_mfa
    response = client.post(
        "/admin/documents/multiple/add/",
        {"files[]": SimpleUploadedFile("slides.pdf", b"%PDF-1.4 slides")},
    )
    assert response.status_code == 200
    assert response.json()["success"] is True
    document = get_document_model().objects.get()
    assert document.visibility == "public"

    edit = client.get(f"/admin/documents/edit/{document.pk}/")
    assert 'name="visibility"' in edit.content.decode()
