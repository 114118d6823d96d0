"""The life of a praktijkcasus: a member writes a draft, submits it, the redactie decides.

The verbs (save_draft, submit, withdraw, reject_finally) and the one reading of where a case
stands (state_of), which the member's form, Mijn Leerhuis and the mails share. Review is
Wagtail's workflow (CasePage.get_workflow): a submission starts it, a revision after "request
changes" resumes it, approval publishes. The author hears of every decision by mail, through
the outbox, each exactly once.
"""

import secrets
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy
from wagtail.coreutils import find_available_slug
from wagtail.models import Page, TaskState, WorkflowState
from wagtail.users.models import UserProfile

from leerhuis.core import outbox
from leerhuis.core.models import RESERVED_SLUGS
from leerhuis.core.review import end_with_reason

from .models import CasePage, KnowledgeIndexPage

REJECTED = "knowledge.case_rejected"


def kennisbank():
    return KnowledgeIndexPage.objects.first()


def own_cases(user):
    return CasePage.objects.filter(owner=user).order_by("-latest_revision_created_at", "-pk")


@dataclass(frozen=True)
class CaseState:
    code: str  # concept, ingediend, wijzigingen, afgewezen, gepubliceerd
    label: str
    comment: str = ""
    at: object = None

    @property
    def editable(self):
        """The author may change the text: not while the redactie reviews it, nor after a
        final rejection."""
        return self.code in {"concept", "wijzigingen", "gepubliceerd"}

    @property
    def submittable(self):
        return self.code in {"concept", "wijzigingen"}


LABELS = {
    "concept": gettext_lazy("Concept, nog niet ingediend"),
    "ingediend": gettext_lazy("Ingediend, wacht op beoordeling"),
    "wijzigingen": gettext_lazy("De redactie vraagt om wijzigingen"),
    "afgewezen": gettext_lazy("Afgewezen"),
    "gepubliceerd": gettext_lazy("Gepubliceerd"),
}


def _state(code, comment="", at=None):
    return CaseState(code, str(LABELS[code]), comment or "", at)


def states_for(cases) -> dict:
    """Where each of `cases` stands, by page id: two queries, however many cases."""
    pks = [str(case.pk) for case in cases]
    latest = {}
    workflow_states = WorkflowState.objects.filter(
        base_content_type__app_label="wagtailcore",
        base_content_type__model="page",
        object_id__in=pks,
    ).order_by("created_at", "pk")
    for workflow_state in workflow_states:
        latest[workflow_state.object_id] = workflow_state
    decided = {}
    task_states = TaskState.objects.filter(workflow_state__in=latest.values()).exclude(
        finished_at=None
    )
    for task_state in task_states.order_by("finished_at", "pk"):
        decided[task_state.workflow_state_id] = task_state
    return {case.pk: _state_from(case, latest.get(str(case.pk)), decided) for case in cases}


def _state_from(case, workflow_state, decided):
    if workflow_state is None:
        return _state("gepubliceerd" if case.live else "concept")
    last = decided.get(workflow_state.pk)
    comment, at = (last.comment, last.finished_at) if last else ("", None)
    status = workflow_state.status
    if status == WorkflowState.STATUS_IN_PROGRESS:
        return _state("ingediend", at=workflow_state.created_at)
    if status == WorkflowState.STATUS_NEEDS_CHANGES:
        return _state("wijzigingen", comment, at)
    if status == WorkflowState.STATUS_CANCELLED and last and last.status == "rejected":
        return _state("afgewezen", comment, at)
    if case.live:
        return _state("gepubliceerd", comment if status == "approved" else "", at)
    return _state("concept")


def state_of(case) -> CaseState:
    return states_for([case])[case.pk]


def _slug_for(parent, title):
    base = slugify(title)[:60].strip("-") or "casus"
    if base in RESERVED_SLUGS:
        base = f"casus-{base}"
    return find_available_slug(parent, base)


@transaction.atomic
def save_draft(user, data, case=None):
    """Store what the member wrote as the newest version of `case` (a new case when None).
    The live version, if any, stays as it is until the redactie approves the new one."""
    themes = data.pop("themes", None)
    if case is None:
        parent = kennisbank()
        case = CasePage(owner=user, live=False, title=data["title"], intro=data.get("intro", ""))
        case.slug = _slug_for(parent, data["title"])
        parent.add_child(instance=case)
        draft = case
    else:
        draft = case.get_latest_revision_as_object()
        if not case.first_published_at and draft.title != data["title"]:
            draft.slug = _slug_for(case.get_parent(), data["title"])
    for name, value in data.items():
        setattr(draft, name, value)
    if themes is not None:
        draft.themes = themes
    draft.owner = case.owner
    draft.save_revision(user=user, clean=False)
    return case


@transaction.atomic
def submit(case, user):
    """Hand the newest version to the redactie: a first submission starts the workflow, a
    revision after "request changes" resumes it. False when the case is not in a state to
    be submitted."""
    case = CasePage.objects.select_for_update().get(pk=case.pk)
    state = state_of(case)
    if not state.submittable and not (
        state.code == "gepubliceerd" and case.has_unpublished_changes
    ):
        return False
    _no_admin_mails(user)
    current = case.current_workflow_state
    if current is not None and current.status == WorkflowState.STATUS_NEEDS_CHANGES:
        current.resume(user=user)
    elif current is None:
        case.get_workflow().start(case, user)
    else:
        return False
    return True


