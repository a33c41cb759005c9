import type { Exercise } from '../schemas/exercise.ts';
import type { PythonHost } from '../workers/python-host.ts';

/**
 * What is wrong with an exercise, as sentences (none when it is sound): the
 * starter must fail at least one check, the solution must pass every one,
 * and no check may crash on either.
 */
export function verifyExercise(python: PythonHost, exercise: Exercise): string[] {
	const problems: string[] = [];
	const starter = python.check(exercise, exercise.starter);
	const solution = python.check(exercise, exercise.solution);
	for (const [name, result] of [['starter', starter], ['solution', solution]] as const) {
		for (const check of result.checks) {
			if (check.status === 'error') problems.push(`check "${check.title}" crashed on the ${name}: ${check.message}`);
		}
	}
	if (starter.passed) problems.push('the starter passes every check; it must fail at least one');
	for (const check of solution.checks) {
		if (check.status === 'fail') problems.push(`the solution fails "${check.title}": ${check.message.replace(/\n/g, ' / ')}`);
	}
	if (!solution.checks.length) problems.push('checks.py defines no checks');
	return problems;
}
