"""Cells of the registrations report that hold forms (check-in, a place, cancelling)."""

from django.middleware.csrf import get_token
from wagtail.admin.ui.tables import Column, StatusTagColumn

from .links import url


class LabelledColumn(Column):
    """A cell that carries its column's name: on a phone the rows of the registrations report
    become cards, and each value shows its label beside it (static/css/aanmeldingen-beheer.css)."""

    cell_template_name = "events/admin/cell.html"


class LabelledStatusTagColumn(StatusTagColumn):
    cell_template_name = "events/admin/status_cell.html"


class RegistrationCellColumn(Column):
    """A cell with forms (check-in, promote, cancel), posted back to this report."""

    def __init__(self, name, *, view, **kwargs):
        super().__init__(name, **kwargs)
        self.view = view

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        request = parent_context["request"]
        # Cells render without the request's context processors: the token comes along here.
        context["csrf_token"] = get_token(request)
        context["may_manage"] = self.view.may_manage
        context["has_room"] = self.view.has_room
        context["is_over"] = self.view.is_over
        context["check_in_block"] = self.view.check_in_block
        context["next"] = self.view.return_url
        context["urls"] = {
            name: url(name, self.view.event.pk, instance.pk)
            for name in ("check_in", "promote", "cancel")
        }
        return context


class PersonColumn(Column):
    """Name with the e-mail address below it: one column less to scroll past."""

    cell_template_name = "events/admin/person_cell.html"


class PresenceColumn(RegistrationCellColumn):
    cell_template_name = "events/admin/presence_cell.html"


class ActionsColumn(RegistrationCellColumn):
    cell_template_name = "events/admin/actions_cell.html"


class CheckInLinkColumn(Column):
    """'Inchecken' beside a meeting from its day on, for organisers who may check in."""

    cell_template_name = "events/admin/checkin_link_cell.html"

    def __init__(self, name, *, may_manage, **kwargs):
        super().__init__(name, **kwargs)
        self.may_manage = may_manage

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        open_now = self.may_manage and not instance.check_in_block()
        context["checkin_url"] = url("checkin", instance.pk) if open_now else ""
        return context
