"""api.example.com: three pages that work, one that resets the connection
and one that is not there."""

from awaitable.network import RESET, Response


def setup(sandbox):
    sandbox.network.add_web_host("api.example.com", {
        "/news": Response(text="n" * 2048, delay=1.0),
        "/weather": Response(text="w" * 312, delay=0.3),
        "/broken": RESET,
        "/stats": Response(text="s" * 1024, delay=0.6),
    }, latency=0.2)
