"""A URL list: notices fetched over HTTP with timeouts, a size limit and a host allow-list.

The list is a text file, one URL per line, ``#`` for comments. Only hosts on
the allow-list are fetched, and a redirect to any other host is refused before
it is followed. By default the allow-list is the hosts the list itself names.
Transient failures (timeouts, connection errors, 5xx, 429) are retried with
exponential backoff; 4xx answers are final. Every failure is an
:class:`IngestError`, never an exception out of here.
"""

from __future__ import annotations

import re
import time
import urllib.error
import urllib.request
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from sources.models import IngestError, RawDocument, ReadError, content_hash
from sources.sniff import sniff_kind

USER_AGENT = "tongban/0.1 (+policy notice registry)"


@dataclass(frozen=True)
class FetchPolicy:
    timeout: float = 20.0  # seconds per attempt
    max_bytes: int = 50 * 1024 * 1024
    retries: int = 3  # attempts after the first
    backoff: float = 1.0  # seconds before the first retry, doubled after each
    allowed_hosts: frozenset[str] = field(default_factory=frozenset)


class _Refused(Exception):
    def __init__(self, error_type: str, message: str) -> None:
        super().__init__(message)
        self.error_type = error_type


class _AllowListRedirects(urllib.request.HTTPRedirectHandler):
    def __init__(self, allowed: frozenset[str]) -> None:
        self.allowed = allowed

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # noqa: ANN001 (urllib's signature)
        if urlsplit(newurl).hostname not in self.allowed:
            raise _Refused("host_not_allowed", f"redirect to {newurl} leaves the allow-list")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def read_url_list(path: str | Path) -> list[str]:
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def fetch_all(urls: Iterable[str], policy: FetchPolicy | None = None) -> Iterator[RawDocument | IngestError]:
    urls = list(urls)
    policy = policy or FetchPolicy()
    if not policy.allowed_hosts:
        hosts = frozenset(urlsplit(u).hostname for u in urls if urlsplit(u).hostname)
        policy = FetchPolicy(policy.timeout, policy.max_bytes, policy.retries, policy.backoff, hosts)
    for url in urls:
        yield fetch(url, policy)


def fetch(url: str, policy: FetchPolicy) -> RawDocument | IngestError:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        return IngestError(url, "fetch", "bad_url", f"not an http(s) URL: {url}")
    if parts.hostname not in policy.allowed_hosts:
        return IngestError(url, "fetch", "host_not_allowed", f"{parts.hostname} is not on the allow-list")
    delay = policy.backoff
    for attempt in range(policy.retries + 1):
        try:
            data, headers = _get(url, policy)
            return _document(url, data, headers, attempt)
        except _Refused as exc:
            return IngestError(url, "fetch", exc.error_type, str(exc))
        except urllib.error.HTTPError as exc:
            if exc.code < 500 and exc.code != 429 or attempt == policy.retries:
                return IngestError(url, "fetch", f"http_{exc.code}", f"HTTP {exc.code} {exc.reason} after {attempt + 1} attempts")
        except (urllib.error.URLError, TimeoutError, ConnectionError) as exc:
            if attempt == policy.retries:
                return IngestError(url, "fetch", "unreachable", f"{exc} after {attempt + 1} attempts")
        time.sleep(delay)
        delay *= 2
    return IngestError(url, "fetch", "unreachable", "no attempt succeeded")  # not reached


def _get(url: str, policy: FetchPolicy) -> tuple[bytes, dict[str, str]]:
    opener = urllib.request.build_opener(_AllowListRedirects(policy.allowed_hosts))
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    with opener.open(request, timeout=policy.timeout) as response:
        length = response.headers.get("Content-Length")
        if length and length.isdigit() and int(length) > policy.max_bytes:
            raise _Refused("too_large", f"{length} bytes announced, over the {policy.max_bytes}-byte limit")
        data = response.read(policy.max_bytes + 1)
        if len(data) > policy.max_bytes:
            raise _Refused("too_large", f"more than {policy.max_bytes} bytes")
        return data, {"content_type": response.headers.get("Content-Type", ""), "final_url": response.geturl()}


_DELIMITED_TYPE = re.compile(r"text/(?:csv|tab-separated-values)", re.I)


def _document(url: str, data: bytes, headers: dict[str, str], attempt: int) -> RawDocument | IngestError:
    name = urlsplit(url).path.rsplit("/", 1)[-1]
    if "html" in headers["content_type"] and not name.lower().endswith((".htm", ".html")):
        name += ".html"
    elif _DELIMITED_TYPE.search(headers["content_type"]) and not name.lower().endswith((".csv", ".tsv")):
        name += ".csv"  # an open-data API's download (…/export?format=csv): the server says what it is
    try:
        kind = sniff_kind(data, name)
    except ReadError as exc:
        return IngestError(url, "read", exc.error_type, exc.message, sha256=content_hash(data) if data else None)
    return RawDocument.from_bytes(url, data, kind, attempts=str(attempt + 1), **headers)
