"""gunicorn settings for `make run`; override the address with SVOA_BIND."""

import os

bind = os.environ.get("SVOA_BIND", "127.0.0.1:8000")
worker_class = "gthread"
workers = int(os.environ.get("SVOA_WORKERS", "2"))
threads = int(os.environ.get("SVOA_THREADS", "4"))
timeout = 30
graceful_timeout = 10
accesslog = "-"
errorlog = "-"
