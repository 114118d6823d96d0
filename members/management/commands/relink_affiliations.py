from collections import Counter

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from members import affiliations
from members.models import Affiliation, AffiliationStatus


class Command(BaseCommand):
    help = (
        "Bepaalt voor alle accounts opnieuw bij welke organisatie ze horen, volgens de "
        "regels van members/affiliations.py. Nodig na een upgrade voor accounts van vóór de "
        "koppelingen; daarna gebeurt het vanzelf. Nog een keer draaien verandert niets."
    )

    def handle(self, *args, **options):
        before = {
            user_id: (status, organisation_id)
            for user_id, status, organisation_id in Affiliation.objects.values_list(
                "user_id", "status", "organisation_id"
            )
        }
        counts, changed = Counter(), 0
        for user in get_user_model().objects.order_by("pk").iterator(chunk_size=500):
            affiliation = affiliations.evaluate(user)
            counts[affiliation.status] += 1
            changed += before.get(user.pk) != (affiliation.status, affiliation.organisation_id)
        labels = dict(AffiliationStatus.choices)
        for status, count in counts.most_common():
            self.stdout.write(f"{labels[status]}: {count}")
        self.stdout.write(
            self.style.SUCCESS(f"{sum(counts.values())} accounts, {changed} gewijzigd.")
        )
