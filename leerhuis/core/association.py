"""Who runs the Leerhuis: the association's name and the site's contact address, for
certificates (who declares the attendance), calendars (the ORGANIZER) and mails to the
organisation."""

from django.conf import settings

from leerhuis.core.models import SiteSettings

# A setting, so a renamed association needs no code change.
DEFAULT_ASSOCIATION = "Vereniging van gemeentelijke projectbureaus"


def association_name():
    return getattr(settings, "ASSOCIATION_NAME", DEFAULT_ASSOCIATION)


def contact_email():
    """The contact address in the default site's settings, in one query. Not
    SiteSettings.for_site(): that looks the site up first and creates a missing row."""
    email = (
        SiteSettings.objects.filter(site__is_default_site=True)
        .values_list("contact_email", flat=True)
        .first()
    )
    return email or SiteSettings._meta.get_field("contact_email").get_default()
