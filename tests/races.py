"""Race tests: run callables at the same moment, each in its own thread and connection."""

import threading

from django.db import connection, connections


def run_together(targets, timeout=60):
    """Run each callable in its own thread and connection, all released at once."""
    barrier = threading.Barrier(len(targets))
    errors, results = [], []

    def worker(target):
        try:
            with connection.cursor() as cursor:
                cursor.execute("SET statement_timeout = 20000")
            barrier.wait(timeout=20)
            results.append(target())
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(t,)) for t in targets]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=timeout)
    assert not any(t.is_alive() for t in threads), "a thread hung"
    return results, errors
