"""Three praktijkcasussen of demo municipalities, written for this project, and how
load_demo brings them where the story needs them: one published, one waiting for the
redactie, one sent back with a question (the demo member's own, so logging in as
lid@veenendaal.nl shows the comment in Mijn Leerhuis and the way to revise it).

They go through the same verbs as a member's case on the site (leerhuis.knowledge.cases)
and the redactie's buttons in the admin (the review task), so the demo shows the real
states. Matched by title: a second load changes nothing. The mails those steps write are
taken back before they leave and Wagtail's own notifications go nowhere: the demo's past
sends no mail.
"""

import datetime
import importlib

from allauth.account.models import EmailAddress
from allauth.account.signals import email_confirmed
from django.apps import apps as django_apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test.utils import override_settings
from django.utils import timezone

from leerhuis.core.models import OutboxMessage
from leerhuis.core.sanitise import member_html
from leerhuis.core.themes import Thema
from leerhuis.knowledge import cases
from leerhuis.knowledge.models import CasePage
from leerhuis.staff import setup as roles_setup
from leerhuis.staff.roles import MODERATIE
from members.membership import membership_on

create_case_workflow = importlib.import_module(
    "leerhuis.knowledge.migrations.0004_case_review_workflow"
).create_case_workflow

EDITOR = "beheer@leerhuis.example"
APPROVE, CHANGES = "approve", "reject"

CASES = [
    {
        "author": ("jelle.hoekstra@sudwestfryslan.nl", "Jelle Hoekstra"),
        "decision": APPROVE,
        "days_ago": 12,
        "title": "Opgave-managers met mandaat in Súdwest-Fryslân",
        "intro": "Hoe een plattelandsgemeente met negen kernen haar opgave-managers een "
        "eigen mandaat en budget gaf, en wat dat vroeg van lijnmanagers en bestuur.",
        "themes": ["Opgave-sturing", "Opdrachtgeverschap"],
        "opgave": "Súdwest-Fryslân heeft negen kernen en tientallen dorpen. Leefbaarheid, "
        "vergrijzing en de woningvoorraad hangen er nauw samen: een nieuw zorgcentrum in "
        "Bolsward raakt ook wonen, vervoer en het verenigingsleven.\n\n"
        "De gemeente werkte met losse projecten per afdeling. Elk project haalde zijn eigen "
        "doel, maar in de dorpen merkte niemand dat het samen iets opleverde. Het bestuur "
        "wilde sturen op het effect in de kernen, niet op de opgeleverde projecten.",
        "approach": "De gemeente benoemde vier opgaven, waaronder 'Vitale kernen'. Elke "
        "opgave kreeg een opgave-manager met:\n\n"
        "- een opdrachtbrief van het college, met het beoogde maatschappelijk effect;\n"
        "- een eigen budget voor verkenning en samenwerking;\n"
        "- het mandaat om capaciteit bij de afdelingen te vragen, vastgelegd in afspraken "
        "met de lijnmanagers;\n"
        "- een bestuurlijk opdrachtgever die twee keer per jaar de voortgang bespreekt.\n\n"
        "Lijnmanagers blijven verantwoordelijk voor de kwaliteit van het werk en voor hun "
        "mensen; de opgave-manager bepaalt de richting en de samenhang.",
        "results": "Na twee jaar zijn de plannen voor drie kernen in samenhang gemaakt: "
        "wonen, zorg en voorzieningen in één gebiedsagenda. Dorpsbelangen zijn vanaf het "
        "begin aan tafel en weten wie hun aanspreekpunt is.\n\n"
        "De verantwoording in de planning- en controlcyclus loopt per opgave, met indicatoren "
        "voor het effect naast de gebruikelijke projectcijfers.",
        "lessons": "- Leg het mandaat vast vóór de start; achteraf onderhandelen kost maanden.\n"
        "- Geef lijnmanagers een rol in de opgave, niet alleen een verzoek om capaciteit.\n"
        "- Kies effectindicatoren die inwoners herkennen.",
    },
    {
        "author": ("mariska.verbeek@alphenaandenrijn.nl", "Mariska Verbeek"),
        "decision": None,
        "title": "Een opgave-team voor de woningbouwversnelling in Alphen aan den Rijn",
        "intro": "Alphen aan den Rijn wil duizenden woningen sneller bouwen. Een vast "
        "opgave-team vervangt de losse projectgroepen per bouwlocatie.",
        "themes": ["Opgave-sturing", "Programmamanagement"],
        "opgave": "De woningbouwopgave van Alphen aan den Rijn is groot en raakt alles: "
        "grondbeleid, bereikbaarheid, natuur en de capaciteit van de eigen organisatie. Elke "
        "bouwlocatie had een eigen projectgroep, die steeds opnieuw dezelfde vragen stelde "
        "aan dezelfde vakafdelingen.",
        "approach": "Een vast opgave-team met een opgave-manager, een programmacontroller en "
        "vaste vertegenwoordigers van de vakafdelingen. Het team werkt met een gezamenlijke "
        "planning voor alle locaties en bespreekt elke maand de knelpunten met de "
        "ontwikkelaars en de corporaties.",
        "results": "De doorlooptijd van principeverzoek tot omgevingsvergunning is in het "
        "eerste jaar met ruim twee maanden verkort.",
        "lessons": "- Een vast team leert sneller dan wisselende projectgroepen.\n"
        "- Maak de capaciteit van de vakafdelingen zichtbaar in één planning.",
    },
    {
        "author": ("lid@veenendaal.nl", "Astrid van de Klift"),
        "decision": CHANGES,
        "comment": "Mooie casus, dank je wel! Kun je bij 'Resultaten' concreter maken wat het "
        "heeft opgeleverd, bijvoorbeeld in cijfers of in wat inwoners merken? Dan publiceren "
        "we hem graag.",
        "title": "Sociaal domein: van projecten naar één opgave in Veenendaal",
        "intro": "Veenendaal bracht twaalf projecten in het sociaal domein samen onder de "
        "opgave 'Iedereen doet mee'. Wat veranderde er voor de teams?",
        "themes": ["Opgave-sturing", "Samenwerking"],
        "opgave": "Twaalf projecten in het sociaal domein werkten naast elkaar aan "
        "armoede, schulden, werk en jeugd. Inwoners met meerdere vragen kregen met meerdere "
        "loketten en plannen te maken.",
        "approach": "De projecten zijn samengebracht onder één opgave met één opgave-manager "
        "en een gezamenlijke opdracht van het college. De projectleiders vormen een kernteam "
        "dat elke twee weken de voortgang en de samenhang bespreekt.",
        "results": "Het gaat beter.",
        "lessons": "- Begin bij de inwoner, niet bij de structuur.\n"
        "- Geef het kernteam tijd om elkaars werk te leren kennen.",
    },
]


