"""``ClientResponse``: what a request returns, and how its connection is released.

A response holds its connection until its body has arrived (then it lets it
go at once, as aiohttp does), until ``release()``/``close()``, or until the
``async with`` block around it ends. Once released, its body can no longer
be read unless it was read before: ``ClientConnectionError: Connection
closed``.
"""

import codecs
import contextlib
import http.cookies
import json as _json
import re
from collections import namedtuple

from .aiohttp_exceptions import ClientConnectionError, ClientResponseError, ContentTypeError

__all__ = ["ClientResponse", "RequestInfo", "HttpVersion"]

_JSON_CONTENT_TYPE = re.compile(r"^application/(?:[\w.+-]+?\+)?json")


class RequestInfo(namedtuple("RequestInfo", ["url", "method", "headers", "real_url"])):
    """What was asked: the URL, method and headers of a request."""


class ClientResponse:
    """A response: status and headers at once, the body as it is read."""

    def __init__(self, method, url, real_url, request_info, history, loop, connection, head, payload):
        self.method = method
        self._url = url
        self._real_url = real_url
        self._request_info = request_info
        self._history = history
        self._loop = loop
        self._connection = connection
        self._body = None
        self._closed = False
        self._released = False
        self._in_context = False
        self.version = HttpVersion(*head.version)
        self.status = head.status
        self.reason = head.reason
        self._headers = head.headers
        self.content = payload
        self.cookies = http.cookies.SimpleCookie()
        for value in self._headers.getall("Set-Cookie", ()):
            with contextlib.suppress(http.cookies.CookieError):
                self.cookies.load(value)
        payload.on_eof(self._response_eof)

    # What arrived

    @property
    def url(self):
        return self._url

    @property
    def real_url(self):
        return self._real_url

    @property
    def host(self):
        return self._url.host

    @property
    def headers(self):
        return self._headers

    @property
    def raw_headers(self):
        return tuple((name.encode("utf-8"), value.encode("utf-8")) for name, value in self._headers.items())

    @property
    def request_info(self):
        return self._request_info

    @property
    def history(self):
        return self._history

    @property
    def connection(self):
        return self._connection

    @property
    def ok(self):
        """``True`` if ``status`` is less than ``400``, ``False`` if not."""
        return 400 > self.status

    def _content_type_parts(self):
        raw = self._headers.get("Content-Type")
        if raw is None:
            return "application/octet-stream", {}
        mimetype, *params = raw.split(";")
        parameters = {}
        for param in params:
            name, _, value = param.partition("=")
            parameters[name.strip().lower()] = value.strip().strip('"')
        return mimetype.strip().lower(), parameters

    @property
    def content_type(self):
        return self._content_type_parts()[0]

    @property
    def charset(self):
        return self._content_type_parts()[1].get("charset")

    @property
    def content_length(self):
        length = self._headers.get("Content-Length")
        return int(length) if length is not None and length.isdigit() else None

    def __repr__(self):
        return f"<ClientResponse({self._url}) [{self.status} {self.reason}]>\n{self._headers!r}\n"

    # Releasing the connection

    def _response_eof(self):
        if self._closed:
            return
        self._closed = True
        self._release_connection()

    def _release_connection(self):
        if self._connection is not None:
            self._connection.release()
            self._connection = None

    def _notify_content(self):
        content = self.content
        if content is not None and content.exception() is None:
            content.set_exception(ClientConnectionError("Connection closed"))
        self._released = True

    @property
    def closed(self):
        return self._closed

    def close(self):
        if not self._released:
            self._notify_content()
        self._closed = True
        if self._loop.is_closed():
            return
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def release(self):
        if not self._released:
            self._notify_content()
        self._closed = True
        self._release_connection()

    async def wait_for_close(self):
        self.release()

    def raise_for_status(self):
        if not self.ok:
            # Inside ``async with``, __aexit__ releases the response.
            if not self._in_context:
                self.release()
            raise ClientResponseError(
                self._request_info, self._history,
                status=self.status, message=self.reason, headers=self._headers)

    # The body

    async def read(self):
        """The whole body, as bytes."""
        if self._body is None:
            try:
                self._body = await self.content.read()
            except BaseException:
                self.close()
                raise
        elif self._released:
            raise ClientConnectionError("Connection closed")
        self._release_connection()
        return self._body

    def get_encoding(self):
        mimetype, parameters = self._content_type_parts()
        encoding = parameters.get("charset")
        if encoding:
            with contextlib.suppress(LookupError, ValueError):
                return codecs.lookup(encoding).name
        if mimetype in ("application/json", "application/rdap+json"):
            return "utf-8"
        if self._body is None:
            raise RuntimeError("Cannot compute fallback encoding of a not yet read body")
        return "utf-8"

    async def text(self, encoding=None, errors="strict"):
        """The body decoded as text."""
        await self.read()
        if encoding is None:
            encoding = self.get_encoding()
        return self._body.decode(encoding, errors=errors)

    async def json(self, *, encoding=None, loads=_json.loads, content_type="application/json"):
        """The body decoded as JSON; None for an empty body."""
        await self.read()
        if content_type:
            ctype = self._headers.get("Content-Type", "").lower()
            if not _is_expected_content_type(ctype, content_type):
                raise ContentTypeError(
                    self._request_info, self._history, status=self.status,
                    message=f"Attempt to decode JSON with unexpected mimetype: {ctype}",
                    headers=self._headers)
        stripped = self._body.strip()
        if not stripped:
            return None
        if encoding is None:
            encoding = self.get_encoding()
        return loads(stripped.decode(encoding))

    async def __aenter__(self):
        self._in_context = True
        return self

    async def __aexit__(self, exc_type, exc_val, exc_tb):
        self._in_context = False
        self.release()
        await self.wait_for_close()


class HttpVersion(namedtuple("HttpVersion", ["major", "minor"])):
    """The HTTP version of a response, as in ``resp.version``."""


def _is_expected_content_type(response_content_type, expected_content_type):
    if expected_content_type == "application/json":
        return _JSON_CONTENT_TYPE.match(response_content_type) is not None
    return expected_content_type in response_content_type


for _class, _module in ((ClientResponse, "aiohttp.client_reqrep"), (RequestInfo, "aiohttp.client_reqrep"),
                        (HttpVersion, "aiohttp.http_writer")):
    _class.__module__ = _module
