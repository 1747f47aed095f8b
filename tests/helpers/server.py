"""The real app under gunicorn, on a free loopback port, for end-to-end tests."""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import store

ROOT = Path(__file__).resolve().parents[2]
SECRET = "end-to-end-tests-secret-key-0123456789"


def migrated_database(path: Path) -> Path:
    """A new database file at `path` with every migration applied."""
    db = store.connect(path)
    store.migrate(db)
    db.close()
    return path


def free_port() -> int:
    """A loopback port nobody is listening on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Gunicorn:
    """Starts the app exactly as `make run` does (gunicorn.conf.py, wsgi:app, a SQLite file)."""

    def __init__(
        self,
        folder: Path,
        database: Path,
        secret: str = SECRET,
        rate_limits: bool = False,
        workers: int = 1,
    ):
        self.folder = folder
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = {
            **os.environ,
            "SVOA_DATABASE": str(database),
            "SVOA_INSTANCE_PATH": str(folder / "instance"),
            "SVOA_SECRET_KEY": secret,
            "SVOA_BIND": f"127.0.0.1:{self.port}",
            # Tests drive many conversations from one address; the rate-limit tests opt in.
            "SVOA_RATELIMIT_ENABLED": "true" if rate_limits else "false",
            # Each worker loads the whole app (about a second of CPU): one is enough unless a
            # test is about several (a crash of the master and all its workers, a live room).
            "SVOA_WORKERS": str(workers),
        }
        self.process: subprocess.Popen | None = None

    def start(self) -> "Gunicorn":
        """Start gunicorn and wait for /healthz."""
        log = (self.folder / "gunicorn.log").open("a")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "--config", "gunicorn.conf.py", "wsgi:app"],
            cwd=ROOT,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        log.close()
        self._wait_until_up()
        return self

    def _wait_until_up(self, seconds: float = 30) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited with {self.process.returncode}")
            try:
                with urllib.request.urlopen(f"{self.url}/healthz", timeout=1) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError(f"gunicorn did not answer at {self.url} within {seconds}s")

    def kill(self) -> None:
        """SIGKILL the master and every worker at once, as a crash or power cut would."""
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=15)

    def stop(self) -> None:
        """Shut down gracefully."""
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=15)
