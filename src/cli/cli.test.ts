// The `awaitable` command under Node with Pyodide: what it prints and its exit status.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { CheckResultSchema } from '../schemas/check-result.ts';
import { RunResultSchema } from '../schemas/run-result.ts';
import { formatJson } from './json-text.ts';

const ROOT = join(import.meta.dirname, '../..');
const scratch = mkdtempSync(join(tmpdir(), 'awaitable-cli-'));

function awaitable(...args: string[]) {
	const child = spawnSync(process.execPath, [join(ROOT, 'bin/awaitable.mjs'), ...args], {
		encoding: 'utf8',
		cwd: scratch,
		timeout: 60_000,
	});
	return { status: child.status, stdout: child.stdout, stderr: child.stderr };
}

function program(name: string, source: string): string {
	const path = join(scratch, name);
	writeFileSync(path, source);
	return path;
}

const SLEEPER = program(
	'sleeper.py',
	'import asyncio\n\nasync def main():\n    print("before")\n    await asyncio.sleep(2.5)\n    print("after")\n\nasyncio.run(main())\n',
);

describe('awaitable run', () => {
	test('prints the output with virtual timestamps and the time the program ended', () => {
		const { status, stdout } = awaitable('run', SLEEPER);
		expect(status).toBe(0);
		expect(stdout).toContain('[   0.000s]  before');
		expect(stdout).toContain('[   2.500s]  after');
		expect(stdout).toContain('virtual time at the end: 2.5s');
	});

	test('--json prints the run as the site reads it, each task event on a line of its own', () => {
		const { status, stdout } = awaitable('run', SLEEPER, '--json');
		expect(status).toBe(0);
		const run = RunResultSchema.parse(JSON.parse(stdout));
		expect(run.stdout.map((line) => [line.t, line.text])).toEqual([[0, 'before'], [2.5, 'after']]);
		expect(run.tasks[0]!.events.find((event) => event.kind === 'suspended')).toEqual({
			t: 0,
			kind: 'suspended',
			detail: 'asyncio.sleep(2.5)',
			line: 5,
		});
		expect(stdout).toContain('[0, "suspended", "asyncio.sleep(2.5)", 5]');
	});

	test('a program that fails exits with status 1 and shows the error', () => {
		const failing = program('failing.py', 'import asyncio\n\nasync def main():\n    raise ValueError("no")\n\nasyncio.run(main())\n');
		const { status, stdout } = awaitable('run', failing);
		expect(status).toBe(1);
		expect(stdout).toContain('ValueError: no');
	});
});

describe('awaitable check', () => {
	const exercise = join(ROOT, 'exercises/warm-up');

	test('passes the solution and fails the starter, with what to fix', () => {
		const solution = awaitable('check', 'warm-up', join(exercise, 'solution.py'));
		expect(solution.status).toBe(0);
		expect(solution.stdout).toMatch(/warm-up: all \d+ checks passed/);
		const starter = awaitable('check', 'warm-up', join(exercise, 'starter.py'), '--json');
		expect(starter.status).toBe(1);
		const result = CheckResultSchema.parse(JSON.parse(starter.stdout));
		expect(result.passed).toBe(false);
		expect(result.checks.some((check) => !check.passed && check.message)).toBe(true);
	});
});

describe('bad usage', () => {
	test('an unknown command, a missing file and an unknown exercise exit with status 2 and the usage', () => {
		for (const args of [['frobnicate'], ['run', join(scratch, 'missing.py')], ['check', 'no-such-exercise', SLEEPER]]) {
			const { status, stderr } = awaitable(...args);
			expect(status, args.join(' ')).toBe(2);
			expect(stderr).toContain('usage:');
		}
	});
});

describe('formatJson', () => {
	test('puts arrays of plain values on one line and leaves everything else indented', () => {
		const text = formatJson({ events: [[0, 'created', null, 4]], args: ['a [b]', 'c'], lines: [{ t: 1, text: 'x, y' }], none: [] });
		expect(text).toBe(
			[
				'{',
				'  "events": [',
				'    [0, "created", null, 4]',
				'  ],',
				'  "args": [',
				'    "a [b]",',
				'    "c"',
				'  ],',
				'  "lines": [',
				'    {',
				'      "t": 1,',
				'      "text": "x, y"',
				'    }',
				'  ],',
				'  "none": []',
				'}',
			].join('\n'),
		);
		expect(JSON.parse(text)).toEqual({ events: [[0, 'created', null, 4]], args: ['a [b]', 'c'], lines: [{ t: 1, text: 'x, y' }], none: [] });
	});
});

