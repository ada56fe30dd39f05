"""`kg serve`: the Oxigraph SPARQL server (the `oxigraph` package) on the store, behind a guard.

Read-only unless asked otherwise, loopback unless asked otherwise, queries over the union of
all named graphs, a query timeout; the engine listens on an internal loopback port and every
request passes kg.guard first (host and origin checks, a token for writes, query checks).
"""
from __future__ import annotations

import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from .errors import StoreError
from .guard import GuardSettings, make_guard

__all__ = ["server_command", "start_server", "serve", "write_token", "TOKEN_VARIABLE"]

TOKEN_VARIABLE = "KG_WRITE_TOKEN"


def _oxigraph() -> str:
    found = shutil.which("oxigraph") or str(Path(sys.executable).with_name("oxigraph"))
    if not Path(found).exists():
        raise StoreError("the `oxigraph` server is not installed; run `pip install oxigraph`")
    return found


def server_command(store: Path, host: str = "127.0.0.1", port: int = 7878, writable: bool = False,
                   timeout: int = 60) -> list[str]:
    """The command line of the Oxigraph engine on `store`: SPARQL at /query (and /update when
    writable), the query page at /. `kg serve` binds it to an internal loopback port behind its guard."""
    if not writable and not Path(store).exists():
        raise StoreError(f"no store at {store}; run `kg build` or `kg ingest` first")
    mode = "serve" if writable else "serve-read-only"
    # the store keeps the union of its named graphs in the default graph: no --union-default-graph needed
    return [_oxigraph(), mode, "--location", str(store), "--bind", f"{host}:{port}", "--timeout-s", str(timeout)]


def start_server(store: Path, host: str = "127.0.0.1", port: int = 7878, writable: bool = False,
                 timeout: int = 60, token: str | None = None, allow_service: bool = False) -> subprocess.Popen:
    """Start `kg serve` as a child process (the caller stops it); `token` is the write credential."""
    cmd = [sys.executable, "-m", "kg", "serve", "--store", str(store), "--host", host, "--port", str(port),
           "--timeout", str(timeout)] + (["--writable"] if writable else []) + \
        (["--allow-service"] if allow_service else [])
    env = {**os.environ, **({TOKEN_VARIABLE: token} if token else {})}
    return _popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)


def write_token() -> str:
    """The write credential: $KG_WRITE_TOKEN, else a new random one."""
    return os.environ.get(TOKEN_VARIABLE) or secrets.token_urlsafe(24)


def serve(store: Path, host: str = "127.0.0.1", port: int = 7878, writable: bool = False, timeout: int = 60,
          token: str | None = None, allow_service: bool = False, ready: Callable[[], None] | None = None) -> int:
    """Serve `store` behind the guard (kg.guard) until stopped; returns the engine's exit code.

    A store in use by another process is refused ("store is busy"), before anything is printed.
    A read-only server serves a snapshot (a RocksDB checkpoint: hard links, taken in one step)
    so that ingests can go on in the store meanwhile. Restart the server to serve new articles.
    """
    from .store import GraphStore
    holder = GraphStore.on_disk(store)  # raises StoreError("… busy …") when in use
    with tempfile.TemporaryDirectory(prefix="kg-serve-") as tmp:
        served = store
        if not writable:
            served = Path(tmp) / "snapshot"
            holder.backup(served)
        del holder  # the engine takes the lock itself
        backend_port = _free_port()
        engine = _popen(server_command(served, "127.0.0.1", backend_port, writable, timeout))
        try:
            _wait_for(backend_port, engine)
            guard = make_guard(GuardSettings(host, port, backend_port, writable, token, allow_service), (host, port))
            if ready is not None:
                ready()
            return _serve_until_stopped(guard, engine)
        finally:
            if engine.poll() is None:
                engine.terminate()
                engine.wait(10)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for(port: int, engine: subprocess.Popen, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if engine.poll() is not None:
            raise StoreError(f"the SPARQL engine stopped at start (exit code {engine.returncode})")
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise StoreError("the SPARQL engine did not start within 30 s")


def _serve_until_stopped(guard, engine: subprocess.Popen) -> int:
    """Serve until SIGTERM, SIGHUP or Ctrl-C (the engine is never left behind)."""
    def stop(_signum, _frame):
        raise KeyboardInterrupt

    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGTERM, signal.SIGHUP)}
    try:
        guard.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        pass
    finally:
        guard.server_close()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    engine.terminate()
    return engine.wait(10) if engine.returncode is None else engine.returncode


def _die_with_parent() -> None:
    """In the server process (Linux): be sent SIGTERM when `kg serve` dies, even by SIGKILL."""
    try:
        import ctypes
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _popen(cmd: list[str], **kwargs) -> subprocess.Popen:
    linux = sys.platform.startswith("linux")
    return subprocess.Popen(cmd, preexec_fn=_die_with_parent if linux else None, **kwargs)
