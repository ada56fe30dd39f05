"""`kg serve`: the Oxigraph SPARQL server (the `oxigraph` package) on the store, behind a guard.

Read-only unless asked otherwise, loopback unless asked otherwise, queries over the union of
all named graphs, a query timeout; the engine listens on an internal loopback port and every
request passes kg.guard first (host and origin checks, known routes only, a token for writes,
query checks), which sends the engine a request of its own. The engine is supervised: when it
dies it is restarted on the same store, and a crash loop stops `kg serve` with an error.
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
import threading
import time
from collections import deque
from collections.abc import Callable
from pathlib import Path

from .errors import StoreError
from .guard import GuardSettings, make_guard

__all__ = ["server_command", "start_server", "serve", "write_token", "Engine", "TOKEN_VARIABLE"]

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
    The engine is restarted on the same store when it dies (kg.server.Engine); a crash loop
    stops `kg serve` with a `StoreError`.
    """
    from .store import GraphStore
    holder = GraphStore.on_disk(store)  # raises StoreError("… busy …") when in use
    with tempfile.TemporaryDirectory(prefix="kg-serve-") as tmp:
        served = store
        if not writable:
            served = Path(tmp) / "snapshot"
            holder.backup(served)
        del holder  # the engine takes the lock itself
        engine = Engine(lambda engine_port: server_command(served, "127.0.0.1", engine_port, writable, timeout))
        try:
            engine.start()
            guard = make_guard(GuardSettings(host, port, writable, token, allow_service), (host, port), engine)
            engine.watch(on_give_up=lambda _message: threading.Thread(target=guard.shutdown, daemon=True).start())
            if ready is not None:
                ready()
            _serve_until_stopped(guard)
        finally:
            code = engine.stop()
        if engine.failure:
            raise StoreError(engine.failure)
        return code


class Engine:
    """The Oxigraph process behind the guard, on a free loopback port: watched, and restarted on
    the same store when it dies (503 with Retry-After meanwhile, kg.guard); more than
    `max_restarts` restarts within `window` seconds is a crash loop, and the watch gives up."""

    def __init__(self, command: Callable[[int], list[str]], max_restarts: int = 5, window: float = 60.0,
                 log: Callable[[str], None] | None = None):
        self._command, self.max_restarts, self.window = command, max_restarts, window
        self._log = log or (lambda message: print(f"kg serve: {message}", file=sys.stderr, flush=True))
        self._lock = threading.Lock()
        self._process: subprocess.Popen | None = None
        self._port: int | None = None
        self._restarts: deque[float] = deque()
        self._wake, self._stopping = threading.Event(), threading.Event()
        self._watcher: threading.Thread | None = None
        self.failure: str | None = None

    def start(self) -> None:
        """Start the engine and wait until it listens; `StoreError` when it does not."""
        engine_port = _free_port()
        process = _popen(self._command(engine_port))
        with self._lock:
            self._process = process
        try:
            _wait_for(engine_port, process)
        except StoreError:
            if process.poll() is None:  # alive but not listening: end it, so the watch sees it stopped
                process.kill()
                process.wait(10)
            raise
        with self._lock:
            self._port = engine_port

    def port(self) -> int | None:
        """The engine's port while it runs, None while it is restarted."""
        with self._lock:
            return self._port

    def pid(self) -> int | None:
        with self._lock:
            return self._process.pid if self._process else None

    def lost(self) -> None:
        """The guard could not reach the engine: look at once rather than at the next tick."""
        self._wake.set()

    def watch(self, on_give_up: Callable[[str], None], tick: float = 0.2) -> None:
        """Watch the engine in a thread (which also owns every restarted engine) until `stop`."""
        def run() -> None:
            while not self._stopping.is_set():
                self._wake.wait(tick)
                self._wake.clear()
                process = self._process
                if process is not None and process.poll() is not None and not self._stopping.is_set():
                    if not self._restart(process.returncode):
                        on_give_up(self.failure or "")
                        return
        self._watcher = threading.Thread(target=run, name="kg-serve-engine-watch", daemon=True)
        self._watcher.start()

    def _restart(self, code: int) -> bool:
        """Restart after the engine ended with `code`; False when that makes a crash loop."""
        with self._lock:
            self._port = None
        now = time.monotonic()
        while self._restarts and now - self._restarts[0] > self.window:
            self._restarts.popleft()
        if len(self._restarts) >= self.max_restarts:
            self.failure = (f"the SPARQL engine stopped {len(self._restarts) + 1} times within {self.window:g} s "
                            f"(last: {_ended(code)}); kg serve stops. Its own messages above say why; "
                            "start `kg serve` again once that is fixed")
            self._log(self.failure)
            return False
        self._restarts.append(now)
        self._log(f"the SPARQL engine stopped ({_ended(code)}); restarting it on the same store "
                  f"(restart {len(self._restarts)} of at most {self.max_restarts} within {self.window:g} s); "
                  "requests meanwhile get 503")
        try:
            self.start()
        except StoreError as exc:
            self._log(f"the SPARQL engine did not come back: {exc}")
            return True  # the next tick sees it stopped and counts another restart
        self._log(f"the SPARQL engine is back (pid {self.pid()})")
        return True

    def stop(self) -> int:
        """Stop watching and end the engine; its exit code."""
        self._stopping.set()
        self._wake.set()
        if self._watcher is not None and self._watcher is not threading.current_thread():
            self._watcher.join(10)
        with self._lock:
            process, self._port = self._process, None
        if process is None:
            return 0
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(10)
        return process.returncode


def _ended(code: int) -> str:
    return f"killed by signal {-code}" if code < 0 else f"exit code {code}"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for(port: int, engine: subprocess.Popen, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if engine.poll() is not None:
            raise StoreError(f"the SPARQL engine stopped at start ({_ended(engine.returncode)})")
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise StoreError("the SPARQL engine did not start within 30 s")


def _serve_until_stopped(guard) -> None:
    """Serve until SIGTERM, SIGHUP, Ctrl-C or the engine's watch gives up."""
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
