import asyncio
from contextlib import asynccontextmanager


class Pool:
    """A few database connections, shared by every job."""

    def __init__(self, size):
        self._idle = asyncio.Queue()
        self._lent = set()
        for number in range(1, size + 1):
            self._idle.put_nowait(f"conn-{number}")

    @property
    def free(self):
        return self._idle.qsize()

    async def acquire(self):
        """Wait for a free connection and lend it out."""
        conn = await self._idle.get()
        self._lent.add(conn)
        return conn

    def release(self, conn):
        """Take a lent connection back."""
        if conn not in self._lent:
            raise RuntimeError(f"{conn!r} was released, but it is not lent out")
        self._lent.remove(conn)
        self._idle.put_nowait(conn)


class lease:
    """`async with lease(pool) as conn:` borrows a connection for the block."""

    def __init__(self, pool):
        self.pool = pool
        self.conn = None

    async def __aenter__(self):
        self.conn = await self.pool.acquire()
        return self.conn

    async def __aexit__(self, exc_type, exc, traceback):
        self.pool.release(self.conn)
        self.conn = None


async def run_job(pool, name, seconds, fails=False):
    async with lease(pool) as conn:
        print(f"{name} runs on {conn}")
        await asyncio.sleep(seconds)
        if fails:
            raise RuntimeError(f"{name} failed")
    print(f"{name} finished")


JOBS = [  # name, seconds, fails?
    ("import", 1, True),
    ("backup", 10, False),  # far too slow: its 5 s timeout cancels it
    ("report", 1.5, False),
    ("email", 1, False),
    ("cleanup", 1, False),
]


async def main():
    pool = Pool(2)
    results = await asyncio.gather(
        *(asyncio.wait_for(run_job(pool, name, seconds, fails), timeout=5)
          for name, seconds, fails in JOBS),
        return_exceptions=True)
    for (name, _, _), result in zip(JOBS, results):
        if isinstance(result, BaseException):
            print(f"{name}: {type(result).__name__}")
    print(f"free connections: {pool.free}")


asyncio.run(main())
