import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { loadExercise, loadExercises } from './load-exercises.ts';

const WARM_UP = join(import.meta.dirname, '../../exercises/warm-up');

let root: string;

function copyOfWarmUp(): string {
	root = mkdtempSync(join(tmpdir(), 'exercise-'));
	const folder = join(root, 'exercises', 'broken-one');
	cpSync(WARM_UP, folder, { recursive: true });
	return folder;
}

function editFrontMatter(folder: string, edit: (text: string) => string) {
	const file = join(folder, 'exercise.md');
	writeFileSync(file, edit(readFileSync(file, 'utf8')));
}

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('a well-formed exercise', () => {
	test('loads with its metadata, instructions and files', () => {
		const exercise = loadExercise(WARM_UP);
		expect(exercise.id).toBe('warm-up');
		expect(exercise.lesson).toBe('how-this-course-works');
		expect(exercise.hints.length).toBeGreaterThanOrEqual(1);
		expect(exercise.instructions).toMatch(/one second/);
		expect(exercise.starter).toMatch(/asyncio\.run\(main\(\)\)/);
		expect(exercise.checks).toMatch(/@check\(/);
		expect(exercise.fixtures).toBeNull();
		root = mkdtempSync(join(tmpdir(), 'exercise-'));
	});
});

describe('a malformed exercise fails naming the file and the field', () => {
	test('a missing required field', () => {
		const folder = copyOfWarmUp();
		editFrontMatter(folder, (text) => text.replace(/^difficulty: .*\n/m, ''));
		expect(() => loadExercise(folder, root)).toThrow(/exercises\/broken-one\/exercise\.md: field "difficulty"/);
	});

	test('a wrongly typed field', () => {
		const folder = copyOfWarmUp();
		editFrontMatter(folder, (text) => text.replace(/^order: .*$/m, 'order: first'));
		expect(() => loadExercise(folder, root)).toThrow(/exercise\.md: field "order"/);
	});

	test('too many hints', () => {
		const folder = copyOfWarmUp();
		editFrontMatter(folder, (text) => text.replace(/^hints:\n/m, 'hints:\n  - one\n  - two\n'));
		expect(() => loadExercise(folder, root)).toThrow(/field "hints"/);
	});

	test('an unknown field', () => {
		const folder = copyOfWarmUp();
		editFrontMatter(folder, (text) => text.replace(/^order: /m, 'levle: 2\norder: '));
		expect(() => loadExercise(folder, root)).toThrow(/exercise\.md.*levle/);
	});

	test('a missing file', () => {
		const folder = copyOfWarmUp();
		rmSync(join(folder, 'checks.py'));
		expect(() => loadExercise(folder, root)).toThrow(/exercises\/broken-one\/checks\.py: this file is missing/);
	});

	test('checks.py without a check', () => {
		const folder = copyOfWarmUp();
		writeFileSync(join(folder, 'checks.py'), 'print("no checks")\n');
		expect(() => loadExercise(folder, root)).toThrow(/checks\.py: it defines no check/);
	});

	test('empty instructions', () => {
		const folder = copyOfWarmUp();
		editFrontMatter(folder, (text) => text.slice(0, text.lastIndexOf('---') + 4));
		expect(() => loadExercise(folder, root)).toThrow(/exercise\.md: field "instructions"/);
	});

	test('front matter that is not YAML', () => {
		const folder = copyOfWarmUp();
		editFrontMatter(folder, (text) => text.replace(/^title: .*$/m, 'title: Warm-up: broken'));
		expect(() => loadExercise(folder, root)).toThrow(/exercise\.md: the front matter is not valid YAML/);
	});

	test('a whole folder of exercises stops at the first broken one', () => {
		const folder = copyOfWarmUp();
		editFrontMatter(folder, (text) => text.replace(/^lesson: .*$/m, 'lesson: Not A Slug'));
		expect(() => loadExercises(join(root, 'exercises'), root)).toThrow(/broken-one\/exercise\.md: field "lesson"/);
	});
});
