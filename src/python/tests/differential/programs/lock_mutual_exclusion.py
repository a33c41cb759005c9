"""A Lock lets one task at a time into the critical section, in arrival order."""
import asyncio

balance = 100


async def withdraw(name, lock, amount):
    global balance
    print(name, "waiting; locked:", lock.locked())
    async with lock:
        print(name, "entered")
        current = balance
        await asyncio.sleep(0.1)
        balance = current - amount
        print(name, "left; balance", balance)


async def main():
    lock = asyncio.Lock()
    await asyncio.gather(withdraw("a", lock, 10), withdraw("b", lock, 20), withdraw("c", lock, 30))
    print("final balance", balance)
    try:
        lock.release()
    except RuntimeError as error:
        print("RuntimeError:", error)


asyncio.run(main())
