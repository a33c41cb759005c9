# expect: must cover both the read and the write
import asyncio


class Database:
    def __init__(self):
        self._data = {"balance": 0}

    async def read(self, key):
        await asyncio.sleep(0.1)
        return self._data[key]

    async def write(self, key, value):
        await asyncio.sleep(0.1)
        self._data[key] = value


class Account:
    def __init__(self, database):
        self.database = database
        self.lock = asyncio.Lock()

    async def deposit(self, amount):
        await asyncio.sleep(1)
        balance = await self.database.read("balance")
        async with self.lock:
            await self.database.write("balance", balance + amount)
        print(f"deposited {amount}, balance now {balance + amount}")


async def main():
    database = Database()
    account = Account(database)
    await asyncio.gather(*(account.deposit(10) for _ in range(10)))
    print(f"final balance: {await database.read('balance')}")


asyncio.run(main())
