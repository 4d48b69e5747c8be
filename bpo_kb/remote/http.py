"""HTTP for SPARQL services: credentials from the environment or ~/.netrc, Basic or Digest
chosen by the server's challenge, timeouts, TLS verification on, errors as :class:`StoreError`.

Credentials are never taken from the command line and never appear in a message.
"""

from __future__ import annotations

import netrc
import os
from typing import Any
from urllib.parse import urlsplit

from bpo_kb.errors import StoreError

__all__ = ["CONNECT_TIMEOUT", "READ_TIMEOUT", "credentials_for", "request"]

CONNECT_TIMEOUT = 10.0
READ_TIMEOUT = 300.0
USER_VARIABLE = "BPO_KB_USER"
PASSWORD_VARIABLE = "BPO_KB_PASSWORD"


def credentials_for(url: str) -> tuple[str, str] | None:
    """(user, password) from BPO_KB_USER/BPO_KB_PASSWORD, else from ~/.netrc for the host."""
    user, password = os.environ.get(USER_VARIABLE), os.environ.get(PASSWORD_VARIABLE)
    if user and password is not None:
        return user, password
    try:
        entry = netrc.netrc(os.environ.get("NETRC")).authenticators(urlsplit(url).hostname or "")
    except (FileNotFoundError, netrc.NetrcParseError):
        return None
    if entry is None:
        return None
    login, _, secret = entry
    return (login, secret or "") if login else None


def request(method: str, url: str, **options: Any) -> Any:
    """Send one request; answer an authentication challenge once with the known credentials.

    Raises:
        StoreError: the server is unreachable, or answers with an HTTP error status.
    """
    import requests
    from requests.auth import HTTPBasicAuth, HTTPDigestAuth

    options.setdefault("timeout", (CONNECT_TIMEOUT, READ_TIMEOUT))
    session = requests.Session()
    session.trust_env = False  # credentials come from credentials_for(), proxies are not used
    try:
        response = session.request(method, url, **options)
        known = credentials_for(url)
        if response.status_code == 401 and known:
            challenge = response.headers.get("WWW-Authenticate", "")
            auth_class = HTTPDigestAuth if challenge.lower().startswith("digest") else HTTPBasicAuth
            response = session.request(method, url, auth=auth_class(*known), **options)
    except requests.RequestException as err:
        raise StoreError(f"{_without_query(url)}: unreachable ({type(err).__name__})") from None
    if response.status_code >= 400:
        raise StoreError(_describe_failure(url, response))
    return response


def _describe_failure(url: str, response: Any) -> str:
    hint = ""
    if response.status_code == 401:
        hint = f" (credentials: {USER_VARIABLE}/{PASSWORD_VARIABLE} or ~/.netrc)"
    detail = next((line.strip() for line in response.text.splitlines() if line.strip()), "")
    detail = f": {detail[:200]}" if detail else ""
    return f"{_without_query(url)}: HTTP {response.status_code} {response.reason}{hint}{detail}"


def _without_query(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.hostname}{f':{parts.port}' if parts.port else ''}{parts.path}"
