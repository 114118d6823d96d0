"""The benchmark's dataset, in bulk: organisations with domains and memberships, verified
members linked to them, meetings with registrations (some full), begrippen, articles and
cases, conversations with posts. On top of the demo content (`load_demo`), so pages look
real. Everything is built with bulk_create (pages: leerhuis.bench.pages), and every account
shares one password hash computed once.
"""

import datetime
import math
from dataclasses import dataclass

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail.rich_text import RichText

from events.models import (
    REGION_CHOICES,
    EventIndexPage,
    EventPage,
    EventType,
    Form,
    Registration,
    RegistrationStatus,
)
from glossary.models import Concept, ConceptStatus
from leerhuis.bench.pages import add_pages, index_for_search
from leerhuis.community.models import Post, Soort, Thread
from leerhuis.core.themes import Thema
from leerhuis.knowledge.models import ArticlePage, CasePage, KnowledgeIndexPage
from members.folding import fold
from members.models import (
    Affiliation,
    AffiliationStatus,
    Membership,
    Organisation,
    OrganisationDomain,
    Province,
    User,
)

# Never a login anyone uses: the sessions of the load are made directly (bench_plan).
PASSWORD = "bench-alleen-om-te-meten"  # noqa: S105
SLUG_PREFIX = "bench-"
BATCH = 500


@dataclass(frozen=True)
class Scale:
    organisations: int
    users: int
    meetings: int
    registrations: int
    begrippen: int
    articles: int
    threads: int
    posts_per_thread: int = 5

    @classmethod
    def of(cls, factor):
        def n(count):
            return max(1, round(count * factor))

        return cls(
            organisations=n(350),
            users=n(6_400),
            meetings=n(2_000),
            registrations=n(20_000),
            begrippen=n(2_000),
            articles=n(1_000),
            threads=n(200),
        )


SCALES = {"default": 1.0, "quick": 0.05}


def parse_scale(value):
    """ "default", "quick" or a factor such as "0.2"."""
    factor = SCALES.get(value)
    if factor is None:
        factor = float(value)
        if not 0 < factor <= 10:
            raise ValueError(value)
    return Scale.of(factor)


PLACES = [
    "Aldervoort", "Beekzande", "Bosweerd", "Dijkhuizen", "Eemlanden", "Grevendal",
    "Heuveloord", "Kanaalzijde", "Lindewaard", "Marrum", "Noordeind", "Oosterbroek",
    "Polderveen", "Rijnhoeve", "Steenwijde", "Vlietstede", "Waalkant", "Zandhove",
]  # fmt: skip
FIRST = ["Anna", "Bram", "Dewi", "Eva", "Fleur", "Hamza", "Iris", "Joris", "Lotte", "Milan",
         "Noor", "Ruben", "Sanne", "Thijs", "Yara", "Zeynep"]  # fmt: skip
LAST = ["de Vries", "Jansen", "van Dijk", "Bakker", "Visser", "Smit", "Meijer", "de Boer",
        "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "El Amrani",
        "Yilmaz"]  # fmt: skip
ADJECTIVES = ["integrale", "maatschappelijke", "bestuurlijke", "ambtelijke", "regionale",
              "gedeelde", "lokale", "strategische", "operationele", "financiële", "publieke",
              "wijkgerichte", "digitale", "sociale", "ruimtelijke", "lerende", "gezamenlijke",
              "tijdelijke", "duurzame", "formele", "informele", "externe", "interne",
              "politieke", "collectieve", "flexibele", "heldere", "open", "brede", "vaste",
              "nieuwe", "eerste", "tweede", "derde", "korte", "lange", "kleine", "grote",
              "snelle", "trage"]  # fmt: skip
NOUNS = ["opgave", "sturing", "regie", "samenwerking", "verantwoording", "mandaat", "rol",
         "aanpak", "begroting", "planning", "evaluatie", "wijkaanpak", "uitvoering", "agenda",
         "coalitie", "netwerk", "programmalijn", "projectfase", "besluitvorming", "inspraak",
         "monitor", "doelstelling", "kaderstelling", "opdracht", "organisatie", "werkwijze",
         "verandering", "ambitie", "stuurgroep", "projectgroep", "kernteam", "beslisnota",
         "werkagenda", "raadsvoorstel", "participatie", "risicoanalyse", "omgevingsanalyse",
         "businesscase", "mijlpaal", "fasering", "escalatie", "afweging", "prioriteit",
         "capaciteit", "borging", "overdracht", "rapportage", "dialoog", "ketenaanpak",
         "gebiedsvisie"]  # fmt: skip
TOPICS = ["Opgave-sturing in de praktijk", "Regie op de wijk", "Samenwerken in de regio",
          "Programmamanagement", "Leren van casussen", "De raad en de opgave",
          "Omgevingswet en participatie", "Werken met mandaat"]  # fmt: skip


def paragraph(*words):
    text = " ".join(words)
    return [("paragraph", RichText(f"<p>{text[:1].upper()}{text[1:]}.</p>"))]


