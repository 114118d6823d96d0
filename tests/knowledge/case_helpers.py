"""Cases as members write them and the redactie decides on them, for the case tests."""

from django.contrib.auth.models import Group

from leerhuis.knowledge import cases
from leerhuis.knowledge.models import CasePage
from tests.factories import StaffFactory
from tests.knowledge_factories import kennisbank_page

FORM = {
    "title": "Wijkaanpak Zuid als opgave",
    "intro": "Hoe Veenendaal de wijkaanpak als opgave organiseerde.",
    "opgave": "De wijk Zuid vroeg om meer dan losse projecten.",
    "approach": "Een opgave-manager met mandaat.\n\n- een kernteam\n- een bestuurlijk trekker",
    "results": "Minder overleg, meer resultaat.",
    "lessons": "Regel het mandaat vooraf.",
    "visibility": "public",
    "show_author": "on",
}


def moderator():
    user = StaffFactory(is_superuser=False)
    user.groups.add(Group.objects.get(name="Moderatie"))
    return user


def form_data(theme, **changes):
    return {**FORM, "themes": [theme.pk], **changes}


def draft_case(user, theme=None, **fields):
    """A case `user` saved as a draft, as the form stores it."""
    kennisbank_page()
    data = {
        "title": FORM["title"],
        "intro": FORM["intro"],
        "opgave": "<p>De wijk Zuid vroeg om meer dan losse projecten.</p>",
        "approach": "<p>Een opgave-manager met mandaat.</p>",
        "results": "",
        "lessons": "<p>Regel het mandaat vooraf.</p>",
        "themes": [theme] if theme else [],
        "show_author": True,
        **fields,
    }
    return cases.save_draft(user, data)


def submitted_case(user, theme=None, **fields):
    case = draft_case(user, theme, **fields)
    assert cases.submit(case, user)
    return CasePage.objects.get(pk=case.pk)


def decide(case, user, action, comment=""):
    """What a moderator's button in the admin does: approve, reject (request changes) or
    afwijzen (final)."""
    case = CasePage.objects.get(pk=case.pk)
    task_state = case.current_workflow_task_state
    kwargs = {"comment": comment} if comment else {}
    task_state.task.specific.on_action(task_state.specific, user, action, **kwargs)
    return CasePage.objects.get(pk=case.pk)


def restore_moderator_rights():
    """What the roles migration gives Moderatie and a live-server test's flush takes away:
    the roles, with the review tasks of the workflows that the other migrations' functions
    made again (approving a case publishes it through the task, without page rights)."""
    from django.apps import apps

    from leerhuis.staff import setup

    setup.apply(apps)
