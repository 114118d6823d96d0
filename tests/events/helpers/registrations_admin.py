"""A meeting's registrations in the admin, for test_admin_registrations_*.py."""

from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from events.models import RegistrationStatus
from tests.events_factories import RegistrationFactory
from tests.factories import UserFactory

# The sidebar's menu item, as Wagtail writes it into the page.
MENU = '"url": "/admin/aanmeldingen/"'


def url(name, *args):
    return reverse(f"aanmeldingen:{name}", args=args)


def staff_with(*codenames, email):
    """Staff who may enter the admin, with only the given events permissions."""
    group = Group.objects.create(name=f"groep {email}")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        *Permission.objects.filter(content_type__app_label="events", codename__in=codenames),
    )
    user = UserFactory(email=email, is_staff=True, full_name=email.split("@")[0].title())
    user.groups.add(group)
    return user


def organiser():
    return staff_with("view_attendees", "manage_attendees", email="organisator@leerhuis.example")


def registration(event, name, status=RegistrationStatus.CONFIRMED, **kwargs):
    return RegistrationFactory(
        event=event,
        user=UserFactory(full_name=name),
        name=name,
        status=status,
        **kwargs,
    )


def html(response):
    assert response.status_code == 200
    return response.content.decode()


def names(page):
    """The names in the first column (the e-mail address is below each name)."""
    table = BeautifulSoup(page, "html.parser").select_one("#listing-results table tbody")
    if table is None:
        return []
    return [strong.get_text(strip=True) for strong in table.select("tr td:first-child strong")]
