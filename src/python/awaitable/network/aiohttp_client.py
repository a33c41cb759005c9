"""The client half of aiohttp 3.x, speaking HTTP/1.1 over the loop's connections.

A learner's ``import aiohttp`` gets the module ``make_module()`` builds. It
follows aiohttp's client line by line where a learner can tell: the same
classes and arguments, the same exceptions and messages, the same timeout
rules (``ClientTimeout(total=300, sock_connect=30)`` by default, totals of
5 s or more rounded up to a whole second of loop time), the connector's
limit of 100 connections shared by all requests of a session, the response
released as soon as its body has arrived, the one automatic retry of an
idempotent request whose connection was lost, and the "Unclosed client
session" report when a session is garbage collected open.

Connections go through ``loop.create_connection``, so in the sandbox every
request crosses the virtual network (names, ports, latency, host limits) and
shows on the virtual clock; each one is also recorded in the trace as a
``RequestRecord``. Connections are not pooled: each request opens one and
closes it when the response is released.
"""

import asyncio
import base64
import dataclasses
import json as _json
import sys
import types
import warnings
from collections import namedtuple

from . import aiohttp_exceptions
from .aiohttp_connector import ConnectionKey, TCPConnector, deadline
from .aiohttp_exceptions import (
    ClientError, ClientOSError, ClientResponseError, ConnectionTimeoutError,
    InvalidUrlClientError, NonHttpUrlClientError, ServerDisconnectedError, TooManyRedirects,
)
from .aiohttp_response import ClientResponse, HttpVersion, RequestInfo
from .aiohttp_streams import StreamReader
from .http_wire import HttpParseError, format_request
from .multidict import CIMultiDict, CIMultiDictProxy, MultiDict, MultiDictProxy
from .url import URL, encode_query
from ..trace import RequestRecord

__all__ = ["make_module", "ClientSession", "ClientTimeout", "request"]

__version__ = "3.11.18"

_SERVER_SOFTWARE = "Python/{0[0]}.{0[1]} aiohttp/{1}".format(sys.version_info, __version__)
_GET_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})
_IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE", "PUT", "DELETE"})
_REDIRECT_STATUSES = (301, 302, 303, 307, 308)
_SENTINEL = object()


@dataclasses.dataclass(frozen=True)
class ClientTimeout:
    """Timeouts of a request, in seconds; None means no limit."""

    total: float | None = None
    connect: float | None = None
    sock_read: float | None = None
    sock_connect: float | None = None
    ceil_threshold: float = 5


DEFAULT_TIMEOUT = ClientTimeout(total=5 * 60, sock_connect=30)


class BasicAuth(namedtuple("BasicAuth", ["login", "password", "encoding"])):
    """HTTP basic authentication credentials."""

    def __new__(cls, login, password="", encoding="latin1"):
        if ":" in login:
            raise ValueError('A ":" is not allowed in login (RFC 1945#section-11.1)')
        return super().__new__(cls, login, password, encoding)

    def encode(self):
        credentials = f"{self.login}:{self.password}".encode(self.encoding)
        return "Basic " + base64.b64encode(credentials).decode(self.encoding)


class _RequestContextManager:
    """What ``session.get(...)`` returns: awaitable, and an async context
    manager that releases the response on exit."""

    __slots__ = ("_coro", "_resp")

    def __init__(self, coro):
        self._coro = coro
        self._resp = None

    def send(self, arg):
        return self._coro.send(arg)

    def throw(self, *args, **kwargs):
        return self._coro.throw(*args, **kwargs)

    def close(self):
        return self._coro.close()

    def __await__(self):
        return self._coro.__await__()

    def __iter__(self):
        return self.__await__()

    async def __aenter__(self):
        self._resp = await self._coro
        return await self._resp.__aenter__()

    async def __aexit__(self, exc_type, exc, tb):
        await self._resp.__aexit__(exc_type, exc, tb)


