# expect: wait for every customer's task
import asyncio
import random

BARISTAS = 2  # coffees that can brew at the same time
CLOSING_TIME = 20  # seconds after opening; nobody comes in at or after it


async def serve(customer, baristas, clock, waits):
    arrived = clock()
    brew_time = random.randint(1, 5)
    async with baristas:
        print(f"brewing for customer {customer}")
        await asyncio.sleep(brew_time)
        print(f"customer {customer} gets their coffee")
    waits.append(clock() - arrived)


async def main():
    loop = asyncio.get_running_loop()
    opened = loop.time()

    def clock():
        return loop.time() - opened

    baristas = asyncio.Semaphore(BARISTAS)
    waits = []
    inside = []
    if True:
        customer = 0
        try:
            async with asyncio.timeout(CLOSING_TIME):
                while True:
                    await asyncio.sleep(random.randint(1, 3))
                    customer += 1
                    print(f"customer {customer} arrives")
                    inside.append(asyncio.create_task(serve(customer, baristas, clock, waits)))
        except TimeoutError:
            print("doors close")
    average = sum(waits) / len(waits)
    print(f"day over: {len(waits)} served, average wait {average:.1f}s, "
          f"longest wait {max(waits):.1f}s")


asyncio.run(main())
