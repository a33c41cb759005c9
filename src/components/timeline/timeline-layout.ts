import type { OutputLine, RunResult, TaskRecord } from '../../schemas/run-result.ts';
import { formatSeconds, timeAxis, type TimeAxis } from './time-scale.ts';
import { summarizeRun } from './timeline-summary.ts';
import { clip, plural } from './wording.ts';

/**
 * waiting: suspended until resumed; blocking: a call that froze the event
 * loop while virtual time passed; scheduled: created, not yet started.
 */
export type BarKind = 'waiting' | 'blocking' | 'scheduled';

/** step: the task ran (zero virtual time); the others end or begin its life. */
export type MarkKind = 'created' | 'step' | 'done' | 'error' | 'cancelled';

/** A stretch of virtual time in one row. */
export interface TimelineBar {
	kind: BarKind;
	start: number;
	end: number;
	/** Short text drawn inside the bar, e.g. `asyncio.sleep(1)`. */
	label: string;
	/** The whole story in one sentence: the accessible name and the tooltip. */
	description: string;
	/** How many bars of the run this one stands for (dense rows are merged). */
	count: number;
}

/** A moment in one row; for merged steps, a stretch of them. */
export interface TimelineMark {
	kind: MarkKind;
	t: number;
	/** Equal to `t`, except for steps merged from `t` to `end`. */
	end: number;
	description: string;
	count: number;
}

/** One task, or the calls made outside any task. */
export interface TimelineRow {
	/** The task's id; null for the row of blocking calls outside any task. */
	id: number | null;
	name: string;
	/** Qualified name of the coroutine, as `brew()`; empty for the outside row. */
	coro: string;
	description: string;
	bars: TimelineBar[];
	marks: TimelineMark[];
}

/** The output lines written at one moment (or a moment too short to tell apart). */
export interface OutputMark {
	/** The first line's time. */
	t: number;
	lines: OutputLine[];
	stderr: boolean;
	/** How many lines and when, e.g. `3 lines at 0 s`. */
	title: string;
	description: string;
}

/** A stretch when a blocking call held the loop: no task could run. */
export interface BlockedSpan {
	start: number;
	end: number;
}

/** Everything the chart shows, in virtual seconds; no pixels, no DOM. */
export interface TimelineLayout {
	/** When the run ended (or was stopped). */
	end: number;
	axis: TimeAxis;
	rows: TimelineRow[];
	/** Tasks past the row limit, counted but not drawn. */
	hiddenTasks: number;
	outputs: OutputMark[];
	blocked: BlockedSpan[];
	summary: string;
}

export interface LayoutOptions {
	/** Rows drawn before the rest collapse into a count. */
	maxRows?: number;
	/**
	 * How many distinguishable moments a row has: bars and marks closer than
	 * the axis span divided by this merge, so a task that woke 10,000 times
	 * stays a few hundred elements.
	 */
	resolution?: number;
	/** Most intervals on the time axis. */
	maxIntervals?: number;
}

const DEFAULTS = { maxRows: 60, resolution: 240, maxIntervals: 6 };

/** A step is a thin tick: ticks need this many times the room of bar ends to stay apart. */
const STEP_SPACING = 4;

/**
 * asyncio.run() starts these while it closes the loop; they are not the
 * learner's and would add two rows at the end of every chart.
 */
const LOOP_HOUSEKEEPING = /\.(shutdown_asyncgens|shutdown_default_executor)$/;

const isLearnerTask = (task: TaskRecord) => !(task.parent === null && LOOP_HOUSEKEEPING.test(task.coro));

/** The chart of a run: one row per task in creation order, output on its own row. */
export function layoutTimeline(run: RunResult, options: LayoutOptions = {}): TimelineLayout {
	const maxRows = options.maxRows ?? DEFAULTS.maxRows;
	const resolution = options.resolution ?? DEFAULTS.resolution;
	const maxIntervals = options.maxIntervals ?? DEFAULTS.maxIntervals;
	const tasks = run.tasks.filter(isLearnerTask).sort((a, b) => a.created - b.created || a.id - b.id);
	const end = runEnd(run);
	const axis = timeAxis(end, maxIntervals);
	const minGap = axis.span / resolution;
	const context: RowContext = { end, stopped: run.stopped !== null, minGap };

	const rows: TimelineRow[] = [];
	const outside = run.blocking.filter((call) => call.task === null);
	if (outside.length) rows.push(outsideRow(outside, context));
	const drawn = tasks.slice(0, Math.max(0, maxRows - rows.length));
	const callsOf = groupBy(run.blocking, (call) => call.task);
	for (const task of drawn) rows.push(taskRow(task, callsOf.get(task.id) ?? [], context));

	return {
		end,
		axis,
		rows,
		hiddenTasks: tasks.length - drawn.length + (run.tasks_omitted ?? 0),
		outputs: outputMarks(run.output, minGap),
		blocked: mergeSpans(
			run.blocking.map((call) => ({ start: call.t, end: call.t + call.duration })),
			minGap,
		),
		summary: summarizeRun(run, tasks, end),
	};
}

