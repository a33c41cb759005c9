/** A labelled tick on the time axis, in virtual seconds. */
export interface Tick {
	t: number;
	label: string;
}

/** The axis of a chart: from 0 to `span` virtual seconds, with round ticks. */
export interface TimeAxis {
	/** Where the axis ends: the run's end rounded up to a whole tick step. */
	span: number;
	step: number;
	ticks: Tick[];
}

/** Steps are 1, 2 or 5 times a power of ten: 0.5, 1, 2, 5, 10, 20... */
const STEP_FACTORS = [1, 2, 5, 10];

/** Float products such as 3 * 0.1 land beside round numbers; twelve digits put them back. */
const round = (value: number) => Number(value.toPrecision(12));

/** The smallest round step that cuts `range` into at most `maxIntervals` parts. */
export function niceStep(range: number, maxIntervals: number): number {
	const raw = range / Math.max(1, maxIntervals);
	const magnitude = 10 ** Math.floor(Math.log10(raw));
	const factor = STEP_FACTORS.find((f) => round(f * magnitude) >= raw) ?? 10;
	return round(factor * magnitude);
}

/**
 * The axis for a run that ended at `end` virtual seconds. A run where no
 * virtual time passed gets an axis of one second with a single tick at 0,
 * so everything it did sits at the left edge instead of dividing by zero.
 */
export function timeAxis(end: number, maxIntervals = 6): TimeAxis {
	if (!(end > 0)) return { span: 1, step: 1, ticks: [{ t: 0, label: '0' }] };
	const step = niceStep(end, maxIntervals);
	const intervals = Math.max(1, Math.ceil(round(end / step)));
	const decimals = Math.max(0, -Math.floor(Math.log10(step)));
	const ticks = Array.from({ length: intervals + 1 }, (_, i) => {
		const t = round(i * step);
		return { t, label: t.toFixed(decimals) };
	});
	return { span: round(intervals * step), step, ticks };
}

/** Virtual seconds in words for people: `3 s`, `0.25 s`, `2.868 s`. */
export function formatSeconds(t: number): string {
	if (t !== 0 && Math.abs(t) < 0.001) return `${Number(t.toPrecision(2))} s`;
	return `${Number(t.toFixed(3))} s`;
}
