"""Back-up and restore of the database and the uploaded files (`make backup`, `make restore`).

Why it is built this way:
- One folder per back-up, named by its UTC time, holding the database, one archive of the
  files and a manifest (JSON). The folder can be copied off the machine as it is, and the
  manifest tells what is in it without opening anything: when, which engine, which
  migrations, how many rows the tables that matter had, and a SHA-256 per file. A back-up is
  written under a hidden name and renamed when complete, so a half-written one never looks
  like a back-up (and is never restored or counted when old ones are pruned).
- SQLite through its online back-up API: a consistent copy while the site keeps writing
  (copying the file could catch half a transaction and misses the WAL), and restored the
  same way, page by page into the live file, so open connections see the restored database.
- PostgreSQL through `pg_dump --format=custom`, restored into an emptied schema in one
  transaction (leerhuis/core/backup_postgres.py): a restore that fails halfway leaves the
  database as it was.
- A restore checks all it can before it changes anything: the checksums, the engine, that
  the code knows every migration of the back-up (a back-up from newer code would leave
  tables this code cannot read), and that the tools are there.
- The files are MEDIA_ROOT (images) and the documents' private folder, which lives outside
  it on purpose (only /documenten/ serves documents, after its access check).
"""

import datetime
import hashlib
import json
import os
import shutil
import sqlite3
import tarfile
import tempfile
import tomllib
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.core.files.storage import storages
from django.core.management.base import CommandError
from django.db import connections
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

from .backup_postgres import pg_environment, pg_tool, restore_postgresql, run_tool

MANIFEST = "manifest.json"
FILES_ARCHIVE = "bestanden.tar.gz"
DATABASE_FILES = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}
PREFIX = "leerhuis-"
# Counted into the manifest and again after a restore: what an operator checks first.
KEY_TABLES = {
    "members.User": "accounts",
    "events.Registration": "aanmeldingen",
    "glossary.Concept": "begrippen",
    "wagtailcore.Page": "pagina's",
    "core.LeerhuisDocument": "documenten",
    "wagtailimages.Image": "afbeeldingen",
    "core.OutboxMessage": "mails in de outbox",
}


def default_dir():
    return Path(os.environ.get("BACKUP_DIR") or settings.BASE_DIR / "backups")


def file_roots():
    """{name in the archive: folder}: the public media and the private documents."""
    documents = getattr(storages["documents"], "location", None)
    return {
        "media": Path(settings.MEDIA_ROOT),
        "private-media": Path(documents or settings.PRIVATE_MEDIA_ROOT),
    }


def engine_of(connection):
    if connection.vendor in DATABASE_FILES:
        return connection.vendor
    raise CommandError(f"Back-up en herstel kennen SQLite en PostgreSQL, niet {connection.vendor}.")


def checksum(path):
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def applied_migrations(connection):
    return sorted(
        f"{app}.{name}" for app, name in MigrationRecorder(connection).applied_migrations()
    )


def table_counts():
    counts = {}
    for label in KEY_TABLES:
        try:
            model = apps.get_model(label)
        except LookupError:
            continue
        counts[label] = model._base_manager.count()
    return counts


def describe(counts):
    """ "aanmeldingen: 120, begrippen: 300, …" for the operator."""
    return ", ".join(f"{KEY_TABLES.get(label, label)}: {n}" for label, n in counts.items())


def app_version():
    try:
        with open(settings.BASE_DIR / "pyproject.toml", "rb") as stream:
            return tomllib.load(stream)["project"]["version"]
    except (OSError, KeyError, tomllib.TOMLDecodeError):
        return "onbekend"


# --- The database -------------------------------------------------------------------------


def dump_database(connection, target):
    if engine_of(connection) == "sqlite":
        source = sqlite3.connect(connection.settings_dict["NAME"], timeout=20)
        copy = sqlite3.connect(target)
        try:
            source.backup(copy)
            # A copy in rollback-journal mode is one self-contained file, also when read.
            copy.execute("PRAGMA journal_mode=DELETE")
        finally:
            copy.close()
            source.close()
        return
    run_tool(
        [pg_tool("pg_dump"), "--format=custom", "--no-owner", f"--file={target}"],
        pg_environment(connection.settings_dict),
        "pg_dump",
    )


def load_database(connection, source_path):
    connection.close()  # no Django connection holds a transaction or a cursor meanwhile
    if engine_of(connection) == "sqlite":
        source = sqlite3.connect(f"file:{source_path}?mode=ro", uri=True)
        live = sqlite3.connect(connection.settings_dict["NAME"], timeout=20)
        try:
            source.backup(live)
        finally:
            live.close()
            source.close()
        return
    restore_postgresql(connection.settings_dict, source_path)


# --- The files ------------------------------------------------------------------------------


def archive_files(target):
    with tarfile.open(target, "w:gz") as archive:
        for name, root in file_roots().items():
            if root.is_dir():
                archive.add(root, arcname=name)
            else:  # nothing uploaded yet: restoring this back-up leaves the folder empty
                entry = tarfile.TarInfo(name)
                entry.type, entry.mode = tarfile.DIRTYPE, 0o755
                archive.addfile(entry)


