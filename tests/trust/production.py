"""Settings values as production computes them, from a process of their own (importing
production.py here would change the test run's settings)."""

import ast

from tests.test_settings import PRODUCTION_ENV, run_django


def production_settings(*names):
    code = "from django.conf import settings as s; " + "; ".join(
        f"print(repr(s.{name}))" for name in names
    )
    result = run_django(code, PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    return dict(zip(names, map(ast.literal_eval, result.stdout.splitlines()), strict=True))
