/** Replay speeds: virtual seconds per real second. */
export const SPEEDS = [1, 2, 10] as const;
export type Speed = (typeof SPEEDS)[number];

/**
 * The virtual time of a replay as a function of real time (milliseconds,
 * as `performance.now()` gives them). It holds an anchor, the virtual time
 * at the real moment of the last play, pause or change of speed, so pausing
 * and changing speed never make the replay jump.
 */
export class ReplayClock {
	/** Virtual seconds at which the replay ends. */
	readonly end: number;
	speed: Speed;
	playing = false;
	private anchorReal = 0;
	private anchorVirtual = 0;

	constructor(end: number, speed: Speed = 1) {
		this.end = end;
		this.speed = speed;
	}

	now(realMs: number): number {
		if (!this.playing) return this.anchorVirtual;
		return Math.min(this.end, this.anchorVirtual + ((realMs - this.anchorReal) / 1000) * this.speed);
	}

	/** Play from where it was; from the start again once it reached the end. */
	play(realMs: number) {
		if (this.now(realMs) >= this.end) this.anchorVirtual = 0;
		this.anchorReal = realMs;
		this.playing = true;
	}

	pause(realMs: number) {
		this.anchorVirtual = this.now(realMs);
		this.playing = false;
	}

	setSpeed(realMs: number, speed: Speed) {
		this.anchorVirtual = this.now(realMs);
		this.anchorReal = realMs;
		this.speed = speed;
	}

	/** Stop at the end, as if it had played through. */
	finish() {
		this.anchorVirtual = this.end;
		this.playing = false;
	}
}

/**
 * The slowest speed, no slower than `atLeast`, at which a run of `end`
 * virtual seconds replays within `limitSeconds`; null when even the fastest
 * would take longer (a replay nobody asked for should not run for minutes).
 */
export function autoplaySpeed(end: number, limitSeconds: number, atLeast: Speed = 1): Speed | null {
	if (!(end > 0)) return null;
	return SPEEDS.find((speed) => speed >= atLeast && end / speed <= limitSeconds) ?? null;
}

/** The index past the last of `items` (sorted by `t`) due at virtual time `t`, searching from `from`. */
export function dueUntil(items: readonly { t: number }[], t: number, from = 0): number {
	let index = from;
	while (index < items.length && items[index]!.t <= t) index++;
	return index;
}
