"""gunicorn settings for `make run`; override the address with SVOA_BIND."""

import os
import re

from gunicorn.glogging import Logger

# Conversation links carry the supplier's token: keep it out of the access log.
TOKEN_IN_PATH = re.compile(r"(/assistant/c/)[^/?# ]+")


class RedactingLogger(Logger):
    """gunicorn's logger, with conversation tokens replaced by '…' in every field: the path,
    and the Referer, which holds the chat page's address when its assets load."""

    def atoms(self, resp, req, environ, request_time):
        """The access-log fields, redacted."""
        atoms = super().atoms(resp, req, environ, request_time)
        for key, value in atoms.items():
            if isinstance(value, str):
                atoms[key] = TOKEN_IN_PATH.sub(r"\1…", value)
        return atoms


bind = os.environ.get("SVOA_BIND", "127.0.0.1:8000")
worker_class = "gthread"
workers = int(os.environ.get("SVOA_WORKERS", "2"))
threads = int(os.environ.get("SVOA_THREADS", "4"))
timeout = 30
# The longest: a 500-character question of 4-byte characters is 6,000 bytes in a URL.
limit_request_line = 8190
graceful_timeout = 10
accesslog = "-"
errorlog = "-"
logger_class = RedactingLogger
# No control socket: nothing here uses it, and every server on a machine (the tests start
# several at once) would otherwise share one path in the home folder.
control_socket_disable = True
