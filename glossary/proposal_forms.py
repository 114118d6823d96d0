"""The forms members propose with on the site: a new begrip, or a change to one.

They check what a member can know while typing (a term that exists already points to that
begrip; the term's own rules come from the model, Concept.term_problems); the
begrippenkader's full rules run again when an editor accepts the proposal.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from glossary import labels as label_tools
from glossary.models import Concept

REASON_HELP = _("Waarom is dit nodig? Waar kom je het begrip tegen? Dat helpt de redactie.")


def _text(label, help_text="", required=True, max_length=2000, rows=4):
    return forms.CharField(
        label=label,
        help_text=help_text,
        required=required,
        max_length=max_length,
        widget=forms.Textarea(attrs={"rows": rows}),
    )


class NewConceptProposalForm(forms.Form):
    pref_label = forms.CharField(
        label=_("Term"),
        max_length=150,
        help_text=_("Zoals je hem schrijft, bijv. 'opgave-sturing'."),
    )
    definition = _text(_("Definitie"), _("Wat het begrip betekent, in één of twee zinnen."))
    explanation = _text(
        _("Uitleg in gewone taal"),
        _("Voor wie het vak niet kent: zonder vaktermen, in korte zinnen."),
        required=False,
    )
    reason = _text(_("Toelichting op je voorstel"), REASON_HELP)

    # The begrip that already has the term, for a link beside the error.
    existing = None

    def clean_pref_label(self):
        term = " ".join(self.cleaned_data["pref_label"].split())
        key = label_tools.label_key(term)
        if not key:
            raise forms.ValidationError(_("Geef een term met letters."))
        # The model's own rules for a term, so an editor never meets them on accepting.
        if problems := Concept.term_problems(term):
            raise forms.ValidationError(problems)
        found = Concept.objects.filter(label_keys__contains="\n" + key + "\n").first()
        if found is not None and not found.live:
            # A draft's name is the editors' business until it is published.
            raise forms.ValidationError(
                _("Dit begrip ligt al bij de redactie: het is voorgesteld of in bewerking.")
            )
        if found is not None:
            self.existing = found
            raise forms.ValidationError(
                _(
                    "'%(term)s' staat al in het begrippenkader, bij het begrip '%(other)s'. "
                    "Stel daar een wijziging voor."
                )
                % {"term": term, "other": found.pref_label}
            )
        return term


class ChangeProposalForm(forms.Form):
    definition = _text(_("Voorgestelde definitie"), required=False)
    explanation = _text(_("Voorgestelde uitleg in gewone taal"), required=False)
    alt_labels = _text(
        _("Andere termen"),
        _("Eén per regel: andere woorden of schrijfwijzen voor hetzelfde begrip."),
        required=False,
        max_length=1000,
        rows=3,
    )
    reason = _text(_("Toelichting op je voorstel"), REASON_HELP)

    def __init__(self, *args, concept, **kwargs):
        self.concept = concept
        kwargs.setdefault(
            "initial",
            {
                "definition": concept.definition,
                "explanation": concept.explanation,
                "alt_labels": concept.alt_labels,
            },
        )
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned = super().clean()
        changed = [
            field
            for field in ("definition", "explanation", "alt_labels")
            if field in cleaned
            and _normal(cleaned[field]) != _normal(getattr(self.concept, field))
            and cleaned[field].strip()
        ]
        if not self.errors and not changed:
            raise forms.ValidationError(
                _("Je voorstel verandert nog niets. Pas de definitie, de uitleg of de termen aan.")
            )
        # Only what changes travels with the proposal.
        for field in ("definition", "explanation", "alt_labels"):
            if field not in changed:
                cleaned[field] = ""
        return cleaned


def _normal(text):
    return " ".join((text or "").split())
