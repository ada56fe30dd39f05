"""`kg serve`: the Oxigraph SPARQL server (the `oxigraph` package) on the store.

Read-only unless asked otherwise, loopback unless asked otherwise, queries over
the union of all named graphs, and a query timeout.
"""
from __future__ import annotations

import shutil
import signal
import subprocess
import sys
from pathlib import Path

from .errors import StoreError

__all__ = ["server_command", "start_server", "serve"]


def _oxigraph() -> str:
    found = shutil.which("oxigraph") or str(Path(sys.executable).with_name("oxigraph"))
    if not Path(found).exists():
        raise StoreError("the `oxigraph` server is not installed; run `pip install oxigraph`")
    return found


def server_command(store: Path, host: str = "127.0.0.1", port: int = 7878, writable: bool = False,
                   timeout: int = 60) -> list[str]:
    """The command line that serves `store`: SPARQL at /query (and /update when writable), the query page at /."""
    if not writable and not Path(store).exists():
        raise StoreError(f"no store at {store}; run `kg build` or `kg ingest` first")
    mode = "serve" if writable else "serve-read-only"
    # the store keeps the union of its named graphs in the default graph: no --union-default-graph needed
    return [_oxigraph(), mode, "--location", str(store), "--bind", f"{host}:{port}", "--timeout-s", str(timeout)]


def start_server(store: Path, host: str = "127.0.0.1", port: int = 7878, writable: bool = False,
                 timeout: int = 60) -> subprocess.Popen:
    """Start the server as a child process (the caller stops it)."""
    Path(store).mkdir(parents=True, exist_ok=True) if writable else None
    return _popen(server_command(store, host, port, writable, timeout),
                  stdout=subprocess.PIPE, stderr=subprocess.STDOUT)


def serve(store: Path, host: str = "127.0.0.1", port: int = 7878, writable: bool = False, timeout: int = 60) -> int:
    """Serve `store` until the server stops; returns its exit code.

    A store in use by another process is refused ("store is busy"). A read-only server
    serves a snapshot (a RocksDB checkpoint: hard links, taken in one step) so that
    ingests can go on in the store meanwhile: a read-only Oxigraph beside a writing
    process is undefined behaviour in RocksDB. Restart the server to serve new articles.
    """
    import tempfile
    from .store import GraphStore
    holder = GraphStore.on_disk(store)  # raises StoreError("… busy …") when in use
    if writable:
        del holder  # the writable server takes the lock itself
        return _call(server_command(store, host, port, True, timeout))
    with tempfile.TemporaryDirectory(prefix="kg-serve-") as tmp:
        snapshot = Path(tmp) / "snapshot"
        holder.backup(snapshot)
        del holder
        return _call(server_command(snapshot, host, port, False, timeout))


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


def _call(cmd: list[str]) -> int:
    """Run the server until it stops; SIGTERM, SIGHUP and Ctrl-C stop it too (never left behind)."""
    proc = _popen(cmd)

    def forward(signum, _frame):
        proc.send_signal(signum)

    previous = {sig: signal.signal(sig, forward) for sig in (signal.SIGTERM, signal.SIGHUP)}
    try:
        return proc.wait()
    except KeyboardInterrupt:
        proc.send_signal(signal.SIGINT)
        proc.wait()
        return 0
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