def _encode_body(data, json_value, json_serialize):
    """The request body and its default Content-Type."""
    if json_value is not None:
        return json_serialize(json_value).encode("utf-8"), "application/json"
    if data is None:
        return None, None
    if isinstance(data, (bytes, bytearray, memoryview)):
        return bytes(data), "application/octet-stream"
    if isinstance(data, str):
        return data.encode("utf-8"), "text/plain; charset=utf-8"
    if isinstance(data, (dict, list, tuple, MultiDict, MultiDictProxy)):
        return encode_query(data).encode("utf-8"), "application/x-www-form-urlencoded"
    raise TypeError(f"data={type(data).__name__} is not supported by the sandbox's aiohttp: "
                    "use bytes, str, a dict (a form) or json=...")


class ClientSession:
    """First-class interface for making HTTP requests."""

    # Arguments that tune what the sandbox does not simulate (HTTP versions,
    # compression, proxies from the environment, parser buffers) are
    # accepted, so that programs written for aiohttp run, and ignored.
    def __init__(self, base_url=None, *, connector=None, cookies=None, headers=None,
                 skip_auto_headers=None, auth=None, json_serialize=_json.dumps,
                 version=(1, 1), connector_owner=True, raise_for_status=False,
                 timeout=_SENTINEL, auto_decompress=True, trust_env=False,
                 requote_redirect_url=True, read_bufsize=2**16,
                 max_line_size=8190, max_field_size=8190):
        # Set first: __del__ reads it even when __init__ fails.
        self._connector = None
        if base_url is None or isinstance(base_url, URL):
            self._base_url = base_url
        else:
            self._base_url = URL(base_url)
            if self._base_url.origin() != self._base_url:
                raise AssertionError("Only absolute URLs without path part are supported")
        loop = asyncio.get_running_loop()
        if timeout is _SENTINEL or timeout is None:
            timeout = DEFAULT_TIMEOUT
        if not isinstance(timeout, ClientTimeout):
            raise ValueError(
                f"timeout parameter cannot be of {type(timeout)} type, "
                "please use 'timeout=ClientTimeout(...)'")
        if connector is None:
            connector = TCPConnector()
        self._connector = connector
        self._loop = loop
        if connector._loop is not loop:
            raise RuntimeError("Session and connector have to use same event loop")
        self._timeout = timeout
        self._connector_owner = connector_owner
        self._default_auth = auth
        self._json_serialize = json_serialize
        self._raise_for_status = raise_for_status
        self._default_headers = CIMultiDict(headers) if headers else CIMultiDict()
        self._skip_auto_headers = frozenset(name.lower() for name in skip_auto_headers or ())
        self._cookies = dict(cookies or {})

    def __init_subclass__(cls):
        raise TypeError(f"Inheritance class {cls.__name__} from ClientSession is forbidden")

    def __del__(self, _warnings=warnings):
        if not self.closed:
            _warnings.warn(f"Unclosed client session {self!r}", ResourceWarning, source=self)
            self._loop.call_exception_handler({"client_session": self, "message": "Unclosed client session"})

    # Requests

    def request(self, method, url, **kwargs):
        """Perform HTTP request."""
        return _RequestContextManager(self._request(method, url, **kwargs))

    def get(self, url, *, allow_redirects=True, **kwargs):
        """Perform HTTP GET request."""
        return _RequestContextManager(self._request("GET", url, allow_redirects=allow_redirects, **kwargs))

    def options(self, url, *, allow_redirects=True, **kwargs):
        """Perform HTTP OPTIONS request."""
        return _RequestContextManager(self._request("OPTIONS", url, allow_redirects=allow_redirects, **kwargs))

    def head(self, url, *, allow_redirects=False, **kwargs):
        """Perform HTTP HEAD request."""
        return _RequestContextManager(self._request("HEAD", url, allow_redirects=allow_redirects, **kwargs))

    def post(self, url, *, data=None, **kwargs):
        """Perform HTTP POST request."""
        return _RequestContextManager(self._request("POST", url, data=data, **kwargs))

    def put(self, url, *, data=None, **kwargs):
        """Perform HTTP PUT request."""
        return _RequestContextManager(self._request("PUT", url, data=data, **kwargs))

    def patch(self, url, *, data=None, **kwargs):
        """Perform HTTP PATCH request."""
        return _RequestContextManager(self._request("PATCH", url, data=data, **kwargs))

    def delete(self, url, **kwargs):
        """Perform HTTP DELETE request."""
        return _RequestContextManager(self._request("DELETE", url, **kwargs))

    def _build_url(self, str_or_url):
        url = URL(str_or_url)
        if self._base_url is None:
            return url
        if url.absolute or not url.path.startswith("/"):
            raise AssertionError("with base_url, request a path that starts with '/'")
        return self._base_url.join(url)

    def _prepare_headers(self, headers):
        result = CIMultiDict(self._default_headers)
        if headers:
            added = set()
            pairs = headers.items() if hasattr(headers, "items") else headers
            for name, value in pairs:
                if name.lower() in added:
                    result.add(name, value)
                else:
                    result[name] = value
                    added.add(name.lower())
        return result

    async def _request(self, method, str_or_url, *, params=None, data=None, json=None,
                       cookies=None, headers=None, skip_auto_headers=None, auth=None,
                       allow_redirects=True, max_redirects=10, raise_for_status=None,
                       read_until_eof=True, timeout=_SENTINEL, ssl=True,
                       server_hostname=None, read_bufsize=None, auto_decompress=None,
                       max_line_size=None, max_field_size=None, proxy=None):
        if self.closed:
            raise RuntimeError("Session is closed")
        if proxy is not None:
            raise NotImplementedError("proxies are not simulated by the sandbox's network")
        if data is not None and json is not None:
            raise ValueError("data and json parameters can not be used at the same time")
        body, body_type = _encode_body(data, json, self._json_serialize)
        method = method.upper()
        try:
            url = self._build_url(str_or_url)
        except ValueError as exc:
            raise InvalidUrlClientError(str_or_url) from exc
        if url.scheme not in ("", "http", "https"):
            raise NonHttpUrlClientError(url)
        if timeout is _SENTINEL:
            real_timeout = self._timeout
        elif isinstance(timeout, ClientTimeout):
            real_timeout = timeout
        else:
            real_timeout = ClientTimeout(total=timeout)
        loop = self._loop
        total_deadline = deadline(loop, real_timeout.total, real_timeout.ceil_threshold, at_threshold=True)
        record = self._record(method, url.extend_query(params) if params else url)
        history = []
        retry_lost_connection = method in _IDEMPOTENT_METHODS
        try:
            async with asyncio.timeout_at(total_deadline):
                while True:
                    if not url.raw_host:
                        raise InvalidUrlClientError(url)
                    real_url = url.extend_query(params) if params else url
                    request_url = real_url.with_fragment(None)
                    request_headers = self._request_headers(
                        method, request_url, headers, skip_auto_headers, auth, cookies, body, body_type)
                    request_info = RequestInfo(
                        request_url, method, CIMultiDictProxy(request_headers), real_url)
                    key = ConnectionKey(url.raw_host, url.port, url.scheme == "https", ssl, None, None, None)
                    if self.closed:
                        raise ClientConnectionError("Connector is closed.")
                    try:
                        async with asyncio.timeout_at(deadline(
                                loop, real_timeout.connect, real_timeout.ceil_threshold, at_threshold=False)):
                            connection = await self._connector._connect(key, real_timeout)
                    except asyncio.TimeoutError as exc:
                        raise ConnectionTimeoutError(f"Connection timeout to host {url}") from exc
                    try:
                        try:
                            resp = await self._exchange(
                                connection, method, request_url, request_headers, body,
                                real_timeout, total_deadline, read_until_eof, request_info, tuple(history))
                        except BaseException:
                            connection.close()
                            raise
                    except (ClientOSError, ServerDisconnectedError):
                        # A session closed meanwhile has no connector to retry with.
                        if retry_lost_connection and not self.closed:
                            retry_lost_connection = False
                            continue
                        raise
                    except ClientError:
                        raise
                    except OSError as exc:
                        if exc.errno is None and isinstance(exc, asyncio.TimeoutError):
                            raise
                        raise ClientOSError(*exc.args) from exc
                    location = resp.headers.get("Location")
                    if not (resp.status in _REDIRECT_STATUSES and allow_redirects and location):
                        break
                    history.append(resp)
                    if max_redirects and len(history) >= max_redirects:
                        resp.close()
                        raise TooManyRedirects(history[0].request_info, tuple(history))
                    if (resp.status == 303 and method != "HEAD") or (
                            resp.status in (301, 302) and method == "POST"):
                        method, body, body_type = "GET", None, None
                    resp.release()
                    url = url.join(URL(location))
                    params = None
            resp._history = tuple(history)
            if raise_for_status is None:
                raise_for_status = self._raise_for_status
            if callable(raise_for_status):
                await raise_for_status(resp)
            elif raise_for_status:
                resp.raise_for_status()
        except BaseException as exc:
            if record is not None:
                record.end = loop.time()
                if isinstance(exc, ClientResponseError) and exc.status:
                    record.status = exc.status
                record.error = f"{type(exc).__name__}: {exc}".rstrip(": ")
            raise
        if record is not None:
            record.end = loop.time()
            record.status = resp.status
        return resp

    async def _exchange(self, connection, method, url, headers, body, timeout, total_deadline,
                        read_until_eof, request_info, history):
        """Send one request on ``connection`` and read the response's head."""
        protocol = connection.protocol
        protocol.set_response_params(
            head_request=method == "HEAD", read_timeout=timeout.sock_read,
            deadline=total_deadline, read_until_eof=read_until_eof)
        connection.transport.write(format_request(method, url.path_qs, headers.items(), body or b""))
        protocol.start_timeout()
        try:
            head, payload = await protocol.read_head()
        except HttpParseError as exc:
            raise ClientResponseError(request_info, history, status=400, message=str(exc)) from exc
        return ClientResponse(method, url, request_info.real_url, request_info, history,
                              self._loop, connection, head, payload)

    def _request_headers(self, method, url, headers, skip_auto_headers, auth, cookies, body, body_type):
        result = CIMultiDict()
        result["Host"] = url.host_port_subcomponent
        for name, value in self._prepare_headers(headers).items():
            if name.lower() == "host":
                result["Host"] = value
            else:
                result.add(name, value)
        skip = set(self._skip_auto_headers)
        skip.update(name.lower() for name in skip_auto_headers or ())
        for name, value in (("Accept", "*/*"), ("Accept-Encoding", "gzip, deflate"),
                            ("User-Agent", _SERVER_SOFTWARE)):
            if name not in result and name.lower() not in skip:
                result[name] = value
        all_cookies = dict(self._cookies)
        all_cookies.update(cookies or {})
        if all_cookies:
            result["Cookie"] = "; ".join(f"{name}={value}" for name, value in all_cookies.items())
        auth = auth if auth is not None else self._default_auth
        if auth is not None:
            result["Authorization"] = auth.encode()
        if body_type is not None and "Content-Type" not in result and "content-type" not in skip:
            result["Content-Type"] = body_type
        if body is not None or method not in _GET_METHODS:
            if "Content-Length" not in result:
                result["Content-Length"] = str(len(body or b""))
        return result

    def _record(self, method, url):
        """Add the request to the sandbox's trace (a sandbox's loop knows
        its sandbox; on any other loop nothing is recorded)."""
        sandbox = getattr(self._loop, "_sandbox", None)
        if sandbox is None:
            return None
        record = RequestRecord(
            id=len(sandbox.trace.requests) + 1, method=method, url=str(url.with_fragment(None)),
            host=url.raw_host or "", start=self._loop.time(), task=sandbox.current_task_id())
        sandbox.trace.requests.append(record)
        return record

    # Session life

    async def close(self):
        """Close underlying connector. Release all acquired resources."""
        if not self.closed:
            if self._connector is not None and self._connector_owner:
                await self._connector.close()
            self._connector = None

    @property
    def closed(self):
        """Is client session closed."""
        return self._connector is None or self._connector.closed

    @property
    def connector(self):
        return self._connector

    @property
    def timeout(self):
        return self._timeout

    @property
    def headers(self):
        return self._default_headers

    @property
    def connector_owner(self):
        return self._connector_owner

    @property
    def raise_for_status(self):
        return self._raise_for_status

    def detach(self):
        """Detach connector from session without closing the former."""
        self._connector = None

    def __enter__(self):
        raise TypeError("Use async with instead")

    def __exit__(self, exc_type, exc_val, exc_tb):
        pass

    async def __aenter__(self):
        return self

    async def __aexit__(self, exc_type, exc_val, exc_tb):
        await self.close()


