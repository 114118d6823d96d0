"""The documents that make promises stay true to the code: docs/security.md names only
tests that exist, docs/verwerkingsregister.md holds the privacy register as the code has
it, and security.txt and the security notes give the same way to report."""

import re
from pathlib import Path

import pytest
from django.conf import settings

from leerhuis.core import privacy_register

ROOT = Path(settings.BASE_DIR)
SECURITY = ROOT / "docs" / "security.md"
REGISTER = ROOT / "docs" / "verwerkingsregister.md"
TEST_PATH = re.compile(r"tests/[\w/*.-]+?\.py")
# The controls of issue 22 and where they are tested; the notes must cite every one.
CITED = [
    "tests/trust/test_headers.py",
    "tests/trust/test_server_header.py",
    "tests/trust/test_sessions.py",
    "tests/trust/test_feed_bad_type.py",
    "tests/trust/test_client_ip.py",
    "tests/trust/test_equal_work.py",
    "tests/trust/test_rate_limits.py",
    "tests/trust/test_security_log.py",
    "tests/trust/test_uploads.py",
    "tests/trust/test_document_serving.py",
    "tests/trust/test_crawl.py",
    "tests/e2e/test_crawl_axe.py",
    "tests/e2e/test_keyboard_journey.py",
    "tests/trust/test_bad_input_get.py",
    "tests/trust/test_bad_input_forms.py",
    "tests/trust/test_bad_input_slugs.py",
    "tests/trust/test_mail_outage.py",
    "tests/trust/test_redis_outage.py",
    "tests/trust/test_backup_restore.py",
    "tests/trust/test_worker_sigterm.py",
    "tests/trust/test_privacy_end_to_end.py",
]


def test_the_security_notes_name_only_test_files_that_exist():
    named = sorted(set(TEST_PATH.findall(SECURITY.read_text())))
    assert len(named) > 30
    missing = [path for path in named if not list(ROOT.glob(path))]
    assert not missing, f"docs/security.md noemt tests die niet bestaan: {missing}"


def test_the_security_notes_cite_the_test_of_every_control():
    named = set(TEST_PATH.findall(SECURITY.read_text()))
    assert not [path for path in CITED if path not in named]


def register_in_doc():
    text = REGISTER.read_text()
    found = re.search(r"<!-- register:begin[^>]*-->\n(.*?)<!-- register:end -->", text, re.S)
    assert found, "docs/verwerkingsregister.md mist de markeringen van het register"
    return found.group(1)


def test_the_register_of_processing_holds_the_register_as_the_code_has_it():
    """Out of step? `manage.py privacy_register` prints the table to paste back."""
    assert register_in_doc() == privacy_register.markdown()


def test_the_register_of_processing_names_every_category_and_retention_setting():
    text = REGISTER.read_text()
    readme = (ROOT / "README.md").read_text()
    for category in privacy_register.categories():
        assert f"| {category.name} |" in text
    for name in privacy_register.retention_settings():
        assert f"`{name}`" in text, name
        # The session periods are set in code (leerhuis/settings/security.py), not the environment.
        assert name.startswith("SESSION_") or f"`{name}`" in readme, name
    for heading in ("Verwerkingsverantwoordelijke", "Categorieën betrokkenen", "ontvangers"):
        assert heading in text


def security_txt(client):
    response = client.get("/.well-known/security.txt")
    assert response.status_code == 200
    return dict(
        line.split(": ", 1) for line in response.content.decode().splitlines() if line.strip()
    )


@pytest.mark.django_db
def test_security_txt_and_the_notes_give_the_same_way_to_report(client):
    fields = security_txt(client)
    notes = SECURITY.read_text()
    address = fields["Contact"].removeprefix("mailto:")
    assert f"`{address}`" in notes
    assert f"`Preferred-Languages: {fields['Preferred-Languages']}`" in notes
    assert "Policy" not in fields  # no policy page set: no promise of one


@pytest.mark.django_db
def test_security_txt_names_the_policy_page_when_one_is_set(client, settings):
    settings.SECURITY_POLICY_URL = "https://leerhuis.example/kwetsbaarheid-melden/"
    assert security_txt(client)["Policy"] == "https://leerhuis.example/kwetsbaarheid-melden/"
