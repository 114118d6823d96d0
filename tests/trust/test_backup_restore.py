"""Recovery: a back-up made while the site holds data comes back whole after the data is
gone, on SQLite and on PostgreSQL (the PostgreSQL run sets DATABASE_URL), and a back-up
that cannot be trusted is refused before anything changes.

The database is a real one outside any test transaction (transactional_db): pg_dump and
SQLite's back-up API read through their own connection, and would not see uncommitted rows.
"""

import datetime
import io
import json
import os

import pytest
import time_machine
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test import Client
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Page

from events.models import Registration
from glossary.models import Concept
from leerhuis.core import backup, backup_postgres
from leerhuis.core.models import HomePage
from tests.events_factories import RegistrationFactory
from tests.factories import StandardPageFactory
from tests.glossary_factories import begrip

pytestmark = pytest.mark.django_db(transaction=True)

DOCUMENT_BYTES = "Verslag van de intervisie, vertrouwelijk: €, ë, ĳ.\n".encode() * 50
IMAGE_BYTES = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    (settings.MEDIA_ROOT / "original_images").mkdir(parents=True)
    return settings.MEDIA_ROOT


@pytest.fixture
def held(media):
    """What the site holds: registrations, begrippen, pages, a document and an image."""
    registrations = [RegistrationFactory(), RegistrationFactory()]
    begrippen = [begrip("Opgavegericht werken"), begrip("Brede welvaart")]
    StandardPageFactory(parent=HomePage.objects.get(), title="Over het Leerhuis", slug="over")
    document = get_document_model()(title="Verslag intervisie")
    document.file.save("verslag.txt", ContentFile(DOCUMENT_BYTES))
    (media / "original_images" / "logo.png").write_bytes(IMAGE_BYTES)
    assert registrations and begrippen
    return document


def snapshot():
    """The ids and key fields an operator would compare after a restore."""
    return {
        "registrations": list(
            Registration.objects.order_by("pk").values_list(
                "pk", "event_id", "user_id", "name", "email", "status"
            )
        ),
        "begrippen": list(
            Concept.objects.order_by("pk").values_list("pk", "pref_label", "slug", "definition")
        ),
        "pages": list(Page.objects.order_by("pk").values_list("pk", "title", "url_path", "live")),
        "documents": list(
            get_document_model().objects.order_by("pk").values_list("pk", "title", "file")
        ),
    }


def make(tmp_path):
    out = io.StringIO()
    call_command("backup", dir=str(tmp_path / "backups"), stdout=out)
    [folder] = backup.backups_in(tmp_path / "backups")
    assert str(folder.resolve()) in out.getvalue()  # `make backup` says where it wrote
    return folder


def test_a_backup_brings_back_the_data_and_the_files_after_they_are_gone(
    held, media, tmp_path, settings
):
    before = snapshot()
    assert len(before["registrations"]) == 2 and len(before["begrippen"]) == 2
    folder = make(tmp_path)
    manifest = json.loads((folder / "manifest.json").read_text())
    assert manifest["counts"]["events.Registration"] == 2
    assert manifest["counts"]["glossary.Concept"] == 2
    assert "core.0011_outbox_recipe" in manifest["migrations"]

    # The loss: every row gone, the files deleted, and something new in their place.
    call_command("flush", interactive=False, verbosity=0)
    held.file.storage.delete(held.file.name)
    (media / "original_images" / "logo.png").unlink()
    (media / "original_images" / "vreemd.png").write_bytes(b"na de back-up")
    assert not Registration.objects.exists() and not Concept.objects.exists()

    call_command("restore", str(folder), yes=True, stdout=io.StringIO())

    assert snapshot() == before
    with get_document_model().objects.get(pk=held.pk).file.open("rb") as stored:
        assert stored.read() == DOCUMENT_BYTES
    assert (media / "original_images" / "logo.png").read_bytes() == IMAGE_BYTES
    assert not (media / "original_images" / "vreemd.png").exists()
    # The restored site answers: the page is there for a visitor.
    assert Client().get("/over/").status_code == 200


