"""How load_demo fills the activity calendar (leerhuis.demo.meetings says with what): the
study day on opgave-sturing, a season of meetings around it, a leergang of five modules,
and people signed up for them.

Dates count in weeks from the day of the first demo load, so a later load moves nothing.
Pages are created only when missing (matched by slug), each with a published revision.
What belongs to a meeting (sign-ups, a report) is made once, together with the meeting: a
later load never undoes an editor's change or a participant's cancellation.
"""

import datetime
import textwrap
from decimal import Decimal

from allauth.account.models import EmailAddress
from allauth.account.signals import email_confirmed
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db.models import Q
from django.utils import timezone
from wagtail.documents import get_document_model

from events import services
from events.models import (
    EventAccreditation,
    EventBegrip,
    EventIndexPage,
    EventPage,
    EventSpeaker,
    EventType,
    LearningTrackPage,
    ProgrammeSlot,
    Registration,
    TrackBegrip,
    Workshop,
)
from glossary.models import Concept
from leerhuis.core.models import HomePage, OutboxMessage
from leerhuis.demo.content import STUDIEDAG
from leerhuis.demo.meetings import (
    COLLEAGUES,
    CONTACT,
    MODULES,
    SEASON,
    THU,
    TRACK,
    TUE,
    VENUES,
    meeting,
)
from leerhuis.demo.study_load import BREAKS, IPMA, PMI_POWER, schemes_by_key
from leerhuis.demo.themes import themes
from leerhuis.staff import setup as roles_setup
from members.models import Person

MEMBER = "lid@veenendaal.nl"
GUEST = "gast@voorbeeld.nl"
GUEST_BILLING = services.Answers(
    billing_organisation="Voorbeeld Advies B.V.",
    billing_reference="Kostenplaats 4100 opleidingen",
    billing_email="facturen@voorbeeld.nl",
)


def moment(first_load, weeks, weekday, clock):
    """An aware Amsterdam time: the given weekday in the week `weeks` after the first load,
    a week at a time out of the holidays (later for what is to come, earlier for the past)."""
    day = _day(first_load, weeks, weekday)
    step = datetime.timedelta(weeks=1 if weeks >= 0 else -1)
    while _in_holidays(day):
        day += step
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.fromisoformat(clock)))


def _day(first_load, weeks, weekday):
    day = first_load + datetime.timedelta(weeks=weeks)
    return day + datetime.timedelta(days=(weekday - day.weekday()) % 7)


def _in_holidays(day):
    """The Christmas break and the height of summer: nobody holds a study day then."""
    when = (day.month, day.day)
    return when >= (12, 21) or when <= (1, 3) or (7, 15) <= when <= (8, 15)


def load_events(first_load: datetime.date) -> int:
    """The calendar and everything on it that is missing; the number of pages made."""
    calendar, created = _calendar()
    # The roles after a flush (a test's), and Evenementen gets the calendar's meetings.
    roles_setup.apply(apps)
    track, track_created = _track(calendar)
    made = []
    for spec in [_study_day(), *SEASON, *_modules(first_load)]:
        extra = {"learning_track": track} if spec.get("event_type") == EventType.LEERGANG else {}
        page = _add(calendar, spec, first_load, **extra)
        if page:
            made.append((page, spec))
    _sign_up(made)
    return created + track_created + len(made)


def _calendar():
    existing = EventIndexPage.objects.first()
    if existing:
        return existing, 0
    page = EventIndexPage(
        title="Activiteiten",
        slug="activiteiten",
        show_in_menus=True,
        intro="Studiedagen, workshops, webinars, netwerkdagen en leergangen van de vereniging. "
        "Kies op thema, soort, regio of vorm; leden zijn gratis welkom.",
    )
    HomePage.objects.get().add_child(instance=page)
    page.save_revision().publish()
    return page, 1


def _study_day():
    s = STUDIEDAG
    return {
        **{key: s[key] for key in ("slug", "title", "intro", "body", "goal", "audience")},
        "at": (3, THU, "10:45", "15:30"),
        "venue": "veenendaal",
        "themes": ["opgave-sturing", "opdrachtgeverschap"],
        "begrippen": [
            "opgave",
            "opgave-sturing",
            "opgave-manager",
            "opdrachtgevend niveau",
            "kanteling",
            "planning- en controlcyclus",
        ],
        "capacity": 80,
        "price_non_member": 195,
        "closes_days_before": 3,
        "cancel_days_before": 7,
        "questions": s["questions"],
        "programme": s["programme"],
        "accreditations": [(IPMA, "4", "IPMA-NL 2026-114"), (PMI_POWER, "3.75", "")],
        "speakers": s["speakers"],
        "workshops": s["workshops"],
        "member": True,  # the demo member comes, with eight colleagues
        "fill": 8,
    }


