"""The public forms as the bad-input tests post to them: where each lives, who fills it in,
its fields, what a valid post looks like, and which stored rows it may change.

`stored` names the rows a post may write; a post that is refused (the form shown again, a
4xx) must leave them as they were. `required` are the fields without which no post may
succeed (a redirect).
"""

from dataclasses import dataclass, field

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from wagtail.models import Page

from events.models import PlaceInvitation, Registration
from glossary.models import Proposal
from leerhuis.community.models import Post, Report, Thread
from tests.factories import PASSWORD

User = get_user_model()

# Django's and allauth's messages in English: in a Dutch page, a sign of a missing
# translation or of a form the site did not make its own.
ENGLISH_ERRORS = [
    "This field is required",
    "Enter a valid",
    "Ensure this value",
    "Null characters are not allowed",
    "Select a valid choice",
    "is not one of the available choices",
    "This password is too",
    "You must type the same",
    "The e-mail address and/or password",
    "The email address and/or password",
]


@dataclass
class PublicForm:
    address: object  # site -> the form's address
    fields: list
    valid: object  # site -> a valid post
    stored: object  # site -> the rows it may change, to compare before and after
    required: list = field(default_factory=list)
    member: bool = True


def rows(queryset, *exclude):
    return [{k: v for k, v in row.items() if k not in exclude} for row in queryset.values()]


def _people(site):
    return rows(User.objects.order_by("pk"), "last_login"), rows(
        EmailAddress.objects.order_by("pk")
    )


FORMS = {
    "signup": PublicForm(
        address=lambda s: "/accounts/signup/",
        fields=["email", "full_name", "password1", "password2"],
        valid=lambda s: {
            "email": "nieuw@voorbeeld.nl",
            "full_name": "Nieuwe Collega",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
        stored=_people,
        required=["email", "full_name", "password1", "password2"],
        member=False,
    ),
    "login": PublicForm(
        address=lambda s: "/accounts/login/",
        fields=["login", "password", "remember"],
        valid=lambda s: {"login": s["member"].email, "password": PASSWORD},
        stored=_people,
        required=["login", "password"],
        member=False,
    ),
    "password_reset": PublicForm(
        address=lambda s: "/accounts/password/reset/",
        fields=["email"],
        valid=lambda s: {"email": s["member"].email},
        stored=_people,
        required=["email"],
        member=False,
    ),
    "aanmelden": PublicForm(
        address=lambda s: s["event"].url + "aanmelden/",
        fields=["dietary", "accessibility", "on_attendee_list", "stap", "gegevens"],
        valid=lambda s: {"dietary": "vegetarisch", "accessibility": ""},
        stored=lambda s: rows(Registration.objects.order_by("pk")),
    ),
    "collega": PublicForm(
        address=lambda s: s["registered_event"].url + "collega/",
        fields=["email", "registration"],
        valid=lambda s: {"email": "collega@" + s["domain"]},
        stored=lambda s: (
            rows(PlaceInvitation.objects.order_by("pk")),
            rows(Registration.objects.order_by("pk")),
        ),
        required=["email"],
    ),
    "casus_indienen": PublicForm(
        address=lambda s: "/kennisbank/casus-indienen/",
        fields=[
            *("title", "intro", "opgave", "approach", "results", "lessons"),
            *("themes", "visibility", "show_author", "image_alt", "actie"),
        ],
        valid=lambda s: {"title": "Sturen op wonen", "visibility": "public"},
        stored=lambda s: Page.objects.count(),
        required=["title"],
    ),
    "begrip_voorstellen": PublicForm(
        address=lambda s: "/begrippen/voorstellen/",
        fields=["pref_label", "definition", "explanation", "reason"],
        valid=lambda s: {
            "pref_label": "Opgavetafel",
            "definition": "Een overleg over een opgave.",
            "reason": "Het woord valt vaak.",
        },
        stored=lambda s: rows(Proposal.objects.order_by("pk")),
        required=["pref_label", "definition", "reason"],
    ),
    "gesprek_nieuw": PublicForm(
        address=lambda s: "/gesprekken/nieuw/",
        fields=["title", "soort", "themes", "text", "visibility"],
        valid=lambda s: {
            "title": "Wie neemt het besluit?",
            "soort": "vraag",
            "text": "Bij ons is dat onduidelijk.",
            "visibility": "public",
        },
        stored=lambda s: (Thread.objects.count(), Post.objects.count()),
        required=["title", "soort", "text", "visibility"],
    ),
    "reageren": PublicForm(
        address=lambda s: s["thread"].get_absolute_url() + "reageren/",
        fields=["tekst", "citeer"],
        valid=lambda s: {"tekst": "Bij ons beslist het college."},
        stored=lambda s: rows(Post.objects.order_by("pk")),
        required=["tekst"],
    ),
    "melden": PublicForm(
        address=lambda s: f"/gesprekken/bijdrage/{s['post'].pk}/melden/",
        fields=["reason", "explanation"],
        valid=lambda s: {"reason": "ongepast", "explanation": "Dit hoort hier niet."},
        stored=lambda s: rows(Report.objects.order_by("pk")),
        required=["reason"],
    ),
    "profiel": PublicForm(
        address=lambda s: "/mijn-leerhuis/profiel/",
        fields=["full_name", "function", "bio"],
        valid=lambda s: {"full_name": "Petra Mulder", "function": "projectleider"},
        stored=lambda s: rows(User.objects.filter(pk=s["member"].pk), "last_login"),
        required=["full_name"],
    ),
}
