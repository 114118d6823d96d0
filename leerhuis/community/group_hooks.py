"""Wagtail hooks of groups: "Mijn groepen" in Mijn Leerhuis, and my memberships in
"download mijn gegevens" (members.dashboard's hooks)."""

from django.utils.translation import gettext as _
from wagtail import hooks

from members.dashboard import EXPORT_HOOK, SECTIONS_HOOK, Section
from members.models import Groepslid


def memberships_of(user):
    return Groepslid.objects.filter(user=user).select_related("groep").order_by("groep__name")


@hooks.register(SECTIONS_HOOK)
def my_groups(request):
    if not request.user.is_authenticated:
        return None
    return Section(
        title=_("Mijn groepen"),
        template="community/groep_mijn.html",
        context={"memberships": list(memberships_of(request.user))},
        order=60,
        slug="groepen",
    )


@hooks.register(EXPORT_HOOK)
def export_my_groups(user):
    return (
        "groepen",
        [
            {
                "groep": lid.groep.name,
                "adres": lid.groep.get_absolute_url(),
                "rol": lid.get_role_display(),
                "status": lid.get_status_display(),
                "toelichting": lid.motivation,
                "aangevraagd_op": lid.requested_at.isoformat(),
                "lid_sinds": lid.joined_at.isoformat() if lid.joined_at else None,
            }
            for lid in memberships_of(user)
        ],
    )
