"""gunicorn settings for the Hod Hospital website (deploy/README.md). Started by hodsite-web.service:

    .venv/bin/gunicorn -c deploy/gunicorn.conf.py

Environment: GUNICORN_BIND (default the unix socket nginx proxies to), GUNICORN_WORKERS (default
2 × cores + 1), GUNICORN_TIMEOUT (seconds, default 120: PDF exports). Traffic is logged by Django
(operations.traffic) and nginx, so gunicorn keeps no access log of its own.
"""

import multiprocessing
import os

wsgi_app = "hodsite.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "unix:/run/hodsite/gunicorn.sock")
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "120"))
graceful_timeout = 30
keepalive = 5
# A worker is replaced after this many requests (a slow leak in a library cannot grow forever).
max_requests = 1000
max_requests_jitter = 100
accesslog = None
errorlog = "-"
loglevel = "info"
# Only nginx on this host talks to gunicorn; Django reads X-Forwarded-* itself (TRUSTED_PROXY_COUNT).
forwarded_allow_ips = "127.0.0.1"
