"""The sandbox's network: names, addresses, listening ports and the connections between them.

``VirtualEventLoop.create_connection``, ``create_server`` and
``getaddrinfo`` hand their arguments here, so ``asyncio.open_connection``
and ``asyncio.start_server`` run unchanged on top (asyncio's own streams,
over ``VirtualTransport``s).

The learner's machine is ``localhost``, ``127.0.0.1``: their servers bind
there (or to ``0.0.0.0``) and their clients connect there. An exercise adds
hosts by name through the fixture API (``add_stream_host``,
``add_web_host``); each gets an address of its own from the documentation
range 203.0.113.0/24. Names nobody defined fail to resolve, ports nobody
listens on refuse connections, and addresses nobody has never answer, each
with the exception and message CPython gives on Linux.
"""

import asyncio
import ipaddress
import math
import socket
import sys
import weakref

from .server import VirtualServer
from .stream_host import StreamHost
from .transport import Deliveries, VirtualSocket, connect_pair
from .web_host import WebHost

__all__ = ["VirtualNetwork", "LOCAL_DELAY"]

#: Seconds each delivery of data takes between two ends on the learner's
#: own machine (and, by default, to a stream host).
LOCAL_DELAY = 0.001

_LOCALHOST = "127.0.0.1"
_ANY = "0.0.0.0"
#: How virtual hosts see the learner's machine (TEST-NET-1).
_LEARNER_ADDRESS = "192.0.2.10"
#: Virtual hosts get 203.0.113.1, .2, ... (TEST-NET-3) in the order defined.
_HOST_NETWORK = "203.0.113."
#: Linux numbers ephemeral ports from 32768; the sandbox hands them out in order.
_FIRST_EPHEMERAL_PORT = 32768
#: A connection nobody answers fails after Linux's SYN retries (1+2+...+64 s).
_CONNECT_TIMEOUT = 127.0
_SERVICES = {"http": 80, "https": 443, "ftp": 21, "ssh": 22, "smtp": 25, "echo": 7}

# Linux errno and getaddrinfo error numbers, whatever platform runs the
# sandbox: learners compare against CPython on their own machine.
_ETIMEDOUT = 110
_ECONNREFUSED = 111
_EADDRINUSE = 98
_EADDRNOTAVAIL = 99
_EAI_NONAME = -2
_EAI_SERVICE = -8
_EAI_FAMILY = -9

#: Since 3.13, create_server skips addresses it cannot bind for want of the
#: address (EADDRNOTAVAIL), and its bind errors quote the whole OSError.
_BIND_SKIPS_UNAVAILABLE = sys.version_info >= (3, 13)


def _not_simulated(what):
    return NotImplementedError(f"{what} is not simulated by the sandbox's network")


def _is_local(address):
    return address == _ANY or address.startswith("127.")


