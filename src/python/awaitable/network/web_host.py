"""Virtual web hosts: HTTP/1.1 servers an exercise defines with a table of routes.

A route maps ``"GET /users/{id}"`` (a bare ``"/path"`` means GET) to what
the host answers:

- a ``Response``, or a plain value: a ``str`` is ``text/plain``, a ``dict``
  or ``list`` is JSON, ``bytes`` are ``application/octet-stream``;
- one of the faults ``HANG`` (never answer: the client's timeout fires),
  ``RESET`` (reset the connection) or ``CLOSE`` (close it without an answer);
- a function ``handler(request)``, plain or ``async``, returning any of those.

Timing: the host answers ``latency`` seconds after a request arrives (or
when an async handler returns, if that is later), plus the response's own
``delay``. The network itself adds nothing, so a request to a host with
``latency=0.1`` takes exactly 0.1 s. With ``max_connections`` the host
serves that many requests at once; the others wait their turn
(``when_busy="wait"``) or are answered ``503 Service Unavailable`` at once
(``when_busy="reject"``). ``fail_first=N`` answers the first N requests with
``fail_with`` (a status code or a fault) whatever their route.

Every answer carries ``Connection: close``: each request uses a connection of
its own, so a host's connections and the requests it serves are the same
thing.
"""

import collections
import email.utils
import inspect
import json as _json
import re
import urllib.parse
from dataclasses import dataclass

from .http_wire import HttpParseError, MessageParser, format_response, reason_phrase
from .multidict import CIMultiDict, MultiDict, MultiDictProxy
from .stream_host import start_host_task

__all__ = ["WebHost", "Response", "Request", "HostRequest", "HANG", "RESET", "CLOSE", "fail_first"]

_UNSET = object()


class _Fault:
    """A way for a host to not answer a request."""

    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return self.name


#: The host never answers; the connection stays open until the client gives up.
HANG = _Fault("HANG")
#: The host resets the connection (the client sees ``ConnectionResetError``).
RESET = _Fault("RESET")
#: The host closes the connection without answering.
CLOSE = _Fault("CLOSE")


class Response:
    """What a web host answers: a status, headers and a body."""

    def __init__(self, status=200, *, text=None, json=_UNSET, body=None,
                 headers=None, content_type=None, reason=None, delay=0.0):
        self.status = status
        self.reason = reason if reason is not None else reason_phrase(status)
        self.delay = delay
        self.headers = CIMultiDict(headers or {})
        if json is not _UNSET:
            self.body = _json.dumps(json).encode("utf-8")
            default_type = "application/json; charset=utf-8"
        elif text is not None:
            self.body = text.encode("utf-8")
            default_type = "text/plain; charset=utf-8"
        elif body is not None:
            self.body = bytes(body)
            default_type = "application/octet-stream"
        elif status in (204, 304) or 100 <= status < 200:
            self.body = b""
            default_type = None
        else:
            self.body = f"{status}: {self.reason}".encode("utf-8")
            default_type = "text/plain; charset=utf-8"
        if content_type is not None:
            self.headers["Content-Type"] = content_type
        elif default_type is not None and "Content-Type" not in self.headers:
            self.headers["Content-Type"] = default_type

    def __repr__(self):
        return f"<Response {self.status} {self.reason}>"


def _as_response(value):
    """A route's answer as a ``Response`` or a fault."""
    if isinstance(value, (Response, _Fault)):
        return value
    if isinstance(value, str):
        return Response(text=value)
    if isinstance(value, (dict, list)):
        return Response(json=value)
    if isinstance(value, (bytes, bytearray)):
        return Response(body=value)
    raise TypeError(
        f"a web host route returned {value!r}; expected a Response, str, dict, "
        "list, bytes, HANG, RESET or CLOSE")


def fail_first(count, then, status=503):
    """A route target that answers the first ``count`` requests with
    ``status`` (or a fault), then every later one with ``then``."""
    remaining = count

    def route(request):
        nonlocal remaining
        if remaining > 0:
            remaining -= 1
            return status if isinstance(status, _Fault) else Response(status=status)
        if callable(then) and not isinstance(then, (Response, _Fault)):
            return then(request)
        return then

    return route


