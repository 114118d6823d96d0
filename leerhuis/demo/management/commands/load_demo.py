import os

from allauth.account.models import EmailAddress
from allauth.account.signals import email_confirmed
from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from wagtail.models import Site

from leerhuis.core.addresses import site_address
from leerhuis.core.models import HomePage, SiteSettings, StandardPage
from leerhuis.demo import (
    artikelen,
    begrippen,
    casussen,
    community,
    content,
    events,
    kennisbank,
    members,
    quiz,
    study_load,
    themes,
)
from leerhuis.knowledge.models import KnowledgeIndexPage
from leerhuis.staff import roles
from leerhuis.staff import setup as roles_setup
from members.models import Affiliation

# What the demo staff account does in the admin, as the README's table says: content,
# moderation, meetings and registrations, and the Leden menu: every role.
STAFF_GROUPS = list(roles.NAMES)

DEFAULT_PASSWORD = "leerhuis-demo"  # noqa: S105 - demo only, printed by `make run`


def first_load_day():
    """The day the demo was first loaded: demo dates count from it, so they never move.

    That is the day the first demo account was made; today when there is none yet.
    """
    emails = [email for email, _name, _staff in content.DEMO_ACCOUNTS]
    joined = (
        get_user_model()
        .objects.filter(email__in=emails)
        .order_by("date_joined")
        .values_list("date_joined", flat=True)
        .first()
    )
    return timezone.localdate(joined) if joined else timezone.localdate()


class Command(BaseCommand):
    help = (
        "Laadt de Nederlandse demo-inhoud en -accounts. "
        "Idempotent: een tweede keer verandert niets."
    )

    def add_arguments(self, parser):
        parser.add_argument("--quiet-logins", action="store_true", help="Druk de logins niet af.")

    def handle(self, *args, quiet_logins=False, **options):
        if not settings.DEBUG and not os.environ.get("LEERHUIS_ALLOW_DEMO"):
            raise CommandError(
                "Demo-inhoud hoort niet in productie. Zet LEERHUIS_ALLOW_DEMO=1 als je dit "
                "toch bewust wilt."
            )
        password = os.environ.get("DEMO_PASSWORD") or DEFAULT_PASSWORD
        with transaction.atomic():
            first_load = first_load_day()
            created = (
                self.load_pages()
                + members.load_organisations(first_load)
                + members.load_people()
                + self.load_accounts(password)
                + themes.load_themes()
                + begrippen.load_begrippen()
                + study_load.load_schemes()
                + events.load_events(first_load)
                + kennisbank.load_kennisbank(HomePage.objects.get(), artikelen.ARTICLES, first_load)
                + quiz.load_quiz(KnowledgeIndexPage.objects.first())
                + casussen.load_cases(first_load)
                + community.load_community(first_load)
                + self.sync_site()
            )
        if created:
            self.stdout.write(self.style.SUCCESS(f"Demo-inhoud geladen ({created} nieuw)."))
        else:
            self.stdout.write("Demo-inhoud was al geladen; niets veranderd.")
        if not quiet_logins:
            self.stdout.write(
                f"\nDemo-logins (wachtwoord: {password}, tenzij de accounts al eerder met een "
                "ander DEMO_PASSWORD zijn aangemaakt):"
            )
            for email, name, is_staff in content.DEMO_ACCOUNTS:
                role = "medewerker/redactie" if is_staff else "deelnemer"
                self.stdout.write(f"  {email:<28} {name} ({role})")

    def load_pages(self):
        created = 0
        home = HomePage.objects.first()
        if home is None:
            raise CommandError("Er is geen startpagina; draai eerst `manage.py migrate`.")
        # Only a home page nobody has edited yet: an editor's work is never overwritten.
        if home.latest_revision_id is None:
            home.intro = content.HOME_INTRO
            home.body = content.HOME_BODY
            home.save_revision().publish()
            created += 1
        for spec in content.STANDARD_PAGES:
            existing = StandardPage.objects.child_of(home).filter(slug=spec["slug"]).first()
            if existing is not None:
                created += self.add_privacy_register(existing, spec)
                continue
            page = StandardPage(
                title=spec["title"],
                slug=spec["slug"],
                intro=spec["intro"],
                body=spec["body"],
                show_in_menus=spec["show_in_menus"],
                show_in_footer=spec["show_in_footer"],
            )
            home.add_child(instance=page)
            page.save_revision().publish()
            created += 1
        site = Site.objects.get(is_default_site=True)
        site_settings = SiteSettings.for_site(site)
        if not site_settings.footer_text:
            site_settings.footer_text = content.FOOTER_TEXT
            site_settings.save()
            created += 1
        return created

    def add_privacy_register(self, page, spec):
        """A privacy page loaded before the register existed gets it, once, unless an
        editor has changed the page since (then their version stands)."""
        wanted = content.PRIVACY_REGISTER["type"]
        if wanted not in [block["type"] for block in spec["body"]]:
            return 0
        if any(block.block_type == wanted for block in page.body):
            return 0
        if page.revisions.count() > 1:
            return 0
        page.body = spec["body"]
        page.save_revision().publish()
        return 1

    def sync_site(self):
        """Point the Site at BASE_URL (make run passes HOST and PORT), for sitemap links."""
        hostname, port = site_address(settings.BASE_URL)
        updated = (
            Site.objects.filter(is_default_site=True)
            .exclude(hostname=hostname, port=port)
            .update(hostname=hostname, port=port)
        )
        return updated

    def load_accounts(self, password):
        User = get_user_model()
        created = 0
        # A flushed test database lost the roles their migration made.
        roles_setup.apply(apps)
        for email, name, is_staff in content.DEMO_ACCOUNTS:
            user = User.objects.filter(email=email).first()
            if user is not None and is_staff:
                # An account of an older load_demo gets the groups added since.
                user.groups.add(*Group.objects.filter(name__in=STAFF_GROUPS))
            if user is None:
                user = User.objects.create_user(
                    email=email, password=password, full_name=name, is_staff=is_staff
                )
                if is_staff:
                    user.groups.add(*Group.objects.filter(name__in=STAFF_GROUPS))
                # Verified like a real account that followed the link in its mail.
                address = EmailAddress.objects.create(
                    user=user, email=email, verified=True, primary=True
                )
            elif not Affiliation.objects.filter(user=user).exists():
                # Made by an older load_demo, before there were organisations to link to.
                address = (
                    EmailAddress.objects.filter(user=user, verified=True)
                    .order_by("-primary")
                    .first()
                )
                if address is None:
                    continue
            else:
                continue
            # What allauth sends when the link in the mail is followed: the same path links
            # a real account to its organisation by domain (members.signals).
            email_confirmed.send(sender=EmailAddress, request=None, email_address=address)
            created += 1
        return created
