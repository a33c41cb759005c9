import type { OutputLine } from '../../schemas/run-result.ts';
import { formatTime } from '../run-output.ts';
import { element } from './dom.ts';
import { clip, plural } from './wording.ts';

/** What a tooltip shows: a sentence, and for output marks the lines themselves. */
export interface Tip {
	text: string;
	lines?: OutputLine[];
}

/** A tooltip lists this many lines of output; the rest are counted. */
const MAX_LINES = 8;
const MAX_LINE_LENGTH = 400;
/** Time to move the pointer from an item onto its tooltip (WCAG 1.4.13: hoverable). */
const HIDE_DELAY_MS = 200;

/**
 * One tooltip for every item of a chart, shown on hover and on keyboard
 * focus, dismissed with Escape. It repeats the item's accessible name, so
 * it is hidden from assistive technology.
 */
export function attachTooltip(host: HTMLElement, area: HTMLElement, tipOf: (item: HTMLElement) => Tip | undefined) {
	const tooltip = element('div', 'timeline-tooltip');
	tooltip.setAttribute('aria-hidden', 'true');
	tooltip.hidden = true;
	host.append(tooltip);
	let current: HTMLElement | null = null;
	let hideTimer: ReturnType<typeof setTimeout> | undefined;

	const itemOf = (target: EventTarget | null) =>
		target instanceof Element ? target.closest<HTMLElement>('.tl-item') : null;

	function show(item: HTMLElement) {
		clearTimeout(hideTimer);
		const tip = tipOf(item);
		if (!tip) return;
		if (item !== current) {
			current = item;
			fill(tooltip, tip);
		}
		tooltip.hidden = false;
		place(tooltip, item, host, area);
	}

	function hide() {
		clearTimeout(hideTimer);
		current = null;
		tooltip.hidden = true;
	}

	function hideSoon() {
		clearTimeout(hideTimer);
		hideTimer = setTimeout(() => {
			const focused = itemOf(document.activeElement);
			if (focused && area.contains(focused)) show(focused);
			else hide();
		}, HIDE_DELAY_MS);
	}

	const showItem = (event: Event) => {
		const item = itemOf(event.target);
		if (item) show(item);
	};
	const listeners: [EventTarget, string, (event: Event) => void][] = [
		[area, 'pointerover', showItem],
		[area, 'focusin', showItem],
		[area, 'pointerout', (event) => {
			if (!tooltip.contains((event as PointerEvent).relatedTarget as Node | null)) hideSoon();
		}],
		[area, 'focusout', (event) => {
			if (!itemOf((event as FocusEvent).relatedTarget)) hide();
		}],
		[area, 'keydown', (event) => {
			if ((event as KeyboardEvent).key === 'Escape') hide();
		}],
		[area, 'scroll', () => {
			if (current) place(tooltip, current, host, area);
		}],
		[tooltip, 'pointerenter', () => clearTimeout(hideTimer)],
		[tooltip, 'pointerleave', hideSoon],
	];
	for (const [target, type, listener] of listeners) target.addEventListener(type, listener);

	return {
		destroy() {
			clearTimeout(hideTimer);
			for (const [target, type, listener] of listeners) target.removeEventListener(type, listener);
			tooltip.remove();
		},
	};
}

/** Output goes in as text, never as HTML. */
function fill(tooltip: HTMLElement, tip: Tip) {
	tooltip.replaceChildren();
	tooltip.append(element('p', 'tl-tip-text', tip.text));
	if (!tip.lines) return;
	const list = element('pre', 'tl-tip-lines');
	for (const line of tip.lines.slice(0, MAX_LINES)) {
		const row = element('span', `tl-tip-line ${line.stream}`);
		row.append(element('span', 'tl-tip-time', formatTime(line.t)), clip(line.text, MAX_LINE_LENGTH), '\n');
		list.append(row);
	}
	if (tip.lines.length > MAX_LINES) list.append(`… and ${plural(tip.lines.length - MAX_LINES, 'more line')}`);
	tooltip.append(list);
}

/**
 * Above the visible part of the item, or below it when there is no room
 * above in the viewport; never wider than the chart.
 */
function place(tooltip: HTMLElement, item: HTMLElement, host: HTMLElement, area: HTMLElement) {
	const box = item.getBoundingClientRect();
	const visible = area.getBoundingClientRect();
	const hostBox = host.getBoundingClientRect();
	const left = Math.max(box.left, visible.left);
	const right = Math.min(box.right, visible.right);
	const centre = (left + right) / 2 - hostBox.left;
	const width = tooltip.offsetWidth;
	const height = tooltip.offsetHeight;
	const x = Math.min(Math.max(0, centre - width / 2), Math.max(0, hostBox.width - width));
	const gap = 6;
	const above = box.top - height - gap >= 0;
	const y = above ? box.top - hostBox.top - height - gap : box.bottom - hostBox.top + gap;
	tooltip.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
}
