"""What an editor posts from the begrip's edit form in the admin."""

from wagtail.test.utils.form_data import inline_formset, nested_form_data

from glossary.models import Concept


def edit_url(concept):
    return f"/admin/snippets/glossary/concept/edit/{concept.pk}/"


def add_url():
    return "/admin/snippets/glossary/concept/add/"


def concept_form(concept=None, action=None, **changes):
    """The form as the editor sees it for the latest version of `concept`, with `changes`,
    sent with the button `action` ("publish", "submit", …; None saves a draft)."""
    draft = concept.get_latest_revision_as_object() if concept else Concept()
    fields = {
        "pref_label": draft.pref_label,
        "definition": draft.definition,
        "explanation": draft.explanation,
        "scope_note": draft.scope_note,
        "examples": draft.examples,
        "alt_labels": draft.alt_labels,
        "hidden_labels": draft.hidden_labels,
        "status": draft.status,
        "replaced_by": draft.replaced_by_id or "",
        "slug": draft.slug,
        "sources": inline_formset([]),
        **changes,
    }
    data = nested_form_data(fields)
    if action:
        data[f"action-{action}"] = "on"
    return data
