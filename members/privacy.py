"""AVG/GDPR: what we hold about someone, and removing it when they leave."""

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.usersessions.models import UserSession
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import ModelLogEntry
from wagtail.users.models import UserProfile

from members import dashboard
from members.membership import membership_on
from members.models import Affiliation


def _iso(value):
    return value.isoformat() if value else None


def _admin_profile(user):
    profile = UserProfile.objects.filter(user=user).first()
    if profile is None:
        return {}
    return {
        "taal": profile.preferred_language,
        "tijdzone": profile.current_time_zone,
        "meldingen_ingediend": profile.submitted_notifications,
        "meldingen_goedgekeurd": profile.approved_notifications,
        "meldingen_afgewezen": profile.rejected_notifications,
        "meldingen_reacties": profile.updated_comments_notifications,
    }


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
            "beheerder": user.is_superuser,
            "groepen": sorted(user.groups.values_list("name", flat=True)),
        },
        "instellingen_beheer": _admin_profile(user),
        "sessies": [
            {
                "ip-adres": s.ip,
                "browser": s.user_agent,
                "begonnen": _iso(s.created_at),
                "laatst_gezien": _iso(s.last_seen_at),
            }
            for s in UserSession.objects.filter(user=user).order_by("created_at")
        ],
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

    The user row goes, and with it addresses, authenticators, sessions, the affiliation and
    its history; user_deleted() first lets apps anonymise what must stay. Records that name
    this user as the one who decided keep their content with the name removed (SET_NULL).
    """
    get_user_model().objects.filter(pk=user.pk).delete()


def user_deleted(sender, instance, **kwargs):
    """Before any account is deleted (by its owner or in the admin): apps anonymise records
    that must stay (a registration counts for a meeting's figures), the admin's audit log
    forgets the name, and every session of the account ends."""
    dashboard.before_delete(instance)
    ModelLogEntry.objects.for_instance(instance).update(label=_("verwijderd account"), data={})
    for session in UserSession.objects.filter(user=instance):
        session.end()
