import os

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.models import Site

from leerhuis.core.addresses import site_address
from leerhuis.core.models import HomePage, SiteSettings, StandardPage
from leerhuis.demo import content

DEFAULT_PASSWORD = "leerhuis-demo"  # noqa: S105 - demo only, printed by `make run`


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
            created = self.load_pages() + self.load_accounts(password) + self.sync_site()
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
            if StandardPage.objects.child_of(home).filter(slug=spec["slug"]).exists():
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
        for email, name, is_staff in content.DEMO_ACCOUNTS:
            if User.objects.filter(email=email).exists():
                continue
            user = User.objects.create_user(
                email=email, password=password, full_name=name, is_staff=is_staff
            )
            if is_staff:
                user.groups.add(*Group.objects.filter(name__in=["Editors", "Moderators"]))
            # Verified like a real account that followed the link in its mail.
            EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
            created += 1
        return created