class _SessionRequestContextManager:
    """What ``aiohttp.request(...)`` returns: a response inside its own session."""

    __slots__ = ("_coro", "_resp", "_session")

    def __init__(self, coro, session):
        self._coro = coro
        self._resp = None
        self._session = session

    async def __aenter__(self):
        try:
            self._resp = await self._coro
        except BaseException:
            await self._session.close()
            raise
        return self._resp

    async def __aexit__(self, exc_type, exc, tb):
        self._resp.close()
        await self._session.close()


def request(method, url, *, params=None, data=None, json=None, headers=None,
            skip_auto_headers=None, auth=None, allow_redirects=True, max_redirects=10,
            raise_for_status=None, read_until_eof=True, timeout=_SENTINEL, cookies=None,
            connector=None):
    """Perform one request in a session of its own (``async with aiohttp.request(...)``)."""
    connector_owner = connector is None
    if connector is None:
        connector = TCPConnector(force_close=True)
    session = ClientSession(cookies=cookies, timeout=timeout, connector=connector,
                            connector_owner=connector_owner)
    return _SessionRequestContextManager(
        session._request(method, url, params=params, data=data, json=json, headers=headers,
                         skip_auto_headers=skip_auto_headers, auth=auth,
                         allow_redirects=allow_redirects, max_redirects=max_redirects,
                         raise_for_status=raise_for_status, read_until_eof=read_until_eof),
        session)


