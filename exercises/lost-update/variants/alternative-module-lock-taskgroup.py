import asyncio


class Database:
    """A slow store: every read and every write takes 0.1 seconds."""

    def __init__(self):
        self._data = {"balance": 0}

    async def read(self, key):
        await asyncio.sleep(0.1)
        return self._data[key]

    async def write(self, key, value):
        await asyncio.sleep(0.1)
        self._data[key] = value


balance_lock = asyncio.Lock()


class Account:
    def __init__(self, database):
        self.database = database

    async def deposit(self, amount):
        await asyncio.sleep(1)
        await balance_lock.acquire()
        try:
            new_balance = await self.database.read("balance") + amount
            await self.database.write("balance", new_balance)
        finally:
            balance_lock.release()
        print(f"deposited {amount}, balance now {new_balance}")


async def main():
    database = Database()
    account = Account(database)
    async with asyncio.TaskGroup() as group:
        for _ in range(10):
            group.create_task(account.deposit(10))
    print(f"final balance: {await database.read('balance')}")


asyncio.run(main())
