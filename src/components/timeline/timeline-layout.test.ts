import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { RunResultSchema, type RunResult, type TaskRecord } from '../../schemas/run-result.ts';
import { layoutTimeline, type TimelineRow } from './timeline-layout.ts';
import { niceStep, timeAxis } from './time-scale.ts';

/** The sandbox's records of the programs beside them: `python3 -m awaitable --json fixtures/NAME.py`. */
function fixture(name: string): RunResult {
	const text = readFileSync(join(import.meta.dirname, 'fixtures', `${name}.json`), 'utf8');
	return RunResultSchema.parse(JSON.parse(text));
}

type EventSpec = [t: number, kind: TaskRecord['events'][number]['kind'], detail?: string];

function task(id: number, events: EventSpec[], fields: Partial<TaskRecord> = {}): TaskRecord {
	const last = events.at(-1)!;
	const ended = ['done', 'error', 'cancelled'].includes(last[1]) ? last[0] : null;
	return {
		id,
		name: `Task-${id}`,
		coro: 'job',
		created: events[0]![0],
		started: events.find((event) => event[1] === 'started')?.[0] ?? null,
		ended,
		state: ended === null ? 'pending' : (last[1] as TaskRecord['state']),
		parent: id === 1 ? null : 1,
		line: null,
		result: null,
		events: events.map(([t, kind, detail]) => ({ t, kind, detail: detail ?? null, line: null })),
		...fields,
	};
}

function run(fields: Partial<RunResult>): RunResult {
	return {
		stdout: [],
		stderr: [],
		output: [],
		output_dropped: 0,
		virtual_time: 0,
		error: null,
		stopped: null,
		exit_status: null,
		tasks: [],
		blocking: [],
		...fields,
	};
}

const spans = (row: TimelineRow, kind: string) =>
	row.bars.filter((bar) => bar.kind === kind).map((bar) => [bar.start, bar.end]);
const markKinds = (row: TimelineRow) => row.marks.filter((mark) => mark.kind !== 'step').map((mark) => mark.kind);

describe('gather and sequential awaits read differently', () => {
	test('a gather of sleeps of 1, 2 and 3 s: three rows waiting side by side from t=0', () => {
		const layout = layoutTimeline(fixture('gather'));
		const brews = layout.rows.filter((row) => row.coro === 'brew()');
		expect(brews.map((row) => spans(row, 'waiting'))).toEqual([[[0, 1]], [[0, 2]], [[0, 3]]]);
		expect(brews.map((row) => row.bars[0]!.label)).toEqual(['asyncio.sleep(1)', 'asyncio.sleep(2)', 'asyncio.sleep(3)']);
		expect(layout.summary).toMatch(/^4 tasks; at most 4 tasks waited at the same time; the program ended at 3 s\.$/);
	});

	test('sequential awaits of coroutines: one task, three waits one after another', () => {
		const layout = layoutTimeline(fixture('sequential'));
		expect(layout.rows).toHaveLength(1);
		const [main] = layout.rows;
		expect(spans(main!, 'waiting')).toEqual([
			[0, 1],
			[1, 3],
			[3, 6],
		]);
		expect(layout.summary).toMatch(/1 task; one wait at a time; the program ended at 6 s/);
	});

	test('asyncio.run() housekeeping tasks are left out', () => {
		const layout = layoutTimeline(fixture('sequential'));
		expect(layout.rows.map((row) => row.coro)).toEqual(['main()']);
		expect(layout.hiddenTasks).toBe(0);
	});

	test('rows come in creation order, each named by its task and its coroutine', () => {
		const layout = layoutTimeline(fixture('gather'));
		expect(layout.rows.map((row) => `${row.name} ${row.coro}`)).toEqual([
			'Task-1 main()',
			'Task-2 brew()',
			'Task-3 brew()',
			'Task-4 brew()',
		]);
	});
});

