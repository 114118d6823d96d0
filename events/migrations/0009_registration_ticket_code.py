"""Every place gets a ticket code; existing places get theirs here, one random code each
(a column default would give all rows the same one). The unique constraint follows in the
next migration: PostgreSQL refuses to alter a table with pending trigger events, as after
these updates in the same transaction."""

from django.db import migrations, models

import events.models.tickets


def fill_codes(apps, schema_editor):
    Registration = apps.get_model("events", "Registration")
    taken = set()
    for registration in Registration.objects.filter(ticket_code__isnull=True).only("pk"):
        code = events.models.tickets.new_ticket_code()
        while code in taken:
            code = events.models.tickets.new_ticket_code()
        taken.add(code)
        registration.ticket_code = code
        registration.save(update_fields=["ticket_code"])


class Migration(migrations.Migration):
    dependencies = [("events", "0008_place_invitation")]

    operations = [
        migrations.AddField(
            model_name="registration",
            name="ticket_code",
            field=models.CharField(
                editable=False, max_length=16, null=True, verbose_name="ticketcode"
            ),
        ),
        migrations.RunPython(fill_codes, migrations.RunPython.noop),
    ]
