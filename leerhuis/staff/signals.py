"""A calendar or kennisbank made after the roles migration (a new site, the demo loader, a
test) gives the roles their page rights on it at once."""

from django.apps import apps
from django.db.models.signals import post_save

from leerhuis.staff.roles import ROLES, ROOT
from leerhuis.staff.setup import grant_new_page


def page_created(sender, instance, created, raw=False, **kwargs):
    """post_save of a page type named in roles.py: its roles' rights on the new page."""
    if created and not raw:
        grant_new_page(apps, instance, sender._meta.label)


def connect():
    places = {where for role in ROLES for where, _rights in role.pages if where != ROOT}
    for label in places:
        post_save.connect(page_created, sender=apps.get_model(label), dispatch_uid=label)
