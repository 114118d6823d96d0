import datetime
import re
import zoneinfo

import pytest
import time_machine
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import CommandError, call_command
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Page, Revision

from events.models import (
    EventIndexPage,
    EventPage,
    EventStatus,
    EventType,
    Form,
    LearningTrackPage,
    Registration,
    RegistrationStatus,
)
from leerhuis.core.models import HomePage, OutboxMessage, StandardPage
from leerhuis.core.themes import Thema
from leerhuis.demo import events as demo_events
from leerhuis.demo.meetings import COLLEAGUES, SEASON
from leerhuis.demo.members import ORGANISATIONS, PEOPLE
from members.access import Visibility
from members.membership import membership_on
from members.models import (
    Affiliation,
    AffiliationChange,
    AffiliationStatus,
    Membership,
    Organisation,
    OrganisationDomain,
    Person,
    Province,
)
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

DEMO_LOGINS = ["beheer@leerhuis.example", "lid@veenendaal.nl", "gast@voorbeeld.nl"]
BOARD = ["Francois van Doesburg", "Fernando Salinas Camara", "Wilbert Wouters", "Gert Bolkesteijn"]


def snapshot():
    return (
        Page.objects.count(),
        Revision.objects.count(),
        get_user_model().objects.count(),
        sorted(get_user_model().objects.values_list("email", "password")),
        sorted(Organisation.objects.values_list("name", "cbs_code", "updated_at")),
        sorted(OrganisationDomain.objects.values_list("domain", "organisation__name")),
        sorted(Membership.objects.values_list("organisation__name", "valid_from", "valid_until")),
        sorted(Person.objects.values_list("name", "role", "board_role")),
        sorted(Affiliation.objects.values_list("user__email", "status", "updated_at")),
        AffiliationChange.objects.count(),
        calendar_snapshot(),
    )


@pytest.fixture
def demo(settings):
    settings.DEBUG = True
    call_command("load_demo", "--quiet-logins")
    settings.DEBUG = False


def user(email):
    return get_user_model().objects.get(email=email)


def test_load_demo_is_idempotent(settings, capsys):
    settings.DEBUG = True
    call_command("load_demo")
    first = snapshot()
    call_command("load_demo")
    assert snapshot() == first
    out = capsys.readouterr().out
    assert "niets veranderd" in out
    for email in DEMO_LOGINS:
        assert email in out


def test_demo_accounts_are_verified_and_can_log_in(settings, client):
    settings.DEBUG = True
    call_command("load_demo", "--quiet-logins")
    User = get_user_model()
    for email in DEMO_LOGINS:
        assert EmailAddress.objects.get(email=email).verified
    assert User.objects.get(email="beheer@leerhuis.example").is_staff
    assert not User.objects.get(email="lid@veenendaal.nl").is_staff
    response = client.post(
        "/accounts/login/", {"login": "gast@voorbeeld.nl", "password": "leerhuis-demo"}
    )
    assert response.status_code == 302
    assert client.session["_auth_user_id"]


def test_demo_password_can_be_overridden(settings, monkeypatch):
    settings.DEBUG = True
    monkeypatch.setenv("DEMO_PASSWORD", "ander-demo-wachtwoord")
    call_command("load_demo", "--quiet-logins")
    user = get_user_model().objects.get(email="lid@veenendaal.nl")
    assert user.check_password("ander-demo-wachtwoord")


def test_demo_pages_are_published(settings):
    settings.DEBUG = True
    call_command("load_demo", "--quiet-logins")
    slugs = set(StandardPage.objects.live().values_list("slug", flat=True))
    assert {"over-ons", "contact", "privacy", "toegankelijkheid"} <= slugs


def test_load_demo_refuses_to_run_without_debug(settings, monkeypatch):
    settings.DEBUG = False
    monkeypatch.delenv("LEERHUIS_ALLOW_DEMO", raising=False)
    with pytest.raises(CommandError, match="productie"):
        call_command("load_demo")
    assert not get_user_model().objects.exists()


