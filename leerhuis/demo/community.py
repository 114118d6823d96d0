"""How load_demo fills the community: three groups (an intervisie group of opgave-managers
that one joins on request, the open working group on the begrippenkader, and the board,
hidden), the conversations of leerhuis.demo.gesprekken, one reported reply, and for the
intervisie group its own meeting and document.

Made once and never changed by a later load: groups are matched by slug, conversations by
slug, the meeting by slug, the document by title. Dates count back from the first load, so
a later load moves nothing. What a group holds is for the group only, through the one
access policy (visibility "group").
"""

import datetime

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.text import slugify
from wagtail.documents import get_document_model

from events.models import EventIndexPage, EventType
from leerhuis.community import mentions
from leerhuis.community.models import Follow, Frequency, Post, Report, Thread
from leerhuis.core.sanitise import member_html
from leerhuis.core.themes import Thema
from leerhuis.demo import events as demo_events
from leerhuis.demo.casussen import _author as account
from leerhuis.demo.gesprekken import ASTRID, GESPREKKEN, INTERVISIE, JELLE, MARISKA, PEOPLE
from leerhuis.demo.meetings import THU, meeting
from leerhuis.knowledge.models import ArticlePage, CasePage
from members.access import Visibility
from members.models import Groep, Groepslid, Toegang

STAFF = "beheer@leerhuis.example"

GROUPS = [
    {
        "slug": INTERVISIE,
        "name": "Intervisie opgave-managers",
        "toegang": Toegang.OP_VERZOEK,
        "description": "Opgave-managers van verschillende gemeenten die elke zes weken een "
        "casus uit hun eigen praktijk bespreken. Wat hier gezegd wordt, blijft in de groep.",
        "managers": [ASTRID],
        "members": [JELLE, MARISKA, "m.jansen@utrecht.nl"],
        "requested": [
            (
                "p.deboer@groningen.nl",
                "Ik ben sinds kort opgave-manager in Groningen en zoek collega's om mee te "
                "sparren.",
            )
        ],
    },
    {
        "slug": "werkgroep-begrippenkader",
        "name": "Werkgroep begrippenkader",
        "toegang": Toegang.OPEN,
        "description": "Wij houden het begrippenkader opgavesturing bij: voorstellen voor "
        "nieuwe begrippen bespreken, definities aanscherpen. Iedereen kan meedoen.",
        "managers": [STAFF],
        "members": [ASTRID, "f.elamrani@rotterdam.nl", "e.mulder@almere.nl"],
        "requested": [],
    },
    {
        "slug": "bestuur",
        "name": "Bestuur",
        "toegang": Toegang.VERBORGEN,
        "description": "Het bestuur van de vereniging: vergaderstukken en besluitenlijsten.",
        "managers": [STAFF],
        "members": [],
        "requested": [],
    },
]

GROUP_MEETING = meeting(
    "intervisie-opgave-managers-bijeenkomst",
    "Intervisie opgave-managers: casus bestuurlijk opdrachtgeverschap",
    "De intervisiegroep van opgave-managers komt bijeen. Jelle Hoekstra brengt een casus in "
    "over het bestuurlijk opdrachtgeverschap.",
    (5, THU, "15:00", "17:30"),
    event_type=EventType.BIJEENKOMST,
    region="utrecht",
    venue="veenendaal",
    themes=["opgave-sturing", "opdrachtgeverschap"],
    capacity=10,
    price_non_member=0,
    visibility=Visibility.GROUP,
    body="<p>Een bijeenkomst van de intervisiegroep, alleen voor haar leden. We werken met "
    "de incidentmethode: één casus, vragen ronde voor ronde, en wat ieder meeneemt.</p>",
)
GROUP_DOCUMENT = "Intervisie opgave-managers: werkafspraken"
GROUP_DOCUMENT_TEXT = (
    "Werkafspraken van de intervisiegroep opgave-managers\n\n"
    "1. Wat in de groep besproken wordt, blijft in de groep.\n"
    "2. We komen elke zes weken bijeen; wie niet kan, meldt zich af bij de beheerder.\n"
    "3. Om de beurt brengt iemand een casus in, met een vraag aan de groep.\n"
)


def _at(first_load, days_ago, hours=0):
    """Nine in the morning `days_ago` before the first load, `hours` later."""
    day = first_load - datetime.timedelta(days=days_ago)
    start = timezone.make_aware(datetime.datetime.combine(day, datetime.time(9)))
    return start + datetime.timedelta(hours=hours)


def _person(email):
    return account(email, PEOPLE[email])


def load_community(first_load) -> int:
    """Everything of the community that is missing; the number of things made."""
    if not get_user_model().objects.filter(email=STAFF).exists():
        return 0
    created = sum(_group(spec, first_load) for spec in GROUPS)
    created += _group_meeting(first_load)
    created += _group_document()
    created += sum(_conversation(spec, first_load) for spec in GESPREKKEN)
    created += _follows()
    return created


