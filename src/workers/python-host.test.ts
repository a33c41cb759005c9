// A long run's records take milliseconds to drop: the host drops them once
// the result has gone out, not before.
import { loadPyodide } from 'pyodide';
import { expect, test } from 'vitest';
import { readPackageFiles } from '../cli/node-python.ts';
import { startPythonHost } from './python-host.ts';
import { WARM_UP_CHECK, WARM_UP_RUNS } from './warm-up.ts';

const TASKS = `
import asyncio
async def nap(i):
    await asyncio.sleep(i)
async def main():
    await asyncio.gather(*(nap(i) for i in range(3)))
asyncio.run(main())
`;

test("a run's and a check's records are kept until the result has gone out, then dropped", async () => {
	const pyodide = await loadPyodide();
	const python = startPythonHost(pyodide, readPackageFiles());
	const kept = () => Number(pyodide.runPython('import awaitable.host; len(awaitable.host._reported)'));
	const run = JSON.parse(python.runText(TASKS));
	expect(run.tasks).toHaveLength(4);
	expect(kept()).toBe(1);
	await new Promise((resolve) => setTimeout(resolve));
	expect(kept()).toBe(0);
	python.checkText(WARM_UP_CHECK, WARM_UP_RUNS[0]!);
	expect(kept()).toBe(1);
	await new Promise((resolve) => setTimeout(resolve));
	expect(kept()).toBe(0);
}, 60_000);
