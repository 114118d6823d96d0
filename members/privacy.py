"""AVG/GDPR: what we hold about someone, and removing it when they leave."""

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from members import dashboard
from members.membership import membership_on
from members.models import Affiliation


def _iso(value):
    return value.isoformat() if value else None


def export_data(user) -> dict:
    """Everything stored about `user`, and nothing about anyone else.

    Staff who decided on an affiliation are not named: that is their data, not this user's.
    """
    affiliation = Affiliation.objects.filter(user=user).select_related("organisation").first()
    status = membership_on(user)
    data = {
        "gemaakt_op": _iso(timezone.now()),
        "account": {
            "naam": user.full_name,
            "e-mailadres": user.email,
            "functie": user.get_function_display() if user.function else "",
            "introductie": user.bio,
            "aangemaakt_op": _iso(user.date_joined),
            "laatst_ingelogd": _iso(user.last_login),
            "medewerker": user.is_staff,
        },
        "e-mailadressen": [
            {"e-mailadres": a.email, "bevestigd": a.verified, "primair": a.primary}
            for a in EmailAddress.objects.filter(user=user).order_by("email")
        ],
        "tweestapsverificatie": [
            {
                "soort": a.get_type_display(),
                "ingesteld_op": _iso(a.created_at),
                "laatst_gebruikt": _iso(a.last_used_at),
            }
            for a in Authenticator.objects.filter(user=user).order_by("created_at")
        ],
        "organisatie": {
            "status": affiliation.get_status_display() if affiliation else "",
            "organisatie": affiliation.organisation.name
            if affiliation and affiliation.organisation
            else "",
            "e-maildomein": affiliation.email_domain if affiliation else "",
            "reden": affiliation.reason if affiliation else "",
        },
        "lidmaatschap": {"lid": status.is_member, "toelichting": status.message},
        "geschiedenis_organisatie": [
            {
                "tijdstip": _iso(change.at),
                "status": change.get_status_display(),
                "organisatie": change.organisation_name,
                "e-maildomein": change.email_domain,
                "reden": change.reason,
            }
            for change in user.affiliation_history.all()
        ],
    }
    data.update(dashboard.exported_by_apps(user))
    return data


@transaction.atomic
def delete_account(user) -> None:
    """Remove the login and personal data.

    Apps first anonymise records that must stay (a registration counts for a meeting's
    figures); then the user row goes, and with it addresses, authenticators, the
    affiliation and its history. Records that name this user as the one who decided keep
    their content with the name removed (SET_NULL).
    """
    dashboard.before_delete(user)
    get_user_model().objects.filter(pk=user.pk).delete()
