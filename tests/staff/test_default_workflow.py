"""Wagtail's own page workflow speaks Dutch and goes to Redactie (staff 0002)."""

import importlib

import pytest
from django.apps import apps as django_apps
from django.contrib.auth.models import Group
from wagtail.models import GroupApprovalTask, Page, Workflow, WorkflowTask

from tests.events.helpers.page_editor import edit_url
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db

migration = importlib.import_module("leerhuis.staff.migrations.0002_dutch_default_workflow")


@pytest.fixture
def default_workflow():
    """The workflow as Wagtail's migration makes it, its group already folded into
    Moderatie by the roles (staff 0001); a live-server test may have flushed the original."""
    Workflow.objects.filter(name__in=[migration.FORMER, migration.NAME]).delete()
    GroupApprovalTask.objects.filter(name__in=[migration.FORMER, migration.NAME]).delete()
    workflow = Workflow.objects.create(name=migration.FORMER)
    task = GroupApprovalTask.objects.create(name=migration.FORMER)
    task.groups.set([Group.objects.get(name="Moderatie")])
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    workflow.workflow_pages.create(page=Page.get_first_root_node())
    migration.dutch_default_workflow(django_apps)
    return Workflow.objects.get(pk=workflow.pk), GroupApprovalTask.objects.get(pk=task.pk)


def test_the_default_workflow_is_dutch_and_goes_to_the_redactie(
    default_workflow, admin_client_with_mfa, home_page
):
    workflow, task = default_workflow
    assert (workflow.name, task.name) == (migration.NAME, migration.NAME)
    assert [group.name for group in task.groups.all()] == ["Redactie"]

    response = admin_client_with_mfa.get(edit_url(StandardPageFactory(parent=home_page)))
    assert response.status_code == 200, response
    html = response.content.decode()
    assert migration.NAME in html
    assert migration.FORMER not in html
