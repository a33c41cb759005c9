import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
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
	writeFileSync(bundle, JSON.stringify(exercise));
	writeFileSync(file, source);
	const child = spawnSync('python3', ['-m', 'awaitable.grading', bundle, file], {
		cwd: ROOT,
		env: { ...process.env, PYTHONPATH: join(ROOT, 'src/python') },
		encoding: 'utf8',
	});
	if (child.status !== 0 && child.status !== 1) throw new Error(`python3 -m awaitable.grading failed:\n${child.stderr}`);
	return CheckResultSchema.parse(JSON.parse(child.stdout));
}

/**
 * `exercises/<id>/variants/`: `alternative-*.py`, other correct solutions
 * that must pass; `wrong-*.py`, typical mistakes that must fail, each
 * starting with `# expect: REGEX`, which a failing check's message must match
 * (case-insensitively), so that the message names the mistake.
 */
function variants(id: string) {
	const folder = join(ROOT, 'exercises', id, 'variants');
	if (!existsSync(folder)) return [];
	return readdirSync(folder)
		.filter((name) => /^(alternative|wrong)-.*\.py$/.test(name))
		.sort()
		.map((name) => {
			const source = readFileSync(join(folder, name), 'utf8');
			const expect = /^# expect: (.+)$/m.exec(source)?.[1];
			return { name, source, wrong: name.startsWith('wrong-'), expect };
		});
}

const verdicts = (result: Pick<CheckResult, 'checks'>) => Object.fromEntries(result.checks.map((check) => [check.title, check.status]));

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

	const cases = variants(id);
	test.skipIf(!cases.length).each(cases)('variant $name is graded as it should be', async ({ source, wrong, expect: pattern }) => {
		const python = await pyodideHost();
		const result = python.check(exercise, source);
		expect(result.checks.filter((check) => check.status === 'error')).toEqual([]);
		if (!wrong) {
			expect(result.checks.filter((check) => !check.passed)).toEqual([]);
			return;
		}
		expect(pattern, 'a wrong variant starts with "# expect: REGEX"').toBeTruthy();
		expect(result.passed).toBe(false);
		const messages = result.checks.filter((check) => !check.passed).map((check) => check.message);
		expect(messages.some((message) => new RegExp(pattern!, 'i').test(message)), messages.join('\n---\n')).toBe(true);
	});
});

test('every exercise has at least one alternative and two wrong variants', () => {
	const thin = exercises
		.map((exercise) => {
			const cases = variants(exercise.id);
			return { id: exercise.id, alternatives: cases.filter((c) => !c.wrong).length, wrong: cases.filter((c) => c.wrong).length };
		})
		.filter(({ alternatives, wrong }) => alternatives < 1 || wrong < 2);
	expect(thin).toEqual([]);
});
