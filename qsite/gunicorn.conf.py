"""gunicorn settings, read from the environment so one file serves every host size.

Run: gunicorn -c qsite/gunicorn.conf.py qsite.wsgi
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", f"0.0.0.0:{os.environ.get('PORT', '8000')}")
# The usual 2n+1 rule, overridable per host (WEB_CONCURRENCY is what most platforms set).
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "2"))
worker_class = "gthread"
# Slow requests are a bug to find, not to wait for: the load balancer gives up sooner anyway.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "20"))
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", "5"))
# Recycle workers now and then so a slow leak never takes a host down; not so often that a busy worker
# (several hundred requests a second) restarts every few seconds, which showed as latency spikes in the bench.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "10000"))
max_requests_jitter = int(os.environ.get("GUNICORN_MAX_REQUESTS_JITTER", "1000"))
# "-" is stdout; an empty value turns the access log off (the load test does, to measure the site, not the terminal).
accesslog = os.environ.get("GUNICORN_ACCESSLOG", "-") or None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOGLEVEL", "info")
# The text format (LOG_FORMAT=plain); with LOG_FORMAT=json qsite.gunicorn_logging writes JSON lines.
# Both carry the request ID that RequestIDMiddleware put on the response, and skip healthy health checks.
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms "%(a)s" rid=%({x-request-id}o)s'
logger_class = "qsite.gunicorn_logging.AccessLogger"
# Load the app once in the master, so workers fork with it ready and a broken deploy fails at start.
preload_app = os.environ.get("GUNICORN_PRELOAD", "true").lower() in {"1", "true", "yes", "on"}
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
# gunicorn 27's control socket defaults to one path per user ($HOME/.gunicorn/gunicorn.ctl), which two
# gunicorns on one host (a deploy overlap, parallel tests) would fight over. Off unless a path is given.
if os.environ.get("GUNICORN_CONTROL_SOCKET"):
    control_socket = os.environ["GUNICORN_CONTROL_SOCKET"]
else:
    control_socket_disable = True
