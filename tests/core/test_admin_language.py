"""The admin speaks Dutch unless a staff member picks English in their account; then
Wagtail's screens and our own labels are English, and the public site stays Dutch.

Also the guards that keep it so: no edit form of our page types and snippets shows a
field under its bare (English) field name, and the committed English .mo is the compiled
form of its .po."""

import ast
import gettext
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.apps import apps
from django.conf import settings
from django.utils import translation
from wagtail.models import Page, get_page_models
from wagtail.snippets.models import get_snippet_models
from wagtail.users.models import UserProfile

from members.admin_choosers import SnippetChooser
from tests.events.helpers.registrations_admin import organiser
from tests.events_factories import EventPageFactory, LearningTrackPageFactory
from tests.factories import PersonFactory, StaffFactory

LOCALE_EN = Path(settings.BASE_DIR) / "locale" / "en" / "LC_MESSAGES"
ACCOUNT = "/admin/account/"
TRACKS_REPORT = "/admin/aanmeldingen/leergangen/"


def soup_of(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def account_form(soup):
    """What the browser would send back for the account form as it stands."""
    form = soup.select_one("main form[method=post]") or soup.select_one("form[method=post]")
    data = {}
    for field in form.select("input, select, textarea"):
        name, kind = field.get("name"), field.get("type")
        if not name or kind == "file":
            continue
        if field.name == "select":
            chosen = field.select_one("option[selected]") or field.select_one("option")
            data[name] = chosen.get("value", "") if chosen else ""
        elif kind == "checkbox":
            if field.has_attr("checked"):
                data[name] = field.get("value", "on")
        elif field.name == "textarea":
            data[name] = field.get_text()
        else:
            data[name] = field.get("value", "")
    return data


def choose_language(client, code):
    data = account_form(soup_of(client.get(ACCOUNT)))
    data["locale-preferred_language"] = code
    response = client.post(ACCOUNT, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    return response


def field_label_and_help(soup, name):
    """The label and help text a screen reader announces with the field."""
    label = soup.select_one(f"label[for=id_{name}]")
    for mark in label.select(".w-required-mark"):
        mark.decompose()
    described_by = soup.select_one(f"#id_{name}").get("aria-describedby", "")
    help_text = soup.find(id=described_by) if described_by else None
    return label.get_text(" ", strip=True), help_text.get_text(" ", strip=True) if help_text else ""


@pytest.fixture
def meeting(db):
    return EventPageFactory(title="Studiedag opgave-sturing")


@pytest.mark.django_db
def test_without_a_preference_the_admin_is_dutch(client, login_with_mfa, meeting):
    login_with_mfa(client, StaffFactory(full_name="Anne de Vries"))

    dashboard = soup_of(client.get("/admin/"))
    assert dashboard.html["lang"] == "nl"
    assert "JavaScript is uitgeschakeld" in str(dashboard)
    assert "Komende activiteiten met hun plaatsen" in str(dashboard)

    edit = soup_of(client.get(f"/admin/pages/{meeting.pk}/edit/"))
    assert field_label_and_help(edit, "capacity") == (
        "Aantal plaatsen",
        "Leeg: geen maximum. 0: aanmelden is niet mogelijk.",
    )


@pytest.mark.django_db
def test_the_language_choice_offers_dutch_and_english_only(client, login_with_mfa):
    login_with_mfa(client, StaffFactory(full_name="Anne de Vries"))

    select = soup_of(client.get(ACCOUNT)).select_one("select[name=locale-preferred_language]")
    offered = {o["value"]: o.get_text(strip=True) for o in select.select("option") if o["value"]}

    assert offered == {"nl": "Nederlands", "en": "English"}


@pytest.mark.django_db
def test_after_choosing_english_the_admin_and_our_labels_are_english(
    client, login_with_mfa, meeting
):
    staff = StaffFactory(full_name="Anne de Vries")
    login_with_mfa(client, staff)

    choose_language(client, "en")

    assert UserProfile.get_for_user(staff).preferred_language == "en"
    dashboard = soup_of(client.get("/admin/"))
    assert dashboard.html["lang"] == "en"
    assert "JavaScript is required to use Wagtail" in str(dashboard)
    assert "Upcoming activities with their places" in str(dashboard)
    assert "Komende activiteiten" not in str(dashboard)

    edit = soup_of(client.get(f"/admin/pages/{meeting.pk}/edit/"))
    assert field_label_and_help(edit, "capacity") == (
        "Number of places",
        "Empty: no maximum. 0: registration is not possible.",
    )
    assert field_label_and_help(edit, "status")[0] == "Is the activity going ahead?"
    # A tab's name, without the count of errors Wagtail keeps beside it.
    tabs = [tab.get_text(" ", strip=True).split(" (")[0] for tab in edit.select("[role=tab]")]
    assert {"Content", "Registration", "Promotion"} <= set(tabs)


@pytest.mark.django_db
def test_a_report_in_english(client, login_with_mfa):
    track = LearningTrackPageFactory(title="Leergang 'opgavegericht' werken")
    EventPageFactory(learning_track=track)
    user = organiser()
    login_with_mfa(client, user)
    choose_language(client, "en")

    report = soup_of(client.get(TRACKS_REPORT))

    headings = [th.get_text(" ", strip=True) for th in report.select("#listing-results th")]
    assert headings == ["Learning track", "Sessions", "Booked", "Present", "Completed"]
    assert "Learning tracks (leergangen)" in report.title.get_text()
    assert track.title in report.get_text()


@pytest.mark.django_db
def test_the_public_site_stays_dutch_for_a_staff_member_who_chose_english(
    client, login_with_mfa, meeting
):
    login_with_mfa(client, StaffFactory(full_name="Anne de Vries"))
    choose_language(client, "en")

    page = client.get("/activiteiten/", HTTP_ACCEPT_LANGUAGE="en")

    soup = soup_of(page)
    assert soup.html["lang"] == "nl"
    assert page["Content-Language"] == "nl"
    assert "Filter de activiteiten" in str(soup)
    assert "Filter the activities" not in str(soup)
    assert meeting.title in soup.get_text()


@pytest.mark.django_db
def test_one_staff_members_english_leaves_a_colleague_in_dutch(client, login_with_mfa, meeting):
    login_with_mfa(client, StaffFactory(full_name="Anne de Vries", email="anne@leerhuis.example"))
    choose_language(client, "en")
    client.logout()

    login_with_mfa(client, StaffFactory(full_name="Bas Jansen", email="bas@leerhuis.example"))
    edit = soup_of(client.get(f"/admin/pages/{meeting.pk}/edit/"))

    assert field_label_and_help(edit, "capacity")[0] == "Aantal plaatsen"


@pytest.mark.django_db
def test_the_choosers_buttons_speak_the_language_of_whoever_opens_the_editor(
    client, login_with_mfa
):
    """A snippet's edit form is built once per process, with its choosers: Wagtail's own
    kept the first language (members.admin_choosers)."""
    url = f"/admin/snippets/members/person/edit/{PersonFactory().pk}/"
    login_with_mfa(client, StaffFactory(full_name="Bas Jansen", email="bas@leerhuis.example"))
    dutch = client.get(url).content.decode()
    client.logout()
    login_with_mfa(client, StaffFactory(full_name="Anne de Vries", email="anne@leerhuis.example"))
    choose_language(client, "en")
    english = client.get(url).content.decode()

    assert "Kies organisatie" in dutch and "Choose organisation" not in dutch
    assert "Choose organisation" in english and "Kies organisatie" not in english


def test_every_snippet_of_ours_uses_the_chooser_that_follows_the_language():
    ours = [model for model in get_snippet_models() if _our_app(model)]
    assert ours
    for model in ours:
        widget = model.snippet_viewset.chooser_viewset.widget_class
        assert issubclass(widget, SnippetChooser), model


@pytest.mark.django_db
def test_anonymous_visitors_cannot_reach_the_language_choice(client):
    response = client.get(ACCOUNT)

    assert response.status_code == 302
    assert "/login/" in response["Location"]


# --- No field under its bare field name -------------------------------------------------

# Field names that are also the right Dutch label: they read as Dutch, not as a default.
DUTCH_AS_IS = {
    ("members", "Groep", "toegang"): "'toegang' is the Dutch label (access)",
    ("members", "Organisation", "website"): "'website' is the Dutch word too",
}


def _our_app(model):
    path = Path(apps.get_app_config(model._meta.app_label).path)
    return str(path).startswith(str(settings.BASE_DIR)) and ".venv" not in path.parts


def _own_fields(form_class):
    """Form fields our code declares: a model field of our apps, or a field of our form."""
    model = form_class._meta.model
    ours = set()
    for name in form_class.base_fields:
        try:
            field = model._meta.get_field(name)
        except Exception:  # noqa: BLE001 (not a model field: look at who declared it)
            declared_by = {
                cls.__module__.startswith(("wagtail", "django", "modelcluster"))
                for cls in form_class.__mro__
                if name in getattr(cls, "declared_fields", {})
            }
            if declared_by == {False}:  # declared by our forms only, not inherited from Wagtail
                ours.add(name)
            continue
        if _our_app(field.model):
            ours.add(name)
    return ours


def _bare_labels(form_class, where):
    found = []
    for name in _own_fields(form_class):
        label = form_class.base_fields[name].label
        default = name.replace("_", " ")
        if label is None or str(label).strip().lower() == default.lower():
            key = (form_class._meta.model._meta.app_label, form_class._meta.model.__name__, name)
            if key not in DUTCH_AS_IS:
                found.append(f"{where}.{name}: {label!r}")
    for child_name, formset in getattr(form_class, "formsets", {}).items():
        found += _bare_labels(formset.form, f"{where}.{child_name}")
    return found


def _edit_forms():
    for model in get_page_models():
        if model is not Page and _our_app(model):
            yield model.__name__, model.get_edit_handler().get_form_class()
    for model in get_snippet_models():
        if _our_app(model):
            handler = model.snippet_viewset.get_edit_handler()
            yield model.__name__, handler.bind_to_model(model).get_form_class()


def test_every_edit_form_labels_its_fields_in_dutch_words():
    forms = list(_edit_forms())
    names = {name for name, _ in forms}
    assert {"EventPage", "CasePage", "Concept", "Organisation"} <= names, names

    with translation.override("nl"):
        bare = [label for name, form in forms for label in _bare_labels(form, name)]

    assert bare == [], "Give these fields a Dutch verbose_name:\n" + "\n".join(bare)


# --- The English catalogue is compiled from its .po -------------------------------------


def _po_catalogue(path):
    """msgid → msgstr as gettext reads them (plural forms under (msgid, n)); untranslated
    and fuzzy entries are left out, as msgfmt leaves them out."""
    catalogue, entry, last = {}, None, None

    def flush():
        if entry and "fuzzy" not in entry["flags"] and entry["msgid"]:
            if "msgid_plural" in entry:
                forms = {k: v for k, v in entry.items() if isinstance(k, int)}
                if all(forms.values()):
                    catalogue.update({(entry["msgid"], n): v for n, v in forms.items()})
            elif entry.get("msgstr"):
                catalogue[entry["msgid"]] = entry["msgstr"]

    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if not line.strip():
            flush()
            entry, last = None, None
            continue
        entry = entry if entry is not None else {"flags": ""}
        if line.startswith("#,"):
            entry["flags"] = line
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            entry[last] += ast.literal_eval(line)
        else:
            keyword, text = line.split(" ", 1)
            last = int(keyword[7:-1]) if keyword.startswith("msgstr[") else keyword
            entry[last] = ast.literal_eval(text)
    return catalogue


def test_the_committed_english_mo_is_its_po_compiled():
    with open(LOCALE_EN / "django.mo", "rb") as mo:
        compiled = dict(gettext.GNUTranslations(mo)._catalog)
    compiled.pop("", None)  # the header

    written = _po_catalogue(LOCALE_EN / "django.po")

    assert len(written) > 1000
    stale = {k for k in written.keys() | compiled.keys() if written.get(k) != compiled.get(k)}
    assert not stale, f"Run `manage.py compilemessages -l en`: {sorted(map(str, stale))[:10]}"