def _modules(first_load):
    """The leergang's five modules: Tuesday afternoons, two weeks apart, in that order also
    when the holidays push one on."""
    weeks = []
    for _module in MODULES:
        week = weeks[-1] + 2 if weeks else 7
        while _in_holidays(_day(first_load, week, TUE)):
            week += 1
        weeks.append(week)
    return [
        meeting(
            f"{TRACK['slug']}-module-{number}",
            f"Leergang opgave-sturing, module {number}: {topic}",
            intro,
            (week, TUE, "13:00", "17:00"),
            event_type=EventType.LEERGANG,
            region="utrecht",
            venue="provincie-utrecht",
            themes=TRACK["themes"],
            capacity=25,
            price_non_member=195,
            accreditations=[(IPMA, "4", ""), (PMI_POWER, "4", "PMI 4471-LOS")],
            body=f"<p>{intro} Deze module hoort bij de {TRACK['title']}: wie de leergang "
            "boekt, is voor alle vijf de modules aangemeld.</p>",
        )
        for number, (week, (topic, intro)) in enumerate(zip(weeks, MODULES, strict=True), 1)
    ]


def _existing(calendar, spec):
    match = Q(slug=spec["slug"]) | Q(title=spec["title"])
    return calendar.get_children().filter(match).first()


PAGE_FIELDS = {"slug", "title", "intro", "body", "goal", "audience", "event_type", "form",
               "region", "capacity", "price_non_member", "status", "status_note", "online_url",
               "online_details", "visibility", "study_hours"}  # fmt: skip


def _add(calendar, spec, first_load, **extra):
    """The meeting of `spec` under the calendar, published; None when it is there already."""
    if _existing(calendar, spec):
        return None
    weeks, weekday, start, end = spec["at"]
    page = EventPage(
        **{key: value for key, value in spec.items() if key in PAGE_FIELDS},
        **extra,
        start=moment(first_load, weeks, weekday, start),
        end=moment(first_load, weeks, weekday, end),
        contact_person=Person.objects.filter(name=CONTACT).first(),
        questions=[("vraag", question) for question in spec.get("questions", [])],
    )
    materials = [("link", {"title": t, "url": url}) for t, url in spec.get("materials", [])]
    if spec.get("report"):
        materials.append(("document", _report(spec, page.start)))
    page.materials = materials
    if spec.get("venue"):
        page.venue, page.address, page.venue_accessibility = VENUES[spec["venue"]]
    if "closes_days_before" in spec:
        page.registration_closes = page.start - datetime.timedelta(spec["closes_days_before"])
    if "cancel_days_before" in spec:
        page.cancellation_deadline = page.start - datetime.timedelta(spec["cancel_days_before"])
    page.themes = themes(*spec.get("themes", []))
    names = spec.get("speakers", [])
    people = {person.name: person for person in Person.objects.filter(name__in=names)}
    # sort_order as the admin sets it: without it the database may return any order.
    speakers = [people[name] for name in names if name in people]
    page.speakers = [EventSpeaker(person=p, sort_order=i) for i, p in enumerate(speakers)]
    page.programme = [
        ProgrammeSlot(
            sort_order=i,
            starts_at=datetime.time.fromisoformat(begins),
            ends_at=datetime.time.fromisoformat(ends),
            title=title,
            description=description,
            is_break=title in BREAKS,
        )
        for i, (begins, ends, title, description) in enumerate(spec.get("programme", []))
    ]
    page.accreditations = _accreditations(spec)
    page.workshops = [
        Workshop(title=t, description=d, sort_order=i)
        for i, (t, d) in enumerate(spec.get("workshops", []))
    ]
    page.begrippen = [EventBegrip(concept=c, sort_order=i) for i, c in enumerate(_begrippen(spec))]
    calendar.add_child(instance=page)
    page.save_revision().publish()
    return page


def _accreditations(spec):
    """The points the meeting of `spec` earns, in the schemes load_schemes made (one an
    editor deleted is left out)."""
    schemes = schemes_by_key()
    return [
        EventAccreditation(scheme=schemes[key], points=Decimal(points), reference=ref, sort_order=i)
        for i, (key, points, ref) in enumerate(spec.get("accreditations", []))
        if key in schemes
    ]


def _begrippen(spec):
    """The published begrippen a demo page names, in its order (leerhuis.demo.begrippen)."""
    labels = spec.get("begrippen", [])
    found = {c.pref_label: c for c in Concept.objects.live().filter(pref_label__in=labels)}
    return [found[label] for label in labels if label in found]


