"""Local development: SQLite, local-memory cache, mail to the console. No variable needed."""

from .base import *  # noqa: F403
from .base import env, env_bool, env_list

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = env("SECRET_KEY", "dev-only-not-secret-5b1f0c7d2e9a4c6b8f3e1a2d4c6b8e0f")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])

# The demo editor may skip the MFA step, and only while DEBUG is on (see members.middleware).
LEERHUIS_ADMIN_MFA_EXEMPT = ["beheer@leerhuis.example"]

# Serve static files from the apps while developing and testing; no collectstatic needed.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