describe('what a bar or a mark says', () => {
	test('a wait names the task, what it waited on, when and where', () => {
		const [, espresso] = layoutTimeline(fixture('gather')).rows;
		expect(espresso!.bars[0]!.description).toBe('Task-2 brew(): waiting on asyncio.sleep(1) from 0 s to 1 s (line 5)');
	});

	test('each step is a tick at the moment the task ran', () => {
		const [main] = layoutTimeline(fixture('sequential')).rows;
		expect(main!.marks.filter((mark) => mark.kind === 'step').map((mark) => mark.t)).toEqual([0, 1, 3, 6]);
	});

	test('a done task says what it returned', () => {
		const [, espresso] = layoutTimeline(fixture('gather')).rows;
		expect(espresso!.marks.find((mark) => mark.kind === 'done')!.description).toBe(
			"Task-2 brew(): done at 1 s, returned 'espresso'",
		);
	});

	test('workers waiting on a queue show Queue.get()', () => {
		const layout = layoutTimeline(fixture('queue'));
		const labels = layout.rows.flatMap((row) => row.bars.map((bar) => bar.label));
		expect(labels).toContain('Queue.get()');
		expect(labels).toContain('Queue.join()');
	});
});

describe('blocking calls', () => {
	test('become warning bars in the row of the task that made them', () => {
		const layout = layoutTimeline(fixture('blocking'));
		const [, a, b] = layout.rows;
		expect(spans(a!, 'blocking')).toEqual([[0, 1.5]]);
		expect(spans(b!, 'blocking')).toEqual([[1.5, 3]]);
		expect(a!.bars.find((bar) => bar.kind === 'blocking')!.description).toBe(
			'Task-2 slow(): the blocking call time.sleep(1.5) froze the event loop from 0 s to 1.5 s (line 5)',
		);
	});

	test('a task kept from starting by a blocking call shows the time it waited for its turn', () => {
		const [, , b] = layoutTimeline(fixture('blocking')).rows;
		expect(spans(b!, 'scheduled')).toEqual([[0, 1.5]]);
	});

	test('the stretches when the loop was frozen are joined into one span for the whole chart', () => {
		const layout = layoutTimeline(fixture('blocking'));
		expect(layout.blocked).toEqual([{ start: 0, end: 3 }]);
		expect(layout.summary).toMatch(/2 blocking calls froze the event loop for 3 s in all\./);
	});

	test('calls outside any task get a row of their own, first', () => {
		const layout = layoutTimeline(
			run({
				virtual_time: 3,
				blocking: [{ t: 0, duration: 2, call: 'time.sleep(2)', line: 3, task: null }],
				tasks: [task(1, [[2, 'created'], [2, 'started'], [2, 'suspended', 'asyncio.sleep(1)'], [3, 'resumed'], [3, 'done']])],
			}),
		);
		expect(layout.rows.map((row) => row.name)).toEqual(['outside tasks', 'Task-1']);
		expect(spans(layout.rows[0]!, 'blocking')).toEqual([[0, 2]]);
		expect(layout.summary).toMatch(/1 blocking call held the program up for 2 s in all/);
	});
});

describe('how tasks end', () => {
	test('cancelled and failed tasks get their own marks', () => {
		const layout = layoutTimeline(fixture('cancel'));
		const ticker = layout.rows.find((row) => row.name === 'ticker')!;
		const fails = layout.rows.find((row) => row.coro === 'fails()')!;
		expect(markKinds(ticker)).toEqual(['created', 'cancelled']);
		expect(ticker.marks.find((mark) => mark.kind === 'cancelled')!.t).toBe(2.5);
		expect(markKinds(fails)).toEqual(['created', 'error']);
		expect(fails.marks.find((mark) => mark.kind === 'error')!.description).toBe(
			'Task-3 fails(): ended with an error at 0.5 s: ValueError: boom',
		);
		expect(layout.summary).toMatch(/1 task was cancelled; 1 task ended with an error\./);
	});

	test('a task still waiting when the sandbox stopped the program waits to the end', () => {
		const layout = layoutTimeline(
			run({
				virtual_time: 5,
				stopped: { kind: 'deadlock', message: 'no task can make progress', hint: null, waiting: [] },
				tasks: [task(1, [[0, 'created'], [0, 'started'], [0, 'suspended', 'Event.wait()']])],
			}),
		);
		const [bar] = layout.rows[0]!.bars;
		expect([bar!.start, bar!.end]).toEqual([0, 5]);
		expect(bar!.description).toMatch(/still waiting when the program was stopped/);
		expect(layout.summary).toMatch(/the sandbox stopped the program at 5 s/);
	});
});

