"""HTTP for SPARQL services: credentials from the environment or ~/.netrc, Basic or Digest
chosen by the server's challenge, TLS verification on, errors as :class:`StoreError`.

What a hostile or faulty server cannot do (README, "Publishing to a store"):

- redirect: no redirect is followed; a 3xx is a :class:`StoreError` naming the Location;
- collect credentials: they go only to the origin (scheme, host, port) of the URL given, and
  only in answer to a Basic or Digest challenge from that origin; never over plain http to a
  host that is not loopback, unless :class:`Limits` ``allow_insecure_auth``; a URL with a
  user name or password in it is refused before any connection, and never printed;
- stall: every request, with its authentication round trip, ends within ``Limits.timeout``
  seconds (a total deadline, not requests' per-read timeout);
- flood: an error body is read up to :data:`ERROR_BODY_BYTES` and shown escaped, one line.

Credentials are never taken from the command line and never appear in a message.
"""

from __future__ import annotations

import ipaddress
import netrc
import os
import sys
import threading
import time
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from bpo_kb.errors import StoreError, UsageError

__all__ = [
    "CONNECT_TIMEOUT",
    "ERROR_BODY_BYTES",
    "Limits",
    "Reply",
    "credentials_for",
    "display_url",
    "is_loopback",
    "printable",
    "refusal_before_connecting",
    "remote_limits",
    "request",
]

CONNECT_TIMEOUT = 10.0
ERROR_BODY_BYTES = 2048  # read of an error answer; a few hundred characters of it are shown
SHOWN_CHARACTERS = 200
USER_VARIABLE = "BPO_KB_USER"
PASSWORD_VARIABLE = "BPO_KB_PASSWORD"
CREDENTIAL_SOURCES = f"{USER_VARIABLE}/{PASSWORD_VARIABLE} or ~/.netrc"


@dataclass(frozen=True)
class Limits:
    """How long a request may take, in seconds, and whether credentials may go over plain http
    to a host that is not loopback."""

    timeout: float = 120.0
    allow_insecure_auth: bool = False


_LIMITS: ContextVar[Limits | None] = ContextVar("bpo_kb_remote_limits", default=None)


@contextmanager
def remote_limits(limits: Limits) -> Iterator[None]:
    """Every :func:`request` made inside the ``with`` block obeys ``limits``."""
    token = _LIMITS.set(limits)
    try:
        yield
    finally:
        _LIMITS.reset(token)


@dataclass(frozen=True)
class Reply:
    """A server's answer, read whole (success) or cut to :data:`ERROR_BODY_BYTES` (error)."""

    status_code: int
    reason: str
    url: str
    content: bytes
    headers: dict[str, str] = field(default_factory=dict)


# --- Credentials ----------------------------------------------------------------------------

_warned_netrc: set[str] = set()


def credentials_for(url: str) -> tuple[str, str] | None:
    """(user, password) from BPO_KB_USER/BPO_KB_PASSWORD, else from ~/.netrc (or the file
    $NETRC names) for the host. A netrc file that group or others may read, or that another user
    owns, is ignored with a one-line warning on stderr, as ssh ignores such keys."""
    user, password = os.environ.get(USER_VARIABLE), os.environ.get(PASSWORD_VARIABLE)
    if user and password is not None:
        return user, password
    path = Path(os.environ.get("NETRC") or Path.home() / ".netrc")
    try:
        status = path.stat()
    except OSError:
        return None
    owner = os.getuid() if hasattr(os, "getuid") else status.st_uid
    if status.st_mode & 0o077 or status.st_uid != owner:
        why = "group or others may read it" if status.st_mode & 0o077 else "another user owns it"
        _warn_once(f"warning: {path} ignored: {why} (chmod 600 {path})")
        return None
    try:
        entry = netrc.netrc(str(path)).authenticators(urlsplit(url).hostname or "")
    except (OSError, netrc.NetrcParseError):
        _warn_once(f"warning: {path} ignored: it cannot be read as a netrc file")
        return None
    if entry is None:
        return None
    login, _, secret = entry
    return (login, secret or "") if login else None


def _warn_once(message: str) -> None:
    if message not in _warned_netrc:
        _warned_netrc.add(message)
        print(printable(message), file=sys.stderr)