/** The last moment anything happened; the run's own clock may stop short of a late event. */
function runEnd(run: RunResult): number {
	let end = run.virtual_time;
	for (const task of run.tasks) for (const event of task.events) end = Math.max(end, event.t);
	for (const call of run.blocking) end = Math.max(end, call.t + call.duration);
	for (const line of run.output) end = Math.max(end, line.t);
	return end;
}

interface RowContext {
	end: number;
	stopped: boolean;
	minGap: number;
}

const at = (t: number) => `at ${formatSeconds(t)}`;
const fromTo = (start: number, end: number) => `from ${formatSeconds(start)} to ${formatSeconds(end)}`;
const onLine = (line: number | null | undefined) => (line ? ` (line ${line})` : '');

function taskRow(task: TaskRecord, calls: RunResult['blocking'], context: RowContext): TimelineRow {
	const coro = `${task.coro}()`;
	const who = `${task.name} ${coro}`;
	const waits: TimelineBar[] = [];
	const scheduled: TimelineBar[] = [];
	const marks: TimelineMark[] = [];
	const steps: number[] = [];
	let suspended: TaskRecord['events'][number] | null = null;

	const closeWait = (end: number, stillWaiting: boolean) => {
		if (!suspended) return;
		const on = suspended.detail ?? 'something';
		const tail = stillWaiting ? `, still waiting when the program ${context.stopped ? 'was stopped' : 'ended'}` : '';
		waits.push({
			kind: 'waiting',
			start: suspended.t,
			end,
			label: on,
			description: `${who}: waiting on ${on} ${fromTo(suspended.t, end)}${tail}${onLine(suspended.line)}`,
			count: 1,
		});
		suspended = null;
	};

	for (const event of task.events) {
		switch (event.kind) {
			case 'created':
				marks.push(pointMark('created', event.t, `${who}: created ${at(event.t)}${onLine(event.line ?? task.line)}`));
				break;
			case 'started':
				if (event.t > task.created) scheduled.push(scheduledBar(who, task.created, event.t, true));
				steps.push(event.t);
				break;
			case 'suspended':
				suspended = event;
				break;
			case 'resumed':
				closeWait(event.t, false);
				steps.push(event.t);
				break;
			default:
				closeWait(event.t, false);
				marks.push(endMark(who, event.kind, event.t, event.detail, task.result, context));
		}
	}
	closeWait(context.end, true);
	if (task.started === null && task.ended === null && context.end > task.created) {
		scheduled.push(scheduledBar(who, task.created, context.end, false));
	}
	const blocking = calls.map((call) => blockingBar(who, call, 'froze the event loop'));

	return {
		id: task.id,
		name: task.name,
		coro,
		description: rowDescription(task, coro, waits.length, calls.length),
		bars: [...scheduled, ...mergeBars(waits, context.minGap, who), ...mergeBars(blocking, context.minGap, who)].sort(
			(a, b) => a.start - b.start,
		),
		marks: [...stepMarks(steps, context.minGap * STEP_SPACING, who), ...marks],
	};
}

/** The stretch between creation and the first step, drawn only when time passed in it. */
function scheduledBar(who: string, created: number, until: number, ran: boolean): TimelineBar {
	const then = ran ? `first ran ${at(until)}: until then the event loop was busy elsewhere` : 'never ran';
	return {
		kind: 'scheduled',
		start: created,
		end: until,
		label: '',
		description: `${who}: created ${at(created)}, ${then}`,
		count: 1,
	};
}

function blockingBar(who: string, call: RunResult['blocking'][number], effect: string): TimelineBar {
	const end = call.t + call.duration;
	return {
		kind: 'blocking',
		start: call.t,
		end,
		label: call.call,
		description: `${who}: the blocking call ${call.call} ${effect} ${fromTo(call.t, end)}${onLine(call.line)}`,
		count: 1,
	};
}

function endMark(
	who: string,
	kind: 'done' | 'error' | 'cancelled',
	t: number,
	detail: string | null,
	result: string | null,
	context: RowContext,
): TimelineMark {
	let description: string;
	if (kind === 'done') {
		const returned = result && result !== 'None' ? `, returned ${result}` : '';
		description = `${who}: done ${at(t)}${returned}`;
	} else if (kind === 'error') {
		description = `${who}: ended with an error ${at(t)}${detail ? `: ${detail}` : ''}`;
	} else {
		const why = context.stopped && t >= context.end ? ', when the sandbox stopped the program' : '';
		description = `${who}: cancelled ${at(t)}${why}`;
	}
	return pointMark(kind, t, description);
}

const pointMark = (kind: MarkKind, t: number, description: string): TimelineMark => ({ kind, t, end: t, description, count: 1 });

