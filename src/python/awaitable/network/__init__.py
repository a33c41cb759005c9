"""The sandbox's simulated network: asyncio streams and an aiohttp client, in memory.

There are no sockets in a browser. The sandbox runs a small network of its
own, on the virtual clock, under asyncio's unchanged stream and protocol
layers. This is exactly what it simulates, and what it does not.

Simulated
---------

- TCP between the learner's own servers and clients: ``asyncio.start_server``
  and ``asyncio.open_connection`` on ``localhost`` / ``127.0.0.1`` (a server
  may also bind ``0.0.0.0`` or ``None``); ``loop.create_server`` and
  ``loop.create_connection`` with any protocol; ``loop.getaddrinfo``.
  Port 0 picks a free port; ``server.sockets[0].getsockname()`` tells it.
- Data takes ``0.001`` virtual seconds per delivery on the learner's machine
  (a stream host sets its own). Writes are delivered in order; reads return
  what has arrived, so ``read``, ``readline``, ``readexactly``, ``readuntil``,
  ``at_eof`` and ``IncompleteReadError`` behave as on a socket.
- Flow control as on a socket: the peer holds up to 256 KiB unread per
  direction; beyond that writes stay in the writer's buffer and
  ``drain()`` waits (limits 64 KiB / 16 KiB, as asyncio's).
- Half-close (``write_eof``), ``close``, ``abort``, ``wait_closed``, EOF
  propagation; Linux's resets: closing with unread data, or data arriving
  at a closed socket, resets the connection (``ConnectionResetError: [Errno
  104] Connection reset by peer``), and a reset after EOF surfaces on the
  next write.
- Servers: ``close``, ``wait_closed`` (with the running Python's semantics,
  which changed in 3.12.1), ``serve_forever`` (cancellable),
  ``start_serving``, ``is_serving``, ``sockets``, ``async with``, and on
  3.13+ ``close_clients``/``abort_clients``.
- Failures as CPython on Linux reports them: a port nobody listens on
  raises ``ConnectionRefusedError: [Errno 111] Connect call failed
  ('127.0.0.1', 8888)``; an unknown name raises ``socket.gaierror: [Errno
  -2] Name or service not known``; an address nobody has times out after
  127 s (``TimeoutError: [Errno 110]``); binding a port in use raises
  ``OSError: [Errno 98] ... address already in use``.
- Virtual hosts an exercise defines (``VirtualNetwork.add_stream_host`` and
  ``add_web_host``), reachable by name: raw stream services, and HTTP/1.1
  web hosts with routes, response times, failures (fail the first N
  requests, never answer, reset, close) and a limit on concurrent requests.
- ``import aiohttp`` gives a client subset of aiohttp 3.x: ``ClientSession``
  (``get/post/put/patch/delete/head/options/request``, ``base_url``,
  ``headers``, ``timeout``, ``raise_for_status``, ``async with``, ``close``),
  ``ClientResponse`` (``status``, ``reason``, ``ok``, ``headers``, ``url``,
  ``content_type``, ``text()``, ``json()``, ``read()``, ``content``,
  ``raise_for_status()``, ``release()``), ``ClientTimeout``,
  ``TCPConnector(limit=100, limit_per_host=0)``, ``BasicAuth``,
  ``aiohttp.request``, and aiohttp's client exceptions with their messages.
  Requests go through the network above and are recorded in the trace.

Not simulated
-------------

- TLS: ``ssl=`` raises ``NotImplementedError``. ``https://`` URLs work in
  the aiohttp subset (port 443) but nothing is encrypted or verified.
- UDP, Unix sockets, IPv6 (``localhost`` is ``127.0.0.1`` only, and a server
  on ``None`` binds IPv4 only), raw ``socket`` objects (``sock=``),
  ``local_addr=``, ``sendfile``, ``start_tls``.
- In the aiohttp subset: HTTP/1.1 only, no connection reuse (each request
  opens a connection and closes it), no proxies, compression, cookie jars,
  multipart forms, WebSockets, tracing, or ``aiohttp.web`` (the server
  side). Virtual web hosts answer every request with ``Connection: close``.
- Timing inside the machine: connecting takes no virtual time (only loop
  iterations), and DNS answers at once.

A virtual host's handlers run as asyncio tasks on the learner's loop (they
await the learner's streams), created outside ``loop.create_task``: they
take no ``Task-N`` names and stay out of the trace, but
``asyncio.all_tasks()`` does list them while they run.
"""

from .virtual_network import LOCAL_DELAY, VirtualNetwork
from .web_host import CLOSE, HANG, RESET, HostRequest, Request, Response, WebHost, fail_first

__all__ = [
    "VirtualNetwork", "LOCAL_DELAY", "WebHost", "Response", "Request", "HostRequest",
    "HANG", "RESET", "CLOSE", "fail_first",
]
