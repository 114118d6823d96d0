from django.db import models
from django.utils.translation import gettext_lazy as _

from members.models import Province


class EventType(models.TextChoices):
    BIJEENKOMST = "bijeenkomst", _("bijeenkomst")
    WORKSHOP = "workshop", _("workshop")
    WEBINAR = "webinar", _("webinar")
    LEERGANG = "leergang", _("leergang")
    NETWERKDAG = "netwerkdag", _("netwerkdag")


class Form(models.TextChoices):
    """Vorm: where people take part."""

    OP_LOCATIE = "op-locatie", _("op locatie")
    ONLINE = "online", _("online")
    HYBRIDE = "hybride", _("hybride")


class EventStatus(models.TextChoices):
    GEPLAND = "gepland", _("gepland")
    GEANNULEERD = "geannuleerd", _("geannuleerd")
    VERPLAATST = "verplaatst", _("verplaatst")


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("aangemeld")
    WAITLISTED = "waitlisted", _("op de wachtlijst")
    CANCELLED = "cancelled", _("afgemeld")


LANDELIJK = "landelijk"
# Regio: a province, or the whole country.
REGION_CHOICES = [(LANDELIJK, _("landelijk")), *Province.choices]
