"""The web archive: every HTTP exchange of `kg fetch` as WARC records (warcio), and captures read back.

One WARC file per fetch run (`kg-<time>-<pid>.warc.gz` in the archive folder): a warcinfo
record, then a request and a response record per exchange, or a `revisit` record when the page
did not change (304 Not Modified, or the same payload digest). Any WARC reader (pywb,
warcio, …) can read them; `kg ingest` reads `.warc` and `.warc.gz` files directly.
Each record carries the extension field `WARC-Kg-Kind` (article, sitemap, feed, listing,
robots, other) so that only articles become articles; records of other tools' archives,
which lack it, are read when they are HTML, PDF or plain text.
"""
from __future__ import annotations

import io
import os
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from . import __version__
from .errors import SourceError

__all__ = ["Exchange", "Capture", "Provenance", "Known", "ArchiveWriter", "is_warc", "warc_files", "known_pages",
           "iter_captures", "latest_captures", "count_captures", "payload_digest"]

WARC_SUFFIXES = (".warc", ".warc.gz")
KIND_FIELD = "WARC-Kg-Kind"
ARTICLE_TYPES = ("text/html", "application/xhtml+xml", "application/pdf", "text/plain")
MAX_CAPTURE_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class Exchange:
    """One HTTP request and the response it got, as sent and received (body as received)."""

    url: str
    request_headers: tuple[tuple[str, str], ...]
    status: int
    reason: str
    headers: tuple[tuple[str, str], ...]
    body: bytes
    fetched: str            # ISO 8601 UTC time the request was sent
    ip: str | None = None
    kind: str = "other"     # article, sitemap, feed, listing, robots, other


@dataclass(frozen=True)
class Provenance:
    """Where an article came from: its URL, when it was fetched, and the WARC record holding it."""

    url: str
    fetched: str
    record_id: str          # urn:uuid:…
    warc: str               # the WARC file's name


@dataclass(frozen=True)
class Capture:
    """A 200 response read back from a WARC file: what an article is read from."""

    url: str
    fetched: str
    record_id: str
    warc: str
    content_type: str
    body: bytes

    @property
    def provenance(self) -> Provenance:
        return Provenance(self.url, self.fetched, self.record_id, Path(self.warc).name)


@dataclass(frozen=True)
class Known:
    """What the archive holds of a URL: the validators for a conditional request and the payload digest."""

    url: str
    etag: str | None
    last_modified: str | None
    digest: str | None
    fetched: str


def is_warc(path: str | Path) -> bool:
    return str(path).lower().endswith(WARC_SUFFIXES)


