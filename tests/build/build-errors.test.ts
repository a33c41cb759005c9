import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';

/**
 * Mistakes an author makes fail the build with a message that names the file
 * and what is wrong. Each case builds a small copy of the course: lesson 0
 * and its exercises, with one mistake put in.
 */
const ROOT = join(import.meta.dirname, '../..');
const copies: string[] = [];

function courseCopy(): string {
	const copy = mkdtempSync(join(tmpdir(), 'awaitable-build-'));
	copies.push(copy);
	for (const path of ['src', 'astro.config.mjs', 'package.json', 'tsconfig.json', 'content/index.mdx', 'exercises/warm-up', 'exercises/countdown']) {
		cpSync(join(ROOT, path), join(copy, path), { recursive: true });
	}
	mkdirSync(join(copy, 'content/lessons'), { recursive: true });
	cpSync(join(ROOT, 'content/lessons/how-this-course-works.mdx'), join(copy, 'content/lessons/how-this-course-works.mdx'));
	// Hard links: a full copy of node_modules in a moment, and no symlink for Vite to resolve through.
	spawnSync('cp', ['-al', join(ROOT, 'node_modules'), join(copy, 'node_modules')]);
	return copy;
}

function build(copy: string) {
	const child = spawnSync('npx', ['astro', 'build'], {
		cwd: copy,
		env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
		encoding: 'utf8',
	});
	return { status: child.status, output: `${child.stdout}\n${child.stderr}` };
}

afterAll(() => {
	for (const copy of copies) rmSync(copy, { recursive: true, force: true });
});

describe('an author mistake fails the build with a message that says where', () => {
	test('an <Exercise> whose id names no exercise', () => {
		const copy = courseCopy();
		const lesson = join(copy, 'content/lessons/how-this-course-works.mdx');
		writeFileSync(lesson, readFileSync(lesson, 'utf8').replace('<Exercise id="countdown" />', '<Exercise id="count-down" />'));
		const { status, output } = build(copy);
		expect(status).not.toBe(0);
		expect(output).toMatch(/content\/lessons\/how-this-course-works\.mdx: <Exercise id="count-down" \/> names an exercise that does not exist/);
	});

	test('an exercise whose front matter lacks a field', () => {
		const copy = courseCopy();
		const meta = join(copy, 'exercises/countdown/exercise.md');
		writeFileSync(meta, readFileSync(meta, 'utf8').replace(/^difficulty: .*\n/m, ''));
		const { status, output } = build(copy);
		expect(status).not.toBe(0);
		expect(output).toMatch(/exercises\/countdown\/exercise\.md: field "difficulty"/);
	});
});
