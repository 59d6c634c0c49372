"""gunicorn settings for uitstap (make serve): behind a reverse proxy that terminates TLS."""

import multiprocessing
import os

# Listen on loopback only: the reverse proxy (nginx, Caddy, ...) is the only one who talks to us.
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", min(2 * multiprocessing.cpu_count() + 1, 9)))
worker_class = "gthread"
# One thread per worker: a request is Python work between short database calls, and two threads in one process
# wait for each other's interpreter lock after every query. make load, 3 workers: 43.5 requests/s with 1 thread,
# 37.8 with 2 and 37.2 with 4 (docs/benchmarks.md). More requests at once means more workers, not threads.
threads = int(os.environ.get("GUNICORN_THREADS", 1))
# PDF generation (WeasyPrint) can take a few seconds; a stuck request is cut off after a minute.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 60))
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then so a slow leak never grows. Not too often: a new worker imports the application
# again (about a second of CPU) and starts with cold caches (compiled templates and queries, prepared statements);
# at 1 000 requests each of the three workers of make load restarted twice in two minutes.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", 20000))
max_requests_jitter = max_requests // 10
# Trust X-Forwarded-* only from the proxy on this machine.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
# Access log without query strings (no search terms in logs) but with our request id.
accesslog = os.environ.get("GUNICORN_ACCESSLOG", "-")
access_log_format = '%(t)s "%(m)s %(U)s" %(s)s %(B)s %(M)sms rid=%({x-request-id}o)s'
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOGLEVEL", "info")
proc_name = "uitstap"


def post_worker_init(worker):
    """The worker has imported Django and the application: move those objects, which live as long as the worker,
    out of the garbage collector's sight (gc.freeze). Every collection walked all 145 000 of them; that was
    1.9 ms of each request's CPU, 0.8 ms after the freeze (the seven pages of make load, in-process)."""
    import gc

    gc.freeze()
