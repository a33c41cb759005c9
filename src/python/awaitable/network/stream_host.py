"""A service on a virtual host that talks over raw streams (echo, quote of the day...).

An exercise gives a coroutine function ``handler(reader, writer)``, written
exactly like a ``client_connected_cb`` of ``asyncio.start_server``. Each
connection runs it; when it returns, the host closes the connection, as a
real server process would.

The handler runs as an asyncio task, since it awaits streams on the
learner's event loop, but not through ``loop.create_task``: the host is
another machine, so its tasks must not take ``Task-N`` names from the
learner's numbering or appear in the learner's task trace.
"""

import asyncio

__all__ = ["StreamHost", "start_host_task"]


def start_host_task(loop, coro, name):
    """Run ``coro`` on ``loop`` as a task that belongs to a virtual host."""
    task = loop.make_untraced_task(coro, name)
    # A host's task still running when the learner's loop is closed (say,
    # after run_until_complete) belongs to another machine: the learner must
    # not see "Task was destroyed but it is pending!" for it. This is the
    # private flag asyncio's own run_until_complete clears for the same reason.
    task._log_destroy_pending = False
    return task


class StreamHost:
    """One listening port of a virtual host, served by a stream handler."""

    def __init__(self, name, port, handler, delay):
        self.name = name
        self.port = port
        self.delay = delay
        self._handler = handler
        #: connections accepted so far
        self.connections = 0

    listening = True

    def accept(self, transport):
        loop = transport._loop
        self.connections += 1
        reader = asyncio.StreamReader(loop=loop)
        protocol = asyncio.StreamReaderProtocol(reader, loop=loop)
        transport.start(protocol)
        writer = asyncio.StreamWriter(transport, protocol, reader, loop)
        start_host_task(loop, self._serve(loop, reader, writer), f"{self.name}:{self.port}")

    async def _serve(self, loop, reader, writer):
        try:
            await self._handler(reader, writer)
        except ConnectionError:
            # The learner's end went away mid-conversation: a server shrugs.
            pass
        except Exception as exc:
            loop.call_exception_handler({
                "message": f"the virtual host {self.name}:{self.port} failed while serving a connection",
                "exception": exc})
        finally:
            writer.close()
