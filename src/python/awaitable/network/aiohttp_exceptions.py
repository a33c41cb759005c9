"""aiohttp's client exceptions: the same classes, bases, attributes and messages.

Each class says it lives in ``aiohttp.client_exceptions``, as the real one
does, so a traceback in the sandbox ends with the line a learner's own
machine prints, for example ``aiohttp.client_exceptions.ClientConnectorError:
Cannot connect to host localhost:8080 ssl:default [Connect call failed
('127.0.0.1', 8080)]``.
"""

import asyncio

__all__ = [
    "ClientError", "ClientResponseError", "ContentTypeError", "TooManyRedirects",
    "ClientConnectionError", "ClientConnectionResetError", "ClientOSError",
    "ClientConnectorError", "ClientConnectorDNSError", "ServerConnectionError",
    "ServerDisconnectedError", "ServerTimeoutError", "ConnectionTimeoutError",
    "SocketTimeoutError", "ClientPayloadError", "InvalidURL", "InvalidUrlClientError",
    "NonHttpUrlClientError",
]


class ClientError(Exception):
    """Base class for client connection errors."""


class ClientResponseError(ClientError):
    """Base class for exceptions that occur after getting a response."""

    def __init__(self, request_info, history, *, status=None, message="", headers=None):
        self.request_info = request_info
        self.status = status if status is not None else 0
        self.message = message
        self.headers = headers
        self.history = history
        self.args = (request_info, history)

    def __str__(self):
        return "{}, message={!r}, url={!r}".format(
            self.status, self.message, str(self.request_info.real_url))

    def __repr__(self):
        args = f"{self.request_info!r}, {self.history!r}"
        if self.status != 0:
            args += f", status={self.status!r}"
        if self.message != "":
            args += f", message={self.message!r}"
        if self.headers is not None:
            args += f", headers={self.headers!r}"
        return f"{type(self).__name__}({args})"


class ContentTypeError(ClientResponseError):
    """ContentType found is not valid."""


class TooManyRedirects(ClientResponseError):
    """Client was redirected too many times."""


class ClientConnectionError(ClientError):
    """Base class for client socket errors."""


class ClientConnectionResetError(ClientConnectionError, ConnectionResetError):
    """ConnectionResetError"""


class ClientOSError(ClientConnectionError, OSError):
    """OSError error."""


class ClientConnectorError(ClientOSError):
    """Client connector error: a connection could not be established."""

    def __init__(self, connection_key, os_error):
        self._conn_key = connection_key
        self._os_error = os_error
        super().__init__(os_error.errno, os_error.strerror)
        self.args = (connection_key, os_error)

    @property
    def os_error(self):
        return self._os_error

    @property
    def host(self):
        return self._conn_key.host

    @property
    def port(self):
        return self._conn_key.port

    @property
    def ssl(self):
        return self._conn_key.ssl

    def __str__(self):
        return "Cannot connect to host {0.host}:{0.port} ssl:{1} [{2}]".format(
            self, "default" if self.ssl is True else self.ssl, self.strerror)

    __reduce__ = BaseException.__reduce__


class ClientConnectorDNSError(ClientConnectorError):
    """DNS resolution failed (the host name is unknown)."""


class ServerConnectionError(ClientConnectionError):
    """Server connection errors."""


class ServerDisconnectedError(ServerConnectionError):
    """Server disconnected."""

    def __init__(self, message=None):
        if message is None:
            message = "Server disconnected"
        self.args = (message,)
        self.message = message


class ServerTimeoutError(ServerConnectionError, asyncio.TimeoutError):
    """Server timeout error."""


class ConnectionTimeoutError(ServerTimeoutError):
    """Connection timeout error."""


class SocketTimeoutError(ServerTimeoutError):
    """Socket timeout error."""


class ClientPayloadError(ClientError):
    """Response payload error."""


class InvalidURL(ClientError, ValueError):
    """Invalid URL: it has no host part, for example."""

    def __init__(self, url, description=None):
        self._url = url
        self._description = description
        if description:
            super().__init__(url, description)
        else:
            super().__init__(url)

    @property
    def url(self):
        return self._url

    @property
    def description(self):
        return self._description

    def __repr__(self):
        return f"<{self.__class__.__name__} {self}>"

    def __str__(self):
        if self._description:
            return f"{self._url} - {self._description}"
        return str(self._url)


class InvalidUrlClientError(InvalidURL):
    """Invalid URL client error."""


class NonHttpUrlClientError(ClientError):
    """Non http URL client error."""


for _name in __all__:
    globals()[_name].__module__ = "aiohttp.client_exceptions"