def test_load_demo_points_the_site_at_base_url(settings):
    from wagtail.models import Site

    settings.DEBUG = True
    settings.BASE_URL = "http://127.0.0.1:8123"
    call_command("load_demo", "--quiet-logins")
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("127.0.0.1", 8123)


def test_load_demo_never_overwrites_an_edited_home_page(settings):
    from leerhuis.core.models import HomePage

    settings.DEBUG = True
    home = HomePage.objects.get()
    home.intro = "<p>Door de redactie geschreven.</p>"
    home.body = []
    home.save_revision().publish()
    call_command("load_demo", "--quiet-logins")
    home.refresh_from_db()
    assert home.intro == "<p>Door de redactie geschreven.</p>"
    assert not home.body


def test_a_second_run_changes_no_organisation_person_or_affiliation(settings, capsys):
    settings.DEBUG = True
    call_command("load_demo", "--quiet-logins")
    assert "nieuw" in capsys.readouterr().out
    first = snapshot()
    assert Organisation.objects.count() == len(ORGANISATIONS)
    assert Person.objects.count() == len(PEOPLE)
    call_command("load_demo", "--quiet-logins")
    assert snapshot() == first
    assert "niets veranderd" in capsys.readouterr().out


def test_the_member_account_is_linked_through_its_verified_address(demo):
    status = membership_on(user("lid@veenendaal.nl"))
    assert status.is_member
    assert status.organisation.name == "Gemeente Veenendaal"
    affiliation = Affiliation.objects.get(user__email="lid@veenendaal.nl")
    assert affiliation.status == AffiliationStatus.DOMAIN
    assert affiliation.email_domain == "veenendaal.nl"
    # It ends (the dashboard shows the date), at the end of next year.
    until = datetime.date(timezone.localdate().year + 1, 12, 31)
    assert status.membership.valid_until == until
    assert status.message == f"Gemeente Veenendaal is lid t/m {until:%d-%m-%Y}."
    # Logged as a real confirmation is: one entry, decided by nobody in particular.
    change = AffiliationChange.objects.get(user__email="lid@veenendaal.nl")
    assert change.organisation_name == "Gemeente Veenendaal"


def test_the_guest_account_has_an_unknown_domain(demo):
    status = membership_on(user("gast@voorbeeld.nl"))
    assert not status.is_member
    assert status.reason == AffiliationStatus.UNKNOWN_DOMAIN
    assert "voorbeeld.nl" in status.message
    assert user("beheer@leerhuis.example").is_staff
    assert not user("gast@voorbeeld.nl").is_staff


def test_the_directory_shows_the_members_by_province(demo, client):
    today = timezone.localdate()
    members = Organisation.objects.existing().members_on(today)
    html = client.get("/leden/").content.decode()
    assert f"{members.count()} aangesloten organisaties" in html
    assert members.count() >= 40
    for name in [
        "Gemeente Veenendaal",
        "Gemeente Súdwest-Fryslân",
        "Gemeente Alphen aan den Rijn",
        "Gemeente Zaanstad",
        "Gemeente Tilburg",
        "Gemeente De Wolden",
        "Gemeente Hoogeveen",
        "Gemeente Amsterdam",
        "Provincie Utrecht",
    ]:
        assert name in html
    # Every province has members, and its own heading.
    for province in Province:
        assert f'id="provincie-{province.value}"' in html
        assert province.label in html
    # Not a member, no longer, not yet, or merged into another: not listed.
    for name in [
        "Gemeente Stadskanaal",
        "Gemeente Vlissingen",
        "Gemeente Helmond",
        "Gemeente Weesp",
    ]:
        assert name not in html


def test_the_directory_finds_a_name_without_its_accents(demo, client):
    html = client.get("/leden/", {"q": "sudwest"}).content.decode()
    assert "1 organisatie gevonden" in html
    assert "Gemeente Súdwest-Fryslân" in html


def test_the_board_page_shows_the_four_board_members_in_order(demo, client):
    html = client.get("/bestuur/").content.decode()
    positions = [html.index(name) for name in BOARD]
    assert positions == sorted(positions)
    assert "Voorzitter" in html
    assert "Samenwerkingsorganisatie De Wolden Hoogeveen" in html
    assert "Afdelingsmanager Programma&#x27;s en Projecten" in html
    # Speakers and the contact person are people, not board members.
    assert "Astrid van de Klift" not in html
    assert "Toin Routers" not in html


