"""PostgreSQL's own tools for leerhuis/core/backup.py: found on PATH or in Debian's folders,
given the connection through libpq's variables, and the restore as one transaction."""

import glob
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from django.core.management.base import CommandError


def pg_tool(name):
    """The newest pg_dump, pg_restore or psql on PATH or in Debian's /usr/lib/postgresql/*/bin."""
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(
        glob.glob(f"/usr/lib/postgresql/*/bin/{name}"),
        key=lambda path: int(Path(path).parts[-3]) if Path(path).parts[-3].isdigit() else 0,
    )
    if candidates:
        return candidates[-1]
    raise CommandError(
        f"{name} is niet gevonden (niet op PATH, niet in /usr/lib/postgresql/*/bin). "
        "Installeer de PostgreSQL-clientprogramma's (Debian/Ubuntu: apt-get install "
        "postgresql-client) in dezelfde of een nieuwere versie dan de server."
    )


def pg_environment(settings_dict):
    """Connection details for the tools through libpq's variables: no password on a
    command line, where `ps` would show it."""
    env = dict(os.environ)
    for variable, key in [
        ("PGHOST", "HOST"),
        ("PGPORT", "PORT"),
        ("PGUSER", "USER"),
        ("PGPASSWORD", "PASSWORD"),
        ("PGDATABASE", "NAME"),
    ]:
        if settings_dict.get(key):
            env[variable] = str(settings_dict[key])
    if settings_dict.get("OPTIONS", {}).get("sslmode"):
        env["PGSSLMODE"] = settings_dict["OPTIONS"]["sslmode"]
    return env


def run_tool(command, env, what, stdin=None):
    # An argument list of our own (no shell); the tool's path comes from pg_tool().
    result = subprocess.run(  # noqa: S603
        command, env=env, stdin=stdin, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise CommandError(f"{what} is mislukt:\n{result.stderr.strip()}")


def restore_postgresql(settings_dict, source_path):
    """The dump replaces the whole schema, in one transaction.

    `pg_restore --clean` would drop only the tables the dump holds: a table of a migration
    newer than the back-up stays, and one that points at a restored table stops the restore.
    So the script empties the schema first, and psql runs it all as one transaction: a
    failure leaves the database as it was. `restore` migrates afterwards."""
    env = pg_environment(settings_dict)
    with tempfile.TemporaryFile() as script, tempfile.TemporaryFile() as errors:
        script.write(b"DROP SCHEMA IF EXISTS public CASCADE;\nCREATE SCHEMA public;\n")
        script.flush()
        # An argument list of our own (no shell); the tools' paths come from pg_tool().
        made = subprocess.run(  # noqa: S603
            [pg_tool("pg_restore"), "--no-owner", "--no-privileges", "--file=-", source_path],
            env=env,
            stdout=script,
            stderr=errors,
            check=False,
        )
        if made.returncode != 0:
            errors.seek(0)
            raise CommandError(f"pg_restore is mislukt:\n{errors.read().decode().strip()}")
        script.seek(0)
        run_tool(
            [
                pg_tool("psql"),
                "--no-psqlrc",
                "--quiet",
                "--single-transaction",
                "--set=ON_ERROR_STOP=1",
                f"--dbname={settings_dict['NAME']}",
            ],
            env,
            "psql (herstel)",
            stdin=script,
        )
