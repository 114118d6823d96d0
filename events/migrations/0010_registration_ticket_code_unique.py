"""The ticket codes filled in by 0009 are unique, and new places draw their own."""

from django.db import migrations, models

import events.models.tickets


class Migration(migrations.Migration):
    dependencies = [("events", "0009_registration_ticket_code")]

    operations = [
        migrations.AlterField(
            model_name="registration",
            name="ticket_code",
            field=models.CharField(
                default=events.models.tickets.new_ticket_code,
                editable=False,
                max_length=16,
                unique=True,
                verbose_name="ticketcode",
            ),
        ),
    ]
