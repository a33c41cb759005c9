"""A BoundedSemaphore refuses to be released more often than acquired."""
import asyncio


async def main():
    plain = asyncio.Semaphore(1)
    plain.release()
    print("plain Semaphore allows an extra release; locked:", plain.locked())

    bounded = asyncio.BoundedSemaphore(1)
    await bounded.acquire()
    print("locked after acquire:", bounded.locked())
    bounded.release()
    try:
        bounded.release()
    except ValueError as error:
        print("ValueError:", error)


asyncio.run(main())