def _track(calendar):
    existing = _existing(calendar, TRACK)
    if existing:
        return existing.specific, 0
    track = LearningTrackPage(
        **{key: value for key, value in TRACK.items() if key not in ("themes", "begrippen")},
        contact_person=Person.objects.filter(name=CONTACT).first(),
    )
    track.themes = themes(*TRACK["themes"])
    track.begrippen = [
        TrackBegrip(concept=c, sort_order=i) for i, c in enumerate(_begrippen(TRACK))
    ]
    calendar.add_child(instance=track)
    track.save_revision().publish()
    return track, 1


# --- who comes ----------------------------------------------------------------------------


def _sign_up(made):
    """Sign-ups for the meetings made in this load, through the same service as the site
    (price, membership basis, waiting list). The two demo logins get their confirmation in
    the outbox; the made-up colleagues get none."""
    User = get_user_model()
    member = User.objects.filter(email=MEMBER).first()
    guest = User.objects.filter(email=GUEST).first()
    for page, spec in made:
        workshops = list(Workshop.objects.filter(page=page).order_by("sort_order", "pk"))
        if spec.get("member") and member:
            choice = workshops[0] if workshops else None
            _register(page, spec, member, services.Answers(workshop=choice, on_attendee_list=True))
        for number, colleague in enumerate(COLLEAGUES[: spec.get("fill", 0)]):
            answers = services.Answers(
                workshop=workshops[number % len(workshops)] if workshops else None,
                on_attendee_list=number % 3 != 2,
                dietary="vegetarisch" if number % 4 == 1 else "",
            )
            _register(page, spec, _account(colleague), answers)
        if spec.get("guest") and guest:
            _register(page, spec, guest, GUEST_BILLING)
    # Made-up people at real municipal domains are never mailed: without its row, the task
    # queued for a mail finds nothing to send.
    emails = [colleague.email for colleague in COLLEAGUES]
    OutboxMessage.objects.filter(to__in=emails, sent_at__isnull=True).delete()


def _register(page, spec, user, answers):
    weeks = spec["at"][0]
    if weeks < 0:
        return _attended(page, user)  # the site refuses sign-ups for what is over
    try:
        return services.register(page, user, answers)[0]
    except services.RegistrationError:
        return None  # made again after its date (an editor removed it): nobody signs up


def _attended(page, user):
    """A meeting that is over: signed up two weeks before, and checked in."""
    registration = Registration.objects.create(
        **services.person_fields(page, user),
        confirmed_at=page.start - datetime.timedelta(days=14),
        checked_in_at=page.start + datetime.timedelta(minutes=10),
    )
    # created_at is set on insert; the sign-up came before the meeting.
    Registration.objects.filter(pk=registration.pk).update(created_at=registration.confirmed_at)
    return registration


def _account(colleague):
    """An account made as load_demo makes its logins (verified, linked by domain by the
    same signal), but without a password: nobody logs in as a made-up colleague."""
    User = get_user_model()
    user = User.objects.filter(email=colleague.email).first()
    if user:
        return user
    user = User.objects.create_user(email=colleague.email, full_name=colleague.name)
    address = EmailAddress.objects.create(
        user=user, email=colleague.email, verified=True, primary=True
    )
    email_confirmed.send(sender=EmailAddress, request=None, email_address=address)
    return user


# --- a report to download -----------------------------------------------------------------


def _report(spec, start):
    """A one-page PDF report, written here: the demo needs no network and no PDF library."""
    heading = f"Verslag: {spec['title']}"
    day = timezone.localtime(start).strftime("%d-%m-%Y")
    pdf = _pdf(heading, [f"Bijeenkomst van {day}.", "", *spec["report"]])
    document = get_document_model()(
        title=heading, file=ContentFile(pdf, f"verslag-{spec['slug']}.pdf")
    )
    document._set_document_file_metadata()
    document.save()
    return document


def _pdf(title, paragraphs):
    """Helvetica in WinAnsi encoding (é, ë and ü print right), one A4 page, wrapped lines."""

    def text(value):
        raw = value.encode("cp1252", "replace")
        return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"

    rows = [b"BT /F1 16 Tf 18 TL 56 780 Td " + text(title) + b" Tj T* /F1 11 Tf 15 TL"]
    for paragraph in paragraphs:
        rows += [b"T* " + text(line) + b" Tj" for line in textwrap.wrap(paragraph, 90) or [""]]
    stream = b"\n".join([*rows, b"ET"])
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R /Lang (nl-NL) >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
        b"<< /Title " + text(title) + b" /Producer (Digitale Leerhuis) >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info 6 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)
