from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StaffConfig(AppConfig):
    name = "leerhuis.staff"
    label = "staff"
    verbose_name = _("Medewerkers en rollen")

    def ready(self):
        from leerhuis.staff import signals

        signals.connect()
