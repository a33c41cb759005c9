"""HTTP/1.1 messages as bytes: formatting them and parsing them incrementally.

Both ends of the simulated web speak real HTTP/1.1 over the virtual
transports, so a learner's own ``asyncio.start_server`` can answer the
aiohttp client, and ``asyncio.open_connection`` can talk to a virtual web
host by hand. Bodies are framed by ``Content-Length``, by chunked coding, or
(responses only) by the end of the connection.
"""

import http

from .multidict import CIMultiDict, CIMultiDictProxy

__all__ = [
    "HttpParseError", "IncompleteMessage", "MessageHead", "MessageParser",
    "format_request", "format_response", "reason_phrase",
]

_MAX_HEAD = 64 * 1024


class HttpParseError(Exception):
    """The bytes are not an HTTP/1.1 message head."""


class IncompleteMessage(Exception):
    """The connection ended before the message did."""

    def __init__(self, framing):
        #: content-length, chunked or head
        self.framing = framing
        super().__init__(framing)


def reason_phrase(status):
    """The standard reason phrase for ``status`` (``404`` -> ``Not Found``)."""
    try:
        return http.HTTPStatus(status).phrase
    except ValueError:
        return ""


def _format_head(start_line, headers):
    lines = [start_line]
    lines.extend(f"{name}: {value}" for name, value in headers)
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


def format_request(method, target, headers, body=b""):
    """A request as bytes; ``headers`` is a sequence of (name, value) pairs."""
    return _format_head(f"{method} {target} HTTP/1.1", headers) + body


def format_response(status, reason, headers, body=b""):
    """A response as bytes; ``headers`` is a sequence of (name, value) pairs."""
    return _format_head(f"HTTP/1.1 {status} {reason}", headers) + body


class MessageHead:
    """The start line and headers of a request or a response."""

    def __init__(self, start_line, headers):
        self.start_line = start_line
        #: a ``CIMultiDictProxy`` of the header fields, in the order received
        self.headers = headers
        # Request fields
        self.method = self.target = None
        # Response fields
        self.status = None
        self.reason = None
        self.version = (1, 1)

    @property
    def should_close(self):
        connection = self.headers.get("Connection", "").lower()
        if self.version < (1, 1):
            return connection != "keep-alive"
        return connection == "close"


def _parse_head(data, is_response):
    text = data.decode("latin-1")
    lines = text.split("\r\n") if "\r\n" in text else text.split("\n")
    start_line = lines[0]
    headers = CIMultiDict()
    for line in lines[1:]:
        if not line:
            continue
        name, colon, value = line.partition(":")
        if not colon or not name or name != name.strip():
            raise HttpParseError(f"Invalid header line {line!r}")
        headers.add(name, value.strip())
    head = MessageHead(start_line, CIMultiDictProxy(headers))
    parts = start_line.split(" ", 2)
    if is_response:
        if len(parts) < 2 or not parts[0].startswith("HTTP/") or not parts[1].isdigit():
            raise HttpParseError(f"Bad status line {start_line!r}")
        head.version = _version(parts[0], start_line)
        head.status = int(parts[1])
        head.reason = parts[2] if len(parts) > 2 else ""
    else:
        if len(parts) != 3 or not parts[2].startswith("HTTP/"):
            raise HttpParseError(f"Bad request line {start_line!r}")
        head.method, head.target = parts[0], parts[1]
        head.version = _version(parts[2], start_line)
    return head


def _version(text, start_line):
    major, dot, minor = text[5:].partition(".")
    if not (major.isdigit() and dot and minor.isdigit()):
        raise HttpParseError(f"Bad HTTP version in {start_line!r}")
    return int(major), int(minor)


