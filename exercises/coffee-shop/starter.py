import asyncio
import random

BARISTAS = 2  # coffees that can brew at the same time
CLOSING_TIME = 20  # seconds after opening; nobody comes in at or after it


async def main():
    loop = asyncio.get_running_loop()
    opened = loop.time()
    customer = 0
    while True:
        await asyncio.sleep(random.randint(1, 3))
        if loop.time() - opened >= CLOSING_TIME:
            break
        customer += 1
        print(f"customer {customer} arrives")
        # One coffee at a time, and nobody else gets in meanwhile:
        print(f"brewing for customer {customer}")
        await asyncio.sleep(random.randint(1, 5))
        print(f"customer {customer} gets their coffee")
    print("doors close")
    print("day over: ...")  # N served, average wait X.Xs, longest wait Y.Ys


asyncio.run(main())
