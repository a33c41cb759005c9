import type { RunResult } from '../../schemas/run-result.ts';
import { appendLine, renderRun } from '../run-output.ts';
import { element } from './dom.ts';
import { glyph } from './glyphs.ts';
import { autoplaySpeed, dueUntil, ReplayClock, SPEEDS, type Speed } from './replay-clock.ts';
import { formatSeconds } from './time-scale.ts';

export interface ReplayOptions {
	run: RunResult;
	/** Virtual seconds at which the replay ends. */
	end: number;
	/** Where the controls go. */
	toolbar: HTMLElement;
	setCursor(t: number | null): void;
	/** The run's output as the page shows it; replayed line by line when given. */
	outputContainer?: HTMLElement;
	/** Start at once, unless the reader prefers reduced motion. */
	autoplay: boolean;
}

/** An unasked-for replay must be over within this many real seconds, or it does not start. */
const AUTOPLAY_LIMIT_S = 15;

/** The speed the learner last chose holds for the next runs on the page. */
let chosenSpeed: Speed = 1;

/**
 * Replays a run in real time: the cursor crosses the chart and the output
 * lines appear at their virtual times, at 1×, 2× or 10×. While it plays the
 * output box keeps the height of the whole output, so nothing below it
 * moves; at the end the whole output is shown again, notes included.
 */
export function createReplay(options: ReplayOptions) {
	const { run, end, toolbar, setCursor, outputContainer } = options;
	// With no virtual time there is nothing to replay.
	if (!(end > 0)) return { destroy() {} };
	const lines = run.output;
	const clock = new ReplayClock(end, chosenSpeed);
	/** idle: before the first play, or after the end. */
	let state: 'idle' | 'playing' | 'paused' = 'idle';
	let shown = 0;
	let frame = 0;
	let releaseHeight: (() => void) | null = null;

	const play = button('tl-play', '');
	const skip = button('tl-skip', 'Skip to end');
	skip.prepend(glyph('skip'));
	const speeds = element('span', 'tl-speeds');
	speeds.setAttribute('role', 'group');
	speeds.setAttribute('aria-label', 'Replay speed');
	const speedButtons = SPEEDS.map((speed) => {
		const choice = button('tl-speed', `${speed}×`);
		choice.addEventListener('click', () => chooseSpeed(speed));
		return choice;
	});
	speeds.append(...speedButtons);
	const time = element('span', 'tl-clock');
	time.setAttribute('aria-hidden', 'true');
	// As wide as it will ever be: a clock that grows a digit must not rewrap the toolbar.
	time.style.minWidth = `${clockText(end).length}ch`;
	toolbar.append(play, skip, speeds, time);

	play.addEventListener('click', () => (state === 'playing' ? pause() : start()));
	skip.addEventListener('click', finish);
	showState();

	const reduceMotion = globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
	const speed = autoplaySpeed(end, AUTOPLAY_LIMIT_S, chosenSpeed);
	if (options.autoplay && !reduceMotion && speed) {
		clock.speed = speed;
		start();
	}

	function start() {
		if (state === 'idle') {
			shown = 0;
			if (outputContainer) {
				releaseHeight = holdHeight(outputContainer);
				outputContainer.replaceChildren();
			}
		}
		state = 'playing';
		clock.play(performance.now());
		showState();
		frame = requestAnimationFrame(step);
	}

	function step() {
		const t = clock.now(performance.now());
		const due = dueUntil(lines, t, shown);
		if (outputContainer && due > shown) {
			for (const line of lines.slice(shown, due)) appendLine(outputContainer, line);
			outputContainer.scrollTop = outputContainer.scrollHeight;
		}
		shown = due;
		setCursor(t);
		time.textContent = clockText(t);
		if (t >= end) finish();
		else frame = requestAnimationFrame(step);
	}

	function pause() {
		cancelAnimationFrame(frame);
		clock.pause(performance.now());
		state = 'paused';
		showState();
	}

	function finish() {
		cancelAnimationFrame(frame);
		clock.finish();
		if (outputContainer && state !== 'idle') renderRun(outputContainer, run);
		releaseHeight?.();
		releaseHeight = null;
		state = 'idle';
		setCursor(null);
		showState();
	}

	function chooseSpeed(speed: Speed) {
		chosenSpeed = speed;
		clock.setSpeed(performance.now(), speed);
		showState();
	}

	function showState() {
		const label = { idle: 'Replay', playing: 'Pause', paused: 'Resume' }[state];
		play.replaceChildren(glyph(state === 'playing' ? 'pause' : 'play'), label);
		play.setAttribute(
			'aria-label',
			state === 'playing' ? 'Pause the replay' : `${label} the run${outputContainer ? ' and its output' : ''} in real time`,
		);
		skip.disabled = state === 'idle';
		for (const [index, choice] of speedButtons.entries()) {
			choice.setAttribute('aria-pressed', String(SPEEDS[index] === clock.speed));
		}
		time.textContent = clockText(state === 'idle' ? end : clock.now(performance.now()));
	}

	/** Fixed decimals, so the digits do not jitter while the clock runs. */
	function clockText(t: number) {
		const decimals = end >= 100 ? 0 : end >= 10 ? 1 : 2;
		return `${t.toFixed(decimals)} / ${formatSeconds(end)}`;
	}

	return {
		/** Stops where it is; the output box is the caller's, so it is left as it is. */
		destroy() {
			cancelAnimationFrame(frame);
			releaseHeight?.();
			releaseHeight = null;
			play.remove();
			skip.remove();
			speeds.remove();
			time.remove();
		},
	};
}

function button(className: string, text: string) {
	const node = element('button', className, text);
	node.type = 'button';
	return node;
}

/** Keep a box at least as tall as it is now; returns the undo. */
function holdHeight(box: HTMLElement): () => void {
	const before = box.style.minHeight;
	const style = getComputedStyle(box);
	let height = box.getBoundingClientRect().height;
	if (style.boxSizing === 'content-box') {
		for (const side of ['Top', 'Bottom'] as const) {
			height -= parseFloat(style[`padding${side}`]) + parseFloat(style[`border${side}Width`]);
		}
	}
	box.style.minHeight = `${height}px`;
	return () => {
		box.style.minHeight = before;
	};
}
