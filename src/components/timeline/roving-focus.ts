/** A row of focusable items in time order, its label first (at LABEL_TIME). */
export interface Lane {
	items: HTMLElement[];
	times: number[];
}

/** The time of a row label: before anything in its row. */
export const LABEL_TIME = -Infinity;

/**
 * The chart is one stop in the Tab order, not hundreds: the arrow keys move
 * along a row (Left, Right, Home, End) and between rows to the item closest
 * in time (Up, Down). Only the item last reached has tabindex 0.
 */
export function rovingFocus(area: HTMLElement, allLanes: Lane[], start: HTMLElement | undefined) {
	const lanes = allLanes.filter((lane) => lane.items.length);
	const where = new Map<HTMLElement, [lane: number, index: number]>();
	lanes.forEach((lane, l) =>
		lane.items.forEach((item, i) => {
			item.tabIndex = -1;
			where.set(item, [l, i]);
		}),
	);
	let active = start && where.has(start) ? start : lanes[0]?.items[0];
	if (active) active.tabIndex = 0;

	function moveTo(item: HTMLElement | undefined) {
		if (!item) return;
		if (active) active.tabIndex = -1;
		active = item;
		item.tabIndex = 0;
		item.focus();
	}

	function target(key: string, l: number, i: number): HTMLElement | undefined {
		const lane = lanes[l]!;
		switch (key) {
			case 'ArrowLeft':
				return lane.items[i - 1];
			case 'ArrowRight':
				return lane.items[i + 1];
			case 'Home':
				return lane.items[0];
			case 'End':
				return lane.items.at(-1);
			case 'ArrowUp':
			case 'ArrowDown': {
				const next = lanes[key === 'ArrowUp' ? l - 1 : l + 1];
				return next && next.items[closest(next.times, lane.times[i]!)];
			}
		}
		return undefined;
	}

	function onKey(event: KeyboardEvent) {
		const position = where.get(event.target as HTMLElement);
		if (!position || event.altKey || event.ctrlKey || event.metaKey) return;
		const item = target(event.key, ...position);
		if (event.key.startsWith('Arrow') || event.key === 'Home' || event.key === 'End') event.preventDefault();
		moveTo(item);
	}

	// A click focuses an item too; Tab should come back to it.
	function onFocus(event: FocusEvent) {
		const item = event.target as HTMLElement;
		if (!where.has(item) || item === active) return;
		if (active) active.tabIndex = -1;
		active = item;
		item.tabIndex = 0;
	}

	area.addEventListener('keydown', onKey);
	area.addEventListener('focusin', onFocus);
	return {
		destroy() {
			area.removeEventListener('keydown', onKey);
			area.removeEventListener('focusin', onFocus);
		},
	};
}

/** The index of the time nearest `t`; from a row label, the next row's label if it has one. */
function closest(times: number[], t: number): number {
	if (t === LABEL_TIME) return 0;
	let best = 0;
	let bestDistance = Infinity;
	times.forEach((time, index) => {
		const distance = time === LABEL_TIME ? Infinity : Math.abs(time - t);
		if (distance < bestDistance) {
			best = index;
			bestDistance = distance;
		}
	});
	return best;
}
