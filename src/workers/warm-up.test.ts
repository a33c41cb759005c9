// The warm-up must exercise what a learner's Run and Check go through: if the
// sandbox's API changed under it, it would fail quietly and warm nothing.
import { expect, test } from 'vitest';
import { pyodideHost } from '../../tests/support/pyodide.ts';
import { CheckResultSchema } from '../schemas/check-result.ts';
import { RunResultSchema } from '../schemas/run-result.ts';
import type { PythonHost } from './python-host.ts';
import { WARM_UP_CHECK, WARM_UP_RUNS, warmUpPieces } from './warm-up.ts';

test('each warm-up program runs to its end, and the warm-up check passes', async () => {
	const python = await pyodideHost();
	for (const program of WARM_UP_RUNS) {
		const run = RunResultSchema.parse(JSON.parse(python.runText(program, () => undefined)));
		expect(run.error).toBeNull();
		expect(run.stopped).toBeNull();
		expect(run.stdout.length).toBeGreaterThan(0);
	}
	const check = CheckResultSchema.parse(JSON.parse(python.checkText(WARM_UP_CHECK, WARM_UP_RUNS[0]!, () => undefined)));
	expect(check.checks.map((each) => each.status)).toEqual(['pass']);
});

test('the warm-up runs and checks with an output listener, as the page does', () => {
	// The listener is how output crosses from Python to JavaScript: its path
	// wants warming too.
	const calls: string[] = [];
	const python = {
		runText: (_source: string, onOutput?: unknown) => calls.push(`run ${typeof onOutput}`),
		checkText: (_bundle: unknown, _source: string, onOutput?: unknown) => calls.push(`check ${typeof onOutput}`),
	} as unknown as PythonHost;
	for (const piece of warmUpPieces(python)) piece();
	expect(calls).toEqual([...WARM_UP_RUNS.map(() => 'run function'), 'check function']);
});