function rowDescription(task: TaskRecord, coro: string, waits: number, calls: number): string {
	const life = [`created ${at(task.created)}`];
	if (task.ended !== null) {
		const how = { done: 'done', error: 'ended with an error', cancelled: 'cancelled', pending: 'ended' }[task.state];
		life.push(`${how} ${at(task.ended)}`);
	} else {
		life.push('still pending at the end');
	}
	life.push(waits === 0 ? 'never waited' : waits === 1 ? 'waited once' : `waited ${waits} times`);
	if (calls) life.push(`made ${plural(calls, 'blocking call')}`);
	return `${task.name}, coroutine ${coro}: ${life.join(', ')}`;
}

function outsideRow(calls: RunResult['blocking'], context: RowContext): TimelineRow {
	const who = 'Outside any task';
	const bars = calls.map((call) => blockingBar(who, call, 'held the program'));
	return {
		id: null,
		name: 'outside tasks',
		coro: '',
		description: `${who}: ${plural(calls.length, 'blocking call')} made before or between event loops`,
		bars: mergeBars(bars, context.minGap, who),
		marks: [],
	};
}

/**
 * Merge runs of waits too short to see apart (each, and the gaps between
 * them, under `minGap`) into one bar that says how many it stands for.
 * Waits long enough to see stay as they are.
 */
function mergeBars(bars: TimelineBar[], minGap: number, who: string): TimelineBar[] {
	const narrow = (bar: TimelineBar) => bar.end - bar.start < minGap;
	const merged: TimelineBar[][] = [];
	for (const bar of bars) {
		const group = merged.at(-1);
		const last = group?.at(-1);
		if (group && last && narrow(bar) && narrow(last) && bar.kind === last.kind && bar.start - last.end <= minGap) {
			group.push(bar);
		} else {
			merged.push([bar]);
		}
	}
	return merged.map((group) => (group.length === 1 ? group[0]! : combineBars(group, who)));
}

function combineBars(group: TimelineBar[], who: string): TimelineBar {
	const first = group[0]!;
	const start = first.start;
	const end = group.at(-1)!.end;
	const labels = [...new Set(group.map((bar) => bar.label))];
	const what = labels.length === 1 ? labels[0]! : `${labels.slice(0, 2).join(', ')}${labels.length > 2 ? '…' : ''}`;
	const verb = first.kind === 'blocking' ? `made ${group.length} blocking calls` : `waited ${group.length} times`;
	return {
		kind: first.kind,
		start,
		end,
		label: `${group.length}× ${what}`,
		description: `${who}: ${verb} (${what}) ${fromTo(start, end)}`,
		count: group.length,
	};
}

/**
 * Steps take no virtual time: one tick per moment. Steps that follow each
 * other closer than `minGap` chain into one stretch, drawn as a comb.
 */
function stepMarks(steps: number[], minGap: number, who: string): TimelineMark[] {
	const marks: TimelineMark[] = [];
	for (const t of steps) {
		const last = marks.at(-1);
		if (last && t - last.end <= minGap) {
			if (t > last.end) last.end = t;
			last.count++;
		} else {
			marks.push({ kind: 'step', t, end: t, description: '', count: 1 });
		}
	}
	for (const mark of marks) {
		const when = mark.end > mark.t ? fromTo(mark.t, mark.end) : at(mark.t);
		mark.description = `${who}: ran ${mark.count === 1 ? 'a step' : `${mark.count} steps`} ${when}`;
	}
	return marks;
}

/** Lines close in time share one mark; each line's text is kept whole for the tooltip. */
function outputMarks(lines: OutputLine[], minGap: number): OutputMark[] {
	const groups: OutputLine[][] = [];
	for (const line of lines) {
		const group = groups.at(-1);
		if (group && line.t - group[0]!.t <= minGap) group.push(line);
		else groups.push([line]);
	}
	return groups.map((group) => {
		const t = group[0]!.t;
		const end = group.at(-1)!.t;
		const when = t === end ? at(t) : fromTo(t, end);
		const quoted = group.slice(0, 3).map((line) => `“${clip(line.text, 80)}”`);
		const more = group.length > 3 ? ` and ${plural(group.length - 3, 'more line')}` : '';
		const title = `${plural(group.length, 'line')} of output ${when}`;
		return {
			t,
			lines: group,
			stderr: group.some((line) => line.stream === 'stderr'),
			title,
			description: `${title}: ${quoted.join(', ')}${more}`,
		};
	});
}

function mergeSpans(spans: BlockedSpan[], minGap: number): BlockedSpan[] {
	const merged: BlockedSpan[] = [];
	for (const span of [...spans].sort((a, b) => a.start - b.start)) {
		const last = merged.at(-1);
		if (last && span.start - last.end <= minGap) last.end = Math.max(last.end, span.end);
		else merged.push({ ...span });
	}
	return merged;
}

function groupBy<T, K>(items: T[], key: (item: T) => K): Map<K, T[]> {
	const groups = new Map<K, T[]>();
	for (const item of items) {
		const k = key(item);
		const group = groups.get(k);
		if (group) group.push(item);
		else groups.set(k, [item]);
	}
	return groups;
}
