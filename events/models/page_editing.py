"""The meeting's page editor: what the admin form asks beyond the model's own rules, and
the panels of the study load. Kept apart from the page model (events/models/pages.py) so
each stays readable; the rules here are for the editor at the form, not for every save."""

from django.utils import timezone
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from modelcluster.forms import BaseChildFormSet
from wagtail.admin.panels import FieldPanel, InlinePanel

from events.development.formatting import hours_text
from leerhuis.core.models import BasePageForm


def spans_several_days(start, end):
    """Begins and ends on different calendar days, in Amsterdam."""
    amsterdam = timezone.get_default_timezone()
    return bool(start and end) and (
        timezone.localdate(start, amsterdam) != timezone.localdate(end, amsterdam)
    )


class EventPageForm(BasePageForm):
    def clean(self):
        cleaned_data = super().clean()
        # The default counts the programme of one day; over several days it can only guess,
        # and a statement of hours should not rest on a guess. Asked here, of the editor who
        # can answer, rather than in EventPage.clean(): Wagtail cleans on every save, and a
        # meeting saved before this rule, or by code, must still save.
        missing = cleaned_data.get("study_hours") is None and "study_hours" not in self.errors
        if missing and spans_several_days(cleaned_data.get("start"), cleaned_data.get("end")):
            self.add_error(
                "study_hours",
                _(
                    "Deze activiteit duurt meer dan één dag. Vul in hoeveel studie-uren "
                    "deelname oplevert: dat kan de site niet uit het programma afleiden."
                ),
            )
        self._check_capacity(cleaned_data.get("capacity"))
        return cleaned_data

    def _check_capacity(self, capacity):
        """Fewer places than people already confirmed would promise places that are gone.
        Empty (no maximum) and 0 (sign-up closed; who has a place keeps it) mean otherwise.
        An organiser who gives a place by hand may go over the capacity, so this asks the
        editor at the form, never the model on every save."""
        if not capacity or self.instance.pk is None or "capacity" in self.errors:
            return
        from .registrations import Registration

        confirmed = Registration.objects.confirmed().filter(event_id=self.instance.pk).count()
        if capacity < confirmed:
            self.add_error(
                "capacity",
                ngettext(
                    "Er is al %(count)s bevestigde aanmelding: kies minstens %(count)s "
                    "plaats, of zet het op 0 om het aanmelden te sluiten.",
                    "Er zijn al %(count)s bevestigde aanmeldingen: kies minstens %(count)s "
                    "plaatsen, of zet het op 0 om het aanmelden te sluiten.",
                    confirmed,
                )
                % {"count": confirmed},
            )


class StudyHoursPanel(FieldPanel):
    """The study hours field, its help text saying what an empty field counts for this
    meeting now, so the editor sees the default before deciding to override it."""

    class BoundPanel(FieldPanel.BoundPanel):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            page = self.instance
            if self.bound_field is None or not (page.pk and page.start and page.end):
                return
            if spans_several_days(page.start, page.end):
                now = gettext("Deze activiteit duurt meer dan één dag: vul de uren zelf in.")
            else:
                now = gettext("Voor deze activiteit nu: %(hours)s.") % {
                    "hours": hours_text(page.study_hours_default())
                }
            rounding = gettext("Uren tellen per kwartier (0,25).")
            self.help_text = f"{self.help_text} {now} {rounding}"


class AccreditationFormSet(BaseChildFormSet):
    """The same scheme twice on one meeting: a sentence an editor understands, instead of
    Django's message naming the fields of the constraint ("page en scheme")."""

    def get_unique_error_message(self, unique_check):
        return gettext("Elke regeling mag maar één keer bij een activiteit staan.")

    def get_form_error(self):
        return gettext("Deze regeling staat er al bij; zet de punten in één regel.")


class AccreditationsPanel(InlinePanel):
    def get_form_options(self):
        options = super().get_form_options()
        options["formsets"][self.relation_name]["formset"] = AccreditationFormSet
        return options


def without_deleted_schemes(content):
    """A revision's accreditations minus those in a scheme deleted since: a draft or an old
    revision may name one (the scheme's guard sees only what is published), and modelcluster
    cannot build the page around a missing PROTECT target, so the editor would meet an
    error page instead of the draft."""
    accreditations = content.get("accreditations") or []
    named = {item.get("scheme") for item in accreditations}
    if not named:
        return content
    from .development import AccreditationScheme

    existing = set(AccreditationScheme.objects.filter(pk__in=named).values_list("pk", flat=True))
    if named <= existing:
        return content
    kept = [item for item in accreditations if item.get("scheme") in existing]
    return {**content, "accreditations": kept}
