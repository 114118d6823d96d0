"""Wagtail's own workflow "Moderators approval" (on every page from the root) gets a Dutch
name the editor's menu can say ("Ter goedkeuring naar Akkoord van de redactie"), and its
task goes to Redactie: pages are content, not moderation. Going back leaves them so."""

from django.db import migrations

FORMER = "Moderators approval"
NAME = "Akkoord van de redactie"


def dutch_default_workflow(apps, schema_editor=None):
    Workflow = apps.get_model("wagtailcore", "Workflow")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Group = apps.get_model("auth", "Group")
    Workflow.objects.filter(name=FORMER).update(name=NAME)
    redactie = Group.objects.filter(name="Redactie")
    for task in GroupApprovalTask.objects.filter(name=FORMER):
        task.name = NAME
        task.save(update_fields=["name"])
        if redactie.exists():
            task.groups.set(redactie)


class Migration(migrations.Migration):
    dependencies = [("staff", "0001_roles")]

    operations = [migrations.RunPython(dutch_default_workflow, migrations.RunPython.noop)]
