"""The roles again, now that people, organisations and themes can be published and locked
(members 0005, core 0010 made those permissions and gave them to the former groups' names;
apply folds any group those made again into its role)."""

from django.db import migrations

from leerhuis.staff.setup import apply


class Migration(migrations.Migration):
    dependencies = [
        ("staff", "0002_dutch_default_workflow"),
        ("members", "0005_history_of_people_and_organisations"),
        ("core", "0010_history_of_themes"),
    ]

    operations = [migrations.RunPython(apply, migrations.RunPython.noop)]
