"""Absolute and relative URLs, the part of ``yarl.URL`` that aiohttp code uses.

``resp.url`` in aiohttp is a ``yarl.URL``: printing it shows the address,
its repr is ``URL('...')``, and it has ``scheme``, ``host``, ``port``,
``path``, ``query``... Query strings are encoded as yarl encodes them (a
space becomes ``+``; ``/``, ``:``, ``?`` and ``@`` stay readable).
"""

import urllib.parse

from .multidict import MultiDict, MultiDictProxy

__all__ = ["URL", "encode_query"]

_DEFAULT_PORTS = {"http": 80, "https": 443, "ws": 80, "wss": 443}
#: Characters yarl leaves unquoted in a query key or value.
_QUERY_SAFE = "!$'()*,?/:@~"


def _query_value(value):
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise TypeError(
            "Invalid variable type: value should be str, int or float, "
            f"got {value!r} of type {type(value)}")
    return str(value)


def _quote_query_part(text):
    return urllib.parse.quote(text, safe=_QUERY_SAFE).replace("%20", "+")


def encode_query(params):
    """``params`` (a mapping, a sequence of pairs or a string) as a query string."""
    if isinstance(params, str):
        return params
    pairs = params.items() if hasattr(params, "items") else params
    return "&".join(
        f"{_quote_query_part(str(key))}={_quote_query_part(_query_value(value))}"
        for key, value in pairs)


class URL:
    """An immutable URL that prints as its text."""

    __slots__ = ("_parts",)

    def __init__(self, value=""):
        if isinstance(value, URL):
            self._parts = value._parts
            return
        if not isinstance(value, str):
            raise TypeError("Constructor parameter should be str")
        parts = urllib.parse.urlsplit(value)
        if parts.netloc and parts.hostname is None:
            raise ValueError(f"Invalid URL: host is required for absolute urls: {value!r}")
        # Reading the port validates it: a port that is not a number is a
        # ValueError, as yarl raises when it parses the URL.
        parts.port
        netloc = parts.netloc
        if netloc:
            userinfo, at, host_port = netloc.rpartition("@")
            netloc = f"{userinfo}{at}{host_port.lower()}"
        self._parts = parts._replace(scheme=parts.scheme.lower(), netloc=netloc)

    @classmethod
    def _from_parts(cls, parts):
        url = cls.__new__(cls)
        url._parts = parts
        return url

    # Components

    @property
    def scheme(self):
        return self._parts.scheme

    @property
    def host(self):
        return self._parts.hostname

    raw_host = host

    @property
    def port(self):
        """The explicit port, or the scheme's default one."""
        explicit = self._parts.port
        if explicit is not None:
            return explicit
        return _DEFAULT_PORTS.get(self.scheme)

    @property
    def explicit_port(self):
        return self._parts.port

    @property
    def user(self):
        return self._parts.username

    @property
    def password(self):
        return self._parts.password

    @property
    def absolute(self):
        return bool(self._parts.netloc)

    def is_absolute(self):
        return self.absolute

    @property
    def raw_path(self):
        path = self._parts.path
        if not path and self.absolute:
            return "/"
        return path

    @property
    def path(self):
        return urllib.parse.unquote(self.raw_path)

    @property
    def raw_query_string(self):
        return self._parts.query

    @property
    def query_string(self):
        return urllib.parse.unquote_plus(self._parts.query)

    @property
    def query(self):
        return MultiDictProxy(MultiDict(urllib.parse.parse_qsl(self._parts.query, keep_blank_values=True)))

    @property
    def fragment(self):
        return urllib.parse.unquote(self._parts.fragment)

    @property
    def name(self):
        return self.path.rsplit("/", 1)[-1]

    @property
    def path_qs(self):
        """The request target: path and query string, as sent on the request line."""
        if self._parts.query:
            return f"{self.raw_path}?{self._parts.query}"
        return self.raw_path

    raw_path_qs = path_qs

    @property
    def host_port_subcomponent(self):
        """``host`` or ``host:port`` when the port is not the scheme's default."""
        explicit = self._parts.port
        if explicit is None or explicit == _DEFAULT_PORTS.get(self.scheme):
            return self.host
        return f"{self.host}:{explicit}"

    # Derived URLs

    def origin(self):
        netloc = self.host_port_subcomponent if self._parts.port is not None else self.host
        return URL._from_parts(urllib.parse.SplitResult(self.scheme, netloc or "", "", "", ""))

    def with_query(self, *args, **kwargs):
        query = _query_argument(args, kwargs)
        path = self._parts.path or ("/" if self.absolute and query else "")
        return URL._from_parts(self._parts._replace(path=path, query=encode_query(query) if query else ""))

    def extend_query(self, *args, **kwargs):
        query = _query_argument(args, kwargs)
        if not query:
            return self
        extra = encode_query(query)
        combined = f"{self._parts.query}&{extra}" if self._parts.query else extra
        path = self._parts.path or ("/" if self.absolute else "")
        return URL._from_parts(self._parts._replace(path=path, query=combined))

    def update_query(self, *args, **kwargs):
        query = _query_argument(args, kwargs)
        current = MultiDict(urllib.parse.parse_qsl(self._parts.query, keep_blank_values=True))
        pairs = query.items() if hasattr(query, "items") else query or []
        for key, value in pairs:
            current[key] = _query_value(value)
        return self.with_query(current.items())

    def with_fragment(self, fragment):
        return URL._from_parts(self._parts._replace(fragment=fragment or ""))

    def with_path(self, path):
        return URL._from_parts(self._parts._replace(path=path, query="", fragment=""))

    def join(self, other):
        return URL(urllib.parse.urljoin(str(self), str(other)))

    def __truediv__(self, name):
        base = self._parts.path.rstrip("/")
        return URL._from_parts(self._parts._replace(
            path=f"{base}/{urllib.parse.quote(str(name), safe='')}", query="", fragment=""))

    # Text and comparison

    def __str__(self):
        return urllib.parse.urlunsplit(self._parts)

    def human_repr(self):
        return urllib.parse.unquote(str(self))

    def __repr__(self):
        return f"URL({str(self)!r})"

    def __eq__(self, other):
        if not isinstance(other, URL):
            return NotImplemented
        return self._parts == other._parts

    def __hash__(self):
        return hash(self._parts)

    def __bool__(self):
        return bool(str(self))


def _query_argument(args, kwargs):
    if args and kwargs:
        raise ValueError("Either kwargs or single query parameter must be present")
    if kwargs:
        return kwargs
    if len(args) > 1:
        raise ValueError("Either kwargs or single query parameter must be present")
    return args[0] if args else None


URL.__module__ = "yarl"