# --- Decisions taken before any connection -----------------------------------------------------


def _origin(url: str) -> tuple[str, str, int]:
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    return scheme, (parts.hostname or "").lower(), parts.port or (443 if scheme == "https" else 80)


def is_loopback(host: str) -> bool:
    """``localhost`` or a loopback address (127.0.0.0/8, ::1); no name is looked up."""
    if host.lower().rstrip(".") == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def refusal_before_connecting(
    url: str, *, has_credentials: bool, allow_insecure_auth: bool
) -> str | None:
    """Why ``url`` must not be contacted at all, or None. Decided from the URL alone, so that
    nothing (not even a DNS query) reaches the host of a refused URL.

    - only http and https, with a host;
    - no user name or password in the URL (they would be kept in shell history and shown by
      ps; the password is never repeated in the message);
    - with credentials known for it, no plain http to a host that is not loopback unless
      ``allow_insecure_auth``: bpo-kb cannot know before connecting whether the server will ask
      for Basic (the password in clear) or Digest (an MD5 answer open to offline guessing, and
      a man in the middle can ask for Basic instead), so both are refused.
    """
    shown = display_url(url)
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError:
        return f"{shown}: not a valid URL"
    if "@" in parts.netloc:
        return (
            f"{shown}: a user name or password in the URL is refused; "
            f"give credentials with {CREDENTIAL_SOURCES}"
        )
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return f"{shown}: not an http or https URL"
    insecure = parts.scheme.lower() == "http" and not is_loopback(parts.hostname)
    if has_credentials and insecure and not allow_insecure_auth:
        return (
            f"{shown}: credentials ({CREDENTIAL_SOURCES}) would go over plain http to a host "
            "that is not loopback; use https, or --allow-insecure-auth on a network you trust"
        )
    return None


# --- The request --------------------------------------------------------------------------------


def request(method: str, url: str, **options: Any) -> Reply:
    """Send one request, within the deadline of the current :class:`Limits`; answer a Basic or
    Digest challenge from the same origin once, with the known credentials.

    Raises:
        UsageError: a URL refused before connecting (see :func:`refusal_before_connecting`).
        StoreError: unreachable, too slow, redirected, or an HTTP error status.
    """
    import requests
    from requests.auth import HTTPBasicAuth

    limits = _LIMITS.get() or Limits()
    known = _credentials_or_none(url)
    refusal = refusal_before_connecting(
        url, has_credentials=known is not None, allow_insecure_auth=limits.allow_insecure_auth
    )
    if refusal:
        raise UsageError(refusal)
    deadline = time.monotonic() + limits.timeout
    session = requests.Session()
    session.trust_env = False  # credentials come from credentials_for(), proxies are not used

    def send(auth: Any) -> Reply:
        return _before(
            deadline, url, limits, lambda left: _exchange(session, left, auth, method, url, options)
        )

    try:
        reply = send(None)
        challenge = reply.headers.get("www-authenticate", "").strip()
        scheme = challenge.split(None, 1)[0].lower() if challenge else ""
        if reply.status_code == 401 and known and _origin(reply.url) == _origin(url):
            # Only the origin named is ever answered, and only for a scheme it asked for.
            if scheme == "basic":
                reply = send(HTTPBasicAuth(*known))
            elif scheme == "digest":
                reply = send(_Digest(*known, challenge))
    finally:
        session.close()
    if 300 <= reply.status_code < 400:
        location = printable(reply.headers.get("location", "(no Location header)"))
        raise StoreError(
            f"{display_url(url)}: HTTP {reply.status_code} {printable(reply.reason)} redirects to "
            f"{location[:SHOWN_CHARACTERS]}; redirects are not followed: give that URL if you "
            "trust it"
        )
    if reply.status_code >= 400:
        raise StoreError(_describe_failure(url, reply))
    return reply


def _credentials_or_none(url: str) -> tuple[str, str] | None:
    try:
        return credentials_for(url)
    except ValueError:  # a URL urlsplit cannot read: refused below, with its reason
        return None