def _no_admin_mails(user):
    """Wagtail mails whoever submitted a workflow itself, with links into the admin. A member
    without admin access hears from the Leerhuis instead (tell_author, through the outbox),
    so Wagtail's own mails to them are switched off."""
    if user.has_perm("wagtailadmin.access_admin"):
        return
    UserProfile.objects.update_or_create(
        user=user, defaults={"approved_notifications": False, "rejected_notifications": False}
    )


def reject_finally(task_state, user, reason) -> bool:
    """Turn a case down for good: the workflow ends, the reason is in the task's history and
    the log, and the author hears it. The case stays, unpublished, for the author to read."""
    reason = (reason or "").strip()
    case = CasePage.objects.get(pk=task_state.workflow_state.object_id)
    ended = end_with_reason(
        task_state,
        user,
        reason,
        instance=case,
        action=REJECTED,
        status=TaskState.STATUS_REJECTED,
    )
    if not ended:
        return False
    tell_author(case, "afgewezen", reason, key=f"casus:{task_state.pk}:afgewezen")
    return True


SUBJECTS = {
    "gepubliceerd": gettext_lazy("Je praktijkcasus is gepubliceerd"),
    "wijzigingen": gettext_lazy("De redactie vraagt om wijzigingen in je praktijkcasus"),
    "afgewezen": gettext_lazy("Je praktijkcasus wordt niet gepubliceerd"),
}


def tell_author(case, decision, comment, *, key):
    owner = case.owner
    if owner is None or not owner.email:
        return
    context = {
        "case": case,
        "title": case.draft_title or case.title,
        "decision": decision,
        "comment": comment,
        "name": owner.get_short_name(),
        "mijn_url": settings.BASE_URL + reverse("mijn_leerhuis") + "#praktijkcasussen",
        "edit_url": settings.BASE_URL + reverse("casus_bewerken", args=[case.pk]),
        "case_url": case.full_url if decision == "gepubliceerd" else "",
    }
    subject = f"{SUBJECTS[decision]}: {context['title']}"
    outbox.queue(key, owner.email, subject, "knowledge/mail/casus_besluit", context)


def _case_of(workflow_state):
    page = Page.objects.filter(pk=workflow_state.object_id).first()
    page = page.specific if page else None
    return page if isinstance(page, CasePage) else None


def on_workflow_approved(sender, instance, user=None, **kwargs):
    case = _case_of(instance)
    if case is None:
        return
    last = instance.task_states.exclude(finished_at=None).order_by("-finished_at").first()
    comment = last.comment if last else ""
    tell_author(case, "gepubliceerd", comment, key=f"casus:{instance.pk}:gepubliceerd")


def on_workflow_rejected(sender, instance, user=None, **kwargs):
    case = _case_of(instance)
    if case is None:
        return
    task_state = instance.current_task_state
    tell_author(
        case,
        "wijzigingen",
        task_state.comment if task_state else "",
        key=f"casus:{task_state.pk if task_state else instance.pk}:wijzigingen",
    )


def connect():
    from wagtail.signals import page_published, workflow_approved, workflow_rejected

    page_published.connect(on_case_published, sender=CasePage, dispatch_uid="knowledge-case-pub")
    workflow_approved.connect(on_workflow_approved, dispatch_uid="knowledge-case-approved")
    workflow_rejected.connect(on_workflow_rejected, dispatch_uid="knowledge-case-rejected")


COLLECTION_NAME = "Praktijkcasussen"
# Where a member's upload waits until its case is published: only its uploader and staff
# may download it (leerhuis/knowledge/wagtail_hooks.py guards the document view).
PENDING_COLLECTION_NAME = "Praktijkcasussen (in behandeling)"


def _collection(name=COLLECTION_NAME):
    from wagtail.models import Collection

    found = Collection.objects.filter(name=name).first()
    return found or Collection.get_first_root_node().add_child(name=name)


def is_pending_upload(document) -> bool:
    return document.collection.name == PENDING_COLLECTION_NAME


def may_download_pending(user, document) -> bool:
    if not user.is_authenticated:
        return False
    return document.uploaded_by_user_id == user.pk or user.has_perm("wagtailadmin.access_admin")


def on_case_published(sender, instance, **kwargs):
    """A published case's document leaves the waiting room, readable by whoever may read
    the case."""
    document = instance.document
    if document is not None and is_pending_upload(document):
        document.collection = _collection()
        document.visibility = instance.visibility
        document.save(update_fields=["collection", "visibility"])


def attachment_fields(user, upload, title):
    """Store an accepted upload (case_forms checked it) as a Wagtail image or document in
    the collection of cases, and say which CasePage field points at it."""
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    kind, extension = upload.leerhuis_kind
    # Images are public files once stored (their renditions too, named after the original):
    # a random name keeps an unpublished case's image from being found by guessing.
    upload.name = f"{slugify(title)[:40] or 'casus'}-{secrets.token_hex(8)}.{extension}"
    if kind == "image":
        image = get_image_model()(
            title=title, file=upload, collection=_collection(), uploaded_by_user=user
        )
        image._set_image_file_metadata()
        image.save()
        return {"image": image, "document": None}
    document = get_document_model()(
        title=title,
        file=upload,
        collection=_collection(PENDING_COLLECTION_NAME),
        uploaded_by_user=user,
    )
    document._set_document_file_metadata()
    document.save()
    return {"image": None, "document": document, "image_alt": ""}
