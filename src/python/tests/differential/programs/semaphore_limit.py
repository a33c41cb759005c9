"""A Semaphore(2) lets at most two tasks in at once."""
import asyncio

inside = 0
most_inside = 0


async def download(name, semaphore):
    global inside, most_inside
    async with semaphore:
        inside += 1
        most_inside = max(most_inside, inside)
        print(f"{name} starts; {inside} inside")
        await asyncio.sleep(0.1)
        inside -= 1
    print(f"{name} ends")


async def main():
    semaphore = asyncio.Semaphore(2)
    await asyncio.gather(*(download(f"file{i}", semaphore) for i in range(5)))
    print("at most", most_inside, "inside at once; locked:", semaphore.locked())


asyncio.run(main())
