import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { verifyExercise } from '../../src/cli/verify.ts';
import { loadExercises } from '../../src/exercises/load-exercises.ts';
import { CheckResultSchema, type CheckResult } from '../../src/schemas/check-result.ts';
import type { Exercise } from '../../src/schemas/exercise.ts';
import { pyodideHost } from '../support/pyodide.ts';

/**
 * Every exercise through the real grader: the starter fails, the solution
 * passes, under Pyodide and under the system python3, and each check's
 * verdict matches the recorded snapshot so that a change in grading shows in
 * review. Update snapshots with `npx vitest run tests/golden -u`.
 */
const ROOT = join(import.meta.dirname, '../..');
const exercises = loadExercises(join(ROOT, 'exercises'), ROOT);
const scratch = mkdtempSync(join(tmpdir(), 'golden-'));

function gradeWithSystemPython(exercise: Exercise, source: string): CheckResult {
	const bundle = join(scratch, `${exercise.id}.json`);
	const file = join(scratch, `${exercise.id}.py`);
	writeFileSync(bundle, JSON.stringify({ id: exercise.id, checks: exercise.checks, fixtures: exercise.fixtures, limits: exercise.limits }));
	writeFileSync(file, source);
	const child = spawnSync('python3', ['-m', 'awaitable.grading', bundle, file], {
		cwd: ROOT,
		env: { ...process.env, PYTHONPATH: join(ROOT, 'src/python') },
		encoding: 'utf8',
	});
	if (child.status !== 0 && child.status !== 1) throw new Error(`python3 -m awaitable.grading failed:\n${child.stderr}`);
	return CheckResultSchema.parse(JSON.parse(child.stdout));
}

const verdicts = (result: CheckResult) => Object.fromEntries(result.checks.map((check) => [check.title, check.status]));

describe.each(exercises.map((exercise) => [exercise.id, exercise] as const))('%s', (id, exercise) => {
	test('under Pyodide: the starter fails a check, the solution passes all', async () => {
		const python = await pyodideHost();
		expect(verifyExercise(python, exercise)).toEqual([]);
	});

	test('under the system python3: the starter fails a check, the solution passes all', () => {
		const starter = gradeWithSystemPython(exercise, exercise.starter);
		const solution = gradeWithSystemPython(exercise, exercise.solution);
		expect(starter.passed).toBe(false);
		expect(solution.checks.filter((check) => !check.passed)).toEqual([]);
	});

	test('verdicts match the recorded snapshot, in both Pythons', async () => {
		const python = await pyodideHost();
		const recorded = {
			starter: verdicts(python.check(exercise, exercise.starter)),
			solution: verdicts(python.check(exercise, exercise.solution)),
		};
		expect({
			starter: verdicts(gradeWithSystemPython(exercise, exercise.starter)),
			solution: verdicts(gradeWithSystemPython(exercise, exercise.solution)),
		}).toEqual(recorded);
		await expect(JSON.stringify(recorded, null, 2) + '\n').toMatchFileSnapshot(`verdicts/${id}.json`);
	});
});
