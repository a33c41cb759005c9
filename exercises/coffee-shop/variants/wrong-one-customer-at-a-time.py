# expect: after customer
import asyncio
import random

BARISTAS = 2
CLOSING_TIME = 20


async def main():
    loop = asyncio.get_running_loop()
    opened = loop.time()
    waits = []
    customer = 0
    while True:
        await asyncio.sleep(random.randint(1, 3))
        if loop.time() - opened >= CLOSING_TIME:
            break
        customer += 1
        arrived = loop.time()
        print(f"customer {customer} arrives")
        print(f"brewing for customer {customer}")
        await asyncio.sleep(random.randint(1, 5))
        print(f"customer {customer} gets their coffee")
        waits.append(loop.time() - arrived)
    print("doors close")
    print(f"day over: {len(waits)} served, average wait {sum(waits) / len(waits):.1f}s, "
          f"longest wait {max(waits):.1f}s")


asyncio.run(main())