def _group(spec, first_load):
    if Groep.objects.filter(slug=spec["slug"]).exists():
        return 0
    group = Groep.objects.create(
        slug=spec["slug"],
        name=spec["name"],
        toegang=spec["toegang"],
        description=spec["description"],
    )
    Groep.objects.filter(pk=group.pk).update(created_at=_at(first_load, 90))
    joined = _at(first_load, 80)
    people = [(email, Groepslid.Rol.BEHEERDER) for email in spec["managers"]]
    people += [(email, Groepslid.Rol.LID) for email in spec["members"]]
    for email, role in people:
        Groepslid.objects.create(groep=group, user=_person(email), role=role, joined_at=joined)
    for email, motivation in spec["requested"]:
        Groepslid.objects.create(
            groep=group,
            user=_person(email),
            status=Groepslid.Status.AANGEVRAAGD,
            motivation=motivation,
        )
    Groepslid.objects.filter(groep=group).update(requested_at=joined)
    return 1


def _group_meeting(first_load):
    calendar = EventIndexPage.objects.first()
    group = Groep.objects.filter(slug=INTERVISIE).first()
    if calendar is None or group is None:
        return 0
    page = demo_events._add(calendar, GROUP_MEETING, first_load, group=group)
    return 1 if page else 0


def _group_document():
    Document = get_document_model()
    group = Groep.objects.filter(slug=INTERVISIE).first()
    if group is None or Document.objects.filter(title=GROUP_DOCUMENT).exists():
        return 0
    document = Document(
        title=GROUP_DOCUMENT,
        file=ContentFile(GROUP_DOCUMENT_TEXT.encode(), "werkafspraken-intervisie.txt"),
        visibility=Visibility.GROUP,
        group=group,
    )
    document._set_document_file_metadata()
    document.save()
    return 1


def _page_of(spec):
    kind, key = spec.get("page") or (None, None)
    if kind == "artikel":
        return ArticlePage.objects.live().filter(slug=key).first()
    if kind == "casus":
        return CasePage.objects.live().filter(title=key).first()
    return None


def _conversation(spec, first_load):
    slug = slugify(spec["slug"])[:200]
    if Thread.objects.filter(slug=slug).exists():
        return 0
    page = _page_of(spec)
    if spec.get("page") and (page is None or Thread.objects.filter(page=page).exists()):
        return 0  # the article or case is not (or no longer) there, or has its conversation
    thread = Thread(
        title=spec["title"],
        slug=slug,
        soort=spec.get("soort", "gesprek"),
        author=_person(spec["author"]),
        created_at=_at(first_load, spec["days_ago"]),
    )
    if page is not None:
        # Never more open than what it is about.
        thread.page = page
        thread.visibility, thread.group_id = page.visibility, page.group_id
    elif spec.get("group"):
        thread.visibility = Visibility.GROUP
        thread.group = Groep.objects.get(slug=spec["group"])
    replies = spec["replies"]
    thread.reply_count = len(replies)
    thread.last_activity_at = _at(first_load, spec["days_ago"], max([0, *(r[1] for r in replies)]))
    thread.save()
    thread.themes.set(Thema.objects.named(*spec["themes"]))
    # Who starts a conversation follows it (as posting.start_thread does).
    Follow.objects.get_or_create(
        user=thread.author, thread=thread, defaults={"seen_at": thread.last_activity_at}
    )
    Post.objects.create(
        thread=thread,
        author=thread.author,
        body=_body(spec["body"]),
        is_opening=True,
        created_at=thread.created_at,
    )
    posts = [
        Post.objects.create(
            thread=thread,
            author=_person(email),
            body=_body(text),
            created_at=_at(first_load, spec["days_ago"], hours),
        )
        for email, hours, text in replies
    ]
    if spec.get("answer") is not None:
        Thread.objects.filter(pk=thread.pk).update(answer=posts[spec["answer"]])
    if spec.get("report"):
        _report(spec["report"], posts, first_load)
    return 1


def _body(text):
    """As the site stores it: sanitised, with the people it names marked."""
    html = member_html(text)
    return mentions.mark(html, mentions.find(html))


def _follows():
    """The member demo login follows a theme in a daily summary, so Mijn Leerhuis shows
    what is new there."""
    member = get_user_model().objects.filter(email=ASTRID).first()
    theme = Thema.objects.filter(name="Opgave-sturing").first()
    if member is None or theme is None:
        return 0
    _follow, created = Follow.objects.get_or_create(
        user=member, thema=theme, defaults={"frequency": Frequency.DAGELIJKS}
    )
    return int(created)


def _report(spec, posts, first_load):
    post = posts[spec["reply"]]
    report = Report.objects.create(
        post=post,
        reporter=_person(spec["reporter"]),
        reason=spec["reason"],
        explanation=spec["explanation"],
    )
    moment = post.created_at + datetime.timedelta(hours=2)
    Report.objects.filter(pk=report.pk).update(created_at=moment)
