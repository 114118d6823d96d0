"""gunicorn's settings for the Leerhuis; gunicorn reads this file from the folder it starts
in (`gunicorn leerhuis.wsgi`), and options on the command line still win.

Threaded workers (gthread), because a sign-up mostly waits: on PostgreSQL (its commits, the
meeting's row lock) and on the cache. A synchronous worker does nothing else meanwhile, so a
burst of sign-ups queues at the door; threads let other requests use the CPU during those
waits. Measured with 200 members signing up for 50 places at once on PostgreSQL (2 cores):
2 sync workers p95 16-25 s, 2 gthread workers of 4 threads p95 7-10 s, on a busy machine
(README, "Naar productie").

WEB_CONCURRENCY: worker processes, about one per core (default 2). GUNICORN_THREADS:
threads per worker (default 4). Every thread keeps its own database connection
(CONN_MAX_AGE), so workers x threads, plus the task worker and cron, must stay below
PostgreSQL's max_connections.
"""

import os

from gunicorn.http import wsgi as gunicorn_wsgi

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
# A request that hangs this long is cut off and its worker replaced.
timeout = 30
# Idle keep-alive connections to the proxy are closed after this many seconds. The proxy
# keeps its connections to us for reuse; an idle one costs a gthread worker no thread, and
# one closed while a request is on its way fails that request (seen in a sign-up burst, whose
# members wait several seconds with their connection open).
keepalive = 20
# A worker that has grown over a long day is replaced, one at a time, without a restart.
max_requests = 5000
max_requests_jitter = 500

# --- Server header (trust)
# gunicorn names itself in every response's Server header (gunicorn.http.wsgi.Response takes
# the module's SERVER when it is made); the name and version only help whoever looks for a
# known hole. The header stays, saying nothing; the proxy in front may put its own.
gunicorn_wsgi.SERVER = "leerhuis"
