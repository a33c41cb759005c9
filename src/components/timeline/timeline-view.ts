import './timeline.css';
import { element } from './dom.ts';
import { glyph, type GlyphName } from './glyphs.ts';
import { LABEL_TIME, rovingFocus, type Lane } from './roving-focus.ts';
import { legend } from './timeline-legend.ts';
import type { MarkKind, OutputMark, TimelineBar, TimelineLayout, TimelineMark, TimelineRow } from './timeline-layout.ts';
import { attachTooltip, type Tip } from './timeline-tooltip.ts';
import { plural } from './wording.ts';

/** The chart in the page, and what the replay needs of it. */
export interface TimelineView {
	/** Where the replay puts its controls. */
	toolbar: HTMLElement;
	/** Show the replay's cursor at virtual time `t`; null hides it. */
	setCursor(t: number | null): void;
	destroy(): void;
}

/** Painting order within a row, and reading order at equal times. */
const ORDER: Record<TimelineBar['kind'] | MarkKind, number> = {
	created: 0,
	scheduled: 1,
	step: 2,
	waiting: 3,
	blocking: 3,
	done: 4,
	error: 4,
	cancelled: 4,
};

let nextId = 0;

/**
 * Draws a layout as HTML: a grid with a label column and one track per row,
 * where bars and marks sit at `--x` (their time as a fraction of the axis)
 * so the chart follows its width without script. The grid's height follows
 * from the number of rows alone, so nothing below it moves once it is shown.
 */
