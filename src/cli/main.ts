import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadExercise, loadExercises } from '../exercises/load-exercises.ts';
import type { CheckResultJson } from '../schemas/check-result.ts';
import { formatJson } from './json-text.ts';
import { startNodePython } from './node-python.ts';
import { verifyExercise } from './verify.ts';

const USAGE = `usage:
  awaitable run FILE.py [--exercise ID] [--json]  run a program in the sandbox (as an exercise runs it)
  awaitable check EXERCISE-ID FILE.py [--json]  grade a file against an exercise's checks
  awaitable verify [EXERCISE-ID...]         verify exercises: the starter fails, the solution passes

Exit status: 0 when the program ran / every check passed, 1 when not, 2 for bad usage.`;

const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const EXERCISES_DIR = join(PROJECT_ROOT, 'exercises');

class UsageError extends Error {}

function readSource(file: string): string {
	try {
		return readFileSync(file, 'utf8');
	} catch (error) {
		throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
	}
}

function formatCheck(result: CheckResultJson): string {
	const lines = result.checks.map((check) => {
		const mark = check.status === 'pass' ? 'PASS ' : check.status === 'fail' ? 'FAIL ' : 'ERROR';
		const message = check.message ? `\n${check.message.replace(/^/gm, '        ')}` : '';
		return `  ${mark} ${check.title}${message}`;
	});
	const passed = result.checks.filter((check) => check.passed).length;
	lines.push('', result.passed ? `${result.exercise}: all ${passed} checks passed` : `${result.exercise}: ${passed} of ${result.checks.length} checks passed`);
	return lines.join('\n');
}

function findExercise(id: string) {
	try {
		return loadExercise(join(EXERCISES_DIR, id), PROJECT_ROOT);
	} catch (error) {
		throw new UsageError(`no exercise "${id}": ${(error as Error).message}`);
	}
}

async function main(args: string[]): Promise<number> {
	const json = args.includes('--json');
	const [command, ...rest] = args.filter((arg) => arg !== '--json');
	if (command === '--help' || command === '-h' || command === 'help') {
		console.log(USAGE);
		return 0;
	}
	if (command === 'run') {
		const at = rest.indexOf('--exercise');
		const exerciseId = at >= 0 ? rest.splice(at, 2)[1] : null;
		if (at >= 0 && !exerciseId) throw new UsageError('--exercise takes an EXERCISE-ID');
		if (rest.length !== 1) throw new UsageError('run takes one FILE.py');
		const exercise = exerciseId ? findExercise(exerciseId) : null;
		const source = readSource(rest[0]);
		const python = await startNodePython();
		const result = python.run(source, undefined, exercise);
		console.log(json ? formatJson(result) : python.formatRun(result));
		return result.error || result.stopped || result.exit_status ? 1 : 0;
	}
	if (command === 'check') {
		if (rest.length !== 2) throw new UsageError('check takes an EXERCISE-ID and a FILE.py');
		const [id, file] = rest;
		const exercise = findExercise(id);
		const source = readSource(file);
		const python = await startNodePython();
		const result = python.check(exercise, source);
		console.log(json ? formatJson(result) : formatCheck(result));
		return result.passed ? 0 : 1;
	}
	if (command === 'verify') {
		const exercises = rest.length
			? rest.map((id) => loadExercise(join(EXERCISES_DIR, id), PROJECT_ROOT))
			: loadExercises(EXERCISES_DIR, PROJECT_ROOT);
		const python = await startNodePython();
		let failures = 0;
		for (const exercise of exercises) {
			const problems = verifyExercise(python, exercise);
			failures += problems.length ? 1 : 0;
			console.log(problems.length ? `FAIL ${exercise.id}\n${problems.map((p) => `  - ${p}`).join('\n')}` : `ok   ${exercise.id}`);
		}
		console.log(`\n${exercises.length - failures} passed, ${failures} failed`);
		return failures ? 1 : 0;
	}
	throw new UsageError(command ? `unknown command "${command}"` : 'no command given');
}

main(process.argv.slice(2)).then(
	(status) => {
		process.exitCode = status;
	},
	(error) => {
		if (error instanceof UsageError || error?.name === 'ExerciseError') {
			console.error(`awaitable: ${error.message}\n\n${USAGE}`);
			process.exitCode = 2;
		} else {
			console.error(error);
			process.exitCode = 1;
		}
	},
);