@transaction.atomic
def build(scale, today=None):
    """Build the dataset at `scale`; returns the counts of what was made, by name."""
    today = today or timezone.localdate()
    password = make_password(PASSWORD)
    organisations = build_organisations(scale.organisations)
    users = build_users(scale.users, organisations, password)
    themes = list(Thema.objects.live()[:6])
    meetings = build_meetings(scale.meetings, scale.registrations, today, themes)
    registrations = build_registrations(meetings, scale.registrations, users)
    begrippen = build_begrippen(scale.begrippen)
    articles = build_articles(scale.articles, today)
    threads, posts = build_conversations(scale.threads, scale.posts_per_thread, users)
    return {
        "organisaties": len(organisations),
        "leden": len(users),
        "activiteiten": len(meetings),
        "aanmeldingen": registrations,
        "begrippen": len(begrippen),
        "artikelen en casussen": len(articles),
        "gesprekken": len(threads),
        "bijdragen": posts,
    }


def build_organisations(count, start=0):
    provinces = [value for value, _label in Province.choices]
    organisations = []
    for n in range(start, start + count):
        name = f"Gemeente {PLACES[n % len(PLACES)]} {n // len(PLACES) + 1:03d}"
        organisations.append(
            Organisation(
                name=name,
                name_folded=fold(name),
                kind=Organisation.Kind.GEMEENTE,
                province=provinces[n % len(provinces)],
                live=True,
            )
        )
    organisations = Organisation.objects.bulk_create(organisations, batch_size=BATCH)
    OrganisationDomain.objects.bulk_create(
        [OrganisationDomain(organisation=o, domain=domain_of(o)) for o in organisations],
        batch_size=BATCH,
    )
    # Most are members; one in seven is not (its people pay the non-member price).
    Membership.objects.bulk_create(
        [
            Membership(organisation=o, valid_from=datetime.date(2020, 1, 1))
            for n, o in enumerate(organisations)
            if n % 7 != 6
        ],
        batch_size=BATCH,
    )
    return organisations


def domain_of(organisation):
    return f"{slugify(organisation.name)}.bench.nl"


def build_users(count, organisations, password, prefix="lid"):
    """`count` verified accounts spread over `organisations`, each linked by its email
    domain as confirming the address would have."""
    domains = {o.pk: domain_of(o) for o in organisations}
    people = []
    for n in range(count):
        organisation = organisations[n % len(organisations)]
        people.append(
            User(
                email=f"{prefix}{n:05d}@{domains[organisation.pk]}",
                full_name=f"{FIRST[n % len(FIRST)]} {LAST[(n // len(FIRST)) % len(LAST)]}",
                password=password,
            )
        )
    people = User.objects.bulk_create(people, batch_size=BATCH)
    EmailAddress.objects.bulk_create(
        [EmailAddress(user=u, email=u.email, verified=True, primary=True) for u in people],
        batch_size=BATCH,
    )
    Affiliation.objects.bulk_create(
        [
            Affiliation(
                user=u,
                status=AffiliationStatus.DOMAIN,
                organisation=organisations[n % len(organisations)],
                email_domain=u.email.split("@")[1],
            )
            for n, u in enumerate(people)
        ],
        batch_size=BATCH,
    )
    return people


def places_per_meeting(meetings, registrations):
    base, extra = divmod(registrations, meetings)
    return [base + (1 if n < extra else 0) for n in range(meetings)]


def build_meetings(count, registrations, today, themes):
    """Meetings from a year ago to a year ahead; every tenth one full."""
    parent = EventIndexPage.objects.get()
    kinds = [EventType.BIJEENKOMST, EventType.WORKSHOP, EventType.WEBINAR, EventType.NETWERKDAG]
    forms = [Form.OP_LOCATIE, Form.HYBRIDE, Form.ONLINE]
    regions = [value for value, _label in REGION_CHOICES]
    places = places_per_meeting(count, registrations)
    meetings = []
    for n in range(count):
        day = today + datetime.timedelta(days=(n * 7919) % 730 - 365)
        start = timezone.make_aware(datetime.datetime.combine(day, datetime.time(10 + n % 5)))
        topic = TOPICS[n % len(TOPICS)]
        meetings.append(
            EventPage(
                title=f"{topic} ({n + 1})",
                slug=f"{SLUG_PREFIX}{n:05d}",
                intro=f"Een middag over {topic.lower()}, met collega's uit de regio.",
                body=paragraph("we", "werken", "aan", *NOUNS[n % 20 : n % 20 + 30]),
                start=start,
                end=start + datetime.timedelta(hours=3),
                event_type=kinds[n % len(kinds)],
                form=forms[n % len(forms)],
                region=regions[n % len(regions)],
                venue="Stadhuis " + PLACES[n % len(PLACES)],
                address="Markt 1, 1234 AB " + PLACES[n % len(PLACES)],
                capacity=places[n] if n % 10 == 0 else places[n] + 10 + n % 20,
                price_non_member=95,
            )
        )
    add_pages(parent, meetings)
    links = EventPage.themes.through
    if themes:
        links.objects.bulk_create(
            [
                links(eventpage=meeting, thema=themes[n % len(themes)])
                for n, meeting in enumerate(meetings)
            ],
            batch_size=BATCH,
        )
    index_for_search(EventPage, meetings)
    return meetings


