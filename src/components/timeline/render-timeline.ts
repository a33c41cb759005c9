import type { RunResult } from '../../schemas/run-result.ts';
import { layoutTimeline } from './timeline-layout.ts';
import { createReplay } from './timeline-replay.ts';
import { renderTimelineView } from './timeline-view.ts';

export interface TimelineOptions {
	/**
	 * The element that shows the run's output lines (a code box's
	 * `.output-lines`): the replay rewrites it line by line, with the same
	 * markup as `renderRun`, and leaves the whole output there at the end.
	 */
	outputContainer?: HTMLElement;
	/** Replay as soon as the chart is shown (never under prefers-reduced-motion). Default: true. */
	autoplay?: boolean;
	/** Rows drawn before the rest collapse into a count. Default: 60. */
	maxRows?: number;
}

export interface TimelineHandle {
	/**
	 * Stop the replay and remove the chart. The output container is left as
	 * it is: the caller is about to clear it for the next run, or keeps it.
	 */
	destroy(): void;
}

/** Append the timeline of a run to `container`: one row per task over virtual time, with a replay. */
export function renderTimeline(container: HTMLElement, run: RunResult, options: TimelineOptions = {}): TimelineHandle {
	const layout = layoutTimeline(run, { maxRows: options.maxRows });
	const view = renderTimelineView(container, layout);
	const replay = createReplay({
		run,
		end: layout.end,
		toolbar: view.toolbar,
		setCursor: view.setCursor,
		outputContainer: options.outputContainer,
		autoplay: options.autoplay ?? true,
	});
	return {
		destroy() {
			replay.destroy();
			view.destroy();
		},
	};
}