export function renderTimelineView(container: HTMLElement, layout: TimelineLayout): TimelineView {
	const id = `timeline-${++nextId}`;
	const span = layout.axis.span;
	const tips = new WeakMap<HTMLElement, Tip>();
	const lanes: Lane[] = [];

	const figure = element('figure', 'timeline');
	const head = element('div', 'timeline-head');
	const caption = element('figcaption', 'timeline-summary', layout.summary);
	caption.id = `${id}-summary`;
	const toolbar = element('div', 'timeline-toolbar');
	const help = element('span', 'sr-only', 'Use the arrow keys to move between the bars and marks.');
	help.id = `${id}-help`;
	head.append(caption, help, toolbar);

	const scroller = element('div', 'timeline-scroll');
	const grid = element('div', 'timeline-grid');
	grid.setAttribute('role', 'group');
	grid.setAttribute('aria-label', 'Timeline of the run: one row per task, virtual time from left to right');
	grid.setAttribute('aria-describedby', `${caption.id} ${help.id}`);
	grid.style.gridTemplateRows = `var(--tl-row) ${'var(--tl-row) '.repeat(layout.rows.length)}var(--tl-axis)`;

	function item(className: string, t: number, description: string, tip: Tip = { text: description }) {
		const node = element('span', `tl-item tl-at ${className}`);
		node.setAttribute('role', 'img');
		node.setAttribute('aria-label', description);
		node.style.setProperty('--x', String(t / span));
		tips.set(node, tip);
		return node;
	}

	function bar(data: TimelineBar) {
		const node = item(`tl-bar tl-${data.kind}`, data.start, data.description);
		node.style.setProperty('--w', String((data.end - data.start) / span));
		if (data.kind === 'blocking') node.append(glyph('warning'));
		if (data.label) node.append(element('span', 'tl-bar-text', data.label));
		return node;
	}

	function mark(data: TimelineMark) {
		const node = item(`tl-mark tl-${data.kind}`, data.t, data.description);
		if (data.kind !== 'step') node.append(glyph(data.kind));
		else if (data.end > data.t) {
			node.classList.add('tl-comb');
			node.style.setProperty('--w', String((data.end - data.t) / span));
		}
		return node;
	}

	function outputMark(data: OutputMark) {
		const name: GlyphName = data.stderr ? 'stderr' : 'output';
		const node = item(`tl-mark tl-${name}`, data.t, data.description, { text: data.title, lines: data.lines });
		node.append(glyph(name));
		return node;
	}

	const underlay = element('div', 'tl-underlay');
	underlay.setAttribute('aria-hidden', 'true');
	for (const blocked of layout.blocked) {
		const band = positioned('tl-band', blocked.start / span);
		band.style.setProperty('--w', String((blocked.end - blocked.start) / span));
		underlay.append(band);
	}
	for (const tick of layout.axis.ticks) underlay.append(positioned('tl-gridline', tick.t / span));

	const cursorLayer = element('div', 'tl-cursor-layer');
	cursorLayer.setAttribute('aria-hidden', 'true');
	const cursor = element('span', 'tl-at tl-cursor');
	cursor.hidden = true;
	cursorLayer.append(cursor);

	grid.append(underlay);

	const outputTrack = element('div', 'tl-track tl-output-track');
	const outputItems = layout.outputs.map(outputMark);
	if (outputItems.length) outputTrack.append(...outputItems);
	else outputTrack.append(element('span', 'tl-empty', 'no output'));
	grid.append(element('div', 'tl-label tl-output-label', 'Output'), outputTrack);
	lanes.push({ items: outputItems, times: layout.outputs.map((output) => output.t) });

	layout.rows.forEach((row, index) => {
		const label = rowLabel(row);
		tips.set(label, { text: row.description });
		const track = element('div', 'tl-track');
		const entries = [
			...row.bars.map((data) => ({ t: data.start, order: ORDER[data.kind], node: bar(data) })),
			...row.marks.map((data) => ({ t: data.t, order: ORDER[data.kind], node: mark(data) })),
		].sort((a, b) => a.t - b.t || a.order - b.order);
		// Document order is reading order; CSS paints marks above bars.
		track.append(...entries.map((entry) => entry.node));
		if (index % 2) {
			label.classList.add('tl-odd');
			track.classList.add('tl-odd');
		}
		grid.append(label, track);
		lanes.push({ items: [label, ...entries.map((entry) => entry.node)], times: [LABEL_TIME, ...entries.map((entry) => entry.t)] });
	});

	const axis = element('div', 'tl-track tl-axis');
	axis.setAttribute('aria-hidden', 'true');
	for (const tick of layout.axis.ticks) axis.append(positioned('tl-tick', tick.t / span, tick.label));
	grid.append(element('div', 'tl-label tl-axis-label', 'time (s)'), axis, cursorLayer);

	scroller.append(grid);
	figure.append(head, scroller);
	if (layout.hiddenTasks) {
		const more = `… and ${plural(layout.hiddenTasks, 'more task')}, not drawn: the chart shows the first ${layout.rows.length} rows.`;
		figure.append(element('p', 'timeline-more', more));
	}
	figure.append(legend(layout));

	const focus = rovingFocus(grid, lanes, lanes[1]?.items[0]);
	const tooltip = attachTooltip(figure, scroller, (node) => tips.get(node));
	container.append(figure);

	return {
		toolbar,
		setCursor(t) {
			cursor.hidden = t === null;
			if (t !== null) cursor.style.setProperty('--x', String(t / span));
			// Output the replay has not reached yet is faint, so each mark lights up as its lines appear.
			layout.outputs.forEach((output, index) => outputItems[index]!.classList.toggle('tl-pending', t !== null && output.t > t));
		},
		destroy() {
			focus.destroy();
			tooltip.destroy();
			figure.remove();
		},
	};
}

function rowLabel(row: TimelineRow) {
	const label = element('span', 'tl-item tl-label');
	label.setAttribute('role', 'img');
	label.setAttribute('aria-label', row.description);
	label.append(element('span', 'tl-name', row.name));
	if (row.coro) label.append(' ', element('span', 'tl-coro', row.coro));
	return label;
}

function positioned(className: string, x: number, text?: string) {
	const node = element('span', `tl-at ${className}`, text);
	node.style.setProperty('--x', String(x));
	return node;
}
