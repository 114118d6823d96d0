"""Download my data as a zip: gegevens.json and the files the apps add through their hook."""

import io
import json
import zipfile

import pytest
from wagtail import hooks

from members.dashboard import EXPORT_FILES_HOOK
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
ZIP = "/mijn-leerhuis/mijn-gegevens.zip"
JSON = "/mijn-leerhuis/mijn-gegevens/"


def archive_of(response):
    assert response.status_code == 200
    return zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))


def test_the_archive_needs_a_login(client):
    response = client.get(ZIP)
    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next={ZIP}"


def test_the_archive_holds_what_the_json_download_gives(client):
    user = UserFactory(full_name="Astrid van de Klift")
    client.force_login(user)
    response = client.get(ZIP)
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"].startswith('attachment; filename="mijn-gegevens-')
    assert response["Content-Disposition"].endswith('.zip"')
    assert "private" in response["Cache-Control"]
    data = json.loads(archive_of(response).read("gegevens.json"))
    expected = client.get(JSON).json()
    # Made a moment apart: everything but the moment is the same.
    data.pop("gemaakt_op"), expected.pop("gemaakt_op")
    assert data == expected
    assert data["account"]["naam"] == "Astrid van de Klift"


def test_apps_add_their_files_to_the_archive(client):
    user = UserFactory()

    def statements(u):
        yield "ontwikkeling/2026.csv", f"voor {u.email}".encode()

    with hooks.register_temporarily(EXPORT_FILES_HOOK, statements):
        client.force_login(user)
        archive = archive_of(client.get(ZIP))
    assert archive.read("ontwikkeling/2026.csv") == f"voor {user.email}".encode()


def test_a_file_never_lands_outside_the_archive_or_over_another(client):
    def careless(u):
        yield "../../etc/passwd", b"buiten"
        yield "/gegevens.json", b"overschreven"
        yield "map/bestand.txt", b"een"
        yield "map/bestand.txt", b"twee"

    with hooks.register_temporarily(EXPORT_FILES_HOOK, careless):
        client.force_login(UserFactory())
        archive = archive_of(client.get(ZIP))
    assert set(archive.namelist()) == {
        "etc/passwd",
        "gegevens.json",
        "gegevens (2).json",
        "map/bestand.txt",
        "map/bestand (2).txt",
    }
    assert json.loads(archive.read("gegevens.json"))["account"]
    assert archive.read("map/bestand (2).txt") == b"twee"


def test_the_privacy_card_offers_both_downloads(client):
    client.force_login(UserFactory())
    html = client.get("/mijn-leerhuis/").content.decode()
    assert f'href="{JSON}"' in html
    assert f'href="{ZIP}"' in html
    assert "ontwikkeloverzichten als PDF en CSV" in html
