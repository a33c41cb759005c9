from asyncio import run, sleep

GREETING = "Hello, asyncio!"


async def main() -> None:
    await sleep(0.5)
    await sleep(0.5)
    print(GREETING)


if __name__ == "__main__":
    run(main())