class Request:
    """A request as a route handler sees it."""

    def __init__(self, host, head, body, match_info):
        target = head.target
        if "://" in target:
            target = urllib.parse.urlsplit(target)._replace(scheme="", netloc="").geturl() or "/"
        path, _, query = target.partition("?")
        #: the host's name, as in ``api.example.com``
        self.host = host
        self.method = head.method
        #: the path, percent-decoded
        self.path = urllib.parse.unquote(path)
        #: the query string's parameters (``request.query["page"]``)
        self.query = MultiDictProxy(MultiDict(urllib.parse.parse_qsl(query, keep_blank_values=True)))
        self.query_string = query
        #: the request's headers (case-insensitive)
        self.headers = head.headers
        #: the body, as bytes
        self.body = body
        #: values of the route's ``{name}`` segments
        self.match_info = match_info

    @property
    def url(self):
        return f"http://{self.host}{self.path}" + (f"?{self.query_string}" if self.query_string else "")

    def text(self):
        return self.body.decode("utf-8")

    def json(self):
        return _json.loads(self.body.decode("utf-8"))

    def __repr__(self):
        return f"<Request {self.method} {self.path}>"


@dataclass
class HostRequest:
    """A request as the host saw it, for checks."""

    method: str
    path: str
    #: virtual time the request arrived at the host
    arrived: float
    #: virtual time the host started on it (later than ``arrived`` if it waited)
    started: float | None = None
    #: virtual time the host answered, reset or closed the connection
    ended: float | None = None
    #: the status answered, or None
    status: int | None = None
    #: None, HANG, RESET or CLOSE, or "client gone" if the client left first
    fault: str | None = None


_SEGMENT = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")


def _compile_route(key):
    method, _, path = key.strip().rpartition(" ")
    method = method.strip().upper() or "GET"
    if not path.startswith("/"):
        raise ValueError(f"a web host route must look like 'GET /path' or '/path', not {key!r}")
    pattern = ""
    position = 0
    for match in _SEGMENT.finditer(path):
        pattern += re.escape(path[position:match.start()]) + f"(?P<{match.group(1)}>[^/]+)"
        position = match.end()
    pattern += re.escape(path[position:])
    return method, re.compile(pattern + r"\Z")


class _WebConnection:
    """The host's end of one connection: reads one request, answers it, closes."""

    def __init__(self, host):
        self.host = host
        self.transport = None
        self._parser = MessageParser(is_response=False)
        self._head = None
        self._body = bytearray()
        self.record = None
        #: the host is working on this connection's request (it counts
        #: against ``max_connections``)
        self.holding = False
        self.timer = None
        self.task = None

    def connection_made(self, transport):
        self.transport = transport

    def data_received(self, data):
        # One request per connection: anything after it is ignored.
        if self._parser.done or self.transport.is_closing():
            return
        try:
            events = self._parser.feed(data)
        except HttpParseError:
            self.transport.write(_format(self.host, Response(status=400)))
            self.transport.close()
            return
        for kind, value in events:
            if kind == "head":
                self._head = value
            elif kind == "body":
                self._body += value
            else:
                self.host._arrived(self, self._head, bytes(self._body))

    def eof_received(self):
        # A client may half-close after its request and still wait for the
        # answer; but a hung host notices nothing, and only the client's
        # leaving frees what the request held.
        if self.record is not None and self.record.fault == HANG.name:
            self.transport.close()
        return True

    def connection_lost(self, exc):
        self.host._gone(self)

    def pause_writing(self):
        pass

    def resume_writing(self):
        pass


def _format(host, response, head_request=False):
    headers = CIMultiDict()
    if "Content-Type" in response.headers:
        headers["Content-Type"] = response.headers["Content-Type"]
    headers["Content-Length"] = str(len(response.body))
    headers["Date"] = email.utils.formatdate(host.clock.wall(), usegmt=True)
    headers["Connection"] = "close"
    for name, value in response.headers.items():
        if name.lower() != "content-type":
            headers[name] = str(value)
    body = b"" if head_request else response.body
    return format_response(response.status, response.reason, headers.items(), body)