def test_speakers_and_contact_person_are_linked_to_their_organisations(demo):
    assert Person.objects.get(name="Ruud de Smit").organisation.name == "Gemeente Súdwest-Fryslân"
    assert Person.objects.get(name="Aad van Klaveren").organisation.cbs_code == "GM0484"
    astrid = Person.objects.get(name="Astrid van de Klift")
    assert (astrid.role, astrid.organisation.name) == ("Gemeentesecretaris", "Gemeente Veenendaal")
    assert Person.objects.get(name="Toin Routers").email == "t.routers@leerhuis.example"


def test_demo_organisations_are_valid_and_their_codes_unique(demo):
    codes = [o.cbs_code for o in ORGANISATIONS if o.cbs_code]
    assert len(codes) == len(set(codes))
    for organisation in Organisation.objects.all():
        organisation.full_clean()
    provinces = Organisation.objects.filter(kind=Organisation.Kind.PROVINCIE)
    assert sorted(provinces.values_list("cbs_code", flat=True)) == [f"PV{n}" for n in range(20, 32)]
    assert all(d.include_subdomains for p in provinces for d in p.domains.all())


def test_shared_and_merged_domains_behave_like_real_ones(demo):
    shared = UserFactory(email="g.bolkesteijn@dewoldenhoogeveen.nl")
    status = membership_on(shared)
    assert status.reason == AffiliationStatus.CHOICE_NEEDED
    assert "dewoldenhoogeveen.nl" in status.message
    # Weesp merged into Amsterdam on 24 March 2022: its addresses lead to Amsterdam.
    weesp = Organisation.objects.get(cbs_code="GM0457")
    assert (weesp.merged_into.name, weesp.merged_on) == (
        "Gemeente Amsterdam",
        datetime.date(2022, 3, 24),
    )
    from_weesp = UserFactory(email="projecten@weesp.nl")
    assert membership_on(from_weesp).organisation.name == "Gemeente Amsterdam"
    assert membership_on(from_weesp, datetime.date(2020, 6, 1)).is_member


def test_non_members_say_why(demo):
    expired = membership_on(UserFactory(email="a@vlissingen.nl"))
    assert expired.reason == "verlopen"
    assert expired.membership.valid_until == datetime.date(timezone.localdate().year - 1, 12, 31)
    assert membership_on(UserFactory(email="a@helmond.nl")).reason == "nog_niet"
    assert membership_on(UserFactory(email="a@stadskanaal.nl")).reason == "geen_lid"
    assert membership_on(UserFactory(email="a@ruimte.provincie-utrecht.nl")).is_member


def test_an_editors_changes_are_never_overwritten(demo, settings):
    veenendaal = Organisation.objects.get(cbs_code="GM0345")
    veenendaal.name = "Gemeente Veenendaal (projectbureau)"
    veenendaal.save()
    veenendaal.domains.all().delete()
    Person.objects.filter(name="Wilbert Wouters").update(role="Directeur", board_order=9)
    settings.DEBUG = True
    call_command("load_demo", "--quiet-logins")
    assert not Organisation.objects.filter(name="Gemeente Veenendaal").exists()
    assert not OrganisationDomain.objects.filter(domain="veenendaal.nl").exists()
    assert Person.objects.get(name="Wilbert Wouters").role == "Directeur"


def test_dates_count_from_the_first_load_and_never_move(settings):
    settings.DEBUG = True
    with time_machine.travel(datetime.datetime(2026, 11, 28, 12, tzinfo=datetime.UTC)):
        call_command("load_demo", "--quiet-logins")
    Organisation.objects.filter(cbs_code="GM0114").delete()  # an editor removed Emmen
    with time_machine.travel(datetime.datetime(2029, 2, 1, 12, tzinfo=datetime.UTC)):
        call_command("load_demo", "--quiet-logins")
    veenendaal = Membership.objects.get(organisation__cbs_code="GM0345")
    assert veenendaal.valid_until == datetime.date(2027, 12, 31)
    emmen = Membership.objects.get(organisation__cbs_code="GM0114")
    assert (emmen.valid_from, emmen.valid_until) == (
        datetime.date(2018, 1, 1),
        datetime.date(2027, 12, 31),
    )