describe('output', () => {
	test('lines written at one moment share one mark that quotes them', () => {
		const layout = layoutTimeline(fixture('gather'));
		expect(layout.outputs.map((mark) => [mark.t, mark.lines.length])).toEqual([
			[0, 3],
			[1, 1],
			[2, 1],
			[3, 2],
		]);
		expect(layout.outputs[1]!.description).toBe('1 line of output at 1 s: “espresso ready”');
	});

	test('a line on standard error marks its moment as such', () => {
		const lines = [
			{ t: 0, text: 'fine', stream: 'stdout' as const },
			{ t: 1, text: 'Traceback', stream: 'stderr' as const },
		];
		const layout = layoutTimeline(run({ virtual_time: 1, output: lines }));
		expect(layout.outputs.map((mark) => mark.stderr)).toEqual([false, true]);
	});
});

describe('the time axis', () => {
	test.each([
		[3, [0, 0.5, 1, 1.5, 2, 2.5, 3]],
		[6, [0, 1, 2, 3, 4, 5, 6]],
		[2.75, [0, 0.5, 1, 1.5, 2, 2.5, 3]],
		[0.2, [0, 0.05, 0.1, 0.15, 0.2]],
		[10800, [0, 2000, 4000, 6000, 8000, 10000, 12000]],
	])('a run ending at %s s has ticks %j', (end, ticks) => {
		expect(timeAxis(end).ticks.map((tick) => tick.t)).toEqual(ticks);
	});

	test('every step is 1, 2 or 5 times a power of ten, and the ticks cover the run', () => {
		for (const end of [0.001, 0.013, 0.3, 1, 1.7, 4.2, 9.99, 37, 450, 7777]) {
			const axis = timeAxis(end);
			const mantissa = Number((axis.step / 10 ** Math.floor(Math.log10(axis.step))).toPrecision(6));
			expect([1, 2, 5]).toContain(mantissa);
			expect(axis.span).toBeGreaterThanOrEqual(end);
			expect(axis.ticks.length).toBeLessThanOrEqual(7);
			expect(niceStep(end, 6)).toBe(axis.step);
		}
	});

	test('tick labels carry as many decimals as the step needs', () => {
		expect(timeAxis(3).ticks.map((tick) => tick.label)).toEqual(['0.0', '0.5', '1.0', '1.5', '2.0', '2.5', '3.0']);
		expect(timeAxis(6).ticks.map((tick) => tick.label)).toEqual(['0', '1', '2', '3', '4', '5', '6']);
	});

	test('a run where no virtual time passed has one tick at 0 and says so', () => {
		const layout = layoutTimeline(
			run({
				output: [{ t: 0, text: 'hello', stream: 'stdout' }],
				tasks: [task(1, [[0, 'created'], [0, 'started'], [0, 'suspended', 'asyncio.sleep(0)'], [0, 'resumed'], [0, 'done']])],
			}),
		);
		expect(layout.axis.ticks.map((tick) => tick.t)).toEqual([0]);
		expect(layout.axis.span).toBe(1);
		expect(layout.rows[0]!.bars.map((bar) => [bar.start, bar.end])).toEqual([[0, 0]]);
		expect(layout.summary).toMatch(/no virtual time passed/);
	});
});