for _class in (ClientSession, ClientTimeout, _RequestContextManager, _SessionRequestContextManager):
    _class.__module__ = "aiohttp.client"
BasicAuth.__module__ = "aiohttp.helpers"


#: Names of aiohttp that belong to parts the sandbox does not simulate.
_NOT_SIMULATED = {
    "web": "aiohttp.web (the server side of aiohttp)",
    "ClientWebSocketResponse": "WebSockets", "WSMsgType": "WebSockets",
    "FormData": "multipart forms (FormData)", "MultipartWriter": "multipart bodies",
    "TraceConfig": "request tracing (TraceConfig)", "CookieJar": "cookie jars",
    "UnixConnector": "Unix sockets", "NamedPipeConnector": "named pipes",
}

_PUBLIC = {
    "ClientSession": ClientSession, "ClientResponse": ClientResponse,
    "ClientTimeout": ClientTimeout, "TCPConnector": TCPConnector, "BasicAuth": BasicAuth,
    "RequestInfo": RequestInfo, "StreamReader": StreamReader, "request": request,
    "HttpVersion": HttpVersion, "HttpVersion10": HttpVersion(1, 0), "HttpVersion11": HttpVersion(1, 1),
}


def _module_getattr(name):
    if name in _NOT_SIMULATED:
        raise ImportError(
            f"{_NOT_SIMULATED[name]} is not part of the sandbox's aiohttp: "
            "only the client (ClientSession and what goes with it) is simulated", name="aiohttp")
    raise AttributeError(f"module 'aiohttp' has no attribute {name!r}")


def make_module():
    """A fresh ``aiohttp`` module for one run of a program."""
    module = types.ModuleType("aiohttp", "The client side of aiohttp, simulated by the sandbox.")
    for name in aiohttp_exceptions.__all__:
        setattr(module, name, getattr(aiohttp_exceptions, name))
    for name, value in _PUBLIC.items():
        setattr(module, name, value)
    module.__version__ = __version__
    module.__getattr__ = _module_getattr
    return module