def test_accounts_of_an_older_demo_load_are_linked_on_the_next(settings):
    """An account made before there were organisations gets linked, still by the signal."""
    old = get_user_model().objects.create_user(
        email="lid@veenendaal.nl", password="leerhuis-demo", full_name="Astrid van de Klift"
    )
    EmailAddress.objects.create(user=old, email=old.email, verified=True, primary=True)
    assert not Affiliation.objects.filter(user=old).exists()
    settings.DEBUG = True
    call_command("load_demo", "--quiet-logins")
    assert membership_on(user("lid@veenendaal.nl")).is_member


def test_the_printed_logins_name_the_password(settings, capsys):
    settings.DEBUG = True
    call_command("load_demo")
    out = capsys.readouterr().out
    assert re.search(r"wachtwoord: leerhuis-demo", out)


# --- the activity calendar ------------------------------------------------------------------

STUDY_DAY = "studiedag-opgave-sturing"
FULL = "procesregie-zonder-doorzettingsmacht"
AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")


def meeting(slug):
    return EventPage.objects.get(slug=slug)


def calendar_snapshot():
    return (
        Page.objects.count(),
        Revision.objects.count(),
        sorted(EventPage.objects.values_list("slug", "start", "end", "status", "capacity")),
        sorted(
            Registration.objects.values_list("event__slug", "email", "status", "price", "is_member")
        ),
        get_user_model().objects.count(),
        OutboxMessage.objects.count(),
        get_document_model().objects.count(),
    )


def test_the_study_day_as_announced(demo):
    day = meeting(STUDY_DAY)
    assert day.title == "Opgave-sturing: het opdrachtgevende niveau versterken"
    assert day.live and day.live_revision_id and day.get_parent().slug == "activiteiten"
    assert "Veenendaal" in day.venue and "Veenendaal" in day.address
    assert timezone.localtime(day.start).strftime("%H:%M") == "10:45"
    programme = [(f"{slot.starts_at:%H:%M}", slot.title) for slot in day.programme.all()]
    assert programme == [
        ("10:45", "Ontvangst"),
        ("11:00", "Presentaties Astrid, Ruud en Aad"),
        ("13:00", "Lunch"),
        ("14:00", "Workshops"),
        ("15:00", "Afronding"),
    ]
    questions = [block.value for block in day.questions]
    assert len(questions) == 10
    assert questions[0] == "Wat is een opgave?"
    assert "Hoe verhoudt een opgave-manager zich tot een lijnmanager?" in questions
    speakers = [
        (s.person.name, s.role_display, s.person.organisation.name) for s in day.speakers.all()
    ]
    assert speakers == [
        ("Astrid van de Klift", "Gemeentesecretaris", "Gemeente Veenendaal"),
        ("Ruud de Smit", "Opgave-manager", "Gemeente Súdwest-Fryslân"),
        ("Aad van Klaveren", "Opgave-manager", "Gemeente Alphen aan den Rijn"),
    ]
    assert "besturingsconcept" in day.goal and "rol van de opgave-manager" in day.goal
    assert "Opgave-managers" in day.audience
    assert day.contact_person.name == "Toin Routers"
    assert {"Opgave-sturing", "Opdrachtgeverschap"} <= {t.name for t in day.themes.all()}
    assert 2 <= day.workshops.count() <= 3
    assert (day.capacity, day.price_non_member, day.price_member) == (80, 195, 0)
    assert day.registration_block() == ""  # open for sign-up


