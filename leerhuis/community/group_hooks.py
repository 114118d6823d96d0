"""Wagtail hooks of groups: "Mijn groepen" in Mijn Leerhuis, my memberships in
"download mijn gegevens" (members.dashboard's hooks), and the retention of invitations."""

from django.utils.translation import gettext as _
from wagtail import hooks

from leerhuis.core import retention
from members.dashboard import EXPORT_HOOK, SECTIONS_HOOK, Section
from members.models import Groepslid, GroepUitnodiging


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


@hooks.register(retention.HOOK)
def purge_group_invitations(now):
    """An invitation holds an address of someone who may have no account: it goes
    INVITATION_RETENTION_DAYS after it expired, accepted or not."""
    cutoff = retention.before(now, "INVITATION_RETENTION_DAYS") - GroepUitnodiging.VALID_FOR
    removed, _ = GroepUitnodiging.objects.filter(created_at__lt=cutoff).delete()
    return "uitnodigingen voor een groep", removed