def build_registrations(meetings, count, users):
    """`count` confirmed places, each meeting's from different people."""
    places = places_per_meeting(len(meetings), count)
    rows = []
    for n, (meeting, taken) in enumerate(zip(meetings, places, strict=True)):
        for k in range(min(taken, len(users))):
            user = users[(n * 37 + k) % len(users)]
            rows.append(
                Registration(
                    event=meeting,
                    user=user,
                    name=user.full_name,
                    email=user.email,
                    status=RegistrationStatus.CONFIRMED,
                    is_member=True,
                    confirmed_at=timezone.now(),
                )
            )
    Registration.objects.bulk_create(rows, batch_size=BATCH)
    return len(rows)


def begrip_labels(count):
    """Distinct two-word labels: every adjective with every noun, then with compounds."""
    pairs = len(ADJECTIVES) * len(NOUNS)
    compounds = ["", "plan", "team", "kader", "overleg"]
    if count > pairs * len(compounds):
        raise ValueError(f"Hooguit {pairs * len(compounds)} begrippen.")
    labels = []
    for n in range(count):
        round_, rest = divmod(n, pairs)
        noun = NOUNS[rest // len(ADJECTIVES)] + compounds[round_]
        labels.append(f"{ADJECTIVES[rest % len(ADJECTIVES)]} {noun}")
    return labels


def build_begrippen(count):
    taken = {fold(label) for label in Concept.objects.values_list("pref_label", flat=True)}
    concepts = []
    for label in begrip_labels(count + len(taken)):
        if fold(label) in taken or len(concepts) == count:
            continue
        concept = Concept(
            pref_label=label,
            slug=slugify(label),
            definition=f"Wat we in het Leerhuis verstaan onder {label}.",
            status=ConceptStatus.VASTGESTELD,
            live=True,
        )
        concept.refresh_derived()
        concepts.append(concept)
    concepts = Concept.objects.bulk_create(concepts, batch_size=BATCH)
    index_for_search(Concept, concepts)
    return concepts


def build_articles(count, today):
    """Three articles to every case."""
    parent = KnowledgeIndexPage.objects.get()
    kinds = ["artikel", "nieuws", "methode", "verslag"]
    cases = math.ceil(count / 4)
    articles = [
        ArticlePage(
            title=f"{TOPICS[n % len(TOPICS)]}: les {n + 1}",
            slug=f"{SLUG_PREFIX}artikel-{n:05d}",
            kind=kinds[n % len(kinds)],
            intro="Wat een gemeente leerde over opgave-sturing en samenwerking.",
            body=paragraph("de", "opgave", "vraagt", "om", *NOUNS[n % 30 : n % 30 + 20]),
            date=today - datetime.timedelta(days=n % 700),
            reading_time=2,
        )
        for n in range(count - cases)
    ]
    add_pages(parent, articles)
    index_for_search(ArticlePage, articles)
    case_pages = [
        CasePage(
            title=f"Casus {PLACES[n % len(PLACES)]}: {NOUNS[n % len(NOUNS)]} ({n + 1})",
            slug=f"{SLUG_PREFIX}casus-{n:05d}",
            kind="praktijkcasus",
            intro="Hoe een gemeente een opgave samen met partners aanpakte.",
            opgave="<p>Een opgave in de wijk die om regie vroeg.</p>",
            approach="<p>Een kernteam met mandaat en een vaste stuurgroep.</p>",
            date=today - datetime.timedelta(days=n % 700),
            reading_time=3,
        )
        for n in range(cases)
    ]
    add_pages(parent, case_pages)
    index_for_search(CasePage, case_pages)
    return articles + case_pages


def build_conversations(count, posts_per_thread, users):
    now = timezone.now()
    threads = Thread.objects.bulk_create(
        [
            Thread(
                title=f"Hoe organiseren jullie de {NOUNS[n % len(NOUNS)]}? ({n + 1})",
                slug=f"{SLUG_PREFIX}gesprek-{n:05d}",
                soort=Soort.VRAAG if n % 3 == 0 else Soort.GESPREK,
                author=users[n % len(users)],
                created_at=now - datetime.timedelta(hours=n),
                last_activity_at=now - datetime.timedelta(hours=n) + datetime.timedelta(minutes=30),
                reply_count=posts_per_thread - 1,
            )
            for n in range(count)
        ],
        batch_size=BATCH,
    )
    posts = [
        Post(
            thread=thread,
            author=users[(n + k) % len(users)],
            body=f"Bij ons werkt de {NOUNS[(n + k) % len(NOUNS)]} met een vast kernteam.",
            is_opening=k == 0,
            created_at=thread.created_at + datetime.timedelta(minutes=5 * k),
        )
        for n, thread in enumerate(threads)
        for k in range(posts_per_thread)
    ]
    Post.objects.bulk_create(posts, batch_size=BATCH)
    return threads, len(posts)
