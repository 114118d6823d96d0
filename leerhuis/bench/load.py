"""The load generator: a process of its own (`python -m leerhuis.bench.load PLAN RESULT`),
driving locust as a library. Imports nothing of Django; importing locust patches the
process for gevent.

Each target: one request that reads X-Bench-Queries, a warm-up, then a fixed number of
users without pause for a fixed time; a response other than the expected status is an
error. The burst: every member connects first, waits at a barrier, and all post the sign-up
form at once, without following the redirect.
"""

import json
import logging
import sys
import time

import gevent
from gevent.event import Event
from locust import FastHttpUser, constant, events, task
from locust.env import Environment
from locust.exception import StopUser

EXPECTED = {"feed_304": 304}
# Locust warns about a spawn rate above 100; the burst spawns 200 at once on purpose.
logging.getLogger("locust.runners").setLevel(logging.ERROR)
QUERIES_HEADER = "X-Bench-Queries"


def cookie_header(plan, session=None, csrf=None):
    parts = []
    if session:
        parts.append(f"{plan['session_cookie']}={session}")
    if csrf:
        parts.append(f"{plan['csrf_cookie']}={csrf}")
    return "; ".join(parts)


def run_users(user_class, users, seconds, warm_up):
    """Run `users` of `user_class` for warm_up + seconds; the stats of the last `seconds`."""
    environment = Environment(user_classes=[user_class], events=events)
    runner = environment.create_local_runner()
    runner.start(users, spawn_rate=users)
    gevent.sleep(warm_up)
    environment.stats.reset_all()
    started = time.perf_counter()
    gevent.sleep(seconds)
    total = environment.stats.total
    requests, failures = total.num_requests, total.num_failures
    elapsed = time.perf_counter() - started
    p50, p95 = total.get_response_time_percentile(0.5), total.get_response_time_percentile(0.95)
    runner.quit()
    return {
        "rps": requests / elapsed,
        "p50_ms": p50 or 0,
        "p95_ms": p95 or 0,
        "errors": failures,
        "requests": requests,
    }


def first_response(base, target, headers):
    """One request of the target as the load makes it: its query count, and for a
    conditional GET the ETag to send."""
    import urllib.request

    # Accepting gzip as locust does: the page cache keeps the gzipped feed apart, and the
    # load must find the entry this request stored.
    accepts = {"Accept-Encoding": "gzip, deflate, br", **headers}
    request = urllib.request.Request(base + target["path"], headers=accepts)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.headers
    except urllib.error.HTTPError as error:
        return error.headers


def measure(plan, base, target, users, seconds, warm_up):
    cookies = [cookie_header(plan, session) for session in target["sessions"]] or [""]
    headers = {"Cookie": cookies[0]} if cookies[0] else {}
    answered = first_response(base, target, headers)
    if target["kind"] == "feed_304":
        headers["If-None-Match"] = answered.get("ETag", "")
        answered = first_response(base, target, headers)
    queries = answered.get(QUERIES_HEADER)
    expected = EXPECTED.get(target["kind"], 200)
    given = iter(range(10**9))

    class Visitor(FastHttpUser):
        host = base
        wait_time = constant(0)

        def on_start(self):
            own = cookies[next(given) % len(cookies)]
            self.headers = {**headers, **({"Cookie": own} if own else {})}

        @task
        def visit(self):
            with self.client.get(
                target["path"],
                headers=self.headers,
                allow_redirects=False,
                catch_response=True,
                name=target["name"],
            ) as response:
                if response.status_code != expected:
                    response.failure(f"status {response.status_code}")
                else:
                    response.success()

    result = run_users(Visitor, users, seconds, warm_up)
    result["queries"] = int(queries) if queries is not None else None
    return result


def burst(plan, base):
    """All members post the sign-up form at the same moment; p50/p95 over their posts."""
    members = plan["burst"]["members"]
    path = plan["burst"]["path"]
    arrived, began, go = [0], [None], Event()
    given = iter(members)

    class Member(FastHttpUser):
        host = base
        wait_time = constant(0)

        def on_start(self):
            member = next(given)
            self.member = member
            self.headers = {
                "Cookie": cookie_header(plan, member["session"], member["csrf"]),
                "Content-Type": "application/x-www-form-urlencoded",
            }
            # Before the barrier, as a member does before posting: open the form (which also
            # connects, and marks the session as seen). The burst measures only the posts.
            self.client.get(path, headers={"Cookie": self.headers["Cookie"]}, name="formulier")

        @task
        def sign_up(self):
            arrived[0] += 1
            if arrived[0] == len(members):
                began[0] = time.perf_counter()
                go.set()
            go.wait()
            with self.client.post(
                path,
                data=f"csrfmiddlewaretoken={self.member['csrf']}",
                headers=self.headers,
                allow_redirects=False,
                catch_response=True,
                name="aanmelden",
            ) as response:
                if response.status_code != 302:
                    response.failure(f"status {response.status_code}")
                else:
                    response.success()
            raise StopUser()

    environment = Environment(user_classes=[Member], events=events)
    runner = environment.create_local_runner()
    runner.start(len(members), spawn_rate=len(members))
    deadline = time.monotonic() + 45  # the posts take seconds; a member lost in set-up waits here

    def posts():
        # Looked up each time: starting the runner replaces the stats' entries.
        return environment.stats.get("aanmelden", "POST")

    while posts().num_requests < len(members) and time.monotonic() < deadline:
        gevent.sleep(0.05)
    entry = posts()
    elapsed = time.perf_counter() - began[0] if began[0] else 0
    runner.quit()
    for error in environment.stats.errors.values():  # what went wrong, for who reads the log
        print(f"  aanmeldpiek: {error.occurrences}x {error.name}: {error.error}", flush=True)
    return {
        "rps": entry.num_requests / elapsed if elapsed else 0,
        "p50_ms": entry.get_response_time_percentile(0.5) or 0,
        "p95_ms": entry.get_response_time_percentile(0.95) or 0,
        "errors": entry.num_failures + (len(members) - entry.num_requests),
        "requests": entry.num_requests,
        "queries": None,
    }


def main(plan_path, result_path):
    with open(plan_path, encoding="utf-8") as file:
        plan = json.load(file)
    base, settings = plan["base"], plan["load"]
    results = []
    for target in plan["targets"]:
        measured = measure(
            plan, base, target, settings["users"], settings["seconds"], settings["warm_up"]
        )
        results.append({"name": target["name"], "kind": target["kind"], **measured})
        print(f"  {target['name']}: {measured['rps']:.0f} req/s", file=sys.stderr, flush=True)
    measured = burst(plan, base)
    results.append({"name": plan["burst"]["name"], "kind": "burst", **measured})
    with open(result_path, "w", encoding="utf-8") as file:
        json.dump(results, file)


if __name__ == "__main__":
    main(*sys.argv[1:3])