describe('the record as the sandbox writes it', () => {
	test('events written as arrays read as objects', () => {
		const parsed = RunResultSchema.parse({
			...run({}),
			tasks: [{ ...task(1, [[0, 'created'], [0, 'started']]), events: [[0, 'created', null, 3], [0, 'suspended', 'asyncio.sleep(1)', 4]] }],
		});
		expect(parsed.tasks[0]!.events).toEqual([
			{ t: 0, kind: 'created', detail: null, line: 3 },
			{ t: 0, kind: 'suspended', detail: 'asyncio.sleep(1)', line: 4 },
		]);
	});

	test('an event of an unknown kind is refused', () => {
		const result = RunResultSchema.safeParse({
			...run({}),
			tasks: [{ ...task(1, [[0, 'created']]), events: [[0, 'paused', null, null]] }],
		});
		expect(result.success).toBe(false);
	});
});

describe('large runs stay small', () => {
	test('tasks past the row limit are counted, not drawn', () => {
		const many = Array.from({ length: 200 }, (_, i) =>
			task(i + 2, [[0, 'created'], [0, 'started'], [0, 'suspended', `asyncio.sleep(${i % 3})`], [i % 3, 'resumed'], [i % 3, 'done']]),
		);
		const layout = layoutTimeline(run({ virtual_time: 2, tasks: many }), { maxRows: 50 });
		expect(layout.rows).toHaveLength(50);
		expect(layout.hiddenTasks).toBe(150);
		// The 67 sleeps of 0 s overlap nothing.
		expect(layout.summary).toMatch(/^200 tasks; at most 133 tasks waited at the same time/);
	});

	test('tasks the record left out are counted, and the summary says what it knows', () => {
		const first = Array.from({ length: 1000 }, (_, i) =>
			task(i + 1, [[0, 'created'], [0, 'started'], [0, 'suspended', 'asyncio.sleep(1)'], [1, 'resumed'], [1, 'cancelled']]),
		);
		const layout = layoutTimeline(run({ virtual_time: 1, tasks: first, tasks_omitted: 9000 }), { maxRows: 60 });
		expect(layout.rows).toHaveLength(60);
		expect(layout.hiddenTasks).toBe(9940);
		expect(layout.summary).toBe(
			'10,000 tasks; of the first 1,000, at most 1,000 tasks waited at the same time; the program ended at 1 s. ' +
				'Of the first 1,000, 1,000 tasks were cancelled.',
		);
	});

	test('a task that woke ten thousand times becomes a few bars that count what they stand for', () => {
		const events: EventSpec[] = [[0, 'created'], [0, 'started']];
		for (let t = 0; t < 10_800; t++) events.push([t, 'suspended', 'asyncio.sleep(1)'], [t + 1, 'resumed']);
		events.push([10_800, 'cancelled']);
		const layout = layoutTimeline(run({ virtual_time: 10_800, tasks: [task(1, events)] }), { resolution: 200 });
		const [row] = layout.rows;
		expect(row!.bars).toHaveLength(1);
		expect(row!.bars[0]).toMatchObject({ start: 0, end: 10_800, count: 10_800, label: '10800× asyncio.sleep(1)' });
		expect(row!.marks.filter((mark) => mark.kind === 'step')).toMatchObject([{ t: 0, end: 10_800, count: 10_801 }]);
	});

	test('waits long enough to see are never merged', () => {
		const events: EventSpec[] = [[0, 'created'], [0, 'started']];
		for (let t = 0; t < 6; t++) events.push([t, 'suspended', 'asyncio.sleep(1)'], [t + 1, 'resumed']);
		events.push([6, 'done']);
		const layout = layoutTimeline(run({ virtual_time: 6, tasks: [task(1, events)] }));
		expect(layout.rows[0]!.bars).toHaveLength(6);
	});
});
