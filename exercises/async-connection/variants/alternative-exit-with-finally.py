import asyncio


class Connection:
    """A connection to a database server."""

    def __init__(self, host):
        self.host = host
        self.is_open = False

    async def open(self):
        await asyncio.sleep(0.5)  # the handshake
        self.is_open = True
        print(f"connected to {self.host}")

    async def close(self):
        await asyncio.sleep(0.2)  # saying goodbye
        self.is_open = False
        print(f"closed {self.host}")

    async def query(self, sql):
        if not self.is_open:
            raise RuntimeError("query on a connection that is not open")
        await asyncio.sleep(1)
        print(f"ran {sql}")
        return [("ada", 36), ("alan", 41)]

    async def __aenter__(self):
        if not self.is_open:
            await self.open()
        return self

    async def __aexit__(self, *exc_info):
        try:
            await self.close()
        finally:
            self.is_open = False


async def main():
    async with Connection("db.example.com") as conn:
        rows = await conn.query("SELECT name, age FROM users")
    print(f"got {len(rows)} rows; still open: {conn.is_open}")


asyncio.run(main())
