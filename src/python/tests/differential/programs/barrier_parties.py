"""A Barrier releases its parties together once all of them have arrived."""
import asyncio


async def runner(name, delay, barrier):
    await asyncio.sleep(delay)
    print(name, "arrived; waiting:", barrier.n_waiting)
    position = await barrier.wait()
    print(name, "passed")
    return position


async def main():
    barrier = asyncio.Barrier(3)
    positions = await asyncio.gather(
        runner("a", 0.1, barrier), runner("b", 0.2, barrier), runner("c", 0.3, barrier))
    print("positions", sorted(positions), "parties", barrier.parties)

    broken = asyncio.Barrier(2)
    waiter = asyncio.create_task(broken.wait())
    await asyncio.sleep(0)
    await broken.abort()
    try:
        await waiter
    except asyncio.BrokenBarrierError:
        print("BrokenBarrierError; broken:", broken.broken)


asyncio.run(main())
