/**
 * A program that needs the subpackages the sandbox imports only when a
 * program uses them: processes and the network. It prints
 * `from a process`, then `network: ClientConnectorDNSError`.
 */
export const LAZY_IMPORTS_PROGRAM = `import asyncio
import aiohttp


async def main():
    process = await asyncio.create_subprocess_exec("echo", "from a process", stdout=asyncio.subprocess.PIPE)
    out, _ = await process.communicate()
    print(out.decode().strip())
    async with aiohttp.ClientSession() as session:
        try:
            await session.get("http://example.com/")
        except aiohttp.ClientConnectorError as error:
            print("network:", type(error).__name__)


asyncio.run(main())
`;
