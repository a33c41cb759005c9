import { describe, expect, test } from 'vitest';
import { ASYNCIO_API, entriesOf, lookUp } from './asyncio-reference.ts';

describe('the asyncio reference behind completions and hovers', () => {
	test('names are unique within each namespace', () => {
		const keys = ASYNCIO_API.map((entry) => `${entry.namespace}.${entry.name}`);
		expect(new Set(keys).size).toBe(keys.length);
	});

	test('covers what the lessons use', () => {
		const names = entriesOf('asyncio').map((entry) => entry.name);
		for (const name of ['run', 'sleep', 'create_task', 'gather', 'wait_for', 'timeout', 'as_completed', 'TaskGroup', 'Queue', 'Lock', 'Semaphore', 'Event', 'to_thread', 'create_subprocess_exec', 'open_connection']) {
			expect(names).toContain(name);
		}
	});

	test('a qualified name finds the module function, a method name finds the method', () => {
		expect(lookUp('gather', 'asyncio')?.signature).toMatch(/^await asyncio\.gather\(/);
		expect(lookUp('task_done', 'queue')?.namespace).toBe('asyncio.Queue');
		expect(lookUp('gather', 'tasks')).toBeUndefined();
	});

	test('every summary is one sentence or two, and every entry links to the docs', () => {
		for (const entry of ASYNCIO_API) {
			expect(entry.summary.length, entry.name).toBeLessThan(160);
			expect(entry.doc, entry.name).toMatch(/^asyncio-[a-z]+\.html#asyncio\./);
		}
	});
});