class MessageParser:
    """Parses one HTTP message from bytes fed to it in pieces.

    ``feed(data)`` and ``feed_eof()`` return the events the bytes completed,
    in order: ``("head", MessageHead)``, then ``("body", bytes)`` any number
    of times, then ``("end", None)``. A request without ``Content-Length`` or
    chunked coding has no body; a response without them runs to the end of
    the connection (unless ``read_until_eof`` is false) when it can have a
    body at all (not for ``head_request``, 1xx, 204, 304).
    """

    def __init__(self, *, is_response, head_request=False, read_until_eof=True):
        self._is_response = is_response
        self._head_request = head_request
        self._read_until_eof = read_until_eof
        self._buffer = bytearray()
        #: head, length, chunk-size, chunk-data, chunk-end, trailer, until-eof, done
        self._state = "head"
        self._remaining = 0
        self.head = None

    @property
    def done(self):
        return self._state == "done"

    def feed(self, data):
        self._buffer += data
        events = []
        while self._step(events):
            pass
        return events

    def feed_eof(self):
        """The connection ended: finish a body that runs to the end, or raise
        ``IncompleteMessage`` if the message was cut short."""
        if self._state == "until-eof":
            self._state = "done"
            return [("end", None)]
        if self._state == "done":
            return []
        if self._state == "head":
            raise IncompleteMessage("head")
        raise IncompleteMessage("content-length" if self._state == "length" else "chunked")

    def _step(self, events):
        state = self._state
        buffer = self._buffer
        if state == "head":
            end = buffer.find(b"\r\n\r\n")
            size = 4
            if end < 0:
                end, size = buffer.find(b"\n\n"), 2
            if end < 0:
                if len(buffer) > _MAX_HEAD:
                    raise HttpParseError("Header section is too large")
                return False
            head = _parse_head(bytes(buffer[:end]), self._is_response)
            del buffer[:end + size]
            self.head = head
            events.append(("head", head))
            self._start_body(head, events)
            return True
        if state == "length":
            if not buffer:
                return False
            take = bytes(buffer[:self._remaining])
            del buffer[:len(take)]
            self._remaining -= len(take)
            events.append(("body", take))
            if self._remaining == 0:
                self._finish(events)
            return True
        if state == "until-eof":
            if buffer:
                events.append(("body", bytes(buffer)))
                buffer.clear()
            return False
        if state == "chunk-size":
            end = buffer.find(b"\r\n")
            if end < 0:
                return False
            size_text = bytes(buffer[:end]).split(b";", 1)[0].strip()
            del buffer[:end + 2]
            try:
                self._remaining = int(size_text, 16)
            except ValueError:
                raise HttpParseError(f"Invalid chunk size {size_text!r}") from None
            self._state = "chunk-data" if self._remaining else "trailer"
            return True
        if state == "chunk-data":
            if not buffer:
                return False
            take = bytes(buffer[:self._remaining])
            del buffer[:len(take)]
            self._remaining -= len(take)
            events.append(("body", take))
            if self._remaining == 0:
                self._state = "chunk-end"
            return True
        if state == "chunk-end":
            if len(buffer) < 2:
                return False
            del buffer[:2]
            self._state = "chunk-size"
            return True
        if state == "trailer":
            end = buffer.find(b"\r\n")
            if end < 0:
                return False
            del buffer[:end + 2]
            if end == 0:
                self._finish(events)
            return True
        return False

    def _start_body(self, head, events):
        if self._is_response and (
                self._head_request or 100 <= head.status < 200 or head.status in (204, 304)):
            self._finish(events)
            return
        if "chunked" in head.headers.get("Transfer-Encoding", "").lower():
            self._state = "chunk-size"
            return
        length = head.headers.get("Content-Length")
        if length is not None:
            if not length.isdigit():
                raise HttpParseError(f"Invalid Content-Length {length!r}")
            self._remaining = int(length)
            if self._remaining == 0:
                self._finish(events)
            else:
                self._state = "length"
            return
        if self._is_response and self._read_until_eof:
            self._state = "until-eof"
        else:
            self._finish(events)

    def _finish(self, events):
        self._state = "done"
        events.append(("end", None))
