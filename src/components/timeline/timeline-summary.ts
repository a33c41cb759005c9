import type { RunResult, TaskRecord } from '../../schemas/run-result.ts';
import { formatSeconds } from './time-scale.ts';
import { capitalize, plural } from './wording.ts';

/**
 * The most tasks waiting at one instant: the number that tells a gather
 * (several waits overlap) from sequential awaits (one wait at a time).
 * Waits of zero length (`asyncio.sleep(0)`) overlap nothing.
 */
export function mostWaitingAtOnce(tasks: TaskRecord[], end: number): number {
	const edges: [number, number][] = [];
	for (const task of tasks) {
		let since: number | null = null;
		for (const event of task.events) {
			if (event.kind === 'suspended') since = event.t;
			else if (since !== null) {
				if (event.t > since) edges.push([since, 1], [event.t, -1]);
				since = null;
			}
		}
		if (since !== null && end > since) edges.push([since, 1], [end, -1]);
	}
	// At equal times a wait that ends comes before one that begins: waits that touch do not overlap.
	edges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
	let now = 0;
	let most = 0;
	for (const [, change] of edges) {
		now += change;
		most = Math.max(most, now);
	}
	return most;
}

/** What a screen reader announces for the chart, and what sighted readers see above it. */
export function summarizeRun(run: RunResult, tasks: TaskRecord[], end: number): string {
	const clauses: string[] = [];
	const omitted = run.tasks_omitted ?? 0;
	// The record keeps the first tasks only: of the others nothing is known here.
	const among = omitted ? `of the first ${tasks.length.toLocaleString('en')}, ` : '';
	if (tasks.length) {
		const most = mostWaitingAtOnce(tasks, end);
		clauses.push(plural(tasks.length + omitted, 'task'));
		if (most === 0) clauses.push(`${among}no wait took any virtual time`);
		else if (most === 1) clauses.push(`${among}one wait at a time`);
		else clauses.push(`${among}at most ${most.toLocaleString('en')} tasks waited at the same time`);
	} else {
		clauses.push('no asyncio tasks');
	}
	if (run.stopped) clauses.push(`the sandbox stopped the program at ${formatSeconds(end)}`);
	else if (run.error) clauses.push(`the program ended with ${run.error.type} at ${formatSeconds(end)}`);
	else if (end === 0) clauses.push('no virtual time passed: everything happened at 0 s');
	else clauses.push(`the program ended at ${formatSeconds(end)}`);

	const sentences = [`${capitalize(clauses.join('; '))}.`];
	if (run.blocking.length) {
		const total = run.blocking.reduce((sum, call) => sum + call.duration, 0);
		const calls = plural(run.blocking.length, 'blocking call');
		// Before asyncio.run() there is no event loop to freeze.
		const froze = run.blocking.every((call) => call.task !== null) ? 'froze the event loop' : 'held the program up';
		sentences.push(`${calls} ${froze} for ${formatSeconds(total)} in all.`);
	}
	const cancelled = tasks.filter((task) => task.state === 'cancelled').length;
	const failed = tasks.filter((task) => task.state === 'error').length;
	const endings = [];
	if (cancelled) endings.push(`${plural(cancelled, 'task was', 'tasks were')} cancelled`);
	if (failed) endings.push(`${plural(failed, 'task', 'tasks')} ended with an error`);
	if (endings.length) sentences.push(`${capitalize(among + endings.join('; '))}.`);
	return sentences.join(' ');
}
