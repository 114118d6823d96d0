"""Mijn Leerhuis for praktijkcasussen: my cases and where they stand, their share of
"download mijn gegevens", and what happens to them when an account goes.

The three hooks of members.dashboard; leerhuis/knowledge/wagtail_hooks.py imports this module.
"""

from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail import hooks

from leerhuis.core.sanitise import text_of
from members.dashboard import DELETE_HOOK, EXPORT_HOOK, SECTIONS_HOOK, Section
from members.membership import is_member

from . import cases
from .models import CasePage


@hooks.register(SECTIONS_HOOK)
def cases_section(request):
    """Shown to members (who may write a case) and to anyone who once wrote one."""
    user = request.user
    if not user.is_authenticated:
        return None
    mine = list(cases.own_cases(user))
    may_submit = is_member(user) and cases.kennisbank() is not None
    if not mine and not may_submit:
        return None
    states = cases.states_for(mine)
    return Section(
        title=_("Mijn praktijkcasussen"),
        template="knowledge/includes/mijn_casussen.html",
        context={
            "cases": [{"case": case, "state": states[case.pk]} for case in mine],
            "may_submit": may_submit,
        },
        order=55,
        slug="praktijkcasussen",
    )


def _iso(value):
    return timezone.localtime(value).isoformat() if value else None


@hooks.register(EXPORT_HOOK)
def export_cases(user):
    mine = list(cases.own_cases(user))
    states = cases.states_for(mine)
    rows = []
    for case in mine:
        draft = case.get_latest_revision_as_object()
        rows.append(
            {
                "titel": draft.title,
                "samenvatting": draft.intro,
                "opgave": text_of(draft.opgave),
                "aanpak": text_of(draft.approach),
                "resultaten": text_of(draft.results),
                "lessen": text_of(draft.lessons),
                "naam_tonen": draft.show_author,
                "stand": states[case.pk].label,
                "opmerking_redactie": states[case.pk].comment,
                "gepubliceerd_op": _iso(case.first_published_at),
                "adres": case.full_url if case.live else None,
            }
        )
    return ("praktijkcasussen", rows)


@hooks.register(DELETE_HOOK)
def forget_cases(user):
    """Cases that never went live go with the account. Published ones stay in the
    kennisbank, without the author's name: they are the members' shared knowledge."""
    for case in CasePage.objects.filter(owner=user, first_published_at__isnull=True):
        case.delete()
    for case in CasePage.objects.filter(owner=user):
        case.show_author = False
        case.owner = None
        case.save(update_fields=["show_author", "owner"], clean=False)
