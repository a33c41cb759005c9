import asyncio
import random
import time

BARISTAS = 2
CLOSING_TIME = 20


async def customer(number, baristas, times):
    arrived = time.monotonic()
    print(f"customer {number} arrives")
    brew_time = random.randint(1, 5)
    await baristas.acquire()
    try:
        print(f"brewing for customer {number}")
        await asyncio.sleep(brew_time)
        print(f"customer {number} gets their coffee")
    finally:
        baristas.release()
    times.append(time.monotonic() - arrived)


async def main():
    opened = time.monotonic()
    baristas = asyncio.Semaphore(BARISTAS)
    times = []
    inside = []
    number = 0
    while True:
        gap = random.randint(1, 3)
        elapsed = time.monotonic() - opened
        if elapsed + gap >= CLOSING_TIME:
            await asyncio.sleep(CLOSING_TIME - elapsed)
            print("doors close")
            break
        await asyncio.sleep(gap)
        number += 1
        inside.append(asyncio.create_task(customer(number, baristas, times)))
    await asyncio.gather(*inside)
    print(f"day over: {len(times)} served, average wait {sum(times) / len(times):.1f}s, "
          f"longest wait {max(times):.1f}s")


asyncio.run(main())
