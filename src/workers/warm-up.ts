import type { GradingBundle } from '../schemas/exercise.ts';
import type { PythonHost } from './python-host.ts';

/**
 * Work done once Python has started, its results dropped. A page's wasm is
 * compiled function by function as each is first called, and a Python
 * restored from the snapshot has called few: without this, the learner's
 * first Run pays for compiling the interpreter's paths through asyncio, the
 * sandbox and the grader (a small program's first Run took 110-290 ms, its
 * second 15-40 ms).
 */
export const WARM_UP_RUNS = [
	`
import asyncio

async def main():
    print("waiting")
    await asyncio.sleep(1)
    print("done")

asyncio.run(main())
`,
	`
import asyncio

async def step(n):
    await asyncio.sleep(n / 10)
    if n == 3:
        raise ValueError(n)
    return n

async def main():
    queue = asyncio.Queue()
    await queue.put(1)
    print(await queue.get(), await asyncio.gather(*(step(n) for n in range(6)), return_exceptions=True))
    try:
        async with asyncio.timeout(0.5):
            async with asyncio.TaskGroup() as group:
                group.create_task(asyncio.sleep(1))
    except TimeoutError:
        print("timed out")

asyncio.run(main())
`,
];

export const WARM_UP_CHECK: GradingBundle = {
	id: 'warm-up-check',
	checks: `
from awaitable.grading import check

@check("the program prints done at t=1s")
def prints_done(program):
    program.run().expect_line("done", what="a line saying done", at=1)
`,
	fixtures: null,
	solution: '',
};

/** The warm-up, as separate pieces of work: each runs or checks a program. */
export function warmUpPieces(python: PythonHost): (() => unknown)[] {
	const ignore = () => undefined;
	return [
		...WARM_UP_RUNS.map((program) => () => python.runText(program, ignore)),
		() => python.checkText(WARM_UP_CHECK, WARM_UP_RUNS[0]!, ignore),
	];
}
