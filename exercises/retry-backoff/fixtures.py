"""api.example.com, answering at once: /flaky is busy three times before it
works, /down is always busy."""

from awaitable.network import Response, fail_first


def setup(sandbox):
    sandbox.network.add_web_host("api.example.com", {
        "/flaky": fail_first(3, {"status": "ok"}),
        "/down": Response(status=503),
    }, latency=0.0)