def warc_files(folder: Path) -> list[Path]:
    """The WARC files of an archive folder, oldest first (their names start with the time)."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if is_warc(p) and not p.name.startswith("."))


def payload_digest(body: bytes) -> str:
    """The WARC payload digest of `body` (SHA-1 in base 32, as warcio and Heritrix write it)."""
    import base64
    import hashlib
    return "sha1:" + base64.b32encode(hashlib.sha1(body).digest()).decode("ascii")


def now_iso() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="microseconds").replace("+00:00", "Z")


class ArchiveWriter:
    """Writes the exchanges of one run to a new `.warc.gz` file in `folder` (made on the first write)."""

    def __init__(self, folder: Path, info: dict[str, str]):
        self.folder, self.info = Path(folder), info
        stamp = datetime.now(timezone.utc).strftime("%Y%m%d%H%M%S%f")
        self.path = self.folder / f"kg-{stamp}-{os.getpid()}.warc.gz"
        self._file: io.BufferedWriter | None = None
        self._writer: WARCWriter | None = None

    def _open(self) -> WARCWriter:
        if self._writer is None:
            try:
                self.folder.mkdir(parents=True, exist_ok=True)
                self._file = open(self.path, "xb")
            except OSError as exc:
                raise SourceError(self.path, f"cannot write the archive ({exc.strerror or exc}); "
                                             "give a writable --archive folder") from exc
            self._writer = WARCWriter(self._file, gzip=True, warc_version="1.1")
            info = {"software": f"kg/{__version__}", "format": "WARC File Format 1.1", **self.info}
            self._writer.write_record(self._writer.create_warcinfo_record(self.path.name, info))
        return self._writer

    def write(self, exchange: Exchange) -> str:
        """Write the request and response records; returns the response record's id."""
        writer = self._open()
        response = writer.create_warc_record(
            exchange.url, "response", payload=io.BytesIO(exchange.body), length=len(exchange.body),
            http_headers=_response_headers(exchange), warc_headers_dict=_fields(exchange))
        self._write_pair(writer, exchange, response)
        return response.rec_headers.get_header("WARC-Record-ID")

    def write_revisit(self, exchange: Exchange, previous: Known, digest: str) -> str:
        """A revisit record: the page is as archived before (304, or the same payload digest)."""
        writer = self._open()
        fields = _fields(exchange)
        revisit = writer.create_revisit_record(exchange.url, digest, previous.url, previous.fetched,
                                               http_headers=_response_headers(exchange), warc_headers_dict=fields)
        if exchange.status == 304:
            revisit.rec_headers.replace_header("WARC-Profile", "http://netpreserve.org/warc/1.1/revisit/"
                                                               "server-not-modified")
        self._write_pair(writer, exchange, revisit)
        return revisit.rec_headers.get_header("WARC-Record-ID")

    def _write_pair(self, writer: WARCWriter, exchange: Exchange, response) -> None:
        request = writer.create_warc_record(exchange.url, "request", http_headers=_request_headers(exchange),
                                            warc_headers_dict=_fields(exchange))
        request.rec_headers.add_header("WARC-Concurrent-To", response.rec_headers.get_header("WARC-Record-ID"))
        writer.write_record(request)
        writer.write_record(response)
        assert self._file is not None
        self._file.flush()

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None


def _fields(exchange: Exchange) -> dict[str, str]:
    fields = {"WARC-Date": exchange.fetched, KIND_FIELD: exchange.kind}
    if exchange.ip:
        fields["WARC-IP-Address"] = exchange.ip
    return fields


def _request_headers(exchange: Exchange) -> StatusAndHeaders:
    from urllib.parse import urlsplit
    parts = urlsplit(exchange.url)
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    return StatusAndHeaders(f"GET {target} HTTP/1.1", list(exchange.request_headers), is_http_request=True)


def _response_headers(exchange: Exchange) -> StatusAndHeaders:
    """The response's headers as received, less Transfer-Encoding (the body is stored de-chunked)."""
    headers = [(k, v) for k, v in exchange.headers if k.lower() not in ("transfer-encoding", "content-length")]
    headers.append(("Content-Length", str(len(exchange.body))))
    return StatusAndHeaders(f"{exchange.status} {exchange.reason}".strip(), headers, protocol="HTTP/1.1")


def _records(path: Path) -> Iterator[tuple[int, Any]]:
    """(offset, record) of every record of a WARC file; a damaged file raises SourceError after the good records."""
    try:
        with open(path, "rb") as fh:
            iterator = ArchiveIterator(fh)
            for record in iterator:
                yield iterator.get_record_offset(), record
            if iterator.offset < os.fstat(fh.fileno()).st_size:  # warcio stops quietly at a cut gzip member
                raise ValueError(f"{os.fstat(fh.fileno()).st_size - iterator.offset} bytes after the last whole "
                                 "record cannot be read")
    except FileNotFoundError as exc:
        raise SourceError(path, "no such file") from exc
    except (ArchiveLoadFailed, EOFError, zlib.error, ValueError, OSError) as exc:
        raise SourceError(path, f"the WARC file is truncated or damaged ({str(exc)[:120]}); the records before "
                                "the damage were read; fetch again to replace it") from exc


