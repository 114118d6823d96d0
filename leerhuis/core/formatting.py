"""How the site writes money, places and addresses, the same on pages, in mails, calendar
items, certificates and exports."""

from django.conf import settings
from django.utils.formats import number_format
from django.utils.translation import gettext as _


def money(amount):
    """'€ 1.234,50', Dutch style; a no-break space keeps the sign with the amount."""
    return f"€\xa0{number_format(amount or 0, 2, force_grouping=True)}"


def money_or_free(amount):
    return money(amount) if amount else _("gratis")


def join_address(*parts):
    """Lines of a venue and an address on one line, with commas:
    ("Stadhuis", "Raadhuisplein 1\\n3901 GA Veenendaal") → "Stadhuis, Raadhuisplein 1,
    3901 GA Veenendaal"."""
    lines = (line for part in parts for line in (part or "").splitlines())
    return ", ".join(" ".join(line.split()) for line in lines if line.strip())


def absolute_url(path):
    """An address on this site for use outside it (mails, calendar items, feeds)."""
    return f"{settings.BASE_URL}{path}"


def page_url(page, request=None):
    """A page's address, absolute: by the Site it belongs to, else on BASE_URL."""
    return page.get_full_url(request) or absolute_url(page.url or "/")


def subpage_url(page, name, *args, **kwargs):
    """The absolute address of a route of a routable page ("afmelden/", …)."""
    return page_url(page) + page.reverse_subpage(name, args=args, kwargs=kwargs).lstrip("/")
