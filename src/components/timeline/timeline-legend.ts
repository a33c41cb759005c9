import { element } from './dom.ts';
import { glyph, type GlyphName } from './glyphs.ts';
import type { TimelineLayout } from './timeline-layout.ts';

/** Legend entries: the class that draws the key, its words, and its icon if it has one. */
const LEGEND: [kind: string, text: string, icon?: GlyphName][] = [
	['waiting', 'waiting (await)'],
	['step', 'running a step'],
	['blocking', 'blocking call: the event loop is frozen', 'warning'],
	['scheduled', 'created, not started yet'],
	['created', 'created', 'created'],
	['done', 'done', 'done'],
	['error', 'error', 'error'],
	['cancelled', 'cancelled', 'cancelled'],
	['output', 'output line', 'output'],
	['stderr', 'line on standard error', 'stderr'],
];

/** The legend lists only what this chart shows. */
export function legend(layout: TimelineLayout) {
	const shown = new Set<string>();
	for (const row of layout.rows) {
		for (const bar of row.bars) shown.add(bar.kind);
		for (const mark of row.marks) shown.add(mark.kind);
	}
	for (const output of layout.outputs) shown.add(output.stderr ? 'stderr' : 'output');
	const list = element('ul', 'timeline-legend');
	list.setAttribute('aria-label', 'Legend');
	for (const [kind, text, icon] of LEGEND) {
		if (!shown.has(kind)) continue;
		const key = element('span', `tl-key tl-${kind}`);
		key.setAttribute('aria-hidden', 'true');
		if (icon) key.append(glyph(icon));
		const entry = element('li', '');
		entry.append(key, text);
		list.append(entry);
	}
	return list;
}
