"""The dashboard's "Onbekende e-maildomeinen", for who may add member organisations (the
same permission as the report "Onbekende domeinen"): how many accounts use a domain no
organisation claims, the most used domains, and how many use personal mail (gmail.com and
the like), which the report leaves out because staff link those by hand. Three queries,
however many accounts there are.
"""

from django.db.models import Count
from django.urls import reverse
from wagtail.admin.ui.components import Component

from members.admin_views import AFFILIATIONS, unknown_domain_accounts, unknown_domains
from members.models import Affiliation, AffiliationStatus
from members.models.organisations import PERSONAL_MAIL_DOMAINS

TOP_SHOWN = 5
PERMISSION = "members.add_organisation"


def may_see(user) -> bool:
    return user.has_perm(PERMISSION)


class UnknownDomainsPanel(Component):
    name = "onbekende_domeinen"
    order = 110
    template_name = "members/admin/onbekende_domeinen_panel.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        totals = unknown_domain_accounts().aggregate(
            accounts=Count("pk"), domains=Count("email_domain", distinct=True)
        )
        personal = Affiliation.objects.filter(
            status=AffiliationStatus.UNKNOWN_DOMAIN, email_domain__in=PERSONAL_MAIL_DOMAINS
        ).count()
        personal_url = None
        if personal and self.user.has_perm("members.change_affiliation"):
            personal_url = (
                f"{reverse(f'{AFFILIATIONS}:index')}?status={AffiliationStatus.UNKNOWN_DOMAIN}"
            )
        return {
            "accounts": totals["accounts"],
            "domains": totals["domains"],
            "top": list(unknown_domains()[:TOP_SHOWN]),
            "personal": personal,
            "personal_url": personal_url,
            "report_url": reverse("onbekende-domeinen:index"),
        }


def add_unknown_domains_panel(request, panels):
    """construct_homepage_panels: members/wagtail_hooks.py registers it."""
    if may_see(request.user):
        panels.append(UnknownDomainsPanel(request.user))
