"""`make bench` from start to end: a fresh database, the data, gunicorn, the load from a
second process, the checks after it, the table and bench-results.json.

The runner imports no Django: every step that needs the site is a `manage.py` command in a
process of its own with the benchmark's settings, so gunicorn, the data and the load never
share state but the database and the cache.
"""

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from leerhuis.bench import results

ROOT = Path(__file__).resolve().parent.parent.parent
PYTHON = sys.executable
# Per target: (seconds measured, seconds of warm-up) for each scale.
DURATIONS = {"quick": (3, 0.5), "default": (8, 2)}
CEILING = "/bench/plafond/"


STARTED = time.monotonic()


def step(message):
    print(f"== [{time.monotonic() - STARTED:5.0f} s] {message}", flush=True)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def manage(env, *args, capture=False):
    command = [PYTHON, str(ROOT / "manage.py"), *args]
    if capture:
        return subprocess.run(command, env=env, check=True, capture_output=True, text=True).stdout
    subprocess.run(command, env=env, check=True)
    return None


def fresh_postgres_database(url, name):
    """Drop and create the benchmark's own database beside the one DATABASE_URL names."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def database_label(env):
    url = env.get("DATABASE_URL")
    if not url:
        return "sqlite"
    parts = urlsplit(url)
    safe = parts._replace(netloc=parts.hostname + (f":{parts.port}" if parts.port else ""))
    return urlunsplit(safe._replace(path="/" + env["BENCH_DATABASE_NAME"]))


def start_gunicorn(env, port):
    workers = env.get("GUNICORN_WORKERS") or "2"
    command = [PYTHON, "-m", "gunicorn", "leerhuis.wsgi:application"]
    config = ROOT / "gunicorn.conf.py"
    if config.exists():
        command += ["--config", str(config)]
    command += ["--workers", workers, "--bind", f"127.0.0.1:{port}", "--log-level", "warning"]
    if env.get("GUNICORN_WORKER_CLASS"):
        command += ["--worker-class", env["GUNICORN_WORKER_CLASS"]]
    # A process group of its own: stopping it stops every worker.
    return subprocess.Popen(command, env=env, cwd=ROOT, start_new_session=True)


def wait_until_up(base, server, timeout=90):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError("gunicorn stopte bij het opstarten.")
        try:
            with urllib.request.urlopen(base + CEILING, timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"gunicorn antwoordde niet binnen {timeout} s.")


def worker_pids(master):
    try:
        children = Path(f"/proc/{master}/task/{master}/children").read_text()
    except OSError:
        return []
    return [int(pid) for pid in children.split()]


def peak_memory_mb(pid):
    """VmHWM, the peak resident memory of a process, in MB; None where /proc lacks it."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def stop(server):
    if server.poll() is not None:
        return
    try:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait()
    except ProcessLookupError:
        pass


def environment(folder, port):
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="leerhuis.settings.bench",
        LEERHUIS_BENCH_DIR=str(folder),
        LEERHUIS_BENCH_RUN=secrets.token_hex(4),
        LEERHUIS_ALLOW_DEMO="1",
        BASE_URL=f"http://127.0.0.1:{port}",
        PYTHONPATH=str(ROOT),
    )
    env.setdefault("BENCH_DATABASE_NAME", "leerhuis_bench")
    return env


def prepare(env, scale):
    """Database, data, static files and the plan; returns the plan's path."""
    folder = Path(env["LEERHUIS_BENCH_DIR"])
    step("statische bestanden (collectstatic, naast de database)")
    collect = subprocess.Popen(
        [PYTHON, str(ROOT / "manage.py"), "collectstatic", "--noinput", "-v", "0"], env=env
    )
    if env.get("DATABASE_URL"):
        fresh_postgres_database(env["DATABASE_URL"], env["BENCH_DATABASE_NAME"])
    step(f"database {database_label(env)}, demo-inhoud, meetdata (schaal {scale}), meetplan")
    plan_path = folder / "plan.json"
    manage(env, "bench_prepare", "--scale", scale, "--plan", str(plan_path))
    if collect.wait() != 0:
        raise RuntimeError("collectstatic faalde.")
    return plan_path


def load(env, plan_path, base, scale):
    seconds, warm_up = DURATIONS.get(scale, DURATIONS["default"])
    plan = json.loads(plan_path.read_text())
    plan["base"] = base
    plan["load"] = {
        "users": int(env.get("BENCH_USERS") or 8),
        "seconds": float(env.get("BENCH_SECONDS") or seconds),
        "warm_up": warm_up,
    }
    plan_path.write_text(json.dumps(plan))
    measured_path = plan_path.with_name("measured.json")
    step(f"belasting met locust: {plan['load']['users']} gebruikers, {seconds} s per doel")
    subprocess.run(
        [PYTHON, "-m", "leerhuis.bench.load", str(plan_path), str(measured_path)],
        env=env,
        check=True,
    )
    return plan, json.loads(measured_path.read_text())


def stop_on_sigterm():
    """`timeout` in CI ends the run with SIGTERM: leave through the finally that stops
    gunicorn (its own session, so the signal does not reach it)."""
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))


def measure(env, scale, base):
    """Prepare, serve, load; gunicorn stops whatever happens. The plan, the measurements and
    the peak memory of each worker."""
    server = None
    try:
        plan_path = prepare(env, scale)
        step(f"gunicorn op {base}")
        server = start_gunicorn(env, port=int(base.rsplit(":", 1)[1]))
        wait_until_up(base, server)
        plan, measured = load(env, plan_path, base, scale)
        memory = {str(pid): peak_memory_mb(pid) for pid in worker_pids(server.pid)}
    finally:
        if server is not None:
            stop(server)
    return plan, measured, {pid: round(mb, 1) for pid, mb in memory.items() if mb is not None}


def run(scale="default", output=None):
    started = time.monotonic()
    stop_on_sigterm()
    folder = Path(tempfile.mkdtemp(prefix="leerhuis-bench-"))
    port = free_port()
    env = environment(folder, port)
    try:
        plan, measured, memory = measure(env, scale, f"http://127.0.0.1:{port}")
        step("controle van de aanmeldpiek en het koppelen van begrippen")
        event = str(plan["burst"]["event_id"])
        checked = json.loads(manage(env, "bench_check", "--event", event, capture=True))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    wall = round(time.monotonic() - started, 1)
    document = results.result(
        measured,
        checked["burst"],
        checked["linking_ms"],
        memory,
        scale=scale,
        database=database_label(env),
        cache="redis" if env.get("REDIS_URL") else "database",
        wall_seconds=wall,
    )
    results.write(document, output or ROOT / "bench-results.json")
    print()
    print(results.table(document))
    print(f"\nKlaar in {wall:.0f} s (schaal {scale}); resultaat in bench-results.json.")
    return results.exit_status(document)
