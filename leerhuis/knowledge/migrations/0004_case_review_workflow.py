"""The workflow "Praktijkcasussen beoordelen": one review by the Moderators.

CasePage.get_workflow() names it, so it applies to every case wherever the page tree
assigns other workflows. create_case_workflow() is also what tests call after a flush.
"""

from django.db import migrations

WORKFLOW_NAME = "Praktijkcasussen beoordelen"
TASK_NAME = "Beoordeling van de casus door de redactie"
GROUP_NAME = "Moderators"


def create_case_workflow(apps, schema_editor=None):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    CaseReviewTask = apps.get_model("knowledge", "CaseReviewTask")

    task_type, _ = ContentType.objects.get_or_create(app_label="knowledge", model="casereviewtask")
    moderators, _ = Group.objects.get_or_create(name=GROUP_NAME)
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    task = CaseReviewTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = CaseReviewTask.objects.create(name=TASK_NAME, content_type=task_type, active=True)
    task.groups.add(moderators)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})


def remove_case_workflow(apps, schema_editor):
    apps.get_model("wagtailcore", "Workflow").objects.filter(name=WORKFLOW_NAME).delete()
    apps.get_model("knowledge", "CaseReviewTask").objects.filter(name=TASK_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("knowledge", "0003_casepage"),
        ("wagtailcore", "0098_apitoken"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_case_workflow, remove_case_workflow)]