def test_demo_meetings_count_from_the_first_load_and_never_move(settings):
    settings.DEBUG = True
    with time_machine.travel(datetime.datetime(2026, 11, 5, 9, tzinfo=datetime.UTC)):
        call_command("load_demo", "--quiet-logins")
    # Three weeks after Thursday 5 November: Thursday 26 November.
    start = meeting(STUDY_DAY).start.astimezone(AMSTERDAM)
    assert start == datetime.datetime(2026, 11, 26, 10, 45, tzinfo=AMSTERDAM)
    first = calendar_snapshot()
    with time_machine.travel(datetime.datetime(2027, 3, 1, 9, tzinfo=datetime.UTC)):
        call_command("load_demo", "--quiet-logins")
    # Nothing moved, nothing twice: no second meeting, sign-up, account, mail or report.
    assert calendar_snapshot() == first
    assert EventIndexPage.objects.count() == 1
    slugs = list(EventPage.objects.values_list("slug", flat=True))
    assert len(slugs) == len(set(slugs)) == 1 + len(SEASON) + 5  # study day, season, modules


def test_a_season_of_meetings_of_every_kind(demo):
    calendar = EventIndexPage.objects.get()
    assert calendar.slug == "activiteiten" and calendar.get_parent().specific_class is HomePage
    now = timezone.now()
    upcoming = EventPage.objects.live().upcoming(now)
    assert upcoming.exclude(event_type=EventType.LEERGANG).count() >= 12
    assert set(upcoming.values_list("event_type", flat=True)) == set(EventType.values)
    assert set(upcoming.values_list("form", flat=True)) == set(Form.values)
    regions = set(upcoming.values_list("region", flat=True))
    assert "landelijk" in regions and len(regions - {"landelijk"}) >= 5
    themes = {thema.slug for page in upcoming for thema in page.themes.all()}
    assert {
        "projectmatig-werken",
        "procesregie",
        "programmamanagement",
        "opgave-sturing",
        "wyberen",
        "samenwerking",
    } <= themes
    # Every theme as editors wrote it, with what it is about.
    assert all(thema.description for thema in Thema.objects.all())
    assert "Projectmatig werken" in Thema.objects.values_list("name", flat=True)
    # Months ahead, not all in one week.
    assert upcoming.last().start - upcoming.first().start > datetime.timedelta(weeks=12)
    # Every page published with a revision, as if made in the admin.
    for page in EventPage.objects.all():
        assert page.live and page.live_revision_id, page.slug

    cancelled = upcoming.get(status=EventStatus.GEANNULEERD)
    assert "gaat deze bijeenkomst niet door" in cancelled.status_note
    assert cancelled.registration_block() == "Deze activiteit gaat niet door."
    webinar = upcoming.filter(form=Form.ONLINE, event_type=EventType.WEBINAR).first()
    assert webinar.online_url.startswith("https://meet.leerhuis.example/")
    assert not webinar.venue
    assert upcoming.filter(visibility=Visibility.MEMBERS).count() == 1

    past = EventPage.objects.live().past(now)
    assert past.count() >= 3
    for page in past:
        assert len(page.materials), page.slug
    reports = [
        block.value for page in past for block in page.materials if block.block_type == "document"
    ]
    assert reports
    with reports[0].open_file() as f:
        pdf = f.read()
    # A PDF a reader opens: every object where the cross-reference table says it is.
    assert pdf.startswith(b"%PDF-1.4") and pdf.endswith(b"%%EOF\n")
    xref = int(re.search(rb"startxref\n(\d+)", pdf).group(1))
    assert pdf[xref:].startswith(b"xref")
    offsets = [int(o) for o in re.findall(rb"(\d{10}) 00000 n", pdf)]
    for number, offset in enumerate(offsets, 1):
        assert pdf[offset:].startswith(b"%d 0 obj" % number)


def test_one_meeting_is_full_with_colleagues_waiting(demo):
    full = EventPage.objects.with_counts().get(slug=FULL)
    assert full.capacity <= 15
    assert full.confirmed_count == full.capacity
    assert full.waitlist_count >= 3
    waiting = list(full.registrations.waiting_order())
    # Real-looking colleagues of member organisations, linked by their domain.
    for registration in [*full.registrations.all()]:
        assert registration.is_member and registration.price == 0
        assert registration.organisation_name.startswith(("Gemeente ", "Provincie "))
        assert registration.user.has_usable_password() is False
    assert [r.name for r in waiting] == [c.name for c in COLLEAGUES[full.capacity :]]
    # A made-up colleague is never mailed.
    assert not OutboxMessage.objects.filter(to__in=[r.email for r in waiting]).exists()
    assert full.registration_block() == ""  # a newcomer joins the waiting list