def _is_article(record) -> bool:
    kind = record.rec_headers.get_header(KIND_FIELD)
    if kind is not None:
        return kind == "article"
    content_type = (record.http_headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
    return content_type in ARTICLE_TYPES


def _article_response(record) -> bool:
    return (record.rec_type == "response" and record.http_headers is not None
            and record.http_headers.get_statuscode() == "200" and _is_article(record))


def _capture(path: Path, record) -> Capture:
    body = record.content_stream().read(MAX_CAPTURE_BYTES + 1)
    url = record.rec_headers.get_header("WARC-Target-URI") or ""
    if len(body) > MAX_CAPTURE_BYTES:
        raise SourceError(f"{path}#{url}", f"the capture is over {MAX_CAPTURE_BYTES // 2**20} MiB; skipped")
    return Capture(url, record.rec_headers.get_header("WARC-Date") or "",
                   (record.rec_headers.get_header("WARC-Record-ID") or "").strip("<>"), str(path),
                   (record.http_headers.get_header("Content-Type") or "").split(";")[0].strip().lower(), body)


def iter_captures(path: str | Path) -> Iterator[Capture | SourceError]:
    """Every article response (status 200) of one WARC file; damage is yielded as a SourceError."""
    yield from latest_captures([path], latest=False)


def _index(paths: Iterable[str | Path], urls: set[str] | None) -> Iterator[tuple[str, str, Path, int] | SourceError]:
    """(url, date, file, offset) of the article responses in `paths`, each file read once."""
    for raw in paths:
        path = Path(raw)
        try:
            for offset, record in _records(path):
                if _article_response(record):
                    url = record.rec_headers.get_header("WARC-Target-URI") or ""
                    if urls is None or url in urls:
                        yield url, record.rec_headers.get_header("WARC-Date") or "", path, offset
        except SourceError as exc:
            yield exc


def latest_captures(paths: Iterable[str | Path], urls: Iterable[str] | None = None,
                    latest: bool = True) -> Iterator[Capture | SourceError]:
    """The article captures of `paths` (only `urls`, if given): with `latest`, only the newest of each URL."""
    chosen: dict[str, tuple[str, Path, int]] = {}
    order: list[tuple[str, Path, int]] = []
    for item in _index(paths, set(urls) if urls is not None else None):
        if isinstance(item, SourceError):
            yield item
            continue
        url, date_, path, offset = item
        if not latest:
            order.append((url, path, offset))
        elif url not in chosen or date_ >= chosen[url][0]:
            chosen[url] = (date_, path, offset)
    if latest:
        order = [(url, path, offset) for url, (_, path, offset) in chosen.items()]
    for url, path, offset in order:
        yield _read_at(path, offset, url)


def _read_at(path: Path, offset: int, url: str) -> Capture | SourceError:
    try:
        with open(path, "rb") as fh:
            fh.seek(offset)
            return _capture(path, next(iter(ArchiveIterator(fh))))
    except SourceError as exc:
        return exc
    except (ArchiveLoadFailed, EOFError, zlib.error, ValueError, OSError, StopIteration) as exc:
        return SourceError(f"{path}#{url}", f"the record cannot be read ({str(exc)[:120]}); fetch it again")


def count_captures(paths: Iterable[str | Path]) -> int:
    """How many articles `latest_captures(paths)` will give (for a progress bar)."""
    return len({item[0] for item in _index(paths, None) if not isinstance(item, SourceError)})


def known_pages(folder: Path) -> dict[str, Known]:
    """What the archive folder already holds of each URL (its latest 200 response), for conditional requests;
    damaged files are skipped (the pages they held are then fetched again)."""
    known: dict[str, Known] = {}
    for path in warc_files(folder):
        try:
            for _, record in _records(path):
                if _article_response(record):
                    h, url = record.http_headers, record.rec_headers.get_header("WARC-Target-URI")
                    known[url] = Known(url, h.get_header("ETag"), h.get_header("Last-Modified"),
                                       record.rec_headers.get_header("WARC-Payload-Digest"),
                                       record.rec_headers.get_header("WARC-Date"))
        except SourceError:
            continue
    return known