class VirtualNetwork:
    """The network one program's sandbox sees."""

    def __init__(self, sandbox):
        self._sandbox = sandbox
        self._names = {"localhost": _LOCALHOST}
        self._host_names = {}
        #: (address, port) -> VirtualServer, StreamHost or WebHost
        self._listeners = {}
        self._next_port = _FIRST_EPHEMERAL_PORT
        # File descriptors only show in reprs; a fresh CPython process hands
        # out 6 first (0-2 are stdio, 3-5 its event loop's selector and pipe).
        self._next_fd = 6
        #: name -> WebHost, for checks
        self.web_hosts = {}
        # One schedule of arrivals per event loop (a program may run several).
        self._deliveries = weakref.WeakKeyDictionary()

    # Fixture API: what an exercise's ``prepare(sandbox)`` calls.

    def add_stream_host(self, name, port, handler, *, latency=LOCAL_DELAY):
        """Serve ``port`` of the host ``name`` with ``handler(reader, writer)``,
        a coroutine function like a ``start_server`` callback. Each piece of
        data takes ``latency`` seconds to travel either way."""
        address = self._address_for(name)
        self._claim(name, address, port)
        host = StreamHost(name, port, handler, latency)
        self._listeners[(address, port)] = host
        return host

    def add_web_host(self, name, routes, *, latency=0.1, max_connections=None,
                     when_busy="wait", fail_first=0, fail_with=503, ports=(80, 443)):
        """Serve HTTP/1.1 from the host ``name`` (see ``web_host`` for
        ``routes`` and the options); returns the ``WebHost``, whose
        ``requests`` and ``peak_active`` checks can read."""
        address = self._address_for(name)
        for port in ports:
            self._claim(name, address, port)
        host = WebHost(name, routes, clock=self._sandbox.clock, latency=latency,
                       max_connections=max_connections, when_busy=when_busy,
                       fail_first=fail_first, fail_with=fail_with)
        for port in ports:
            self._listeners[(address, port)] = host
        self.web_hosts[name] = host
        return host

    def peak_concurrency(self, host=None):
        """The most HTTP requests the program had in flight at once through
        the aiohttp client, to ``host`` or to any host."""
        events = []
        for record in self._sandbox.trace.requests:
            if host is None or record.host == host:
                events.append((record.start, 1))
                events.append((record.end if record.end is not None else math.inf, -1))
        # At equal times an end sorts first: a request that ends as another
        # starts was not in flight with it.
        events.sort()
        peak = current = 0
        for _, change in events:
            current += change
            peak = max(peak, current)
        return peak

    def _address_for(self, name):
        key = self._normalize(name)
        if key == "localhost" or _parse_ipv4(key) is not None:
            raise ValueError(f"{name!r} is the learner's machine or an address, not a host name")
        if key not in self._names:
            address = f"{_HOST_NETWORK}{len(self._host_names) + 1}"
            self._names[key] = address
            self._host_names[address] = key
        return self._names[key]

    def _claim(self, name, address, port):
        if (address, port) in self._listeners:
            raise ValueError(f"{name}:{port} is already defined")

    # Names and ports

    @staticmethod
    def _normalize(host):
        if isinstance(host, bytes):
            host = host.decode("ascii")
        return host.rstrip(".").lower()

    def _resolve(self, host, family=0):
        """The IPv4 address of ``host`` (a name or an address literal)."""
        if family not in (0, socket.AF_INET):
            raise socket.gaierror(_EAI_FAMILY, "Address family for hostname not supported")
        if host is None:
            return _LOCALHOST
        key = self._normalize(host)
        literal = _parse_ipv4(key)
        if literal is not None:
            return literal
        if ":" in key:
            raise socket.gaierror(_EAI_FAMILY, "Address family for hostname not supported")
        address = self._names.get(key)
        if address is None:
            raise socket.gaierror(_EAI_NONAME, "Name or service not known")
        return address

    @staticmethod
    def _port_number(port):
        if port is None:
            return 0
        if isinstance(port, bytes):
            port = port.decode("ascii")
        if isinstance(port, str):
            if port.isdigit():
                return int(port)
            if port in _SERVICES:
                return _SERVICES[port]
            raise socket.gaierror(_EAI_SERVICE, "Servname not supported for ai_socktype")
        if isinstance(port, int):
            return port
        raise TypeError(f"'{type(port).__name__}' object cannot be interpreted as an integer")

    def _new_fd(self):
        fd = self._next_fd
        self._next_fd += 1
        return fd

    def _ephemeral_port(self, address):
        while True:
            port = self._next_port
            self._next_port += 1
            if (address, port) not in self._listeners and (_ANY, port) not in self._listeners:
                return port

    # Loop hooks

    async def getaddrinfo(self, loop, host, port, *, family=0, type=0, proto=0, flags=0):
        if host is None and flags & socket.AI_PASSIVE:
            address = _ANY
        else:
            address = self._resolve(host, family)
        port = self._port_number(port)
        kinds = [(socket.SOCK_STREAM, 6), (socket.SOCK_DGRAM, 17), (socket.SOCK_RAW, 0)]
        return [(socket.AF_INET, kind, number, "", (address, port))
                for kind, number in kinds
                if type in (0, kind) and proto in (0, number)]

    async def create_connection(self, loop, protocol_factory, host=None, port=None, *,
                                ssl=None, family=0, proto=0, flags=0, sock=None,
                                local_addr=None, server_hostname=None,
                                ssl_handshake_timeout=None, ssl_shutdown_timeout=None,
                                happy_eyeballs_delay=None, interleave=None, all_errors=False):
        if server_hostname is not None and not ssl:
            raise ValueError("server_hostname is only meaningful with ssl")
        if ssl_handshake_timeout is not None and not ssl:
            raise ValueError("ssl_handshake_timeout is only meaningful with ssl")
        if ssl_shutdown_timeout is not None and not ssl:
            raise ValueError("ssl_shutdown_timeout is only meaningful with ssl")
        if sock is not None and (host is not None or port is not None):
            raise ValueError("host/port and sock can not be specified at the same time")
        if ssl:
            raise _not_simulated("TLS (ssl=...)")
        if sock is not None:
            raise _not_simulated("a socket object (sock=...)")
        if local_addr is not None:
            raise _not_simulated("choosing the local address (local_addr=...)")
        if host is None and port is None:
            raise ValueError("host and port was not specified and no sock specified")
        address = self._resolve(host, family)
        port = self._port_number(port)
        try:
            transport = await self._connect(loop, address, port)
        except OSError as exc:
            if all_errors:
                raise ExceptionGroup("create_connection failed", [exc]) from None
            raise
        protocol = protocol_factory()
        waiter = loop.create_future()
        transport.start(protocol, waiter)
        try:
            await waiter
        except BaseException:
            transport.close()
            raise
        return transport, protocol

    async def _connect(self, loop, address, port):
        listener = self._listeners.get((address, port))
        if listener is None and _is_local(address):
            listener = self._listeners.get((_ANY, port))
        if listener is None or not listener.listening:
            if _is_local(address) or address in self._host_names:
                await asyncio.sleep(0)
                raise ConnectionRefusedError(_ECONNREFUSED, f"Connect call failed {(address, port)}")
            await asyncio.sleep(_CONNECT_TIMEOUT)
            raise TimeoutError(_ETIMEDOUT, f"Connect call failed {(address, port)}")
        local_address = _LOCALHOST if _is_local(address) else _LEARNER_ADDRESS
        remote = (_LOCALHOST if address == _ANY else address, port)
        local = (local_address, self._ephemeral_port(local_address))
        client_sock = VirtualSocket(self._new_fd(), local, remote)
        server_sock = VirtualSocket(self._new_fd(), remote, local)
        deliveries = self._deliveries.get(loop)
        if deliveries is None:
            deliveries = self._deliveries[loop] = Deliveries(loop)
        if isinstance(listener, VirtualServer):
            client, accepted = connect_pair(deliveries, client_sock, server_sock, LOCAL_DELAY, listener)
        else:
            client, accepted = connect_pair(deliveries, client_sock, server_sock, listener.delay)
        listener.accept(accepted)
        try:
            # The handshake: the connecting task resumes on a later loop
            # iteration, as a non-blocking connect() completes.
            await asyncio.sleep(0)
        except BaseException:
            client.close()
            raise
        return client

    async def create_server(self, loop, protocol_factory, host=None, port=None, *,
                            family=socket.AF_UNSPEC, flags=socket.AI_PASSIVE, sock=None,
                            backlog=100, ssl=None, reuse_address=None, reuse_port=None,
                            keep_alive=None, ssl_handshake_timeout=None,
                            ssl_shutdown_timeout=None, start_serving=True):
        if isinstance(ssl, bool):
            raise TypeError("ssl argument must be an SSLContext or None")
        if ssl_handshake_timeout is not None and ssl is None:
            raise ValueError("ssl_handshake_timeout is only meaningful with ssl")
        if ssl_shutdown_timeout is not None and ssl is None:
            raise ValueError("ssl_shutdown_timeout is only meaningful with ssl")
        if sock is not None and (host is not None or port is not None):
            raise ValueError("host/port and sock can not be specified at the same time")
        if ssl is not None:
            raise _not_simulated("TLS (ssl=...)")
        if sock is not None:
            raise _not_simulated("a socket object (sock=...)")
        if host is None and port is None:
            raise ValueError("Neither host/port nor sock were specified")
        hosts = [host] if host is None or isinstance(host, (str, bytes)) else list(host)
        addresses = []
        for each in hosts:
            address = _ANY if each in (None, "") else self._resolve(each, family)
            if address not in addresses:
                addresses.append(address)
        port = self._port_number(port)
        sockets = []
        try:
            for address in addresses:
                try:
                    sockets.append(self._bind(address, port))
                except OSError as exc:
                    # 3.13 skips an address it cannot assign, taking it for
                    # a disabled address family (bpo-30945).
                    if not (_BIND_SKIPS_UNAVAILABLE and exc.errno == _EADDRNOTAVAIL):
                        raise
            if not sockets:
                raise OSError("could not bind on any address out of %r"
                              % ([(address, port) for address in addresses],))
        except OSError:
            for bound in sockets:
                self.unbind(bound)
            raise
        server = VirtualServer(loop, self, sockets, protocol_factory)
        for bound in sockets:
            self._listeners[bound.getsockname()] = server
        if start_serving:
            server._start_serving()
            # asyncio skips one iteration here too, so that its readers go in.
            await asyncio.sleep(0)
        return server

    def _bind(self, address, port):
        if not _is_local(address):
            raise _bind_error(_EADDRNOTAVAIL, "Cannot assign requested address", address, port)
        if port == 0:
            port = self._ephemeral_port(address)
        taken = (address, port) in self._listeners or (
            address == _ANY and any(bound_port == port and _is_local(bound)
                                    for bound, bound_port in self._listeners)) or (
            (_ANY, port) in self._listeners)
        if taken:
            raise _bind_error(_EADDRINUSE, "Address already in use", address, port)
        sock = VirtualSocket(self._new_fd(), (address, port))
        self._listeners[(address, port)] = None
        return sock

    def unbind(self, sock):
        """Free a bound address (the server owning it closed)."""
        self._listeners.pop(sock.getsockname(), None)


def _bind_error(number, strerror, address, port):
    """The error ``create_server`` raises when ``bind()`` fails: 3.13 quotes
    the whole OSError text where earlier versions quote its strerror."""
    cause = f"[errno {number}] {strerror}" if _BIND_SKIPS_UNAVAILABLE else strerror
    return OSError(number, f"error while attempting to bind on address {(address, port)!r}: {cause.lower()}")


def _parse_ipv4(text):
    try:
        return str(ipaddress.IPv4Address(text))
    except ValueError:
        return None