def unpack_files(source):
    """Each folder's content becomes the archive's; the folders themselves stay (they may
    be mount points)."""
    for name, root in file_roots().items():
        root.mkdir(parents=True, exist_ok=True)
        unpacked = Path(tempfile.mkdtemp(prefix=".herstel-", dir=root.parent))
        try:
            with tarfile.open(source, "r:gz") as archive:
                members = [m for m in archive.getmembers() if m.name.split("/")[0] == name]
                # "data": no absolute paths, no links or paths out of the folder.
                archive.extractall(unpacked, members=members, filter="data")
            for child in list(root.iterdir()):
                if child.is_dir() and not child.is_symlink():
                    shutil.rmtree(child)
                else:
                    child.unlink()
            if (unpacked / name).is_dir():
                for child in (unpacked / name).iterdir():
                    shutil.move(str(child), root / child.name)
        finally:
            shutil.rmtree(unpacked, ignore_errors=True)


# --- Back-up --------------------------------------------------------------------------------


def make_backup(directory, using="default"):
    """Write one back-up folder under `directory` and return its path."""
    connection = connections[using]
    engine = engine_of(connection)
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    created = timezone.now()
    name = PREFIX + created.strftime("%Y%m%d-%H%M%SZ")
    final = directory / name
    suffix = 1
    while final.exists():
        suffix += 1
        final = directory / f"{name}-{suffix}"
    partial = directory / f".bezig-{final.name}"
    # Personal data: readable by the site's own user only, whatever the umask.
    partial.mkdir(mode=0o700)
    partial.chmod(0o700)
    old_umask = os.umask(0o077)
    try:
        database_file = DATABASE_FILES[engine]
        dump_database(connection, partial / database_file)
        archive_files(partial / FILES_ARCHIVE)
        manifest = {
            "created_at": created.isoformat(),
            "engine": engine,
            "version": app_version(),
            "migrations": applied_migrations(connection),
            "counts": table_counts(),
            "files": {
                file: {"sha256": checksum(partial / file), "bytes": (partial / file).stat().st_size}
                for file in (database_file, FILES_ARCHIVE)
            },
        }
        (partial / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n")
        partial.rename(final)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    finally:
        os.umask(old_umask)
    return final


def backups_in(directory):
    """Complete back-ups in `directory`, oldest first."""
    directory = Path(directory)
    if not directory.is_dir():
        return []
    return sorted(
        path
        for path in directory.iterdir()
        if path.name.startswith(PREFIX) and (path / MANIFEST).is_file()
    )


def prune(directory, days):
    """Delete the back-ups made more than `days` ago (0 keeps all), never the newest: the
    privacy register promises that period (BACKUP_RETENTION_DAYS). Returns the deleted."""
    if days <= 0:
        return []
    limit = timezone.now() - datetime.timedelta(days=days)
    *older, newest = backups_in(directory) or [None]
    made = {path: read_manifest(path)[1]["created_at"] for path in older}
    old = [path for path in older if datetime.datetime.fromisoformat(made[path]) < limit]
    for path in old:
        shutil.rmtree(path)
    return old


# --- Restore ----------------------------------------------------------------------------------


def read_manifest(folder):
    folder = Path(folder)
    if folder.name == MANIFEST:
        folder = folder.parent
    if not (folder / MANIFEST).is_file():
        raise CommandError(f"Geen back-up gevonden in {folder}: {MANIFEST} ontbreekt.")
    try:
        manifest = json.loads((folder / MANIFEST).read_text())
        manifest["engine"], manifest["files"], manifest["migrations"]  # noqa: B018 - shape check
    except (ValueError, KeyError, TypeError) as error:
        raise CommandError(f"{folder / MANIFEST} is geen geldig manifest ({error}).") from error
    return folder, manifest


def verify(folder, manifest):
    """Every file of the manifest is there with its checksum: nothing else is trusted."""
    for file, facts in manifest["files"].items():
        path = folder / file
        if not path.is_file():
            raise CommandError(f"De back-up is onvolledig: {file} ontbreekt in {folder}.")
        if checksum(path) != facts.get("sha256"):
            raise CommandError(
                f"De back-up is beschadigd: de controlesom van {file} klopt niet. "
                "Er is niets hersteld; neem een andere back-up."
            )


def check_compatible(manifest, connection):
    engine = engine_of(connection)
    if manifest["engine"] != engine:
        raise CommandError(
            f"Deze back-up is van een {manifest['engine']}-database en deze site gebruikt "
            f"{engine}. Er is niets hersteld."
        )
    loader = MigrationLoader(None, ignore_no_migrations=True)
    known = {f"{app}.{name}" for app, name in loader.disk_migrations}
    unknown = sorted(set(manifest["migrations"]) - known)
    if unknown:
        listed = ", ".join(unknown[:5]) + (" …" if len(unknown) > 5 else "")
        raise CommandError(
            "Deze back-up is gemaakt met een nieuwere versie van het Leerhuis: de code kent "
            f"de migratie(s) {listed} niet. Werk eerst de code bij en herstel dan opnieuw. "
            "Er is niets hersteld."
        )


def restore_backup(folder, using="default", confirm=None):
    """Check the back-up, ask `confirm(folder, manifest)` (which raises to stop), then put
    its database and files back. Returns its manifest."""
    folder, manifest = read_manifest(folder)
    connection = connections[using]
    check_compatible(manifest, connection)
    verify(folder, manifest)
    if manifest["engine"] == "postgresql":
        # Missing tools stop us before anything changed.
        pg_tool("pg_restore")
        pg_tool("psql")
    if confirm:
        confirm(folder, manifest)
    load_database(connection, folder / DATABASE_FILES[manifest["engine"]])
    unpack_files(folder / FILES_ARCHIVE)
    # Cached pages, sessions and site lookups describe the database as it was before.
    for alias in settings.CACHES:
        caches[alias].clear()
    return manifest
