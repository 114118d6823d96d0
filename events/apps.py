from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Activiteiten")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from events import signals

        signals.connect()
        from events import dashboard  # noqa: F401 (registers the Mijn Leerhuis hooks)
        from events.development import dashboard as development  # noqa: F401 (Mijn ontwikkeling)
        from events.development import privacy  # noqa: F401 (the record's export and deletion)