def test_a_table_made_after_the_backup_does_not_stop_the_restore(held, tmp_path):
    """A newer migration's table that points at a restored table: `pg_restore --clean`
    could not drop the table it points at, and the whole restore failed."""
    before = snapshot()
    folder = make(tmp_path)
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE TABLE nieuw_na_backup (id integer PRIMARY KEY, "
            "concept_id integer REFERENCES glossary_concept (id))"
        )
        cursor.execute("INSERT INTO nieuw_na_backup VALUES (1, %s)", [Concept.objects.first().pk])

    call_command("restore", str(folder), yes=True, stdout=io.StringIO())

    assert snapshot() == before
    assert "nieuw_na_backup" not in connection.introspection.table_names()


def test_a_damaged_backup_is_refused_and_nothing_changes(held, media, tmp_path):
    folder = make(tmp_path)
    archive = folder / backup.FILES_ARCHIVE
    damaged = bytearray(archive.read_bytes())
    damaged[len(damaged) // 2] ^= 0xFF
    archive.write_bytes(bytes(damaged))
    later = begrip("Na de back-up")
    (media / "original_images" / "nieuw.png").write_bytes(b"later")
    before = snapshot()

    with pytest.raises(CommandError, match="controlesom van bestanden.tar.gz klopt niet"):
        call_command("restore", str(folder), yes=True, stdout=io.StringIO())

    assert snapshot() == before
    assert Concept.objects.filter(pk=later.pk).exists()
    assert (media / "original_images" / "nieuw.png").read_bytes() == b"later"


def test_a_backup_of_newer_code_is_refused_and_nothing_changes(held, tmp_path):
    folder = make(tmp_path)
    manifest_path = folder / "manifest.json"
    manifest = json.loads(manifest_path.read_text())
    manifest["migrations"].append("core.9999_uit_de_toekomst")
    manifest_path.write_text(json.dumps(manifest))
    later = begrip("Na de back-up")

    with pytest.raises(CommandError, match="nieuwere versie van het Leerhuis"):
        call_command("restore", str(folder), yes=True, stdout=io.StringIO())
    assert Concept.objects.filter(pk=later.pk).exists()


def test_a_restore_without_confirmation_changes_nothing(held, tmp_path, monkeypatch):
    folder = make(tmp_path)
    later = begrip("Na de back-up")
    monkeypatch.setattr("sys.stdin", io.StringIO(""))  # not a terminal, as under cron

    with pytest.raises(CommandError, match="Bevestig met --yes"):
        call_command("restore", str(folder), stdout=io.StringIO())
    assert Concept.objects.filter(pk=later.pk).exists()


def test_backups_older_than_the_registers_period_are_deleted(held, tmp_path, settings):
    settings.BACKUP_RETENTION_DAYS = 35
    start = timezone.now()
    for days in (0, 30, 36):
        with time_machine.travel(start + datetime.timedelta(days=days), tick=False):
            call_command("backup", dir=str(tmp_path / "b"), stdout=io.StringIO())
    kept = backup.backups_in(tmp_path / "b")
    # On day 36 the first (36 days old) goes; the one of day 30 stays.
    assert [backup.read_manifest(path)[1]["created_at"][:10] for path in kept] == [
        (start + datetime.timedelta(days=days)).date().isoformat() for days in (30, 36)
    ]


def test_the_newest_backup_is_never_deleted(held, tmp_path):
    with time_machine.travel(timezone.now() - datetime.timedelta(days=400), tick=False):
        call_command("backup", dir=str(tmp_path / "b"), stdout=io.StringIO())
    assert backup.prune(tmp_path / "b", 35) == []
    assert len(backup.backups_in(tmp_path / "b")) == 1


def test_a_backup_is_readable_by_the_sites_own_user_only(held, tmp_path):
    previous = os.umask(0o022)  # a common default: everything readable by all
    try:
        folder = make(tmp_path)
    finally:
        os.umask(previous)
    for path in [folder, *folder.iterdir()]:
        assert path.stat().st_mode & 0o077 == 0, path.name


def test_without_the_postgresql_tools_the_message_says_what_to_install(monkeypatch):
    monkeypatch.setattr(backup_postgres.shutil, "which", lambda name: None)
    monkeypatch.setattr(backup_postgres.glob, "glob", lambda pattern: [])

    with pytest.raises(CommandError, match="pg_restore is niet gevonden.*postgresql-client"):
        backup_postgres.pg_tool("pg_restore")