class WebHost:
    """A virtual HTTP server reachable by name on ports 80 and 443."""

    #: the network adds no delay of its own: ``latency`` is the whole story
    delay = 0.0
    listening = True

    def __init__(self, name, routes, *, clock, latency=0.1, max_connections=None,
                 when_busy="wait", fail_first=0, fail_with=503):
        if when_busy not in ("wait", "reject"):
            raise ValueError(f"when_busy must be 'wait' or 'reject', not {when_busy!r}")
        self.name = name
        self.clock = clock
        self.latency = latency
        self.max_connections = max_connections
        self.when_busy = when_busy
        self._routes = [(_compile_route(key), target) for key, target in routes.items()]
        self._failures_left = fail_first
        self._fail_with = fail_with
        self._waiting = collections.deque()
        #: every request that reached the host, in arrival order
        self.requests = []
        #: requests being worked on now, and the most there ever were at once
        self.active = 0
        self.peak_active = 0

    def accept(self, transport):
        transport.start(_WebConnection(self))

    # A request's life: arrived, maybe waiting, started, answered.

    def _arrived(self, connection, head, body):
        loop = connection.transport._loop
        record = HostRequest(head.method, urllib.parse.unquote(head.target.partition("?")[0]), loop.time())
        self.requests.append(record)
        connection.record = record
        if self.max_connections is not None and self.active >= self.max_connections:
            if self.when_busy == "reject":
                record.started = loop.time()
                self._answer(connection, Response(status=503), head.method == "HEAD")
            else:
                self._waiting.append((connection, head, body))
            return
        self._start(connection, head, body)

    def _start(self, connection, head, body):
        loop = connection.transport._loop
        record = connection.record
        record.started = loop.time()
        self.active += 1
        self.peak_active = max(self.peak_active, self.active)
        connection.holding = True
        earliest = record.started + self.latency
        if self._failures_left > 0:
            self._failures_left -= 1
            failure = self._fail_with
            if not isinstance(failure, _Fault):
                failure = Response(status=failure)
            self._schedule(connection, head, failure, earliest)
            return
        target, match_info = self._route(head)
        if callable(target) and not isinstance(target, (Response, _Fault)):
            request = Request(self.name, head, body, match_info)
            try:
                target = target(request)
            except Exception as exc:
                target = self._handler_failed(loop, head, exc)
            if inspect.isawaitable(target):
                connection.task = start_host_task(
                    loop, self._await_handler(connection, head, target, earliest),
                    f"{self.name} {head.method} {record.path}")
                return
        self._schedule(connection, head, target, earliest)

    def _route(self, head):
        path = urllib.parse.unquote(head.target.partition("?")[0])
        if "://" in path:
            path = urllib.parse.urlsplit(path).path or "/"
        method = head.method.upper()
        allowed = []
        for (route_method, pattern), target in self._routes:
            match = pattern.match(path)
            if match is None:
                continue
            if route_method == method or (method == "HEAD" and route_method == "GET"):
                return target, match.groupdict()
            allowed.append(route_method)
        if allowed:
            return Response(status=405, headers={"Allow": ", ".join(allowed)}), {}
        return Response(status=404), {}

    async def _await_handler(self, connection, head, awaitable, earliest):
        loop = connection.transport._loop
        try:
            target = await awaitable
        except Exception as exc:
            target = self._handler_failed(loop, head, exc)
        self._schedule(connection, head, target, earliest)

    def _handler_failed(self, loop, head, exc):
        loop.call_exception_handler({
            "message": f"the virtual web host {self.name} failed on {head.method} {head.target}",
            "exception": exc})
        return Response(status=500)

    def _schedule(self, connection, head, target, earliest):
        loop = connection.transport._loop
        try:
            answer = _as_response(target)
        except TypeError as exc:
            answer = self._handler_failed(loop, head, exc)
        if answer is HANG:
            connection.record.fault = HANG.name
            return
        delay = answer.delay if isinstance(answer, Response) else 0.0
        when = max(earliest, loop.time()) + delay
        connection.timer = loop.call_at(when, self._answer, connection, answer, head.method == "HEAD")

    def _answer(self, connection, answer, head_request):
        connection.timer = None
        transport = connection.transport
        record = connection.record
        record.ended = transport._loop.time()
        if answer is RESET:
            record.fault = RESET.name
            transport.reset()
        elif answer is CLOSE:
            record.fault = CLOSE.name
            transport.close()
        else:
            record.status = answer.status
            transport.write(_format(self, answer, head_request))
            transport.close()
        self._release(connection)

    def _release(self, connection):
        if not connection.holding:
            return
        connection.holding = False
        self.active -= 1
        while self._waiting and (self.max_connections is None or self.active < self.max_connections):
            waiting, head, body = self._waiting.popleft()
            self._start(waiting, head, body)

    def _gone(self, connection):
        """The connection closed: from the client's side, or after the answer."""
        if connection.timer is not None:
            connection.timer.cancel()
            connection.timer = None
        if connection.task is not None and not connection.task.done():
            connection.task.cancel()
        record = connection.record
        if record is not None and record.ended is None:
            record.ended = connection.transport._loop.time()
            if record.fault is None:
                record.fault = "client gone"
        self._waiting = collections.deque(
            item for item in self._waiting if item[0] is not connection)
        self._release(connection)
