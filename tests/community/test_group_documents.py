"""A group's documents: added by its members with a title and a checked file, read only by
its members (and staff); bad input is a Dutch message and nothing stored."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents import get_document_model

from leerhuis.community.group_forms import DOCUMENT_MAX
from members.access import Visibility
from tests.community.groups_helpers import as_, docx, group, moderator, pdf
from tests.events_factories import guest, member
from tests.factories import StaffFactory

pytestmark = pytest.mark.django_db
Document = get_document_model()


def _upload(client, groep, **data):
    return client.post(reverse("groep_document", args=[groep.slug]), data)


@pytest.mark.parametrize(
    "upload",
    [
        pdf,
        docx,
        lambda: SimpleUploadedFile("lijst.csv", b"naam;gemeente\nAnna;Ede\n"),
        lambda: SimpleUploadedFile("notitie.txt", "Afspraken van dinsdag".encode("cp1252")),
    ],
)
def test_a_member_adds_a_document_that_is_for_the_group_only(client, upload):
    groep = group()
    client.force_login(groep.member)
    response = _upload(client, groep, title="Verslag intervisie", file=upload())
    assert response.status_code == 302
    document = Document.objects.get()
    assert document.visibility == Visibility.GROUP and document.group == groep
    assert document.uploaded_by_user == groep.member
    page = client.get(groep.get_absolute_url()).content.decode()
    assert "Verslag intervisie" in page and document.url in page


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"title": "", "file": pdf}, "Geef het document een titel."),
        ({"title": "x" * 201, "file": pdf}, "De titel is te lang"),
        ({"title": "Verslag"}, "Kies een bestand."),
        (
            {"title": "Script", "file": lambda: SimpleUploadedFile("a.exe", b"MZ\x90")},
            "kan hier niet",
        ),
        (
            {"title": "Nep", "file": lambda: SimpleUploadedFile("nep.pdf", b"<html>niet echt")},
            "geen echt PDF-bestand",
        ),
        (
            {"title": "Nep", "file": lambda: SimpleUploadedFile("nep.docx", b"PK\x03\x04kapot")},
            "geen echt DOCX-bestand",
        ),
        (
            {"title": "Binair", "file": lambda: SimpleUploadedFile("data.csv", b"a\x00b")},
            "geen echt CSV-bestand",
        ),
        ({"title": "Groot", "file": lambda: pdf(size=DOCUMENT_MAX)}, "een document mag hooguit"),
    ],
)
def test_bad_documents_get_a_dutch_message_and_nothing_is_stored(client, data, message):
    groep = group()
    client.force_login(groep.member)
    data = {key: value() if callable(value) else value for key, value in data.items()}
    response = _upload(client, groep, **data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Document.objects.exists()


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("anoniem", 403),
        ("ingelogd", 403),
        ("vereniging", 403),
        ("moderator", 403),
        ("andere groep", 403),
        ("groepslid", 200),
        ("beheerder", 200),
        ("medewerker", 200),
    ],
)
def test_a_group_document_is_served_to_its_members_and_never_to_outsiders(client, who, status):
    groep, other = group(), group()
    client.force_login(groep.member)
    _upload(client, groep, title="Notulen", file=pdf())
    client.logout()
    document = Document.objects.get()
    user = {
        "anoniem": None,
        "ingelogd": guest(),
        "vereniging": member(),
        "moderator": moderator(),
        "andere groep": other.member,
        "groepslid": groep.member,
        "beheerder": groep.manager,
        "medewerker": StaffFactory(),
    }[who]
    response = as_(client, user).get(document.url)
    assert response.status_code == status
    if status == 200:
        assert b"".join(response.streaming_content).startswith(b"%PDF-")
        assert "private" in response["Cache-Control"]