def test_the_leergang_has_five_modules(demo):
    track = LearningTrackPage.objects.get(slug="leergang-opgave-sturing")
    assert track.title == "Leergang opgave-sturing" and track.live
    assert track.min_attendance == 4
    sessions = list(track.session_pages())
    assert len(sessions) == 5
    assert {s.event_type for s in sessions} == {EventType.LEERGANG}
    assert [s.title.split(",")[1].split(":")[0] for s in sessions] == [
        f" module {n}" for n in range(1, 6)
    ]
    gaps = [b.start - a.start for a, b in zip(sessions, sessions[1:], strict=False)]
    assert all(gap >= datetime.timedelta(weeks=2) for gap in gaps)


def test_the_demo_member_comes_free_and_the_guest_pays(demo):
    member = Registration.objects.get(event__slug=STUDY_DAY, email="lid@veenendaal.nl")
    assert member.status == RegistrationStatus.CONFIRMED
    assert (member.price, member.is_member) == (0, True)
    assert member.membership_basis.startswith("Gemeente Veenendaal is lid")
    assert member.workshop.page_id == member.event_id

    guest = Registration.objects.get(email="gast@voorbeeld.nl")
    assert guest.status == RegistrationStatus.CONFIRMED
    assert not guest.is_member
    assert guest.price == guest.event.price_non_member > 0
    assert guest.billing_organisation and guest.billing_reference and guest.billing_email
    assert "voorbeeld.nl" in guest.membership_basis

    # Their confirmations wait in the outbox; nobody else is mailed.
    assert set(OutboxMessage.objects.values_list("to", flat=True)) == {
        "lid@veenendaal.nl",
        "gast@voorbeeld.nl",
    }
    # The member also came to a meeting that is over, and was checked in.
    attended = Registration.objects.get(email="lid@veenendaal.nl", checked_in_at__isnull=False)
    assert attended.event.end < timezone.now()
    assert attended.created_at < attended.event.start


def test_demo_dates_keep_out_of_the_holidays_whatever_the_first_day():
    """Whatever day `make run` first runs: meetings on their weekday, none at Christmas or
    in high summer, the past ones past, the modules in order two weeks apart or more."""
    for offset in range(366):
        first_load = datetime.date(2026, 1, 1) + datetime.timedelta(days=offset)
        for spec in [demo_events._study_day(), *SEASON, *demo_events._modules(first_load)]:
            weeks, weekday, begins, _ends = spec["at"]
            day = timezone.localdate(demo_events.moment(first_load, weeks, weekday, begins))
            assert day.weekday() == weekday
            assert not demo_events._in_holidays(day), (first_load, spec["slug"])
            assert (day > first_load) == (weeks > 0), (first_load, spec["slug"])
        modules = [spec["at"][0] for spec in demo_events._modules(first_load)]
        assert all(b - a >= 2 for a, b in zip(modules, modules[1:], strict=False))


def test_loading_needs_no_worker(settings, django_capture_on_commit_callbacks):
    """With the database task backend and no worker running, the load still completes; the
    two confirmations wait in the outbox for the worker (or `send_outbox`)."""
    from django_tasks_db.models import DBTaskResult

    settings.DEBUG = True
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", "--quiet-logins")
    unsent = OutboxMessage.objects.filter(sent_at__isnull=True)
    assert sorted(unsent.values_list("to", flat=True)) == ["gast@voorbeeld.nl", "lid@veenendaal.nl"]
    assert DBTaskResult.objects.filter(task_path__endswith="send_outbox_message").exists()
    # What the worker or the cron job sends: those two, to nobody else.
    call_command("send_outbox")
    assert sorted(m.to[0] for m in mail.outbox) == ["gast@voorbeeld.nl", "lid@veenendaal.nl"]
