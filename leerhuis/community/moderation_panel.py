"""The dashboard's "Te modereren": one line per kind of work waiting for a moderator, each
with its count and a link to where it is handled, and only the kinds this user may act on:

- praktijkcasussen and begrippen in review: the in-progress tasks of the workflows
  "Praktijkcasussen beoordelen" and "Begrippen vaststellen" that the user may review
  (Wagtail's rule: superusers and the task's groups);
- members' proposals for begrippen: who may decide on them (glossary.change_proposal, the
  permission the decision views ask);
- reported posts: moderators (rules.is_moderator);
- requests to join a group: who looks after groups in the admin (members.change_groepslid)
  sees all of them; a group's own managers see those of their groups. members.groups lets
  every staff member accept a request, but a panel for every editor would be noise;
- other pages in Wagtail's own workflows, when some wait.

One query per kind, however many items wait.
"""

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Min, Q
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.ui.components import Component
from wagtail.models import GroupApprovalTask, Task, TaskState

from glossary.models import Proposal, ProposalStatus
from glossary.models.review import ReviewTask
from leerhuis.knowledge.models import CaseReviewTask
from members.models import Groepslid

from . import admin_moderation, review_panel, rules

GROUPS_SHOWN = 5
GROUP_PERMISSION = "members.change_groepslid"


@dataclass
class Line:
    slug: str
    label: str
    count: int
    url: str
    link_label: str
    groups: list = field(default_factory=list)
    more_groups: int = 0


def _case_label(n):
    return ngettext(
        "%(n)s praktijkcasus wacht op beoordeling",
        "%(n)s praktijkcasussen wachten op beoordeling",
        n,
    ) % {"n": n}


def _begrip_label(n):
    return ngettext(
        "%(n)s begrip wacht op vaststelling", "%(n)s begrippen wachten op vaststelling", n
    ) % {"n": n}


def _other_label(n):
    return ngettext(
        "%(n)s andere pagina wacht op beoordeling",
        "%(n)s andere pagina's wachten op beoordeling",
        n,
    ) % {"n": n}


REVIEWS = (
    (CaseReviewTask, "casussen", _case_label),
    (ReviewTask, "begrippen", _begrip_label),
)
OTHER = "overig"


def review_lines(user):
    """Work in review that `user` may review, in one query for all workflows: cases,
    begrippen, and (only when some wait) other pages in Wagtail's own workflows."""
    kinds = {ContentType.objects.get_for_model(model).pk: slug for model, slug, _l in REVIEWS}
    tasks = Task.objects.filter(active=True)
    if not user.is_superuser:
        # The task's groups, as GroupApprovalTask.get_task_states_user_can_moderate asks.
        tasks = tasks.filter(
            pk__in=GroupApprovalTask.objects.filter(groups__in=user.groups.all()).values("pk")
        )
    rows = tasks.values("content_type").annotate(
        waiting=Count(
            "task_states",
            filter=Q(task_states__status=TaskState.STATUS_IN_PROGRESS),
            distinct=True,
        ),
        workflows=Count("workflow_tasks__workflow", distinct=True),
        workflow=Min("workflow_tasks__workflow"),
    )
    found = {}
    for row in rows:
        slug = kinds.get(row["content_type"], OTHER)
        waiting, workflow = row["waiting"], row["workflow"] if row["workflows"] == 1 else None
        if slug in found:  # more tasks of one kind: one line, the report unfiltered
            waiting, workflow = waiting + found[slug][0], None
        found[slug] = (waiting, workflow)
    if not found.get(OTHER, (0,))[0]:
        found.pop(OTHER, None)
    return [
        Line(
            slug,
            label(found[slug][0]),
            found[slug][0],
            review_panel.queue_url(found[slug][1]),
            _("Beoordelen"),
        )
        for _model, slug, label in (*REVIEWS, (None, OTHER, _other_label))
        if slug in found
    ]


def proposal_line(user):
    if not user.has_perm("glossary.change_proposal"):
        return None
    count = Proposal.objects.open().count()
    url = f"{reverse('glossary_proposal:list')}?{urlencode({'status': ProposalStatus.SUBMITTED})}"
    label = ngettext(
        "%(n)s voorstel voor een begrip wacht op een besluit",
        "%(n)s voorstellen voor begrippen wachten op een besluit",
        count,
    ) % {"n": count}
    return Line("voorstellen", label, count, url, _("Naar de voorstellen"))


def report_line(user):
    if not rules.is_moderator(user):
        return None
    count = admin_moderation.open_report_count()
    label = ngettext(
        "%(n)s gemelde bijdrage wacht op een moderator",
        "%(n)s gemelde bijdragen wachten op een moderator",
        count,
    ) % {"n": count}
    return Line("meldingen", label, count, admin_moderation.url("index"), _("Naar de meldingen"))


def group_line(user):
    """Requests per group, the groups with the most first; one grouped query."""
    everyone = user.has_perm(GROUP_PERMISSION)
    requests = Groepslid.objects.requested()
    if not everyone:
        managed = Groepslid.objects.managers().filter(user=user).values("groep_id")
        requests = requests.filter(groep_id__in=managed)
    groups = list(
        requests.values("groep__name", "groep__slug")
        .annotate(waiting=Count("pk"))
        .order_by("-waiting", "groep__name")
    )
    if not groups and not everyone:
        return None
    count = sum(group["waiting"] for group in groups)
    for group in groups:
        group["url"] = reverse("groep", args=[group["groep__slug"]]) + "#beheer"
    label = ngettext(
        "%(n)s verzoek om lid te worden van een groep",
        "%(n)s verzoeken om lid te worden van een groep",
        count,
    ) % {"n": count}
    # Requests are handled on each group's page: the line links to the groups themselves.
    return Line(
        "groepen",
        label,
        count,
        "",
        "",
        groups=groups[:GROUPS_SHOWN],
        more_groups=max(len(groups) - GROUPS_SHOWN, 0),
    )


def lines_for(user):
    """The lines `user` may act on, in a fixed order; empty when they may moderate nothing."""
    lines = [*review_lines(user), proposal_line(user), report_line(user), group_line(user)]
    return [line for line in lines if line is not None]


class ToModeratePanel(Component):
    name = "te_modereren"
    order = 90
    template_name = "community/admin/te_modereren_panel.html"

    def __init__(self, lines):
        self.lines = lines

    def get_context_data(self, parent_context=None):
        return {
            "lines": self.lines,
            "anything": any(line.count for line in self.lines),
        }


def panels_for(user, panels):
    """Add the panel for who may moderate something, and put review_panel's queue in the
    place of Wagtail's "Awaiting your review", whose queries grow with every item in review."""
    panels[:] = [
        review_panel.ReviewQueuePanel(user)
        if panel.name == review_panel.ReviewQueuePanel.name
        else panel
        for panel in panels
    ]
    lines = lines_for(user)
    if lines:
        panels.append(ToModeratePanel(lines))
