from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MembersConfig(AppConfig):
    name = "members"
    verbose_name = _("Leden")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from members import security_log, signals

        signals.connect()
        security_log.connect()
