from asyncio import create_task, run, sleep

ACCOUNT = {"user": "ada", "plan": "pro"}


async def fetch_data():
    # sleep() hands back its `result` argument once the wait is over.
    return await sleep(2, result=dict(ACCOUNT))


async def main():
    print("fetching...")
    request = create_task(fetch_data())
    print(f"received {await request}")


if __name__ == "__main__":
    run(main())
