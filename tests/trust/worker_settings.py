"""Settings for a sender started as its own process by a test: the test's database (passed
as JSON in LEERHUIS_WORKER_DATABASE), the slow mail server, and tasks in the database as
in production."""

import json
import os

from leerhuis.settings.test import *  # noqa: F403

DATABASES = {"default": json.loads(os.environ["LEERHUIS_WORKER_DATABASE"])}
# The outbox sends through EMAIL_BACKEND now; OUTBOX_EMAIL_BACKEND once all mail of the site
# goes through the outbox. Both point at the slow server, so either way it is the one used.
EMAIL_BACKEND = OUTBOX_EMAIL_BACKEND = "tests.trust.slow_mail.SlowFileBackend"
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