def _author(email, name):
    """The demo author's account: an existing one (the demo member), or a new account
    without a password, linked to its municipality by its mail domain."""
    User = get_user_model()
    user = User.objects.filter(email=email).first()
    if user is not None:
        return user
    user = User.objects.create_user(email=email, password=None, full_name=name)
    address = EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    email_confirmed.send(sender=EmailAddress, request=None, email_address=address)
    return user


def _decide(case, editor, action, comment=""):
    task_state = CasePage.objects.get(pk=case.pk).current_workflow_task_state
    kwargs = {"comment": comment} if comment else {}
    task_state.task.specific.on_action(task_state.specific, editor, action, **kwargs)


def _add(spec, editor, first_load):
    author = _author(*spec["author"])
    data = {
        "title": spec["title"],
        "intro": spec["intro"],
        "themes": list(Thema.objects.named(*spec["themes"])),
        "show_author": True,
        **{part: member_html(spec[part]) for part in ("opgave", "approach", "results", "lessons")},
    }
    if spec.get("days_ago") is not None:
        data["date"] = first_load - datetime.timedelta(days=spec["days_ago"])
    data["organisation"] = membership_on(author).organisation
    case = cases.save_draft(author, data)
    cases.submit(case, author)
    if spec["decision"]:
        _decide(case, editor, spec["decision"], spec.get("comment", ""))


def load_cases(first_load):
    editor = get_user_model().objects.filter(email=EDITOR).first()
    if editor is None or cases.kennisbank() is None:
        return 0
    # The migrations made the workflow, its review task belongs to Moderatie; a database
    # emptied since (a test's flush) gets both back, and the demo editor is in Moderatie:
    # approving through the task publishes the case, without page rights.
    create_case_workflow(django_apps)
    roles_setup.apply(django_apps)
    editor.groups.add(Group.objects.get(name=MODERATIE))
    created = 0
    started = timezone.now()
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
        for spec in CASES:
            if CasePage.objects.filter(draft_title=spec["title"]).exists():
                continue
            _add(spec, editor, first_load)
            created += 1
    OutboxMessage.objects.filter(key__startswith="casus:", created_at__gte=started).delete()
    return created