def _exchange(
    session: Any, seconds_left: float, auth: Any, method: str, url: str, options: dict[str, Any]
) -> Reply:
    """One HTTP exchange, never redirected; an error body read up to ERROR_BODY_BYTES."""
    response = session.request(
        method,
        url,
        auth=auth,
        allow_redirects=False,
        stream=True,
        timeout=(min(CONNECT_TIMEOUT, seconds_left), seconds_left),
        **options,
    )
    try:
        limit = None if response.status_code < 300 else ERROR_BODY_BYTES
        chunks, size = [], 0
        for chunk in response.iter_content(min(limit or 65536, 65536)):
            chunks.append(chunk)
            size += len(chunk)
            if limit is not None and size >= limit:
                break
        return Reply(
            response.status_code,
            response.reason or "",
            response.url,
            b"".join(chunks)[: limit or None],
            {name.lower(): value for name, value in response.headers.items()},
        )
    finally:
        response.close()


def _before(deadline: float, url: str, limits: Limits, work: Callable[[float], Reply]) -> Reply:
    """``work`` done in a helper thread, waited for until ``deadline`` and no longer: a server
    that trickles a byte at a time defeats a per-read timeout, not this."""
    import requests

    outcome: list[Reply | BaseException] = []
    done = threading.Event()
    remaining = deadline - time.monotonic()

    def run() -> None:
        try:
            outcome.append(work(max(remaining, 0.001)))
        except BaseException as err:  # handed to the waiting thread
            outcome.append(err)
        finally:
            done.set()

    threading.Thread(target=run, name="bpo-kb-http", daemon=True).start()
    if not done.wait(max(remaining, 0)):
        raise StoreError(
            f"{display_url(url)}: no complete answer within {limits.timeout:g} s "
            "(--timeout SECONDS)"
        )
    result = outcome[0]
    if isinstance(result, requests.RequestException | ValueError | OSError):
        raise StoreError(f"{display_url(url)}: unreachable ({type(result).__name__})") from None
    if isinstance(result, BaseException):
        raise result
    return result


class _Digest:
    """The answer to one Digest challenge already received: requests' HTTPDigestAuth computes
    the header, without its hooks (which would read a whole 401 body and resend on their own)."""

    def __init__(self, user: str, password: str, challenge: str) -> None:
        from requests.auth import HTTPDigestAuth
        from requests.utils import parse_dict_header

        self._auth = HTTPDigestAuth(user, password)
        self._challenge = parse_dict_header(challenge.split(None, 1)[-1])

    def __call__(self, prepared: Any) -> Any:
        self._auth.init_per_thread_state()  # its state is per thread: set in the sending one
        self._auth._thread_local.chal = self._challenge
        header = self._auth.build_digest_header(prepared.method, prepared.url)
        if header:
            prepared.headers["Authorization"] = header
        return prepared


# --- Messages -------------------------------------------------------------------------------


def printable(text: str) -> str:
    """``text`` with every control or format character (ESC, CR, NUL, bidi overrides...)
    written as an escape, so that a server's words cannot drive the terminal."""
    return "".join(
        ch.encode("unicode_escape").decode("ascii")
        if unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp", "Cs")
        else ch
        for ch in text
    )


def _describe_failure(url: str, reply: Reply) -> str:
    hint = f" (credentials: {CREDENTIAL_SOURCES})" if reply.status_code == 401 else ""
    text = reply.content.decode("utf-8", errors="replace")
    detail = next((line.strip() for line in text.splitlines() if line.strip()), "")
    detail = printable(detail[:SHOWN_CHARACTERS])[: SHOWN_CHARACTERS * 2]
    detail = f": {detail}" if detail else ""
    return (
        f"{display_url(url)}: HTTP {reply.status_code} {printable(reply.reason)[:80]}{hint}{detail}"
    )


def display_url(url: str) -> str:
    """``url`` as messages show it: scheme, host, port and path; never a user name, password,
    query or fragment; controls escaped."""
    try:
        parts = urlsplit(url)
        port = f":{parts.port}" if parts.port else ""
        host = parts.hostname or ""
        host = f"[{host}]" if ":" in host else host
    except ValueError:
        return "the URL given"
    prefix = f"{parts.scheme}://" if parts.scheme or parts.netloc else ""  # "x" is no "://x"
    return printable(f"{prefix}{host}{port}{parts.path}")[: SHOWN_CHARACTERS * 2]
