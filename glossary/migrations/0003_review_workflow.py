"""The workflow "Begrippen vaststellen": one review by the Moderators, for every begrip.

create_review_workflow() is also what tests call after a database flush.
"""

from django.db import migrations

WORKFLOW_NAME = "Begrippen vaststellen"
TASK_NAME = "Beoordeling door de redactie"
GROUP_NAME = "Moderators"


def create_review_workflow(apps, schema_editor=None):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    ReviewTask = apps.get_model("glossary", "ReviewTask")

    task_type, _ = ContentType.objects.get_or_create(app_label="glossary", model="reviewtask")
    concept_type, _ = ContentType.objects.get_or_create(app_label="glossary", model="concept")
    moderators, _ = Group.objects.get_or_create(name=GROUP_NAME)
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    task = ReviewTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = ReviewTask.objects.create(name=TASK_NAME, content_type=task_type, active=True)
    task.groups.add(moderators)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowContentType.objects.update_or_create(
        content_type=concept_type, defaults={"workflow": workflow}
    )


def remove_review_workflow(apps, schema_editor):
    apps.get_model("wagtailcore", "Workflow").objects.filter(name=WORKFLOW_NAME).delete()
    apps.get_model("glossary", "ReviewTask").objects.filter(name=TASK_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("glossary", "0002_proposals_review"),
        ("wagtailcore", "0098_apitoken"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_review_workflow, remove_review_workflow)]
