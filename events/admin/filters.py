"""Filters of the registrations report and the finance export."""

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.widgets import BooleanRadioSelect

from events.models import Registration, RegistrationStatus, Workshop


class RegistrationFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=RegistrationStatus.choices, empty_label=_("Alle")
    )
    lid = django_filters.BooleanFilter(
        label=_("Lid"), field_name="is_member", widget=BooleanRadioSelect
    )
    workshop = django_filters.ModelChoiceFilter(
        label=_("Workshop"), queryset=Workshop.objects.none(), empty_label=_("Alle")
    )
    aanwezig = django_filters.BooleanFilter(
        label=_("Aanwezig"), method="filter_present", widget=BooleanRadioSelect
    )

    class Meta:
        model = Registration
        fields = []

    def __init__(self, *args, event=None, **kwargs):
        super().__init__(*args, **kwargs)
        workshops = event.workshops.all() if event is not None else Workshop.objects.none()
        # A meeting without workshops has nothing to filter on.
        if event is None or not workshops.exists():
            del self.filters["workshop"]
        else:
            self.filters["workshop"].queryset = workshops

    def filter_present(self, queryset, name, value):
        if value is None:
            return queryset
        return queryset.filter(checked_in_at__isnull=not value)


class FinanceFilterSet(WagtailFilterSet):
    periode = django_filters.DateFromToRangeFilter(
        label=_("Datum van de activiteit"),
        field_name="event__start",
        widget=DateRangePickerWidget,
    )

    class Meta:
        model = Registration
        fields = []
