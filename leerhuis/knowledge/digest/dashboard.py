"""Mijn Leerhuis for the weekmail: the switch, its share of "download mijn gegevens", and
what goes when an account goes. The three hooks of members.dashboard; registered from
leerhuis/knowledge/wagtail_hooks.py."""

from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail import hooks

from leerhuis.knowledge.models import DigestSubscription
from members.dashboard import DELETE_HOOK, EXPORT_HOOK, SECTIONS_HOOK, Section


@hooks.register(SECTIONS_HOOK)
def digest_section(request):
    user = request.user
    if not user.is_authenticated:
        return None
    return Section(
        title=_("Weekmail"),
        template="knowledge/digest/mijn_weekmail.html",
        context={"subscription": DigestSubscription.objects.filter(user=user).first()},
        order=40,
        slug="weekmail",
    )


@hooks.register(EXPORT_HOOK)
def export_subscription(user):
    subscription = DigestSubscription.objects.filter(user=user).first()
    changed = subscription and timezone.localtime(subscription.changed_at).isoformat()
    return "weekmail", {"aan": bool(subscription and subscription.active), "gewijzigd_op": changed}


@hooks.register(DELETE_HOOK)
def forget_subscription(user):
    DigestSubscription.objects.filter(user=user).delete()
